"""What a figure counts asked by its group or post ("Số 168 là nhóm nào?", "84 lượt bồi dưỡng là
cho ai?"), a figure checked that is the declared sum of the article's ("355 người đúng không?"),
comparisons with a year the article never gives ("so với năm trước"), the story a last sentence
points back at ("… Bài báo nói gì về chuyện này?"), thanks after a marker ("thế thì tốt quá cảm
ơn"), and a count of one level in the whole district — through `ask --json` (one chat:
`--conversation`), as a user meets them."""

from __future__ import annotations

import pytest
from conftest import ask_json


@pytest.mark.parametrize(
    ("asked", "fact", "figure"),
    [
        ("Số 168 là nhóm nào vậy?", "llct_level_now", "168"),
        ("84 lượt bồi dưỡng là cho ai?", "professional_training", "84"),
        ("6 người được nhắc trong bài là chức gì", "mttq_chairs", "6"),
    ],
)
def test_what_group_a_figure_counts(asked, fact, figure):
    (reply,) = ask_json(asked)
    assert (reply["status"], reply["intents"]) == ("answer", [fact])
    assert reply["answer"].startswith(f"Con số {figure} trong bài")


def test_a_post_named_beside_a_pronoun_is_still_asked_of_the_person_quoted():
    # "chức vụ" is no word that asks what a figure counts, once no figure is written
    *_, post = ask_json("ai là nguồn chính trong bài", "chức vụ ông ấy?", conversation="post")
    assert post["intents"] == ["spokesperson"]


def test_a_claimed_figure_that_is_the_declared_sum_is_said_to_be_the_sum():
    (reply,) = ask_json("trung cap llct 355 nguoi dung ko")
    assert reply["intents"] == ["intermediate_llct_district", "intermediate_llct_commune"]
    assert reply["answer"].startswith("Bài không ghi con số 355, nhưng đó đúng là tổng")
    assert "55 + 300 = 355" in reply["answer"]


def test_a_claimed_figure_the_article_lacks_after_a_frame_is_checked():
    (reply,) = ask_json("bài nói 190 người học trung cấp phải ko")
    assert reply["intents"] == ["intermediate_llct_district", "intermediate_llct_commune"]
    assert reply["answer"].startswith("Bài viết không có con số bạn nêu")
    assert "190" not in reply["answer"]


def test_a_comparison_with_last_year_is_said_to_be_missing():
    figure, _share, earlier = ask_json(
        "dang vien bn", "bao nhieu %", "so voi nam truoc", conversation="year"
    )
    assert figure["intents"] == ["party_members"]
    assert earlier["status"] == "fallback"
    assert earlier["answer"].startswith("Bài viết không nói về số liệu của năm trước")
    (alone,) = ask_json("so với năm trước số đảng viên tăng hay giảm")
    assert alone["status"] == "fallback" and "năm trước" in alone["answer"]


def test_the_story_a_last_sentence_points_back_at_is_what_is_asked():
    (reply,) = ask_json(
        "Anh em trong cơ quan đang cãi nhau, có người bảo huyện vẫn cử đi học tràn lan cho đủ "
        "chỉ tiêu. Bài báo nói gì về chuyện này?"
    )
    assert reply["intents"] == ["no_mass_training"]


def test_thanks_after_a_marker_is_no_follow_up():
    *_, thanks = ask_json(
        "học xong thì có được làm to không cháu",
        "thế thì tốt quá cảm ơn cháu nhá",
        conversation="thanks",
    )
    assert thanks["status"] == "smalltalk"


def test_a_level_counted_in_the_whole_district_is_that_level():
    *_, reply = ask_json(
        "Số 300 người học trung cấp LLCT là cấp xã hay cấp huyện?",
        "vậy toàn huyện có bao nhiêu cán bộ, công chức cấp xã",
        conversation="level",
    )
    assert reply["intents"] == ["commune_staff"]  # not what commune cadres study, nor the 1.999
    # "cả huyện cả xã" is both levels, not the whole district beside the commune
    (both,) = ask_json("cán bộ chủ chốt dưới 35 tuổi cả huyện cả xã cộng lại nhiêu")
    assert both["intents"] == ["young_leaders_district", "young_leaders_commune"]
    assert "10 + 21 = 31" in both["answer"]


@pytest.mark.parametrize(
    "asked",
    ["có bao nhiêu cán bộ cấp huyện?", "hiện tại toàn huyện có bao nhiêu cán bộ cấp huyện?"],
)
def test_the_district_level_staff_is_what_remains_never_the_young_leaders(asked):
    (reply,) = ask_json(asked)
    assert "young_leaders_district" not in reply["intents"]  # the 10 under 35 are no answer
    assert "1.999 − 294 = 1.705" in reply["answer"]


def test_a_bare_gap_after_two_figures():
    *_, gap = ask_json(
        "cap huyen co bao nhieu can bo chu chot duoi 35", "xa?", "chenh lech", conversation="gap"
    )
    assert gap["intents"] == ["young_leaders_district", "young_leaders_commune"]
    assert "21 − 10 = 11" in gap["answer"]


