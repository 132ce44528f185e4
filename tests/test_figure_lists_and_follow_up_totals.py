"""Lists announced as figures ("cho tôi các số sau: …"), what a figure counts when it is also the
whole of others ("1.999 là số gì?"), the asker's own district before the question, the young
among the party members (never counted), and totals after answers: which figures "tổng", "cộng
hết lại", "tóm lại" take, and which they leave — through `ask --json` (one chat:
`--conversation`), as a user meets them. Beside them, messages the new rules must leave alone."""

from __future__ import annotations

import pytest
from conftest import ask_json

OPINION = "Mình không đưa ra ý kiến hay đánh giá riêng"


@pytest.mark.parametrize(
    ("asked", "facts"),
    [
        (
            "cho tôi các số sau: tổng cán bộ công chức, cán bộ cấp xã, đảng viên",
            ["total_staff", "commune_staff", "party_members"],
        ),
        (
            "cho xin số liệu đảng viên, trên đại học, cán bộ trẻ dưới 35 cấp huyện",
            ["party_members", "postgraduate_now", "young_leaders_district"],
        ),
    ],
)
def test_every_item_of_a_list_of_figures_is_a_count(asked, facts):
    (reply,) = ask_json(asked)
    assert (reply["status"], reply["intents"]) == ("answer", facts)


@pytest.mark.parametrize(
    ("asked", "facts"),
    [
        (  # a topic before the colon: each item read with it (bot/topic_heads.py)
            "Xin các con số về trình độ hiện nay: đại học, trên đại học và lý luận chính trị.",
            ["university_degree_now", "postgraduate_now", "llct_level_now"],
        ),
        (  # answered as written: "bí thư, phó bí thư xã" stays one item
            "Cho tôi các số: bồi dưỡng chuyên môn nghiệp vụ, bồi dưỡng chức danh bí thư, phó bí "
            "thư xã, và chủ tịch MTTQ.",
            ["professional_training", "party_secretary_training", "mttq_chairs"],
        ),
        (  # numbered items: read as numbered (bot/enumerations.py)
            "Cho tôi các số: 1) cử đi học đại học, 2) cử đi học thạc sĩ, 3) bồi dưỡng chuyên viên "
            "QLNN.",
            ["university_sent", "masters_sent", "qlnn_specialist"],
        ),
    ],
)
def test_lists_of_figures_read_otherwise_are_left_as_they_are(asked, facts):
    (reply,) = ask_json(asked)
    assert reply["intents"] == facts


def test_the_asker_s_own_sentence_names_what_the_next_one_asks():
    (reply,) = ask_json(
        "Huyện tôi có 12 cán bộ chủ chốt dưới 35 tuổi ở cấp xã. Điện Biên Đông cấp xã bao nhiêu?"
    )
    assert reply["intents"] == ["young_leaders_commune"]
    assert "21" in reply["answer"] and "12" not in reply["answer"]
    (own,) = ask_json(  # a question naming things of its own asks them
        "Huyện mình có 150 cán bộ công chức cấp xã và 5 người học thạc sĩ. Điện Biên Đông thì "
        "cấp xã có bao nhiêu người, thạc sĩ bao nhiêu?"
    )
    assert own["intents"] == ["commune_staff", "masters_sent"]


@pytest.mark.parametrize(
    "asked",
    ["bao nhiêu đảng viên trẻ", "huyện tôi có 150 đảng viên trẻ, Điện Biên Đông bao nhiêu?"],
)
def test_the_young_party_members_are_never_counted(asked):
    (reply,) = ask_json(asked)
    assert reply["status"] == "fallback"
    assert "độ tuổi" in reply["answer"]


def test_a_total_naming_a_fact_of_its_own_is_that_fact_not_a_sum():
    *_, whole = ask_json(
        "có phải 712 người là đảng viên không",
        "ủa thế 712 người đi học đại học là số khác à",
        "tổng số cán bộ công chức bao nhiêu",
        conversation="own",
    )
    assert whole["intents"] == ["total_staff"]
    _, summed = ask_json("trung cấp cấp huyện bao nhiêu", "tổng bao nhiêu", conversation="bare")
    assert summed["intents"] == ["intermediate_llct_district", "intermediate_llct_commune"]
    assert "55 + 300 = 355" in summed["answer"]


