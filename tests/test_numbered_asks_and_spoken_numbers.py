"""What the forty-first session's blind sets met — a journalist numbering her asks ("Q1: …
Q2: …", "(a) … (b) …"), asking one first and pointing back at them by label, a share asked of
the last figure "so với tổng", and a retired teacher dictating by voice (figures said in words,
"hai trăm chín tư", a long story before the question) — through `ask --json` (one chat:
`--conversation`), as a user meets them."""

from __future__ import annotations

import pytest
from conftest import ask_json


@pytest.mark.parametrize(
    "message",
    [
        "Q1: tong so can bo cong chuc. Q2: bao nhieu dang vien?",
        "câu 1: tổng số cán bộ? câu 2: số đảng viên?",
        "(a) tổng số cán bộ (b) số đảng viên",
        "(1) tổng số cán bộ công chức; (2) bao nhiêu đảng viên?",
    ],
)
def test_items_the_user_numbers_are_each_answered(message):
    (reply,) = ask_json(message)
    assert reply["intents"] == ["total_staff", "party_members"]


def test_a_single_label_is_still_read_past():
    (reply,) = ask_json("Câu 1: tổng số cán bộ là bao nhiêu?")
    assert reply["intents"] == ["total_staff"]


def test_item_marks_are_no_figures_asked():
    (reply,) = ask_json("Mình hỏi 3 câu: (a) 300 là gì (b) 55 là gì (c) 26 là gì")
    assert set(reply["intents"]) == {
        "intermediate_llct_commune",
        "intermediate_llct_district",
        "advanced_llct",
    }
    assert "không xuất hiện" not in reply["answer"]


@pytest.mark.parametrize(
    ("first", "then"),
    [
        ("mình có 2 câu: 1) tổng cbcc huyện 2) số đảng viên. trả lời câu 2 trước nha", "giờ câu 1"),
        ("Q1: how many cadres in total? Q2: how many party members? Answer Q2 first", "ok, Q1"),
    ],
)
def test_the_item_asked_first_is_answered_first_and_the_other_follows(first, then):
    asked, after = ask_json(first, then, conversation="first")
    assert asked["intents"] == ["party_members"]
    assert "điều thứ hai trước" in asked["answer"]
    assert after["intents"] == ["total_staff"]


def test_a_count_before_truoc_is_no_item_asked_first():
    (reply,) = ask_json("hai năm trước có bao nhiêu cán bộ")
    assert "điều thứ" not in reply["answer"]


@pytest.mark.parametrize(
    ("first", "then", "expected"),
    [
        (
            "1. ai là người phát biểu trong bài\n2. ai xây dựng kế hoạch đào tạo hàng năm",
            "cái đầu tiên, ổng tên đầy đủ là gì",
            ["spokesperson"],
        ),
        (
            "1. nhân sự đại hội Đảng các cấp có đáp ứng yêu cầu ko 2. sau đào tạo cán bộ được "
            "bổ nhiệm vào đâu",
            "còn câu 2 có hiệu trưởng trường học ko",
            ["promotions"],
        ),
        (
            "Q1: 1.066 là gì? Q2: 11 là gì?",
            "back to Q1, tính cả viên chức à?",
            ["university_degree_now"],
        ),
        (
            "Mình hỏi 3 câu: (a) 300 là gì (b) 55 là gì (c) 26 là gì",
            "(b) là cán bộ cấp nào?",
            ["intermediate_llct_district"],
        ),
    ],
)
def test_an_item_pointed_at_by_its_label_is_asked_about(first, then, expected):
    _, reply = ask_json(first, then, conversation="item")
    assert reply["intents"] == expected


def test_a_share_of_the_last_figure_against_the_whole_is_said_to_be_missing():
    _, reply = ask_json(
        "huyện có bao nhiêu người được cử đi học thạc sĩ?",
        "vậy tỉ lệ so với tổng CBCC là bao nhiêu?",
        conversation="share",
    )
    assert reply["intents"] == ["masters_sent", "total_staff"]
    assert reply["answer"].startswith("Bài viết không nêu tỷ lệ này")


def test_a_share_the_last_answer_states_is_that_answer_in_english_too():
    _, reply = ask_json(
        "Hiện nay bao nhiêu người có trình độ đại học?",
        "that's what percent of all staff?",
        conversation="pct-en",
    )
    assert reply["intents"] == ["university_degree_now"]
    assert "53,3 %" in reply["answer"]


