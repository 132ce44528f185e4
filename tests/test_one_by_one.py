"""Several facts taken one per turn, and a fact of the last answer picked by its place, as a user
meets them through `ask --json --conversation` (the console and Telegram share the core)."""

from __future__ import annotations

from conftest import ask_json


def test_an_ordinal_after_an_answer_of_several_facts_picks_one_and_keeps_the_others():
    replies = ask_json(
        "dưới 35 tuổi mà làm lãnh đạo chủ chốt, ở huyện hoặc ở xã, có bao nhiêu người?",
        "cái thứ hai",
        "giờ tới cái đầu",
        "tổng cộng",
        conversation="ordinals",
    )
    assert [r["intents"] for r in replies] == [
        ["young_leaders_district", "young_leaders_commune"],
        ["young_leaders_commune"],
        ["young_leaders_district"],
        ["young_leaders_district", "young_leaders_commune"],
    ]
    assert "21" in replies[1]["answer"] and "10" in replies[2]["answer"]


def test_one_at_a_time_answers_the_first_fact_and_the_next_turn_the_second():
    first, second = ask_json(
        "Mình có hai thắc mắc: số cán bộ huyện học cao cấp lý luận chính trị, và số người được "
        "bồi dưỡng chức danh bí thư xã. Trả lời cái đầu trước nhé.",
        "giờ tới cái thứ hai",
        conversation="one-at-a-time",
    )
    assert first["intents"] == ["advanced_llct"]
    assert "26" in first["answer"] and "19" not in first["answer"]
    assert "«cái thứ hai»" in first["answer"]
    assert second["intents"] == ["party_secretary_training"]
    assert "19" in second["answer"]


def test_an_ordinal_after_a_single_fact_picks_nothing():
    replies = ask_json("có bao nhiêu đảng viên", "cái thứ hai", conversation="single")
    assert replies[0]["intents"] == ["party_members"]
    assert replies[1]["status"] != "answer"


def test_question_one_first_then_number_two():
    first, second = ask_json(
        "hai câu nhé: số người đi học thạc sĩ, và số đảng viên. trả lời câu 1 trước",
        "ok giờ số 2",
        conversation="numbered",
    )
    assert first["intents"] == ["masters_sent"]
    assert second["intents"] == ["party_members"]


def test_the_latter_and_the_last_pick_the_last_item_however_many():
    """ "cái sau" of two, "cái cuối" of three: the last fact the answer gave."""
    _, latter = ask_json(
        "bao nhiêu người học trung cấp lý luận chính trị", "cái sau", conversation="latter"
    )
    assert latter["intents"] == ["intermediate_llct_commune"]
    _, last = ask_json(
        "số người đi học đại học, thạc sĩ, và số đảng viên", "cái cuối", conversation="last"
    )
    assert last["intents"] == ["party_members"]
