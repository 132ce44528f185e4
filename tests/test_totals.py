"""A total adds figures: a fact that says what is taught, not how many, never joins the sum,
however many of the question's words it shares ("cán bộ … trung cấp LLCT … cấp xã")."""

import pytest
from conftest import ask_json


@pytest.mark.parametrize(
    "question",
    [
        "cộng số cán bộ đi học trung cấp lý luận ở huyện với ở xã",
        "tổng cán bộ xã và cán bộ huyện học trung cấp chính trị là bao nhiêu người",
        # "toàn huyện", "cả huyện": every level of a figure the article gives per level
        "toàn huyện bao nhiêu người học trung cấp llct",
        "Total số người học trung cấp chính trị của cả huyện là bao nhiêu vậy?",
    ],
)
def test_a_sum_of_both_levels_adds_the_two_figures_only(question: str) -> None:
    (reply,) = ask_json(question)
    assert reply["status"] == "answer"
    assert sorted(reply["intents"]) == ["intermediate_llct_commune", "intermediate_llct_district"]
    assert "= 355" in reply["answer"]


def test_a_course_named_once_belongs_to_every_level_listed() -> None:
    (reply,) = ask_json("Học trung cấp chính trị: cán bộ huyện bao nhiêu, cán bộ xã bao nhiêu?")
    assert reply["status"] == "answer"
    assert sorted(reply["intents"]) == ["intermediate_llct_commune", "intermediate_llct_district"]
    assert "294" not in reply["answer"]  # the commune's whole staff is not what was asked


def test_an_item_with_words_of_its_own_keeps_its_fact() -> None:
    question = (
        "cấp huyện có mấy cán bộ chủ chốt dưới 35 tuổi, với lại xã có mấy người học trung cấp?"
    )
    (reply,) = ask_json(question)
    assert reply["status"] == "answer"
    assert sorted(reply["intents"]) == ["intermediate_llct_commune", "young_leaders_district"]


def test_the_whole_district_named_of_a_figure_the_article_gives_whole_is_that_figure() -> None:
    (reply,) = ask_json("toàn huyện có bao nhiêu cán bộ công chức")
    assert reply["intents"] == ["total_staff"]  # no sum of levels where the whole is written


def test_a_degree_and_above_counts_every_degree_above_it() -> None:
    """ "thạc sĩ trở lên": the postgraduates now, not the 28 sent to study for a master's."""
    (reply,) = ask_json("có bao nhiêu người từ thạc sĩ trở lên")
    assert reply["intents"] == ["postgraduate_now"] and "11" in reply["answer"]


@pytest.mark.parametrize(
    "question",
    [
        # "…, huyện đã cho …": the district sending, not the district level
        "Tính cả cao cấp và trung cấp, huyện đã cho tổng cộng bao nhiêu người học lý luận chính trị?",
        # "các cấp": every level
        "tổng sl cb đi học LLCT (cao cấp + trung cấp các cấp)?",
    ],
)
def test_every_political_theory_course_at_every_level_is_summed(question: str) -> None:
    (reply,) = ask_json(question)
    assert reply["intents"] == [
        "advanced_llct",
        "intermediate_llct_district",
        "intermediate_llct_commune",
    ]
    assert "26 + 55 + 300 = 381" in reply["answer"]


def test_leaving_the_communes_out_gets_what_remains_not_the_communes_figure() -> None:
    (reply,) = ask_json("không tính xã, thị trấn thì có bao nhiêu cán bộ công chức?")
    assert reply["intents"] == ["total_staff", "commune_staff"]
    assert "1.999 − 294 = 1.705" in reply["answer"]


@pytest.mark.parametrize(
    ("question", "intents", "total"),
    [
        # the parts of the sum listed after "gồm", or in brackets: no questions of their own
        (
            "Tổng số lượt bồi dưỡng cho người giữ chức danh chủ chốt cấp xã, gồm chuyên môn và "
            "quản lý nhà nước?",
            ["professional_training", "qlnn_commune_key"],
            "84 + 128 = 212",
        ),
        (
            "Tính chung bồi dưỡng quản lý nhà nước (chuyên viên cấp huyện và chủ chốt cấp xã) là "
            "bao nhiêu?",
            ["qlnn_specialist", "qlnn_commune_key"],
            None,  # 115 people and 128 turns: the article adds them nowhere
        ),
        (
            "Tổng số người được bồi dưỡng quản lý nhà nước, tính cả chương trình chuyên viên cấp "
            "huyện và chức danh chủ chốt cấp xã?",
            ["qlnn_specialist", "qlnn_commune_key"],
            None,
        ),
        # "gồm:" announces the parts after the colon: no preamble, the level before kept
        (
            "Đề nghị tổng hợp số cán bộ cấp huyện đã được đào tạo, bồi dưỡng gồm: cao cấp LLCT, "
            "trung cấp LLCT và QLNN chương trình chuyên viên. Tổng là bao nhiêu?",
            ["advanced_llct", "intermediate_llct_district", "qlnn_specialist"],
            None,  # courses of different kinds: the article adds them nowhere
        ),
    ],
)
def test_the_parts_listed_of_one_sum_are_that_sums_parts(question, intents, total) -> None:
    (reply,) = ask_json(question)
    assert reply["intents"] == intents
    if total:
        assert total in reply["answer"]
    else:
        assert "243" not in reply["answer"]


