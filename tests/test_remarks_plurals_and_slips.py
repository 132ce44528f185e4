"""What the fifty-seventh session's blind sets met — a remark before the question, a call before
an opener, a homework's task relayed, "mấy" said of a group, two slips beside each other, memo
shorthand — through `ask --json`, as a user meets them."""

from __future__ import annotations

import pytest
from conftest import ask_json


@pytest.mark.parametrize(
    ("message", "expected"),
    [
        # a remark that asks, requests, counts and names nothing, then the question
        (
            "toi vua doc xong bai nhung chua hieu lam. bao nhieu nguoi la dang vien?",
            ["party_members"],
        ),
        # a call, then a relayed task, then the question after the colon
        (
            "bot ơi, thầy giáo bảo tìm ý chính: huyện chọn cán bộ đi học thế nào",
            ["selection_criteria"],
        ),
        # where the answer is, said inside the question
        ("Cho hỏi mục tiêu đào tạo mà bài viết nói là gì?", ["training_goal"]),
    ],
)
def test_what_is_said_around_a_question_does_not_hide_it(message, expected):
    (reply,) = ask_json(message)
    assert (reply["status"], reply["intents"]) == ("answer", expected)


def test_a_remark_that_names_a_figure_is_still_read_with_the_question():
    """Not a bare remark: it restates a figure, so the last sentence alone is not all there is
    (last_sentence's other readings decide; here it must not become a fallback)."""
    (reply,) = ask_json("Tôi nhớ có 294 người ở xã. Bao nhiêu người là đảng viên?")
    assert reply["status"] == "answer" and "party_members" in reply["intents"]


@pytest.mark.parametrize(
    ("message", "expected"),
    [
        # "mấy" before a pair of kin words speaks of them: no count
        ("đi học về thì mấy cô chú cán bộ có được bổ nhiệm không", ["promotions"]),
        # … and before a noun a pointing word follows, with more said of them
        ("mấy cán bộ ấy có được đề bạt không", ["promotions"]),
    ],
)
def test_may_said_of_a_group_asks_no_count(message, expected):
    (reply,) = ask_json(message)
    assert (reply["status"], reply["intents"]) == ("answer", expected)


def test_may_before_a_noun_of_a_place_still_counts():
    """ "viết mấy bài về huyện này": how many articles — "này" points at the district."""
    (reply,) = ask_json("tác giả viết mấy bài về huyện này rồi")
    assert reply["status"] != "answer" or reply["intents"] != ["article_author"]


@pytest.mark.parametrize(
    ("message", "expected"),
    [
        # a bare word and a slip beside it: the one pair of their readings the KB writes
        ("co bao nhieu dang vein", ["party_members"]),
        # two letters swapped is a slip of one word, never two words joined
        ("bao nhieu nguoi hoc thac si, cap huyen vs cap xa thi trna", None),
    ],
)
def test_a_slip_beside_a_bare_word_is_read_by_their_pair(message, expected):
    (reply,) = ask_json(message)
    if expected is not None:
        assert (reply["status"], reply["intents"]) == ("answer", expected)
    else:
        assert reply["status"] in ("answer", "clarify")


def test_the_one_interviewed_typed_bare_is_not_the_author():
    (interviewed,) = ask_json("ai la nguoi duoc phong van trong bai")
    assert (interviewed["status"], interviewed["intents"]) == ("answer", ["spokesperson"])
    (written,) = ask_json("bai duoc phong van viet")  # the author's name, typed bare
    assert written["intents"] != ["spokesperson"]


@pytest.mark.parametrize(
    ("message", "expected"),
    [
        ("Số CBCC có trình độ CC, TC lý luận chính trị hiện nay?", ["llct_level_now"]),
        ("hiện có bao nhiêu người trình độ CC hay TC LLCT", ["llct_level_now"]),
    ],
)
def test_memo_shorthand_for_the_two_courses_is_one_question(message, expected):
    (reply,) = ask_json(message)
    assert (reply["status"], reply["intents"]) == ("answer", expected)


@pytest.mark.parametrize(
    "wish", ["Chúc các bạn năm mới an khang thịnh vượng", "chúc bác mạnh khỏe, năm mới an khang"]
)
def test_wishes_to_several_or_to_an_elder_are_smalltalk(wish):
    (reply,) = ask_json(wish)
    assert (reply["status"], reply["intents"]) == ("smalltalk", ["wishes"])


def test_how_to_become_a_civil_servant_said_the_other_way_round_is_advice():
    (reply,) = ask_json("muốn thi vào công chức thì làm thế nào")
    assert reply["status"] == "fallback" and reply["intents"] == []


def test_taught_in_everyday_words_is_the_training():
    (reply,) = ask_json("công chức ở xã được dạy thêm những gì")
    assert (reply["status"], reply["intents"]) == ("answer", ["commune_civil_servant_training"])
