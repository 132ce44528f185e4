"""What the forty-second session's blind sets met — a desk editor's sidebar asks ("Cao cấp 26,
trung cấp huyện 55, … — đúng hết chưa?", "…: A + B?"), a driver from Nghệ An typing without
diacritics ("nghi quyet 03 la chi; …", "tiến bộ ra răng?") — through `ask --json` (one chat:
`--conversation`), as a user meets them."""

from __future__ import annotations

import pytest
from conftest import ask_json


@pytest.mark.parametrize(
    ("message", "expected"),
    [
        # "là chi", "ra răng": the Centre's "what", "how", asking a clause of their own
        (
            "nghi quyet 03 la chi; ai lap ke hoach dao tao hang nam?",
            ["resolution_03", "annual_plan"],
        ),
        (
            "muc tieu dao tao la chi; lua chon can bo di hoc theo tieu chi gi",
            ["training_goal", "selection_criteria"],
        ),
        (
            "Mục tiêu đào tạo là chi và cán bộ sau đào tạo tiến bộ ra răng?",
            ["training_goal", "training_effects"],
        ),
        # "Răng rứa, …" alone is an aside, not a question of its own
        (
            "Răng rứa, cán bộ chủ chốt dưới 35 tuổi ở huyện mấy người, ở xã mấy người?",
            ["young_leaders_district", "young_leaders_commune"],
        ),
    ],
)
def test_the_centres_question_words_ask_their_clause(message, expected):
    (reply,) = ask_json(message)
    assert reply["intents"] == expected


@pytest.mark.parametrize(
    "message",
    ["tiêu đề, báo nào đăng, bao nhiêu lượt xem?", "tieu de, bao nao dang, bao nhieu luot xem?"],
)
def test_a_list_only_its_last_item_asks_answers_every_item(message):
    (reply,) = ask_json(message)
    assert reply["intents"] == ["article_title", "article_source", "article_views"]


def test_a_frame_before_a_comma_is_no_list_item():
    (reply,) = ask_json("In the article, what is the training goal? Mục tiêu là gì?")
    assert reply["intents"] == ["training_goal"]


@pytest.mark.parametrize(
    "message",
    [
        "có bao nhiêu người có trình độ đại học trở lên",
        "Hiện có bao nhiêu người có bằng ĐH trở lên (ĐH + trên ĐH)?",
    ],
)
def test_a_degree_and_above_gives_both_degrees(message):
    (reply,) = ask_json(message)
    assert reply["intents"] == ["university_degree_now", "postgraduate_now"]
    assert "1.066" in reply["answer"] and "11 người" in reply["answer"]


def test_a_comma_inside_one_question_asks_nothing_more():
    (reply,) = ask_json("Số cán bộ quản lý, chủ chốt dưới 35 tuổi?")
    assert reply["status"] == "answer"
    assert reply["intents"] == ["young_leaders_district", "young_leaders_commune"]


def test_items_under_a_head_are_read_with_its_topic():
    (reply,) = ask_json(
        "Tổng số được bồi dưỡng QLNN: chương trình chuyên viên cấp huyện + chủ chốt cấp xã?"
    )
    assert reply["intents"] == ["qlnn_specialist", "qlnn_commune_key"]


def test_a_list_of_figures_checked_at_once():
    (right,) = ask_json("Cao cấp 26, trung cấp huyện 55, trung cấp xã 300 — đúng hết chưa?")
    assert right["intents"] == [
        "advanced_llct",
        "intermediate_llct_district",
        "intermediate_llct_commune",
    ]
    assert "không có" not in right["answer"]
    (wrong,) = ask_json("Cao cấp 26, trung cấp huyện 50, trung cấp xã 300 — đúng hết chưa?")
    assert "bài không có" in wrong["answer"] and "55" in wrong["answer"]


@pytest.mark.parametrize(
    "message",
    [
        "Bao nhiêu cán bộ còn chưa đạt chuẩn chức danh?",
        "số cán bộ chưa đạt chuẩn là bao nhiêu",
    ],
)
def test_a_count_the_article_never_gives_is_said_to_be_missing(message):
    (reply,) = ask_json(message)
    assert reply["status"] == "fallback"
    assert "chưa đạt chuẩn" in reply["answer"] and "không nêu" in reply["answer"]
    assert "1.999" not in reply["answer"]


def test_a_story_of_being_reminded_is_no_reminder_asked():
    (story,) = ask_json(
        "Trưởng ban biên tập nhắc mình kiểm tra kỹ tên tác giả trước khi dẫn, vì lần trước "
        "ghi sai bị phạt. Bài gốc do ai viết?"
    )
    assert story["intents"] == ["article_author"]
    (task,) = ask_json("Bot ơi, nhắc tôi 5 giờ chiều đi lấy hàng nhé")
    assert task["status"] == "fallback"


def test_a_figure_doubted_after_its_answer_is_that_answers():
    first, doubt = ask_json(
        "còn tổng cả huyện có bao nhiêu cbcc?", "1999 hay 1990?", conversation="d"
    )
    assert first["intents"] == ["total_staff"]
    assert doubt["intents"] == ["total_staff"]
    assert "1.999" in doubt["answer"] and "1.066" not in doubt["answer"]


def test_examples_after_kieu_are_read_past():
    (reply,) = ask_json("cán bộ xã kiểu chủ tịch, bí thư thì được học gì?")
    assert reply["intents"] == ["commune_cadre_training"]
