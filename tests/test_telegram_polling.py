"""The Telegram bot in long-polling mode, end to end over HTTP against the fake Bot API server.

One chat's updates are handled in order, different chats' side by side; so "nothing was sent" and
"exactly one reply" are checked after a barrier that waits until the bot has handled every update
sent so far (a checkpoint message in another chat would prove nothing: its reply may come first).
"""

from __future__ import annotations

import pytest
from conftest import PollingBot
from fake_bot_api import BOT_USER, FakeBotApi, Sent, make_user

from bot.answer import Responder
from bot.telegram.texts import TelegramTexts

BOT = f"@{BOT_USER['username']}"
QUESTION = "có bao nhiêu thạc sĩ"
pytestmark = pytest.mark.usefixtures("polling_bot")


def question_with(responder: Responder, status: str, *, suggestions: bool) -> str:
    """A question the core answers with `status` (found, not hard-coded, so tuning the core is fine)."""
    candidates = [
        "cán bộ", "lý luận chính trị", "cấp xã", "bao nhiêu", "đào tạo", "giá vàng hôm nay",
        "asdfgh qwerty", "bóng đá", "thời tiết", "Hà Nội có bao nhiêu cán bộ", "năm 2030 thì sao",
    ]  # fmt: skip
    for question in candidates:
        reply = responder.respond(question)
        if reply.status == status and bool(reply.suggestions) == suggestions:
            return question
    pytest.fail(f"no candidate question gives {status} with suggestions={suggestions}")


def sent_to(api: FakeBotApi, chat_id: int, since: int = 0) -> list[Sent]:
    return [s for s in api.sent[since:] if s.chat_id == chat_id]


# --- private chats ---------------------------------------------------------------------------


async def test_a_question_gets_the_answer_from_the_article(api: FakeBotApi) -> None:
    chat = api.chat(1)
    api.text(chat, QUESTION)
    reply = await api.reply_to(chat)
    assert "28" in reply.text
    assert "thạc sĩ" in reply.text
    assert reply.reply_to is None  # private chats need no quoting


async def test_questions_without_diacritics_are_answered_too(api: FakeBotApi) -> None:
    chat = api.chat(2)
    api.text(chat, "co bao nhieu thac si")
    assert "28" in (await api.reply_to(chat)).text


async def test_every_message_gets_exactly_one_reply(
    api: FakeBotApi, polling_bot: PollingBot
) -> None:
    questions = [
        QUESTION, "xin chào", "cán bộ", "asdfgh qwerty", "bài báo của ai?",
        "/start", "/help", "/about", "/topics", "/ask có bao nhiêu đảng viên",
    ]  # fmt: skip
    chats = [api.chat(300 + i) for i in range(len(questions) + 2)]  # one chat each: no budget
    for chat, question in zip(chats, questions, strict=False):
        api.text(chat, question)
    api.sticker(chats[-2])
    api.photo(chats[-1])
    await polling_bot.handled_all(api)
    assert [len(sent_to(api, chat.id)) for chat in chats] == [1] * len(chats)


async def test_start_greets_and_offers_example_questions_as_buttons(
    api: FakeBotApi, responder: Responder
) -> None:
    chat = api.chat(4)
    api.text(chat, "/start")
    reply = await api.reply_to(chat)
    article = responder.article
    assert article.title in reply.text
    assert article.source in reply.text
    assert article.published in reply.text
    assert f"<b>{article.title}</b>" in reply.html
    assert 3 <= len(reply.buttons) <= 4
    assert all(data.startswith("q:") and len(data.encode()) <= 64 for _, data in reply.buttons)


async def test_help_explains_private_and_group_use(api: FakeBotApi) -> None:
    chat = api.chat(5)
    api.text(chat, "/help")
    reply = await api.reply_to(chat)
    assert BOT in reply.text
    assert "/ask <câu hỏi>" in reply.text  # shown as typed: escaped in the HTML
    assert "&lt;câu hỏi&gt;" in reply.html


async def test_about_names_title_source_date_and_author(
    api: FakeBotApi, responder: Responder
) -> None:
    chat = api.chat(6)
    api.text(chat, "/about")
    reply = await api.reply_to(chat)
    article = responder.article
    for value in (article.title, article.source, article.published, article.author):
        assert value in reply.text


async def test_commands_typed_without_entities_still_work(
    api: FakeBotApi, responder: Responder
) -> None:
    chat = api.chat(7)
    api.text(chat, "/about", entities=False)
    assert responder.article.author in (await api.reply_to(chat)).text


