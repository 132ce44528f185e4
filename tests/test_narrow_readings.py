"""Where this session's readings stop (a review ran several hundred messages through the old and
new code): "tất cả số đó" still sums, "các mục tiêu" is no list of figures, a ranking is of the
facts just given only, a level's past weakness is answered, "bảo" is no "bao", asking to be told
is no opener — through `ask --json` (one chat: `--conversation`), as a user meets them."""

from __future__ import annotations

import pytest
from conftest import ask_json

OUT_OF_SCOPE = "bài viết chỉ nói về huyện Điện Biên Đông"


def test_all_of_those_figures_is_their_sum():
    _, summed = ask_json(
        "bao nhiêu người học trung cấp lý luận chính trị",
        "tất cả số đó là bao nhiêu",
        conversation="sum",
    )
    assert sorted(summed["intents"]) == ["intermediate_llct_commune", "intermediate_llct_district"]
    assert "55 + 300 = 355" in summed["answer"]


@pytest.mark.parametrize(
    ("message", "intents"),
    [
        ("các mục tiêu đào tạo cán bộ cấp xã là gì", ["training_goal"]),
        ("tất cả số cán bộ cấp xã", ["commune_staff"]),
        ("trước đây cán bộ cấp xã có trình độ yếu không", ["past_weakness"]),
        ("bạn cho mình biết vài điều về bài báo", ["article_summary"]),
        ("ông thanh nói tên ông ấy là gì", ["spokesperson"]),
    ],
)
def test_read_as_before_the_new_readings(message, intents):
    (reply,) = ask_json(message)
    assert (reply["status"], reply["intents"]) == ("answer", intents)


def test_how_long_he_held_a_post_is_not_in_the_article():
    (reply,) = ask_json("ông thanh bao lâu rồi làm trưởng ban")  # "bao", not "bảo"
    assert reply["status"] == "fallback"


@pytest.mark.parametrize(
    "asked", ["hai số này có đồng nhất không", "số lớn nhất trong bài là gì", "max ok"]
)
def test_no_ranking_unless_the_facts_just_given_are_ranked(asked):
    _, reply = ask_json(
        "bao nhiêu người học trung cấp lý luận chính trị", asked, conversation="no-rank"
    )
    assert "Số lớn nhất trong các số liệu vừa nêu" not in reply["answer"]


def test_who_made_the_plan_after_a_clarification_is_the_plan():
    _, picked = ask_json("kế hoạch đào tạo", "do ai", conversation="plan")
    assert picked["intents"] == ["annual_plan"]


def test_the_whole_articles_text_is_no_quote_of_a_fact():
    _, reply = ask_json(
        "huyện có bao nhiêu cán bộ công chức", "cho xin nguyên văn bài báo", conversation="text"
    )
    assert "Nguyên văn trong bài" not in reply["answer"]


def test_policy_is_no_book():
    (reply,) = ask_json("bài báo gợi ý chính sách gì")
    assert OUT_OF_SCOPE not in reply["answer"]


# ---- session 33's review: rules narrowed before the last blind set was run


@pytest.mark.parametrize(
    ("claimed", "fact"),
    [
        ("cấp xã có 355 người học trung cấp LLCT đúng không", "intermediate_llct_commune"),
        ("cấp huyện có 31 cán bộ chủ chốt dưới 35 tuổi phải không", "young_leaders_district"),
    ],
)
def test_a_sum_claimed_of_one_part_is_not_called_the_sum(claimed, fact):
    (reply,) = ask_json(claimed)
    assert reply["intents"] == [fact]
    assert reply["answer"].startswith("Bài viết không có con số bạn nêu")


@pytest.mark.parametrize(
    ("asked", "fact"),
    [
        ("so với hồi trước thì đội ngũ cán bộ cấp xã thế nào?", "past_weakness"),
        ("năm trước có bao nhiêu lượt giáo viên được bồi dưỡng", "education_sector"),  # yearly
    ],
)
def test_the_articles_own_past_and_a_yearly_figure_are_no_other_year(asked, fact):
    (reply,) = ask_json(asked)
    assert (reply["status"], reply["intents"]) == ("answer", [fact])


def test_a_gap_naming_its_own_sides_is_not_of_the_figures_just_given():
    *_, gap = ask_json(
        "cap huyen co bao nhieu can bo chu chot duoi 35",
        "xa?",
        "chênh lệch giữa đại học và thạc sĩ",
        conversation="own-sides",
    )
    assert "young_leaders_district" not in gap["intents"]


def test_after_what_remains_of_the_staff_a_follow_up_is_not_the_communes_alone():
    *_, course = ask_json(
        "có bao nhiêu cán bộ cấp huyện?", "còn học trung cấp lý luận?", conversation="remains"
    )
    assert course["intents"] != ["intermediate_llct_commune"]  # never the 300 alone
