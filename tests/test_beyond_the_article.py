"""What lies just past the article's edge — the other side of its one age line, a year named from
today, a choice to advise on, a post to be filled later — is refused, as `ask --json` shows,
while the article's own side of each is still answered."""

from __future__ import annotations

import pytest
from conftest import ask_json


def test_over_35_is_not_answered_with_the_under_35_figures():
    over, under, not_over = ask_json(
        "Có bao nhiêu cán bộ chủ chốt trên 35 tuổi?",
        "Cấp xã có bao nhiêu cán bộ chủ chốt dưới 35 tuổi?",
        "Dưới xã có mấy cán bộ chủ chốt còn trẻ, chưa quá 35 tuổi?",
    )
    assert over["status"] == "fallback" and not over["intents"], over
    assert "35 tuổi trở lên" in over["answer"] and "21 người" not in over["answer"], over
    assert under["intents"] == not_over["intents"] == ["young_leaders_commune"]


def test_over_35_after_the_under_35_answer_is_refused_too():
    under, over = ask_json(
        "Cán bộ chủ chốt dưới 35 tuổi cấp xã có bao nhiêu?",
        "thế trên 35 tuổi thì bao nhiêu",
        conversation="age-line",
    )
    assert under["intents"] == ["young_leaders_commune"]
    assert over["status"] == "fallback" and not over["intents"], over


def test_last_year_is_a_year_the_article_has_no_figure_for():
    last_year, retired_long_ago = ask_json(
        "năm ngoái có bao nhiêu người có trình độ đại học",
        "Tôi về hưu hơn chục năm rồi. Hiện giờ bao nhiêu người có trình độ đại học?",
    )
    assert last_year["status"] == "fallback" and "06/08/2018" in last_year["answer"], last_year
    assert retired_long_ago["intents"] == ["university_degree_now"], retired_long_ago


def test_which_course_to_choose_is_advice_the_article_does_not_give():
    (reply,) = ask_json(
        "Nên học trung cấp chính trị hay cao cấp chính trị thì tốt cho sự nghiệp hơn?"
    )
    assert reply["status"] == "fallback" and not reply["intents"], reply


def test_who_will_hold_a_post_next_term_is_refused_even_after_the_spokesperson():
    who, next_term = ask_json(
        "Ai là người được trích lời trong bài?",
        "nhiệm kỳ tới ai sẽ làm bí thư huyện",
        conversation="next-term",
    )
    assert who["intents"] == ["spokesperson"]
    assert next_term["status"] == "fallback" and not next_term["intents"], next_term


def test_which_number_and_which_year_of_the_resolution_is_no_duration():
    (reply,) = ask_json("ai noi trong bai, ong ay lam chuc gi, nghi quyet chuyen de so may nam nao")
    assert reply["intents"] == ["spokesperson", "resolution_03"], reply
    assert "2011" in reply["answer"]


def test_another_province_asked_about_is_refused_but_named_in_passing_is_not():
    llct, other, passing = ask_json(
        "Bao nhiêu người có trình độ lý luận chính trị cao cấp, trung cấp hiện nay nè?",
        "Tỉnh khác có cao hơn hông?",
        "Tôi đã có số của vài huyện khác rồi. Với Điện Biên Đông, bài báo ghi hiện có bao nhiêu "
        "người có trình độ trên đại học?",
        conversation="other-province",
    )
    assert llct["intents"] == ["llct_level_now"]
    assert other["status"] == "fallback" and not other["intents"], other
    assert passing["intents"] == ["postgraduate_now"], passing


def test_how_often_is_no_duration_the_article_does_not_give():
    """ "bao lâu một lần": how often, which the yearly plan answers — offered, never refused as
    a duration the article does not give."""
    (reply,) = ask_json("Kế hoạch đào tạo được làm bao lâu một lần?")
    assert "kéo dài bao lâu" not in reply["answer"], reply
    assert "annual_plan" in reply["intents"] or "hằng năm" in reply["answer"], reply


