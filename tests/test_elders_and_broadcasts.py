"""What the forty-eighth session's blind sets met — a retired commune Party secretary ("kính
hỏi", "đồng chí nào viết", "cộng cả hai là bao nhiêu đồng chí?"), a radio journalist reading
figures on air ("chị đọc là khoảng 350 được không", "cảm ơn đã giúp chị kịp giờ lên sóng"), an
engineer abroad typing on a keyboard with no Vietnamese marks ("Thay co giao … tap huan") —
through `ask --json` (one chat: `--conversation`), as a user meets them."""

from __future__ import annotations

import pytest
from conftest import ask_json


@pytest.mark.parametrize(
    ("message", "expected"),
    [
        # "đồng chí nào" asks who, typed without marks too
        ("bai bao dang ngay nao, dong chi nao viet", ["article_date", "article_author"]),
        # "kính hỏi" opens the question after a long preamble
        (
            "Chào đồng chí, tôi năm nay đã bảy mươi tư tuổi, mấy chục năm làm công tác Đảng ở "
            "xã. Đọc báo thấy nói Điện Biên Đông làm tốt công tác cán bộ, vậy kính hỏi huyện "
            "hiện có tổng cộng bao nhiêu cán bộ, công chức?",
            ["total_staff"],
        ),
        # "chẳng được mấy người" tells (hardly any), it asks nothing
        (
            "Kính chào. Hồi chúng tôi còn công tác, cả xã chẳng được mấy người học hết cấp ba, "
            "nói gì đến đại học. Nay đọc báo thấy huyện tiến bộ lắm, vậy xin hỏi hiện toàn "
            "huyện có bao nhiêu cán bộ, công chức, viên chức có trình độ đại học?",
            ["university_degree_now"],
        ),
        # who reported it is the writer; the paper is the source
        ("ai đưa tin, nguồn báo nào", ["article_author", "article_source"]),
        # one fact asked twice in one message is answered once
        ("mấy thông tin này lấy từ đâu ra thế, tờ nào đưa tin?", ["article_source"]),
        ("Tin này do tờ báo nào đưa?", ["article_source"]),
        # "đầy đủ" asks the whole title of the man, not the article's
        ("chức danh đầy đủ của ông Thanh là gì", ["spokesperson"]),
        # typed with no marks at all, everyday words read as their marked spellings are
        ("Thay co giao o huyen moi nam duoc tap huan bao nhieu luot?", ["education_sector"]),
        ("Bai nay ai cam but vay?", ["article_author"]),
        ("Bai nay len mat bao hom nao the?", ["article_date"]),
        # … but never a spelling the article writes with other marks ("nhiều người", many)
        ("sau dao tao co nhieu nguoi duoc bo nhiem lam lanh dao khong", ["promotions"]),
        # … nor one as often other words ("thấy có", not "thầy cô")
        ("thay co bai noi 28 nguoi hoc thac si", ["masters_sent"]),
        # why the asker needs it, said first, then the question
        ("chị cần gấp cho bản tin, bao nhiêu cán bộ được cử đi học đại học", ["university_sent"]),
    ],
)
def test_an_elder_and_a_journalist_asking(message, expected):
    (reply,) = ask_json(message)
    assert reply["status"] == "answer", reply
    assert reply["intents"] == expected


@pytest.mark.parametrize(
    ("message", "intent"),
    [
        ("cảm ơn đã giúp chị kịp giờ lên sóng", "thanks"),
        ("cảm ơn bạn vì đã trả lời rất nhanh và rõ ràng", "thanks"),
        ("Hay lắm, tạm biệt đồng chí.", "goodbye"),
        ("Danke schoen", "thanks"),
        ("Alles klar, the thoi nhe", "acknowledge"),
    ],
)
def test_thanks_and_farewells_said_at_length(message, intent):
    (reply,) = ask_json(message)
    assert reply["status"] == "smalltalk", reply
    assert reply["intents"] == [intent]


def test_a_total_of_the_staff_is_never_the_graduates_sum():
    """ "tổng số bao nhiêu cán bộ" names no degree: never 1.066 + 11 (asked back, or the staff)."""
    (reply,) = ask_json(
        "Kính hỏi, hiện nay toàn huyện Điện Biên Đông có tổng số bao nhiêu cán bộ, công chức?"
    )
    assert "1.077" not in reply["answer"]
    assert "university_degree_now" not in reply["intents"]


def test_sum_of_both_counted_in_comrades():
    replies = ask_json(
        "Bao nhiêu người được cử đi bồi dưỡng chức danh bí thư, phó bí thư xã, thị trấn?",
        "Còn bên Mặt trận Tổ quốc?",
        "Cộng cả hai là bao nhiêu đồng chí?",
        conversation="elder-sum",
    )
    assert replies[2]["intents"] == ["party_secretary_training", "mttq_chairs"]
    assert "19 + 6 = 25" in replies[2]["answer"]


