"""The article named by its author around a question, a long topic label before a colon, a
purpose said after a question of both levels, one level added to the other in a follow-up, why
a figure is what it is, names and results the article never gives, and the everyday words for
the staff a question is of — through `ask --json`, as a user meets them, with the look-alike
questions that must keep their old reading."""

from __future__ import annotations

import pytest
from conftest import ask_json

BOTH_INTERMEDIATE = ["intermediate_llct_district", "intermediate_llct_commune"]


@pytest.mark.parametrize(
    ("message", "expected"),
    [
        # "theo bài báo của Phong Vân": which article, before the question or after it
        (
            "Theo bài báo của Phong Vân, hiện nay có bao nhiêu người có trình độ đại học?",
            ["university_degree_now"],
        ),
        (
            "Có bao nhiêu người có trình độ trên đại học theo bài báo của Phong Vân?",
            ["postgraduate_now"],
        ),
        # a topic's label longer than four words, all of it the course's name
        ("Trung cấp lý luận chính trị: huyện tổ chức cho mấy người học?", BOTH_INTERMEDIATE),
        # why the figure is wanted, said after a question both levels answer
        ("Tôi cần số người học trung cấp chính trị để đưa vào báo cáo.", BOTH_INTERMEDIATE),
        # everyday words: the commune's office staff, the one who spoke to the journalist
        ("nhân viên cấp xã được đào tạo gì", ["commune_civil_servant_training"]),
        ("Ai bên Huyện ủy trả lời nhà báo?", ["spokesperson"]),
    ],
)
def test_words_around_the_question_do_not_hide_it(message, expected):
    (reply,) = ask_json(message)
    assert (reply["status"], reply["intents"]) == ("answer", expected)


@pytest.mark.parametrize(
    ("message", "expected"),
    [
        ("bài của Phong Vân", ["article_source"]),  # the article named alone: what it is
        ("Đồng chí liệt kê giúp tôi: tên bài, tờ báo", ["article_title", "article_source"]),
        ("tổng cộng huyện có bao nhiêu cán bộ", ["total_staff"]),  # "cộng huyện": no level
        ("Vì sao huyện chú trọng đào tạo cán bộ?", ["past_weakness"]),  # a reason it gives
        # "huyện nữa" in a question of its own is the whole district, never its level
        ("trung cấp chính trị cả huyện nữa là bao nhiêu", BOTH_INTERMEDIATE),
        # lý luận chính trị's highest course, never a degree
        ("trình độ cao nhất về lý luận chính trị có mấy người", ["advanced_llct"]),
        # a sum of parts a group declares, named by a wider degree ("sau đại học": the 28)
        (
            "Theo nghị quyết 03, tổng cộng bao nhiêu người được cử đi đào tạo đại học và sau đại học?",
            ["university_sent", "masters_sent"],
        ),
    ],
)
def test_look_alikes_keep_their_reading(message, expected):
    (reply,) = ask_json(message)
    assert (reply["status"], reply["intents"]) == ("answer", expected)


def test_the_communes_staff_left_out_leaves_the_remainder():
    (reply,) = ask_json("Không tính cán bộ công chức cấp xã thì huyện còn bao nhiêu người?")
    assert (reply["status"], reply["intents"]) == ("answer", ["total_staff", "commune_staff"])
    assert "1.705" in reply["answer"]


@pytest.mark.parametrize(
    "follow_up", ["cả huyện nữa cộng lại", "cộng cả huyện nữa là bao nhiêu", "cong ca huyen nua"]
)
def test_the_district_added_to_the_communes_gives_both_and_their_sum(follow_up):
    first, second = ask_json(
        "cán bộ cấp xã học trung cấp lý luận chính trị bao nhiêu", follow_up, conversation="c"
    )
    assert first["intents"] == ["intermediate_llct_commune"]
    assert second["status"] == "answer"
    assert sorted(second["intents"]) == sorted(BOTH_INTERMEDIATE)
    assert "355" in second["answer"]


@pytest.mark.parametrize(
    ("message", "unsaid"),
    [
        ("Tại sao chỉ có 19 người đi bồi dưỡng chức danh bí thư?", "lý do"),
        ("Vì sao năm 2011 huyện mới có nghị quyết 03?", "lý do"),
        ("Có bao nhiêu người học đại học đã tốt nghiệp và về huyện làm việc?", "tốt nghiệp"),
        ("Tên những thầy cô được bổ nhiệm làm hiệu trưởng là gì?", "tên"),
        ("28 người đi học thạc sĩ theo những ngành cụ thể nào?", "ngành học"),
        ("sao cử 712 người đi đại học mà giờ có 1.066 người thôi", "lý do"),
    ],
)
def test_what_the_article_never_says_is_said_so_not_answered_with_a_figure(message, unsaid):
    (reply,) = ask_json(message)
    assert reply["status"] == "fallback"
    assert reply["intents"] == []
    assert unsaid in reply["answer"]


def test_a_sum_of_two_facts_no_group_declares_is_never_half_answered():
    """ "Tổng … ĐH và cao cấp LLCT?": the course alone would answer half of what is asked."""
    (reply,) = ask_json("Tổng số người được cử đi ĐH và cao cấp LLCT?")
    assert reply["intents"] != ["advanced_llct"]
    if reply["status"] == "answer":
        assert sorted(reply["intents"]) == ["advanced_llct", "university_sent"]


