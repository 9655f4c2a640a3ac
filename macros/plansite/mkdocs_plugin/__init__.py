"""The thin MkDocs side: load the model once per build, add the generated pages and the nav.

Everything else lives in the engine (plansite.model, plansite.loading, plansite.pages,
plansite.render), which does not import MkDocs.
"""
