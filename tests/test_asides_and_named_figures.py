"""A figure called a landmark ("mốc 35 tuổi … nói về ai?"), asides before the question ("ok bỏ
qua, …", "bài này nói …"), a recommendation asked for pastime, and whether the resolution's
horizon was met — through `ask --json` (one chat: `--conversation`), as a user meets them."""

from __future__ import annotations

import pytest
from conftest import ask_json


@pytest.mark.parametrize(
    ("message", "intents"),
    [
        ("Mốc 35 tuổi trong bài nói về ai?", ["young_leaders_commune", "young_leaders_district"]),
        ("ok bỏ qua, bài này ai viết?", ["article_author"]),
        ("Em muốn hỏi bài này nói huyện có bao nhiêu cán bộ công chức ạ", ["total_staff"]),
    ],
)
def test_answered_past_what_frames_the_question(message, intents):
    (reply,) = ask_json(message)
    assert (reply["status"], sorted(reply["intents"])) == ("answer", intents)


def test_a_recommendation_for_pastime_is_out_of_scope():
    (reply,) = ask_json("recommend phim hay cuối tuần đi bot")
    assert reply["status"] == "fallback"
    (wish,) = ask_json("chúc bot cuối tuần vui vẻ")  # a wish is still a pleasantry
    assert wish["status"] == "smalltalk"


def test_whether_the_horizon_was_met_is_not_in_the_article():
    resolution, met = ask_json(
        "nghị quyết 03 ra năm nào", "thế đến 2020 có đạt không", conversation="horizon"
    )
    assert resolution["intents"] == ["resolution_03"]
    assert met["status"] == "fallback"
    assert "06/08/2018" in met["answer"]  # the article was published before that horizon


def test_this_district_is_the_whole_district():
    (reply,) = ask_json(
        "Cán bộ lãnh đạo chủ chốt trẻ tuổi, dưới 35, ở huyện này được bao nhiêu người?"
    )
    assert sorted(reply["intents"]) == ["young_leaders_commune", "young_leaders_district"]
    (commune,) = ask_json("số cán bộ công chức cấp xã của huyện này")  # a level still named
    assert commune["intents"] == ["commune_staff"]


def test_now_and_a_sum_typed_without_marks():
    (now,) = ask_json("hien tai tren dai hoc co may nguoi")
    assert (now["status"], now["intents"]) == ("answer", ["postgraduate_now"])
    _, both = ask_json(
        "cấp huyện có bao nhiêu cán bộ chủ chốt dưới 35 tuổi", "cong ca cap xa", conversation="sum"
    )
    assert sorted(both["intents"]) == ["young_leaders_commune", "young_leaders_district"]
    assert "10 + 21 = 31" in both["answer"]


def test_why_one_asks_said_before_the_question():
    (reply,) = ask_json(
        "Em là thư ký biên tập trang thông tin điện tử huyện, cần ghi nguồn khi đăng lại, bài "
        "này của báo nào ạ?"
    )
    assert (reply["status"], reply["intents"]) == ("answer", ["article_source"])
    (teachers,) = ask_json(
        "Thầy cô, viên chức bên ngành học hằng năm được tập huấn bao nhiêu lượt?"
    )
    assert (teachers["status"], teachers["intents"]) == ("answer", ["education_sector"])
