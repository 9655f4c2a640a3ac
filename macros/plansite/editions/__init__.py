"""Yearly editions of a plan: what changed between them, and their pages."""
