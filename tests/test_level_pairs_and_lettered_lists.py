"""What the fifty-first session's blind sets met — a count asked of each level in turn ("huyện
mấy xã mấy"), lists lettered inline ("(a) … (b) … (c) …"), the district's offices ("phòng ban
trên huyện"), "BTC", "mỗi cái" after two facts, "mấy năm trước" — through `ask --json`, as a
user meets them."""

from __future__ import annotations

import pytest
from conftest import ask_json


@pytest.mark.parametrize(
    ("message", "expected"),
    [
        # a bare "huyện" asked a count beside "xã" is the district's level, not the whole
        # district: both levels' figures, each labelled
        (
            "cán bộ chủ chốt dưới 35 huyện mấy xã mấy",
            ["young_leaders_district", "young_leaders_commune"],
        ),
        (
            "trung cấp lý luận huyện bao nhiêu, xã bao nhiêu",
            ["intermediate_llct_district", "intermediate_llct_commune"],
        ),
        # items lettered or numbered inline, no commas between them: a list, each answered
        (
            "breakdown: (a) cử đi ĐH (b) cử đi thạc sĩ (c) bồi dưỡng QLNN chương trình chuyên viên",
            ["university_sent", "masters_sent", "qlnn_specialist"],
        ),
        ("(1) cử đi ĐH (2) cử đi thạc sĩ", ["university_sent", "masters_sent"]),
        # the district's offices are its own level's staff
        (
            "mấy anh chị ở phòng ban trên huyện thì được cho đi học những cái gì",
            ["district_level_training"],
        ),
        # "BTC": the Organisation Board, whose head the article quotes
        ("NQ 03 ra năm nào, mà trưởng BTC huyện ủy là ai", ["resolution_03", "spokesperson"]),
    ],
)
def test_pairs_lists_and_offices(message, expected):
    (reply,) = ask_json(message)
    assert reply["status"] == "answer", reply
    assert reply["intents"] == expected


def test_a_level_named_once_still_narrows_the_clause_before():
    """ "…, ở dưới xã có mấy người?": one level named in the whole message narrows."""
    (reply,) = ask_json("cán bộ chủ chốt dưới 35 tuổi có mấy người, ở dưới xã có mấy người?")
    assert reply["intents"] == ["young_leaders_commune"]


def test_each_of_the_two_facts_just_given():
    """ "% mỗi cái?" after two facts: both, each with its share (never asked back)."""
    first, each = ask_json(
        "bao nhiêu đảng viên, bao nhiêu người có bằng đại học", "% mỗi cái?", conversation="moi"
    )
    assert first["intents"] == each["intents"] == ["party_members", "university_degree_now"]
    assert each["status"] == "answer" and "35,6 %" in each["answer"] and "53,3 %" in each["answer"]


def test_some_years_ago_is_a_time_not_a_length():
    """ "mấy năm trước" says when; "học mấy năm" asks how long, which the article never says."""
    before, length = ask_json("mấy năm trc cán bộ xã yếu thế nào", "học thạc sĩ mấy năm")
    assert before["status"] == "answer" and before["intents"] == ["past_weakness"]
    assert length["status"] == "fallback"


@pytest.mark.parametrize("message", ["bb", "mình đi họp tí quay lại sau"])
def test_leaving_for_a_while_is_a_goodbye(message):
    (reply,) = ask_json(message)
    assert (reply["status"], reply["intents"]) == ("smalltalk", ["goodbye"])


def test_the_full_name_of_the_man_quoted_is_his_not_the_titles():
    """ "anh Thanh tên đầy đủ là gì": his name (it was once the article's title, confidently);
    the article's and the resolution's full names stay theirs."""
    his, article, resolution = ask_json(
        "anh Thanh tên đầy đủ là gì", "bài báo tên đầy đủ là gì", "nghị quyết 03 tên đầy đủ là gì"
    )
    assert (his["status"], his["intents"]) == ("answer", ["spokesperson"])
    assert article["intents"] == ["article_title"]
    assert resolution["intents"] == ["resolution_03"]


@pytest.mark.parametrize(
    "message", ["Học IELTS tự học thế nào cho hiệu quả?", "học tiếng Anh thế nào cho hiệu quả"]
)
def test_the_askers_own_studies_are_refused(message):
    """Advice on studying is nothing the article gives (never its training's effects)."""
    (reply,) = ask_json(message)
    assert (reply["status"], reply["intents"]) == ("fallback", [])
    assert "tự học" in reply["answer"]


def test_a_reply_asked_in_english_is_no_study_of_english():
    """ "nói gọn lại bằng tiếng Anh": how to reply, never refused as a language course."""
    (reply,) = ask_json("nói gọn lại bằng tiếng Anh giúp mình")
    assert "tự học" not in reply["answer"]


@pytest.mark.parametrize(
    ("message", "expected"),
    [
        # who penned it is its author, whatever "bài này tên" would read as alone
        ("ng chấp bút bài này tên gì", ["article_author"]),
        ("người chấp bút bài báo tên gì", ["article_author"]),
        # the bot called by name without a comma, and the South's "á" closing a count
        ("bot ơi huyện có nhiêu cán bộ", ["total_staff"]),
        (
            "ng dưới 35t giữ chức quản lý nhiêu á",
            ["young_leaders_district", "young_leaders_commune"],
        ),
        # the district studying a course: its own cadres (never "toàn huyện", everyone)
        ("huyện học trung cấp nhiêu", ["intermediate_llct_district"]),
        (
            "toàn huyện học trung cấp bao nhiêu",
            ["intermediate_llct_district", "intermediate_llct_commune"],
        ),
    ],
)
def test_a_teenagers_shorthand(message, expected):
    (reply,) = ask_json(message)
    assert reply["status"] == "answer", reply
    assert reply["intents"] == expected


def test_an_acknowledgement_opening_a_follow_up_is_read_past():
    """ "ok còn huyện" after the communes' figure: the district's (never a bare "ok")."""
    first, other, bare = ask_json(
        "trung cấp lý luận chính trị cấp xã nhiêu ng", "ok còn huyện", "ok", conversation="ok"
    )
    assert first["intents"] == ["intermediate_llct_commune"]
    assert (other["status"], other["intents"]) == ("answer", ["intermediate_llct_district"])
    assert bare["status"] == "smalltalk"


@pytest.mark.parametrize(
    ("message", "intent"),
    [
        ("thôi t đi ngủ đây, pp", "goodbye"),
        ("hay á", "compliment"),
        ("bot ơi có đó không", "greet"),
        ("bot ơi còn đó ko", "greet"),
    ],
)
def test_a_teenagers_smalltalk(message, intent):
    (reply,) = ask_json(message)
    assert (reply["status"], reply["intents"]) == ("smalltalk", [intent])


def test_a_doubled_letter_is_still_a_typo_not_a_goodbye():
    """ "pp" alone says goodbye; "trung cấpp" is the course mistyped."""
    (reply,) = ask_json("cán bộ huyện học trung cấpp lý luận có bn ngừơi")
    assert reply["intents"] == ["intermediate_llct_district"]
