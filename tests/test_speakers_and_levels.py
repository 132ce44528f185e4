"""The person quoted named as the one saying what the rest asks ("ông Thanh nói … thế nào"), and
counts the article gives for the whole district only asked of one level ("cấp xã có bao nhiêu
đảng viên?") — through `ask --json` (one chat: `--conversation`), as a user meets them."""

from __future__ import annotations

import pytest
from conftest import ask_json


def test_what_the_person_quoted_says_of_a_matter_is_that_matter():
    (reply,) = ask_json("theo ông Thanh, mục tiêu đào tạo là gì")
    assert (reply["status"], reply["intents"]) == ("answer", ["training_goal"])
    (both,) = ask_json(
        "ông Thanh nói gì về chuyện chọn người đi học với chuyện cử đi học tràn lan?"
    )
    assert sorted(both["intents"]) == ["no_mass_training", "selection_criteria"]


def test_the_person_quoted_is_still_asked_about():
    for message in ("ông Thanh là ai", "ông Thanh nói gì?"):
        (reply,) = ask_json(message)
        assert (reply["status"], reply["intents"]) == ("answer", ["spokesperson"])


def test_a_matter_asked_by_the_speakers_name_is_never_the_speaker():
    # "how did Mr Thanh say staff are chosen": not who Mr Thanh is
    first, who = ask_json(
        "ông Thanh nói chọn cán bộ đi học thế nào", "ông ấy là ai", conversation="speaker"
    )
    assert "spokesperson" not in first["intents"]
    assert first["status"] in ("answer", "clarify")
    # "ông ấy" is a person of the article, not who is chosen to study
    assert "selection_criteria" not in who["intents"]


@pytest.mark.parametrize(
    "message",
    [
        "cấp xã có bao nhiêu đảng viên",
        "thế riêng cấp xã có bao nhiêu đảng viên",
        "số người có bằng đại học ở cấp xã",
    ],
)
def test_a_whole_district_count_asked_of_one_level_is_not_stated(message):
    (reply,) = ask_json(message)
    assert reply["status"] == "fallback"
    assert "từng cấp" in reply["answer"]
    assert "294" not in reply["answer"]


def test_the_whole_districts_count_is_still_answered():
    for message, fact in (
        ("đảng viên của huyện là bao nhiêu", "party_members"),
        ("ở huyện bao nhiêu người có bằng đại học", "university_degree_now"),
    ):
        (reply,) = ask_json(message)
        assert (reply["status"], reply["intents"]) == ("answer", [fact])
