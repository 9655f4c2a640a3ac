"""The accessibility audit: axe-core, keyboard scripts and the Nu HTML Checker over every page."""
