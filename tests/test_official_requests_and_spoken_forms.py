"""An official's request ("Căn cứ bài viết, …", "Đề nghị báo cáo số …", "…: số liệu cụ thể?",
"…, đề nghị cho biết"), dialect and voice typing ("mấy ổng … mất mấy năm", "bao nhiêu suất",
"cái số sáu người ấy", "… kể cho các cụ nghe có bao nhiêu …"), a count asked of what the
article never gives, a yes-no question
joined to another by "và", a share of the figure just given, and a bot command typed where no
client reads it — through `ask --json`, as a user meets them, beside look-alikes that must keep
their reading."""

from __future__ import annotations

import pytest
from conftest import ask_json


@pytest.mark.parametrize(
    ("message", "expected"),
    [
        # "on the basis of the article": the article named, not its summary asked
        ("Căn cứ bài báo, huyện có bao nhiêu đảng viên?", ["party_members"]),
        ("Số CBCC cấp xã, thị trấn theo bài báo?", ["commune_staff"]),
        # a report or a cross-check requested: the figure
        ("Đề nghị báo cáo số người được đào tạo thạc sĩ.", ["masters_sent"]),
        ("Cần đối chiếu số CBCC toàn huyện mà bài báo nêu.", ["total_staff"]),
        ("Tác giả bài này là ai, đề nghị cho biết", ["article_author"]),
        (
            "Cán bộ chủ chốt dưới 35 tuổi: số liệu cụ thể?",
            ["young_leaders_district", "young_leaders_commune"],
        ),
        # places on a course, and who attends one
        ("Cán bộ huyện được đi học cao cấp chính trị mấy suất?", ["advanced_llct"]),
        (
            "Số học viên trung cấp lý luận chính trị?",
            ["intermediate_llct_district", "intermediate_llct_commune"],
        ),
        # a figure said in words, named as a figure
        ("cái số sáu người ấy là những ai", ["mttq_chairs"]),
        # what the asker tells someone, then the question (voice typing, no marks)
        (
            "cô đang tìm hiểu để kể cho bà con trong thôn nghe có bao nhiêu cán bộ là đảng viên",
            ["party_members"],
        ),
        # a greeting, a preamble, the question, then thanks
        (
            "Hi bạn, mình đang làm bài tập về cán bộ vùng cao, bài này ai viết vậy? Thanks nha",
            ["article_author"],
        ),
        # two yes-no questions joined by "và"
        (
            "đi học về có được đề bạt không và đại hội đảng người được bầu có đạt yêu cầu không",
            ["promotions", "congress_personnel"],
        ),
        # the district's state-management programme named: that one
        ("bồi dưỡng chuyên viên quản lý nhà nước cho bao nhiêu người?", ["qlnn_specialist"]),
        # "… trở lên" inside a share asked: both degrees
        ("tỷ lệ có trình độ đại học trở lên?", ["university_degree_now", "postgraduate_now"]),
        (
            "Cộng tất cả số người được cử đi học đại học, thạc sĩ?",
            ["university_sent", "masters_sent"],
        ),
    ],
)
def test_requests_and_spoken_forms_are_answered(message, expected):
    (reply,) = ask_json(message)
    assert (reply["status"], reply["intents"]) == ("answer", expected)


@pytest.mark.parametrize(
    ("message", "unstated"),
    [
        # "mấy ổng" (those men) asks no count: how long they studied, which the article never says
        ("Mấy ổng học thạc sĩ mất mấy năm mới xong vậy?", "thời gian"),
        # a count of the sector the clause before names, which the article does not count
        ("ngành y tế có được bồi dưỡng không, bao nhiêu lượt?", "ngành"),
        # party members counted by level: only the district's whole is given
        ("riêng cấp xã có bao nhiêu cán bộ là đảng viên", "từng cấp"),
        # what a course covers
        ("Lớp bồi dưỡng chức danh bí thư xã gồm những nội dung gì?", "nội dung chương trình"),
    ],
)
def test_what_the_article_never_gives_is_said_so(message, unstated):
    (reply,) = ask_json(message)
    assert reply["status"] == "fallback"
    assert unstated in reply["answer"].splitlines()[0]


def test_a_figure_in_words_the_article_lacks_is_said_so():
    (reply,) = ask_json("số năm người là những ai")
    assert reply["status"] == "fallback"
    assert "không có con số" in reply["answer"]


@pytest.mark.parametrize(
    ("message", "expected"),
    [
        # look-alikes keep their reading: "mấy ông" before a count of people sent
        ("bao nhiêu người học thạc sĩ, học mất bao lâu", ["masters_sent"]),
        # … a digit word alone is no figure ("năm" is also a year)
        ("năm 2011 huyện ban hành nghị quyết gì", ["resolution_03"]),
        # … a count of the article's own figure after a clause it answers
        ("giáo viên có được bồi dưỡng không, bao nhiêu lượt", ["education_sector"]),
    ],
)
def test_look_alikes_keep_their_reading(message, expected):
    (reply,) = ask_json(message)
    assert reply["status"] == "answer"
    assert reply["intents"] == expected


def test_a_command_typed_where_no_client_reads_it_tells_how_to_ask():
    reset, start = ask_json("/reset", "/start")
    assert reset["status"] == "smalltalk"
    assert "/reset" in reset["answer"] and reset["suggestions"]
    assert start["status"] == "smalltalk" and "/start" not in start["answer"]


def test_follow_ups_read_the_answer_just_given():
    mass, why, young, share = ask_json(
        "Bây giờ còn cử đi đào tạo tràn lan không?",
        "tại sao thế",
        "cấp xã có bao nhiêu cán bộ chủ chốt dưới 35 tuổi?",
        "số đó chiếm bao nhiêu % CBCC cấp xã?",
        conversation="reasons-and-shares",
    )
    assert mass["intents"] == ["no_mass_training"]
    # the reason the article gives beside that fact: the approved plan kept strictly
    assert (why["status"], why["intents"]) == ("answer", ["annual_plan"])
    assert young["intents"] == ["young_leaders_commune"]
    # the 21 of the commune's 294: no share stated, both figures given to compare
    assert share["intents"] == ["young_leaders_commune", "commune_staff"]
    assert "không nêu tỷ lệ" in share["answer"]


def test_a_respect_asked_after_an_answer_is_of_that_answer():
    congress, respect = ask_json(
        "những người được bầu vào cấp ủy có đáp ứng yêu cầu không",
        "về những mặt gì",
        conversation="in-what-respect",
    )
    assert congress["intents"] == ["congress_personnel"]
    assert respect["intents"] == ["congress_personnel"]
