"""Going back to the answer before the last after a question in between, a figure stated and
closed by a tag ("… 249 cán bộ nhỉ"), light acknowledgements ("vậy hả", "đúng rồi nhé") and
thanks naming words of the article — through `ask --json` (one chat: `--conversation`), as a
user meets them."""

from __future__ import annotations

import pytest
from conftest import ask_json


def test_a_level_asked_after_a_question_about_the_article_continues_the_fact_before():
    first, author, commune, both = ask_json(
        "có bao nhiêu người học trung cấp lý luận chính trị cấp huyện",
        "ai viết bài này",
        "cấp xã thì sao",
        "cộng lại",
        conversation="between",
    )
    assert first["intents"] == ["intermediate_llct_district"]
    assert author["intents"] == ["article_author"]
    assert (commune["status"], commune["intents"]) == ("answer", ["intermediate_llct_commune"])
    assert "300" in commune["answer"]
    assert both["status"] == "answer"
    assert sorted(both["intents"]) == ["intermediate_llct_commune", "intermediate_llct_district"]
    assert "355" in both["answer"]  # 55 + 300, a sum the KB declares


def test_going_back_by_saying_so_reads_past_a_fact_in_between():
    *_, back = ask_json(
        "cb chủ chốt dưới 35 tuổi cấp huyện",
        "bao nhiêu người có trình độ cao cấp, trung cấp llct",
        "quay lại cái trước, cấp xã thì sao",
        conversation="back",
    )
    assert (back["status"], back["intents"]) == ("answer", ["young_leaders_commune"])
    assert "21" in back["answer"]


def test_going_back_to_a_question_that_answers_alone_answers_it():
    *_, back = ask_json(
        "cán bộ cấp xã trước đây thế nào",
        "bây giờ cán bộ xã dưới 35 tuổi làm chủ chốt có mấy người",
        "quay lại, yếu nhất là cái gì",
        conversation="back-alone",
    )
    assert (back["status"], back["intents"]) == ("answer", ["past_weakness"])


def test_the_other_one_after_a_question_in_between_is_the_counterpart_of_the_fact_before():
    *_, other = ask_json(
        "bồi dưỡng quản lý nhà nước bao nhiêu người",
        "chỉ cấp huyện thôi",
        "tác giả là ai",
        "thế còn cái kia",
        conversation="other",
    )
    assert (other["status"], other["intents"]) == ("answer", ["qlnn_commune_key"])


def test_a_question_of_its_own_after_one_in_between_is_not_read_as_going_back():
    *_, own = ask_json(
        "cán bộ chủ chốt dưới 35 tuổi cấp xã bao nhiêu",
        "ai viết bài này",
        "có bao nhiêu đảng viên",
        conversation="own",
    )
    assert (own["status"], own["intents"]) == ("answer", ["party_members"])


@pytest.mark.parametrize(
    ("message", "intent", "article_has"),
    [
        ("Cấp xã có 249 cán bộ công chức nhỉ", "commune_staff", "294"),
        ("Bài nói huyện có 2.999 cán bộ công chức à?", "total_staff", "1.999"),
        ("Thạc sĩ là 82 người à?", "masters_sent", "28"),
        ("bai nói có 38 ng đi hoc thạc sỹ phải ko", "masters_sent", "28"),
    ],
)
def test_a_figure_stated_and_tagged_for_confirmation_is_checked(message, intent, article_has):
    (reply,) = ask_json(message)
    assert (reply["status"], reply["intents"]) == ("answer", [intent])
    assert reply["answer"].startswith("Bài viết không có con số bạn nêu")
    assert article_has in reply["answer"]


def test_a_tag_after_a_figure_counting_no_unit_checks_nothing():
    (reply,) = ask_json("lượt là tính sao, 1 người đi 2 lần tính 2 hả?")
    assert reply["status"] != "answer"


@pytest.mark.parametrize("message", ["vậy hả", "rứa hả", "đúng rồi nhé", "đúng rồi hè", "uh"])
def test_a_light_acknowledgement_is_smalltalk(message):
    (reply,) = ask_json(message)
    assert (reply["status"], reply["intents"]) == ("smalltalk", ["acknowledge"])


def test_thanks_naming_words_of_the_article_after_an_answer_is_thanks():
    _, thanks = ask_json(
        "nghị quyết 03 ban hành năm nào", "cảm ơn các đồng chí", conversation="thanks"
    )
    assert (thanks["status"], thanks["intents"]) == ("smalltalk", ["thanks"])


def test_doubting_an_answer_is_still_read_as_a_question_about_it():
    first, doubt = ask_json("có bao nhiêu đảng viên", "thật không đấy?", conversation="doubt")
    assert doubt["status"] == "answer"
    assert doubt["intents"] == first["intents"]


@pytest.mark.parametrize(
    "message",
    [
        "cấp huyện có 10 người, vậy cấp xã mấy người nhỉ",  # asks the commune's figure
        "cấp huyện có 10 người, thế còn cấp xã à",
        "10 người dưới 35 là cấp huyện hay xã nhỉ",
    ],
)
def test_a_tagged_message_that_asks_something_else_is_no_claim(message):
    (reply,) = ask_json(message)
    assert "không có con số bạn nêu" not in reply["answer"]
    assert "có trong bài" not in reply["answer"].splitlines()[0]


def test_the_other_one_after_two_facts_then_a_question_in_between_is_not_guessed():
    *_, other = ask_json(
        "bao nhiêu người học trung cấp lý luận chính trị",
        "ai viết bài",
        "cái kia thì bao nhiêu",
        conversation="two",
    )
    assert other["status"] != "answer"


@pytest.mark.parametrize("message", ["dạ đúng rồi", "ủa vậy hả", "đúng rồi đó ad"])
def test_an_acknowledgement_opened_or_closed_by_a_particle_is_smalltalk(message):
    (reply,) = ask_json(message)
    assert (reply["status"], reply["intents"]) == ("smalltalk", ["acknowledge"])
