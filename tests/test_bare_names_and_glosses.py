"""Questions typed the way a hurried or bilingual user types them, through `ask --json`: the
district's name without diacritics, an English gloss in brackets, "như vậy" (like that) beside
what is asked, and "cái gốc" (what something rests on)."""

from __future__ import annotations

from conftest import ask_json


def test_the_district_named_without_diacritics_is_its_name_not_three_other_words():
    resolution, members = ask_json(
        "nghi quyet 03 cua huyen dien bien dong la ve cai gi",
        "dien bien dong co bao nhieu dang vien",
    )
    assert (resolution["status"], resolution["intents"]) == ("answer", ["resolution_03"])
    assert (members["status"], members["intents"]) == ("answer", ["party_members"])


def test_an_english_gloss_in_brackets_does_not_weigh_the_word_it_restates_twice():
    (reply,) = ask_json(
        "Vậy hiện nay ở Điện Biên Đông có bao nhiêu người có trình độ đại học (bachelor) ạ?"
    )
    assert (reply["status"], reply["intents"]) == ("answer", ["university_degree_now"])


def test_nhu_vay_beside_a_purpose_asks_the_goal_but_why_so_is_still_not_answered():
    goal, why = ask_json(
        "Cho cán bộ đi học như vậy rốt cuộc là để đạt được điều gì?",
        "Vì sao lại như vậy? Có phải do thiếu trường lớp không?",
    )
    assert (goal["status"], goal["intents"]) == ("answer", ["training_goal"])
    assert why["status"] != "answer"


def test_what_training_rests_on_asked_as_cai_goc_is_the_resolution():
    (reply,) = ask_json("Văn bản nào của Huyện ủy là cái gốc cho chuyện đào tạo cán bộ ở đây?")
    assert "past_weakness" not in reply["intents"]
    assert reply["status"] != "answer" or reply["intents"] == ["resolution_03"]


def test_english_requests_and_word_order_read_as_the_vietnamese_question():
    both, whole, commune = ask_json(
        "Could you tell me how many staff were sent for university training, and how many "
        "now hold a university degree?",
        "Hello, can you tell me how many civil servants the district has?",
        "how many commune civil servants does the district have?",
    )
    assert both["intents"] == ["university_sent", "university_degree_now"]
    assert (whole["status"], whole["intents"]) == ("answer", ["total_staff"])
    assert (commune["status"], commune["intents"]) == ("answer", ["commune_staff"])


def test_may_after_a_preposition_before_a_count_is_a_plural_not_a_second_question():
    those, two_counts = ask_json(
        "Ở dưới mấy xã với thị trấn thì có bao nhiêu người làm cán bộ, công chức?",
        "cấp huyện có mấy người học cao cấp và bao nhiêu người học trung cấp",
    )
    assert (those["status"], those["intents"]) == ("answer", ["commune_staff"])
    assert two_counts["intents"] == ["advanced_llct", "intermediate_llct_district"]


def test_above_a_bachelors_degree_is_postgraduate():
    (reply,) = ask_json("Có mấy người học vượt mức cử nhân, kiểu thạc sĩ, tiến sĩ ấy?")
    assert (reply["status"], reply["intents"]) == ("answer", ["postgraduate_now"])


def test_new_words_leave_comparisons_and_quoted_numbers_as_they_were():
    fewer, years, structure, such = ask_json(
        "Số người được cử học thạc sĩ ít hơn bậc đại học bao nhiêu người?",
        "Mấy năm nay, cấp xã nhiều hơn cấp huyện bao nhiêu người học trung cấp lý luận chính trị?",
        "Cơ cấu 1.999 cán bộ của huyện thế nào?",
        "con số như vậy có nhiều không?",
    )
    assert fewer["intents"] == ["university_sent", "masters_sent"] and "684" in fewer["answer"]
    assert "245" in years["answer"]  # the gap, though "mấy năm nay" names a span of time
    assert "Con số 1.999 có trong bài" not in structure["answer"]  # "cơ cấu" quotes nothing
    assert such["status"] != "answer"  # "như vậy" beside a figure: not the article's views