def test_a_total_of_everything_after_the_whole_and_its_part_is_the_whole():
    *_, total = ask_json(
        "huyện có bao nhiêu cán bộ",
        "cấp xã bao nhiêu",
        "tổng tất cả là bao nhiêu",
        conversation="w",
    )
    assert total["intents"] == ["total_staff"]


def test_adding_everything_up_leaves_out_what_is_no_count():
    *_, summed = ask_json(
        "nghị quyết 03 ban hành năm nào",
        "bao nhiêu người học thạc sĩ",
        "cộng hết lại",
        conversation="year",
    )
    assert "resolution_03" not in summed["intents"]
    assert "masters_sent" in summed["intents"]


def test_in_short_gives_the_figures_just_given_again():
    *_, short = ask_json(
        "huyen co bao nhieu nguoi hoc thac si",
        "con dai hoc",
        "tom lai la bao nhieu",
        conversation="short",
    )
    assert set(short["intents"]) == {"university_sent", "masters_sent"}


def test_words_like_a_request_that_remember_or_judge_size_are_no_pair_asked():
    *_, remember = ask_json(
        "đại học bao nhiêu", "thạc sĩ", "nhớ hai số đó nhé", conversation="remember"
    )
    assert remember["status"] != "answer"


def test_a_lettered_list_of_questions_is_no_quiz():
    (reply,) = ask_json(
        "Nhờ bot trả lời giúp: a. Nghị quyết 03 của huyện ban hành vào năm nào b. Mục tiêu đào "
        "tạo là gì c. Ai là người được trích lời trong bài báo này"
    )
    assert reply["intents"] == ["resolution_03", "training_goal", "spokesperson"]


@pytest.mark.parametrize(
    ("asked", "status"),
    [
        ("bài báo có nói về việc cán bộ đáng tin cậy hơn sau đào tạo không", "clarify"),
        ("bài viết có nêu tiêu chí chọn cán bộ khách quan không", "clarify"),
        ("đào tạo có bài bản, khách quan không", "clarify"),
    ],
)
def test_what_the_article_says_of_fairness_is_no_judgement_asked(asked, status):
    (reply,) = ask_json(asked)
    assert reply["status"] == status
    assert not reply["answer"].startswith(OPINION)


def test_the_answerable_part_beside_a_judgement_is_answered():
    (reply,) = ask_json("bài báo viết về huyện nào, số liệu có đáng tin không")
    assert reply["intents"] == ["article_summary"]


def test_an_opener_never_reaches_across_a_sentence_s_end():
    # "… không? Nhờ bạn …" holds no "không nhớ" (forgot): the question is the one before
    (reply,) = ask_json(
        "Thính giả ở Phì Nhừ gọi đến hỏi: huyện có bao nhiêu đảng viên, có phải 712 không? Nhờ "
        "bạn kiểm tra giúp."
    )
    assert reply["intents"] == ["party_members"]


def test_in_short_what_the_article_says_is_still_its_summary():
    *_, summary = ask_json(
        "đại học bao nhiêu", "thạc sĩ", "tóm lại bài nói gì", conversation="summary"
    )
    assert summary["intents"] == ["article_summary"]


@pytest.mark.parametrize(
    "asked",
    [
        "cho xin số liệu tiến sĩ, thạc sĩ, đại học",  # no doctors counted: never the rest alone
        "cho xin số liệu cán bộ nghỉ hưu, cán bộ bị kỷ luật, cán bộ chuyển công tác",
    ],
)
def test_a_list_of_figures_with_one_the_article_never_counts_is_no_half_answer(asked):
    (reply,) = ask_json(asked)
    assert reply["status"] != "answer"
