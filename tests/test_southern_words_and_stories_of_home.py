"""Words people use for the article's facts (the South's "hành chánh", "chức lớn", "tu nghiệp",
"cai quản nhà nước", "CT UB MTTQ", "tờ báo nào in"), a closing "số liệu?" after what is named, where
the asker lives told before the question ("tôi ở Mường Luân thôi …"), the author's sex (never
said), and questions of other worlds (medicine, a school lesson, a civil-service exam's
conditions) — through `ask --json`, as a user meets them, beside look-alikes that must keep
their reading."""

from __future__ import annotations

import pytest
from conftest import ask_json


@pytest.mark.parametrize(
    ("message", "expected"),
    [
        ("Bao nhiêu CT UB MTTQ đi bồi dưỡng chức danh?", ["mttq_chairs"]),
        (
            "Mấy người nắm chức lớn dưới xã được học cách cai quản nhà nước mấy lượt?",
            ["qlnn_commune_key"],
        ),
        ("Tờ báo nào in cái bài này dzậy?", ["article_source"]),
        ("tác giải bài này là ai", ["article_author"]),
        ("ad ơi, cô e bảo hỏi tác giả là ai", ["article_author"]),
        (
            "tôi ở mường luân thôi nghe nói cán bộ ngày trước yếu lắm thế ngày trước cán bộ xã "
            "yếu cái gì",
            ["past_weakness"],
        ),
        (
            "chị là hội viên nông dân mường luân thấy người ta bảo cán bộ trẻ nhiều lắm thế cấp "
            "xã có mấy người lãnh đạo dưới ba lăm tuổi",
            ["young_leaders_commune"],
        ),
    ],
)
def test_named_the_way_people_say_them_are_answered(message, expected):
    (reply,) = ask_json(message)
    assert (reply["status"], reply["intents"]) == ("answer", expected)


@pytest.mark.parametrize(
    "message",
    [
        "Thuốc cao huyết áp uống buổi sáng hay buổi tối tốt hơn?",
        "gdcd lớp 10 bài 1 nói về j",
        "muốn thi công chức thì cần điều kiện gì",
        # one commune by name is still asked of: the article counts the communes together
        "mường luân có bao nhiêu cán bộ",
        "tôi ở mường luân, xã tôi có bao nhiêu cán bộ?",
    ],
)
def test_what_the_article_cannot_answer_is_refused(message):
    (reply,) = ask_json(message)
    assert reply["status"] == "fallback", reply


def test_the_authors_sex_is_said_to_be_unstated_and_the_name_offered():
    (reply,) = ask_json("Phong Vân là đàn ông hay đàn bà?")
    assert reply["status"] == "fallback"
    assert "giới tính của tác giả" in reply["answer"]
    assert "Phong Vân" in reply["answer"]


def test_a_closing_request_for_figures_asks_back_rather_than_acknowledging():
    (reply,) = ask_json("Đào tạo LLCT trung cấp: số liệu?")
    assert reply["status"] == "clarify"
    assert "trung cấp lý luận chính trị" in reply["answer"]


@pytest.mark.parametrize(
    ("message", "kept"),
    [
        # asked alone, "số liệu?" still waits for what is wanted
        ("số liệu?", "smalltalk"),
        ("ad ơi có đó ko", "smalltalk"),
        # criteria for being sent to study: the article's, not the exam's
        ("cán bộ được chọn đi học cần điều kiện gì", "answer"),
        ("cán bộ muốn vào công chức thì tiêu chuẩn nào để được cử đi học", "answer"),
        # folded, "thuộc họ" is no medicine; the speaker's title is no author's sex
        ("ông Thanh thuộc họ nào", "answer"),
        ("tác giả nói Ngô Văn Thanh là ông hay bà", "answer"),
    ],
)
def test_look_alikes_keep_their_reading(message, kept):
    (reply,) = ask_json(message)
    assert reply["status"] == kept, reply


def test_a_lesson_number_beside_the_article_set_as_homework_is_no_textbook_question():
    (reply,) = ask_json("lớp 12 bài 2 cô bảo đọc bài này, tác giả là ai")
    assert "chỉ nói về huyện Điện Biên Đông" not in reply["answer"]
    assert "tác giả" in reply["answer"]
