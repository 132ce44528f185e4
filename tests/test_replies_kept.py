"""Replies kept for messages read again: the same reply for the same message in the same
context, a different one when the chat's context differs, and none kept when told so."""

from __future__ import annotations

from bot.answer import Responder
from bot.cache import load_core
from bot.paths import ARTICLE_PATH, KNOWLEDGE_DIR


def test_a_message_read_again_gets_the_reply_kept_for_it(responder):
    first = responder.respond("bao nhiêu người học thạc sĩ")
    again = responder.respond("bao nhiêu người học thạc sĩ")
    assert again is first and first.intents == ("masters_sent",)


def test_the_reply_kept_depends_on_the_chats_last_answer(responder):
    after_district = responder.respond("còn cấp xã?", previous="young_leaders_district")
    after_llct = responder.respond("còn cấp xã?", previous="intermediate_llct_district")
    assert after_district.intents == ("young_leaders_commune",)
    assert after_llct.intents == ("intermediate_llct_commune",)
    assert responder.respond("còn cấp xã?", previous="young_leaders_district") is after_district


def test_no_reply_is_kept_when_none_should_be():
    core = load_core(KNOWLEDGE_DIR, ARTICLE_PATH)
    reading_every_time = Responder(core.kb, core, replies_kept=0)
    first = reading_every_time.respond("ai viết bài này")
    again = reading_every_time.respond("ai viết bài này")
    assert again == first and again is not first
