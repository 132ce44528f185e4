"""Questions said in one go by voice, asked in English words the glossary lacked, restated
on request, numbered by bare digits, or put after a pleasantry — through `ask --json` (one
chat: `--conversation`), as a user meets them."""

from __future__ import annotations

import pytest
from conftest import ask_json


@pytest.mark.parametrize(
    ("message", "intent", "figure"),
    [
        (
            "bà ngồi chờ cơm mãi buồn quá nên hỏi cái máy này xem nay bà đau lưng nằm một chỗ "
            "cả ngày trong huyện có bao nhiêu người là đảng viên",
            "party_members",
            "712",
        ),
        (
            "bà đang đợi xe khách về bản lâu quá nên hỏi chơi cái máy này bây giờ trong huyện có "
            "mấy người học trên đại học",
            "postgraduate_now",
            "11",
        ),
    ],
)
def test_a_question_said_in_one_go_after_a_story_is_answered(message, intent, figure):
    (reply,) = ask_json(message)
    assert (reply["status"], reply["intents"]) == ("answer", [intent])
    assert figure in reply["answer"]


@pytest.mark.parametrize(
    "message",
    [
        # what is asked ("năm nào") and of what (712 people sent) come before the last cue
        "năm nào thì huyện cử 26 người đi học cao cấp lý luận chính trị vậy bạn ơi cho mình biết",
        "trong số 712 người mà huyện đã cử đi học đại học có bao nhiêu người là ở cấp xã vậy",
    ],
)
def test_a_run_on_question_is_never_cut_from_what_it_asks_or_what_it_is_of(message):
    (reply,) = ask_json(message)
    assert reply["status"] != "answer"


@pytest.mark.parametrize(
    ("message", "intent"),
    [
        ("How many Fatherland Front chairpersons were trained?", "mttq_chairs"),
        ("How many Party chiefs of communes were trained?", "party_secretary_training"),
        (
            "How many person-times of refresher courses in job skills were organised?",
            "professional_training",
        ),
        ("What is the headline of this news piece?", "article_title"),
        ("How many township-level cadres and civil servants are there?", "commune_staff"),
        ("What is the training work aiming for?", "training_goal"),
        ("After the courses, what posts did people move up to?", "promotions"),
        ("How many key managers at district level are under 35?", "young_leaders_district"),
    ],
)
def test_english_words_of_the_article_s_matters_are_understood(message, intent):
    (reply,) = ask_json(message)
    assert (reply["status"], reply["intents"]) == ("answer", [intent])


def test_how_much_the_training_cost_in_english_is_said_to_be_missing():
    (reply,) = ask_json("How much did all this training cost?")
    assert reply["status"] == "fallback" and "chi phí" in reply["answer"]


@pytest.mark.parametrize(
    "restate", ["Tóm tắt lại giúp mình", "noi ngan gon lai cho ong", "Again, in one line please"]
)
def test_restating_after_an_answer_gives_that_answer_again(restate):
    first, again = ask_json("bao nhiêu người học thạc sĩ", restate, conversation="restate")
    assert first["intents"] == ["masters_sent"]
    assert again["intents"] == ["masters_sent"] and "28" in again["answer"]


def test_summarising_the_article_unasked_before_is_still_its_summary():
    (reply,) = ask_json("tóm tắt bài báo giúp mình")
    assert reply["intents"] == ["article_summary"]


def test_a_list_numbered_by_bare_digits_gets_every_item():
    (reply,) = ask_json("1 tong so can bo cong chuc, 2 so dang vien, 3 so nguoi hoc thac si")
    assert reply["intents"] == ["total_staff", "party_members", "masters_sent"]


def test_a_count_with_digits_in_a_question_is_no_numbered_list():
    (reply,) = ask_json("mất 1 năm, 2 năm hay 3 năm thì học xong lớp trung cấp")
    assert reply["status"] == "fallback" and reply["intents"] == []


def test_a_wish_before_the_question_is_no_subject_of_it():
    (reply,) = ask_json("chúc bạn một ngày vui vẻ, cho hỏi huyện có bao nhiêu cán bộ công chức")
    assert (reply["status"], reply["intents"]) == ("answer", ["total_staff"])
    assert "1.999" in reply["answer"]


@pytest.mark.parametrize(
    ("asked", "then", "intent", "figure"),
    [
        ("có mấy cán bộ chủ chốt trẻ dưới 35 tuổi", "ở sã thôi", "young_leaders_commune", "21"),
        (
            "bao nhiêu người học trung cấp lý luận chính trị",
            "riêng sã thôi",
            "intermediate_llct_commune",
            "300",
        ),
    ],
)
def test_a_level_a_voice_keyboard_mishears_keeps_the_one_level_asked(asked, then, intent, figure):
    """ "sã" is xã (s/x merged in Northern speech), as "chung cấp" is trung cấp."""
    first, kept = ask_json(asked, then, conversation="sa")
    assert len(first["intents"]) == 2
    assert kept["intents"] == [intent] and figure in kept["answer"]


def test_who_after_the_people_counted_asks_no_name():
    (reply,) = ask_json("Tell me the number who are Party members and the number who hold a degree")
    assert reply["intents"] == ["party_members", "university_degree_now"]


@pytest.mark.parametrize(
    "message",
    [
        # the words before "thì" are what the question is of: another province, another time
        "ông hỏi thêm cái là ở cái tỉnh bên cạnh nơi con gái ông lấy chồng thì có bao nhiêu "
        "người được cử đi học thạc sĩ",
        "mười năm nữa khi mà con cháu chúng ta lớn lên hết cả rồi thì có bao nhiêu người "
        "được cử đi học đại học",
        # a story that never says it asks
        "ở công ty tư nhân nơi mà tôi đang làm kế toán được gần mười năm nay có bao nhiêu "
        "người được cử đi học thạc sĩ",
    ],
)
def test_a_run_on_question_about_something_else_is_never_answered_by_the_article(message):
    (reply,) = ask_json(message)
    assert reply["status"] != "answer"


@pytest.mark.parametrize(
    "message",
    [
        "1 người học đại học, 2 người học thạc sĩ thì có đúng không?",
        "1 ông bí thư, 2 bà chủ tịch đi bồi dưỡng đúng không?",
    ],
)
def test_digits_before_what_they_count_are_no_numbered_list(message):
    """Claimed counts keep every fact the message names (as before bare digits numbered
    lists)."""
    (reply,) = ask_json(message)
    assert len(reply["intents"]) == 2


def test_a_question_said_in_one_go_in_a_conversation_is_read_as_judged_alone():
    first, spoken = ask_json(
        "bao nhiêu người được cử đi học thạc sĩ",
        "bà đang đợi xe khách về bản lâu quá nên hỏi chơi cái máy này bây giờ trong huyện có "
        "mấy người học trên đại học",
        conversation="spoken",
    )
    assert first["intents"] == ["masters_sent"]
    assert spoken["intents"] == ["postgraduate_now"] and "11" in spoken["answer"]
