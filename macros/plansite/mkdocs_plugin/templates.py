"""The theme's templates, compiled once per process.

MkDocs makes a new Jinja environment for every build: each rebuild of the preview, and each build
of one process that builds a shard and then the merge. Compiling Material's templates again took
a quarter of a preview's rebuild. Each entry keeps the checksum of the source it was compiled
from, so an edited template is compiled again. Only the themes' environments, which MkDocs makes
alike, are given it.
"""

from __future__ import annotations

from jinja2 import BytecodeCache
from jinja2.bccache import Bucket


class CompiledTemplates(BytecodeCache):
    def __init__(self):
        self._code: dict[str, tuple[str, object]] = {}

    def load_bytecode(self, bucket: Bucket) -> None:
        checksum, code = self._code.get(bucket.key, (None, None))
        if checksum == bucket.checksum:
            bucket.code = code

    def dump_bytecode(self, bucket: Bucket) -> None:
        self._code[bucket.key] = (bucket.checksum, bucket.code)


COMPILED = CompiledTemplates()
