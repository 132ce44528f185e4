"""The quoted man named as the source of what is asked ("Theo ông Trưởng ban …, mục tiêu … là
gì?", "… mà ông trưởng ban nói trong bài"), who holds another post asked after an answer
("thủ tướng là ai?"), a total asked by a clause of its own after others, counts summed each
said apart ("cộng số A với số B"), an unstated birth year or field of study, the Centre's "mô" — through `ask --json` (one chat: `--conversation`), as a user
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


@pytest.mark.parametrize(
    "question",
    [
        "Cấp huyện có bao nhiêu người học trung cấp LLCT, cấp xã bao nhiêu, tổng cộng bao nhiêu "
        "người học?",
        "Cộng số cán bộ, công chức cấp xã với số cán bộ cấp huyện đi học trung cấp LLCT thì được "
        "bao nhiêu?",
    ],
)
def test_a_sum_whose_counts_are_named_once_stays_the_groups(question):
    (reply,) = ask_json(question)
    assert sorted(reply["intents"]) == ["intermediate_llct_commune", "intermediate_llct_district"]
    assert "355" in reply["answer"]


@pytest.mark.parametrize(
    "turns",
    [
        ["Nghị quyết 03 là gì?", "ai ban hành, bí thư huyện ủy à?"],
        ["Ai xây dựng kế hoạch đào tạo?", "ai chủ trì, trưởng phòng nội vụ à?"],
    ],
)
def test_a_post_guessed_after_a_comma_is_no_new_question(turns):
    first, reply = ask_json(*turns, conversation="guess")
    assert reply["status"] != "fallback"
    assert "Ngô Văn Thanh" not in reply["answer"] or first["intents"] == ["spokesperson"]


@pytest.mark.parametrize(
    "turns",
    [
        ["Ông Ngô Văn Thanh là ai?", "ông ấy sinh năm bao nhiêu"],
        ["Có bao nhiêu người đi học thạc sĩ?", "học thạc sĩ ngành gì"],
    ],
)
def test_a_birth_year_or_a_field_of_study_is_not_in_the_article(turns):
    first, reply = ask_json(*turns, conversation="unstated")
    assert first["status"] == "answer"
    assert reply["status"] == "fallback"
    assert reply["intents"] == []


@pytest.mark.parametrize(
    ("turns", "intents"),
    [
        (["Cán bộ xã trước đây có yếu không?", "yếu nhất mặt mô?"], ["past_weakness"]),
        (
            ["Cử bao nhiêu người đi học cao cấp lý luận chính trị?", "họ là cán bộ cấp mô?"],
            ["advanced_llct"],
        ),
        (
            ["Mục tiêu đào tạo của huyện là chi?", "rứa có bao nhiêu cán bộ chủ chốt trẻ dưới 35?"],
            ["young_leaders_district", "young_leaders_commune"],
        ),
    ],
)
def test_central_which_and_what_the_last_answer_says(turns, intents):
    _, reply = ask_json(*turns, conversation="centre")
    assert reply["intents"] == intents


def test_a_share_of_a_level_is_of_its_staff():
    (reply,) = ask_json("cấp xã chiếm mấy phần trăm?")
    assert sorted(reply["intents"]) == ["commune_staff", "total_staff"]
    assert "294" in reply["answer"] and "1.999" in reply["answer"]


@pytest.mark.parametrize(
    ("question", "intents"),
    [
        ("mục tiêu đào tạo nói chung là gì?", ["training_goal"]),
        ("Nói chung bài báo này viết về gì?", ["article_summary"]),
    ],
)
def test_in_general_after_what_is_asked_says_nothing_more(question, intents):
    (reply,) = ask_json(question)
    assert reply["intents"] == intents


@pytest.mark.parametrize(
    ("question", "intents", "figure"),
    [
        (
            "cán bộ trẻ dưới 35 cấp huyện mấy người, cấp xã mấy người, tổng toàn huyện bao nhiêu?",
            ["young_leaders_district", "young_leaders_commune"],
            "31",
        ),
        (
            "số lượt bồi dưỡng chuyên môn cộng số lượt bồi dưỡng quản lý nhà nước là bao nhiêu",
            ["professional_training", "qlnn_commune_key"],
            "212",
        ),
        ("cộng số 712 với số 28 là bao nhiêu", ["university_sent", "masters_sent"], "740"),
    ],
)
def test_sums_the_article_declares_stay_summed(question, intents, figure):
    (reply,) = ask_json(question)
    assert sorted(reply["intents"]) == sorted(intents)
    assert figure in reply["answer"]


def test_a_year_of_activities_is_no_birth_year():
    (reply,) = ask_json("hàng năm sinh hoạt bồi dưỡng cho bao nhiêu lượt viên chức giáo dục?")
    assert reply["intents"] == ["education_sector"]


def test_who_said_it_naming_a_post_is_still_the_man_quoted():
    _, reply = ask_json(
        "Có bao nhiêu đảng viên?", "ai nói vậy chủ tịch hay ai", conversation="said"
    )
    assert reply["intents"] == ["spokesperson"]


def test_what_is_trained_after_an_unrelated_answer_is_every_level():
    _, reply = ask_json("Bài báo tên gì?", "bồi dưỡng gì?", conversation="trained")
    assert reply["intents"] == [
        "district_level_training",
        "commune_cadre_training",
        "commune_civil_servant_training",
    ]


@pytest.mark.parametrize("question", ["Bài viết trích lời của ai?", "bài trích lời ai vậy"])
def test_whose_words_the_article_quotes_is_the_man_quoted(question):
    (reply,) = ask_json(question)
    assert reply["intents"] == ["spokesperson"]
