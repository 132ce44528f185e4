"""What the fortieth session's blind sets met — a level's people asked with "chiếm bao nhiêu",
the article's wording asked beside "nguồn đâu", a figure asked the same as another's, things
named first and then what is asked of each, the Centre's "chi", "mô", "rứa", a goodbye
that says "mai nói tiếp" — through `ask --json` (one chat: `--conversation`), as a user meets
them."""

from __future__ import annotations

import pytest
from conftest import ask_json


@pytest.mark.parametrize(
    "follow_up",
    ["Trong đó cấp xã, thị trấn chiếm bao nhiêu?", "cấp xã chiếm bao nhiêu"],
)
def test_a_levels_people_taken_up_bare_is_their_count(follow_up):
    _, reply = ask_json("huyện có bao nhiêu cán bộ công chức?", follow_up, conversation="chiem")
    assert reply["intents"] == ["commune_staff"]
    assert "294" in reply["answer"]
    assert "tỷ lệ" not in reply["answer"]


@pytest.mark.parametrize("follow_up", ["cấp xã chiếm mấy phần trăm?", "chiếm bao nhiêu?"])
def test_a_share_asked_is_still_said_to_be_missing(follow_up):
    _, reply = ask_json("huyện có bao nhiêu cán bộ công chức?", follow_up, conversation="pct")
    assert reply["answer"].startswith("Bài viết không nêu tỷ lệ này")


def test_the_source_line_of_figures_asked_with_nguon_dau_is_quoted_once():
    _, reply = ask_json(
        "huyện có bao nhiêu cán bộ công chức?",
        "Nguồn đâu? Câu nào trong bài nêu hai con số ấy — xin trích nguyên văn.",
        conversation="quote",
    )
    assert reply["intents"] == ["total_staff"]
    assert reply["answer"].count("Nguyên văn trong bài") == 1
    assert "1.999 cán bộ, công chức; trong đó có 294" in reply["answer"]


def test_nguon_dau_alone_is_still_the_newspaper():
    _, reply = ask_json("huyện có bao nhiêu cán bộ công chức?", "nguồn đâu?", conversation="src")
    assert reply["intents"] == ["article_source"]


def test_a_question_closed_by_a_quote_request_is_answered():
    (reply,) = ask_json("Bài có bao nhiêu lượt xem, xin trích nguyên văn")
    assert reply["intents"] == ["article_views"]


def test_which_words_the_article_uses_is_its_wording():
    _, reply = ask_json(
        "Mỗi năm bồi dưỡng bao nhiêu lượt viên chức ngành Giáo dục?",
        'Bài dùng chữ gì — "trên", "khoảng" hay con số chính xác? Tôi cần wording nguyên văn.',
        conversation="wording",
    )
    assert reply["answer"].startswith("Nguyên văn trong bài")
    assert "trên 1.800 lượt" in reply["answer"]


@pytest.mark.parametrize(
    ("first", "follow_up"),
    [
        (
            "Bao nhiêu CBCC, viên chức là đảng viên?",
            "Số đó có phải số người được cử đi học đại học không, thấy giống nhau?",
        ),
        (
            "Hiện có bao nhiêu đảng viên?",
            "Khoan, 712 ni trùng với số người được cử đi học đại học hả?",
        ),
    ],
)
def test_a_figure_asked_the_same_as_anothers_gives_both(first, follow_up):
    _, reply = ask_json(first, follow_up, conversation="same")
    assert sorted(reply["intents"]) == ["party_members", "university_sent"]


def test_the_other_figure_asked_about_is_that_fact_alone():
    _, reply = ask_json(
        "huyện cử bao nhiêu người đi học đại học",
        "vậy 712 kia cũng là số đảng viên à",
        conversation="kia",
    )
    assert reply["intents"] == ["party_members"]


def test_a_figure_just_given_asked_what_it_includes_is_that_fact():
    _, reply = ask_json(
        "hiện nay bao nhiêu người có trình độ cao cấp, trung cấp lý luận chính trị?",
        "Rứa 168 là tính cả cao cấp hả?",
        conversation="168",
    )
    assert reply["intents"] == ["llct_level_now"]


