"""An exam question pasted with its choices or blanks, a correction of the last answer ("không
phải, ý tôi là …"), "hiệu hai số" after two figures, and a caller's greeting before who they
are — through `ask --json` (one chat: `--conversation`), as a user meets them."""

from __future__ import annotations

import pytest
from conftest import ask_json


@pytest.mark.parametrize(
    ("message", "intents", "figure"),
    [
        (
            "Trắc nghiệm: Số cán bộ, công chức cấp xã, thị trấn của huyện Điện Biên Đông là: "
            "A. 194 B. 294 C. 1.999 D. 712",
            ["commune_staff"],
            "294",
        ),
        (
            "Trắc nghiệm: Theo bài báo, số cán bộ, công chức được tổ chức học trung cấp LLCT "
            "là: A. 26 B. 55 C. 300 D. 168",
            ["intermediate_llct_commune", "intermediate_llct_district"],
            "300",
        ),
        ("Điền vào chỗ trống: Huyện có ___ đảng viên", ["party_members"], "712"),
    ],
)
def test_an_exam_question_is_answered_from_its_stem(message, intents, figure):
    (reply,) = ask_json(message)
    assert (reply["status"], sorted(reply["intents"])) == ("answer", intents)
    assert figure in reply["answer"]
    assert "không có con số bạn nêu" not in reply["answer"]  # the choices are no claims


def test_questions_lettered_in_one_message_are_no_choices():
    (reply,) = ask_json(
        "Xin hỏi: (a) bao nhiêu người học thạc sĩ; (b) bao nhiêu lượt bồi dưỡng chuyên môn cho "
        "chủ chốt xã; (c) bao nhiêu cán bộ cấp huyện dưới 35 giữ chức chủ chốt"
    )
    assert reply["status"] == "answer"
    assert sorted(reply["intents"]) == [
        "masters_sent",
        "professional_training",
        "young_leaders_district",
    ]


def test_a_correction_of_the_last_answer_reads_what_was_meant():
    first, meant = ask_json(
        "cán bộ cấp huyện đi học cao cấp lý luận bao nhiêu",
        "không phải, ý tôi là trung cấp, ở cấp huyện",
        conversation="correction",
    )
    assert first["intents"] == ["advanced_llct"]
    assert (meant["status"], meant["intents"]) == ("answer", ["intermediate_llct_district"])
    assert "55" in meant["answer"]


def test_the_difference_of_two_figures_as_a_schoolbook_says_it():
    *_, difference = ask_json(
        "bao nhiêu đảng viên",
        "có trình độ đại học bao nhiêu",
        "hiệu hai số",
        conversation="difference",
    )
    assert difference["status"] == "answer"
    assert sorted(difference["intents"]) == ["party_members", "university_degree_now"]


def test_a_callers_greeting_before_who_they_are_does_not_refuse_the_question():
    (reply,) = ask_json(
        "Alô, tôi là bà Tám ở Bến Tre, tôi nghe đài đọc bài Điện Biên Đông, có đoạn nói hằng "
        "năm bồi dưỡng cho viên chức ngành giáo dục, là bao nhiêu lượt vậy?"
    )
    assert (reply["status"], reply["intents"]) == ("answer", ["education_sector"])
    assert "1.800" in reply["answer"]
