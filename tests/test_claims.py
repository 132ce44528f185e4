"""A figure the user read elsewhere and checks, as a user meets it through `ask --json`."""

from __future__ import annotations

from conftest import ask_json


def test_a_figure_the_article_never_writes_is_read_past_and_said_to_be_missing():
    replies = ask_json(
        "em ấy ghi số đảng viên là 721 người, đúng không?",
        "em ấy ghi 82 người học thạc sĩ, đúng không",
    )
    assert [r["intents"] for r in replies] == [["party_members"], ["masters_sent"]]
    for reply in replies:  # the user's figure is not repeated: the bot writes none of its own
        assert reply["answer"].splitlines()[0] == "Bài viết không có con số bạn nêu. Theo bài:"
    assert "721" not in replies[0]["answer"] and "82" not in replies[1]["answer"]
    assert "712" in replies[0]["answer"] and "28" in replies[1]["answer"]


def test_a_figure_the_answer_bears_out_is_confirmed_and_settles_a_doubt():
    # without the figure, the bot would ask back between this fact and others
    (reply,) = ask_json("Sinh viên tôi viết 712 người được cử đi học đại học, có đúng không?")
    assert reply["status"] == "answer"
    assert reply["intents"] == ["university_sent"]
    assert reply["answer"].splitlines()[0] == "Con số 712 có trong bài (xem bài nói về điều gì):"


def test_a_number_of_something_the_article_does_not_count_is_no_claim():
    # "50 xã": the article counts no communes; the number is not read past
    replies = ask_json("Huyện có 50 xã đúng không?", "năm 2015 có 500 đảng viên đúng không")
    assert [r["status"] for r in replies] == ["fallback", "fallback"]
    assert all(not r["intents"] for r in replies)


def test_without_words_of_checking_an_unknown_number_still_lowers_every_fact():
    (reply,) = ask_json("có 500 đảng viên không")
    assert reply["status"] != "answer"
    assert "500" not in reply["answer"]


def test_a_figure_the_article_writes_for_another_fact_gets_that_fact_beside():
    (reply,) = ask_json("số đảng viên là 1.066 phải không")
    # the party members asked, and what the article's 1.066 counts (degree holders): no verdict
    assert reply["intents"] == ["party_members", "university_degree_now"], reply
    assert "khớp" not in reply["answer"] and "không có con số" not in reply["answer"]
    assert "712" in reply["answer"] and "1.066" in reply["answer"]


def test_a_claimed_count_is_read_as_asking_it_and_a_known_figure_picks_its_fact():
    replies = ask_json(
        "trên mạng ghi cấp xã có 250 cán bộ công chức, phải không?",
        "trên mạng ghi 30 người học thạc sĩ, có chính xác không?",
        "có phải 26 cán bộ cấp xã đi học cao cấp lý luận chính trị?",
    )
    assert [r["intents"] for r in replies] == [
        ["commune_staff"],
        ["masters_sent"],
        ["advanced_llct"],
    ]
    assert "294" in replies[0]["answer"] and "28" in replies[1]["answer"]
    # the figure is the article's, of the district: the answer says which level
    assert "cấp huyện" in replies[2]["answer"]


def test_a_figure_claimed_of_the_wrong_level_gets_its_own_level_beside():
    (reply,) = ask_json(
        "em đọc thấy 300 cán bộ cấp huyện đi học trung cấp lý luận, đúng vậy không?"
    )
    # the article's 300 are the communes': both levels, each labelled, so the reader sees whose
    assert reply["intents"] == ["intermediate_llct_district", "intermediate_llct_commune"], reply
    assert "55" in reply["answer"] and "300" in reply["answer"]
    assert "cấp xã" in reply["answer"]


def test_a_figure_claimed_of_its_own_fact_adds_nothing():
    (reply,) = ask_json("có đúng là 300 cán bộ, công chức cấp xã học trung cấp lý luận không?")
    assert reply["intents"] == ["intermediate_llct_commune"], reply


def test_a_claimed_count_written_with_a_thousands_dot_is_no_year():
    (reply,) = ask_json("nghe nói huyện có 2.000 cán bộ, công chức, đúng không?")
    assert reply["intents"] == ["total_staff"], reply
    assert "2.000" not in reply["answer"] and "1.999" in reply["answer"]
    (year,) = ask_json("có đúng là năm 2000 huyện có 1.999 cán bộ không")
    assert year["status"] == "fallback", year  # a year the article has no figures for


def test_a_wrong_year_claimed_of_a_fact_gets_the_fact_and_its_own_year():
    replies = ask_json(
        "nghe nói nghị quyết 03 được ban hành năm 2013, đúng không?",
        "năm 2020 huyện có 800 đảng viên đúng không",  # a count in another year: out of scope
    )
    assert replies[0]["intents"] == ["resolution_03"], replies[0]
    assert "2011" in replies[0]["answer"] and "2013" not in replies[0]["answer"]
    assert replies[0]["answer"].startswith("Bài viết không có con số bạn nêu"), replies[0]
    assert replies[1]["status"] == "fallback", replies[1]


def test_a_number_naming_a_class_or_a_document_is_no_claim():
    (reply,) = ask_json("Cháu học lớp 11, cô bắt ghi nguồn đầy đủ. Bài này đăng trên báo nào ạ?")
    assert reply["intents"] == ["article_source"], reply


def test_whether_a_figure_is_wrong_asks_the_same_as_whether_it_is_right():
    # "có sai không" confirms like "đúng không"; "tôi đang ghi là" introduces the claim, and
    # the confirmation alone after it is never read as the whole question
    replies = ask_json(
        "bài báo ghi cấp huyện có 12 cán bộ chủ chốt dưới 35 tuổi, tôi đọc vậy có sai không?",
        "Tôi đang ghi là cấp huyện có 12 cán bộ chủ chốt dưới 35 tuổi, vậy có đúng không?",
        "Mình đọc đâu đó thấy có 800 đảng viên, đúng không?",
    )
    assert [r["intents"] for r in replies] == [
        ["young_leaders_district"],
        ["young_leaders_district"],
        ["party_members"],
    ]
    for reply in replies:
        assert reply["answer"].splitlines()[0] == "Bài viết không có con số bạn nêu. Theo bài:"


def test_a_commune_then_dung_khong_is_no_commune_named_xa_dung():
    """ "… cán bộ xã đúng không" folds like the commune Xa Dung; the claim is checked, the
    whole asked beside it is given, and the commune by name is still out of scope."""
    claim, both, commune = ask_json(
        "Huyện có 294 cán bộ xã đúng không?",
        "Huyện có 294 cán bộ xã đúng không, còn tổng số là bao nhiêu?",
        "xã Xa Dung có bao nhiêu cán bộ",
    )
    assert claim["status"] == "answer" and claim["intents"] == ["commune_staff"]
    assert both["intents"] == ["commune_staff", "total_staff"]
    assert commune["status"] == "fallback"
    for named in ask_json("Có bao nhiêu cán bộ ở xã Xa Dung", "Có bao nhiêu cán bộ Xa Dung ạ?"):
        assert named["status"] == "fallback" and not named["intents"]  # the name at the end too


def test_a_claim_that_nobody_was_sent_gets_the_figure():
    """ "không cử ai …, phải không?": "ai" is nobody there, no person asked — the 26 sent."""
    (reply,) = ask_json("Huyện không cử ai đi học cao cấp lý luận chính trị phải không?")
    assert reply["intents"] == ["advanced_llct"] and "26" in reply["answer"]
