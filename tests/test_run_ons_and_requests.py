"""What the fifty-sixth session's blind sets met — voice typing with no marks between two
questions, a greeting before a request, wishes, "quay lại bài", counts of what the article never
counts — through `ask --json` (and `--conversation`), as a user meets them."""

from __future__ import annotations

import pytest
from conftest import ask_json


@pytest.mark.parametrize(
    ("message", "expected"),
    [
        # two questions said in one breath: each side answered surely alone
        ("ai viết bài ai được trích lời", ["article_author", "spokesperson"]),
        ("bài có bao nhiêu lượt xem ai là tác giả", ["article_views", "article_author"]),
        # "mấy người …" before what they do makes them plural: one question
        ("mấy người làm ở huyện thì học những gì", ["district_level_training"]),
    ],
)
def test_two_questions_said_in_one_breath_are_both_answered(message, expected):
    (reply,) = ask_json(message)
    assert (reply["status"], reply["intents"]) == ("answer", expected)


def test_a_greeting_before_a_request_is_no_greeting():
    (reply,) = ask_json("Chào buổi tối. Cho mình xin tên người viết bài này để ghi vào hồ sơ.")
    assert (reply["status"], reply["intents"]) == ("answer", ["article_author"])


@pytest.mark.parametrize(
    "wish",
    ["chúc em làm việc thật hiệu quả", "chúc cháu học tập hiệu quả", "Chúc mừng năm mới nhé!"],
)
def test_a_wish_is_smalltalk_whatever_words_it_shares_with_a_fact(wish):
    (reply,) = ask_json(wish)
    assert (reply["status"], reply["intents"]) == ("smalltalk", ["wishes"])


def test_a_wish_before_a_request_is_no_mere_wish():
    (reply,) = ask_json("chúc bạn một ngày tốt lành. Gửi mình số người được cử đi học thạc sĩ nhé")
    assert (reply["status"], reply["intents"]) == ("answer", ["masters_sent"])


@pytest.mark.parametrize(
    ("back", "expected"),
    [
        ("thôi quay lại bài báo: bao nhiêu người là đảng viên?", ["party_members"]),
        ("quay lại bài, cấp xã có mấy cán bộ công chức", ["commune_staff"]),
        ("ok cảm ơn, giờ quay lại bài: ai là tác giả?", ["article_author"]),
    ],
)
def test_back_to_the_article_after_an_aside_is_a_new_question(back, expected):
    aside, reply = ask_json("thời tiết ở Điện Biên Đông thế nào", back, conversation="back")
    assert aside["status"] == "fallback"
    assert (reply["status"], reply["intents"]) == ("answer", expected)


@pytest.mark.parametrize(
    ("question", "said"),
    [
        ("có mấy xã cử cán bộ đi học", "không có thông tin này"),  # communes: never counted
        ("Phong Vân là phóng viên phòng nào", "nghề nghiệp, chức vụ của tác giả"),
        # cost: never said, though what follows "những" alone would be answered
        (
            "Chi phí cho những người đi học cao cấp lý luận chính trị là bao nhiêu, tỉnh hay huyện lo?",
            "chi phí, kinh phí",
        ),
        ("tổng số viên chức giáo dục toàn huyện là bao nhiêu", "viên chức ngành Giáo dục"),
        # a task for the bot, not a question of the article …
        ("gợi ý giúp mình vài trang web học quản lý nhà nước", "chỉ nói về huyện Điện Biên Đông"),
        # … while asking what the article recommends is one
        ("bài viết có giới thiệu trường nào đào tạo thạc sĩ cho cán bộ không?", "nơi học"),
    ],
)
def test_what_the_article_never_gives_is_said_so(question, said):
    (reply,) = ask_json(question)
    assert reply["status"] == "fallback", reply
    assert said in reply["answer"]


def test_a_count_named_after_is_still_a_count():
    (reply,) = ask_json("trong 1.999 người đó thì bao nhiêu trường hợp là đảng viên")
    assert (reply["status"], reply["intents"]) == ("answer", ["party_members"])


def test_a_total_asked_after_a_colon_sums_what_is_named_before_it():
    (reply,) = ask_json("Bí thư, phó bí thư xã + chủ tịch MTTQ: tổng cộng mấy người?")
    assert (reply["status"], reply["intents"]) == (
        "answer",
        ["party_secretary_training", "mttq_chairs"],
    )
    assert "19 + 6 = 25" in reply["answer"]


@pytest.mark.parametrize(
    ("message", "expected"),
    [
        # a fact-checker's closing words ask nothing of their own
        (
            "294 cán bộ cấp xã, 712 đảng viên — mình ghi vậy có khớp bài không?",
            ["commune_staff", "party_members"],
        ),
        ("chủ tịch MTTQ đi bồi dưỡng là cấp nào, bài có nói rõ không", ["mttq_chairs"]),
        # … while a short item of a list still asks ("báo nào")
        ("ngày đăng + báo nào", ["article_date", "article_source"]),
        # whoever answers called "cán bộ", as a citizen calls an official
        ("xin hoi can bo, bai bao nay ai viet", ["article_author"]),
        ("thưa cán bộ, huyện có bao nhiêu đảng viên", ["party_members"]),
        # "ngày mấy tháng mấy" asks a date, never how long
        ("bai dang ngay may thang may", ["article_date"]),
    ],
)
def test_what_a_fact_checker_or_a_citizen_asks_is_answered(message, expected):
    (reply,) = ask_json(message)
    assert (reply["status"], reply["intents"]) == ("answer", expected)


def test_he_after_facts_naming_no_one_is_the_quoted_official():
    _, reply = ask_json(
        "còn tình trạng cử đi học tràn lan không?", "à ông ấy giữ chức gì nhỉ", conversation="he"
    )
    assert (reply["status"], reply["intents"]) == ("answer", ["spokesperson"])


@pytest.mark.parametrize(
    ("message", "expected"),
    [
        # the first of the questions a message announces
        ("tôi có vài câu cần hỏi, trước tiên là bài báo này ai viết", ["article_author"]),
        # "gốc": the article's own, to whoever checks a copy
        ("tiêu đề gốc của bài là gì vậy", ["article_title"]),
    ],
)
def test_a_checker_s_words_around_a_question_are_read_past(message, expected):
    (reply,) = ask_json(message)
    assert (reply["status"], reply["intents"]) == ("answer", expected)


def test_another_document_than_the_resolution_is_never_said():
    (reply,) = ask_json("ngoài nghị quyết 03, huyện có ban hành văn bản nào khác về đào tạo không?")
    assert reply["status"] == "fallback", reply
    assert "văn bản nào khác" in reply["answer"]
