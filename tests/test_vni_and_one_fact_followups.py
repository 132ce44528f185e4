"""Words typed in VNI with the input method off ("ca1n bo65", "d9u7o75c"), the same question
word twice in one breath, "chính trị" after a course, a bare "a" closing an unmarked question,
counts of "đại học", a follow-up that one fact of a three-fact answer settles, a sum that names
one part by its figure, greetings in Korean, a wish to the paper and laughter — through `ask
--json`, as a user meets them, beside look-alikes that must keep their reading."""

from __future__ import annotations

import pytest
from conftest import ask_json

from bot.answer import Responder
from bot.unvni import decoded, unvni


@pytest.mark.parametrize(
    ("message", "expected"),
    [
        ("ca1n bo65 ca61p xa4 co1 bn ngu7o72i", ["commune_staff"]),
        ("nghi5 quye61t 03 ban ha2nh na8m na2o", ["resolution_03"]),
        ("ai la2 ngu7o72i pha1t bie63u trong ba2i", ["spokesperson"]),
        ("mu5c tie6u dda2o ta5o ca1n bo65 la2 gi2", ["training_goal"]),
        # a course and its theory said short; the same "mấy người" twice in one breath
        (
            "Huyện cử bao nhiêu người học cao cấp và trung cấp chính trị?",
            ["advanced_llct", "intermediate_llct_district", "intermediate_llct_commune"],
        ),
        (
            "cán bộ huyện học cao cấp chính trị mấy người học chương trình chuyên viên mấy người",
            ["advanced_llct", "qlnn_specialist"],
        ),
        # a lecturer's tiers and grades, an elder's "above the bachelor's"
        (
            "Lớp lãnh đạo trẻ, chưa đến 35 tuổi, ở tầng huyện có bao nhiêu người?",
            ["young_leaders_district"],
        ),
        (
            "Có bao nhiêu người ở tầng huyện đã qua lớp ngạch chuyên viên về quản lý hành chính?",
            ["qlnn_specialist"],
        ),
        ("Có mấy người học cao hơn bậc cử nhân rồi cháu?", ["postgraduate_now"]),
        # "ạ" typed bare after the question word
        ("can bo cap huyen hoc trung cap LLCT co bao nhieu a?", ["intermediate_llct_district"]),
        ("so nguoi tren dai hoc bay gio la may a", ["postgraduate_now"]),
        # "đại học" counted; a part named by its own figure in a sum
        (
            "cán bộ hiện nay: bao nhiêu đại học, bao nhiêu trên đại học, bao nhiêu đảng viên?",
            ["university_degree_now", "postgraduate_now", "party_members"],
        ),
        (
            "Cộng 115 cán bộ học QLNN chuyên viên với số người học cao cấp chính trị thì ra bao nhiêu?",
            ["qlnn_specialist", "advanced_llct"],
        ),
    ],
)
def test_typed_otherwise_and_run_together_are_answered(message, expected):
    (reply,) = ask_json(message)
    assert (reply["status"], reply["intents"]) == ("answer", expected)


def test_a_question_typed_in_vni_gets_the_reply_of_the_marked_one():
    typed, marked = ask_json(
        "bao nhie6u ngu7o72i d9u7o75c cu73 d9i ho5c tha5c si4?",
        "bao nhiêu người được cử đi học thạc sĩ?",
    )
    assert typed["intents"] == marked["intents"] == ["masters_sent"]
    assert typed["answer"] == marked["answer"]


@pytest.mark.parametrize(
    ("message", "status", "intents"),
    [
        # one question word, however many cues: never cut in two
        ("How many of the staff are Party members?", "answer", ["party_members"]),
        ("Người đứng ra phát biểu trong bài là ai?", "answer", ["spokesperson"]),
        # a share out of 1.999 is no part named by its figure
        (
            "Gộp số người có bằng đại học và trên đại học hiện nay thì chiếm bao nhiêu phần trăm "
            "trên 1.999?",
            "answer",
            ["university_degree_now", "postgraduate_now"],
        ),
        # "dài bao nhiêu trang": no count of the article's
        ("nghị quyết 03 có bao nhiêu điều, dài bao nhiêu trang?", "fallback", []),
        # a total claimed with one part's figure is still the whole group's
        (
            "tổng số người học trung cấp lý luận chính trị có phải là 55 không?",
            "answer",
            ["intermediate_llct_district", "intermediate_llct_commune"],
        ),
        (
            "cộng 21 với số cán bộ huyện dưới 35 tuổi bằng bao nhiêu",
            "answer",
            ["young_leaders_district", "young_leaders_commune"],
        ),
        ("người Việt Nam có bao nhiêu đảng viên", "fallback", []),
        ("Is the journalist Phong Vân a man or a woman?", "clarify", []),
        ("kk cảm ơn bạn", "smalltalk", ["thanks"]),
        ("안녕하세요", "smalltalk", ["greet"]),
        ("Chúc báo ngày càng phát triển!", "smalltalk", ["wishes"]),
    ],
)
def test_look_alikes_keep_their_reading(message, status, intents):
    (reply,) = ask_json(message)
    assert (reply["status"], reply["intents"]) == (status, intents)


def test_a_part_of_one_fact_of_three_is_answered_after_them():
    meaning, part = ask_json("1.999 là số gì?", "trong đó bao nhiêu ở xã?", conversation="one-of-3")
    assert meaning["intents"] == ["total_staff", "university_degree_now", "party_members"]
    assert (part["status"], part["intents"]) == ("answer", ["commune_staff"])


def test_a_part_named_beside_takes_every_value_the_follow_up_names():
    _, degree = ask_json(
        "1.999 là số gì?", "xã có bao nhiêu người có bằng đại học?", conversation="no-part"
    )
    assert degree["status"] != "answer"  # the article counts no commune's degrees
    _, share = ask_json(
        "how many party members are there?", "what is their share?", conversation="share"
    )
    assert (share["status"], share["intents"]) == ("answer", ["party_members"])


def test_vni_words_are_written_out_and_codes_stay_as_typed():
    tables = Responder.load().kb.tables
    assert decoded("d9u7o75c", tables.vni) == "được"
    assert decoded("ngu7o7i2", tables.vni) == "người"
    assert decoded("Ca61p", tables.vni) == "Cấp"
    assert decoded("covid19", tables.vni) is None  # no syllable
    assert decoded("nq03", tables.vni) is None  # 0 marks nothing
    assert unvni("bao nhie6u ngu7o72i", tables) == "bao nhiêu người"
    for text in (
        "lớp 12a1 có ai bị covid19 không",
        "mã k12",
        "lan2",  # one word alone: a name or a code
        "hi2 xin chào",
        "phòng A1 và A2 ở đâu",  # a letter and its number
        "cau1 bao nhieu dang vien cau2 bao nhieu can bo xa",  # items numbered alike
        "câu1: huyện có bao nhiêu cán bộ? câu2: ai là trưởng ban?",  # typed with its marks
    ):
        assert unvni(text, tables) == text
