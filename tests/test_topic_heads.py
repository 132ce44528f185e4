"""A request for one topic's figures before a colon, then its items ("Cho tôi số liệu lý luận
chính trị: cao cấp cấp huyện, trung cấp cấp huyện, trung cấp cấp xã"): each item is read with
the topic and answered, as a user meets it through `ask --json`."""

from __future__ import annotations

from conftest import ask_json


def test_each_item_after_a_topic_head_is_answered_with_the_topic():
    state, politics = ask_json(
        "Mình cần số liệu về quản lý nhà nước: cấp huyện học chuyên viên, chủ chốt cấp xã",
        "Xin các con số về lý luận chính trị: cao cấp ở cấp huyện, trung cấp ở cấp huyện, "
        "trung cấp ở cấp xã.",
    )
    assert state["intents"] == ["qlnn_specialist", "qlnn_commune_key"]
    assert "115" in state["answer"] and "128" in state["answer"]
    assert politics["intents"] == [
        "advanced_llct",
        "intermediate_llct_district",
        "intermediate_llct_commune",
    ]


def test_a_head_that_names_no_topic_of_the_article_is_read_as_before():
    (reply,) = ask_json("Câu hỏi của lớp: bài báo có tên gì, ai viết?")
    assert reply["intents"] == ["article_title", "article_author"]
