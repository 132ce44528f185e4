"""Examples listed after a noun ("công chức xã như địa chính, tư pháp"), a reply's length asked
for ("tóm tắt 2 câu"), a share after several facts or against a figure ("so với 294"), "toàn
huyện" of a fact the article gives per level, who of something new after an answer, a doubt of
the article after its question, a party's congress that is no publication, and chat thanks
("ty", "tks bn") — through `ask --json` (one chat: `--conversation`), as a user meets them."""

from __future__ import annotations

import pytest
from conftest import ask_json


@pytest.mark.parametrize(
    ("question", "intents"),
    [
        (
            "mấy chị công chức ở xã như kế toán, địa chính, văn phòng thì được học gì?",
            ["commune_civil_servant_training"],
        ),
        (
            "công chức chuyên môn dưới xã (tư pháp, địa chính...) được đào tạo gì?",
            ["commune_civil_servant_training"],
        ),
        # without the examples nothing sure is asked: they are what is asked about
        (
            "các chức danh như bí thư, phó bí thư được bồi dưỡng bao nhiêu người?",
            ["party_secretary_training"],
        ),
        # a parenthesis that says which, not examples of one kind
        (
            "tổng số người được cử học lý luận chính trị (cao cấp + trung cấp, cả hai cấp)?",
            ["advanced_llct", "intermediate_llct_district", "intermediate_llct_commune"],
        ),
    ],
)
def test_examples_of_what_is_asked_about_ask_nothing_more(question, intents):
    (reply,) = ask_json(question)
    assert reply["intents"] == intents


@pytest.mark.parametrize(
    "question", ["tóm tắt bài báo 3 câu thôi", "tóm tắt trong 2 dòng", "summarize in 2 lines"]
)
def test_a_length_asked_for_the_reply_is_no_figure(question):
    (reply,) = ask_json(question)
    assert reply["intents"] == ["article_summary"]


def test_questions_announced_by_their_count_are_still_counted():
    (reply,) = ask_json(
        "em có 2 câu: 1) bao nhiêu người học thạc sĩ, 2) bao nhiêu người học cao cấp lý luận "
        "chính trị. trả lời câu 1 trước nhé"
    )
    assert reply["intents"] == ["masters_sent"]


def test_a_closing_ask_for_brevity_adds_no_question():
    (reply,) = ask_json("Tiêu chí chọn người đi học là gì, nói ngắn thôi")
    assert reply["intents"] == ["selection_criteria"]


def test_a_doubt_of_the_article_after_its_question_answers_the_question():
    (reply,) = ask_json("bài này do tờ báo nào đăng, có thật không?")
    assert reply["intents"] == ["article_source"]


def test_a_share_after_several_facts_is_asked_of_each():
    _, share = ask_json(
        "cộng số người đi học đại học với thạc sĩ được bao nhiêu?",
        "thế chiếm bao nhiêu % tổng CBCC?",
        conversation="share-sum",
    )
    assert share["intents"] == ["university_sent", "masters_sent", "total_staff"]
    assert "không nêu tỷ lệ" in share["answer"]


@pytest.mark.parametrize(
    ("figure", "whole"), [("294 CBCC cấp xã", "commune_staff"), ("1.999 người", "total_staff")]
)
def test_a_share_against_a_figure_is_of_that_figures_fact(figure, whole):
    _, _, share = ask_json(
        "cán bộ chủ chốt dưới 35 tuổi có bao nhiêu?",
        "ở xã",
        f"so với {figure} thì chiếm bao nhiêu %?",
        conversation=f"share-{whole}",
    )
    assert share["intents"] == ["young_leaders_commune", whole]
    assert "không nêu tỷ lệ" in share["answer"]


@pytest.mark.parametrize(
    "question",
    [
        "toàn huyện có bao nhiêu cán bộ chủ chốt dưới 35 tuổi?",
        "cả huyện tính chung có bao nhiêu lãnh đạo trẻ dưới 35?",
    ],
)
def test_the_whole_district_of_a_figure_given_per_level_gets_every_level(question):
    (reply,) = ask_json(question)
    assert reply["intents"] == ["young_leaders_district", "young_leaders_commune"]
    assert "31" in reply["answer"]


