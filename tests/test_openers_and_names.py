"""A message that only calls the bot or opens a question ("ad ơi", "em muốn hỏi"), the Centre's
"bựa" and closing "nghe", and "tên đầy đủ là gì?" after a fact with a name of its own — through
`ask --json` (one chat: `--conversation`), as a user meets them."""

from __future__ import annotations

import pytest
from conftest import ask_json


@pytest.mark.parametrize(
    ("message", "intent"),
    [
        ("ad oi", "greet"),  # a call alone: greeted, the question comes next
        ("eng ơi", "greet"),
        ("em muốn hỏi", "acknowledge"),  # an opener alone: "ask on"
        ("cho hỏi cái", "acknowledge"),
        ("admin ơi cho hỏi", "acknowledge"),
        ("hỏi cái ni", "acknowledge"),
    ],
)
def test_a_message_that_only_calls_or_opens_waits_for_its_question(message, intent):
    (reply,) = ask_json(message)
    assert (reply["status"], reply["intents"]) == ("smalltalk", [intent])


@pytest.mark.parametrize("message", ["cho hỏi ở đâu", "ôi trời", "cán bộ ơi có bao nhiêu người"])
def test_a_call_or_opener_beside_words_of_their_own_is_not_only_an_opener(message):
    (reply,) = ask_json(message)
    assert reply["intents"] not in (["greet"], ["acknowledge"])


@pytest.mark.parametrize(
    ("message", "intent"),
    [
        ("bạn ơi tác giả là ai", "article_author"),  # a call before a question: the question
        ("em muốn hỏi số đảng viên", "party_members"),
    ],
)
def test_a_call_or_opener_before_a_question_still_answers_it(message, intent):
    (reply,) = ask_json(message)
    assert (reply["status"], reply["intents"]) == ("answer", [intent])


def test_an_opener_then_the_question_in_the_next_message_answers_it():
    opened, asked = ask_json("cho mình hỏi cái", "bài ni đăng bựa mô?", conversation="in-two")
    assert opened["status"] == "smalltalk"
    assert (asked["status"], asked["intents"]) == ("answer", ["article_date"])
    assert "06/08/2018" in asked["answer"]


def test_the_centres_closing_nghe_after_thanks_is_thanks():
    (reply,) = ask_json("cảm ơn nghe")
    assert (reply["status"], reply["intents"]) == ("smalltalk", ["thanks"])


@pytest.mark.parametrize(
    ("first", "intent", "name"),
    [
        ("nghị quyết 03 ban hành năm nào", "resolution_03", "03-NQ/HU"),
        ("ai phát biểu trong bài", "spokesperson", "Ngô Văn Thanh"),
    ],
)
def test_the_full_name_asked_after_a_fact_with_a_name_is_its_name(first, intent, name):
    _, full = ask_json(first, "tên đầy đủ là gì", conversation="name")
    assert (full["status"], full["intents"]) == ("answer", [intent])
    assert name in full["answer"]


def test_the_full_name_asked_after_a_count_is_still_the_articles_title():
    _, full = ask_json("có bao nhiêu đảng viên", "tên đầy đủ là gì", conversation="title")
    assert (full["status"], full["intents"]) == ("answer", ["article_title"])


def test_what_it_says_asked_with_a_pronoun_after_the_resolution_is_the_resolution():
    _, says = ask_json("nghị quyết 03 ban hành năm nào", "nó nói về cái gì", conversation="says")
    assert (says["status"], says["intents"]) == ("answer", ["resolution_03"])