@pytest.mark.parametrize(
    ("message", "expected"),
    [
        ("cái số hai trăm chín tư là gì", ["commune_staff"]),
        ("bai bao noi ve cai gi vay bn", ["article_summary"]),
        ("bài báo cháu đọc tên là gì", ["article_title"]),
        (
            "chào cháu bác năm nay sáu mươi tám tuổi rồi mắt kém không đọc được chữ nhỏ nên nhờ "
            "cháu con bác cũng đang làm công chức xã nên bác quan tâm ở Điện Biên Đông cấp xã thị "
            "trấn có bao nhiêu cán bộ công chức hả cháu",
            ["commune_staff"],
        ),
        (
            "xin chào cháu bác là người Hà Giang hôm qua họp chi bộ có người nhắc đến cái nghị "
            "quyết của huyện ủy Điện Biên Đông năm hai nghìn mười một mà bác không nhớ rõ cháu "
            "nói lại cho bác nghị quyết ấy về cái gì",
            ["resolution_03"],
        ),
        (
            "công chức xã học gì & mỗi năm ngành giáo dục được bồi dưỡng bao nhiêu lượt",
            ["commune_civil_servant_training", "education_sector"],
        ),
        (
            "Hàng năm bồi dưỡng bao nhiêu lượt viên chức giáo dục, với cả số người đi học đại học nữa",
            ["education_sector", "university_sent"],
        ),
        ("ông Thanh làm ở đâu", ["spokesperson"]),
    ],
)
def test_spoken_and_colloquial_questions_are_answered(message, expected):
    (reply,) = ask_json(message)
    assert reply["intents"] == expected


def test_an_age_asked_below_a_bound_is_still_a_figure():
    (reply,) = ask_json("cán bộ chủ chốt dưới ba mươi lăm tuổi ở cấp huyện có bao nhiêu người")
    assert reply["intents"] == ["young_leaders_district"]


@pytest.mark.parametrize(
    "message",
    ["10 cán bộ chủ chốt dưới 35 tuổi làm ở đâu", "lớp trung cấp chính trị làm ở đâu vậy"],
)
def test_where_people_work_or_classes_are_held_the_article_does_not_say(message):
    (reply,) = ask_json(message)
    assert reply["status"] == "fallback"


@pytest.mark.parametrize(
    ("message", "expected"),
    [
        ("(a) tổng số cán bộ là bao nhiêu?", ["total_staff"]),
        (
            "Đầu tiên trước hết cho mình hỏi tổng số cán bộ và số đảng viên",
            ["total_staff", "party_members"],
        ),
        ("cán bộ xã học gì, được bao nhiêu lượt", ["commune_cadre_training"]),
        ("công chức cấp xã được đào tạo gì, có bao nhiêu người", ["commune_staff"]),
    ],
)
def test_near_misses_of_the_new_readings_keep_their_old_answers(message, expected):
    (reply,) = ask_json(message)
    assert reply["intents"] == expected
    assert "điều thứ" not in reply["answer"]


def test_a_time_before_truoc_is_no_item_asked_first():
    (reply,) = ask_json("lần thứ hai trước đây huyện cử bao nhiêu người học đại học và thạc sĩ")
    assert "trước như bạn dặn" not in reply["answer"]


def test_a_new_question_opening_with_a_letter_after_a_list_is_still_that_question():
    _, reply = ask_json(
        "Mình hỏi 3 câu: (a) 300 là gì (b) 55 là gì (c) 26 là gì",
        "(b) tổng số cán bộ là bao nhiêu",
        conversation="letter",
    )
    assert reply["intents"] == ["total_staff"]


def test_a_share_beside_another_question_answers_both():
    _, reply = ask_json(
        "bao nhiêu người học thạc sĩ",
        "tỉ lệ đảng viên so với tổng là bao nhiêu, và ai viết bài?",
        conversation="share2",
    )
    assert reply["intents"] == ["party_members", "article_author"]


def test_the_level_before_another_place_stays_asked():
    _, reply = ask_json(
        "cán bộ xã Hà Giang có bao nhiêu người", "thế điện biên đông", conversation="lvl"
    )
    assert reply["intents"] == ["commune_staff"]


def test_a_name_asked_of_people_the_article_does_not_name_is_not_the_title():
    (reply,) = ask_json("Ai được bổ nhiệm làm hiệu trưởng sau khi đào tạo, tên là gì?")
    assert "article_title" not in reply["intents"]


def test_the_articles_district_after_another_places_refusal_is_answered():
    _, reply = ask_json(
        "tỉnh hà giang có bao nhiêu cán bộ công chức", "thế điện biên đông", conversation="place"
    )
    assert reply["intents"] == ["total_staff"]


@pytest.mark.parametrize(
    ("first", "again", "expected"),
    [
        ("Trước đây cán bộ xã huyện mình như thế nào", "nói lại dễ hiểu hơn", ["past_weakness"]),
        ("Sau đào tạo cán bộ tốt lên thế nào", "nói lại ngắn thôi", ["training_effects"]),
        (
            "tôi hỏi 2 cái: 1 là bao nhiêu đảng viên, 2 là bao nhiêu người có trình độ đại học",
            "cái 2 nói lại đi, tôi chưa hiểu",
            ["university_degree_now"],
        ),
    ],
)
def test_asked_again_more_simply_the_same_facts_come_again(first, again, expected):
    _, reply = ask_json(first, again, conversation="again")
    assert reply["intents"] == expected


