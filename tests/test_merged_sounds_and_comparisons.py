"""Words typed with every mark but one merged sound off (Northern l/n, the finals n/ng and c/t),
two figures compared with a second comparison word after them, "cụ thể là sao?" after an
answer, and "ok cool" — through `ask --json` (one chat: `--conversation`), as a user meets
them."""

from __future__ import annotations

import pytest
from conftest import ask_json


@pytest.mark.parametrize(
    ("message", "intent", "figure"),
    [
        ("ai viết bài lày", "article_author", "Phong Vân"),  # này
        ("bài nài ai viếc z", "article_author", "Phong Vân"),  # này, viết
        ("mik mún bít số đản viên trong huyện á", "party_members", "712"),  # đảng viên
        ("ông ngô văng thanh làm chứt vụ gì", "spokesperson", "Ngô Văn Thanh"),  # văn, chức
        ("huyện Điện Biên Đông có bao nhiu cán bô công chứt", "total_staff", "1.999"),
    ],
)
def test_a_word_one_merged_sound_off_is_read_as_the_word_meant(message, intent, figure):
    (reply,) = ask_json(message)
    assert (reply["status"], reply["intents"]) == ("answer", [intent])
    assert figure in reply["answer"]


@pytest.mark.parametrize(
    "message",
    [
        # words of their own, not slips of the article's: no fact is read into them
        "Cách tính điểm xét tuyển đại học năm nay?",  # tính is no tích
        "Kết quả Ngoại hạng Anh tối qua ra sao?",  # hạng is no hạn
    ],
)
def test_a_word_of_its_own_is_not_read_as_a_slip(message):
    (reply,) = ask_json(message)
    assert reply["status"] != "answer"


def test_two_figures_compared_with_a_second_comparison_word_are_both_given():
    (reply,) = ask_json(
        "Số người được cử đi học đại học so với số người hiện có trình độ đại học chênh nhau "
        "bao nhiêu?"
    )
    assert (reply["status"], sorted(reply["intents"])) == (
        "answer",
        ["university_degree_now", "university_sent"],
    )
    assert "712" in reply["answer"] and "1.066" in reply["answer"]
    assert "354" not in reply["answer"]  # the article sets them side by side nowhere


@pytest.mark.parametrize("more", ["cụ thể là sao", "nói rõ hơn đi", "tell me more"])
def test_asking_for_more_after_an_answer_gives_that_answer_again(more):
    first, again = ask_json(
        "sau khi đào tạo cán bộ có được đề bạt không", more, conversation="more"
    )
    assert first["status"] == "answer"
    assert (again["status"], again["intents"]) == ("answer", first["intents"])


def test_asking_for_more_with_nothing_said_before_is_not_an_answer():
    (reply,) = ask_json("cụ thể là sao")
    assert reply["status"] != "answer"


@pytest.mark.parametrize("message", ["ok cool", "cool"])
def test_ok_cool_is_acknowledged(message):
    (reply,) = ask_json(message)
    assert reply["status"] == "smalltalk"
