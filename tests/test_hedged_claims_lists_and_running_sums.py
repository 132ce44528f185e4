"""Figures checked loosely ("gần 2.000", "khoảng 2 nghìn", "2000 cán bộ" — a count, no year),
lists announced before or after a colon ("Xin 3 số của cấp huyện: …", "…: cho tôi cả bốn con
số"), sums of what the chat was just given ("Tổng cộng.", "cộng hết lại", "tổng cả ba con số
trên"), and follow-ups that ask a count, a share or a level of the last answer — through `ask
--json` (one chat: `--conversation`), as a user meets them."""

from __future__ import annotations

import pytest
from conftest import ask_json

MISSING = "Bài viết không có con số bạn nêu"


@pytest.mark.parametrize(
    ("asked", "fact"),
    [
        ("huyện có 2000 cán bộ đúng không", "total_staff"),  # a count of a unit, never a year
        ("có phải huyện có khoảng 5 nghìn cán bộ không", "total_staff"),
        ("Nghe nói thực ra chỉ có 600 đảng viên thôi, bài báo ghi bao nhiêu?", "party_members"),
    ],
)
def test_a_loose_figure_the_article_lacks_is_checked_against_its_one_fact(asked, fact):
    (reply,) = ask_json(asked)
    assert (reply["status"], reply["intents"]) == ("answer", [fact])
    assert reply["answer"].startswith(MISSING)


@pytest.mark.parametrize(
    ("asked", "fact"),
    [
        ("huyện có gần 2000 cán bộ công chức phải ko", "total_staff"),
        ("có phải huyện có khoảng 2 nghìn cán bộ không", "total_staff"),
        (
            "Bài này bảo huyện có gần 2.000 cán bộ công chức phải không, chính xác là bao nhiêu?",
            "total_staff",
        ),
        ("khoảng 2 nghìn cán bộ thì mấy người là đảng viên, đúng ko", "party_members"),
    ],
)
def test_a_rounded_figure_near_the_article_s_is_the_article_s(asked, fact):
    # "gần 2000" is the article's 1.999 (bot/rounding.py): no figure said to be missing
    (reply,) = ask_json(asked)
    assert (reply["status"], reply["intents"]) == ("answer", [fact])
    assert not reply["answer"].startswith(MISSING)
    assert "1.999" in reply["answer"]


def test_a_rounded_figure_to_be_confirmed_is_the_article_s():
    (reply,) = ask_json(
        "Tôi nhớ trong bài là có khoảng 700 người được cử đi học đại học, bạn xác nhận giúp con "
        "số chính xác là bao nhiêu?"
    )
    assert reply["intents"] == ["university_sent"]
    assert reply["answer"].startswith("Con số 712 có trong bài")


def test_a_figure_written_with_a_word_for_thousand_is_the_article_s():
    (reply,) = ask_json("nghe nói có 1,8 nghìn lượt bồi dưỡng đúng không")
    assert reply["intents"] == ["education_sector"]
    assert reply["answer"].startswith("Con số 1.800 có trong bài")


def test_a_year_of_no_count_stays_a_year_out_of_scope():
    (reply,) = ask_json("năm 2020 có 800 đảng viên, đúng không?")
    assert reply["status"] == "fallback"
    assert "không có số liệu cho năm bạn hỏi" in reply["answer"]


@pytest.mark.parametrize(
    ("asked", "facts"),
    [
        (
            "Xin 3 số của cấp huyện: học trung cấp LLCT, học cao cấp LLCT, bồi dưỡng QLNN "
            "chương trình chuyên viên.",
            ["intermediate_llct_district", "advanced_llct", "qlnn_specialist"],
        ),
        (
            "Tổng số cán bộ công chức, số có trình độ đại học, số trên đại học và số đảng viên: "
            "cho tôi cả bốn con số để đưa vào báo cáo.",
            ["total_staff", "university_degree_now", "postgraduate_now", "party_members"],
        ),
        (
            "Tính giúp tổng số cán bộ cấp huyện đã qua các lớp: chương trình chuyên viên, cao "
            "cấp LLCT và trung cấp LLCT.",
            ["qlnn_specialist", "advanced_llct", "intermediate_llct_district"],
        ),
    ],
)
def test_every_item_of_a_list_around_a_colon_is_answered(asked, facts):
    (reply,) = ask_json(asked)
    assert reply["status"] == "answer"
    assert reply["intents"] == facts


