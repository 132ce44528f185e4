"""What the forty-seventh session's blind sets met — a fact-checker from Sài Gòn ("trích y chang
câu đó", "hơn huyện mấy người?"), a spreadsheet-minded clerk ("TC/CC LLCT", "tổng CBCC | đảng
viên | ĐH hiện có", "… để điền vào cột ThS") — through `ask --json` (one chat:
`--conversation`), as a user meets them."""

from __future__ import annotations

from dataclasses import replace

import pytest
from conftest import ask_json


@pytest.mark.parametrize(
    ("message", "expected"),
    [
        # an abbreviation written with a slash or a comma reads as its words ("TC/CC" = both courses)
        ("Số CBCC hiện có trình độ TC/CC LLCT là bao nhiêu?", ["llct_level_now"]),
        ("TC, CC LLCT hiện có bao nhiêu người", ["llct_level_now"]),
        ("cho mình số TCLLCT", ["intermediate_llct_district", "intermediate_llct_commune"]),
        # "|" separates items as ";" does
        (
            "tổng CBCC | đảng viên | ĐH hiện có",
            ["total_staff", "party_members", "university_degree_now"],
        ),
        # what the last item says after its question word is said of the items before it
        (
            "Thạc sĩ bao nhiêu người, đại học bao nhiêu người được cử đi học?",
            ["masters_sent", "university_sent"],
        ),
        # one fact, but the level the message leaves out: the other level's
        (
            "Học trung cấp LLCT ở huyện (không tính xã) là bao nhiêu người?",
            ["intermediate_llct_district"],
        ),
        # where the figure will go is no part of the question
        ("Xin chào, cho tôi số đảng viên hiện nay để điền vào bảng tổng hợp.", ["party_members"]),
        # heads counted in slang
        ("bao nhiêu mạng được cử đi học thạc sĩ?", ["masters_sent"]),
        # a claim heard elsewhere, then "does the article say that?"
        (
            "Có người viết là huyện không còn cử đi học tràn lan. Bài có ý đó không?",
            ["no_mass_training"],
        ),
        # "bài ghi" inside a question says where, not what
        ("Mục tiêu đào tạo cán bộ bài ghi là gì?", ["training_goal"]),
        # bare "huyện" beside "xã", each asked: the district level
        (
            "trung cấp LLCT xã mấy người huyện mấy người",
            ["intermediate_llct_district", "intermediate_llct_commune"],
        ),
        # a topic head's item that is still a list: each value with the topic, of one level
        (
            "Cho mình số liệu lý luận chính trị: cao cấp, trung cấp huyện, trung cấp xã",
            ["advanced_llct", "intermediate_llct_district", "intermediate_llct_commune"],
        ),
        # numbered "1 là …, 2 là …", and a bare item after the one asked: both, in order
        ("1 là ai viết bài, 2 là ngày đăng", ["article_author", "article_date"]),
        ("lượt xem bao nhiêu; ngày đăng", ["article_views", "article_date"]),
        # the asker's role said first: "cho em đi học" is of that role
        (
            "Em là công chức địa chính xã, huyện cho em đi học gì",
            ["commune_civil_servant_training"],
        ),
        ("Bài đưa lên ngày nào vậy?", ["article_date"]),
        # a list's items never share each other's values ("cấp xã" is the second item's only)
        (
            "• tổng cán bộ công chức • cán bộ cấp xã • đảng viên",
            ["total_staff", "commune_staff", "party_members"],
        ),
        # moving on to a course, or the resolution's rotation, is no leaving
        ("học xong rồi chuyển sang học thạc sĩ có bao nhiêu người", ["masters_sent"]),
        ("Nghị quyết có nói về luân chuyển công tác về xã không?", ["resolution_03"]),
        # voice typing, no commas: a question word with what it asks ends a question
        ("ai viết bài này đăng ngày nào", ["article_author", "article_date"]),
        # … and the same question word closing each part
        (
            "trung cấp huyện bao nhiêu xã bao nhiêu",
            ["intermediate_llct_district", "intermediate_llct_commune"],
        ),
        # the tone typed on the "i" of "gi" ("gỉa" is "giả"); "higher than a bachelor's"
        ("tác gỉa bài này tên gì", ["article_author"]),
        ("giờ có bao nhiêu người có bằng cao hơn cả cử nhân", ["postgraduate_now"]),
    ],
)
def test_lists_frames_and_exclusions(message, expected):
    (reply,) = ask_json(message)
    assert reply["status"] == "answer", reply
    assert reply["intents"] == expected