async def test_an_unknown_command_points_to_help(api: FakeBotApi, texts: TelegramTexts) -> None:
    chat = api.chat(8)
    api.text(chat, "/weather")
    reply = await api.reply_to(chat)
    assert "/weather" in reply.text
    assert "/help" in reply.text


async def test_command_menu_is_set_at_start(api: FakeBotApi, texts: TelegramTexts) -> None:
    [call] = await api.wait_for("setMyCommands")
    assert [(c["command"], c["description"]) for c in call.params["commands"]] == list(
        texts.commands
    )


# --- buttons ---------------------------------------------------------------------------------


async def test_tapping_an_example_answers_that_question(
    api: FakeBotApi, responder: Responder
) -> None:
    chat = api.chat(10)
    api.text(chat, "/start")
    start = await api.reply_to(chat)
    _, data = start.buttons[1]
    api.tap(start, data)
    reply = await api.reply_to(chat)
    expected = responder.answer_intent(data.removeprefix("q:"))
    assert expected is not None
    assert reply.text == expected.full_text.strip()
    await api.wait_for("answerCallbackQuery")


async def test_a_tap_without_its_message_is_answered_in_private(api: FakeBotApi) -> None:
    chat = api.chat(14)
    api.text(chat, "/start")
    start = await api.reply_to(chat)
    api.tap(start, "q:masters_sent", with_message=False)
    assert "28" in (await api.reply_to(chat)).text


async def test_clarify_offers_the_candidates_as_buttons(
    api: FakeBotApi, responder: Responder
) -> None:
    question = question_with(responder, "clarify", suggestions=True)
    expected = responder.respond(question)
    chat = api.chat(11)
    api.text(chat, question)
    reply = await api.reply_to(chat)
    assert reply.buttons == [(s.question, f"q:{s.intent_id}") for s in expected.suggestions]
    api.tap(reply, reply.buttons[-1][1])
    tapped = await api.reply_to(chat)
    answer = responder.answer_intent(expected.suggestions[-1].intent_id)
    assert answer is not None and tapped.text == answer.full_text.strip()


@pytest.mark.parametrize("has_suggestions", [True, False])
async def test_fallback_is_polite_and_offers_questions(
    api: FakeBotApi, responder: Responder, has_suggestions: bool
) -> None:
    question = question_with(responder, "fallback", suggestions=has_suggestions)
    chat = api.chat(12)
    api.text(chat, question)
    reply = await api.reply_to(chat)
    assert reply.text.startswith(responder.respond(question).text.strip())
    assert reply.buttons and all(data.startswith("q:") for _, data in reply.buttons)


async def test_topics_lead_to_questions_and_answers(api: FakeBotApi, responder: Responder) -> None:
    chat = api.chat(13)
    api.text(chat, "/topics")
    menu = await api.reply_to(chat)
    topics = responder.topics()
    assert menu.buttons == [(t.label, f"t:{t.id}") for t in topics]
    api.tap(menu, menu.buttons[0][1])
    questions = await api.reply_to(chat)
    assert topics[0].label in questions.text
    assert questions.buttons == [(s.question, f"q:{s.intent_id}") for s in topics[0].suggestions]
    api.tap(questions)
    answer = await api.reply_to(chat)
    expected = responder.answer_intent(topics[0].suggestions[0].intent_id)
    assert expected is not None and answer.text == expected.full_text.strip()


@pytest.mark.parametrize(
    "data",
    [
        "q:",
        "x:total_staff",
        "q:../../etc/passwd",
        "q:" + "a" * 62,
        "t:<b>",
        "masters_sent",
        "q:thạc_sĩ",
    ],
)
async def test_forged_button_data_is_answered_politely(
    api: FakeBotApi, texts: TelegramTexts, data: str
) -> None:
    chat = api.chat(20)
    api.text(chat, "/start")
    start = await api.reply_to(chat)
    api.tap(start, data)
    assert (await api.reply_to(chat)).text == texts.invalid_button
    api.text(chat, QUESTION)  # and the bot carries on
    assert "28" in (await api.reply_to(chat)).text


@pytest.mark.parametrize("data", ["q:no_such_intent", "t:no_such_topic"])
async def test_stale_buttons_are_answered_politely(
    api: FakeBotApi, texts: TelegramTexts, data: str
) -> None:
    chat = api.chat(21)
    api.text(chat, "/start")
    start = await api.reply_to(chat)
    api.tap(start, data)
    assert (await api.reply_to(chat)).text == texts.stale_button
    [answer] = await api.wait_for("answerCallbackQuery")
    assert answer.params["text"] == texts.stale_button


