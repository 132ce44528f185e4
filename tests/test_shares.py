"""A share the article may not give, asked through `ask` as a user types it: the words of a
share never pull the answer to the one fact that has a percentage; the part asked about is
answered with the whole, under a line saying the article gives no such share."""

from __future__ import annotations

from conftest import ask_json

from bot.kb import load_knowledge

NO_SHARE = load_knowledge().conversation.no_share


def test_a_share_the_article_never_gives_gets_the_part_and_the_whole():
    (reply,) = ask_json("công chức cấp xã chiếm mấy phần trăm trên tổng số cán bộ của huyện?")
    assert reply["status"] == "answer", reply
    assert reply["intents"] == ["commune_staff", "total_staff"], reply
    assert reply["answer"].startswith(NO_SHARE), reply
    assert "%" not in reply["answer"], reply  # never another fact's percentage


def test_a_share_the_article_gives_is_answered_as_is():
    (reply,) = ask_json("tỷ lệ đảng viên trong đội ngũ là bao nhiêu %")
    assert reply["intents"] == ["party_members"], reply
    assert NO_SHARE not in reply["answer"], reply


def test_a_share_beside_another_question_keeps_both():
    (reply,) = ask_json(
        "đảng viên chiếm bao nhiêu phần trăm, còn cán bộ cấp xã chiếm bao nhiêu phần trăm tổng số?"
    )
    assert reply["status"] == "answer", reply
    assert set(reply["intents"]) == {"party_members", "commune_staff", "total_staff"}, reply
    assert "không cộng gộp" not in reply["answer"], reply  # "tổng số" is the whole, no sum asked


def test_a_share_after_an_answer_is_of_that_answer():
    first, second = ask_json(
        "có bao nhiêu cán bộ có trình độ lý luận chính trị cao cấp, trung cấp hiện nay",
        "so với tổng số cbcc thì chiếm bao nhiêu",
        conversation="s",
    )
    assert first["intents"] == ["llct_level_now"], first
    assert second["intents"] == ["llct_level_now", "total_staff"], second


def test_a_share_asked_by_the_percent_sign_after_a_part_and_its_whole_gives_both():
    *_, share = ask_json(
        "294 là số gì?", "trên tổng bao nhiêu?", "vậy bao nhiêu % ?", conversation="pc"
    )
    assert share["intents"] == ["commune_staff", "total_staff"]
    assert "không nêu tỷ lệ" in share["answer"]


def test_two_shares_out_of_one_whole_get_both_shares():
    # "trên tổng số …" after "tỷ lệ" says what the shares are of: no third count asked
    (reply,) = ask_json(
        "tỷ lệ đảng viên và tỷ lệ người có bằng đại học trên tổng số cán bộ, công chức là mấy?"
    )
    assert reply["status"] == "answer", reply
    assert reply["intents"] == ["party_members", "university_degree_now"], reply
    assert "35,6" in reply["answer"] and "53,3" in reply["answer"], reply


def test_the_whole_a_follow_up_names_is_that_whole_not_the_districts():
    first, second = ask_json(
        "bao nhiêu cán bộ xã học trung cấp llct",
        "so với tổng số cán bộ, công chức cấp xã thì ra sao?",
        conversation="w",
    )
    assert first["intents"] == ["intermediate_llct_commune"], first
    assert second["intents"] == ["intermediate_llct_commune", "commune_staff"], second
    assert "294" in second["answer"], second
