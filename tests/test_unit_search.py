"""The text search finds in a block of a page (search/extract): what a reader sees, without the
glossary tooltips, the heading permalinks or the parts marked to leave out."""

from __future__ import annotations

from plansite.search.extract import html_text


def test_tooltips_permalinks_and_excluded_parts_are_left_out():
    html = ('<p>電子<span class="plan-term"><a href="#t">申請</a><span class="plan-term__tip" role="tooltip">申請の説明</span></span>を広げます</p>'
            '<h2>背景<a class="headerlink" href="#s">#</a></h2><div data-search-exclude><p>全ページの一覧</p></div>')
    assert html_text(html) == "電子申請を広げます 背景"


def test_blocks_are_separated_and_phrase_breaks_do_not_split_words():
    html = "<h1>ページの題</h1><ul><li>一つ目</li><li>二つ<wbr>目</li></ul><p>行<br>次の行 &amp; 記号</p><img src=x alt=写真>"
    assert html_text(html) == "一つ目 二つ目 行 次の行 & 記号"  # the h1 is the record's title already
