"""PDFs of each plan's print pages (計画書全体 and 事業集), made from the built site with Chromium
(make.py, which loads Playwright only when called) and published by the next build (files.py)."""
