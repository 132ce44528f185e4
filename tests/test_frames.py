"""Words that only say where the answer is ("bài này có nói gì về …", "theo bài viết …"), read
past as a user meets it through `ask`: what is asked is the thing they name."""

from __future__ import annotations

from conftest import ask_json


def test_what_the_article_says_about_a_thing_it_counts_is_that_thing():
    young, young_called, nothing = ask_json(
        "bài này có nói gì về cán bộ trẻ không",
        "Cháu ơi, bài này có nói gì về cán bộ trẻ không?",
        "bài này có nói gì về y tế không",
    )
    both = ["young_leaders_district", "young_leaders_commune"]
    assert young["intents"] == young_called["intents"] == both, (young, young_called)
    assert nothing["status"] == "fallback" and not nothing["intents"], nothing


def test_a_call_before_a_source_frame_is_read_past_too():
    (reply,) = ask_json("Cháu ơi, bài viết nói mục tiêu đào tạo là gì?")
    assert reply["intents"] == ["training_goal"], reply


def test_what_the_article_says_asked_after_the_question_asks_that_question():
    """ "…, bài nói răng?" (the Centre's "sao"): of the question before it."""
    (reply,) = ask_json("hoc xong roi can bo co kha len khong, bai noi răng?")
    assert reply["intents"] == ["training_effects"], reply


def test_a_preamble_of_sentences_about_the_asker_is_read_past_whatever_it_names():
    """A veteran's years and battles (another province, a year) are who asks, not what."""
    (reply,) = ask_json(
        "Chào cháu. Bác năm nay 76 tuổi, là cựu chiến binh, từng chiến đấu ở mặt trận Quảng Trị "
        "năm 1972, nay về hưu ở quê. Hôm nay đọc thấy bài về huyện Điện Biên Đông, bác muốn hỏi "
        "cháu: huyện ấy hiện có tất cả bao nhiêu cán bộ, công chức?"
    )
    assert reply["intents"] == ["total_staff"], reply


def test_which_level_a_figure_is_of_names_its_fact():
    total, level = ask_json(
        "Huyện có bao nhiêu cán bộ công chức?",
        "Trong đó 294 người là cấp nào?",
        conversation="which-level",
    )
    assert total["intents"] == ["total_staff"]
    assert level["intents"] == ["commune_staff"], level


def test_they_said_of_the_staff_weighs_nothing_in_what_is_asked():
    """ "họ" (they), like "tôi" or "mình", names no fact: the past and the progress, both."""
    (reply,) = ask_json("Trước đây cán bộ huyện thế nào, và giờ sau đào tạo thì họ tiến bộ ra sao?")
    assert reply["intents"] == ["past_weakness", "training_effects"], reply


def test_what_a_figure_is_asked_in_english_is_what_it_counts():
    """ "what's 712 in the article?": the English of "số 712 trong bài là gì" (a thousands comma
    as English writes it: "1,800")."""
    replies = ask_json("what's 712 in the article?", "what does 1,800 refer to in the article?")
    assert [r["intents"] for r in replies] == [
        ["university_sent", "party_members"],
        ["education_sector"],
    ], replies


def test_as_of_the_article_is_a_frame_not_what_is_asked():
    (reply,) = ask_json("Tại thời điểm bài báo, huyện có tổng cộng bao nhiêu cán bộ công chức vậy?")
    assert reply["status"] == "answer" and reply["intents"] == ["total_staff"], reply


def test_what_the_person_quoted_says_about_a_thing_is_that_thing():
    replies = ask_json(
        "What does he say about how trainees are selected?",
        "Is untargeted mass training still happening?",
    )
    assert [r["intents"] for r in replies] == [["selection_criteria"], ["no_mass_training"]], (
        replies
    )
