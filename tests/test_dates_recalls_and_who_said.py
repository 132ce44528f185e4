"""The article's date typed "6/8/2018", figures recalled wrongly ("tôi nhớ bài nói …"), who said
a line the article quotes, lists numbered "1. … 2. …" or "ý 1 …; ý 2 …", a ratio of the two
figures just given, the district's staff asked plainly, and closings that ask nothing — through
`ask --json` (one chat: `--conversation`), as a user meets them."""

from __future__ import annotations

import pytest
from conftest import ask_json


@pytest.mark.parametrize(
    "question",
    ["Bài báo được đăng ngày 6/8/2018 đúng không?", "bài đăng ngày 6-8-2018 phải không"],
)
def test_the_article_date_typed_without_zeros_is_the_article_date(question):
    (reply,) = ask_json(question)
    assert reply["intents"] == ["article_date"]
    assert "không có con số" not in reply["answer"]


def test_another_date_is_not_the_article_date():
    (reply,) = ask_json("Có phải bài đăng ngày 7/8/2018 không?")
    assert "không có con số bạn nêu" in reply["answer"] and "06/08/2018" in reply["answer"]


@pytest.mark.parametrize(
    ("question", "intent", "article"),
    [
        (
            "Tôi nhớ bài nói huyện có 1.900 cán bộ, công chức, có đúng không?",
            "total_staff",
            "1.999",
        ),
        (
            "Bác năm nay 70 rồi, mắt kém đọc không rõ. Bác nhớ hình như bài nói có 612 người "
            "được cử đi học đại học, cháu xem lại giúp bác đúng không?",
            "university_sent",
            "712",
        ),
    ],
)
def test_a_figure_recalled_wrongly_gets_the_article_figure(question, intent, article):
    (reply,) = ask_json(question)
    assert (reply["status"], reply["intents"]) == ("answer", [intent])
    assert "không có con số bạn nêu" in reply["answer"] and article in reply["answer"]


def test_figures_both_found_and_missing_are_said_in_one_line():
    (reply,) = ask_json(
        "Bài báo nói cho 381 người học cao cấp, trung cấp LLCT mà hiện chỉ có 168 người có "
        "trình độ đó, vậy có mâu thuẫn không?"
    )
    first = reply["answer"].splitlines()[0]
    assert "168 có trong bài" in first and "còn lại bạn nêu thì bài không có" in first
    assert "381" not in reply["answer"]  # never a figure the article does not write


@pytest.mark.parametrize(
    "question",
    [
        "ai nói là không còn cử đi học tràn lan",
        "ai cho biết kế hoạch đào tạo được phê duyệt",
        "người nói không còn tình trạng cử đi học tràn lan là ai",
    ],
)
def test_who_said_a_line_the_article_quotes_is_the_man_quoted(question):
    (reply,) = ask_json(question)
    assert reply["intents"] == ["spokesperson"]
    assert "Ngô Văn Thanh" in reply["answer"]


def test_who_said_and_a_second_question_answers_both():
    (reply,) = ask_json("Ai phát biểu trong bài? Ông ấy nói ai lập kế hoạch đào tạo hằng năm?")
    assert reply["intents"] == ["spokesperson", "annual_plan"]


def test_who_is_chosen_is_not_who_said_it():
    (reply,) = ask_json("cán bộ được chọn đi học là ai")
    assert reply["intents"] == ["selection_criteria"]


@pytest.mark.parametrize(
    ("question", "intents"),
    [
        (
            "1. bài ai viết 2. đăng báo nào 3. bao nhiêu lượt xem",
            ["article_author", "article_source", "article_views"],
        ),
        (
            "Xin hỏi 3 ý: ý 1 ai xây dựng kế hoạch đào tạo hằng năm; ý 2 chọn cán bộ theo tiêu "
            "chí gì; ý 3 mục tiêu đào tạo.",
            ["annual_plan", "selection_criteria", "training_goal"],
        ),
    ],
)
def test_items_numbered_in_one_line_are_each_answered(question, intents):
    (reply,) = ask_json(question)
    assert reply["intents"] == intents


def test_the_first_item_is_told_again_by_its_number():
    _, again = ask_json(
        "1. bài ai viết 2. đăng báo nào 3. bao nhiêu lượt xem",
        "ý 1 nói rõ hơn",
        conversation="items",
    )
    assert again["intents"] == ["article_author"]


@pytest.mark.parametrize(
    "ratio", ["tỷ lệ giữa hai số đó là bao nhiêu?", "what's the ratio between the two?"]
)
def test_a_ratio_of_the_two_figures_just_given_gives_both(ratio):
    *_, reply = ask_json(
        "bao nhiêu người được cử đi học đại học?", "còn thạc sĩ?", ratio, conversation="ratio"
    )
    assert reply["intents"] == ["university_sent", "masters_sent"]


