"""Language of text runs (text/language): English phrases are marked so a screen reader reads them in
English, while a lone abbreviation stays part of the Japanese sentence; headings break between phrases.
Downloads written in pieces (text/json_stream) read as the same JSON as the whole document."""

from __future__ import annotations

import json

from plansite.text.json_stream import Streamed, json_chunks, written
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


HOSTILE = ['"}]</script>', "\u2028行\u2029", "\x00\x1f", "=HYPERLINK(1)", "事業\\n"]


def test_a_document_written_in_pieces_is_the_same_text_as_json_dumps_of_the_whole():
    items = [{"id": text, "values": [1, 2.5, None, True]} for text in HOSTILE]
    pairs = [(f"p-{number}{text}", {"title": text}) for number, text in enumerate(HOSTILE)]
    whole = {"head": HOSTILE, "projects": dict(pairs), "items": items, "empty": []}
    streamed = {"head": written(HOSTILE), "projects": Streamed(iter(pairs), pairs=True),
                "items": Streamed(iter([written(items[0]), *items[1:]])), "empty": Streamed(iter(()))}
    text = "".join(json_chunks(streamed))
    assert text == json.dumps(whole, ensure_ascii=False, separators=(",", ":"))
    assert json.loads(text) == whole


def test_a_streamed_element_is_made_only_when_it_is_written():
    made = []

    def item(number):
        made.append(number)
        return {"number": number}

    chunks = json_chunks({"items": Streamed(item(number) for number in range(3))})
    before_first = []
    for chunk in chunks:
        if '"number":0' in chunk:
            break
        before_first.append(chunk)
    assert made == [0] and "".join(before_first) == '{"items":['
