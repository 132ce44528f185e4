"""Words spelled as an accent says them, told by the word beside ("chung cấp chính chị", "nhà
lước", "phần chăm", "cáng bộ"), the South's spellings ("dzậy", "bao nhiu"), an old asker calling
the bot "cháu", a "test", a statistician's table shorthand ("cấp H", "cấp X"), the one who spoke
to the press, "lệch nhau bao nhiêu" and a stage said once for a whole list — through `ask
--json`, as a user meets them, beside look-alikes that must keep their words ("ý chị", "đồng
chí", "mười lăm", "tks bn nhiu", "nên báo cho ai", "Dạ em cảm ơn")."""

from __future__ import annotations

import pytest
from conftest import ask_json


@pytest.mark.parametrize(
    ("message", "expected"),
    [
        # an accent's initials and finals, told by the pair the article says
        ("bao nhiêu người học cao cấp với chung cấp chính chị?", None),
        ("thế đảng viên chiếm mấy phần chăm?", ["party_members"]),
        ("Có bao nhiêu cáng bộ công chức cả huyện?", ["total_staff"]),
        ("Cả huyện người nàm nhà lước ăn lương có bao nhiêu?", ["total_staff"]),
        ("Con xố 294 nói về cái gì?", ["commune_staff"]),
        # the South's spellings
        ("1.066 là cái gì dzậy, chú đọc hông hiểu", ["university_degree_now"]),
        ("Huyện có bao nhiêu cán bộ công chức, trong đó cấp xã là nhiu?", None),
        # a statistician's columns
        (
            "Mình cần số liệu cho bảng đào tạo LLCT: trung cấp LLCT cấp X bao nhiêu người?",
            ["intermediate_llct_commune"],
        ),
        (
            "Tổng số bồi dưỡng QLNN (chuyên viên cấp H + chủ chốt cấp X)?",
            ["qlnn_specialist", "qlnn_commune_key"],
        ),
        # the one who spoke to the press is the one quoted; the journalist who wrote is the author
        ("Ông nào đứng ra nói chuyện với nhà báo về chuyện đào tạo?", ["spokesperson"]),
        ("Ai là nhà báo viết bài này?", ["article_author"]),
        # an official's and a texter's shorthand
        (
            "Đề nghị liệt kê giúp tôi số liệu đào tạo LLCT để đưa vào báo cáo: cao cấp, trung "
            "cấp cấp huyện, trung cấp cấp xã.",
            ["advanced_llct", "intermediate_llct_district", "intermediate_llct_commune"],
        ),
        ("huyện đb đông có bn cb cc?", ["total_staff"]),
        ("Tên người ký ở cuối bài là ai thế?", ["article_author"]),
        # two figures that differ by how many
        (
            "Số đang có trình độ trên ĐH và số được cử học ThS, lệch nhau bao nhiêu?",
            ["postgraduate_now", "masters_sent"],
        ),
        # "hiện nay" said once for every item of a list
        (
            "SL trình độ ĐH, SL trình độ LLCT, SL đảng viên hiện nay?",
            ["university_degree_now", "llct_level_now", "party_members"],
        ),
    ],
)
def test_accents_and_table_shorthand_are_answered(message, expected):
    (reply,) = ask_json(message)
    assert reply["status"] == "answer"
    if expected is None:  # every part asked, however the parts are listed
        assert len(reply["intents"]) >= 2
    else:
        assert reply["intents"] == expected


def test_the_two_courses_typed_with_an_accent_read_as_typed_right():
    heard, spelled = ask_json(
        "bao nhiêu người học cao cấp với chung cấp chính chị?",
        "bao nhiêu người học cao cấp với trung cấp chính trị?",
    )
    assert heard["intents"] == spelled["intents"]
    assert heard["answer"] == spelled["answer"]


@pytest.mark.parametrize(
    ("message", "intent"),
    [
        ("test", "greet"),
        ("Cháu có phải người thật không hả?", "who_are_you"),
    ],
)
def test_small_talk_of_an_old_or_polite_asker(message, intent):
    (reply,) = ask_json(message)
    assert (reply["status"], reply["intents"]) == ("smalltalk", [intent])


@pytest.mark.parametrize(
    ("message", "status", "intents"),
    [
        # "chị" is a pronoun, "đồng chí" a comrade, "mười lăm" fifteen: never respelled
        ("ý chị là cái 712 đảng viên kia", "answer", ["party_members"]),
        (
            "Dưới cơ sở xã có được bao nhiêu đồng chí chủ chốt còn trẻ, chưa tới ba mươi lăm tuổi?",
            "answer",
            ["young_leaders_commune"],
        ),
        # thanks, "nhiu" for nhiều: no count asked
        ("tks bn nhiu", "smalltalk", ["thanks"]),
        # wanting to talk to the journalist who wrote it; another district; a report to file;
        # thanks said politely; what the staff are paid
        ("Tôi muốn nói chuyện với nhà báo viết bài này", "answer", ["article_author"]),
        ("cấp xã ở huyện Điện Biên có bao nhiêu cán bộ", "fallback", []),
        ("nên báo cho ai", "smalltalk", ["help"]),
        ("Dạ em cảm ơn", "smalltalk", ["thanks"]),
        ("người làm nhà nước ăn lương có đủ sống không", "fallback", []),
        # the subjects of a course are nothing the article lists
        ("Trung cấp lý luận chính trị học những môn gì?", "fallback", []),
        # a list item naming no count of its own takes no stage from the rest
        ("28 người học thạc sĩ ở trường nào, which university?", "fallback", []),
        ("Bài có nói tỉ lệ cán bộ xã đạt chuẩn năm 2018 không? bao nhiêu %?", "fallback", []),
    ],
)
def test_look_alikes_keep_their_words(message, status, intents):
    (reply,) = ask_json(message)
    assert (reply["status"], reply["intents"]) == (status, intents)
