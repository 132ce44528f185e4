"""What the fiftieth session's blind sets met — a lecturer's slides ("…, cần số liệu gấp cho slide
…: tổng số CBCC …?"), a mother's story before her question ("con tôi năm ngoái cũng đi học …"),
"CBCC huyện thì …", a count echoing the clause before ("…, có bao nhiêu người được đi?") — through
`ask --json`, as a user meets them."""

from __future__ import annotations

import pytest
from conftest import ask_json


@pytest.mark.parametrize(
    ("message", "expected"),
    [
        # words before a colon that name no fact are no subject of the question after it
        (
            "Hi bot, tôi cần số liệu rất gấp cho slide thuyết trình buổi chiều nay của lớp: "
            "tổng số CBCC của huyện là mấy?",
            ["total_staff"],
        ),
        # a year in the asker's own story is not the time the question asks about
        (
            "Bạn ơi, con gái tôi năm ngoái cũng được đi học thạc sĩ đó. Huyện cử bao nhiêu "
            "người đi học thạc sĩ?",
            ["masters_sent"],
        ),
        # "CBCC huyện thì …": the district's level, not the commune's named before it
        (
            "Công chức xã thì học gì, CBCC huyện thì học gì?",
            ["commune_civil_servant_training", "district_level_training"],
        ),
        # a count whose other words the clause before says asks of that clause
        (
            "ai làm chủ tịch mặt trận được đi học bồi dưỡng, có bao nhiêu người được đi?",
            ["mttq_chairs"],
        ),
        # whose name stands under the article: its author (not the person quoted)
        ("Ai là người đứng tên dưới bài viết?", ["article_author"]),
    ],
)
def test_a_lecturer_and_a_mother_asking(message, expected):
    (reply,) = ask_json(message)
    assert reply["status"] == "answer", reply
    assert reply["intents"] == expected


def test_a_year_of_the_data_asked_for_is_still_refused():
    """ "Tôi cần số liệu năm ngoái": every figure after it is of that year, which the article
    does not give (a story of the asker's is another thing)."""
    (reply,) = ask_json("Tôi cần số liệu năm ngoái. Huyện có bao nhiêu cán bộ công chức?")
    assert reply["status"] == "fallback"
    assert "2018" in reply["answer"]


def test_two_counts_side_by_side_stay_two_facts():
    """ "trên đại học bn ng, đại học bn ng": the second names a degree of its own, no echo."""
    (reply,) = ask_json("tren dai hoc bn ng, dai hoc bn ng")
    assert reply["intents"] == ["postgraduate_now", "university_degree_now"]
