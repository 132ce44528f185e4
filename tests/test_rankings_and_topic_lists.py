"""A list ranked by its figures ("cái nào nhiều nhất?" after it, "xếp từ lớn đến nhỏ" within
it), every figure of a topic asked for ("liệt kê các con số về lý luận chính trị"), and a list
of bare items after one question ("hiện nay bao nhiêu người có trình độ đại học, trên đại học,
lý luận chính trị, đảng viên") — through `ask --json` (one chat: `--conversation`), as a user
meets them."""

from __future__ import annotations

from conftest import ask_json

LLCT_SENT = ["advanced_llct", "intermediate_llct_commune", "intermediate_llct_district"]
NOW = ["llct_level_now", "party_members", "postgraduate_now", "university_degree_now"]


def test_the_largest_and_smallest_of_a_list_just_given():
    listed, largest, smallest = ask_json(
        "bao nhiêu người học cao cấp lý luận, bao nhiêu người học trung cấp lý luận?",
        "cái nào nhiều nhất?",
        "nhỏ nhất?",
        conversation="ranking",
    )
    assert sorted(listed["intents"]) == LLCT_SENT
    assert (largest["status"], largest["intents"]) == ("answer", ["intermediate_llct_commune"])
    assert "300" in largest["answer"] and "lớn nhất" in largest["answer"]
    assert (smallest["status"], smallest["intents"]) == ("answer", ["advanced_llct"])
    assert "26" in smallest["answer"] and "nhỏ nhất" in smallest["answer"]


def test_the_fewest_of_three_counts_asked_in_teencode():
    _, fewest = ask_json(
        "check giúp e: bn ng đi học đh, bn ng thạc sĩ, bn ng học chuyên viên qlnn",
        "cái nào ít nhất",
        conversation="fewest",
    )
    assert (fewest["status"], fewest["intents"]) == ("answer", ["masters_sent"])
    assert "28" in fewest["answer"]


def test_figures_of_different_kinds_are_not_ranked():
    # 1.800 person-times of teachers beside 115 officials: no ranking, both figures again
    listed, ranked = ask_json(
        "bao nhiêu lượt viên chức giáo dục được bồi dưỡng, bao nhiêu cán bộ huyện học chuyên viên?",
        "cái nào nhiều nhất?",
        conversation="unlike",
    )
    assert sorted(listed["intents"]) == ["education_sector", "qlnn_specialist"]
    assert ranked["status"] == "answer"
    assert sorted(ranked["intents"]) == ["education_sector", "qlnn_specialist"]
    assert "khác nhau" in ranked["answer"]


def test_a_superlative_naming_a_fact_of_its_own_is_no_ranking():
    # "bậc cao nhất" names the advanced course; it ranks nothing just given
    _, own = ask_json(
        "bao nhiêu người học đại học, bao nhiêu người học thạc sĩ?",
        "lớp chính trị bậc cao nhất có bao nhiêu người đi học?",
        conversation="own",
    )
    assert (own["status"], own["intents"]) == ("answer", ["advanced_llct"])


def test_a_list_asked_in_order_is_answered_in_that_order():
    (reply,) = ask_json(
        "Xếp theo thứ tự từ lớn đến nhỏ các con số trình độ hiện nay: đại học, trên đại học, "
        "lý luận chính trị, đảng viên."
    )
    assert reply["status"] == "answer"
    assert reply["intents"] == [
        "university_degree_now",
        "party_members",
        "llct_level_now",
        "postgraduate_now",
    ]
    answer = reply["answer"]
    assert answer.index("1.066") < answer.index("712") < answer.index("168")
    (upward,) = ask_json(
        "hiện nay bao nhiêu người có trình độ đại học, trên đại học, lý luận chính trị, đảng "
        "viên, xếp từ nhỏ đến lớn"
    )
    assert upward["intents"] == [
        "postgraduate_now",
        "llct_level_now",
        "party_members",
        "university_degree_now",
    ]


def test_every_figure_of_a_topic():
    sent, every = ask_json(
        "Liệt kê các con số về cử cán bộ đi học lý luận chính trị, xếp theo thứ tự từ lớn đến nhỏ.",
        "Liệt kê giúp tôi tất cả các con số về lý luận chính trị có trong bài.",
    )
    assert sent["status"] == "answer"
    assert sent["intents"] == [
        "intermediate_llct_commune",
        "intermediate_llct_district",
        "advanced_llct",
    ]
    assert sorted(every["intents"]) == sorted([*LLCT_SENT, "llct_level_now"])


def test_one_figure_asked_among_all_is_no_list_of_every_figure():
    (reply,) = ask_json("thế trong tất cả số đó bao nhiêu người có trình độ đại học")
    assert not (reply["status"] == "answer" and len(reply["intents"]) > 1)


def test_bare_items_after_one_question_each_borrow_it():
    (reply,) = ask_json(
        "hiện nay bao nhiêu người có trình độ đại học, trên đại học, lý luận chính trị, đảng viên"
    )
    assert reply["status"] == "answer"
    assert sorted(reply["intents"]) == NOW
