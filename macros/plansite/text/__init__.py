"""Text helpers: Japanese era years, value display, Markdown rendering and escaping."""
