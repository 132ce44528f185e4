"""Pleasantries around a question, and a clause that asks the same thing again, as a user
meets them through `python -m bot ask --json`."""

from __future__ import annotations

import pytest
from conftest import ask_json


@pytest.mark.parametrize(
    ("message", "intents"),
    [
        ("bài này của báo nào thế, thanks bạn", ["article_source"]),
        ("ok cảm ơn, à mà bài có bao nhiêu lượt xem, thanks", ["article_views"]),
        ("ai viết bài này, cảm ơn nhé. chúc bot vui", ["article_author"]),
        ("huyện có bao nhiêu đảng viên, thưa đồng chí?", ["party_members"]),
        (
            "ok, bài này có nói huyện có bao nhiêu cán bộ công chức ở cấp xã không?",
            ["commune_staff"],
        ),
    ],
)
def test_thanks_closing_a_question_do_not_make_it_unclear(message, intents):
    (reply,) = ask_json(message)
    assert (reply["status"], reply["intents"]) == ("answer", intents)


def test_a_message_of_pleasantries_only_is_smalltalk_not_a_guess_at_a_fact():
    (reply,) = ask_json("cảm ơn bạn, bài hay lắm")
    assert reply["status"] == "smalltalk"
    assert reply["suggestions"] == []


def test_thanks_never_hide_a_question_the_article_cannot_answer():
    (reply,) = ask_json("giá vàng hôm nay bao nhiêu, cảm ơn bạn")
    assert reply["status"] == "fallback"


@pytest.mark.parametrize(
    "message",
    ["người được phỏng vấn là ai, giữ chức vụ gì ạ?", "ai phát biểu trong bài, chức vụ gì?"],
)
def test_asking_who_and_their_post_is_one_question(message):
    (reply,) = ask_json(message)
    assert (reply["status"], reply["intents"]) == ("answer", ["spokesperson"])


def test_a_message_asking_three_things_is_never_answered_with_one():
    # the whole reads as the author only; "when" after "who wrote" is a question of its own
    (reply,) = ask_json("who wrote the article, when and which newspaper?")
    assert reply["status"] == "answer", reply
    assert reply["intents"] == ["article_author", "article_date", "article_source"], reply


@pytest.mark.parametrize(
    ("message", "intents"),
    [
        # "cán bộ huyện" is the district's staff as a whole as well as its district level
        ("cán bộ huyện có bao nhiêu người có thẻ đảng", ["party_members"]),
        ("ai được trích lời trong bài viết", ["spokesperson"]),  # the article, not its writer
        ("bài ni ai vt vậy", ["article_author"]),
        ("bài lên mặt báo hôm nào", ["article_date"]),
        ("có bao nhiêu đảng viên tính đến nay", ["party_members"]),  # "tính đến nay" is now
    ],
)
def test_everyday_words_for_the_staff_the_article_and_now(message, intents):
    (reply,) = ask_json(message)
    assert (reply["status"], reply["intents"]) == ("answer", intents), reply


def test_a_bare_district_item_in_a_list_is_the_district_level():
    (reply,) = ask_json("cán bộ huyện, cán bộ xã và công chức xã thì mỗi nhóm học về cái gì?")
    assert reply["intents"] == [
        "district_level_training",
        "commune_cadre_training",
        "commune_civil_servant_training",
    ], reply


def test_two_groups_named_get_both_parts_even_when_one_ranks_far_ahead():
    replies = ask_json(
        "cán bộ xã và công chức xã được đào tạo cái gì",
        "cb cc ở đây dc cho đi học chủ yếu về mảng j",  # staff in general: every level
    )
    assert replies[0]["intents"] == ["commune_cadre_training", "commune_civil_servant_training"]
    assert replies[1]["intents"] == [
        "district_level_training",
        "commune_cadre_training",
        "commune_civil_servant_training",
    ], replies


def test_a_pair_of_levels_then_each_gets_each_levels_figure():
    (reply,) = ask_json("huyện với xã, từng cấp có mấy người học trung cấp chính trị")
    assert reply["intents"] == ["intermediate_llct_district", "intermediate_llct_commune"], reply


def test_the_other_level_after_an_answer_gets_every_part_the_article_gives_there(tmp_path):
    replies = ask_json(
        "cán bộ cấp huyện được đào tạo những gì", "còn cấp xã?", conversation=str(tmp_path.name)
    )
    assert replies[0]["intents"] == ["district_level_training"], replies
    assert replies[1]["intents"] == [
        "commune_cadre_training",
        "commune_civil_servant_training",
    ], replies


