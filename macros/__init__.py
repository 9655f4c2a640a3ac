"""Plan site engine. mkdocs-macros loads this package and calls define_env.

The macros give hand-written pages in docs/ the same components the generated pages use.
"""

from __future__ import annotations


def define_env(env) -> None:
    from .macros_entry import register

    register(env)