def test_of_the_district_and_of_the_commune_name_both_levels_and_get_the_sum():
    (reply,) = ask_json("Cán bộ chủ chốt dưới 35 tuổi của huyện và của xã cộng lại là bao nhiêu?")
    assert reply["intents"] == ["young_leaders_district", "young_leaders_commune"], reply
    assert "31" in reply["answer"], reply["answer"]
    (whole,) = ask_json("cán bộ của huyện có bao nhiêu")  # alone: the district's whole staff
    assert whole["intents"] == ["total_staff"], whole


def test_intermediate_said_with_ch_and_a_sum_asked_in_english_after_two_answers():
    (said,) = ask_json(
        "người học chung cấp chính trị cả cấp huyện với cấp xã cộng lại bằng bao nhiêu"
    )
    assert said["intents"] == ["intermediate_llct_district", "intermediate_llct_commune"], said
    *_, both = ask_json(
        "How many people hold a university degree now, theo bài báo?",
        "and postgrad?",
        "sum of both?",
        conversation="sum",
    )
    assert both["intents"] == ["university_degree_now", "postgraduate_now"], both


def test_huyen_and_xa_in_english_name_both_levels():
    (reply,) = ask_json(
        "What's the combined number of young key cadres (under 35) at huyện and xã level?"
    )
    assert reply["intents"] == ["young_leaders_district", "young_leaders_commune"], reply


def test_english_words_of_a_statisticians_question_are_read():
    """ "headcount", "percent", "post-graduate" mixed into Vietnamese, as an office writes them."""
    headcount, share, postgraduate = ask_json(
        "Headcount toàn huyện là bao nhiêu?",
        "Cán bộ, công chức cấp xã chiếm bao nhiêu percent trên total staff của huyện?",
        "Số staff có trình độ post-graduate hiện nay là bao nhiêu?",
    )
    assert headcount["intents"] == ["total_staff"], headcount
    assert sorted(share["intents"]) == ["commune_staff", "total_staff"], share
    assert "1.999" in share["answer"] and "294" in share["answer"], share
    assert postgraduate["intents"] == ["postgraduate_now"], postgraduate


def test_a_district_and_a_commune_named_sum_no_group_the_question_does_not_name() -> None:
    # "ở huyện này" is where, not the district level: the llct and young leaders groups both
    # have a district and a commune part, and the question names neither's course or age
    (reply,) = ask_json("ở huyện này, công chức ở xã tổng là bao nhiêu")
    assert reply["status"] == "answer" and reply["intents"] == ["commune_staff"]
    assert "355" not in reply["answer"]
    (course,) = ask_json("cán bộ học trung cấp ở huyện với xã tổng cộng mấy người")
    assert course["intents"] == ["intermediate_llct_district", "intermediate_llct_commune"]
    assert "355" in course["answer"]


@pytest.mark.parametrize(
    "question",
    [
        "mình hỏi có mấy người cấp xã, mấy người cấp huyện được học trung cấp chính trị vậy?",
        "có bao nhiêu người cấp huyện và bao nhiêu người cấp xã học trung cấp lý luận?",
    ],
)
def test_a_course_named_once_after_two_counts_is_of_both(question: str) -> None:
    # the first clause alone names no course: read whole, the message gives both levels' figures
    (reply,) = ask_json(question)
    assert reply["status"] == "answer"
    assert reply["intents"] == ["intermediate_llct_district", "intermediate_llct_commune"]


def test_what_an_article_figure_is_the_total_of_is_no_sum_asked() -> None:
    for reply in ask_json(
        "con số 1.999 là tổng số của cái gì", "số 1.066 là tổng số của cái gì vậy"
    ):
        assert "Cộng lại" not in reply["answer"] and "1.077" not in reply["answer"]


def test_what_remains_once_the_communes_are_taken_away_is_the_declared_difference() -> None:
    # "cán bộ, công chức cấp xã" ranks a course first; what remains of a whole is asked
    (reply,) = ask_json("Trừ cấp xã đi thì huyện còn bao nhiêu cán bộ, công chức?")
    assert reply["intents"] == ["total_staff", "commune_staff"]
    assert "1.999 − 294 = 1.705" in reply["answer"]


def test_intermediate_at_both_levels_is_no_school_grade():
    """ "trung cấp hai cấp" (the intermediate course at both levels) is not "cấp hai", the
    lower secondary school the article gives no figure for."""
    (reply,) = ask_json(
        "Cộng cả cao cấp và trung cấp hai cấp thì bao nhiêu người đi học lý luận chính trị?"
    )
    assert reply["intents"] == [
        "advanced_llct",
        "intermediate_llct_district",
        "intermediate_llct_commune",
    ]
    assert "26 + 55 + 300 = 381" in reply["answer"]
    (grade,) = ask_json("giáo viên cấp hai được bồi dưỡng bao nhiêu người")
    assert grade["status"] == "fallback"
