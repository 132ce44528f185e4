"""Follow-ups the thirty-ninth session's blind sets met — a level asked after a fact of the other
level ("huyện bn?"), whom the last answer names ("chuẩn hóa là chuẩn hóa ai?"), what it says
("bồi dưỡng về cái gì?"), "shorter" — and messages said in one go: "cả 2 cấp" counts levels, no
unknown figure; a question repeated by its own words after a few opening words; a programme the
article never names — through `ask --json` (one chat: `--conversation`), as a user meets them."""

from __future__ import annotations

import pytest
from conftest import ask_json


@pytest.mark.parametrize(
    ("follow_up", "intent"),
    [("huyện bn", "young_leaders_district"), ("vậy cấp xã", "young_leaders_commune")],
)
def test_a_level_asked_after_both_levels_summed(follow_up, intent):
    first, reply = ask_json(
        "cộng số cán bộ chủ chốt dưới 35 cả 2 cấp giùm", follow_up, conversation="levels"
    )
    assert first["intents"] == ["young_leaders_district", "young_leaders_commune"]
    assert "31" in first["answer"]
    assert reply["intents"] == [intent]


def test_the_district_asked_after_the_communes_figure():
    _, reply = ask_json(
        "cấp xã có bao nhiêu cán bộ chủ chốt dưới 35", "huyện bao nhiêu", conversation="huyen"
    )
    assert reply["intents"] == ["young_leaders_district"]


def test_whom_the_last_answer_names_is_asked_of_it_not_of_the_speaker():
    _, reply = ask_json("mục tiêu đào tạo là gì", "chuẩn hóa là chuẩn hóa ai?", conversation="ai")
    assert reply["intents"] == ["training_goal"]
    _, said = ask_json("mục tiêu đào tạo là gì", "ai nói vậy?", conversation="ai-noi")
    assert said["intents"] == ["spokesperson"]


def test_what_the_training_just_given_was_about_is_that_fact():
    _, reply = ask_json(
        "chủ tịch mttq đi bồi dưỡng mấy người", "bồi dưỡng về cái j", conversation="mttq"
    )
    assert reply["intents"] == ["mttq_chairs"]


def test_shorter_again_is_the_summary_again():
    first, reply = ask_json("tóm tắt bài", "ngắn hơn nữa, 1 câu thôi", conversation="short")
    assert reply["intents"] == first["intents"] == ["article_summary"]


def test_a_question_repeated_after_opening_words_asks_both():
    (reply,) = ask_json("bây giờ bao nhiêu người có bằng đại học bao nhiêu người trên đại học")
    assert reply["intents"] == ["university_degree_now", "postgraduate_now"]


@pytest.mark.parametrize(
    "question",
    [
        "có ai học chương trình chuyên viên cao cấp không bao nhiêu người",
        "bao nhiêu người học chuyên viên chính",
    ],
)
def test_a_programme_the_article_never_names_is_not_the_specialist_course(question):
    (reply,) = ask_json(question)
    assert reply["status"] == "fallback"
    assert "chuyên viên cao cấp" in reply["answer"]


def test_the_specialist_course_itself_is_still_answered():
    (reply,) = ask_json("bao nhiêu người học chương trình chuyên viên")
    assert reply["intents"] == ["qlnn_specialist"]


def test_so_i_forgot_is_no_request_for_advice():
    (reply,) = ask_json(
        "ok t đọc bài rồi mà đọc lướt quá nên ko nhớ, sorry. có đoạn nói bồi dưỡng chức danh bí "
        "thư với phó bí thư xã, là bao nhiêu người á?"
    )
    assert reply["intents"] == ["party_secretary_training"]


@pytest.mark.parametrize(
    "question", ["thi công chức cần học gì", "tôi có nên đi học thạc sĩ không"]
)
def test_advice_is_still_declined(question):
    (reply,) = ask_json(question)
    assert reply["status"] == "fallback"
    assert "không hướng dẫn" in reply["answer"]


def test_or_below_an_age_asks_the_young_leaders():
    _, reply = ask_json("số 10 với 21 là j", "tuổi bao nhiêu trở xuống", conversation="tuoi")
    assert reply["intents"] == ["young_leaders_district", "young_leaders_commune"]


def test_people_who_came_to_read_are_the_views():
    (reply,) = ask_json("bài này có bao nhiêu người vào xem rồi")
    assert reply["intents"] == ["article_views"]


@pytest.mark.parametrize(
    ("first", "follow_up", "intents"),
    [
        (
            "tóm tắt bài báo",
            "đào tạo gì?",
            ["district_level_training", "commune_cadre_training", "commune_civil_servant_training"],
        ),
        ("bao nhiêu lượt viên chức giáo dục được bồi dưỡng", "huyện bn", ["education_sector"]),
        ("huyện có bao nhiêu cán bộ", "theo ai?", ["spokesperson"]),
        ("huyện có bao nhiêu cán bộ", "số liệu này ai đưa ra", ["spokesperson"]),
    ],
)
def test_follow_ups_that_stay_as_they_were(first, follow_up, intents):
    _, reply = ask_json(first, follow_up, conversation="stay")
    assert reply["intents"] == intents


@pytest.mark.parametrize(
    "question",
    [
        "bồi dưỡng chương trình chuyên viên chính xác là bao nhiêu người",
        "can bo chu chot thi do tuoi duoi 35 co bao nhieu nguoi",
    ],
)
def test_words_that_only_look_like_an_unstated_ask(question):
    (reply,) = ask_json(question)
    assert reply["status"] == "answer"


def test_courses_counted_are_not_in_the_article():
    (reply,) = ask_json("huyện có 3 khóa trung cấp lý luận đúng không")
    assert reply["status"] == "fallback"


