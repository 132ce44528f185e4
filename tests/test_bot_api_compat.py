"""Answers of Bot API servers that bend the format are repaired before PTB reads them."""

from __future__ import annotations

from telegram import Bot, Message, Update, User

from bot.telegram.compat import readable_updates, repair_result

BOT = Bot("1:x")


def test_get_me_without_is_bot_reads_as_a_bot_user():
    user = User.de_json(repair_result("getMe", {"id": 666, "username": "TestNameBot"}), BOT)
    assert user.is_bot and user.first_name == "TestNameBot"


def test_sent_message_with_a_millisecond_date_and_no_chat_type_reads():
    raw = {"message_id": 5, "date": 1_764_000_000_000, "text": "ok", "chat": {"id": 7}}
    message = Message.de_json(repair_result("sendMessage", raw, {"chat_id": 7}), BOT)
    assert message.date.year >= 2025 and message.chat.type == "private"


def test_callback_query_without_chat_instance_reads():
    update = {
        "update_id": 3,
        "callback_query": {
            "id": 1,
            "data": "q:masters_sent",
            "from": {"id": 9, "first_name": "Lan"},
            "message": {"message_id": 2, "date": 1, "chat": {"id": 9}},
        },
    }
    parsed = Update.de_json(repair_result("getUpdates", [update])[0], BOT)
    assert parsed.callback_query.data == "q:masters_sent"


def test_well_formed_answers_are_left_as_they_are():
    user = {"id": 1, "is_bot": True, "first_name": "Hỏi đáp", "username": "hoidap_bot"}
    assert repair_result("getMe", user) == user


def test_an_update_that_still_cannot_be_read_is_reported_not_raised():
    updates = [{"update_id": 1, "callback_query": "not an object"}, {"update_id": 2}]
    kept = readable_updates(repair_result("getUpdates", updates), lambda u: Update.de_json(u, BOT))
    assert [u["update_id"] for u in kept] == [2]


def test_a_date_that_is_not_a_number_gets_a_sane_one():
    raw = {"message_id": 5, "date": float("nan"), "text": "ok", "chat": {"id": 7}}
    assert Message.de_json(repair_result("sendMessage", raw, {"chat_id": 7}), BOT).date.year >= 2025
