"""Telex typed with the input method off ("soos 115 laf gif"), a radio host's relayed questions
("Thính giả ở xã Pú Nhi hỏi …"), the asker's own plan beside the article's district, a
retirement told before a question, a coming congress, an overseas reader's words ("quận",
"nhân viên chính phủ"), a figure the article gives apart from the one before — through `ask
--json`, as a user meets them, beside look-alikes that must keep their reading (English, Hmong,
another commune asked of, a year asked)."""

from __future__ import annotations

import pytest
from conftest import ask_json


@pytest.mark.parametrize(
    ("message", "expected"),
    [
        # telex: what a figure is, two asks joined by "và", a sum, a follow-up's words
        ("soos 115 laf gif", ["qlnn_specialist"]),
        ("nawm 2011 trong baif laf gif", ["resolution_03"]),
        ("baif nayf ai vieets, ddawng ngayf naof", ["article_author", "article_date"]),
        (
            "caaps huyeenj bao nhieeu nguwowif ddi hocj cao caaps vaf bao nhieeu hocj trung "
            "caaps chinhs trij",
            ["advanced_llct", "intermediate_llct_district"],
        ),
        # "bao nhieeu", "chuyeen vieen": no tone key, told by the word beside
        (
            "cans booj caaps huyeenj hocj chuyeen vieen maays nguwowif, conf cao caaps chinhs "
            "trij maays",
            ["qlnn_specialist", "advanced_llct"],
        ),
        ("hocj xong thif ho cos ddc leen chuwcs khoong", ["promotions"]),
        # a radio host relays a listener's question, named and placed in the district
        (
            "Một bạn nghe đài ở xã Na Son nhắn tin về chương trình hỏi là trong số cán bộ công "
            "chức của huyện thì riêng cấp xã, thị trấn có bao nhiêu người ạ?",
            ["commune_staff"],
        ),
        ("bác Ón ở Keo Lôm hỏi nghị quyêt 03 ban hành năm nào vạy", ["resolution_03"]),
        ("thinh gia Ca Van Thang hoi bao nhieu nguoi di dao tao thac si", ["masters_sent"]),
        ("Thính giả ở xã Pú Nhi hỏi số đảng viên", ["party_members"]),
        (
            "Thính giả hỏi số cán bộ cấp huyện và số cán bộ, công chức cấp xã được học trung cấp "
            "lý luận chính trị lần lượt là bao nhiêu ạ?",
            ["intermediate_llct_district", "intermediate_llct_commune"],
        ),
        # the asker's own plan, then the article's district
        (
            "Bên mình đang định cử 10 người học cao cấp LLCT, Điện Biên Đông cử bao nhiêu người?",
            ["advanced_llct"],
        ),
        # a retirement told: its year is the asker's
        (
            "Chào bạn, tôi nghỉ hưu từ năm 2005 nên không rõ tình hình gần đây. Hiện nay huyện có "
            "tổng cộng bao nhiêu cán bộ, công chức?",
            ["total_staff"],
        ),
        ("Có bạn nghe đài hỏi: người chấp bút bài báo này tên là gì ạ?", ["article_author"]),
    ],
)
def test_telex_relays_and_plans_are_answered(message, expected):
    (reply,) = ask_json(message)
    assert (reply["status"], reply["intents"]) == ("answer", expected)


@pytest.mark.parametrize(
    ("message", "status", "says"),
    [
        # English and Hmong keep their words: no telex read into them
        ("Nyob zoo, koj yog leej twg? bạn là ai", "smalltalk", ""),
        (
            "How many people were trained for the job of commune Party chief or deputy chief?",
            "answer",
            "19 người",
        ),
        # a commune asked of, a year asked: still refused
        ("Ở xã Na Son có bao nhiêu cán bộ?", "fallback", "chỉ nói về huyện Điện Biên Đông"),
        ("Tôi nghỉ hưu từ năm 2005, năm 2005 huyện có bao nhiêu cán bộ?", "fallback", "năm"),
        # a congress to come: the article announces none
        ("Đại hội Đảng bộ huyện Điện Biên Đông khóa tới tổ chức vào tháng nào?", "fallback", ""),
        # the place the relayed question is asked of, pointed back at: still refused
        ("Cháu ở Mường Luân hỏi xã cháu có mấy đảng viên", "fallback", "chỉ nói về huyện"),
        ("Cử tri xã Na Son hỏi xã có bao nhiêu cán bộ", "fallback", "chỉ nói về huyện"),
        # what the article does say of a coming congress; slang and English left as typed
        ("Chuẩn bị nhân sự cho đại hội nhiệm kỳ tới thế nào?", "answer", "đại hội"),
        ("sax 712 dang vien", "answer", "712 người là đảng viên"),
        ("Em từ nãy giờ hỏi mãi mà bot không trả lời", "fallback", ""),
    ],
)
def test_look_alikes_keep_their_reading(message, status, says):
    (reply,) = ask_json(message)
    assert reply["status"] == status
    assert says in reply["answer"]


