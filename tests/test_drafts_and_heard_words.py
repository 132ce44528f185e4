"""What the fifty-second session's blind sets met — a sub-editor checking a draft against the
article ("… là 12 hay 21?", "Bài gốc ghi thế nào?"), a speaker whose l and n merge ("thế lào",
"nàm", "nượt"), a part the asker already has ("huyện có 55 người rồi, còn …"), the other answer
that only says nothing changed ("… ko hay vẫn thế") — through `ask --json`, as a user meets them."""

from __future__ import annotations

import pytest
from conftest import ask_json

from bot.kb import load_knowledge
from bot.respelling import respelled


@pytest.mark.parametrize(
    ("message", "expected"),
    [
        # the figures offered as the answer's alternatives: the one the article gives answers
        ("Cán bộ chủ chốt dưới 35 tuổi ở cấp xã là 12 hay 21?", ["young_leaders_commune"]),
        ("NQ 03 ra năm 2011 hay 2012?", ["resolution_03"]),
        # a greeting and who speaks ("BTV đây": the editor, not the standing committee) before it
        (
            "Xin chào, BTV đây. Cán bộ chủ chốt dưới 35 tuổi ở cấp xã là 12 hay 21?",
            ["young_leaders_commune"],
        ),
        # "Bài gốc ghi thế nào?" after a draft's claim: what the article says of that claim
        (
            "Chào anh chị, em là CTV, bản thảo của em ghi 11 người trình độ tiến sĩ. Bài gốc ghi "
            "thế nào ạ?",
            ["postgraduate_now"],
        ),
        # a claim's "đúng chưa?" read apart leaves no empty question behind the introduction
        (
            "Chào, mình ở tòa soạn, bản thảo viết 'bồi dưỡng QLNN cho 182 lượt người giữ chức "
            "danh chủ chốt cấp xã'. Đúng chưa?",
            ["qlnn_commune_key"],
        ),
        # l and n merged, as a Northwest speaker types: the article's words read
        (
            "mục tiêu đào tạo nà gì và họ chọn người đi học thế lào",
            ["training_goal", "selection_criteria"],
        ),
        ("ai viết bài này đăng ngày lào", ["article_author", "article_date"]),
        ("số người nàm nhà nước ở dưới sã với thị chấn nà bao nhiêu", ["commune_staff"]),
        # a part stated as had is not given again; the rest asked is
        (
            "115 chuyên viên cấp huyện thì mình có rồi; còn QLNN cho chủ chốt xã với bồi dưỡng "
            "chuyên môn nghiệp vụ là bao nhiêu lượt mỗi cái?",
            ["qlnn_commune_key", "professional_training"],
        ),
        ("cấp huyện có 10 cán bộ trẻ, còn cấp xã thì sao?", ["young_leaders_commune"]),
        # the other answer that only says nothing changed asks nothing of its own
        ("Học xong thì đc lên chức j ko hay vẫn ngồi chỗ cũ?", ["promotions"]),
        ("đào tạo xong bọn họ làm việc có ra hồn hơn ko hay vẫn thế", ["training_effects"]),
    ],
)
def test_a_sub_editors_and_a_northwest_speakers_questions(message, expected):
    (reply,) = ask_json(message)
    assert reply["status"] == "answer", reply
    assert reply["intents"] == expected


def test_a_figure_guessed_at_is_told_what_it_counts_and_what_the_article_never_says():
    """ "11 người là sao, tiến sĩ à?": the article counts no doctorates; its 11 hold degrees
    above a bachelor's — both said, the 11's fact answered."""
    (reply,) = ask_json("11 người là sao, tiến sĩ à?")
    assert reply["status"] == "answer", reply
    assert reply["intents"] == ["postgraduate_now"]
    first, rest = reply["answer"].split("\n", 1)
    assert "tiến sĩ" in first and first.startswith("Bài viết không nói")
    assert "11 người có trình độ trên đại học" in rest


@pytest.mark.parametrize(
    "message",
    [
        "28 người học thạc sĩ học chuyên ngành gì?",  # their majors, never given
        "Tên của 19 người đi bồi dưỡng chức danh bí thư là gì?",  # their names
    ],
)
def test_what_the_article_never_gives_of_a_figure_is_still_refused(message):
    (reply,) = ask_json(message)
    assert reply["status"] == "fallback", reply
    assert reply["intents"] == []


def test_a_name_written_with_a_capital_is_no_word_heard():
    """ "bên Lào Cai": a province, never "bên nào" — the message is read (and refused) as the
    province it names, and answering never recurses on it."""
    (reply,) = ask_json("Huyện Si Ma Cai bên Lào Cai có bao nhiêu cán bộ xã?")
    assert reply["status"] == "fallback", reply
    assert "Lào Cai" in reply["question"]


