"""The article named by its author around a question, a long topic label before a colon, a
purpose said after a question of both levels, one level added to the other in a follow-up, why
a figure is what it is, names and results the article never gives, and the everyday words for
the staff a question is of — through `ask --json`, as a user meets them, with the look-alike
questions that must keep their old reading."""

from __future__ import annotations

import pytest
from conftest import ask_json

BOTH_INTERMEDIATE = ["intermediate_llct_district", "intermediate_llct_commune"]


@pytest.mark.parametrize(
    ("message", "expected"),
    [
        # "theo bài báo của Phong Vân": which article, before the question or after it
        (
            "Theo bài báo của Phong Vân, hiện nay có bao nhiêu người có trình độ đại học?",
            ["university_degree_now"],
        ),
        (
            "Có bao nhiêu người có trình độ trên đại học theo bài báo của Phong Vân?",
            ["postgraduate_now"],
        ),
        # a topic's label longer than four words, all of it the course's name
        ("Trung cấp lý luận chính trị: huyện tổ chức cho mấy người học?", BOTH_INTERMEDIATE),
        # why the figure is wanted, said after a question both levels answer
        ("Tôi cần số người học trung cấp chính trị để đưa vào báo cáo.", BOTH_INTERMEDIATE),
        # who the asker is, by what they study, then the question
        (
            "Tôi nghiên cứu về chính sách cán bộ. Bài nói gì về mục tiêu đào tạo?",
            ["training_goal"],
        ),
        # everyday words: the commune's office staff, the one who spoke to the journalist, the
        # highest degree
        ("nhân viên cấp xã được đào tạo gì", ["commune_civil_servant_training"]),
        ("Ai bên Huyện ủy trả lời nhà báo?", ["spokesperson"]),
        ("Nhóm có trình độ cao nhất hiện có bao nhiêu người?", ["postgraduate_now"]),
    ],
)
def test_words_around_the_question_do_not_hide_it(message, expected):
    (reply,) = ask_json(message)
    assert (reply["status"], reply["intents"]) == ("answer", expected)


@pytest.mark.parametrize(
    ("message", "expected"),
    [
        ("bài của Phong Vân", ["article_source"]),  # the article named alone: what it is
        ("Đồng chí liệt kê giúp tôi: tên bài, tờ báo", ["article_title", "article_source"]),
        ("tổng cộng huyện có bao nhiêu cán bộ", ["total_staff"]),  # "cộng huyện": no level
        ("Vì sao huyện chú trọng đào tạo cán bộ?", ["past_weakness"]),  # a reason it gives
    ],
)
def test_look_alikes_keep_their_reading(message, expected):
    (reply,) = ask_json(message)
    assert (reply["status"], reply["intents"]) == ("answer", expected)


def test_the_communes_staff_left_out_leaves_the_remainder():
    (reply,) = ask_json("Không tính cán bộ công chức cấp xã thì huyện còn bao nhiêu người?")
    assert (reply["status"], reply["intents"]) == ("answer", ["total_staff", "commune_staff"])
    assert "1.705" in reply["answer"]


@pytest.mark.parametrize(
    "follow_up", ["cả huyện nữa cộng lại", "cộng cả huyện nữa là bao nhiêu", "cong ca huyen nua"]
)
def test_the_district_added_to_the_communes_gives_both_and_their_sum(follow_up):
    first, second = ask_json(
        "cán bộ cấp xã học trung cấp lý luận chính trị bao nhiêu", follow_up, conversation="c"
    )
    assert first["intents"] == ["intermediate_llct_commune"]
    assert second["status"] == "answer"
    assert sorted(second["intents"]) == sorted(BOTH_INTERMEDIATE)
    assert "355" in second["answer"]


@pytest.mark.parametrize(
    ("message", "unsaid"),
    [
        ("Tại sao chỉ có 19 người đi bồi dưỡng chức danh bí thư?", "lý do"),
        ("Vì sao năm 2011 huyện mới có nghị quyết 03?", "lý do"),
        ("Có bao nhiêu người học đại học đã tốt nghiệp và về huyện làm việc?", "tốt nghiệp"),
        ("Tên những thầy cô được bổ nhiệm làm hiệu trưởng là gì?", "tên"),
    ],
)
def test_what_the_article_never_says_is_said_so_not_answered_with_a_figure(message, unsaid):
    (reply,) = ask_json(message)
    assert reply["status"] == "fallback"
    assert reply["intents"] == []
    assert unsaid in reply["answer"]


def test_a_sum_of_two_facts_no_group_declares_is_never_half_answered():
    """ "Tổng … ĐH và cao cấp LLCT?": the course alone would answer half of what is asked."""
    (reply,) = ask_json("Tổng số người được cử đi ĐH và cao cấp LLCT?")
    assert reply["intents"] != ["advanced_llct"]
    if reply["status"] == "answer":
        assert sorted(reply["intents"]) == ["advanced_llct", "university_sent"]
