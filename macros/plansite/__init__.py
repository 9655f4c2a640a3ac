"""plansite: the engine that turns a municipality's plan, kept as YAML and Markdown, into an
accessible static site. The MkDocs side (plugin and the macros for docs/ pages) lives in
``plansite.mkdocs_plugin``; nothing else imports MkDocs."""
