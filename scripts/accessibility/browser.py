"""Debian's Chromium, driven by Playwright; nothing is downloaded (see plansite.chromium)."""

from __future__ import annotations

from plansite.chromium import CHROMIUM_FLAGS, BrowserMissing, chromium, chromium_path  # noqa: F401