def test_a_yes_no_question_whose_other_answer_names_a_fact_keeps_both():
    """ "…, hay vẫn cử người đi học bừa?": the other answer is the article's own fact."""
    (reply,) = ask_json(
        "Kế hoạch đào tạo đã duyệt có được làm nghiêm không, hay vẫn cử người đi học bừa?"
    )
    assert reply["intents"] == ["no_mass_training"]


def test_out_of_how_many_after_a_share_is_the_same_fact():
    """ "trên bao nhiêu người" after the party members: what they are out of, not "trên đại
    học"."""
    replies = ask_json(
        "bao nhiêu người nà đảng viên", "trên bao nhiêu người", conversation="out-of-how-many"
    )
    assert [r["intents"] for r in replies] == [["party_members"], ["party_members"]]


@pytest.mark.parametrize(
    ("message", "intent"),
    [("hehe", "compliment"), ("giỏi thế", "compliment"), ("mày cũng khôn phết đấy", "compliment")],
)
def test_laughter_and_praise_are_smalltalk(message, intent):
    (reply,) = ask_json(message)
    assert reply["status"] == "smalltalk", reply
    assert reply["intents"] == [intent]


@pytest.mark.parametrize(
    ("message", "expected"),
    [
        # the communes' staff left out by name: what remains of the whole, with both figures
        (
            "Không tính đám cán bộ xã thì huyện còn bn cán bộ công chức?",
            ["total_staff", "commune_staff"],
        ),
        # a ratio's other side named bare after "gấp mấy lần": the district's level
        (
            "xã học trung cấp chính trị gấp mấy lần huyện?",
            ["intermediate_llct_district", "intermediate_llct_commune"],
        ),
        # "số đt đại học": still the number sent to university, not a phone number
        ("số đt đại học bao nhiêu", ["university_sent"]),
    ],
)
def test_a_remainder_a_ratio_and_a_shorthand(message, expected):
    (reply,) = ask_json(message)
    assert reply["status"] == "answer", reply
    assert reply["intents"] == expected


@pytest.mark.parametrize(
    ("message", "said"),
    [
        ("Số đt ban tổ chức huyện ủy là gì?", "liên lạc"),
        ("Trước ông Thanh thì ai làm trưởng ban tổ chức huyện ủy?", "ngoài ông Ngô Văn Thanh"),
        ("Phong Vân có phỏng vấn ai khác ngoài ông Thanh không?", "ngoài ông Ngô Văn Thanh"),
        ("hết 2020 thì huyện có nghị quyết mới không", "sau năm 2020"),
    ],
)
def test_what_the_article_never_says_of_its_people_and_its_resolution(message, said):
    (reply,) = ask_json(message)
    assert reply["status"] == "fallback", reply
    assert said in reply["answer"].split("\n", 1)[0]


def test_a_run_on_question_after_how_is_a_second_question():
    """ "… yếu thế nào giờ thì chọn người đi học ra sao": "thế nào" ends the first question."""
    (reply,) = ask_json("trước đây cán bộ yếu thế nào giờ thì chọn người đi học ra sao")
    assert reply["intents"] == ["past_weakness", "selection_criteria"]


@pytest.mark.parametrize(
    ("message", "expected"),
    [
        # a letter the regex folds to another ("ſ" as "s"): respelled, never a crash
        ("chọn người đi học ra ſao lào", ["selection_criteria"]),
        # typed all in capitals: a shout, not names
        ("MỤC TIÊU ĐÀO TẠO NÀ GÌ", ["training_goal"]),
        # a part stated with a grouped figure ("1.800") is as had as one without
        (
            "Giáo dục 1.800 lượt thì mình có rồi; còn QLNN cho chủ chốt xã với bồi dưỡng chuyên "
            "môn nghiệp vụ là bao nhiêu lượt mỗi cái?",
            ["qlnn_commune_key", "professional_training"],
        ),
        # "hay là" offers the other answer as "hay" does
        ("đào tạo xong làm việc có ra hồn hơn ko hay là vẫn thế", ["training_effects"]),
    ],
)
def test_respelling_and_known_parts_at_their_edges(message, expected):
    (reply,) = ask_json(message)
    assert reply["status"] == "answer", reply
    assert reply["intents"] == expected


def test_laos_written_in_lower_case_is_left_as_it_is():
    """ "bên lào" may be Laos, next door to Điện Biên: never respelled "bên nào"."""
    tables = load_knowledge().tables
    assert respelled("cử sang bên lào học", tables) == "cử sang bên lào học"
    assert respelled("chẻ nhỏ số liệu giúp mình", tables) == "chẻ nhỏ số liệu giúp mình"
    assert respelled("bài đăng ngày lào", tables) == "bài đăng ngày nào"
