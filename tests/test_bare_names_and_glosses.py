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
