"""An elder's words ("bồi huấn", "lấy tấm bằng cử nhân", "quá cử nhân", "thôi ông chào cháu
nhé", "ông muốn hỏi vài điều về bài báo Điện Biên Đông", "có ai trực ở đây không?") and a
lecturer's purpose ("… để tôi giới thiệu cho sinh viên") — through `ask --json`, as a user meets
them, beside look-alikes that must keep their reading (the district named after the communes'
figure is still the district level)."""

from __future__ import annotations

import pytest
from conftest import ask_json


@pytest.mark.parametrize(
    ("message", "expected"),
    [
        ("Số anh em được huyện cho đi lấy tấm bằng cử nhân là bao nhiêu?", ["university_sent"]),
        (
            "Có bao nhiêu người học lên quá cử nhân, tức là thạc sĩ, tiến sĩ ấy?",
            ["postgraduate_now"],
        ),
        (
            "Lớp bồi huấn quản lý hành chính theo ngạch chuyên viên cho cán sự trên huyện có bao "
            "nhiêu người dự?",
            ["qlnn_specialist"],
        ),
        (
            "Nói ngắn gọn, nội dung chính của bài là gì để tôi giới thiệu cho sinh viên?",
            ["article_summary"],
        ),
    ],
)
def test_asked_the_way_elders_and_lecturers_say_them_are_answered(message, expected):
    (reply,) = ask_json(message)
    assert (reply["status"], reply["intents"]) == ("answer", expected)


@pytest.mark.parametrize(
    ("message", "intent"),
    [
        ("Thôi ông chào cháu nhé, ông đi nghỉ đây.", "goodbye"),
        ("Kính chào cháu, ông muốn hỏi vài điều về bài báo Điện Biên Đông.", "greet"),
        ("Xin chào, có ai trực ở đây không?", "greet"),
    ],
)
def test_an_elders_courtesies_are_smalltalk(message, intent):
    (reply,) = ask_json(message)
    assert (reply["status"], reply["intents"]) == ("smalltalk", [intent])


def test_the_district_alone_after_the_communes_figure_is_still_the_district_level():
    first, second = ask_json(
        "Cán bộ chủ chốt dưới 35 tuổi bao nhiêu?", "ở huyện ấy", conversation="district"
    )
    assert second["intents"] == ["young_leaders_district"], (first, second)


@pytest.mark.parametrize(
    "message",
    [
        # "ở đây" is where the cadres are, no greeting's "is anyone here"
        "Cán bộ ở đây được đào tạo những gì?",
        # a holiday told, no leave taken
        "tôi đi nghỉ mát ở sapa",
    ],
)
def test_look_alikes_are_not_smalltalk(message):
    (reply,) = ask_json(message)
    assert reply["status"] != "smalltalk", reply


def test_a_level_named_beside_the_district_as_a_place_keeps_its_figure():
    (reply,) = ask_json("cán bộ cấp xã ở huyện này có bao nhiêu")
    assert (reply["status"], reply["intents"]) == ("answer", ["commune_staff"])


def test_a_student_asking_to_cite_the_author_and_paper_still_gets_the_author_offered():
    (reply,) = ask_json("em cần ghi tác giả, tên báo và ngày đăng")
    assert "tác giả" in reply["answer"], reply
