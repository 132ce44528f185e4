"""What the fiftieth session's blind sets met — a lecturer's slides ("…, cần số liệu gấp cho slide
…: tổng số CBCC …?"), a mother's story before her question ("con tôi năm ngoái cũng đi học …"),
"CBCC huyện thì …", a count echoing the clause before ("…, có bao nhiêu người được đi?") — through
`ask --json`, as a user meets them."""

from __future__ import annotations

import pytest
from conftest import ask_json


@pytest.mark.parametrize(
    ("message", "expected"),
    [
        # words before a colon that name no fact are no subject of the question after it
        (
            "Hi bot, tôi cần số liệu rất gấp cho slide thuyết trình buổi chiều nay của lớp: "
            "tổng số CBCC của huyện là mấy?",
            ["total_staff"],
        ),
        # a year in the asker's own story is not the time the question asks about
        (
            "Bạn ơi, con gái tôi năm ngoái cũng được đi học thạc sĩ đó. Huyện cử bao nhiêu "
            "người đi học thạc sĩ?",
            ["masters_sent"],
        ),
        # "CBCC huyện thì …": the district's level, not the commune's named before it
        (
            "Công chức xã thì học gì, CBCC huyện thì học gì?",
            ["commune_civil_servant_training", "district_level_training"],
        ),
        # a count whose other words the clause before says asks of that clause
        (
            "ai làm chủ tịch mặt trận được đi học bồi dưỡng, có bao nhiêu người được đi?",
            ["mttq_chairs"],
        ),
        # whose name stands under the article: its author (not the person quoted)
        ("Ai là người đứng tên dưới bài viết?", ["article_author"]),
        # "Với …" opening a question is "as for", no joiner of two questions: a guess a little
        # short of sure, confirmed by what is asked (what is taught), answers
        (
            "Với cán bộ cấp xã (diện bầu cử), huyện chú trọng đào tạo gì?",
            ["commune_cadre_training"],
        ),
        # "mấy người đó" points at those people, asks no count the article lacks
        (
            "hồi đại hội người ta bầu ra thì mấy người đó có đủ trình độ không",
            ["congress_personnel"],
        ),
        # a mother's everyday words: clicks ("bấm vô coi"), the elected, heads and deputies
        ("bao nhiêu người bấm vô coi bài này", ["article_views"]),
        ("mấy ông chủ tịch xã do dân bầu lên thì được học gì", ["commune_cadre_training"]),
        ("cán bộ trẻ dưới 35 làm trưởng phó ở huyện có mấy người", ["young_leaders_district"]),
        # "… mấy người, quản lý nhà nước …": a count's unit before a comma binds nothing to the
        # next item (the article's "84 lượt người, quản lý Nhà nước cho 128" is two items)
        (
            "cán bộ cấp huyện: học cao cấp chính trị mấy người, trung cấp mấy người, quản lý nhà "
            "nước mấy người?",
            ["advanced_llct", "intermediate_llct_district", "qlnn_specialist"],
        ),
    ],
)
def test_a_lecturer_and_a_mother_asking(message, expected):
    (reply,) = ask_json(message)
    assert reply["status"] == "answer", reply
    assert reply["intents"] == expected


def test_a_year_of_the_data_asked_for_is_still_refused():
    """ "Tôi cần số liệu năm ngoái": every figure after it is of that year, which the article
    does not give (a story of the asker's is another thing)."""
    (reply,) = ask_json("Tôi cần số liệu năm ngoái. Huyện có bao nhiêu cán bộ công chức?")
    assert reply["status"] == "fallback"
    assert "2018" in reply["answer"]


def test_two_counts_side_by_side_stay_two_facts():
    """ "trên đại học bn ng, đại học bn ng": the second names a degree of its own, no echo."""
    (reply,) = ask_json("tren dai hoc bn ng, dai hoc bn ng")
    assert reply["intents"] == ["postgraduate_now", "university_degree_now"]


def test_the_article_binds_its_own_pairs_but_no_count_to_the_next_item(responder):
    """Words the article writes across a comma stay one thing ("cán bộ, công chức", "NQ/HU");
    a figure's unit before a comma or "và" ends an item ("84 lượt người, quản lý …", "10 người
    và cấp xã …", "dưới 35 tuổi, cấp huyện …")."""
    bound = responder.kb.understanding.bound
    assert {("bo", "cong"), ("nq", "hu")} <= bound
    assert not {("nguoi", "quan"), ("nguoi", "cap"), ("tuoi", "cap")} & bound


@pytest.mark.parametrize(
    "message",
    [
        # who pays, after what it costs: the article never says (not the person it quotes)
        "cho đi học đại học như thế tốn bao nhiêu tiền, ai trả hả bạn",
        # the asker's family life, whatever age is named ("28" is a figure of the article)
        "em trai tôi 28 tuổi muốn kết hôn thì cần gì",
    ],
)
def test_what_the_article_never_speaks_of_is_refused(message):
    (reply,) = ask_json(message)
    assert reply["status"] == "fallback", reply
    assert reply["intents"] == []


@pytest.mark.parametrize(
    ("message", "intent"),
    [
        ("hì hì", "compliment"),
        ("xạo", "acknowledge"),
        ("tôi xin lỗi nhé, tôi gõ chậm quá", "acknowledge"),
    ],
)
def test_laughter_a_jeer_and_an_apology_are_smalltalk(message, intent):
    (reply,) = ask_json(message)
    assert (reply["status"], reply["intents"]) == ("smalltalk", [intent])
