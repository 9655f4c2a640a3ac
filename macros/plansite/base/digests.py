"""Digests of files' bytes, reused while the file system shows a file unchanged.

The preview reads every data file, and fingerprints every input, at each rebuild; at thousands of
事業 reading and hashing them again is most of what it does for an edit to one. A digest is reused
while the file's status (modification and change times, size, file number) is the same as when
it was taken. A file written in the last few seconds is always read again: file systems keep
times coarsely (to 2 s on FAT), so one written twice within that tick would look unchanged (as
git treats a racily clean file). The change time cannot be set back by a program, so a copy that
keeps the old modification time is still seen as changed.
"""

from __future__ import annotations

import hashlib
import os
import time
from pathlib import Path

_SETTLED_NS = 3_000_000_000  # older than this, a file's times tell a rewrite apart
_known: dict[str, tuple[tuple[int, int, int, int], bytes]] = {}  # absolute path -> (status, digest)


def file_digest(path: Path) -> bytes:
    """SHA-256 of the file's bytes."""
    status = path.stat()
    seen = (status.st_mtime_ns, status.st_ctime_ns, status.st_size, status.st_ino)
    name = os.path.abspath(path)
    known = _known.get(name)
    if known is not None and known[0] == seen:
        return known[1]
    digest = hashlib.sha256(path.read_bytes()).digest()
    if time.time_ns() - max(status.st_mtime_ns, status.st_ctime_ns) > _SETTLED_NS:
        _known[name] = (seen, digest)
    else:
        _known.pop(name, None)
    return digest
