"""Two counts listed in one message by "tổng …, số …" are two facts, neither summed nor read as
a qualifier of the other — unless the second only names a level of the first ("…, số cấp xã")
or a sum is asked besides ("…, số học thạc sĩ cộng lại"). Through `ask --json`."""

from __future__ import annotations

import pytest
from conftest import ask_json


@pytest.mark.parametrize(
    ("question", "facts"),
    [
        ("tổng cán bộ công chức, số đảng viên", ["total_staff", "party_members"]),
        (
            "cho mình xin tổng số cán bộ công chức, số người đi học thạc sĩ",
            ["total_staff", "masters_sent"],
        ),
    ],
)
def test_two_counts_listed_by_tong_and_so_are_both_given_and_summed_by_neither(question, facts):
    (reply,) = ask_json(question)
    assert reply["intents"] == facts
    assert "không cộng gộp" not in reply["answer"] and "Cộng lại" not in reply["answer"]


def test_a_second_count_naming_only_a_level_is_the_first_thing_at_that_level():
    (reply,) = ask_json("số cán bộ chủ chốt dưới 35 tuổi cấp huyện, số cấp xã")
    assert reply["intents"] == ["young_leaders_district", "young_leaders_commune"]
    assert "294" not in reply["answer"]


def test_a_sum_asked_after_two_listed_counts_is_still_given():
    (reply,) = ask_json("tổng số người học đại học, số học thạc sĩ cộng lại")
    assert reply["intents"] == ["university_sent", "masters_sent"]
    assert "712 + 28 = 740" in reply["answer"]


def test_a_total_over_two_levels_named_after_tong_is_still_their_sum():
    (reply,) = ask_json("tổng cán bộ xã và cán bộ huyện học trung cấp lý luận chính trị")
    assert reply["intents"] == ["intermediate_llct_commune", "intermediate_llct_district"]
    assert "55 + 300 = 355" in reply["answer"]
