"""Numeric claims in text: deterministic extraction and time resolution."""

from assistant.claims.extract import extract_claims

__all__ = ["extract_claims"]
