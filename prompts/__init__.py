"""Prompt templates, one file per prompt."""
