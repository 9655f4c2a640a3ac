"""The thin MkDocs side: load the model once per build, add the generated pages and the nav.

Everything else lives in the engine (macros.model, macros.loading, macros.pages,
macros.render), which does not import MkDocs.
"""
