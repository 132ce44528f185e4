"""Messages that are pleasantries however they read, as a user meets them through `ask --json`."""

from __future__ import annotations

from conftest import ask_json


def test_praise_said_to_the_bot_is_smalltalk_not_a_fact_asked_back():
    replies = ask_json("bạn giỏi thế", "bot giỏi quá", "Chú cảm ơn cháu, cháu nói dễ hiểu lắm")
    assert [r["status"] for r in replies] == ["smalltalk"] * 3
    assert replies[2]["intents"] == ["thanks"]


def test_a_question_to_the_bot_about_itself_is_answered_as_one():
    (reply,) = ask_json("bạn trả lời được những gì")
    assert reply["status"] == "smalltalk"
    assert reply["intents"] == ["help"]


def test_a_question_to_the_bot_about_anything_else_is_still_refused():
    replies = ask_json("hôm nay trời có mưa không bot", "Bạn được huấn luyện trên dữ liệu gì?")
    assert [r["status"] for r in replies] == ["fallback", "fallback"]


def test_a_storm_tomorrow_is_the_weather_not_a_question_to_the_bot_or_a_count():
    storm, views = ask_json("mai có bão ko bot", "hôm nay có bao nhiêu người đọc bài")
    assert (storm["status"], storm["intents"]) == ("fallback", [])
    assert views["intents"] == ["article_views"]


def test_a_count_the_article_does_not_know_is_refused_not_smalltalk():
    (reply,) = ask_json("Điện Biên Đông có bao nhiêu dân?")
    assert reply["status"] == "fallback"
    assert not reply["intents"]


def test_a_polite_yes_and_asking_if_the_bot_is_human_are_smalltalk():
    replies = ask_json("dạ vâng ạ", "Bạn có phải người thật không?", "dạ em cảm ơn ạ")
    assert [r["status"] for r in replies] == ["smalltalk"] * 3
    assert [r["intents"] for r in replies] == [["acknowledge"], ["who_are_you"], ["thanks"]]


def test_tomorrows_weather_is_refused_while_a_question_about_progress_is_answered():
    weather, progress = ask_json(
        "Ngày mai ở Điện Biên có mưa không cháu?", "Chất lượng cán bộ được nâng lên rõ rệt chưa"
    )
    assert weather["status"] == "fallback" and not weather["intents"]
    assert progress["status"] == "answer" and progress["intents"] == ["promotions"]


def test_tips_for_an_exam_are_advice_the_article_never_gives():
    (reply,) = ask_json("Cho xin mẹo ôn thi cao cấp lý luận chính trị")
    assert reply["status"] == "fallback" and not reply["intents"]
    assert "không hướng dẫn" in reply["answer"]


def test_how_to_write_a_form_is_advice_too():
    (reply,) = ask_json("Cách viết đơn xin đi học thạc sĩ cho công chức?")
    assert reply["status"] == "fallback" and not reply["intents"]


def test_experience_then_and_a_purpose_of_the_district_are_no_advice_nor_aside():
    """ "kinh nghiệm thì …": 'thì' is no exam ('thi'); "… để đưa về xã" is the district's
    purpose, part of the question, never read past as why the asker asks."""
    experience, purpose = ask_json(
        "Về kinh nghiệm thì huyện chọn người đi học thế nào?",
        "Có bao nhiêu cán bộ được cử đi học để đưa về xã?",
    )
    assert experience["status"] == "answer" and experience["intents"] == ["selection_criteria"]
    assert purpose["intents"] != ["university_sent"]


def test_prices_are_refused_while_the_author_and_title_are_no_price():
    """ "giá xăng hôm nay": no price in the article, however "hôm nay" leans to its date;
    "tác giả tiêu đề …" holds "giả tiêu" and is still a question about the article."""
    petrol, dollar, author = ask_json(
        "giá xăng hôm nay tăng hay giảm thế", "tỷ giá đô la bây giờ", "tác giả bài này tên gì"
    )
    for refused in (petrol, dollar):
        assert refused["status"] == "fallback" and not refused["intents"], refused
        assert "không có thông tin" in refused["answer"] and "06/08/2018" not in refused["answer"]
    assert author["status"] != "fallback", author


def test_french_courtesy_is_smalltalk_and_what_the_article_is_about_asked_in_french():
    thanks, hello, about = ask_json("merci beaucoup bot", "bonjour", "bài này parle de quoi?")
    assert (thanks["status"], thanks["intents"]) == ("smalltalk", ["thanks"])
    assert (hello["status"], hello["intents"]) == ("smalltalk", ["greet"])
    assert (about["status"], about["intents"]) == ("answer", ["article_summary"]), about