def test_words_that_fold_like_a_refused_ones_still_ask_the_article():
    """ "cộng chung" is no "công chứng", "cấp huyện khác cấp xã" no other district, "nền học
    vấn" no advice, "trên 35 cán bộ" no age: none is refused for what it only looks like."""
    replies = ask_json(
        "Cộng chung cán bộ quản lý dưới 35 tuổi ở cấp huyện và cấp xã là bao nhiêu người?",
        "Đào tạo cán bộ cấp huyện khác cấp xã như thế nào?",
        "Nền học vấn của cán bộ huyện ra sao?",
        "Huyện có trên 35 cán bộ trẻ không?",
    )
    assert replies[0]["intents"] == ["young_leaders_district", "young_leaders_commune"]
    assert all(r["status"] != "fallback" for r in replies), replies


def test_the_districts_officials_by_post_its_services_and_an_essay_are_refused():
    replies = ask_json(
        "ai la chu tich ubnd huyen",
        "lich tiep dan cua ubnd huyen the nao",
        "Anh/chị hãy phân tích ưu nhược điểm của chế độ công vụ theo chức nghiệp.",
    )
    assert all(r["status"] == "fallback" and not r["intents"] for r in replies), replies


def test_the_bots_own_view_is_never_given_but_a_figure_asked_that_way_is():
    opinions = ask_json(
        "bot nghĩ cách chọn người đi học có công bằng không?",
        "Theo bạn, huyện làm vậy có đúng không?",
        "what do you think about the training plan?",
    )
    for reply in opinions:
        assert reply["status"] == "fallback", reply["question"]
        assert reply["answer"].startswith("Mình không đưa ra ý kiến hay đánh giá riêng")
    figure, his_view = ask_json(
        "Theo bạn, có bao nhiêu đảng viên?", "theo anh ấy huyện còn cử đi học tràn lan không"
    )
    assert figure["intents"] == ["party_members"]
    assert his_view["status"] == "answer" and his_view["intents"] == ["no_mass_training"]


def test_a_count_as_of_the_resolutions_year_is_a_year_the_article_has_no_figure_for():
    then, resolution = ask_json(
        "vào năm 2011 huyện có bao nhiêu đảng viên?",
        "năm 2011 huyện ban hành nghị quyết số mấy?",
    )
    assert then["status"] == "fallback" and "không có số liệu cho năm bạn hỏi" in then["answer"]
    assert resolution["status"] == "answer" and resolution["intents"] == ["resolution_03"]


@pytest.mark.parametrize(
    ("question", "intents"),
    [
        ("Bản nghị quyết 03 ban hành năm nào?", ["resolution_03"]),  # folded "ban nghi"
        ("Theo Ban Thường vụ Huyện ủy, ai xây dựng kế hoạch đào tạo?", ["annual_plan"]),
        ("Theo em hiểu thì nghị quyết 03 nói về gì?", ["resolution_03"]),
        ("Theo bạn thì bài báo đăng ngày mấy?", ["article_date"]),
        ("Thực hiện nghị quyết năm 2011, có bao nhiêu người được cử đi học đại học?", None),
        ("Từ năm 2011 đến nay huyện đã cử bao nhiêu cán bộ đi học đại học?", None),
    ],
)
def test_words_that_fold_like_an_opinion_or_a_year_asked_still_get_the_fact(question, intents):
    (reply,) = ask_json(question)
    assert reply["status"] == "answer", reply
    assert intents is None or reply["intents"] == intents


@pytest.mark.parametrize(
    ("question", "attribute"),
    [
        ("Cán bộ người Mông chiếm bao nhiêu phần trăm?", "dân tộc"),  # no share by people
        ("Bồi dưỡng thường xuyên cho giáo viên mỗi năm bao nhiêu tiết?", "kéo dài bao lâu"),
    ],
)
def test_a_count_by_people_or_by_class_periods_is_said_not_to_be_in_the_article(
    question, attribute
):
    (reply,) = ask_json(question)
    assert reply["status"] == "fallback" and reply["intents"] == []
    assert attribute in reply["answer"].splitlines()[0]


@pytest.mark.parametrize(
    ("question", "intents"),
    [
        # a people named in a statement or beside what they were taught: still the article's
        ("cán bộ người Mông ở Điện Biên Đông được đào tạo những gì", ["district_level_training"]),
    ],
)
def test_a_people_named_beside_a_question_the_article_answers_is_no_count_by_people(
    question, intents
):
    (reply,) = ask_json(question)
    assert reply["status"] == "answer"
    assert set(intents) <= set(reply["intents"])
