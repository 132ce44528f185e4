"""A count asked inside a figure the article gives whole is said to be missing; the parts the
article does give still answer. Through `ask`, alone and after an answer."""

from __future__ import annotations

import pytest
from conftest import ask_json


def test_a_part_the_article_never_gives_is_said_to_be_missing():
    replies = ask_json(
        "Trong 1.800 lượt bồi dưỡng ngành giáo dục có bao nhiêu lượt là giáo viên mầm non?",
        "Trong 168 người có lý luận chính trị thì bao nhiêu người cao cấp, bao nhiêu trung cấp?",
        "19 người đi bồi dưỡng bí thư tên là gì?",
    )
    for reply in replies:
        assert reply["status"] == "fallback", reply
        assert reply["answer"].startswith("Bài viết không nói về"), reply


@pytest.mark.parametrize(
    ("question", "intents"),
    [
        ("trong 1.999 cán bộ có bao nhiêu đảng viên", ["party_members"]),
        ("trong 1.999 cán bộ có bao nhiêu người ở cấp xã", ["commune_staff"]),
        # the party members' answer writes the whole too ("trong 1.999 …"): quoted alone, the
        # remainder worked from both
        (
            "trong 1.999 người thì bao nhiêu người chưa phải đảng viên",
            ["total_staff", "party_members"],
        ),
        ("cấp huyện có bao nhiêu cb cc", ["total_staff", "commune_staff"]),  # 1.999 − 294
    ],
)
def test_the_parts_the_article_gives_still_answer(question, intents):
    (reply,) = ask_json(question)
    assert reply["status"] == "answer" and reply["intents"] == intents, reply


def test_trong_do_after_an_answer_asks_inside_the_figure_just_given():
    replies = ask_json(
        "hiện có bao nhiêu người có trình độ lý luận chính trị",
        "trong đó bao nhiêu người cao cấp",  # 26 were sent to study: not a part of the 168
        "huyện có bao nhiêu cán bộ",
        "trong đó bao nhiêu ở cấp xã",
        conversation="c",
    )
    assert replies[0]["intents"] == ["llct_level_now"]
    assert replies[1]["status"] == "fallback", replies[1]
    assert replies[3]["intents"] == ["commune_staff"], replies[3]


def test_a_wrong_tone_on_a_word_is_read_by_its_neighbour():
    (reply,) = ask_json("tác giã bài là ai")
    assert reply["status"] == "answer" and reply["intents"] == ["article_author"], reply


def test_what_the_person_quoted_said_about_a_topic_is_that_topics_fact():
    first, second = ask_json(
        "ai là người được phỏng vấn trong bài",
        "ông ấy nói chọn người đi học thế nào",
        conversation="c",
    )
    assert first["intents"] == ["spokesperson"]
    assert second["status"] == "answer" and second["intents"] == ["selection_criteria"], second