def test_the_whole_district_of_a_fact_it_counts_whole_stays_that_fact():
    (reply,) = ask_json("toàn huyện có bao nhiêu cán bộ?")
    assert reply["intents"] == ["total_staff"]


def test_who_of_something_new_after_an_answer_is_not_its_speaker():
    _, who = ask_json(
        "mục tiêu của việc đào tạo là gì?", "ai được ưu tiên đào tạo?", conversation="who-new"
    )
    assert who["intents"] == ["selection_criteria"]
    _, said = ask_json("mục tiêu của việc đào tạo là gì?", "ai nói vậy?", conversation="who-said")
    assert said["intents"] == ["spokesperson"]


def test_when_a_party_congress_is_held_is_not_when_the_article_was_posted():
    _, when = ask_json(
        "người được bầu vào cấp ủy có đạt yêu cầu không?",
        "Đại hội Đảng bộ huyện khóa tới tổ chức khi nào?",
        conversation="congress",
    )
    assert when["status"] == "fallback" and "06/08/2018" not in when["answer"]
    _, posted = ask_json(
        "người được bầu vào cấp ủy có đạt yêu cầu không?",
        "bài đó đăng khi nào?",
        conversation="posted",
    )
    assert posted["intents"] == ["article_date"]


@pytest.mark.parametrize("thanks", ["ty", "good, ty", "tks bn nhiu", "ty nha"])
def test_chat_thanks_after_an_answer_are_smalltalk(thanks):
    _, reply = ask_json("bao nhiêu đảng viên?", thanks, conversation=f"thanks-{thanks}")
    assert reply["status"] == "smalltalk" and "712" not in reply["answer"]


def test_a_civil_service_exam_is_no_training_the_article_reports():
    (reply,) = ask_json("thi tuyển công chức xã cần ôn những phần nào?")
    assert reply["status"] == "fallback"


@pytest.mark.parametrize(
    ("question", "status"),
    [
        # "cũng như" joins, "nhu cầu" is no "như", an example the article never counts is refused
        ("số người học đại học cũng như thạc sĩ, tiến sĩ thì bao nhiêu?", "clarify"),
        ("huyện có nhu cầu đào tạo, bồi dưỡng cán bộ thì làm gì?", "clarify"),
        ("viên chức ngành như giáo dục, y tế thì được bồi dưỡng bao nhiêu lượt?", "fallback"),
    ],
)
def test_what_only_looks_like_examples_is_read_whole(question, status):
    (reply,) = ask_json(question)
    assert reply["status"] == status


def test_a_share_typed_without_marks_after_ok_is_still_a_share():
    _, share = ask_json(
        "bao nhiêu người học thạc sĩ?", "ok ty le so voi tong so?", conversation="ok-ty"
    )
    assert share["intents"] == ["masters_sent", "total_staff"]


def test_a_party_congress_asked_in_any_word_order_is_no_publication():
    _, when = ask_json(
        "người được bầu vào cấp ủy có đạt yêu cầu không?",
        "Đại hội Đảng khi nào tổ chức?",
        conversation="congress-order",
    )
    assert when["status"] == "fallback"


@pytest.mark.parametrize(
    ("first", "follow_up", "intents"),
    [
        # the Centre's "mô", "chi"
        (
            "bao nhiêu người học đại học, thạc sĩ?",
            "cộng lại mô?",
            ["university_sent", "masters_sent"],
        ),
        ("nghị quyết 03 là chi", "nói về chi?", ["resolution_03"]),
        # what the last answer itself says ("chương trình chuyên viên")
        ("bồi dưỡng QLNN cấp huyện bao nhiêu người?", "học chương trình gì?", ["qlnn_specialist"]),
    ],
)
def test_follow_ups_of_the_centre_and_of_the_answer_itself(first, follow_up, intents):
    _, reply = ask_json(first, follow_up, conversation=f"centre-{follow_up}")
    assert reply["intents"] == intents


