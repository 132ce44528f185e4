"""Two figures given one after the other, taken together ("hai số này trùng nhau à", "tổng hai
cái đó"), as a user meets them through `ask --json --conversation`: the chat keeps the answer
before the last, and only a sum or gap the KB declares is ever stated."""

from __future__ import annotations

from conftest import ask_json


def test_two_figures_asked_one_after_the_other_are_set_side_by_side():
    *_, both = ask_json(
        "cử bn ng học đại học",
        "bao nhiêu đảng viên",
        "2 số trùng nhau à",
        conversation="pair-same",
    )
    assert both["intents"] == ["university_sent", "party_members"]
    assert both["answer"].count("712") >= 2  # the article's two 712s, each with its meaning


def test_a_sum_of_two_figures_the_article_never_adds_is_not_stated():
    *_, total = ask_json(
        "Bao nhiêu cán bộ cấp huyện được bồi dưỡng quản lý nhà nước chương trình chuyên viên?",
        "cao cấp lý luận chính trị thì mấy người",
        "tổng hai cái đó",
        conversation="pair-sum",
    )
    assert total["intents"] == ["qlnn_specialist", "advanced_llct"]
    assert "115" in total["answer"] and "26" in total["answer"]
    assert "141" not in total["answer"]  # 115 + 26: a number the article never gives
    assert "không cộng gộp" in total["answer"]


def test_why_two_figures_differ_is_not_answered_with_them():
    *_, why = ask_json(
        "huyện cử bao nhiêu người học thạc sĩ",
        "hiện có bao nhiêu người trình độ trên đại học",
        "sao 2 số chênh nhau vậy?",
        conversation="pair-why",
    )
    assert why["status"] == "fallback"


def test_one_figure_alone_is_no_pair():
    first, again = ask_json("bao nhiêu đảng viên", "hai số này trùng nhau à", conversation="one")
    assert first["intents"] == ["party_members"]
    assert again["intents"] != ["university_sent", "party_members"]


def test_a_follow_up_opening_with_va_and_closing_with_an_address_switches_level():
    *_, commune = ask_json(
        "Thưa đồng chí, huyện đã cử bao nhiêu cán bộ cấp huyện đi học cao cấp lý luận chính trị?",
        "Còn hệ trung cấp ở cấp huyện thì bao nhiêu ạ?",
        "Và ở cấp xã thì sao, thưa đồng chí?",
        conversation="va",
    )
    assert commune["intents"] == ["intermediate_llct_commune"]


def test_only_one_level_of_an_answer_given_for_both():
    both, commune = ask_json(
        "bao nhiêu người học trung cấp lý luận chính trị vậy",
        "tôi hỏi riêng xã thôi",
        conversation="narrow",
    )
    assert both["intents"] == ["intermediate_llct_district", "intermediate_llct_commune"]
    assert commune["intents"] == ["intermediate_llct_commune"]


def test_adding_a_fact_to_the_figure_just_given_gets_both_and_the_declared_sum():
    first, added = ask_json(
        "Có bao nhiêu cán bộ cấp huyện học cao cấp lý luận chính trị?",
        "cộng với trung cấp cấp huyện thì sao",
        conversation="added",
    )
    assert first["intents"] == ["advanced_llct"]
    assert added["intents"] == ["advanced_llct", "intermediate_llct_district"]
    assert "26 + 55 = 81" in added["answer"]


def test_what_it_says_asked_of_a_pronoun_is_the_fact_just_given():
    first, content = ask_json(
        "Cái nghị quyết 03 của huyện ra hồi năm nào dzậy?",
        "nó nói về chuyện gì",
        conversation="its-content",
    )
    assert first["intents"] == content["intents"] == ["resolution_03"]


def test_a_level_named_once_holds_while_the_user_moves_through_its_figures_and_three_add_up():
    *_, intermediate, total = ask_json(
        "Chuyên viên QLNN cấp huyện: số người?",
        "cao cấp LLCT?",
        "trung cấp?",
        "tổng 3 số trên",
        conversation="three",
    )
    assert intermediate["intents"] == ["intermediate_llct_district"]
    assert total["intents"] == ["qlnn_specialist", "advanced_llct", "intermediate_llct_district"]
    assert "196" not in total["answer"]  # 115 + 26 + 55: no sum the article gives


def test_follow_ups_that_take_away_compare_or_ask_for_examples():
    replies = ask_json(
        "Tổng số cb cc toàn huyện?",
        "cấp xã?",
        "trừ ra còn bn",
        "Có bao nhiêu cán bộ chủ chốt dưới 35 tuổi ở cấp xã?",
        "vậy là nhiều hay ít so với cấp huyện?",
        "Sau khi đào tạo thì cán bộ có được thăng chức không?",
        "ví dụ những vị trí nào?",
        conversation="follow-ups",
    )
    assert [r["intents"] for r in replies[2:]] == [
        ["total_staff", "commune_staff"],
        ["young_leaders_commune"],
        ["young_leaders_district", "young_leaders_commune"],
        ["promotions"],
        ["promotions"],
    ]
    assert "1.999 − 294 = 1.705" in replies[2]["answer"]
    assert "21 − 10 = 11" in replies[4]["answer"]


def test_only_the_level_the_last_figure_has_is_that_figure_again_and_two_add_up():
    replies = ask_json(
        "Em cần số cán bộ được cử đi học cao cấp LLCT",
        "Chỉ cấp huyện thôi ạ?",
        "Thế 55 là số gì ạ?",
        "Cộng hai số đó giúp em",
        conversation="only-its-level",
    )
    assert [r["intents"] for r in replies] == [
        ["advanced_llct"],
        ["advanced_llct"],
        ["intermediate_llct_district"],
        ["advanced_llct", "intermediate_llct_district"],
    ]
    assert "26 + 55 = 81" in replies[3]["answer"]


def test_what_was_done_about_the_weakness_is_the_resolution():
    _weak, remedy = ask_json(
        "Trước đây đội ngũ cán bộ của huyện ra sao?",
        "rồi huyện đã làm gì để khắc phục",
        conversation="remedy",
    )
    assert remedy["intents"] == ["resolution_03"]


def test_the_whole_a_figure_is_in_then_what_remains_and_whose_words_a_statement_is():
    replies = ask_json(
        "Tôi cần số cán bộ, công chức cấp xã, thị trấn của huyện.",
        "Con số ấy nằm trong tổng bao nhiêu?",
        "Vậy ngoài cấp xã còn lại bao nhiêu?",
        "Kế hoạch đào tạo hàng năm do ai xây dựng?",
        "câu đó của ai",
        conversation="whole-rest-whose",
    )
    assert [r["intents"] for r in replies] == [
        ["commune_staff"],
        ["total_staff"],
        ["total_staff", "commune_staff"],
        ["annual_plan"],
        ["spokesperson"],
    ]
    assert "1.999 − 294 = 1.705" in replies[2]["answer"]