def test_a_figure_of_another_district_is_no_figure_of_the_article():
    """ "Nghị quyết 03 năm 2011 của huyện Tuần Giáo": another district, refused, though 2011 is a
    figure of this article; the article's own year 2020 still reads as its figure."""
    other, own = ask_json(
        "Nghị quyết 03 năm 2011 của huyện Tuần Giáo nói về gì?", "năm 2020 trong bài là mốc gì"
    )
    assert other["status"] == "fallback" and "chỉ nói về huyện Điện Biên Đông" in other["answer"]
    assert (own["status"], own["intents"]) == ("answer", ["resolution_03"]), own


def test_thanking_or_greeting_a_comrade_is_smalltalk_even_right_after_an_answer():
    """ "đồng chí" is read as staff ("cán bộ"), except as the one thanked or greeted."""
    _, thanks = ask_json(
        "cán bộ cấp xã được đào tạo những gì", "Cảm ơn đồng chí.", conversation="comrade"
    )
    assert (thanks["status"], thanks["intents"]) == ("smalltalk", ["thanks"]), thanks


def test_heartfelt_thanks_in_formal_words_are_thanks():
    (reply,) = ask_json("Tôi xin chân thành cảm ơn sự giúp đỡ tận tình của quý vị.")
    assert (reply["status"], reply["intents"]) == ("smalltalk", ["thanks"]), reply


def test_uh_huh_alone_is_an_acknowledgement_and_at_is_still_at():
    ack, commune = ask_json("ờ", "ở xã có bao nhiêu cán bộ")
    assert (ack["status"], ack["intents"]) == ("smalltalk", ["acknowledge"]), ack
    assert commune["intents"] == ["commune_staff"], commune


def test_asking_for_the_form_itself_is_refused_not_answered_with_a_count():
    (reply,) = ask_json("Cho tôi mẫu đơn xin đi học thạc sĩ của công chức")
    assert reply["status"] == "fallback" and not reply["intents"], reply


def test_radio_over_closes_a_message_and_alone_acknowledges():
    over, asked = ask_json(
        "Rõ. Hết.",
        "Đ/c BC nhanh: SL cử đi học CC LLCT, SL CBCC cấp xã học TC LLCT. Hết.",
    )
    assert over["status"] == "smalltalk" and over["intents"] == ["acknowledge"], over
    assert asked["intents"] == ["advanced_llct", "intermediate_llct_commune"], asked


def test_southern_hong_is_no_and_anyone_there_is_smalltalk():
    claim, anyone = ask_json("số đảng viên có đúng 712 hổng?", "ủa có ai ko")
    assert claim["status"] == "answer" and claim["intents"] == ["party_members"], claim
    assert anyone["status"] == "smalltalk", anyone


def test_what_the_bot_can_do_asked_at_length_is_help():
    (reply,) = ask_json("bạn làm được những việc gì?")
    assert reply["status"] == "smalltalk" and reply["intents"] == ["help"], reply


def test_a_refusal_no_clause_makes_alone_still_refuses_the_message():
    """ "là gì vậy, khác gì …": what the two courses are and how they differ is general
    knowledge; the rule matches the whole message, neither clause alone."""
    (reply,) = ask_json("Cao cấp lý luận chính trị là gì vậy, khác gì trung cấp?")
    assert reply["status"] == "fallback" and not reply["intents"], reply


def test_english_chat_words_around_smalltalk_are_read_past():
    greet, thanks, who = ask_json(
        "hey what's up", "thanks man, super helpful", "who are you btw, a bot?"
    )
    assert (greet["status"], greet["intents"]) == ("smalltalk", ["greet"]), greet
    assert (thanks["status"], thanks["intents"]) == ("smalltalk", ["thanks"]), thanks
    assert (who["status"], who["intents"]) == ("smalltalk", ["who_are_you"]), who


def test_a_pleasantry_or_question_relayed_for_a_grandparent_is_read_past_who_relays_it():
    thanks, greeting, asked = ask_json(
        "bà cháu bảo cảm ơn nhiều",
        "ông con chào bot ạ",
        "ông cháu hỏi bao nhiêu người học thạc sĩ",
    )
    assert (thanks["status"], thanks["intents"]) == ("smalltalk", ["thanks"])
    assert (greeting["status"], greeting["intents"]) == ("smalltalk", ["greet"])
    assert (asked["status"], asked["intents"]) == ("answer", ["masters_sent"])


def test_what_the_bot_can_help_with_is_the_help_text():
    (reply,) = ask_json("bạn giúp được những việc gì cho mình?")
    assert (reply["status"], reply["intents"]) == ("smalltalk", ["help"])


def test_cadres_still_lacking_is_no_one_relaying_a_question():
    # "cán bộ còn …" folds to "bo con", as "bố con" (a father and child) would
    (reply,) = ask_json("Trước đây đội ngũ cán bộ còn thiếu và yếu, cụ thể là yếu về gì?")
    assert reply["status"] == "answer" and reply["intents"] == ["past_weakness"]


def test_the_souths_di_for_vay_asks_who_the_bot_is():
    (reply,) = ask_json("bạn là ai dị")
    assert (reply["status"], reply["intents"]) == ("smalltalk", ["who_are_you"])
