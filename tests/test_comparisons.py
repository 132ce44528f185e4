"""A question comparing two figures ("ở xã nhiều hơn ở huyện mấy người?") gets both figures
and the gap the KB declares — through `ask`, as a user meets it, and after an answer."""

from __future__ import annotations

import pytest
from conftest import ask_json

COMPARED = [
    (
        "cán bộ trẻ dưới 35 ở xã nhiều hơn ở huyện mấy người?",
        ["young_leaders_district", "young_leaders_commune"],
        "21 − 10 = 11 người",
    ),
    (
        "so di hoc dai hoc nhieu hon so hoc thac si bao nhieu",
        ["university_sent", "masters_sent"],
        "712 − 28 = 684 người",
    ),
    (
        "trung cấp llct xã với huyện chênh lệch bao nhiêu",
        ["intermediate_llct_district", "intermediate_llct_commune"],
        "300 − 55 = 245 người",
    ),
]


def test_a_comparison_gets_both_figures_and_the_declared_gap():
    replies = ask_json(*(question for question, _, _ in COMPARED))
    for reply, (question, intents, gap) in zip(replies, COMPARED, strict=True):
        assert reply["status"] == "answer", (question, reply)
        assert reply["intents"] == intents, (question, reply)
        assert f"Chênh lệch: {gap}" in reply["answer"], (question, reply["answer"])


def test_a_comparison_after_an_answer_compares_with_the_fact_just_given():
    first, second = ask_json(
        "cấp xã có bao nhiêu người học trung cấp lý luận chính trị",
        "so với cấp huyện thì nhiều hơn bao nhiêu",
        conversation="c",
    )
    assert first["intents"] == ["intermediate_llct_commune"]
    assert second["intents"] == ["intermediate_llct_district", "intermediate_llct_commune"]
    assert "300 − 55 = 245" in second["answer"]


@pytest.mark.parametrize(
    "question",
    [
        "bí thư vs chủ tịch mttq mỗi loại mấy người",  # a list, not a comparison
        "bao nhiêu người học cao hơn trình độ đại học",  # "cao hơn": beyond, no gap asked
        "cấp xã có nhiều cán bộ hơn không",  # no two parts of one group reached
    ],
)
def test_a_comparative_word_alone_adds_no_gap(question):
    (reply,) = ask_json(question)
    assert "Chênh lệch" not in reply["answer"], reply


def test_two_facts_no_group_compares_get_both_figures_and_no_invented_gap():
    (reply,) = ask_json("số đảng viên nhiều hơn số có bằng đại học bao nhiêu")
    assert reply["intents"] == ["party_members", "university_degree_now"], reply
    assert "Chênh lệch" not in reply["answer"] and "so sánh trực tiếp" in reply["answer"]
    assert "1.066" in reply["answer"] and "712" in reply["answer"]


def test_a_topic_before_a_colon_is_kept_for_the_comparison_after_it():
    (reply,) = ask_json("Trung cấp llct: cấp xã hơn cấp huyện bao nhiêu người?")
    assert reply["intents"] == ["intermediate_llct_district", "intermediate_llct_commune"], reply
    assert "300 − 55 = 245" in reply["answer"]


def test_o_huyen_and_a_bare_huyen_name_the_district_in_a_comparison():
    (alone,) = ask_json("Cán bộ chủ chốt trẻ ở xã nhiều hơn ở huyện bao nhiêu người?")
    first, after = ask_json(
        "cán bộ chủ chốt dưới 35 tuổi ở xã có mấy người",
        "xã hơn huyện mấy người?",
        conversation="c",
    )
    assert first["intents"] == ["young_leaders_commune"], first
    for reply in (alone, after):
        assert reply["intents"] == ["young_leaders_district", "young_leaders_commune"], reply
        assert "21 − 10 = 11" in reply["answer"]


