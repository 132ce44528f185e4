"""What the forty-ninth session's blind sets met — an inspector's memo shorthand ("Tổng CBCC;
CBCC cấp xã?", "TC huyện, TC xã", "cao+trung cấp"), a schoolgirl's worksheet ("câu 3 hỏi …",
"kể hết mấy con số về …", "… với số người học thạc sĩ nữa", "ok xong") — through `ask --json`
(one chat: `--conversation`), as a user meets them."""

from __future__ import annotations

import pytest
from conftest import ask_json

from bot.normalize import clean


@pytest.mark.parametrize(
    ("message", "expected"),
    [
        # items a semicolon ends ask as the last one does
        ("Tổng CBCC; CBCC cấp xã?", ["total_staff", "commune_staff"]),
        # "TC" beside a level is the intermediate course
        (
            "Liệt kê giúp số liệu bồi dưỡng LLCT: cao cấp, TC huyện, TC xã.",
            ["advanced_llct", "intermediate_llct_district", "intermediate_llct_commune"],
        ),
        # "+" between words joins them as "và"; two ranks of one course are one thing asked
        (
            "TCLLCT cả huyện + xã tổng cộng bao nhiêu người?",
            ["intermediate_llct_district", "intermediate_llct_commune"],
        ),
        (
            "Số có LLCT cao+trung cấp hiện nay và số CBCC xã học TCLLCT?",
            ["llct_level_now", "intermediate_llct_commune"],
        ),
        # a worksheet's numbered part is no figure
        (
            "alo alo, em đang làm phiếu học tập nè, câu 3 hỏi Nghị quyết 03 ban hành năm nào á",
            ["resolution_03"],
        ),
        # every figure of a topic, asked the way a teenager does
        (
            "kể hết mấy con số về lý luận chính trị trong bài đi",
            [
                "advanced_llct",
                "intermediate_llct_district",
                "intermediate_llct_commune",
                "llct_level_now",
            ],
        ),
        # "… với số X nữa": the last part is asked too
        (
            "lãnh đạo dưới 35 tuổi ở cấp huyện có mấy người, với số người học thạc sĩ nữa",
            ["young_leaders_district", "masters_sent"],
        ),
        # "từ đại học trở lên": the degree and the ones above it
        (
            "hiện có bao nhiêu người từ đại học trở lên",
            ["university_degree_now", "postgraduate_now"],
        ),
        # as of the article's time is its "now"; the Front and full-time cadres as people say them
        ("Số CBCC được cử đi đào tạo ĐH tính đến thời điểm bài viết?", ["university_sent"]),
        ("Bên Mặt trận có ai đi bồi dưỡng không, mấy người?", ["mttq_chairs"]),
        (
            "Mấy ông CB chuyên trách ở xã thì được cho đi học cái gì là chính?",
            ["commune_cadre_training"],
        ),
    ],
)
def test_a_memo_and_a_worksheet_asking(message, expected):
    (reply,) = ask_json(message)
    assert reply["status"] == "answer", reply
    assert reply["intents"] == expected


def test_the_articles_time_alone_is_still_its_date():
    (reply,) = ask_json("thời điểm bài viết là khi nào")
    assert reply["intents"] == ["article_date"]


@pytest.mark.parametrize(
    ("message", "intent"),
    [
        ("ok xong", "acknowledge"),
        ("đã nhận", "acknowledge"),
        ("xong ui", "acknowledge"),  # teencode's "rồi" (done), no call ("ơi"): never a greeting
    ],
)
def test_done_and_received_are_smalltalk(message, intent):
    (reply,) = ask_json(message)
    assert (reply["status"], reply["intents"]) == ("smalltalk", [intent])


def test_done_then_bye_is_smalltalk_not_a_fact():
    """ "xong r bye": done, and bye (either reply fits); never "học xong" (after training)."""
    (reply,) = ask_json("xong r bye")
    assert reply["status"] == "smalltalk"
    assert reply["intents"] in (["acknowledge"], ["goodbye"])


def test_a_plus_joins_words_but_never_figures(responder):
    """ "huyện + xã" reads as "huyện và xã"; "712+28" keeps its "+" (a sum of figures)."""
    tables = responder.kb.tables
    assert clean("cả huyện + xã", tables) == "cả huyện và xã"
    assert clean("LLCT cao+trung cấp", tables) == "llct cao và trung cấp"
    assert clean("712+28 bằng bao nhiêu", tables) == "712+28 bằng bao nhiêu"


def test_what_the_commune_learns_after_a_district_count_is_what_it_learns():
    replies = ask_json(
        "CBCC cấp huyện tập trung đào tạo gì?",
        "QLNN chương trình chuyên viên cho bao nhiêu CB cấp huyện?",
        "còn cấp xã đào tạo gì",
        conversation="memo-switch",
    )
    assert replies[2]["intents"] == ["commune_cadre_training", "commune_civil_servant_training"]


def test_a_count_after_both_levels_stays_the_count_of_that_level():
    replies = ask_json(
        "huyện mình có bao lăm cán bộ được đi học lý luận chính trị trung cấp",
        "thế riêng cái cấp xã thì bao lăm",
        conversation="memo-level",
    )
    assert replies[1]["intents"] == ["intermediate_llct_commune"]


def test_how_two_trainings_differ_gives_both():
    replies = ask_json(
        "Cán bộ cấp xã được đào tạo gì?",
        "Công chức cấp xã thì được tập trung đào tạo về gì?",
        "khác nhau chỗ nào?",
        conversation="memo-differ",
    )
    assert replies[2]["intents"] == ["commune_cadre_training", "commune_civil_servant_training"]


def test_about_half_after_the_graduates_is_the_graduates_share():
    replies = ask_json(
        "có bao nhiêu người có bằng đại học",
        "vậy là khoảng một nửa à",
        conversation="memo-half",
    )
    assert replies[1]["intents"] == ["university_degree_now"]
    assert "53,3" in replies[1]["answer"]


def test_a_pause_before_a_follow_up_is_no_acknowledgement():
    replies = ask_json(
        "cán bộ chủ chốt dưới 35 tuổi ở xã có mấy người",
        "hừm, còn cấp huyện",
        conversation="memo-pause",
    )
    assert replies[1]["intents"] == ["young_leaders_district"]


@pytest.mark.parametrize(
    ("message", "expected"),
    [
        # "…, làm sao?" asks how of the clause before: nothing the article says
        ("con chó nhà tui bỏ ăn mấy bữa nay, làm sao?", []),
        # "…, hơn bao nhiêu?" asks the gap of the comparison before it, no fact of its own
        (
            "Học quản lý nhà nước, huyện với xã bên nào đông hơn, hơn bao nhiêu?",
            ["qlnn_specialist", "qlnn_commune_key"],
        ),
    ],
)
def test_how_asked_after_a_clause_is_of_that_clause(message, expected):
    (reply,) = ask_json(message)
    assert reply["intents"] == expected
    assert reply["status"] == ("answer" if expected else "fallback")