@pytest.mark.parametrize(
    "question", ["bao nhiêu cán bộ ở cấp huyện", "and how many at district level then?"]
)
def test_the_district_staff_asked_plainly_is_the_whole_less_the_communes(question):
    *_, reply = ask_json("Cấp xã có bao nhiêu cán bộ?", question, conversation="district")
    assert reply["intents"] == ["total_staff", "commune_staff"]
    assert "1.999 − 294 = 1.705" in reply["answer"]


def test_the_districts_young_leaders_still_answer_when_named():
    (reply,) = ask_json("bao nhiêu cán bộ trẻ ở cấp huyện")
    assert reply["intents"] == ["young_leaders_district"]


def test_not_yet_party_members_is_the_remainder():
    (reply,) = ask_json("vậy bao nhiêu người chưa vào đảng")
    assert "1.999 − 712 = 1.287" in reply["answer"]


def test_the_other_meaning_of_a_figure_after_one():
    _, other = ask_json(
        "Có bao nhiêu đảng viên trong số cán bộ, công chức, viên chức của huyện?",
        "còn số 712 kia trong bài nói về cái gì?",
        conversation="other",
    )
    assert other["intents"] == ["university_sent"]


@pytest.mark.parametrize("said", ["Cảm ơn, thế là đủ rồi.", "thế là đủ rồi", "ok bn"])
def test_closings_after_an_answer_ask_nothing(said):
    _, reply = ask_json("mục tiêu đào tạo là gì?", said, conversation="closing")
    assert reply["status"] == "smalltalk" and reply["intents"][0] in ("thanks", "acknowledge")


def test_a_greeting_before_a_plain_question_answers_the_question():
    (reply,) = ask_json("xin chào, bài của báo nào?")
    assert reply["intents"] == ["article_source"]


def test_a_list_of_names_the_article_never_gives():
    (reply,) = ask_json("Cho tôi danh sách 26 cán bộ được cử đi học cao cấp lý luận chính trị.")
    assert reply["status"] == "fallback" and "tên" in reply["answer"]


@pytest.mark.parametrize(
    "question",
    ["Bài đăng ngày 6.8.2018 đúng không?", "Ngày 1.1.2011 ban hành nghị quyết đúng không?"],
)
def test_a_date_written_with_dots_is_read_not_a_crash(question):
    (reply,) = ask_json(question)
    assert reply["status"] in ("answer", "clarify", "fallback")


def test_a_date_the_article_never_writes_is_said_so():
    (reply,) = ask_json("Bài đăng ngày 8/6/2018 đúng không?")
    assert reply["intents"] == ["article_date"] and "không có con số bạn nêu" in reply["answer"]


@pytest.mark.parametrize(
    ("question", "intents"),
    [
        ("Đảng viên là 721. Bài báo nói vậy phải không?", ["party_members"]),
        ("Cấp xã có 249. Mình đọc được thế, đúng không?", ["commune_staff"]),
        ("Năm 2012 ban hành nghị quyết. Bài báo nói vậy đúng không?", ["resolution_03"]),
    ],
)
def test_a_figure_told_a_sentence_before_the_check_is_still_checked(question, intents):
    (reply,) = ask_json(question)
    assert reply["intents"] == intents and "không có con số bạn nêu" in reply["answer"]


@pytest.mark.parametrize(
    ("question", "intents"),
    [
        ("Việc giao xây dựng kế hoạch là của ai?", ["annual_plan"]),
        ("Tôi không nhớ là 26 hay 28 người học thạc sĩ", ["masters_sent"]),
    ],
)
def test_whose_task_and_not_remembering_are_no_quote_or_claim(question, intents):
    (reply,) = ask_json(question)
    assert reply["intents"] == intents
    assert "có trong bài" not in reply["answer"]


def test_the_district_after_the_communes_young_leaders_is_their_counterpart():
    _, reply = ask_json(
        "Cán bộ trẻ cấp xã bao nhiêu?", "Bao nhiêu cán bộ cấp huyện?", conversation="young"
    )
    assert reply["intents"] == ["young_leaders_district"]


def test_a_new_question_from_the_beginning_is_no_period_follow_up():
    _, reply = ask_json(
        "huyện có bao nhiêu cán bộ",
        "Từ trước đến nay huyện có bao nhiêu đảng viên?",
        conversation="anew",
    )
    assert reply["intents"] == ["party_members"]