@pytest.mark.parametrize(
    ("message", "expected"),
    [
        ("có bao nhiêu đản viên", ["party_members"]),
        ("ngừoi viết bài tên gi", ["article_author"]),
        (
            "Trung cấp chính trị: số người?",
            ["intermediate_llct_district", "intermediate_llct_commune"],
        ),
        (
            "Hôm nay trời mưa to, đường lên bản sạt lở, tôi ngồi ở ủy ban đọc báo trên điện thoại. "
            "Bài này ai là người đưa ý kiến, ông ấy làm chức gì?",
            ["spokesperson"],
        ),
    ],
)
def test_a_second_language_speakers_questions_are_answered(message, expected):
    (reply,) = ask_json(message)
    assert reply["intents"] == expected


def test_a_time_the_asker_wants_figures_for_still_refuses():
    (reply,) = ask_json("Tôi cần số liệu năm ngoái. Điện Biên Đông có bao nhiêu đảng viên?")
    assert reply["status"] == "fallback"


def test_two_just_given_summed_when_typed_without_marks():
    *_, reply = ask_json(
        "cao cap llct bn nguoi", "con trung cap cap huyen", "cong 2 cai lai", conversation="sum"
    )
    assert reply["intents"] == ["advanced_llct", "intermediate_llct_district"]
    assert "81" in reply["answer"]


@pytest.mark.parametrize(
    ("turns", "expected"),
    [
        (
            [
                "Cho tui hỏi số cán bộ chủ chốt dưới 35 tuổi",
                "cấp xã",
                "lộn rồi, ý tui là cấp huyện",
            ],
            ["young_leaders_district"],
        ),
        (
            [
                "Có bao nhiêu người được bồi dưỡng quản lý nhà nước?",
                "lộn rồi, ý tui là cấp xã thôi",
            ],
            ["qlnn_commune_key"],
        ),
        (
            ["bao nhiêu người học đại học và thạc sĩ?", "thứ hai là bao nhiêu người"],
            ["masters_sent"],
        ),
        (
            ["bao nhiêu người học đại học và thạc sĩ?", "cái thứ hai hiện nay thì sao"],
            ["masters_sent"],
        ),
        (
            ["bao nhiêu người học đại học và thạc sĩ?", "(a) là 712 đúng không?"],
            ["university_sent"],
        ),
        (
            ["Có bao nhiêu người học đại học?", "what percent of the total?"],
            ["university_sent", "total_staff"],
        ),
        (["bao nhiêu người học thạc sĩ", "bạn không hiểu tôi rồi"], ["acknowledge"]),
    ],
)
def test_corrections_ordinals_and_shares_after_an_answer(turns, expected):
    *_, reply = ask_json(*turns, conversation="after")
    assert reply["intents"] == expected


@pytest.mark.parametrize(
    "message",
    [
        "Ở Hà Giang cán bộ yếu lắm. Theo bài báo ở đó có bao nhiêu thạc sĩ?",
        "Tỉnh Lào Cai đã cử 500 người đi học. Theo bài thì bao nhiêu?",
        "Tôi hỏi về Mường Lay. 1) có bao nhiêu cán bộ? 2) bao nhiêu đảng viên?",
    ],
)
def test_a_question_pointing_back_at_another_place_is_still_refused(message):
    (reply,) = ask_json(message)
    assert reply["status"] == "fallback"


@pytest.mark.parametrize(
    "message",
    [
        "MTTQ là gì dzậy?",
        "Đảng viên là gì, muốn vô Đảng thì làm sao?",
        "Trung cấp lý luận chính trị là học cái gì?",
    ],
)
def test_what_a_word_means_in_general_the_article_does_not_say(message):
    (reply,) = ask_json(message)
    assert reply["status"] == "fallback"
    assert "khái niệm" in reply["answer"]


@pytest.mark.parametrize(
    ("message", "expected"),
    [
        ("Nghị quyết 03 là gì", ["resolution_03"]),
        ("nghị quyết là gì", ["resolution_03"]),
        ("mục tiêu là gì", ["training_goal"]),
    ],
)
def test_the_articles_own_things_asked_what_they_are_are_answered(message, expected):
    (reply,) = ask_json(message)
    assert reply["intents"] == expected


@pytest.mark.parametrize(
    ("message", "expected", "figure"),
    [
        (
            "Đúng hay sai: Huyện Điện Biên Đông có 249 cán bộ, công chức cấp xã, thị trấn.",
            ["commune_staff"],
            "294",
        ),
        (
            "Đúng hay sai: Huyện đã cử 62 cán bộ cấp huyện đi học cao cấp lý luận chính trị.",
            ["advanced_llct"],
            "26",
        ),
    ],
)
def test_a_true_or_false_item_is_checked_against_the_article(message, expected, figure):
    (reply,) = ask_json(message)
    assert reply["intents"] == expected
    assert figure in reply["answer"]
