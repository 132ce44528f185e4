"""A polite "ạ" typed bare at a sentence's end ("em chao anh chi a"), everyone in the chat called
("mn ơi …"), a purpose said first ("e cần gấp để nộp báo cáo cho cơ quan, …"), a data
journalist's column headings ("outlet name", "tl;dr", "học trung cấp LLCT — số ở mỗi cấp?"),
two items joined with no question word ("trung cấp LLCT xã và số lãnh đạo dưới 35 ở xã"), who
spoke asked bare ("ai phát biểu?"), and what the article never says of its people (since when
the official holds his post, the women among party members, a civil-service exam's degree) —
through `ask --json`, as a user meets them, beside look-alikes that must keep their reading."""

from __future__ import annotations

import pytest
from conftest import ask_json


@pytest.mark.parametrize(
    ("message", "expected"),
    [
        ("mn ơi huyện Điện Biên Đông giờ có bn cán bộ công chức vậy ạ", ["total_staff"]),
        ("mn ơi e cần gấp để nộp báo cáo cho cơ quan, bài đăng ngày nào ạ", ["article_date"]),
        ("người làm ra bài này tên gì ạ", ["article_author"]),
        ("tl;dr bài này", ["article_summary"]),
        ("outlet name", ["article_source"]),
        ("hiện h huyện có bao nhiêu cán bộ", ["total_staff"]),
        ("trình độ đại học bây giơ có bao nhiêu người ạ", ["university_degree_now"]),
        ("ban biet gi ve huyen dien bien dong a", ["article_summary"]),
        (
            "huyen co bao nhieu can bo cong chuc, trong do bao nhieu la dang vien a",
            ["total_staff", "party_members"],
        ),
        ("ai phát biểu + nghị quyết nào được nhắc?", ["spokesperson", "resolution_03"]),
        (
            "trung cấp LLCT xã và số lãnh đạo dưới 35 ở xã",
            ["intermediate_llct_commune", "young_leaders_commune"],
        ),
        (
            "học trung cấp LLCT — số ở mỗi cấp?",
            ["intermediate_llct_district", "intermediate_llct_commune"],
        ),
    ],
)
def test_asked_the_way_people_type_them_are_answered(message, expected):
    (reply,) = ask_json(message)
    assert (reply["status"], reply["intents"]) == ("answer", expected)


def test_a_bare_a_closing_a_greeting_is_the_polite_particle():
    (reply,) = ask_json("em chao anh chi a")
    assert (reply["status"], reply["intents"]) == ("smalltalk", ["greet"])


@pytest.mark.parametrize(
    ("message", "unsaid"),
    [
        ("dang vien nu bao nhieu a", "giới tính"),
        ("đồng chí ấy giữ chức vụ đó từ năm nào?", "giữ chức từ khi nào"),
    ],
)
def test_what_the_article_never_says_of_its_people_is_said_to_be_unstated(message, unsaid):
    (reply,) = ask_json(message)
    assert reply["status"] == "fallback"
    assert unsaid in reply["answer"]


def test_a_civil_service_exams_degree_is_out_of_scope():
    (reply,) = ask_json("muon thi cong chuc xa thi can bang gi a")
    assert reply["status"] == "fallback"
    assert "1.999" not in reply["answer"]


def test_in_a_chat_since_when_the_official_works_there_is_unstated():
    first, second = ask_json(
        "ông Ngô Văn Thanh làm chức gì ạ", "ổng làm từ bao giờ", conversation="tenure"
    )
    assert first["intents"] == ["spokesperson"]
    assert second["status"] == "fallback"
    assert "giữ chức từ khi nào" in second["answer"]


def test_comrades_summed_after_two_levels_are_both_levels_added():
    replies = ask_json(
        "Đề nghị cho biết số cán bộ cấp huyện được học trung cấp LLCT?",
        "còn cấp xã?",
        "cộng lại là bao nhiêu đồng chí?",
        conversation="comrades",
    )
    assert replies[-1]["intents"] == ["intermediate_llct_district", "intermediate_llct_commune"]
    assert "355" in replies[-1]["answer"]


@pytest.mark.parametrize(
    ("message", "kept"),
    [
        # a bare "a" inside a sentence stays a word ("a man or a woman" keeps its "a")
        ("is the author a man or a woman", "fallback"),
        # "để so" compares, "số mấy" asks a document's number: no spreadsheet column
        ("Số đảng viên hồi 2011 là nhiêu, để so?", "fallback"),
        ("cái văn bản huyện ủy ra để lo chuyện cán bộ ấy, nó là cái gì, số mấy", "answer"),
        # "mấy đồng chí" of those comrades, not a count of people
        ("Mấy đồng chí cán bộ bầu cử dưới xã thì được ưu tiên cho học cái gì?", "answer"),
        # a course alone in a list of a topic's figures narrows nothing new: still one answer
        ("Cho mình data về bồi dưỡng LLCT: cao cấp và trung cấp", "answer"),
        # what the bot itself knows, asked of nothing
        ("bạn biết gì", "smalltalk"),
        # "dạ" is itself the polite word: "dạ a" thanks, no letter to match
        ("dạ a", "smalltalk"),
        # a bank transfer, not a husband
        ("ck bao nhiêu", "fallback"),
    ],
)
def test_look_alikes_keep_their_reading(message, kept):
    (reply,) = ask_json(message)
    assert reply["status"] == kept, reply


@pytest.mark.parametrize(
    ("message", "not_this"),
    [
        # a song's maker is not the article's author
        ("ai làm ra bài hát này", "article_author"),
        # what the report is about is asked after the comma: not the whole staff
        ("em cần gửi báo cáo về thạc sĩ, bao nhiêu người", "total_staff"),
        # a letter chosen in a quiz is no particle closing a question about selection
        ("nhom a", "article_date"),
    ],
)
def test_look_alikes_are_not_read_as_the_fact_their_words_resemble(message, not_this):
    (reply,) = ask_json(message)
    assert not_this not in reply["intents"], reply


def test_tldr_before_a_question_is_in_short_not_a_summary_asked():
    (reply,) = ask_json("tl;dr: huyện có bao nhiêu cán bộ")
    assert (reply["status"], reply["intents"]) == ("answer", ["total_staff"])
