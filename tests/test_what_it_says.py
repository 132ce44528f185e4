"""After a fact that says something (a resolution), "nội dung về cái gì?" asks what it says;
after the article's title, or naming the article, what the article is about; "theo ông ấy, …"
after the person quoted reads him as the source — through `ask`, in one conversation."""

from __future__ import annotations

import pytest
from conftest import ask_json


@pytest.mark.parametrize(
    ("first", "then", "intents"),
    [
        ("Nghị quyết 03-NQ/HU ra năm nào?", "nội dung về cái gì", ["resolution_03"]),
        ("Nghị quyết 03-NQ/HU ra năm nào?", "Nội dung?", ["resolution_03"]),
        ("Nghị quyết 03-NQ/HU ra năm nào?", "bài nói về gì?", ["article_summary"]),
        ("tên bài báo là gì", "nói về cái gì", ["article_summary"]),
        (
            "ai là người phát biểu trong bài",
            "theo ông ấy cán bộ cấp huyện tập trung học gì",
            ["district_level_training"],
        ),
    ],
)
def test_what_a_follow_up_asks_it_to_say_depends_on_what_was_just_given(first, then, intents):
    given, reply = ask_json(first, then, conversation="says")
    assert given["status"] == "answer", given
    assert reply["status"] == "answer" and reply["intents"] == intents, reply


def test_what_a_count_says_is_no_question_of_the_count():
    given, reply = ask_json("bao nhiêu người học thạc sĩ", "nội dung?", conversation="count")
    assert given["intents"] == ["masters_sent"]
    assert reply["status"] == "clarify", reply  # a figure says nothing more: asked back


@pytest.mark.parametrize(
    ("question", "intent"),
    [
        ("Nghị quyết 03 của huyện bàn về vấn đề gì vậy?", "resolution_03"),
        (
            "Chào bot, hôm qua tôi đọc bài này trên báo mà quên mất tên người viết, bạn nhắc lại"
            " giúp tôi tác giả là ai?",
            "article_author",
        ),
        (
            "Xin cảm ơn. Cho tôi hỏi thêm: sau đào tạo, cán bộ của huyện có những chuyển biến"
            " tích cực gì?",
            "training_effects",
        ),
    ],
)
def test_everyday_and_official_paraphrase_is_answered(question, intent):
    (reply,) = ask_json(question)
    assert reply["status"] == "answer" and reply["intents"] == [intent], reply


def test_a_homework_label_is_read_past_in_a_question_and_its_follow_up():
    first, then = ask_json(
        "Câu 1: Hiện nay huyện Điện Biên Đông có bao nhiêu cán bộ, công chức?",
        "Câu 2: Trong đó có bao nhiêu người ở cấp xã, thị trấn?",
        conversation="homework",
    )
    assert first["status"] == "answer" and first["intents"] == ["total_staff"], first
    assert then["status"] == "answer" and then["intents"] == ["commune_staff"], then
    (alone,) = ask_json("bài 2. tác giả là ai")
    assert alone["intents"] == ["article_author"], alone


def test_people_who_went_in_to_read_are_the_articles_views():
    (reply,) = ask_json("Bài này có bao nhiêu người vào đọc rồi?")
    assert reply["status"] == "answer" and reply["intents"] == ["article_views"], reply


@pytest.mark.parametrize(
    ("question", "intent"),
    [
        ("Bài được đưa lên mạng hôm nào?", "article_date"),
        ("cháu ơi hỏi hộ bà bài này nói về cái gì", "article_summary"),
        ("Bà hỏi ngày xưa cán bộ trên ấy có giỏi giang không hả cháu?", "past_weakness"),
    ],
)
def test_posted_online_asking_for_grandma_and_gioi_giang_are_read(question, intent):
    (reply,) = ask_json(question)
    assert reply["status"] == "answer" and reply["intents"] == [intent], reply


def test_a_label_typed_as_one_word_with_its_number_is_read_past():
    for question in ("Q3) ai viết bài này?", "Câu1) ai viết bài này?"):
        (reply,) = ask_json(question)
        assert reply["intents"] == ["article_author"], reply