def test_an_english_frame_inside_the_question_is_read_past():
    (reply,) = ask_json(
        "Good morning, I'm a researcher studying local governance in northwest Vietnam and my "
        "Vietnamese is limited. According to this article, how many officials were sent for "
        "university training?"
    )
    assert (reply["status"], reply["intents"]) == ("answer", ["university_sent"])


def test_a_quiz_stem_with_long_choices_asks_its_stem():
    (reply,) = ask_json(
        "Câu 6: Mục tiêu đào tạo được nêu trong bài là gì? A. Tăng lương B. Chuẩn hóa đội ngũ "
        "hiện có và bồi dưỡng lực lượng kế cận C. Giảm biên chế D. Tuyển dụng mới"
    )
    assert (reply["status"], reply["intents"]) == ("answer", ["training_goal"])


def test_a_denial_of_a_figure_is_checked_against_the_fact_it_names():
    # "làm gì có" (there cannot be) asks nothing of what 712 means: 712 is also the party members
    (reply,) = ask_json("làm gì có 712 người được cử đi học đại học")
    assert reply["intents"] == ["university_sent"]


def test_a_total_after_three_figures_given_at_once_takes_all_three():
    listed, summed = ask_json(
        "Cho tôi ba số liệu: số cử đi đại học, số đào tạo thạc sĩ, số cán bộ cấp huyện được "
        "bồi dưỡng chương trình chuyên viên.",
        "Tổng cộng.",
        conversation="three",
    )
    assert listed["intents"] == ["university_sent", "masters_sent", "qlnn_specialist"]
    assert summed["intents"] == listed["intents"]
    assert "không đưa ra tổng" in summed["answer"]  # no sum the article declares


def test_adding_everything_up_takes_the_two_answers_in_a_row():
    *_, summed = ask_json(
        "giáo viên được bồi dưỡng bao nhiêu lượt một năm",
        "còn người giữ chức danh chủ chốt cấp xã học quản lý nhà nước",
        "cộng hết lại",
        conversation="all",
    )
    assert summed["intents"] == ["education_sector", "qlnn_commune_key"]


def test_adding_everything_up_after_a_pair_takes_every_figure_given():
    *_, summed = ask_json(
        "cao cap llct may nguoi", "con trung cap?", "cong het lai", conversation="every"
    )
    assert set(summed["intents"]) == {
        "advanced_llct",
        "intermediate_llct_district",
        "intermediate_llct_commune",
    }
    assert "26 + 55 + 300 = 381" in summed["answer"]


def test_a_formal_request_to_sum_the_three_figures_above():
    *_, summed = ask_json(
        "Đề nghị cung cấp số cán bộ được học trung cấp lý luận chính trị.",
        "cấp xã",
        "Còn số cử đi học cao cấp lý luận chính trị?",
        "Đề nghị tính tổng cả ba con số trên.",
        conversation="formal",
    )
    assert set(summed["intents"]) == {
        "advanced_llct",
        "intermediate_llct_district",
        "intermediate_llct_commune",
    }


def test_taking_up_a_number_of_people_asks_a_count_not_a_share():
    _, part = ask_json("huyện có bao nhiêu cán bộ", "xã chiếm bao nhiêu người", conversation="c")
    assert part["intents"] == ["commune_staff"]
    assert "tỷ lệ" not in part["answer"]


