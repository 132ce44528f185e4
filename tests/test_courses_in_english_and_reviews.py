"""A course named in English ("attended the … course") is the course; a review of the resolution
("tổng kết nghị quyết") is something the article never reports: through `ask --json`."""

from __future__ import annotations

from conftest import ask_json


def test_who_attended_a_course_asked_in_english_gets_every_level():
    (reply,) = ask_json("How many officials attended the intermediate political theory course?")
    assert reply["status"] == "answer"
    assert reply["intents"] == ["intermediate_llct_district", "intermediate_llct_commune"]


def test_when_the_resolution_is_reviewed_is_not_answered_with_the_resolution():
    review, summed_up = ask_json(
        "khi nào thì huyện sơ kết nghị quyết 03 vậy?", "nghị quyết 03 đã tổng kết chưa?"
    )
    assert review["status"] != "answer" and summed_up["status"] != "answer"


def test_summing_up_the_resolution_is_still_what_it_says():
    summed, done = ask_json(
        "tong ket lai nghi quyet 03 noi gi", "sơ kết việc thực hiện nghị quyết 03 đạt được gì?"
    )
    assert summed["intents"] == ["resolution_03"] and done["intents"] == ["resolution_03"]


def test_per_this_article_is_how_an_english_question_opens_not_a_question_of_its_source():
    members, young = ask_json(
        "Per this article, how many party members are there among the staff?",
        "per this article, how many staff members are under 35 at commune level?",
    )
    assert members["intents"] == ["party_members"]
    assert "article_source" not in young["intents"] and young["status"] != "fallback"


def test_what_positions_people_got_after_training_asked_in_english_is_the_promotions():
    (reply,) = ask_json("after their training, which positions did cadres get?")
    assert (reply["status"], reply["intents"]) == ("answer", ["promotions"])


def test_key_positions_are_the_communes_key_posts_and_promoted_to_them_is_a_promotion():
    posts, promoted = ask_json(
        "how many held commune key positions?",
        "Did officials get promoted to key positions after training?",
    )
    assert posts["intents"] == ["qlnn_commune_key"]
    assert promoted["intents"] == ["promotions"]
