"""The article's own words for the last answer ("nguyên văn thế nào?"), an opener that says how
much it will ask ("tôi muốn hỏi vài điều về bài báo"), and the writer's name asked with the
article named before "tên" ("Người viết bài báo này tên gì?") — through `ask --json` (one chat:
`--conversation`), as a user meets them."""

from __future__ import annotations

import pytest
from conftest import ask_json


@pytest.mark.parametrize(
    "asked",
    [
        "Nguyên văn câu đó trong bài viết thế nào?",
        "câu gốc trong bài ghi thế nào?",
        "nguyên văn thế nào, tôi cần trích",
    ],
)
def test_the_last_answer_in_the_articles_own_words(asked):
    figure, quote = ask_json(
        "Cho mình con số đảng viên trong đội ngũ cán bộ, công chức, viên chức để trích dẫn.",
        asked,
        conversation="quote",
    )
    assert figure["intents"] == ["party_members"]
    assert (quote["status"], quote["intents"]) == ("answer", ["party_members"])
    # the article's sentence as it writes it, quoted
    assert "«712/1.999 cán bộ, công chức, viên chức là đảng viên»" in quote["answer"]


def test_several_facts_are_each_quoted():
    _, quote = ask_json(
        "bao nhiêu người đi học thạc sĩ, bao nhiêu cán bộ cấp huyện học chuyên viên?",
        "trích nguyên văn giúp mình",
        conversation="quotes",
    )
    assert sorted(quote["intents"]) == ["masters_sent", "qlnn_specialist"]
    assert quote["answer"].count("«") == 2


def test_an_opener_announcing_questions_is_asked_on():
    (reply,) = ask_json("Chào bạn, tôi muốn hỏi vài điều về bài báo.")
    assert reply["status"] == "smalltalk"
    (summary,) = ask_json("bài báo nói về gì")  # the article's content is still asked
    assert summary["intents"] == ["article_summary"]


@pytest.mark.parametrize(
    "message", ["Người viết bài báo này tên gì?", "tác giả bài báo này tên là gì"]
)
def test_the_writers_name_is_no_title(message):
    (reply,) = ask_json(message)
    assert (reply["status"], reply["intents"]) == ("answer", ["article_author"])
    assert "Phong Vân" in reply["answer"]
    (title,) = ask_json("bài báo này tên gì")
    assert title["intents"] == ["article_title"]
