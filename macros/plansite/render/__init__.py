"""Components: small Jinja templates fed by the model. Output is HTML; data is always escaped."""
