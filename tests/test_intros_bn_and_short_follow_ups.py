"""Saying who one is, teen-code "bn" for "bạn", and short follow-ups that compare or add up
("so vs …", "cong het lai", "how big is the gap") — through
`ask --json` (one chat: `--conversation`), as a user meets them."""

from __future__ import annotations

import pytest
from conftest import ask_json


def test_tau_saying_who_one_is_is_a_greeting():
    (reply,) = ask_json("chào bot, tau là giáo viên về hưu")
    assert (reply["status"], reply["intents"]) == ("smalltalk", ["greet"])


@pytest.mark.parametrize(
    "message",
    [
        "tôi ở Sơn La, nhắc tôi 5 giờ chiều gọi điện",
        "xin chào, tôi là cán bộ Lai Châu, số liệu Lai Châu",
    ],
)
def test_saying_who_one_is_beside_a_request_the_article_cannot_meet_is_still_refused(message):
    (reply,) = ask_json(message)
    assert reply["status"] == "fallback" and reply["intents"] == []


def test_bn_before_a_name_or_knowing_is_you_not_how_many():
    name, knows, count = ask_json("bn ten j vay", "bn biết gì về bài này ko", "có bn đảng viên")
    (knowing_it,) = ask_json("cán bộ cấp xã có bn biết ko")
    assert knowing_it["intents"] == ["commune_staff"]
    assert (name["status"], name["intents"]) == ("smalltalk", ["who_are_you"])
    # what the bot knows of the article: its summary, or asked back with the summary offered
    offered = any("nội dung" in s for s in knows["suggestions"])
    assert knows["intents"] == ["article_summary"] or (knows["status"] == "clarify" and offered)
    assert count["intents"] == ["party_members"] and "712" in count["answer"]


def test_so_vs_a_level_after_one_figure_gives_both_and_the_gap():
    _, compared = ask_json(
        "cấp xã có mấy cán bộ chủ chốt dưới 35 tuổi", "so vs cấp huyện thì sao", conversation="vs"
    )
    assert compared["intents"] == ["young_leaders_district", "young_leaders_commune"]
    assert "21 − 10 = 11" in compared["answer"]


def test_adding_up_everything_typed_without_marks_sums_the_facts_given():
    *_, summed = ask_json(
        "cao cấp lý luận chính trị mấy người", "còn trung cấp?", "cong het lai", conversation="sum"
    )
    assert summed["intents"] == [
        "advanced_llct",
        "intermediate_llct_district",
        "intermediate_llct_commune",
    ]
    assert "26 + 55 + 300 = 381" in summed["answer"]


def test_cong_next_to_cong_chuc_is_no_sum():
    (reply,) = ask_json("huyen co bao nhieu can bo cong chuc cong het")
    assert "Cộng lại" not in reply["answer"]


def test_how_big_is_the_gap_after_two_levels_asked_in_english_gives_the_gap():
    *_, gap = ask_json(
        "how many district staff studied intermediate political theory",
        "and the communes?",
        "how big is the gap",
        conversation="gap",
    )
    assert gap["intents"] == ["intermediate_llct_district", "intermediate_llct_commune"]
    assert "300 − 55 = 245" in gap["answer"]
