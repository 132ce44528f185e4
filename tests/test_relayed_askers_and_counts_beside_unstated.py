"""A question a host or an editor passes on ("Thính giả ở xã … hỏi …"), the article named
alone before what is asked ("quay lại bài: …"), a count answered beside an attribute the
article never gives, a second clause asking whether the article gives a figure at all, what the
asker forgot then asks, a total of the topic just given, a share of a whole the question names,
a message of no words — through `ask --json`, as a user meets them, with the look-alikes that
must keep their reading."""

from __future__ import annotations

import pytest
from conftest import ask_json

TRAINING_FOCUS = [
    "district_level_training",
    "commune_cadre_training",
    "commune_civil_servant_training",
]


@pytest.mark.parametrize(
    ("message", "expected"),
    [
        (
            "Thính giả hỏi cán bộ cấp xã được tập trung đào tạo những gì ạ?",
            ["commune_cadre_training"],
        ),
        (
            "thinh gia o xa Phi Nhu hoi huyen Dien Bien Dong hien co bao nhieu can bo cong chuc",
            ["total_staff"],
        ),
        # a story first, then whom the question is from (a place the article never names)
        (
            "Chào bạn, mới đầu giờ mà điện thoại reo liên tục. Chú Quàng Văn Lả ở xã Chiềng Sơ "
            "hỏi sau khi đi học về thì cán bộ có được đề bạt lên làm lãnh đạo không?",
            ["promotions"],
        ),
        (
            "Xin chào, tôi dẫn chuyên mục Chính quyền cơ sở. Anh Lầu A Sua ở xã Keo Lôm đang làm "
            "công chức xã, anh hỏi công chức cấp xã được tập trung đào tạo về mặt nào?",
            ["commune_civil_servant_training"],
        ),
    ],
)
def test_a_question_passed_on_is_answered_as_asked(message, expected):
    (reply,) = ask_json(message)
    assert (reply["status"], reply["intents"]) == ("answer", expected)


@pytest.mark.parametrize(
    "message",
    [
        # "bà con … thì hỏi ai": the question itself (out of the article), never "ai đấy?"
        "Bà con bản tôi muốn vay vốn trồng cà phê thì hỏi ai đấy?",
        "Bà con ở bản tôi muốn vay vốn trồng cà phê thì hỏi ai đấy?",
    ],
)
def test_people_who_ask_inside_another_question_are_no_relay(message):
    (reply,) = ask_json(message)
    assert reply["status"] == "fallback"


@pytest.mark.parametrize(
    ("message", "expected"),
    [
        ("Ông Thanh ở Ban Tổ chức huyện ủy hỏi ai?", ["spokesperson"]),
        ("Chủ tịch MTTQ ở các cấp được hỏi ý kiến không", ["mttq_chairs"]),
    ],
)
def test_a_title_or_an_office_before_hoi_is_no_asker(message, expected):
    (reply,) = ask_json(message)
    assert reply["intents"] == expected


@pytest.mark.parametrize(
    "message",
    [
        "thôi em hỏi bài này, lớp chuyên viên quản lý nhà nước cho cán bộ huyện mấy người",
        "bài: bí thư, phó bí thư xã đi bồi dưỡng chức danh mấy người",
    ],
)
def test_the_article_named_alone_asks_nothing(message):
    (reply,) = ask_json(message)
    assert reply["status"] == "answer"
    assert "article_source" not in reply["intents"]


def test_what_the_article_is_about_still_asks_beside_another_question():
    (reply,) = ask_json("Bài này nói về chuyện gì, ai viết?")
    assert sorted(reply["intents"]) == ["article_author", "article_summary"]


def test_a_count_asked_beside_where_it_was_studied_is_answered_and_the_rest_told_unstated():
    (reply,) = ask_json("bao nhiêu người đi học thạc sĩ và họ học ở trường nào?")
    assert (reply["status"], reply["intents"]) == ("answer", ["masters_sent"])
    assert "28" in reply["answer"]
    assert "không nói về nơi học" in reply["answer"]


def test_who_was_appointed_and_their_names_stay_unstated():
    # "ai …, tên gì": no one is named, so no answer is given as if it were
    (reply,) = ask_json("ai được bổ nhiệm làm hiệu trưởng, tên gì")
    assert reply["status"] == "fallback"


def test_whether_the_article_gives_a_figure_at_all_is_no_question_of_its_own():
    (reply,) = ask_json(
        "cụ thể bao nhiêu người học xong được lên hiệu trưởng? có số ko hay nói chung chung"
    )
    assert reply["status"] == "fallback"
    assert reply["intents"] == []