def test_down_in_the_communes_is_the_commune_level():
    replies = ask_json(
        "Xin được biết có bao nhiêu đồng chí cấp huyện được học trung cấp lý luận chính trị?",
        "Còn dưới các xã thì thế nào?",
        conversation="elder-communes",
    )
    assert replies[1]["intents"] == ["intermediate_llct_commune"]


def test_a_value_the_last_answer_has_no_kind_of_goes_back_to_the_one_before():
    """ "còn đại học?" after how people are chosen (no degree in it): the master's, then this."""
    replies = ask_json(
        "Xin hỏi huyện cử bao nhiêu đồng chí đi học thạc sĩ?",
        "Học chuyên ngành gì?",
        "Còn đại học?",
        conversation="elder-back",
    )
    assert replies[2]["status"] == "answer", replies[2]
    assert replies[2]["intents"] == ["university_sent"]


def test_a_sum_read_out_rounded_is_the_sum_again():
    replies = ask_json(
        "cho chị các con số về cử cán bộ đi học lý luận chính trị",
        "cộng số trung cấp lại",
        "chị đọc là khoảng 350 được không",
        conversation="on-air",
    )
    last = replies[2]
    assert last["intents"] == ["intermediate_llct_district", "intermediate_llct_commune"]
    assert "làm tròn" in last["answer"] and "55 + 300 = 355" in last["answer"]
    assert "350" not in last["answer"]  # the bot never writes a figure the article lacks


def test_a_figure_near_one_part_is_that_part_not_the_sum():
    """ "hình như là 721" after 712 and 28 given together: the 712, not their 740 rounded."""
    replies = ask_json(
        "bao nhiêu người được cử đi học đại học và thạc sĩ",
        "cái đầu tiên ấy, hình như là 721 phải không?",
        conversation="near-a-part",
    )
    assert "làm tròn" not in replies[1]["answer"]
    assert "740" not in replies[1]["answer"]


def test_unmarked_spellings_that_the_kb_writes_otherwise_are_left_alone(responder):
    """bot/kb/tables.py with_unmarked: "tap huan" is only "tập huấn"; "nhieu nguoi" is also the
    KB's "nhiều người" (many), so the South's "nhiêu người" (how many) gets no unmarked key;
    "thay co" may be "thấy có", kept as typed (abbreviations.yaml unmarked_as_typed)."""
    tables = responder.kb.tables
    assert tables.unmarked is not None
    assert tables.unmarked.expansions[("tap", "huan")] == ("bồi", "dưỡng")
    assert tables.unmarked.expansions[("thay", "co", "giao")] == ("giáo", "viên")
    assert tables.unmarked.expansions[("thay", "co")] == ("thay", "co")
    assert ("nhieu", "nguoi") not in tables.unmarked.expansions
    assert ("nhiêu", "người") in tables.expansions


@pytest.mark.parametrize(
    "message",
    ["co duoc huyen tra tien khong?", "giao vien o day luong bao nhieu?"],
)
def test_money_asked_without_marks_is_never_said(message):
    """Who pays, what a teacher earns: the article never says, typed without marks too."""
    (reply,) = ask_json(message)
    assert reply["status"] == "fallback", reply
    assert reply["intents"] == []


def test_whose_article_after_its_date_is_its_writer():
    replies = ask_json(
        "bài này có bao nhiêu lượt xem", "đăng lúc mấy giờ", "của ai", conversation="whose"
    )
    assert replies[2]["intents"] == ["article_author"]
    quoted = ask_json("bài báo đăng ngày nào", "phỏng vấn ai?", conversation="whom")
    assert quoted[1]["intents"] == ["spokesperson"]  # whom it quotes: still the man quoted


def test_two_figures_pointed_at_are_summed_only_if_the_article_does():
    """ "tổng hai số đó" after the 712 sent to university and the 11 above it: those two, and
    no sum (they count different things) — never another pair's declared 740."""
    replies = ask_json(
        "bao nhiêu người được cử đi học đại học",
        "còn trên đại học hiện nay bao nhiêu",
        "Tổng hai số đó là bao nhiêu cán bộ?",
        conversation="pointed-pair",
    )
    assert replies[2]["intents"] == ["university_sent", "postgraduate_now"]
    assert "740" not in replies[2]["answer"] and "723" not in replies[2]["answer"]


def test_a_figure_read_out_rounded_after_one_answer_is_that_one():
    """ "làm tròn là khoảng 10 người nhỉ?" after the 11: the 11, though the article's 10 is the
    district's young leaders."""
    replies = ask_json(
        "hiện nay bao nhiêu người trên đại học",
        "Làm tròn là khoảng 10 người nhỉ?",
        conversation="rounded-one",
    )
    assert replies[1]["intents"] == ["postgraduate_now"]
    assert "làm tròn" in replies[1]["answer"] and "là 11" in replies[1]["answer"]