@pytest.mark.parametrize("level", ["ở xã bao nhiêu?", "còn cấp xã?"])
def test_a_level_of_a_count_given_district_wide_only_is_not_another_count(level):
    _, reply = ask_json("có bao nhiêu đảng viên?", level, conversation=f"party-{level}")
    assert reply["status"] == "fallback" and "294" not in reply["answer"]
    _, staff = ask_json("huyện có bao nhiêu cán bộ công chức?", level, conversation=f"all-{level}")
    assert staff["intents"] == ["commune_staff"]


def test_all_right_is_an_acknowledgement():
    (reply,) = ask_json("được rồi")
    assert reply["status"] == "smalltalk"


def test_those_people_asked_yes_or_no_is_no_count():
    (reply,) = ask_json("mấy người được bầu vào cấp ủy các cấp có đạt chuẩn không ạ?")
    assert reply["intents"] == ["congress_personnel"]


@pytest.mark.parametrize("pick", ["cái 2 nhắc lại giúp em", "cái thứ hai nói rõ hơn giúp em"])
def test_a_pick_with_a_request_to_restate_picks(pick):
    _, picked = ask_json(
        "cán bộ xã học gì với công chức xã học gì", pick, conversation=f"pick-{pick}"
    )
    assert picked["intents"] == ["commune_civil_servant_training"]


@pytest.mark.parametrize(
    ("first", "follow_up", "intents"),
    [
        ("năm 2011 huyện ban hành gì?", "nghị quyết đó chỉ ra điều gì", ["resolution_03"]),
        ("nhân sự đại hội Đảng các cấp có đạt yêu cầu không", "về mặt nào", ["congress_personnel"]),
        # a share against a figure of one fact: that fact; named by its figure and its words
        (
            "bao nhiêu người học cao cấp lý luận chính trị?",
            "so với 55 người thì chiếm bao nhiêu %?",
            ["advanced_llct", "intermediate_llct_district"],
        ),
        (
            "có bao nhiêu người trên đại học?",
            "chiếm bao nhiêu % so với 28 người học thạc sĩ?",
            ["postgraduate_now", "masters_sent"],
        ),
    ],
)
def test_follow_ups_of_what_the_last_fact_says_and_its_shares(first, follow_up, intents):
    _, reply = ask_json(first, follow_up, conversation=f"says-{follow_up}")
    assert reply["intents"] == intents


def test_a_share_at_a_level_of_a_count_given_district_wide_is_not_its_share():
    # the commune's staff, whose share the article does not give either: never the party
    # members' district-wide 35,6 % as if it were the communes'
    _, reply = ask_json(
        "có bao nhiêu đảng viên?", "ở xã chiếm bao nhiêu phần trăm?", conversation="party-share"
    )
    assert reply["intents"] == ["commune_staff", "total_staff"]
    assert "35,6" not in reply["answer"] and "không nêu tỷ lệ" in reply["answer"]


@pytest.mark.parametrize("follow_up", ["ho dang hoc nam may?", "dang vien duoc boi duong nam nao?"])
def test_dang_typed_bare_before_other_words_is_no_publication(follow_up):
    _, reply = ask_json("bao nhiêu người đi học đại học?", follow_up, conversation=follow_up)
    assert "06/08/2018" not in reply["answer"]


def test_a_cost_asked_in_the_centres_words_is_still_a_cost():
    (reply,) = ask_json("đào tạo tốn những chi phí gì?")
    assert reply["status"] == "fallback"


def test_examples_typed_without_marks_are_read_past():
    (reply,) = ask_json("cong chuc xa nhu dia chinh, tu phap, van phong thi hoc gi?")
    assert reply["intents"] == ["commune_civil_servant_training"]


@pytest.mark.parametrize(
    ("question", "intents"),
    [
        (
            "Xin chào, tôi đang tổng hợp số liệu. Đề nghị cung cấp tổng số cán bộ, công chức hiện có "
            "của huyện.",
            ["total_staff"],
        ),
        (
            "Kính gửi, đề nghị cung cấp thông tin về nghị quyết chuyên đề của Huyện ủy.",
            ["resolution_03"],
        ),
    ],
)
def test_officialdoms_please_provide_asks_after_a_greeting(question, intents):
    (reply,) = ask_json(question)
    assert reply["intents"] == intents
