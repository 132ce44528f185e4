"""Figures checked together ("huyện có 1.999 CBCC, trong đó 294 ở cấp xã, đúng không?"), each by
its own fact and each named in the reply's first line; a summing-up ("Tóm lại là …") that asks no
summary; a question said in one go after a spoken story (voice typing, no marks); emoji as
pauses; "hỏi tí", "ok bt r" — through `ask --json`, as a user meets them."""

from __future__ import annotations

import pytest
from conftest import ask_json


@pytest.mark.parametrize(
    ("question", "intents", "figures"),
    [
        (
            "huyện có 1.999 CBCC, trong đó 294 ở cấp xã đúng không?",
            ["total_staff", "commune_staff"],
            ["1.999", "294"],
        ),
        (
            "Tóm lại là huyện có 1.999 CBCC, trong đó 294 cán bộ cấp xã, đúng không?",
            ["total_staff", "commune_staff"],
            ["1.999", "294"],
        ),
        (
            "có 712 người học đại học và 28 người học thạc sĩ phải không?",
            ["university_sent", "masters_sent"],
            ["712", "28"],
        ),
        (
            "bài nói 712 người học đại học, 28 thạc sĩ, 115 chuyên viên đúng ko",
            ["university_sent", "masters_sent", "qlnn_specialist"],
            ["712", "28", "115"],
        ),
    ],
)
def test_figures_checked_together_are_each_checked(question, intents, figures):
    (reply,) = ask_json(question)
    assert reply["intents"] == intents
    first_line = reply["answer"].splitlines()[0]
    assert all(f in first_line for f in figures)


def test_a_summing_up_asked_alone_is_still_the_summary():
    (reply,) = ask_json("tóm lại bài nói gì")
    assert reply["intents"] == ["article_summary"]


@pytest.mark.parametrize(
    ("question", "intent"),
    [
        (
            "à này tôi hỏi cái nhé hôm trước trên huyện có cán bộ về nói phải học chung cấp chính "
            "trị mới được làm chủ tịch xã tôi cũng không biết thật không nhưng mà trong bài báo thì "
            "cán bộ cấp xã bên điện biên đông được tập trung đào tạo cái gì",
            "commune_cadre_training",
        ),
        (
            "xin lỗi làm phiền nhé tôi là người kinh ở tuần giáo làm trưởng bản tôi quan tâm cán bộ "
            "trẻ vì bản tôi có mấy đứa thanh niên giỏi lắm thì bên điện biên đông ở cấp xã có bao "
            "nhiêu cán bộ chủ chốt dưới ba mươi lăm tuổi",
            "young_leaders_commune",
        ),
    ],
)
def test_a_question_said_after_a_spoken_story_is_answered(question, intent):
    (reply,) = ask_json(question)
    assert reply["intents"] == [intent]


def test_two_questions_said_in_one_go_are_both_answered():
    (reply,) = ask_json(
        "em hỏi cái là huyện mình có bao nhiêu cán bộ được đi học thạc sĩ rồi em cũng muốn biết "
        "là số người đi học cao cấp lý luận chính trị nữa"
    )
    assert reply["intents"] == ["masters_sent", "advanced_llct"]


def test_a_spoken_story_that_names_the_level_keeps_it():
    (reply,) = ask_json(
        "còn mấy cô cậu địa chính kế toán tư pháp ở xã thì được đi học cái gì tôi hỏi vậy thôi"
    )
    assert reply["intents"] != [
        "district_level_training",
        "commune_cadre_training",
        "commune_civil_servant_training",
    ]


@pytest.mark.parametrize(
    ("question", "intents"),
    [
        (
            "chị trưởng nhóm dặn t tìm phần mục tiêu, ko thì chị xử t 😭😭 mục tiêu của việc đào "
            "tạo cán bộ ở đó là gì v?",
            ["training_goal"],
        ),
        ("title, author, date pls 🙏", ["article_title", "article_author", "article_date"]),
        (
            "Tổng cán bộ trẻ dưới 35 làm chủ chốt toàn huyện 👉 bao nhiêu người?",
            ["young_leaders_district", "young_leaders_commune"],
        ),
        ("bot ơi cho hỏi tí 😁 huyện có bao nhiêu cán bộ công chức", ["total_staff"]),
    ],
)
def test_emoji_are_pauses_not_words(question, intents):
    (reply,) = ask_json(question)
    assert reply["intents"] == intents