def test_an_answer_split_into_its_facts_on_request():
    total, split = ask_json(
        "Tổng số người được cử đi đào tạo đại học và thạc sĩ là bao nhiêu?",
        "Tách riêng từng loại.",
        conversation="split",
    )
    assert total["intents"] == split["intents"] == ["university_sent", "masters_sent"]
    assert "740" in total["answer"] and "712" in split["answer"] and "28" in split["answer"]


def test_a_figure_named_in_a_name_gets_its_one_fact_without_a_list():
    (reply,) = ask_json("nghij quyeets 03 veef caais gif")
    assert reply["intents"] == ["resolution_03"]
    assert reply["answer"].startswith("Năm 2011")  # no bullet for a list of one


def test_the_askers_own_figure_never_said_gets_no_gap_between_the_articles():
    both, mine = ask_json(
        "bao nhiêu cán bộ học trung cấp lý luận chính trị?",
        "vậy bên mình hơn mấy người?",
        conversation="own",
    )
    assert len(both["intents"]) == 2
    assert "Chênh lệch" not in mine["answer"]


@pytest.mark.parametrize(
    ("message", "expected"),
    [
        # an overseas reader's words: "quận" for the district, "nhân viên chính phủ" for its staff
        (
            "Chào bạn, mình là người Việt ở Cali, đọc bài này không hiểu lắm. Quận Điện Biên Đông "
            "có bao nhiêu nhân viên chính phủ vậy?",
            ["total_staff"],
        ),
        ("Bao nhiêu nhân viên chính phủ ở đó là đảng viên cộng sản?", ["party_members"]),
        ("huyện có bao nhiêu người đang làm cán bộ, công chức?", ["total_staff"]),
        # the asker's own year, told
        (
            "Năm ngoái tôi được cử đi học trung cấp lý luận chính trị. Cấp xã có bao nhiêu người "
            "được học trung cấp như tôi?",
            ["intermediate_llct_commune"],
        ),
        ("“trong đó có 294 cán bộ, công chức” - 294 là của cấp nào?", ["commune_staff"]),
    ],
)
def test_an_overseas_reader_and_one_who_studied_are_answered(message, expected):
    (reply,) = ask_json(message)
    assert (reply["status"], reply["intents"]) == ("answer", expected)


@pytest.mark.parametrize(
    "message",
    [
        "Năm ngoái huyện cử bao nhiêu người đi học?",
        "năm ngoái chị ơi có bao nhiêu người học đại học?",
    ],
)
def test_a_year_asked_of_the_district_is_still_refused(message):
    (reply,) = ask_json(message)
    assert reply["status"] == "fallback" and "năm bạn hỏi" in reply["answer"]


def test_a_figure_given_apart_from_the_one_before_is_said_to_be_no_part_of_it():
    staff, studied = ask_json(
        "cấp xã có bao nhiêu cán bộ công chức?",
        "trong đó bao nhiêu người đi học trung cấp chính trị?",
        conversation="apart",
    )
    assert staff["intents"] == ["commune_staff"]
    assert studied["intents"] == ["intermediate_llct_commune"]
    assert studied["answer"].startswith("Bài viết không chia con số trên ra từng phần")
    sent, teachers = ask_json(
        "Có bao nhiêu người được cử đi học đại học?",
        "trong đó giáo viên bao nhiêu?",
        conversation="no-part",
    )
    assert sent["intents"] == ["university_sent"]
    assert teachers["status"] == "fallback"  # nothing of the level given apart: no split
    _, commune = ask_json(
        "bao nhiêu người đi bồi dưỡng chức danh bí thư?",
        "trong đó bao nhiêu người cấp xã?",
        conversation="trained",
    )
    assert commune["status"] == "fallback"  # a course's count is no headcount to set apart from


def test_a_follow_up_typed_bare_keeps_its_words():
    _, qlnn = ask_json(
        "boi duong chuyen mon nghiep vu cho bao nhieu luot nguoi?",
        "con quan ly nha nuoc cho chuc danh chu chot cap xa?",
        conversation="bare",
    )
    assert qlnn["intents"] == ["qlnn_commune_key"]