@pytest.mark.parametrize(
    ("message", "intents"),
    [
        # "cán bộ" is everyone; "công chức" names the civil servants, of both levels
        ("cán bộ được đào tạo gì", ["district_level_training", "commune_cadre_training",
                                     "commune_civil_servant_training"]),
        ("công chức được đào tạo gì", ["district_level_training", "commune_civil_servant_training"]),
        ("mấy người làm chuyên môn ở xã như địa chính, tư pháp được học gì", ["commune_civil_servant_training"]),
    ],
)  # fmt: skip
def test_who_is_named_decides_which_training_is_given(message, intents):
    (reply,) = ask_json(message)
    assert (reply["status"], reply["intents"]) == ("answer", intents), reply


@pytest.mark.parametrize(
    ("message", "intents"),
    [
        ("hiện có bao nhiêu người có bằng đại học, không tính trên đại học", ["university_degree_now"]),
        ("cán bộ chủ chốt trẻ dưới 35 làm trên huyện (ko tính xã) có mấy người", ["young_leaders_district"]),
    ],
)  # fmt: skip
def test_what_the_message_leaves_out_is_not_given(message, intents):
    (reply,) = ask_json(message)
    assert (reply["status"], reply["intents"]) == ("answer", intents), reply


def test_a_remainder_asked_by_leaving_a_part_out_still_gets_the_parts_and_the_rest():
    (reply,) = ask_json("không tính cấp xã thì huyện có bao nhiêu cán bộ")
    assert reply["intents"] == ["total_staff", "commune_staff"], reply
    assert "1.705" in reply["answer"], reply  # 1.999 − 294, declared in groups.yaml


def test_a_request_asks_like_a_question_word():
    # "tóm tắt giúp", "cho biết": requests, each a question of its own beside the other
    (reply,) = ask_json("bài này tên là gì, tóm tắt giúp mình luôn")
    assert reply["intents"] == ["article_title", "article_summary"], reply


def test_a_colon_after_a_year_opens_the_question_after_a_preamble():
    (reply,) = ask_json(
        "Chào bạn, em làm ở phòng nội vụ. Trước khi nộp báo cáo lên trên, em muốn đối chiếu "
        "với bài năm 2018: ở cấp xã có bao nhiêu cán bộ chủ chốt dưới 35 tuổi?"
    )
    assert (reply["status"], reply["intents"]) == ("answer", ["young_leaders_commune"]), reply


def test_the_rest_of_an_introducing_sentence_is_preamble_when_a_later_sentence_asks():
    replies = ask_json(
        "Chào bạn, tôi là cán bộ văn phòng huyện ủy, đang tò mò muốn biết thêm chuyện này thế"
        " nào. Cảm ơn nhé. Trong đội ngũ có bao nhiêu người là đảng viên?",
        # … but never a question of its own sentence: both are asked
        "Mình là sinh viên, cho mình hỏi số đảng viên là bao nhiêu? Và số người học thạc sĩ?",
    )
    assert replies[0]["intents"] == ["party_members"], replies[0]
    assert replies[1]["intents"] == ["party_members", "masters_sent"], replies[1]


def test_an_elder_asking_by_voice_after_a_long_preamble_is_answered():
    """ "… cho ông hỏi …", "… cho bác hỏi …": the question starts after the opener."""
    (reply,) = ask_json(
        "bác già rồi mắt kém nói vào máy cháu thông cảm nhé cho bác hỏi có bao nhiêu người đi học thạc sĩ"
    )
    assert reply["status"] == "answer" and reply["intents"] == ["masters_sent"]


@pytest.mark.parametrize(
    "question",
    [
        "Tóm tắt giúp tôi Nghị quyết Đại hội XIII của Đảng",
        "tóm tắt giúp mình bài báo hôm qua về giá xăng",
    ],
)
def test_a_summary_of_something_else_than_the_article_is_refused(question):
    (reply,) = ask_json(question)
    assert (reply["status"], reply["intents"]) == ("fallback", [])


def test_all_correct_asked_after_two_figures_confirms_both():
    both, every = ask_json(
        "bao nhiêu người được cử học đại học và thạc sĩ",
        "đúng cả không?",
        conversation="all-correct",
    )
    assert every["intents"] == both["intents"] == ["university_sent", "masters_sent"]
    assert "1.999" not in every["answer"]  # never the whole staff for "cả"
