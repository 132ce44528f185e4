"""What the fifty-first session's headline set met — a retired colonel writing formally, the bot
addressed as "đồng chí", compound questions ("…, đồng thời …"), the whole asked after the count
("… là bao nhiêu cả thảy?"), the other answer offered after a yes-no question ("…, hay vẫn ngồi
chỗ cũ?") — through `ask --json`, as a user meets them."""

from __future__ import annotations

import pytest
from conftest import ask_json


@pytest.mark.parametrize(
    ("message", "expected"),
    [
        # "Kính hỏi đồng chí, …" asks as "cho hỏi" does: both counts after it
        (
            "Kính hỏi đồng chí, bí thư phó bí thư xã được bồi dưỡng mấy người, chủ tịch Mặt trận "
            "mấy người?",
            ["party_secretary_training", "mttq_chairs"],
        ),
        # the whole asked after the count: the parts and their declared sum
        (
            "Kính gửi đồng chí, hiện nay số người có trình độ đại học cộng với trên đại học là "
            "bao nhiêu cả thảy?",
            ["university_degree_now", "postgraduate_now"],
        ),
        # the article named by its author is this article
        ("Tác giả Phong Vân viết bài này đăng ngày nào?", ["article_date"]),
        # "…, đồng thời bao nhiêu …": a third count asked, of the level the first named
        (
            "Riêng cấp huyện thì bao nhiêu người học cao cấp chính trị, bao nhiêu người học "
            "chuyên viên quản lý nhà nước, đồng thời bao nhiêu cán bộ chủ chốt dưới 35?",
            ["advanced_llct", "qlnn_specialist", "young_leaders_district"],
        ),
        # the other answer offered after the question asks nothing of its own
        (
            "Học xong về thì anh em có được cất nhắc lên chức gì không, hay vẫn ngồi chỗ cũ?",
            ["promotions"],
        ),
    ],
)
def test_a_colonels_questions(message, expected):
    (reply,) = ask_json(message)
    assert reply["status"] == "answer", reply
    assert reply["intents"] == expected


def test_a_second_question_after_or_is_still_asked():
    """ "…, hay là báo nào đăng": "or" opening words that ask by their own: two questions."""
    (reply,) = ask_json("bài đăng ngày nào, hay là báo nào đăng")
    assert reply["intents"] == ["article_date", "article_source"]


@pytest.mark.parametrize(
    ("message", "intent"),
    [
        ("Đồng chí là ai, là người thật hay là máy?", "who_are_you"),
        ("Chào đồng chí, hẹn hôm khác hỏi tiếp.", "goodbye"),
        ("Hay lắm, giỏi lắm!", "compliment"),
        ("Xin lỗi đồng chí, tôi bấm nhầm.", "acknowledge"),
        # … and, as before, "lắm" said of thanks or a goodbye stays what it was
        ("cảm ơn con nhiều lắm", "thanks"),
        ("Hay lắm, tạm biệt đồng chí", "goodbye"),
    ],
)
def test_the_bot_addressed_as_comrade(message, intent):
    (reply,) = ask_json(message)
    assert (reply["status"], reply["intents"]) == ("smalltalk", [intent])


def test_a_comrade_named_is_still_the_man_quoted():
    (reply,) = ask_json("đồng chí Thanh là ai")
    assert reply["intents"] == ["spokesperson"]


def test_the_vocative_after_a_follow_up_adds_no_fact():
    """ "Tôi hỏi cấp xã, thưa đồng chí." after both QLNN figures: the communes' alone."""
    _, narrowed = ask_json(
        "Bồi dưỡng quản lý Nhà nước được bao nhiêu người?",
        "Tôi hỏi cấp xã, thưa đồng chí.",
        conversation="dong-chi",
    )
    assert (narrowed["status"], narrowed["intents"]) == ("answer", ["qlnn_commune_key"])


def test_or_after_a_question_of_how_many_offers_no_other_answer():
    """Only a yes-no question's "hay …" is set apart: "bao nhiêu …, hay thạc sĩ?" asks both."""
    (reply,) = ask_json("bao nhiêu người học đại học, hay thạc sĩ?")
    assert reply["intents"] == ["university_sent", "masters_sent"]


@pytest.mark.parametrize(
    ("message", "intent"),
    [
        # "pp" is also "phương pháp": a question about a method is no goodbye
        ("huyện dùng pp gì để chọn người đi học", "selection_criteria"),
        # the author named in a claim stays the author ("Phong Vân viết bài này" is no article)
        ("Có phải Phong Vân viết bài này không?", "article_author"),
    ],
)
def test_words_that_read_past_only_where_they_should(message, intent):
    (reply,) = ask_json(message)
    assert (reply["status"], reply["intents"]) == ("answer", [intent])


def test_coming_from_an_academy_is_no_self_study():
    """ "từ học viện" folds like "tự học": the refusal of the asker's own studies reads the marks."""
    (reply,) = ask_json("từ học viện về huyện có bao nhiêu người")
    assert "tự học" not in reply["answer"]
