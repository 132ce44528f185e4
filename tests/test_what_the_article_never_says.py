"""What an organization is for, a count the article gives only together with others, the event
a quote was said at, another age line than 35, a level a course was not given at: said to be
missing or asked back, never answered with a nearby figure. Through `ask`, as a user meets it."""

from __future__ import annotations

from conftest import ask_json


def test_what_an_organization_does_is_general_knowledge_not_the_article():
    replies = ask_json("Mặt trận Tổ quốc có chức năng, nhiệm vụ gì?", "UBND là viết tắt của gì")
    assert [r["status"] for r in replies] == ["fallback", "fallback"]
    # … while what the article says one body does is still answered
    (role,) = ask_json("Ban Tổ chức Huyện ủy có nhiệm vụ gì trong việc đào tạo cán bộ?")
    assert role["intents"] == ["annual_plan"]


def test_a_count_the_article_gives_only_together_is_said_to_be_missing():
    (reply,) = ask_json("Trong tổng số cán bộ thì có bao nhiêu người là viên chức?")
    assert reply["status"] == "fallback"
    assert reply["answer"].startswith("Bài viết không nói về số tách riêng")
    assert "712" not in reply["answer"]
    (sector,) = ask_json("bao nhiêu lượt viên chức ngành giáo dục được bồi dưỡng mỗi năm")
    assert sector["intents"] == ["education_sector"]


def test_the_event_a_quote_was_said_at_is_not_given():
    (reply,) = ask_json("Ông Thanh nói những điều đó tại hội nghị nào?")
    assert reply["status"] == "fallback"
    assert "sự kiện" in reply["answer"]


def test_another_age_line_after_the_under_35_figure_is_not_answered_with_it():
    first, other = ask_json(
        "cấp xã có bao nhiêu cán bộ chủ chốt dưới 35 tuổi", "thế dưới 25 thì sao?",
        conversation="ages",
    )  # fmt: skip
    assert first["intents"] == ["young_leaders_commune"]
    assert other["status"] == "fallback"
    assert "21" not in other["answer"].split("\n")[0]


def test_anyone_sent_at_a_level_the_article_does_not_name_is_not_who_is_chosen():
    (reply,) = ask_json("Ở cấp xã có ai được cử đi học cao cấp lý luận chính trị không?")
    assert reply["status"] in ("clarify", "fallback")


def test_a_share_of_a_figure_given_together_or_a_years_own_count_is_missing():
    advanced, year, graduated = ask_json(
        "hiện nay riêng trình độ cao cấp lý luận chính trị, không tính trung cấp, là bao nhiêu",
        "riêng năm 2018 huyện cử mấy người đi học thạc sĩ?",
        "mấy người học đại học đã tốt nghiệp rồi",
    )
    assert [r["status"] for r in (advanced, year, graduated)] == ["fallback"] * 3
    assert "168" not in advanced["answer"].split("\n")[0]
    assert "riêng một năm" in year["answer"]
    assert "tốt nghiệp" in graduated["answer"]
    (degree,) = ask_json("bao nhiêu người đã tốt nghiệp đại học")  # a degree held: answered
    assert degree["intents"] == ["university_degree_now"]


def test_fair_questions_near_the_new_refusals_are_still_answered():
    replies = ask_json(
        "Riêng hiện nay, số đảng viên là bao nhiêu?",
        "Riêng trình độ cao cấp lý luận chính trị, huyện cử bao nhiêu cán bộ đi học?",
        "Mỗi năm có bao nhiêu người là viên chức ngành giáo dục được bồi dưỡng?",
        "Bao nhiêu người có trình độ trên đại học đã tốt nghiệp?",
        "Ban Tổ chức Huyện ủy làm chức năng gì trong công tác đào tạo cán bộ?",
    )
    assert [r["intents"] for r in replies] == [
        ["party_members"],
        ["advanced_llct"],
        ["education_sector"],
        ["postgraduate_now"],
        ["annual_plan"],
    ]
    (event,) = ask_json("Bài báo nói về sự kiện nào?")  # no quote's occasion asked
    assert "sự kiện, cuộc họp" not in event["answer"]
    (health,) = ask_json("sức khỏe cán bộ xã thế nào")  # no wish either
    assert health["status"] != "smalltalk"