@pytest.mark.parametrize(
    ("question", "intents"),
    [
        (
            "Cán bộ xã và công chức xã, mỗi loại được đào tạo tập trung về cái chi?",
            ["commune_cadre_training", "commune_civil_servant_training"],
        ),
        ("đại học, thạc sĩ, mỗi loại cử đi bao nhiêu người?", ["university_sent", "masters_sent"]),
    ],
)
def test_things_named_first_then_what_is_asked_of_each(question, intents):
    (reply,) = ask_json(question)
    assert reply["intents"] == intents


@pytest.mark.parametrize(
    ("question", "intent"),
    [
        (
            "Cả huyện Điện Biên Đông tính hết thì có mấy người làm cán bộ công chức vậy?",
            "total_staff",
        ),
        (
            "Bài về Điện Biên Đông chú trọng đào tạo cán bộ là của tác giả nào?",
            "article_author",
        ),
        (
            "Rứa hả, vừa rồi tui hỏi bên tê mà họ trả lời không rõ. Tui nói lại từ đầu: tui làm"
            " Ban Tổ chức Tỉnh ủy, đang tổng hợp số cán bộ đi học lý luận chính trị của các huyện."
            " Điện Biên Đông cử bao nhiêu cán bộ, công chức cấp huyện đi học cao cấp lý luận chính trị?",
            "advanced_llct",
        ),
    ],
)
def test_one_fact_in_everyday_and_central_words(question, intent):
    (reply,) = ask_json(question)
    assert reply["intents"] == [intent]


def test_the_centres_mo_after_a_noun_asks_which():
    _, reply = ask_json(
        "Kế hoạch đào tạo hằng năm do ai xây dựng?", "Phối hợp với cơ quan mô?", conversation="mo"
    )
    assert reply["intents"] == ["annual_plan"]


@pytest.mark.parametrize(
    ("message", "intent"), [("bye nha, mai nói tiếp", "goodbye"), ("wow nhiều dị", "acknowledge")]
)
def test_a_goodbye_and_a_reaction_are_smalltalk(message, intent):
    (reply,) = ask_json(message)
    assert reply["status"] == "smalltalk"
    assert reply["intents"] == [intent]


def test_a_level_taken_up_after_a_figure_not_split_by_level_is_not_the_communes_staff():
    _, reply = ask_json(
        "Cử bao nhiêu người đi học đại học?", "trong đó cấp xã chiếm bao nhiêu?", conversation="dh"
    )
    assert "commune_staff" not in reply["intents"]
    assert "294" not in reply["answer"]


def test_a_source_question_closed_by_a_quote_request_is_the_source():
    _, reply = ask_json(
        "huyện có bao nhiêu cán bộ công chức?",
        "Bài đăng trên báo nào, xin trích nguyên văn",
        conversation="bao",
    )
    assert reply["intents"] == ["article_source"]


def test_each_year_is_no_list_of_things_asked_of_each():
    (reply,) = ask_json("Đại học, thạc sĩ, mỗi năm cử đi bao nhiêu người vậy?")
    assert reply["intents"] != ["university_sent", "masters_sent"]


def test_talking_after_training_is_no_goodbye():
    (reply,) = ask_json("Ông Thanh nói chuyện sau khi đào tạo thì cán bộ thế nào?")
    assert reply["status"] != "smalltalk"


def test_a_sum_checked_with_the_centres_tag_is_confirmed():
    _, reply = ask_json(
        "Bao nhiêu cán bộ chủ chốt dưới 35 tuổi?", "tổng là 31 hỉ?", conversation="hi"
    )
    assert reply["intents"] == ["young_leaders_district", "young_leaders_commune"]
    assert "31" in reply["answer"]


@pytest.mark.parametrize(
    ("first", "follow_up", "intents"),
    [
        (
            "cán bộ được đề cử vào đại hội Đảng có đạt yêu cầu hông?",
            "đạt về mặt gì?",
            ["congress_personnel"],
        ),
        (
            "Bao nhiêu cán bộ chủ chốt dưới 35 tuổi?",
            "cái thứ nhì là bao nhiêu",
            ["young_leaders_commune"],
        ),
    ],
)
def test_the_last_answer_asked_of_in_its_own_words(first, follow_up, intents):
    _, reply = ask_json(first, follow_up, conversation="own")
    assert reply["intents"] == intents


