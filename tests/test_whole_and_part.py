"""What the forty-sixth session's blind sets met — a Khơ Mú teacher ("huyện có bao nhiêu cán
bộ công chức trong đó cấp xã bn"), an assistant to a delegate ("Đề nghị cho biết tổng số CBCC
của huyện và trong đó có bao nhiêu người ở cấp xã") — through `ask --json` (one chat:
`--conversation`), as a user meets them."""

from __future__ import annotations

import pytest
from conftest import ask_json


@pytest.mark.parametrize(
    ("message", "expected"),
    [
        # "trong đó …?" asks a part of the whole named before it: the whole and the part
        (
            "hiện nay huyện có bao nhiêu cán bộ công chức trong đó cấp xã bn",
            ["total_staff", "commune_staff"],
        ),
        # … the whole named by a count word alone, after a request read past
        (
            "Đề nghị cho biết tổng số CBCC của huyện và trong đó có bao nhiêu người ở cấp xã, thị trấn.",
            ["total_staff", "commune_staff"],
        ),
        (
            "tổng số CBCC của huyện, trong đó có bao nhiêu người ở cấp xã",
            ["total_staff", "commune_staff"],
        ),
        # a list of counts stays a list ("tổng số …" is no part of the next)
        ("tổng số cán bộ công chức và số đảng viên?", ["total_staff", "party_members"]),
        # "trong bài" before a count asked says where, not what: every level's figure
        (
            "Số liệu bồi dưỡng quản lý nhà nước trong bài là bao nhiêu?",
            ["qlnn_specialist", "qlnn_commune_key"],
        ),
        # … while "trong bài" beside whom is asked names the one quoted
        ("Người trả lời trong bài là ai?", ["spokesperson"]),
    ],
)
def test_whole_and_its_part_are_answered(message, expected):
    (reply,) = ask_json(message)
    assert reply["status"] == "answer", reply
    assert reply["intents"] == expected


def test_trong_do_after_an_answer_asks_inside_it():
    """After the 712 and its two meanings, "trong đó …" of a new whole is that whole's part;
    "cao cấp bao nhiêu trong đó" still asks inside the figure just given."""
    replies = ask_json(
        "số 712 là gì ạ",
        "hiện nay huyện có bao nhiêu cán bộ công chức trong đó cấp xã bn",
        conversation="inside-the-whole",
    )
    assert replies[1]["status"] == "answer", replies[1]
    assert replies[1]["intents"] == ["total_staff", "commune_staff"]
    assert "1.999" in replies[1]["answer"] and "294" in replies[1]["answer"]
    # the 168 that "trong đó" points at is never split by course: no figure as its part
    follow = ask_json("Số 168 là gì", "cao cấp bao nhiêu trong đó", conversation="inside-given")
    assert follow[1]["status"] != "answer", follow[1]


@pytest.mark.parametrize(
    ("message", "expected"),
    [
        # "ntn" (như thế nào) asks as typed: two questions, both answered
        (
            "mục tiêu đào tạo là j, học xong cán bộ thay đổi ntn ạ",
            ["training_goal", "training_effects"],
        ),
        (
            "trước kia cán bộ xã ntn, còn bây giờ có ai học xong dc bổ nhiệm lên chức k ạ",
            ["past_weakness", "promotions"],
        ),
        # "huyện tổ chức" is who organised the course, no level: both levels' figures
        (
            "lớp trung cấp LLCT huyện tổ chức cho mấy ng học ạ",
            ["intermediate_llct_district", "intermediate_llct_commune"],
        ),
    ],
)
def test_typed_question_words_and_organisers(message, expected):
    (reply,) = ask_json(message)
    assert reply["status"] == "answer", reply
    assert reply["intents"] == expected


def test_a_purpose_said_after_the_question_is_read_past():
    """ "…, để tôi tính tỷ lệ": why they ask, not a share asked of the chat's last figure."""
    replies = ask_json(
        "Có bao nhiêu người được học trung cấp lý luận chính trị?",
        "của cấp xã thôi",
        "Tổng CBCC xã là bao nhiêu, để tôi tính tỷ lệ",
        conversation="purpose-after",
    )
    assert replies[2]["status"] == "answer", replies[2]
    assert replies[2]["intents"] == ["commune_staff"]
    assert "294" in replies[2]["answer"]


@pytest.mark.parametrize(
    ("message", "expected"),
    [
        # "trong đó cán bộ huyện …" inside a course's count: its district-level figure, never
        # the district's whole staff (1.999) as a part
        (
            "có bao nhiêu người học trung cấp lý luận chính trị trong đó cán bộ huyện bao nhiêu",
            ["intermediate_llct_district"],
        ),
        ("bồi dưỡng QLNN cho bao nhiêu người trong đó cán bộ huyện mấy người", ["qlnn_specialist"]),
        # a part the article gives beside the whole stays ("trong đó lãnh đạo trẻ ở xã …")
        (
            "Xã, thị trấn có bao nhiêu cán bộ công chức; trong đó lãnh đạo chủ chốt dưới 35 tuổi ở xã là mấy người?",
            ["commune_staff", "young_leaders_commune"],
        ),
        (
            "Tổng số cán bộ công chức và trong đó số người có trình độ lý luận chính trị",
            ["total_staff", "llct_level_now"],
        ),
        # "tính gộp" asks the total of both
        (
            "tính gộp số người có trình độ đại học và trên đại học hiện nay giúp e",
            ["university_degree_now", "postgraduate_now"],
        ),
        # "… để ghi trích dẫn": why one asks
        ("cho e xin thêm tên tác giả để ghi trích dẫn", ["article_author"]),
    ],
)
def test_parts_totals_and_purposes(message, expected):
    (reply,) = ask_json(message)
    assert reply["status"] == "answer", reply
    assert reply["intents"] == expected


def test_a_whole_and_its_part_are_no_sum_refused():
    """ "tổng số …, trong đó …" names the whole: no note that the figures are not summed."""
    (reply,) = ask_json(
        "Đề nghị cho biết tổng số CBCC của huyện và trong đó có bao nhiêu người ở cấp xã"
    )
    assert "1.999" in reply["answer"] and "294" in reply["answer"]
    assert "không cộng gộp" not in reply["answer"]


def test_a_part_the_article_never_gives_is_said_so():
    (reply,) = ask_json("có bao nhiêu người được cử đi học trong đó cán bộ huyện bao nhiêu")
    assert reply["status"] == "fallback", reply
    assert "tách riêng" in reply["answer"]


@pytest.mark.parametrize("message", ["bot dễ thương quá trời 💕", "bot đáng yêu ghê"])
def test_the_bot_called_sweet_is_a_compliment(message):
    (reply,) = ask_json(message)
    assert reply["status"] == "smalltalk", reply
    assert reply["intents"] == ["compliment"]
