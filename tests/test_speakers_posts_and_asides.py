"""The quoted man named as the source of what is asked ("Theo ông Trưởng ban …, mục tiêu … là
gì?", "… mà ông trưởng ban nói trong bài"), who holds another post asked after an answer
("thủ tướng là ai?"), turns of phrase that say nothing ("nói chung"), and a total asked by a
clause of its own after others — through `ask --json` (one chat: `--conversation`), as a user
meets them."""

from __future__ import annotations

import pytest
from conftest import ask_json


@pytest.mark.parametrize(
    "question",
    [
        "Theo ông Trưởng ban Tổ chức Huyện ủy, mục tiêu của công tác đào tạo là gì?",
        "Theo ông trưởng ban, mục tiêu của công tác đào tạo là gì?",
        "Mình muốn biết cái mục tiêu của công tác đào tạo mà ông trưởng ban nói trong bài là gì?",
        "Xin chào, tôi đang soạn bài giảng. Theo ông Trưởng ban Tổ chức Huyện ủy, mục tiêu của "
        "công tác đào tạo là gì?",
    ],
)
def test_the_speaker_named_as_a_source_is_not_what_is_asked(question):
    (reply,) = ask_json(question)
    assert reply["intents"] == ["training_goal"]


def test_the_speaker_himself_is_still_asked_by_his_post():
    (reply,) = ask_json("Ông Trưởng ban Tổ chức Huyện ủy tên là gì?")
    assert reply["intents"] == ["spokesperson"]


@pytest.mark.parametrize(
    "question",
    [
        "thủ tướng là ai",
        "chủ tịch nước hiện nay là ai",
        "Đại hội Đảng bộ huyện ĐBĐ nhiệm kỳ 2020-2025 bầu ai làm Bí thư?",
    ],
)
def test_who_holds_another_post_is_not_the_man_quoted(question):
    first, reply = ask_json("Có bao nhiêu đảng viên?", question, conversation="posts")
    assert first["intents"] == ["party_members"]
    assert reply["status"] == "fallback"
    assert "Ngô Văn Thanh" not in reply["answer"]


@pytest.mark.parametrize("question", ["ai nói vậy?", "ông trưởng ban là ai?"])
def test_who_said_it_after_an_answer_is_still_the_man_quoted(question):
    _, reply = ask_json("Mục tiêu đào tạo là gì?", question, conversation="who-said")
    assert reply["intents"] == ["spokesperson"]


def test_in_general_says_nothing_of_the_article():
    *before, reply = ask_json(
        "Có bao nhiêu cán bộ chủ chốt dưới 35 tuổi ở cấp huyện?",
        "xin lỗi, tôi muốn hỏi cấp xã",
        "và số CBCC cấp xã nói chung?",
        conversation="in-general",
    )
    assert before[1]["intents"] == ["young_leaders_commune"]
    assert reply["intents"] == ["commune_staff"]
    (alone,) = ask_json("Nói chung bài báo muốn nói gì?")
    assert alone["intents"] == ["article_summary"]


def test_a_total_asked_by_a_clause_of_its_own_is_that_clause_fact():
    (reply,) = ask_json(
        "Cán bộ chủ chốt dưới 35 tuổi cấp huyện bao nhiêu; cấp xã bao nhiêu; tổng CBCC toàn "
        "huyện bao nhiêu?"
    )
    assert reply["intents"] == ["young_leaders_district", "young_leaders_commune", "total_staff"]
    assert "1.999" in reply["answer"]


def test_a_sum_of_parts_named_once_is_still_the_sum():
    (reply,) = ask_json("Tổng số lượt bồi dưỡng chuyên môn và QLNN cho cán bộ cấp xã là bao nhiêu?")
    assert reply["intents"] == ["professional_training", "qlnn_commune_key"]


@pytest.mark.parametrize(
    ("question", "intents", "figures", "not_there"),
    [
        (
            "Cộng số CBCC cấp xã học trung cấp LLCT với số lượt bồi dưỡng QLNN cho chức danh "
            "chủ chốt cấp xã được bao nhiêu?",
            ["intermediate_llct_commune", "qlnn_commune_key"],
            ["300", "128"],
            "Cộng lại",  # no sum the article declares: none is given
        ),
        (
            "số cán bộ huyện đi học cao cấp llct cộng với số cbcc xã học trung cấp llct là bn",
            ["advanced_llct", "intermediate_llct_commune"],
            ["26", "300"],
            "Cộng lại",
        ),
        (
            "Ở cấp huyện, số người học trung cấp LLCT cộng số người học cao cấp là bao nhiêu?",
            ["advanced_llct", "intermediate_llct_district"],
            ["26 + 55 = 81"],  # a sum the article's figures declare
            "300 cán bộ, công chức cấp xã học",
        ),
    ],
)
def test_each_count_summed_is_read_alone(question, intents, figures, not_there):
    (reply,) = ask_json(question)
    assert sorted(reply["intents"]) == sorted(intents)
    assert all(f in reply["answer"] for f in figures)
    assert not_there not in reply["answer"]


def test_a_list_item_before_the_counts_is_no_summand():
    (reply,) = ask_json(
        "Cho tôi các con số chính của bài: tổng cán bộ công chức, số cử đi học đại học, "
        "thạc sĩ, số đảng viên."
    )
    assert reply["intents"] == ["total_staff", "university_sent", "masters_sent", "party_members"]
