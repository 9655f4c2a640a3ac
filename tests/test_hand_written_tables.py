"""Tables written in Markdown (the authoring guide, the search page) keep their header row: each
column header is a <th scope="col"> with its text, inside a <thead>, so a screen reader names the
columns of every cell."""

from __future__ import annotations

import pytest

import markdown

from plansite.mkdocs_plugin.tables import LabelledTables

# The hand-written pages whose tables have a header row (| 列 | 列 | / |---|---|).
PAGES = ["search/", "authoring/", "authoring/data/", "authoring/editions/", "authoring/performance/", "authoring/publish/"]


def test_a_header_row_keeps_its_thead_and_gets_column_scope():
    out = markdown.markdown("## 一覧\n\n| 名前 | 意味 |\n|---|---|\n| a | b |\n", extensions=["tables", LabelledTables()])
    assert "<thead>" in out
    assert out.count('<th scope="col">') == 2
    assert '<th scope="col">名前</th>' in out


@pytest.mark.build
@pytest.mark.parametrize("url", PAGES)
def test_hand_written_tables_have_named_column_headers(built_site, url):
    tables = built_site.page(url).find_all("table")
    assert tables, f"{url} に表がありません"
    for table in tables:
        head = table.find("thead")
        headers = head.find_all("th")
        assert headers, f"{url} の表に見出しの行がありません"
        for th in headers:
            assert th.attrs.get("scope") == "col" and th.clean_text(), f"{url} の列見出し {th.attrs} に名前か scope がありません"
