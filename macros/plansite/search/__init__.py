"""Site search: a compact index written at build time, searched in the browser by
plan-search-engine.js, which plan-search.js loads with the index when the dialog first opens."""
