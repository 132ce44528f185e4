"""Invariants of normalization and matching, over any text hypothesis can think of."""

from __future__ import annotations

import re
import unicodedata

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from bot import normalize as text_forms
from bot.answer import Responder
from bot.kb import load_knowledge, load_tables

PHRASINGS = [(i.id, p) for i in load_knowledge().intents for p in (i.question, *i.phrasings)]
VIETNAMESE = st.text(
    alphabet=st.sampled_from(
        list(
            "aăâbcdđeêghiklmnoôơpqrstuưvxyàáảãạằắẳẵặầấẩẫậèéẻẽẹềếểễệìíỉĩị"
            "òóỏõọồốổỗộờớởỡợùúủũụừứửữựỳýỷỹỵ ÐĐ0123456789.,?!"
        )
    ),
    max_size=80,
)
ANY_TEXT = st.one_of(st.text(max_size=200), VIETNAMESE)

TABLES = load_tables()


def normalize(text: str) -> text_forms.Normalized:
    return text_forms.normalize(text, TABLES)


@given(ANY_TEXT)
def test_normalization_never_raises_and_is_idempotent(text):
    once = normalize(text)
    assert normalize(once.text) == once


@given(VIETNAMESE)
def test_normalization_ignores_nfc_or_nfd(text):
    assert normalize(unicodedata.normalize("NFD", text)) == normalize(
        unicodedata.normalize("NFC", text)
    )


@given(VIETNAMESE)
def test_folded_form_has_no_diacritics(text):
    for word in normalize(text).folded:
        assert all(not unicodedata.combining(ch) for ch in unicodedata.normalize("NFD", word))
        assert "đ" not in word


@given(VIETNAMESE)
def test_old_and_new_tone_placement_fold_alike(text):
    old_style = text
    for new, old in (("òa", "oà"), ("ủy", "uỷ"), ("úy", "uý")):
        # tone placement differs only where the vowel pair ends the syllable
        old_style = re.sub(rf"(?<!q){new}(?![^\W\d_])", old, old_style)
    assert normalize(old_style).text == normalize(text).text


@settings(max_examples=300, suppress_health_check=[HealthCheck.too_slow])
@given(ANY_TEXT)
def test_any_message_gets_a_reply_with_a_score_in_range(responder: Responder, text: str):
    reply = responder.respond(text)
    assert reply.status in ("answer", "clarify", "fallback", "smalltalk")
    assert 0 <= reply.score <= 100
    assert reply.text
    assert len(reply.suggestions) <= 3
    assert (reply.intent is None) == (reply.status in ("clarify", "fallback"))


@pytest.mark.parametrize(("intent_id", "phrasing"), PHRASINGS)
def test_every_knowledge_base_phrasing_answers_its_own_intent(responder, intent_id, phrasing):
    reply = responder.respond(phrasing)
    assert reply.status in ("answer", "smalltalk"), (phrasing, reply.status, reply.suggestions)
    assert reply.intent == intent_id
    assert reply.score <= 100  # a full match is 100, not 100.00000044