@pytest.mark.parametrize(
    ("message", "expected"),
    [
        # the district's leaders, as "lãnh đạo xã" the communes'
        ("Lãnh đạo huyện còn trẻ có mấy người?", ["young_leaders_district"]),
        # brackets closing two questions, asking nothing: what both count
        ("ĐH bao nhiêu, ThS bao nhiêu? (số cử đi học)", ["university_sent", "masters_sent"]),
        # brackets listing the parts of a total stay its parts
        (
            "Tổng cộng bao nhiêu người đi bồi dưỡng chức danh (bí thư, phó bí thư xã và chủ tịch MTTQ)?",
            ["party_secretary_training", "mttq_chairs"],
        ),
        # "đồng chí" closing a question is the one asked, never a cadre whose training is due
        (
            "Thạc sĩ với đại học cộng lại là 740 người được cử đi học, phải không đồng chí?",
            ["university_sent", "masters_sent"],
        ),
        # "tell me more about …": the thing named next, asked
        ("nói rõ hơn về mục tiêu đào tạo", ["training_goal"]),
        # for whom the question is asked, then the request, then the question
        ("ê bot, sếp tôi quê Điện Biên, hỏi giùm: cấp xã có bao nhiêu cán bộ", ["commune_staff"]),
        # a remark, a comma, then the question said in one go: both levels, as asked alone
        (
            "con gái cô kể trên đấy nhiều cán bộ trẻ lắm, thế dưới 35 tuổi mà làm chủ chốt có mấy người hả cháu",
            ["young_leaders_district", "young_leaders_commune"],
        ),
    ],
)
def test_what_a_question_is_of_is_read_where_it_is_said(message, expected):
    (reply,) = ask_json(message)
    assert (reply["status"], reply["intents"]) == ("answer", expected)


def test_a_sum_asked_of_two_facts_is_never_answered_by_one():
    """Asked back about, both facts offered; "cả hai" then gives both."""
    asked, both = ask_json(
        "cộng số học chuyên viên với số học cao cấp LLCT", "cả hai", conversation="c"
    )
    assert asked["status"] == "clarify"
    offered = " | ".join(asked["suggestions"])
    assert "cao cấp lý luận chính trị" in offered and "chuyên viên" in offered
    assert (both["status"], sorted(both["intents"])) == (
        "answer",
        ["advanced_llct", "qlnn_specialist"],
    )


def test_which_level_asked_after_a_figure_of_every_level_is_that_figure_again():
    first, second = ask_json(
        "chủ tịch MTTQ đi bồi dưỡng bao nhiêu người", "cấp nào?", conversation="c"
    )
    assert first["intents"] == second["intents"] == ["mttq_chairs"]
    assert "các cấp" in second["answer"]


def test_one_more_course_named_with_nua_joins_the_sum():
    first, second = ask_json(
        "trung cấp lý luận chính trị bao nhiêu người học",
        "cao cấp nữa thì tổng bao nhiêu",
        conversation="c",
    )
    assert sorted(first["intents"]) == sorted(BOTH_INTERMEDIATE)
    assert sorted(second["intents"]) == sorted(["advanced_llct", *BOTH_INTERMEDIATE])
    assert "381" in second["answer"]


def test_a_reply_to_a_clarification_picks_the_offer_whose_words_it_says_back():
    offer, picked = ask_json("cho tôi số liệu đại học", "cái cử đi học ấy", conversation="c")
    assert offer["status"] == "clarify"
    assert (picked["status"], picked["intents"]) == ("answer", ["university_sent"])


def test_a_value_said_back_is_no_pick_of_an_offer_not_of_it():
    """ "thế còn đại học" after an offer of those above university asks of the university."""
    first, second = ask_json(
        "Thạc sĩ với trên đại học khác nhau sao, bài có nói bao nhiêu người trên đại học không?",
        "thế còn đại học",
        conversation="c",
    )
    assert first["status"] == "clarify"
    assert "postgraduate_now" not in second["intents"]


def test_a_level_asked_as_a_choice_is_no_level_kept_for_the_next_question():
    """ "cấp huyện hay xã?" names both: "còn trung cấp" then asks of every level."""
    *_, last = ask_json(
        "cao cấp llct bao nhiêu người đi học", "cấp huyện hay xã", "còn trung cấp", conversation="c"
    )
    assert (last["status"], sorted(last["intents"])) == ("answer", sorted(BOTH_INTERMEDIATE))


def test_a_denial_said_back_picks_no_offer():
    offer, reply = ask_json(
        "cho tôi số liệu đại học", "không, không phải cử đi học", conversation="c"
    )
    assert offer["status"] == "clarify"
    assert reply["intents"] != ["university_sent"]


@pytest.mark.parametrize(
    ("first", "then", "expected"),
    [
        # "cả huyện … tất cả" after a figure: the whole district, nothing of the last answer
        (
            "bao nhiêu người được cử đi học đại học",
            "cả huyện có tất cả bao nhiêu cán bộ?",
            ["total_staff"],
        ),
        # a new total naming the communes is no re-reading of their figure
        (
            "có bao nhiêu cán bộ công chức cấp xã",
            "tổng số cán bộ công chức kể cả cấp xã là bao nhiêu?",
            ["total_staff"],
        ),
        # "còn nữa, …": one more question, nothing added to the last answer
        (
            "bao nhiêu người cử đi học thạc sĩ",
            "còn nữa, tổng số đảng viên là bao nhiêu",
            ["party_members"],
        ),
    ],
)
def test_a_new_question_after_an_answer_takes_nothing_of_it(first, then, expected):
    _, reply = ask_json(first, then, conversation="c")
    assert (reply["status"], reply["intents"]) == ("answer", expected)
