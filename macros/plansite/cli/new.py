"""plansite new: a new plan, as a skeleton or from a filled-in 事業集 template."""

from __future__ import annotations

COMMANDS = ()