@pytest.mark.parametrize(
    ("asked", "facts"),
    [
        # the gap named first, with no question word: both figures, and the declared gap
        (
            "chênh lệch giữa cán bộ trẻ cấp huyện và cấp xã",
            ["young_leaders_district", "young_leaders_commune"],
        ),
        # two facts no group compares: both, and a word that the article compares them nowhere
        (
            "chênh lệch giữa số đảng viên và số người có trình độ đại học là bn",
            ["party_members", "university_degree_now"],
        ),
    ],
)
def test_a_gap_named_before_the_two_things_compared(asked, facts):
    (reply,) = ask_json(asked)
    assert (reply["status"], reply["intents"]) == ("answer", facts)


def test_the_secretaries_split_is_unstated_but_not_beside_the_front_chairs():
    (split,) = ask_json("bí thư với phó bí thư mỗi loại bao nhiêu")
    assert split["status"] == "fallback"
    assert split["answer"].startswith("Bài viết không nói về số tách riêng")
    (each,) = ask_json("bí thư phó bí thư xã với chủ tịch mặt trận đi bồi dưỡng mỗi loại mấy người")
    assert each["intents"] == ["party_secretary_training", "mttq_chairs"]


@pytest.mark.parametrize(
    ("asked", "fact"),
    [
        (
            "Kính chào, tôi đã đọc bài trên báo nhưng làm thất lạc mất. Xin hỏi bài ấy đăng "
            "ngày nào để tôi tìm lại?",
            "article_date",
        ),
        (
            "Báo bên mình chuẩn bị trích lại vài số liệu nên cần ghi nguồn cho đúng. Bài gốc là "
            "của báo nào vậy?",
            "article_source",
        ),
        (
            "Dưới xã có mấy người làm lãnh đạo chủ chốt mà chưa qua tuổi 35?",
            "young_leaders_commune",
        ),
    ],
)
def test_why_one_asks_the_original_and_an_age_not_yet_reached(asked, fact):
    (reply,) = ask_json(asked)
    assert (reply["status"], reply["intents"]) == ("answer", [fact])


def test_a_clause_turning_to_what_the_person_quoted_says():
    (reply,) = ask_json("Nghị quyết 03 nói về gì, còn ông Thanh nói hằng năm huyện làm gì?")
    assert reply["intents"] == ["resolution_03", "annual_plan"]


def test_two_figures_set_against_each_other_by_what_the_article_says_elsewhere():
    (reply,) = ask_json(
        "Cấp xã có 294 cán bộ công chức mà bài lại nói 300 người cấp xã học trung cấp, vậy chênh "
        "nhau mấy người?"
    )
    assert reply["intents"] == ["commune_staff", "intermediate_llct_commune"]
    # no group compares them: both figures, and no gap of the bot's own
    assert "Bài không so sánh trực tiếp hai số này" in reply["answer"]


def test_a_figure_claimed_of_a_sector_the_article_never_counts_is_given_as_its_own():
    (reply,) = ask_json("bai nay noi 1800 luot vien chuc y te dung ko")
    assert (reply["status"], reply["intents"]) == ("answer", ["education_sector"])
    first, second = reply["answer"].splitlines()[:2]
    assert first.startswith("Bài viết không nói về số liệu của ngành này")
    assert second.startswith("Con số 1.800 có trong bài")


def test_a_group_asked_after_another_fact_is_every_level():
    *_, reply = ask_json(
        "how many officials does the district have",
        "and how many are party members",
        "what about key cadres under 35",
        conversation="group",
    )
    assert reply["intents"] == ["young_leaders_district", "young_leaders_commune"]


def test_a_level_label_makes_the_whole_staff_that_levels():
    (reply,) = ask_json("Cấp xã: tổng số cán bộ công chức, số cán bộ chủ chốt dưới 35?")
    assert reply["intents"] == ["commune_staff", "young_leaders_commune"]
    # a level a clause before leaves out is no label
    (rest,) = ask_json(
        "Nếu không tính cán bộ cấp xã, thị trấn thì huyện còn bao nhiêu cán bộ, công chức?"
    )
    assert rest["intents"] != ["commune_staff"]


def test_cong_alone_after_two_figures_is_their_sum():
    *_, reply = ask_json("thac si", "con di hoc dai hoc", "cong", conversation="cong")
    assert sorted(reply["intents"]) == ["masters_sent", "university_sent"]


def test_the_last_figure_doubted_gets_the_last_answer_again():
    *_, reply = ask_json(
        "Ngành giáo dục được bồi dưỡng bao nhiêu lượt một năm?",
        "đúng 1800 hay hơn",
        conversation="doubt",
    )
    assert reply["intents"] == ["education_sector"]
    assert "trên 1.800 lượt" in reply["answer"]  # as the article writes it
    # a question of its own beside the figure is no doubt of it
    *_, when = ask_json(
        "bồi dưỡng chuyên môn nghiệp vụ bao nhiêu lượt",
        "84 lượt đó là trong năm nào?",
        conversation="when",
    )
    assert when["status"] == "fallback"  # the article gives no year for it
    assert when["answer"].startswith("Bài viết không nói về năm")
