"""Language of text runs (text/language): English phrases are marked so a screen reader reads them in
English, while a lone abbreviation stays part of the Japanese sentence; headings break between phrases."""

from __future__ import annotations

from plansite.text.language import english_spans, phrases


def test_an_english_phrase_is_a_run_of_its_own_and_abbreviations_stay_japanese():
    assert english_spans("RPA（Robotic Process Automation）とDXとAIを使う") == [
        ("RPA（", False), ("Robotic Process Automation", True), ("）とDXとAIを使う", False)]
    assert english_spans("DX推進計画") == [("DX推進計画", False)]


def test_japanese_is_cut_at_phrase_boundaries_and_the_pieces_rebuild_the_text():
    pieces = phrases("電子申請の拡充を進めます")
    assert len(pieces) > 1 and "".join(pieces) == "電子申請の拡充を進めます"
    assert "電子申請" in pieces[0]  # never cut inside the word
    assert phrases("  ") == ["  "]