# --- groups ----------------------------------------------------------------------------------


@pytest.mark.parametrize("kind", ["group", "supergroup"])
async def test_groups_hear_only_what_is_meant_for_the_bot(
    api: FakeBotApi, polling_bot: PollingBot, kind: str
) -> None:
    group = api.chat(-100_500, kind)
    before = len(api.sent)
    api.text(group, QUESTION)  # no mention: people talking among themselves
    api.text(group, "@someone_else có bao nhiêu thạc sĩ")
    api.text(group, "/help@other_bot")
    api.text(group, "/weather")  # maybe another bot's command
    api.sticker(group)
    await polling_bot.handled_all(api)
    assert sent_to(api, group.id, before) == []


async def test_a_mention_in_a_group_is_answered_as_a_reply(api: FakeBotApi) -> None:
    group = api.chat(-100_501, "supergroup")
    asked = api.text(group, f"{BOT} {QUESTION}")
    reply = await api.reply_to(group)
    assert "28" in reply.text
    assert reply.reply_to == asked["message_id"]


async def test_a_mention_without_entities_is_recognised(api: FakeBotApi) -> None:
    group = api.chat(-100_502, "group")
    api.text(group, f"{QUESTION} {BOT.upper()}", entities=False)
    assert "28" in (await api.reply_to(group)).text


async def test_replying_to_the_bot_asks_a_follow_up(api: FakeBotApi) -> None:
    group = api.chat(-100_503, "group")
    api.text(group, f"/ask@{BOT_USER['username']} xin chào")
    greeting = await api.reply_to(group)
    api.text(group, QUESTION, reply_to=greeting)
    assert "28" in (await api.reply_to(group)).text


async def test_ask_command_works_in_groups(api: FakeBotApi) -> None:
    group = api.chat(-100_504, "group")
    api.text(group, f"/ask {QUESTION}")
    assert "28" in (await api.reply_to(group)).text


async def test_ask_without_a_question_explains_itself(
    api: FakeBotApi, texts: TelegramTexts
) -> None:
    group = api.chat(-100_505, "group")
    api.text(group, "/ask")
    reply = await api.reply_to(group)
    assert reply.text.startswith(texts.empty_question.split("{")[0].strip())
    api.text(group, BOT)  # a bare mention: the same help
    assert (await api.reply_to(group)).text == reply.text


async def test_commands_addressed_to_this_bot_are_answered_in_groups(
    api: FakeBotApi, responder: Responder
) -> None:
    group = api.chat(-100_506, "supergroup")
    api.text(group, f"/about@{BOT_USER['username']}")
    assert responder.article.author in (await api.reply_to(group)).text


# --- other kinds of updates ------------------------------------------------------------------


@pytest.mark.parametrize("kind", ["sticker", "photo", "voice", "location"])
async def test_non_text_messages_get_a_polite_note(
    api: FakeBotApi, texts: TelegramTexts, kind: str
) -> None:
    chat = api.chat(30)
    getattr(api, kind)(chat)
    assert (await api.reply_to(chat)).text == texts.non_text


async def test_a_sticker_in_reply_to_the_bot_gets_the_note_in_groups(
    api: FakeBotApi, texts: TelegramTexts
) -> None:
    group = api.chat(-100_507, "group")
    api.text(group, f"{BOT} xin chào")
    hello = await api.reply_to(group)
    api.sticker(group, reply_to=hello)
    assert (await api.reply_to(group)).text == texts.non_text


async def test_channel_posts_and_service_messages_are_left_alone(
    api: FakeBotApi, polling_bot: PollingBot
) -> None:
    channel = api.chat(-100_600, "channel")
    group = api.chat(-100_601, "group")
    before = len(api.sent)
    api.channel_post(channel, f"{BOT} {QUESTION}")
    api.new_member(group, make_user(77, "Minh"))
    await polling_bot.handled_all(api)
    assert sent_to(api, channel.id, before) == [] and sent_to(api, group.id, before) == []


async def test_an_edited_question_updates_its_answer(
    api: FakeBotApi, polling_bot: PollingBot
) -> None:
    chat = api.chat(31)
    asked = api.text(chat, "bao nhiêu đảng viên")
    first = await api.reply_to(chat)
    api.edit(asked, QUESTION)
    [edit] = await api.wait_for("editMessageText")
    assert int(edit.params["message_id"]) == first.message_id
    await polling_bot.handled_all(api)
    assert "28" in next(s.text for s in api.sent if s.message_id == first.message_id)
    assert len(sent_to(api, chat.id)) == 1  # edited in place, no second message