@pytest.mark.parametrize(
    ("message", "expected"),
    [
        ("huyện có bao nhiêu đảng viên? Có số cụ thể không?", ["party_members"]),
        ("cán bộ xã học gì? có số liệu không", ["commune_cadre_training"]),
    ],
)
def test_whether_a_figure_is_given_leaves_an_answered_question_answered(message, expected):
    (reply,) = ask_json(message)
    assert (reply["status"], reply["intents"]) == ("answer", expected)


def test_what_the_district_trains_its_staff_in_gives_every_level():
    (reply,) = ask_json("huyện tập trung đào tạo cán bộ về cái gì vậy? nói rõ ra")
    assert reply["status"] == "answer"
    assert sorted(reply["intents"]) == sorted(TRAINING_FOCUS)


def test_which_cadres_are_trained_is_not_what_they_are_trained_in():
    (reply,) = ask_json("đào tạo cán bộ nào")
    assert sorted(reply["intents"]) != sorted(TRAINING_FOCUS)


def test_the_writer_of_the_article_by_name():
    (reply,) = ask_json("người viết ra bài này tên là gì")
    assert reply["intents"] == ["article_author"]


def test_secretaries_counted_are_no_day_of_the_week():
    (reply,) = ask_json("MTTQ mấy người, bí thư phó bí thư mấy người?")
    assert sorted(reply["intents"]) == ["mttq_chairs", "party_secretary_training"]


def test_views_after_two_figures_are_the_views_not_their_sum():
    replies = ask_json(
        "cán bộ chủ chốt dưới 35 tuổi cấp huyện có bao nhiêu?",
        "cấp xã thì sao",
        "tổng lượt xem bao nhiêu",
        conversation="views-after-two",
    )
    assert replies[-1]["intents"] == ["article_views"]
    assert "10 + 21" not in replies[-1]["answer"]


@pytest.mark.parametrize(
    "message",
    [
        "Xin chào, tôi đọc bài này trên báo mà quên ai viết. Tác giả là ai rứa?",
        "chào bot, mình đọc bài mà không thấy ai viết. tác giả bài là ai vậy",
    ],
)
def test_what_the_asker_forgot_then_asks_is_one_question(message):
    (reply,) = ask_json(message)
    assert (reply["status"], reply["intents"]) == ("answer", ["article_author"])


def test_a_forgotten_figure_beside_another_question_is_no_answer_to_it():
    (reply,) = ask_json("tôi đọc bài mà quên số đảng viên. Bài đăng ngày nào?")
    assert reply["intents"] == ["article_date"]


def test_a_total_of_the_topic_just_given_sums_those_figures():
    replies = ask_json(
        "ĐBĐ: cao cấp LLCT 26, TC LLCT huyện 55, xã 300 - đúng?",
        "tổng LLCT?",
        conversation="theory-total",
    )
    assert sorted(replies[-1]["intents"]) == [
        "advanced_llct",
        "intermediate_llct_commune",
        "intermediate_llct_district",
    ]
    assert "381" in replies[-1]["answer"]
    assert "168" not in replies[-1]["answer"]  # the holders of a theory degree, another fact


def test_the_whole_staff_after_degrees_is_still_the_whole():
    replies = ask_json(
        "bao nhiêu người học thạc sĩ",
        "còn đại học",
        "tổng số cán bộ công chức bao nhiêu",
        conversation="whole-after-degrees",
    )
    assert replies[-1]["intents"] == ["total_staff"]


@pytest.mark.parametrize("message", ["?", "...", "🤡🤡🤡"])
def test_a_message_with_no_words_is_told_to_ask(message):
    (reply,) = ask_json(message)
    assert reply["status"] == "fallback"
    assert "Bạn chưa nhập câu hỏi" in reply["answer"]


def test_a_thumbs_up_is_still_an_acknowledgement():
    (reply,) = ask_json("👍")
    assert (reply["status"], reply["intents"]) == ("smalltalk", ["acknowledge"])


def test_the_centre_s_which_man():
    (reply,) = ask_json("Ông mô đứng ra nói chuyện với nhà báo trong bài rứa?")
    assert reply["intents"] == ["spokesperson"]


def test_a_share_of_the_commune_staff_names_them_as_the_whole():
    (reply,) = ask_json(
        "Cán bộ chủ chốt cấp xã dưới 35 tuổi chiếm bao nhiêu phần trăm tổng số CBCC cấp xã?"
    )
    assert sorted(reply["intents"]) == ["commune_staff", "young_leaders_commune"]
    assert "1.999" not in reply["answer"].split("\n")[0]  # the article gives no such share


def test_two_things_asked_then_why_they_are_asked():
    (reply,) = ask_json("Cho tôi nguồn báo và tên tác giả để trích dẫn.")
    assert sorted(reply["intents"]) == ["article_author", "article_source"]
