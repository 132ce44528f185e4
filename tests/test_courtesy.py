"""Pleasantries with nothing of the article in them are pleasantries, however they are dressed
("dạ cảm ơn chị nhiều lắm ạ"), and the bot's commands typed where no client handles them."""

from conftest import ask_json


def test_thanks_with_intensifiers_is_thanks() -> None:
    for question in (
        "dạ cảm ơn chị nhiều lắm ạ",
        "cảm ơn ad nhiều lắm luôn",
        "thank u ad",  # texting English
        "Trân trọng cảm ơn sự hỗ trợ của quý bộ phận.",  # a formal letter's closing
    ):
        (reply,) = ask_json(question)
        assert reply["status"] == "smalltalk", question
        assert reply["intents"] == ["thanks"], question


def test_a_greeting_with_kin_words_is_a_greeting() -> None:
    (reply,) = ask_json("em xin chào các anh chị ạ")
    assert reply["status"] == "smalltalk"
    assert reply["intents"] == ["greet"]


def test_a_command_typed_to_ask_gets_the_help() -> None:
    (reply,) = ask_json("/start")
    assert reply["status"] == "smalltalk"
    assert reply["intents"] == ["help"]
    assert "Bạn có thể hỏi" in reply["answer"]


def test_a_greeting_before_a_question_still_answers_it() -> None:
    (reply,) = ask_json("dạ chào anh, huyện có bao nhiêu cán bộ công chức?")
    assert reply["status"] == "answer"
    assert reply["intents"] == ["total_staff"]


def test_a_greeting_and_who_the_asker_is_asks_nothing_of_the_article():
    """ "chào em, anh là phóng viên": a greeting, not the article's author; asked after, the
    author is still answered."""
    hello, asked = ask_json(
        "chào em, anh là phóng viên", "chào em, anh là phóng viên, bài này ai viết?"
    )
    assert hello["status"] == "smalltalk" and hello["intents"] == ["greet"]
    assert asked["intents"] == ["article_author"]


def test_a_task_with_xin_in_it_is_no_pleasantry():
    """ "xin" also asks ("đơn xin nghỉ phép"): a task the bot does not do, not its help."""
    (reply,) = ask_json("làm hộ tôi cái đơn xin nghỉ việc")
    assert reply["status"] == "fallback"


def test_a_formal_greeting_is_a_greeting():
    (reply,) = ask_json("KÍNH CHÀO QUÝ VỊ!")
    assert reply["status"] == "smalltalk" and reply["intents"] == ["greet"]


def test_a_bare_question_after_a_preamble_asks_about_what_it_last_said() -> None:
    """ "em ở xã …, em nghe nói huyện cử người đi học làm bí thư xã, cho em hỏi là bao nhiêu người":
    the number of those people, never the district's whole staff."""
    (reply,) = ask_json(
        "Dạ em chào anh, em ở xã Na Son, em nghe nói huyện có cử người đi học làm bí thư xã,"
        " cho em hỏi là bao nhiêu người ạ"
    )
    assert reply["status"] == "answer"
    assert reply["intents"] == ["party_secretary_training"]
    assert "19" in reply["answer"]


def test_a_message_that_only_says_who_asks_is_greeted_never_answered() -> None:
    """ "tôi là giáo viên về hưu" asks nothing: a greeting back, not the education sector's figure."""
    for question in (
        "tôi là giáo viên về hưu",
        "KÍNH CHÀO QUÝ BAN, TÔI LÀ SĨ QUAN QUÂN ĐỘI NGHỈ HƯU.",
    ):
        (reply,) = ask_json(question)
        assert (reply["status"], reply["intents"]) == ("smalltalk", ["greet"]), question
    # "em lá đơn" inside a request only looks like "em là": a task, never a greeting
    (reply,) = ask_json("Soạn giúp em lá đơn xin đi học thạc sĩ gửi Ban Tổ chức Huyện ủy.")
    assert reply["status"] not in ("answer", "smalltalk")


def test_ascii_emoticons_are_smalltalk_like_their_emoji():
    replies = ask_json("=))", ":)", "^^", ":D")
    assert all(r["status"] == "smalltalk" for r in replies), replies
