"""Preambles and requests as people type them, through `ask --json`: a claim word across a
sentence end ("… bài báo. Nói t nghe …") is no claim, "nói t nghe thử" and "tìm hiểu xem" open
the question, the English possessive names its noun, an aside is read past before the opener,
and "…, với cho mình biết …" joins a second request."""

from __future__ import annotations

from conftest import ask_json


def test_the_question_after_a_preamble_of_sentences_and_a_tell_me_is_answered():
    told, looked_up = ask_json(
        "chào bot, t là gv ở xã, hôm qua cả phòng tranh luận về bài báo. Nói t nghe thử cấp huyện"
        " có bn người dưới 35 tuổi giữ chức chủ chốt?",
        "con là cán bộ xã, trưởng phòng bảo con tìm hiểu xem huyện có bao nhiêu đảng viên ạ",
    )
    assert (told["status"], told["intents"]) == ("answer", ["young_leaders_district"])
    assert (looked_up["status"], looked_up["intents"]) == ("answer", ["party_members"])
    assert "10 người" in told["answer"] and "không có con số bạn nêu" not in told["answer"]


def test_an_english_question_with_a_possessive_after_its_preamble():
    (reply,) = ask_json(
        "Hi, I'm a student. My question: what is the main goal of the district's training effort?"
    )
    assert (reply["status"], reply["intents"]) == ("answer", ["training_goal"])


def test_thanks_a_request_and_why_it_is_asked_give_every_part():
    cited, joined = ask_json(
        "Em cảm ơn. Cho em xin tên báo và tác giả để ghi nguồn ạ",
        "Tiêu đề bài là gì, với cho mình biết ai viết nhé",
    )
    assert cited["intents"] == ["article_source", "article_author"]
    assert joined["intents"] == ["article_title", "article_author"]
