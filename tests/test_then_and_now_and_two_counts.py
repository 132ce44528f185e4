"""Two things asked in one message that the bot used to half-answer: how cadres were before and
how they are now ("trước đây … ntn, giờ … ra sao"), and two counts listed by "tổng …, số …" —
through `ask --json`, as a user meets them."""

from __future__ import annotations

import pytest
from conftest import ask_json


@pytest.mark.parametrize(
    "question",
    [
        "hồi trước cán bộ xã yếu ntn, còn giờ được đào tạo rồi thì ra sao",
        "trước kia cán bộ ra sao, giờ đào tạo rồi thì thế nào",
    ],
)
def test_how_cadres_were_and_how_they_are_after_training_are_both_answered(question):
    (reply,) = ask_json(question)
    assert reply["intents"] == ["past_weakness", "training_effects"]


def test_how_they_are_now_after_training_alone_is_the_training_effects():
    (reply,) = ask_json("giờ được đào tạo rồi thì cán bộ ra sao")
    assert reply["intents"] == ["training_effects"]


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


def test_a_total_over_two_levels_named_after_tong_is_still_their_sum():
    (reply,) = ask_json("tổng cán bộ xã và cán bộ huyện học trung cấp lý luận chính trị")
    assert reply["intents"] == ["intermediate_llct_commune", "intermediate_llct_district"]
    assert "55 + 300 = 355" in reply["answer"]
