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


@pytest.mark.parametrize(
    ("message", "intent", "figure"),
    [
        (
            "Tôi làm kiểm chứng thông tin cho một trang tin. Có người đăng lên mạng rằng huyện "
            "Điện Biên Đông có 1.999 cán bộ, công chức. Con số đó có đúng với bài không?",
            "total_staff",
            "1.999",
        ),
        (
            "Mình là người làm fact-check. Một bài đăng Facebook viết 'huyện cử 28 người đi học "
            "thạc sĩ'. Cái này có trong bài không, đúng không?",
            "masters_sent",
            "28",
        ),
    ],
)
def test_a_claim_reported_from_elsewhere_is_checked_against_its_own_fact(message, intent, figure):
    (reply,) = ask_json(message)
    assert (reply["status"], reply["intents"]) == ("answer", [intent])
    assert reply["answer"].startswith(f"Con số {figure} có trong bài")


def test_who_said_a_claim_is_still_asked_when_the_frame_asks():
    (reply,) = ask_json("ai nói rằng chất lượng cán bộ được nâng lên")
    assert "article_author" not in reply["intents"]
    assert reply["status"] != "answer" or reply["intents"] == ["spokesperson"]


def test_ra_rang_typed_bare_is_no_frame_of_a_claim():
    (reply,) = ask_json("truoc ni doi ngu can bo o xa minh ra rang ha, yeu kem cho mo")
    assert (reply["status"], reply["intents"]) == ("answer", ["past_weakness"])


@pytest.mark.parametrize(
    ("first", "first_intent", "other"),
    [
        ("bao nhiêu người được cử đi học đại học", "university_sent", "party_members"),
        ("bao nhiêu đảng viên", "party_members", "university_sent"),
    ],
)
def test_where_else_a_figure_is_written_gives_its_other_fact(first, first_intent, other):
    given, elsewhere = ask_json(
        first, "số 712 còn xuất hiện ở chỗ nào khác trong bài không", conversation="elsewhere"
    )
    assert given["intents"] == [first_intent]
    assert (elsewhere["status"], elsewhere["intents"]) == ("answer", [other])
    assert "712" in elsewhere["answer"]


def test_where_a_figure_appears_asked_alone_gives_every_fact_it_is_of():
    (reply,) = ask_json("số 712 xuất hiện ở đâu trong bài")
    assert (reply["status"], sorted(reply["intents"])) == (
        "answer",
        ["party_members", "university_sent"],
    )


@pytest.mark.parametrize(
    ("message", "intent"),
    [
        # the words before "rằng" are the question's subject, not where a claim was heard
        ("Ông Thanh nói rằng gì?", "spokesperson"),
        ("Bài báo nói rằng gì vậy?", "article_summary"),
        ("Nghị quyết chuyên đề xác định rằng mục tiêu là gì?", "resolution_03"),
    ],
)
def test_a_frame_that_is_the_subject_of_the_question_is_kept(message, intent):
    (reply,) = ask_json(message)
    assert (reply["status"], reply["intents"]) == ("answer", [intent])


@pytest.mark.parametrize(
    "message",
    [
        "Người già trong huyện được hỗ trợ gì?",  # già is no slip of "và"
        "nguồn lực của huyện có dồi dào không?",  # dồi is no slip of "rồi"
    ],
)
def test_a_word_of_its_own_is_never_read_as_a_filler_slip(message):
    (reply,) = ask_json(message)
    assert reply["status"] in ("fallback", "clarify")
    assert reply["status"] != "smalltalk"


def test_two_sides_compared_by_count_when_one_is_no_figure_are_not_answered():
    (reply,) = ask_json("Cán bộ huyện so với cán bộ xã chênh nhau bao nhiêu người?")
    assert reply["status"] != "answer"


def test_a_list_closed_by_a_request_to_list_is_answered_item_by_item():
    (reply,) = ask_json(
        "Tổng số cán bộ công chức, số đảng viên, số có trình độ đại học, liệt kê giúp mình."
    )
    assert (reply["status"], reply["intents"]) == (
        "answer",
        ["total_staff", "party_members", "university_degree_now"],
    )
