"""The validated data model of a site: plans, their hierarchy, 事業, indicators and glossaries."""