def test_which_of_two_is_larger_gets_both_figures():
    """ "A nhiều hơn hay B nhiều hơn?": the two figures, side by side, no gap of the bot's own."""
    (reply,) = ask_json("Số người có bằng đại học nhiều hơn hay số đảng viên nhiều hơn?")
    assert reply["intents"] == ["university_degree_now", "party_members"]
    assert "1.066" in reply["answer"] and "712" in reply["answer"]
    assert "354" not in reply["answer"]  # 1.066 − 712: a difference the article never gives


def test_how_many_times_one_figure_is_the_other_gets_both_and_no_ratio_or_gap():
    first, ratio = ask_json(
        "Có bao nhiêu cán bộ công chức cấp xã học trung cấp LLCT?",
        "gấp mấy lần cấp huyện",
        conversation="ratio",
    )
    assert first["intents"] == ["intermediate_llct_commune"]
    assert ratio["intents"] == ["intermediate_llct_district", "intermediate_llct_commune"]
    assert "Chênh lệch" not in ratio["answer"]  # a gap answers nothing asked
    assert "không so sánh" in ratio["answer"]  # the article states no ratio


@pytest.mark.parametrize(
    ("question", "intents"),
    [
        # opened by "so với": the first side after it, the second after "thì"
        (
            "So với số người được cử đi học thạc sĩ thì số người hiện có trình độ trên đại học"
            " nhiều hơn hay ít hơn?",
            ["masters_sent", "postgraduate_now"],
        ),
        # "vượt quá": more than; "bằng đúng": the same as
        (
            "Số cán bộ, công chức cấp xã được học trung cấp lý luận chính trị có vượt quá tổng số"
            " cán bộ, công chức cấp xã hiện nay không?",
            ["intermediate_llct_commune", "commune_staff"],
        ),
        (
            "Có đúng là số người được cử đi học đại học bằng đúng số đảng viên hiện nay không?",
            ["university_sent", "party_members"],
        ),
    ],
)
def test_a_comparison_opened_by_so_voi_or_said_with_exceed_or_equal_gets_both(question, intents):
    (reply,) = ask_json(question)
    assert reply["status"] == "answer" and reply["intents"] == intents, reply
    assert "Chênh lệch" not in reply["answer"]  # no group declares a gap between these


def test_so_voi_a_whole_then_a_share_after_an_answer_is_no_comparison_of_two_facts():
    first, share = ask_json(
        "bao nhiêu người có trình độ đại học",
        "So với tổng số thì chiếm bao nhiêu phần trăm?",
        conversation="share",
    )
    assert first["intents"] == ["university_degree_now"]
    assert share["status"] == "answer" and share["intents"] == ["university_degree_now"], share
    assert "53,3 %" in share["answer"]  # the share the article gives, of the whole


def test_how_two_things_named_differ_is_each_ones_fact_but_three_named_are_not_two():
    both, three = ask_json(
        "cán bộ xã với công chức xã được đào tạo khác nhau ra sao",
        "đào tạo cán bộ cấp huyện, cán bộ xã và công chức xã khác nhau thế nào?",
    )
    assert both["intents"] == ["commune_cadre_training", "commune_civil_servant_training"], both
    assert three["status"] == "clarify", three  # two facts for three things: never half of it


def test_thi_tran_is_no_turn_of_a_comparison_opened_by_so_voi():
    (reply,) = ask_json(
        "So với cán bộ cấp huyện thì cán bộ cấp xã, thị trấn học trung cấp nhiều hơn hay ít hơn?"
    )
    assert reply["intents"] == ["intermediate_llct_district", "intermediate_llct_commune"], reply


def test_a_gap_asked_in_english_and_a_comparison_after_a_figure_get_both_sides():
    gap, first, compared = ask_json(
        "What's the gap between commune-level and district-level cadres sent to intermediate"
        " political theory courses?",
        "How many young key leaders under 35 are there at the district level?",
        "how does that compare to the commune level?",
        conversation="gap",
    )
    both = ["intermediate_llct_district", "intermediate_llct_commune"]
    assert gap["intents"] == both and "245" in gap["answer"], gap
    assert first["intents"] == ["young_leaders_district"], first
    assert compared["intents"] == ["young_leaders_district", "young_leaders_commune"], compared
