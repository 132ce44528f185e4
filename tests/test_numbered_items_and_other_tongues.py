"""A list item asked alone with its number ("3) Số … là đảng viên?"), the article's staff
abbreviated across a comma ("CB, CC"), H'Mông greetings and thanks (most of the district is
H'Mông), and "năm sau" (a year the article gives no figure for) — through `ask --json` (one chat:
`--conversation`), as a user meets them."""

from __future__ import annotations

import pytest
from conftest import ask_json


def test_a_numbered_item_asked_alone_asks_its_own_question():
    (reply,) = ask_json("3) Số cán bộ, công chức, viên chức là đảng viên?")
    assert reply["intents"] == ["party_members"]


def test_the_staff_abbreviated_across_a_comma_is_one_group():
    listed, summed = ask_json(
        "Đề nghị cho biết: 1) số CB cấp huyện học trung cấp LLCT; 2) số CB, CC cấp xã học trung "
        "cấp LLCT.",
        "3) Cộng cả hai cấp là bao nhiêu?",
        conversation="inspector",
    )
    both = ["intermediate_llct_district", "intermediate_llct_commune"]
    assert listed["intents"] == both
    assert summed["intents"] == both
    assert "55 + 300 = 355" in summed["answer"]


@pytest.mark.parametrize(
    ("said", "intent"),
    [("Nyob zoo", "greet"), ("ua tsaug ntau", "thanks"), ("Nyob zoo, koj yog leej twg?", "greet")],
)
def test_h_mong_greetings_and_thanks_are_smalltalk(said, intent):
    (reply,) = ask_json(said)
    assert (reply["status"], reply["intents"]) == ("smalltalk", [intent])


def test_next_year_is_a_year_the_article_gives_no_figure_for():
    (reply,) = ask_json("Năm sau huyện sẽ cử bao nhiêu người đi học thạc sĩ?")
    assert reply["status"] == "fallback"
    assert "không có số liệu cho năm bạn hỏi" in reply["answer"]