def test_a_share_asked_as_a_favour_is_the_share_of_the_last_answer():
    _, share = ask_json(
        "hiện nay toàn huyện có bao nhiêu cán bộ có trình độ đại học?",
        "tính tỉ lệ phần trăm giúp em",
        conversation="share",
    )
    assert share["intents"] == ["university_degree_now"]
    assert "53,3 %" in share["answer"]


def test_going_back_to_the_question_just_answered_reads_against_it():
    whom, back = ask_json(
        "bồi dưỡng QLNN chương trình chuyên viên là cho ai",
        "quay lại câu lúc nãy, đó là cán bộ cấp huyện hay cấp xã",
        conversation="back",
    )
    assert (whom["status"], whom["intents"]) == ("answer", ["qlnn_specialist"])
    assert back["intents"] == ["qlnn_specialist"]


def test_the_other_level_named_with_its_people_switches_the_level():
    _, district = ask_json(
        "can bo xa hoc trung cap chinh tri may nguoi", "can bo huyen", conversation="level"
    )
    assert district["intents"] == ["intermediate_llct_district"]


def test_what_the_article_never_says_is_no_pick_among_the_options_offered():
    offered, where = ask_json("can bo huyen", "hoc o dau", conversation="where")
    assert offered["status"] == "clarify"  # one option is where cadres are appointed
    assert where["status"] == "fallback"
    assert where["answer"].startswith("Bài viết không nói về nơi học")


@pytest.mark.parametrize(
    "asked", ["nhà báo viết bài này có thiên vị huyện không", "bài này có đáng tin không"]
)
def test_whether_the_article_can_be_trusted_is_a_judgement_never_made(asked):
    (reply,) = ask_json(asked)
    assert reply["status"] == "fallback"
    assert reply["answer"].startswith("Mình không đưa ra ý kiến hay đánh giá riêng")


def test_a_figure_doubted_beside_a_judgement_is_still_checked():
    (reply,) = ask_json(
        "Tôi thấy bài báo chém gió, làm gì có chuyện 300 cán bộ xã đi học trung cấp chính trị, "
        "bài ghi thế thật à?"
    )
    assert reply["intents"] == ["intermediate_llct_commune"]
    assert reply["answer"].startswith("Con số 300 có trong bài")


@pytest.mark.parametrize(
    ("asked", "fact"),
    [
        ("có phải 712 người là đảng viên không", "party_members"),
        ("có 712 người được cử đi học đại học à", "university_sent"),
        ("huyện có 1.999 cán bộ đúng không", "total_staff"),  # its own count, not a share's whole
    ],
)
def test_a_figure_claimed_of_its_own_fact_is_confirmed(asked, fact):
    (reply,) = ask_json(asked)
    assert reply["intents"] == [fact]
    assert reply["answer"].startswith("Con số")


@pytest.mark.parametrize(
    ("asked", "fact"),
    [
        ("huyện có khoảng 2.100 cán bộ hả", "total_staff"),  # not 2020, a year
        ("khoảng 120 lượt người được bồi dưỡng qlnn chủ chốt xã đúng không", "qlnn_commune_key"),
        ("nghị quyết 03 ban hành tầm 2012 phải không", "resolution_03"),  # not 2011, rounded
    ],
)
def test_a_rounded_figure_is_only_ever_the_asked_fact_s_own(asked, fact):
    (reply,) = ask_json(asked)
    assert reply["intents"] == [fact]
    assert reply["answer"].startswith(MISSING)


@pytest.mark.parametrize(
    ("asked", "fact"),
    [
        (
            "Huyện có bao nhiêu cán bộ công chức? A. 1.999 B. 294 C. 712 D. Không có thông tin",
            "total_staff",
        ),
        (
            "Tác giả bài báo là ai? A. Ngô Văn Thanh B. Phong Vân C. Không rõ là ai",
            "article_author",
        ),
    ],
)
def test_a_quiz_whose_last_choice_asks_is_still_a_quiz(asked, fact):
    (reply,) = ask_json(asked)
    assert reply["intents"] == [fact]