def test_quote_asked_in_few_words_after_an_answer():
    """ "trích giùm câu đó" after an answer: the article's own words for it, even though the
    words alone read like a request for help."""
    replies = ask_json(
        "Hằng năm ai xây dựng kế hoạch đào tạo, bồi dưỡng cán bộ?",
        "trích giùm câu đó",
        conversation="quote-it",
    )
    assert replies[1]["status"] == "answer", replies[1]
    assert replies[1]["intents"] == ["annual_plan"]
    assert "«" in replies[1]["answer"] and "kế hoạch đào tạo" in replies[1]["answer"]


def test_total_after_a_meaning_names_its_own_fact():
    """After what 1.999 is (three facts), "vậy tổng cán bộ công chức …" is the whole the words
    name, not the sum of the facts just given."""
    replies = ask_json(
        "1.999 là số gì?",
        "vậy tổng cán bộ công chức của huyện là bao nhiêu?",
        conversation="whole-after-meaning",
    )
    assert replies[1]["status"] == "answer", replies[1]
    assert replies[1]["intents"] == ["total_staff"]


def test_comparison_with_the_level_just_given():
    """ "hơn huyện mấy người?" after the commune's figure: both levels and their gap."""
    replies = ask_json(
        "cán bộ chủ chốt dưới 35 tuổi ở cấp xã có mấy người?",
        "hơn huyện mấy người?",
        conversation="gap",
    )
    assert replies[1]["intents"] == ["young_leaders_district", "young_leaders_commune"]
    assert "21 − 10 = 11" in replies[1]["answer"]


def test_sum_with_another_fact_opening_with_voi():
    """ "với cao cấp cộng lại?" after the district's intermediate course: both, and their sum."""
    replies = ask_json(
        "cấp huyện có bao nhiêu cán bộ học trung cấp lý luận chính trị?",
        "với cao cấp cộng lại?",
        conversation="sum-with",
    )
    assert replies[1]["intents"] == ["intermediate_llct_district", "advanced_llct"]
    assert "26 + 55 = 81" in replies[1]["answer"]


@pytest.mark.parametrize(
    "message",
    [
        "Sau khi học xong có ai chuyển đi chỗ khác không?",
        "có ai đi học xong rồi xin chuyển công tác ra khỏi huyện không",
    ],
)
def test_moving_away_after_training_is_never_said(message):
    (reply,) = ask_json(message)
    assert reply["status"] == "fallback", reply
    assert "chuyển đi nơi khác" in reply["answer"]


def test_leaving_a_course_unfinished_is_never_said():
    (reply,) = ask_json("có ai bỏ dở khóa học giữa chừng không")
    assert reply["status"] == "fallback", reply
    assert "bỏ dở" in reply["answer"]


def test_a_list_read_inside_itself_is_read_once(responder, monkeypatch):
    """bot/inner_lists.py reads a clause that is a list as a message of its own; should that
    reading come back to the same clause, it is taken as it is instead of recursing."""
    from bot import inner_lists

    reader = responder._reader
    text = "cán bộ cấp huyện, cấp xã có bao nhiêu"
    reply = replace(reader.single(text, reader.match(text), ()), status="clarify")
    calls = []

    def read_again(again: str):
        calls.append(again)
        return inner_lists.listed_inside(reader, again, True, reply)

    monkeypatch.setattr(reader, "read_alone", read_again)
    assert inner_lists.listed_inside(reader, text, True, reply) is reply
    assert calls == [text]


def test_a_clause_cut_into_itself_is_read_once():
    """A list inside a clause read again as a message must never recurse without end: the
    reply comes, whatever it is."""
    (reply,) = ask_json("10 cán bộ chủ chốt dưới 35 tuổi cấp huyện có mấy nam, mấy nữ?")
    assert reply["status"] in {"fallback", "clarify"}, reply


@pytest.mark.parametrize("message", ["vậy thôi", "Thôi được", "thế thôi nhé", "giỏi lắm"])
def test_closing_words_and_praise_are_smalltalk(message):
    (reply,) = ask_json(message)
    assert reply["status"] == "smalltalk", reply


def test_whom_words_just_given_mean():
    """ "lực lượng kế cận là nói ai vậy?" after the training goal: the goal again, as the article
    gives it — never who spoke."""
    replies = ask_json(
        "Mục tiêu đào tạo là gì?", "lực lượng kế cận là nói ai vậy", conversation="whom-meant"
    )
    assert replies[1]["intents"] == ["training_goal"], replies[1]
