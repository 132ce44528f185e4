"""The years between two dates the article gives ("từ khi ban hành Nghị quyết 03 đến khi đăng
bài là mấy năm?"): both facts and the difference of their years, a derivation declared in
knowledge/spans.yaml and proven by `kb check`. Through `ask`, as a user meets it."""

from __future__ import annotations

from pathlib import Path

from conftest import ask_json
from test_kb_files import kb_copy, problems_of  # noqa: F401 (a fixture)


def test_the_years_between_the_resolution_and_its_horizon_or_the_article():
    horizon, published = ask_json(
        "Nghị quyết 03 từ khi ra đời tới hết hạn là bao nhiêu năm?",
        "Kể từ khi ban hành nghị quyết 03 tới lúc bài báo được đăng thì được mấy năm?",
    )
    assert horizon["intents"] == ["resolution_03"]
    assert "2020 - 2011 = 9 năm" in horizon["answer"]
    assert published["intents"] == ["resolution_03", "article_date"]
    assert "2018 - 2011 = 7 năm" in published["answer"]


def test_a_follow_up_asks_the_span_of_the_fact_just_given():
    first, span = ask_json(
        "nghị quyết 03 ban hành năm nào", "vậy nghị quyết kéo dài bao nhiêu năm?",
        conversation="spans",
    )  # fmt: skip
    assert first["intents"] == ["resolution_03"]
    assert "= 9 năm" in span["answer"]


def test_a_count_over_those_years_is_answered_as_a_count():
    (reply,) = ask_json("Trong mấy năm từ 2011 đến 2018, huyện cử bao nhiêu người học đại học?")
    assert reply["intents"] == ["university_sent"]
    assert "= 7 năm" not in reply["answer"]


def test_kb_check_refuses_a_span_that_does_not_compute(kb_copy: Path):  # noqa: F811
    path = kb_copy / "spans.yaml"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace('years: "9"', 'years: "8"', 1), encoding="utf-8")
    assert any("years: 2020 - 2011 is not 8" in p for p in problems_of(kb_copy))
    path.write_text(text.replace('year: "2020"', 'year: "2021"', 1), encoding="utf-8")
    assert any("2021 is not written in the evidence" in p for p in problems_of(kb_copy))


def test_how_long_something_else_takes_is_no_span_of_the_resolution():
    replies = ask_json(
        "Nghị quyết 03 nói về gì?",
        "Học trung cấp lý luận chính trị mất bao lâu?",
        "Đào tạo thạc sĩ mất mấy năm?",
        conversation="not-spans",
    )
    assert all("= 9 năm" not in r["answer"] for r in replies)
    many, from_now = ask_json(
        "Sau nhiều năm thực hiện nghị quyết, mục tiêu đề ra đạt được chưa?",
        "Bao nhiêu năm nữa thì hết hạn nghị quyết?",
    )
    assert "năm (phép trừ" not in many["answer"] + from_now["answer"]


def test_the_span_named_most_surely_wins_over_a_tie_it_breaks():
    (reply,) = ask_json("Từ khi bài đăng đến khi hết hạn nghị quyết là mấy năm?")
    assert reply["intents"] == ["article_date", "resolution_03"]
    assert "2020 - 2018 = 2 năm" in reply["answer"]
