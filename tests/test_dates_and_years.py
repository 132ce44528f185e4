"""A date or a year that says when is no figure asked about, as a user meets it through
`ask --json`: "ngày 20/10" is no figure 10, "sau năm 2020" asks what came after the article."""

from __future__ import annotations

from conftest import ask_json


def test_a_date_is_not_read_as_the_figures_it_is_written_with():
    (reply,) = ask_json("Hôm 20/10 năm nay hội phụ nữ xã nên tổ chức hoạt động gì?")
    assert reply["status"] == "fallback"
    assert "10" not in reply["answer"].replace("20/10", "")


def test_a_year_after_a_time_word_asks_when_not_what_the_year_means():
    (after,) = ask_json("Sau năm 2020 huyện còn kế hoạch đào tạo gì nữa?")
    assert after["status"] == "fallback"
    assert "Nghị quyết" not in after["answer"]


def test_the_year_asked_about_is_still_looked_up():
    replies = ask_json("số 2020 là gì", "năm 2011 trong bài có ý nghĩa gì")
    assert [r["intents"] for r in replies] == [["resolution_03"]] * 2
    assert all(r["answer"].startswith("Con số 20") for r in replies)


def test_a_year_bears_out_the_fact_that_writes_it_only_when_the_words_rank_it_first():
    by_horizon, before = ask_json(
        "Huyện ban hành văn bản nào định hướng công tác cán bộ tới năm 2020?",
        "Trước năm 2011 cán bộ xã ra sao?",
    )
    assert (by_horizon["status"], by_horizon["intents"]) == ("answer", ["resolution_03"])
    assert not by_horizon["answer"].startswith("Con số")
    assert before["status"] == "clarify"  # the resolution of 2011, or how cadres were before


def test_the_bot_addressed_as_a_programme_is_greeted_and_thanked():
    replies = ask_json(
        "Kính chào chương trình, tôi là cựu chiến binh, rất vui được làm quen.",
        "Xin chân thành cảm ơn chương trình đã giải đáp tận tình. Chúc các đồng chí sức khỏe.",
        "chương trình chuyên viên có bao nhiêu người học",
    )
    assert [r["status"] for r in replies] == ["smalltalk", "smalltalk", "answer"]
    assert replies[2]["intents"] == ["qlnn_specialist"]


def test_a_goal_by_the_resolutions_horizon_is_not_a_year_without_figures():
    (reply,) = ask_json("Trước năm 2020 huyện cần đạt mục tiêu gì?")
    assert "không có số liệu cho năm" not in reply["answer"]
    assert reply["status"] in ("answer", "clarify")
