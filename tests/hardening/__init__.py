"""Fault and hostile-input probes kept as tests (issue 10)."""