@pytest.mark.parametrize("question", ["👍", "ok bt r"])
def test_an_emoji_or_ok_alone_is_an_acknowledgement(question):
    (reply,) = ask_json(question)
    assert reply["status"] == "smalltalk"


def test_huyen_toi_beside_the_district_compares_it_lists_nothing():
    (reply,) = ask_json(
        "Ở huyện tôi chỉ có 5 người đi học thạc sĩ, Điện Biên Đông thì được bao nhiêu người?"
    )
    assert reply["intents"] == ["masters_sent"]


@pytest.mark.parametrize(
    "question",
    ["co bao nhieu nguoi thi rot", "co bao nhieu nguoi thi do thac si", "hoc xong thi do het ko"],
)
def test_exam_results_typed_bare_are_still_not_in_the_article(question):
    (reply,) = ask_json(question)
    assert reply["status"] == "fallback"


def test_thi_rot_cuoc_typed_bare_is_no_exam():
    (reply,) = ask_json("cho can bo di hoc thi rot cuoc nham muc dich gi")
    assert reply["intents"] == ["training_goal"]


@pytest.mark.parametrize(
    "question",
    [
        "ở tỉnh bên cạnh tôi nghe nói nhiều người đi học lắm thì có bao nhiêu người học thạc sĩ",
        "cách đây mười năm cán bộ yếu lắm mà không biết hồi đó có bao nhiêu người có bằng đại học",
        "cho tôi hỏi lương cán bộ xã bao nhiêu một tháng mà huyện có bao nhiêu cán bộ cấp xã",
    ],
)
def test_a_spoken_question_set_elsewhere_or_after_an_unstated_ask_is_not_answered(question):
    (reply,) = ask_json(question)
    assert reply["status"] != "answer"


def test_a_part_checked_that_the_article_never_counts_is_said_so():
    (reply,) = ask_json("có 712 người học đại học, 28 người học tiến sĩ đúng không")
    assert "không nói về số tiến sĩ" in reply["answer"]


def test_figures_checked_after_another_question_are_read_on_their_own():
    _, reply = ask_json(
        "huyện có bao nhiêu cán bộ", "1.999 cán bộ, 294 cấp xã đúng ko", conversation="check"
    )
    assert reply["intents"] == ["total_staff", "commune_staff"]


@pytest.mark.parametrize(
    ("question", "intents"),
    [
        ("có bao nhiêu 🤔 cán bộ, bao nhiêu 🤔 đảng viên", ["total_staff", "party_members"]),
        ("tổng số cán bộ 🤔 và số đảng viên 🤔 là bao nhiêu", ["total_staff", "party_members"]),
        (
            "bao nhiêu người 😅 học thạc sĩ, bao nhiêu người 😅 học đại học",
            ["masters_sent", "university_sent"],
        ),
        ("1.999 ✅ cán bộ, 294 ✅ cấp xã phải không", ["total_staff", "commune_staff"]),
    ],
)
def test_an_emoji_inside_a_question_holds_it_together(question, intents):
    (reply,) = ask_json(question)
    assert reply["intents"] == intents


@pytest.mark.parametrize(
    "question", ["tóm lại bài báo trong 2 dòng thôi", "tóm lại bài trong 3 dòng"]
)
def test_a_summary_in_a_few_lines_is_no_figure_checked(question):
    (reply,) = ask_json(question)
    assert reply["intents"] == ["article_summary"]


@pytest.mark.parametrize(
    ("question", "intents"),
    [
        ("nghị quyết 03 😍 nói về cái gì", ["resolution_03"]),
        ("con số 712 🤔 nói về cái gì", ["university_sent", "party_members"]),
        (
            "Chào bạn nhen 😊 tui ở Điện Biên Đông, cho hỏi có bao nhiêu cán bộ xã",
            ["commune_staff"],
        ),
    ],
)
def test_a_named_figure_or_a_greeting_before_an_emoji(question, intents):
    (reply,) = ask_json(question)
    assert reply["intents"] == intents


def test_an_emoji_before_a_level_keeps_the_level():
    (reply,) = ask_json("bao nhiêu 🔥 đảng viên 🔥 ở cấp xã")
    assert reply["intents"] != ["party_members"]
