"""The base layer: what every other layer may use (errors for authors, URLs of pages, ids)."""