def test_a_new_question_after_an_ask_back_is_read_as_it_stands():
    _, reply = ask_json("vay thi em biet cai gi", "bài này nói về gì", conversation="new-q")
    assert reply["intents"] == ["article_summary"]


@pytest.mark.parametrize(
    "question",
    [
        "cộng 2 số cán bộ chủ chốt trẻ dưới 35 tuổi (huyện, xã) lại giúp chị",
        "Total số người dưới 35 tuổi làm cán bộ chủ chốt ở ĐBĐ (huyện + xã)?",
    ],
)
def test_both_levels_in_brackets(question):
    (reply,) = ask_json(question)
    assert reply["intents"] == ["young_leaders_district", "young_leaders_commune"]


def test_how_two_figures_differ_is_both():
    *_, reply = ask_json(
        "cử đi học đại học bao nhiêu người",
        "số người có bằng đại học bây giờ?",
        "hai so do khac nhau sao vay",
        conversation="differ",
    )
    assert reply["intents"] == ["university_sent", "university_degree_now"]


def test_an_item_then_a_question_of_its_own():
    (reply,) = ask_json(
        "Hiện có bao nhiêu người trình độ đại học, trên đại học, và bao nhiêu đảng viên?"
    )
    assert reply["intents"] == ["university_degree_now", "postgraduate_now", "party_members"]


@pytest.mark.parametrize(
    ("question", "intent"),
    [
        ("ngay truoc can bo xa the nao", "past_weakness"),
    ],
)
def test_typed_bare(question, intent):
    (reply,) = ask_json(question)
    assert reply["intents"] == [intent]


@pytest.mark.parametrize(
    "question",
    [
        "Tôi muốn xác nhận vài số liệu về đào tạo LLCT:\n(a) cao cấp;\n(b) trung cấp cấp huyện;\n"
        "(c) trung cấp cấp xã.",
        "Cho hỏi 3 số liệu: (a) cao cấp LLCT; (b) trung cấp LLCT cấp huyện; (c) trung cấp LLCT "
        "cấp xã.",
    ],
)
def test_items_labelled_by_letters(question):
    (reply,) = ask_json(question)
    assert reply["intents"] == [
        "advanced_llct",
        "intermediate_llct_district",
        "intermediate_llct_commune",
    ]


def test_an_item_pointed_at_by_its_letter():
    _, second, third = ask_json(
        "Tôi muốn xác nhận vài số liệu về đào tạo LLCT: (a) cao cấp; (b) trung cấp cấp huyện; "
        "(c) trung cấp cấp xã.",
        "ý b",
        "Còn ý (c): con số đó gồm cả công chức cấp xã hay chỉ cán bộ?",
        conversation="letters",
    )
    assert second["intents"] == ["intermediate_llct_district"]
    assert third["intents"] == ["intermediate_llct_commune"]


def test_a_slip_is_no_label():
    (reply,) = ask_json("mụcc tiêu đào tạo lag gì")
    assert reply["intents"] == ["training_goal"]


def test_which_field_after_a_degree_is_not_in_the_article():
    _, reply, after = ask_json(
        "Huyện cử bao nhiêu người đi học thạc sĩ?",
        "Ngành gì?",
        "Thế đại học?",
        conversation="nganh",
    )
    assert reply["status"] == "fallback"
    assert after["intents"] == ["university_sent"]


def test_the_papers_section_is_not_in_the_article():
    (reply,) = ask_json("Được đăng trong chuyên mục nào của báo?")
    assert reply["status"] == "fallback"
    assert "chuyên mục" in reply["answer"]


def test_a_slip_in_the_districts_name_is_still_the_district():
    (reply,) = ask_json("huyen Điện Biên Đônh có bao nhiu cán bộ công chúc?")
    assert reply["intents"] == ["total_staff"]
    (other,) = ask_json("huyện Điện Biên có bao nhiêu cán bộ")
    assert other["status"] == "fallback"


def test_levels_before_the_next_question_stay_with_it():
    (reply,) = ask_json("Có bao nhiêu cán bộ cấp huyện, cấp xã, và bao nhiêu người dưới 35 tuổi?")
    assert reply["intents"] == ["young_leaders_district", "young_leaders_commune"]


def test_letters_inside_one_question_are_no_list():
    (reply,) = ask_json("Cho hỏi số người (a) học đại học và (b) học thạc sĩ?")
    assert reply["intents"] == ["university_sent", "masters_sent"]


@pytest.mark.parametrize(
    ("follow_up", "status", "intents"),
    [
        ("ý thứ hai học ngành gì?", "fallback", []),
        ("ý thứ hai em muốn hỏi thêm: ai phát biểu?", "answer", ["spokesperson"]),
        ("ý e là cả hai", "answer", ["university_sent", "masters_sent"]),
    ],
)
def test_an_item_pointed_at_then_asked_apart(follow_up, status, intents):
    _, reply = ask_json("Bao nhiêu người học đại học, thạc sĩ?", follow_up, conversation="apart")
    assert reply["status"] == status
    assert reply["intents"] == intents


def test_why_two_figures_differ_so_much_is_still_a_why():
    _, reply = ask_json(
        "cán bộ chủ chốt dưới 35 tuổi cấp huyện, cấp xã bao nhiêu",
        "khác nhau sao nhiều vậy?",
        conversation="why",
    )
    assert "không nói về lý do" in reply["answer"]


def test_the_sentence_just_before_is_not_the_past():
    _, reply = ask_json("Huyện có bao nhiêu cán bộ?", "nhac lai cau ngay truoc", conversation="rep")
    assert reply["intents"] != ["past_weakness"]
