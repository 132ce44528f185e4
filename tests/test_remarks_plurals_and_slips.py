"""Words around a question that must not hide it, and words that look like them but carry the
question: a remark of the asker's before it, a call before an opener, a homework's task relayed,
"mấy" said of a group, a slip beside a bare word, memo shorthand — and the fragments, "dạy thêm",
"tìm ý chính", "mấy người đó" that keep what they ask — through `ask --json`, as a user meets
them."""

from __future__ import annotations

import pytest
from conftest import ask_json


@pytest.mark.parametrize(
    ("message", "expected"),
    [
        # a remark that asks, requests, counts and names nothing, then the question
        (
            "toi vua doc xong bai nhung chua hieu lam. bao nhieu nguoi la dang vien?",
            ["party_members"],
        ),
        # a call, then a relayed task, then the question after the colon
        (
            "bot ơi, thầy giáo bảo tìm ý chính: huyện chọn cán bộ đi học thế nào",
            ["selection_criteria"],
        ),
        # where the answer is, said inside the question
        ("Cho hỏi mục tiêu đào tạo mà bài viết nói là gì?", ["training_goal"]),
    ],
)
def test_what_is_said_around_a_question_does_not_hide_it(message, expected):
    (reply,) = ask_json(message)
    assert (reply["status"], reply["intents"]) == ("answer", expected)


@pytest.mark.parametrize(
    ("message", "expected"),
    [
        # a fragment naming the topic is no remark: it says what the question is of
        ("Chưa vào đảng. Bao nhiêu người?", ["total_staff", "party_members"]),
        ("Người trẻ. Cấp xã có bao nhiêu?", ["young_leaders_commune"]),
    ],
)
def test_a_fragment_before_the_question_keeps_its_topic(message, expected):
    (reply,) = ask_json(message)
    assert (reply["status"], reply["intents"]) == ("answer", expected)


@pytest.mark.parametrize(
    "message", ["thầy giáo bảo tìm ý chính bài này", "co em bao tim y chinh cua bai"]
)
def test_finding_the_main_idea_is_asking_for_the_summary(message):
    (reply,) = ask_json(message)
    assert reply["intents"] in ([], ["article_summary"])  # never the source, never a goodbye
    assert reply["status"] in ("answer", "clarify")


def test_a_call_names_whom_it_addresses_not_what_is_asked():
    """ "Thạc sĩ ơi, cho hỏi: …": the masters, not the bot, before the call."""
    (reply,) = ask_json("Thạc sĩ ơi, cho hỏi: có bao nhiêu người")
    assert (reply["status"], reply["intents"]) == ("answer", ["masters_sent"])


@pytest.mark.parametrize(
    ("message", "expected"),
    [
        # "mấy" before a pair of kin words speaks of them: no count
        ("đi học về thì mấy cô chú cán bộ có được bổ nhiệm không", ["promotions"]),
        ("mấy anh chị công chức xã được dạy những gì", ["commune_civil_servant_training"]),
    ],
)
def test_may_said_of_a_group_asks_no_count(message, expected):
    (reply,) = ask_json(message)
    assert (reply["status"], reply["intents"]) == ("answer", expected)


@pytest.mark.parametrize(
    "message", ["mấy người đó có được đi học không", "tác giả viết mấy bài về huyện này rồi"]
)
def test_may_before_those_people_or_a_place_is_no_group_of_kin(message):
    """No pair of kin words: "mấy" reads as before (never "Không." to those sent to study)."""
    (reply,) = ask_json(message)
    assert "no_mass_training" not in reply["intents"]
    assert reply["intents"] != ["article_author"]


@pytest.mark.parametrize("message", ["co bao nhieu dang vein", "bao nhieu nguoi la dang vein?"])
def test_a_slip_beside_a_bare_word_is_read_by_their_pair(message):
    (reply,) = ask_json(message)
    assert (reply["status"], reply["intents"]) == ("answer", ["party_members"])


def test_a_slip_is_never_surer_than_the_word_typed_right():
    """Only the slip is read by the pair: "dang bo huyne" is no surer than "dang bo huyen"."""
    (slipped,) = ask_json("dang bo huyne")
    (typed,) = ask_json("dang bo huyen")
    assert slipped["status"] == typed["status"]


def test_the_one_interviewed_typed_bare_is_not_the_author():
    (interviewed,) = ask_json("ai la nguoi duoc phong van trong bai")
    assert (interviewed["status"], interviewed["intents"]) == ("answer", ["spokesperson"])
    (written,) = ask_json("bai duoc phong van viet")  # the author's name, typed bare
    assert written["intents"] != ["spokesperson"]


@pytest.mark.parametrize(
    ("message", "expected"),
    [
        ("Số CBCC có trình độ CC, TC lý luận chính trị hiện nay?", ["llct_level_now"]),
        ("hiện có bao nhiêu người trình độ CC hay TC LLCT", ["llct_level_now"]),
    ],
)
def test_memo_shorthand_for_the_two_courses_is_one_question(message, expected):
    (reply,) = ask_json(message)
    assert (reply["status"], reply["intents"]) == ("answer", expected)


@pytest.mark.parametrize(
    "wish", ["Chúc các bạn năm mới an khang thịnh vượng", "chúc bác mạnh khỏe, năm mới an khang"]
)
def test_wishes_to_several_or_to_an_elder_are_smalltalk(wish):
    (reply,) = ask_json(wish)
    assert (reply["status"], reply["intents"]) == ("smalltalk", ["wishes"])


def test_how_to_become_a_civil_servant_said_the_other_way_round_is_advice():
    (reply,) = ask_json("muốn thi vào công chức thì làm thế nào")
    assert reply["status"] == "fallback" and reply["intents"] == []


def test_taught_in_everyday_words_is_the_training():
    (reply,) = ask_json("công chức ở xã được dạy thêm những gì")
    assert (reply["status"], reply["intents"]) == ("answer", ["commune_civil_servant_training"])


def test_teachers_private_lessons_are_not_the_training_of_the_sector():
    (reply,) = ask_json("giáo viên có dạy thêm không")
    assert "education_sector" not in reply["intents"]


def test_an_item_of_a_list_keeps_the_subject_named_before_it():
    """ "quản lý nhà nước (chương trình chuyên viên + chủ chốt cấp xã)": the commune's key
    officials' state-management course, never its young leaders."""
    (reply,) = ask_json("số người học quản lý nhà nước: chương trình chuyên viên + chủ chốt cấp xã")
    assert (reply["status"], reply["intents"]) == (
        "answer",
        ["qlnn_specialist", "qlnn_commune_key"],
    )


@pytest.mark.parametrize(
    ("message", "expected"),
    [
        # two questions in one breath, an abbreviation among them ("qlnn": four words)
        (
            "bồi dưỡng bí thư xã mấy người qlnn chủ chốt xã mấy lượt",
            ["party_secretary_training", "qlnn_commune_key"],
        ),
        # "mấy người" after words naming a fact closes a question with its count
        (
            "cán bộ huyện học cao cấp lý luận mấy người học qlnn chuyên viên mấy người",
            ["advanced_llct", "qlnn_specialist"],
        ),
    ],
)
def test_two_counts_said_in_one_breath_are_both_answered(message, expected):
    (reply,) = ask_json(message)
    assert (reply["status"], reply["intents"]) == ("answer", expected)


def test_english_words_read_as_several_are_no_shorthand_to_cut_at():
    """ "what does the article say the overall goal …": one question, never a summary beside it."""
    (reply,) = ask_json("what does the article say the overall goal of the training is?")
    assert "article_summary" not in reply["intents"]
