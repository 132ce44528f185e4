"""An intent that needs a word ("who are you" needs the bot named), as a user meets it through
`ask`: a question naming something else never gets it; its own phrasings always do."""

from __future__ import annotations

from conftest import ask_json

from bot.kb import load_knowledge


def test_a_question_about_someone_else_is_not_about_the_bot():
    replies = ask_json(
        "ai là người được báo phỏng vấn trong bài",
        "bạn là ai vậy",
        "ban la ai",
        "mày là ai",
        "ai vậy",
    )
    assert replies[0]["intents"] == ["spokesperson"], replies[0]
    assert all(r["intents"] == ["who_are_you"] for r in replies[1:]), replies[1:]


def test_every_phrasing_of_an_intent_with_needs_still_reaches_it():
    kb = load_knowledge()
    needy = [i for i in kb.intents if i.needs]
    assert needy
    for intent in needy:
        replies = ask_json(*intent.phrasings)
        for phrasing, reply in zip(intent.phrasings, replies, strict=True):
            assert reply["intents"] == [intent.id], (phrasing, reply)