@pytest.mark.parametrize(
    ("turns", "intents"),
    [
        (
            (
                "Cán bộ cấp huyện học trung cấp LLCT bao nhiêu người?",
                "cộng thêm cấp xã",
                "cộng thêm số cấp huyện đi học cao cấp nữa",
            ),
            {"advanced_llct", "intermediate_llct_district", "intermediate_llct_commune"},
        ),
        (
            (
                "bn nguoi cap huyen di hoc cao cap llct",
                "con trung cap cap huyen",
                "lay so do cong 26",
            ),
            {"advanced_llct", "intermediate_llct_district"},
        ),
        (
            (
                "Hiện nay bao nhiêu người có trình độ đại học?",
                "lấy số đó trừ đi 712 người được cử đi học đại học",
            ),
            {"university_degree_now", "university_sent"},
        ),
    ],
)
def test_arithmetic_on_the_last_answer_sets_the_named_figure_beside_it(turns, intents):
    *_, reply = ask_json(*turns, conversation="arith")
    assert set(reply["intents"]) == intents


def test_what_remains_once_a_part_is_taken_away_is_still_worked_out():
    _, reply = ask_json(
        "huyện có bao nhiêu cán bộ", "trừ cấp xã ra thì còn bao nhiêu", conversation="rest"
    )
    assert "1.705" in reply["answer"]


def test_taking_away_gives_no_sum():
    _, reply = ask_json(
        "Hiện nay bao nhiêu người có trình độ đại học?",
        "lấy số đó trừ đi 712 người được cử đi học đại học",
        conversation="minus",
    )
    assert "Cộng lại" not in reply["answer"]


@pytest.mark.parametrize(
    ("message", "worked"),
    [("lấy tổng trừ đảng viên", "1.287"), ("trừ đi 294", "1.705")],
)
def test_taking_away_a_declared_part_gives_the_declared_remainder(message, worked):
    _, reply = ask_json("huyện có bao nhiêu cán bộ công chức", message, conversation="minus2")
    assert worked in reply["answer"]


def test_whether_a_figure_includes_another_is_no_sum():
    _, reply = ask_json(
        "cử bao nhiêu người đi học đại học", "số đó có cộng cả thạc sĩ không", conversation="incl"
    )
    assert "740" not in reply["answer"]


def test_a_figure_of_the_last_answer_named_alone_is_its_fact():
    *_, reply = ask_json(
        "QLNN chương trình chuyên viên cho bao nhiêu người?",
        "còn chức danh chủ chốt cấp xã thì QLNN bao nhiêu lượt",
        "cộng lại ra bao nhiêu",
        "mà 115 là cán bộ cấp nào?",
        conversation="115",
    )
    assert reply["intents"] == ["qlnn_specialist"]


def test_more_of_another_thing_is_that_thing():
    _, reply = ask_json(
        "cán bộ cấp xã được đào tạo gì", "nói rõ hơn về công chức cấp xã", conversation="ro"
    )
    assert reply["intents"] == ["commune_civil_servant_training"]


@pytest.mark.parametrize(
    "question",
    [
        "huyện Krông Pắc đào tạo bao nhiêu thạc sĩ",
        "Huyện Kỳ Anh có bao nhiêu đảng viên?",
        "MTTQ nói chung có nhiệm vụ gì vậy",
    ],
)
def test_another_district_by_name_or_a_thing_in_general_is_out_of_scope(question):
    (reply,) = ask_json(question)
    assert reply["status"] == "fallback"
    assert reply["intents"] == []


@pytest.mark.parametrize(
    "question",
    [
        "huyện Điện Biên Đôngg có bao nhiêu cán bộ công chứcc",
        "cấp huyện QLNN thì sao?",
        "Huyện Ủy cử bao nhiêu người đi học thạc sĩ",
    ],
)
def test_the_articles_own_district_however_typed_is_in_scope(question):
    (reply,) = ask_json(question)
    assert reply["status"] == "answer"


def test_a_goodbye_said_as_talk_later():
    (reply,) = ask_json("thôi nói chuyện sau nhé")
    assert reply["intents"] == ["goodbye"]
