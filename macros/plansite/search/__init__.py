"""Site search: a compact index written at build time, searched in the browser by plan-search.js."""
