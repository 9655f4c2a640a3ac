"""Accessibility: the success criteria checklist and the report pages built from audit results."""
