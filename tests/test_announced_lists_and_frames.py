"""Lists announced with their count ("cả 4 số: …, số ở xã, …", "3 con số về lý luận chính trị:
…"), a list of which one item alone is sure, the man quoted called by his title, a source frame
after a comma, and follow-ups asking which period or what a figure counts — through `ask
--json` (one chat: `--conversation`), as a user meets them."""

from __future__ import annotations

import pytest
from conftest import ask_json


def test_an_item_naming_a_level_is_the_item_before_at_that_level():
    (reply,) = ask_json(
        "Cho mình cả 4 số: cán bộ công chức toàn huyện, số ở xã, số đảng viên, số được cử đi "
        "học đại học."
    )
    assert reply["intents"] == ["total_staff", "commune_staff", "party_members", "university_sent"]


def test_a_counted_list_of_one_topic_reads_each_item_with_it():
    listed, summed = ask_json(
        "Cho biết 3 con số về lý luận chính trị: cao cấp cấp huyện, trung cấp cấp huyện, trung "
        "cấp cấp xã.",
        "tổng ba số đó",
        conversation="topic",
    )
    three = ["advanced_llct", "intermediate_llct_district", "intermediate_llct_commune"]
    assert listed["intents"] == three and summed["intents"] == three
    assert "26 + 55 + 300 = 381" in summed["answer"]


def test_one_sure_item_of_three_is_asked_back_with_the_others():
    (reply,) = ask_json("Tôi cần tiêu đề, tác giả và nguồn của bài để ghi chú.")
    assert reply["status"] == "clarify"
    assert "tác giả" in reply["answer"] and "báo nào" in reply["answer"]


def test_a_story_told_before_asking_what_the_article_says_is_no_list():
    (reply,) = ask_json(
        "Anh em trong cơ quan đang cãi nhau, có người bảo huyện vẫn cử đi học tràn lan cho đủ "
        "chỉ tiêu. Bài báo nói gì về chuyện này?"
    )
    assert reply["intents"] == ["no_mass_training"]


def test_the_man_quoted_called_by_his_title_frames_what_he_said():
    (reply,) = ask_json("Ông Trưởng ban Tổ chức Huyện ủy nói mục tiêu đào tạo là gì?")
    assert reply["intents"] == ["training_goal"]


def test_a_source_frame_after_a_comma_is_read_past():
    (reply,) = ask_json("Cán bộ chủ chốt trẻ, bài ghi bao nhiêu người?")
    assert reply["intents"] == ["young_leaders_district", "young_leaders_commune"]


@pytest.mark.parametrize(
    ("question", "intents"),
    [
        ("Tiêu đề bài là gì, bài nói về chuyện gì?", ["article_title", "article_summary"]),
        ("Nhiệm kỳ nào thì Đảng bộ huyện hoàn thành mục tiêu đề ra, bài có nói cụ thể không?", []),
    ],
)
def test_asking_what_the_article_says_after_a_comma_is_no_frame(question, intents):
    (reply,) = ask_json(question)
    assert reply["intents"] == intents


@pytest.mark.parametrize(
    "period",
    ["con số đó là năm nay hay từ trước đến giờ?", "con so do la nam nay hay tu truoc den gio?"],
)
def test_whether_a_figure_is_this_years_gives_it_again(period):
    _, reply = ask_json(
        "huyện bồi dưỡng chức danh bí thư cấp xã mấy người?", period, conversation="period"
    )
    assert reply["intents"] == ["party_secretary_training"]


def test_whether_a_figure_counts_people_or_turns_in_english():
    _, reply = ask_json(
        "how many education staff are trained each year?",
        "is that people or training turns?",
        conversation="turns",
    )
    assert reply["intents"] == ["education_sector"]


def test_a_closing_pair_of_things_asked_is_no_pleasantry():
    (reply,) = ask_json("Cho xin tác giả, nguồn báo và lượt xem của bài.")
    assert reply["intents"] == ["article_author", "article_source", "article_views"]


def test_items_cut_at_semicolons_under_one_question_mark_are_each_asked():
    (reply,) = ask_json("tổng CBCC; CBCC cấp xã; số đảng viên?")
    assert reply["intents"] == ["total_staff", "commune_staff", "party_members"]


def test_an_emoji_inside_a_question_weighs_as_courtesy():
    (reply,) = ask_json("bot ơi cho hỏi tí 😁 huyện có bao nhiêu cán bộ công chức")
    assert reply["intents"] == ["total_staff"]
