"""The Telegram front end's pure parts: message splitting, HTML rendering, button data."""

from __future__ import annotations

import pytest

from bot.reply import Suggestion
from bot.telegram.keyboards import callback_data, parse_callback, suggestions_keyboard
from bot.telegram.render import Html, bold, render, split_text


def test_split_text_keeps_short_texts_whole() -> None:
    assert split_text("  Xin chào!  ") == ["Xin chào!"]
    assert split_text("") == []


def test_split_text_respects_the_limit_and_breaks_at_paragraphs() -> None:
    paragraph = " ".join(["Câu một."] * 50)
    text = "\n\n".join([paragraph] * 20)
    parts = split_text(text)
    assert len(parts) > 1
    assert all(len(p) <= 4096 for p in parts)
    assert "\n\n".join(parts) == text
    assert all(p.endswith(".") and p.startswith("Câu") for p in parts)


def test_split_text_falls_back_to_words_then_hard_cuts() -> None:
    words = split_text("từ " * 3000)
    assert all(len(p) <= 4096 and not p.endswith(" ") for p in words)
    assert " ".join(words) == ("từ " * 3000).strip()
    assert [len(p) for p in split_text("x" * 9000)] == [4096, 4096, 808]


def test_split_text_counts_emoji_as_two_units() -> None:
    assert [len(p) for p in split_text("😀" * 3000)] == [2048, 952]


def test_split_text_never_strands_a_combining_mark() -> None:
    decomposed = "a\u0301" * 3000  # "á" as letter + combining acute (NFD)
    parts = split_text(decomposed)
    assert all(p[0] != "\u0301" for p in parts)
    assert "".join(parts) == decomposed


def test_render_escapes_template_and_values_but_not_html_values() -> None:
    html = render("<{a}> & {b}", a="x<y", b=bold("T&C"))
    assert html == "&lt;x&lt;y&gt; &amp; <b>T&amp;C</b>"
    assert isinstance(bold("x"), Html)


@pytest.mark.parametrize("ident", ["masters_sent", "a.b-c_9", "x" * 60])
def test_callback_data_round_trips(ident: str) -> None:
    data = callback_data("q", ident)
    assert data is not None and len(data.encode()) <= 64
    assert parse_callback(data) == ("q", ident)


@pytest.mark.parametrize(
    "data", [None, "", "q:", "q:" + "x" * 61, "z:abc", "q:a b", "q:thạc", "q:a\n", "qq:abc", 42]
)
def test_parse_callback_rejects_anything_the_bot_did_not_make(data: object) -> None:
    assert parse_callback(data) is None


def test_keyboard_skips_ids_that_cannot_travel_in_callback_data() -> None:
    keyboard = suggestions_keyboard(
        [
            Suggestion("ok_id", "Câu hỏi?"),
            Suggestion("bad id!", "Khác?"),
            Suggestion("x" * 80, "Dài?"),
        ]
    )
    assert keyboard is not None
    assert [[b.callback_data for b in row] for row in keyboard.inline_keyboard] == [["q:ok_id"]]
    assert suggestions_keyboard([]) is None
