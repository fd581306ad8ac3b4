"""Data files produced from the models: each function returns (path, bytes)."""
