"""Market data: providers, symbols, macro series and pure metric functions."""
