"""Messages that are pleasantries however they read, as a user meets them through `ask --json`."""

from __future__ import annotations

from conftest import ask_json


def test_praise_said_to_the_bot_is_smalltalk_not_a_fact_asked_back():
    replies = ask_json("bạn giỏi thế", "bot giỏi quá", "Chú cảm ơn cháu, cháu nói dễ hiểu lắm")
    assert [r["status"] for r in replies] == ["smalltalk"] * 3
    assert replies[2]["intents"] == ["thanks"]


def test_a_question_to_the_bot_about_itself_is_answered_as_one():
    (reply,) = ask_json("bạn trả lời được những gì")
    assert reply["status"] == "smalltalk"
    assert reply["intents"] == ["help"]


def test_a_question_to_the_bot_about_anything_else_is_still_refused():
    replies = ask_json("hôm nay trời có mưa không bot", "Bạn được huấn luyện trên dữ liệu gì?")
    assert [r["status"] for r in replies] == ["fallback", "fallback"]


def test_a_count_the_article_does_not_know_is_refused_not_smalltalk():
    (reply,) = ask_json("Điện Biên Đông có bao nhiêu dân?")
    assert reply["status"] == "fallback"
    assert not reply["intents"]
