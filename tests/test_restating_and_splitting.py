"""After an answer: "nói gọn thôi" / "nhắc lại giúp" give the same facts again, "tách riêng
từng cấp" gives each fact (or each level of the one given) on its own line — as users meet them
through `ask --json --conversation`."""

from __future__ import annotations

import pytest
from conftest import ask_json


def _turns(*questions: str) -> list[dict]:
    return ask_json(*questions, conversation="restating")


_AGAIN = ("ngắn gọn thôi", "nhắc lại giúp em với", "say that again pls")


@pytest.mark.parametrize(
    ("first", "intents"),
    [
        ("bao nhiêu người là đảng viên?", ["party_members"]),
        ("cử đi học đại học và thạc sĩ mấy người?", ["university_sent", "masters_sent"]),
    ],
)
def test_asking_again_or_shorter_gives_the_same_facts(first, intents):
    # each way of asking again right after the question asked anew, in one chat
    replies = _turns(*(q for again in _AGAIN for q in (first, again)))
    for again, before, after in zip(_AGAIN, replies[::2], replies[1::2], strict=True):
        assert before["intents"] == intents, before
        assert after["status"] == "answer" and after["intents"] == intents, (again, after)


def test_asking_again_but_naming_another_fact_is_that_fact():
    _, after = _turns("bao nhiêu người được cử đi học thạc sĩ?", "nhắc lại số đảng viên giúp mình")
    assert after["intents"] == ["party_members"], after


def test_splitting_a_total_gives_each_part_without_the_sum():
    total, split = _turns(
        "cán bộ chủ chốt trẻ dưới 35 tuổi cả 2 cấp tổng bao nhiêu", "tách riêng từng cấp"
    )
    assert "31" in total["answer"], total  # 10 + 21
    assert split["intents"] == ["young_leaders_district", "young_leaders_commune"], split
    assert "31" not in split["answer"] and "10" in split["answer"] and "21" in split["answer"]


def test_splitting_one_levels_figure_gives_every_level():
    one, split = _turns("cấp xã học trung cấp lý luận bao nhiêu người", "break it down by level")
    assert one["intents"] == ["intermediate_llct_commune"], one
    assert split["intents"] == ["intermediate_llct_district", "intermediate_llct_commune"], split


def test_a_split_after_a_fact_of_no_group_is_not_read_as_one():
    _, split = _turns("tác giả bài báo là ai?", "tách ra từng cấp")
    assert split["intents"] != ["article_author"], split


def test_summing_up_the_article_after_an_answer_is_the_articles_summary():
    _, summary = _turns("bao nhiêu người là đảng viên?", "tóm tắt bài báo giúp mình")
    assert summary["intents"] == ["article_summary"], summary
    (brief,) = ask_json("What is this article about, in a nutshell?")
    assert brief["intents"] == ["article_summary"], brief


_NAMED = (
    # naming a level, another one or asking who: that question, never the last answer again
    ("cấp xã có bao nhiêu cán bộ chủ chốt dưới 35 tuổi", "nhắc lại số cấp huyện",
     ["young_leaders_district"]),
    ("cấp xã có bao nhiêu cán bộ chủ chốt dưới 35 tuổi", "nhac lai cap kia",
     ["young_leaders_district"]),
    ("kế hoạch đào tạo hàng năm do ai lập", "tóm lại ai nói vậy", ["spokesperson"]),
)  # fmt: skip


def test_asking_again_of_something_named_is_that_thing():
    replies = _turns(*(q for first, then, _ in _NAMED for q in (first, then)))
    for (_, then, intents), after in zip(_NAMED, replies[1::2], strict=True):
        assert after["intents"] == intents, (then, after)


_NEAR = (
    ("tổng số cán bộ công chức", "cho mình hỏi 1 câu nữa nhé"),  # one more question
    ("tổng số cán bộ công chức", "tách ra"),  # a part the article does not give
    ("cán bộ chủ chốt dưới 35 tuổi cấp huyện", "huyen dien bien dong tach ra khi nao"),
    ("bao nhiêu người có bằng đại học", "chia theo cap"),  # degrees are no levels
)


def test_words_near_a_restate_or_a_split_do_not_repeat_the_last_answer():
    replies = _turns(*(q for pair in _NEAR for q in pair))
    for (_, then), before, after in zip(_NEAR, replies[::2], replies[1::2], strict=True):
        assert after["status"] != "answer" or after["intents"] != before["intents"], (then, after)
        assert not (after["status"] == "answer" and len(after["intents"]) > 1), (then, after)
