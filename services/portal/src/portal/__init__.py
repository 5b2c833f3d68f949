"""The staff portal."""
