"""What a message asks, beyond which fact it names: several facts, totals, the meaning of a
figure, attributes the article never gives, smalltalk, follow-ups and picks — as users meet it
through `ask`, the console and the core every front end shares.

The questions here are this file's own; the eval sets (eval/*.yaml) measure the rest.
"""

from __future__ import annotations

import re
from dataclasses import replace

import pytest
from conftest import ask_json, run_cli

from bot.answer import Responder
from bot.conversation import Conversations
from bot.understanding import split_clauses

# ------------------------------------------------------------ slips on the key word


@pytest.mark.parametrize(
    ("question", "intent"),
    [
        ("mấy người được học lên thạc xĩ", "masters_sent"),  # s/x confused
        ("số đảng viem trong huyện", "party_members"),  # a neighbouring key
        ("có bao nhiêu cán bộ công chwcs", "total_staff"),  # a bare telex w
        ("cấp xã học chung cấp lý luận mấy người", "intermediate_llct_commune"),  # ch/tr
        ("bao nhiu nguoi hoc thac si", "masters_sent"),  # a letter left out
    ],
)
def test_a_slip_on_the_key_word_is_still_answered(question, intent):
    [reply] = ask_json(question)
    assert reply["status"] == "answer", reply
    assert reply["intents"] == [intent]


# ------------------------------------------------------------ several facts in one message


@pytest.mark.parametrize(
    ("question", "intents"),
    [
        ("bao nhiêu đảng viên, bao nhiêu người có trình độ thạc sĩ được cử đi học?",
         {"party_members", "masters_sent"}),
        ("tác giả là ai và bài có bao nhiêu lượt xem?", {"article_author", "article_views"}),
        ("bí thư với chủ tịch mặt trận đi bồi dưỡng chức danh, mỗi loại mấy người?",
         {"party_secretary_training", "mttq_chairs"}),
        ("Cấp huyện có mấy người học cao cấp lý luận chính trị? Còn trung cấp thì mấy người?",
         {"advanced_llct", "intermediate_llct_district"}),
        # items after one that names the level: that level's facts, side by side
        (
            "Số cán bộ cấp huyện được cử đi học chương trình chuyên viên, cao cấp LLCT và trung "
            "cấp LLCT là bao nhiêu?",
            {"qlnn_specialist", "advanced_llct", "intermediate_llct_district"},
        ),
        # each level named, asked of each: every level's figure, nothing else
        (
            "Cán bộ chủ chốt dưới 35 tuổi ở cấp huyện và ở cấp xã mỗi nơi bao nhiêu người?",
            {"young_leaders_district", "young_leaders_commune"},
        ),
        # "ai là người trong bài nói về …" asks who speaks in the article, not who issued it
        (
            "Nghị quyết 03 ban hành năm nào, và ai là người trong bài nói về công tác đào tạo?",
            {"resolution_03", "spokesperson"},
        ),
    ],
)  # fmt: skip
def test_a_message_asking_several_facts_gets_every_one(responder, question, intents):
    reply = responder.respond(question)
    assert reply.status == "answer"
    assert set(reply.intents) == intents


@pytest.mark.parametrize(
    ("message", "intents"),
    [
        ("cho mình xin tên tác giả, lượt xem", {"article_author", "article_views"}),
        ("Cần 2 số liệu: số đảng viên; số người học thạc sĩ.", {"party_members", "masters_sent"}),
    ],
)
def test_a_list_asked_by_no_question_word_gets_every_item(message, intents):
    [reply] = ask_json(message)
    assert reply["status"] == "answer", reply
    assert set(reply["intents"]) == intents


@pytest.mark.parametrize(
    "message",
    [
        "cán bộ cấp huyện, trung cấp lý luận chính trị",  # a level narrowing the next clause
        "tôi là cán bộ cấp xã, cho hỏi số người học trung cấp lý luận chính trị cấp xã",
    ],
)
def test_a_qualifier_or_an_introduction_is_not_a_fact_asked_for(responder, message):
    reply = responder.respond(message)
    assert reply.status == "answer" and len(reply.intents) == 1, reply


@pytest.mark.parametrize(
    "question",
    [
        "Có bao nhiêu cán bộ, công chức cấp xã, thị trấn?",
        "Sau khi được đào tạo, cán bộ được bổ nhiệm vào những vị trí nào?",
        "Với công chức cấp xã, huyện tập trung đào tạo gì?",
        "Bao nhiêu người được bồi dưỡng chức danh bí thư và phó bí thư cấp xã?",
        # "còn trẻ," is still young, no "còn …?" asking on
        "Ở xã thì có bao nhiêu lãnh đạo chủ chốt còn trẻ, chưa tới 35 tuổi?",
        # "chưa qua tuổi 35" says not yet, no second question
        "Trên huyện có mấy cán bộ chủ chốt còn trẻ, chưa qua tuổi 35?",
    ],
)
def test_commas_and_joiners_inside_one_question_do_not_split_it(responder, question):
    reply = responder.respond(question)
    assert reply.status == "answer" and len(reply.intents) == 1, reply


def test_ask_json_lists_every_fact_and_shows_the_source_once(tmp_path):
    first, second = ask_json(
        "tác giả là ai và bài có bao nhiêu lượt xem?",
        "bao nhiêu đảng viên, bao nhiêu người có trình độ thạc sĩ được cử đi học?",
    )
    assert first["intents"] == ["article_author", "article_views"]
    assert "Phong Vân" in first["answer"] and "1316" in first["answer"]
    assert first["source"] is None  # the article's own metadata cites nothing
    assert set(second["intents"]) == {"party_members", "masters_sent"}
    assert second["answer"].endswith(second["source"])


# ------------------------------------------------------------ levels, totals


def test_a_count_that_names_no_level_gets_every_level_with_its_label(responder):
    reply = responder.respond("có bao nhiêu người học trung cấp lý luận chính trị?")
    assert reply.status == "answer"
    assert set(reply.intents) == {"intermediate_llct_district", "intermediate_llct_commune"}
    assert "cấp huyện:" in reply.text and "cấp xã:" in reply.text


@pytest.mark.parametrize(
    "question",
    [
        "cán bộ công chức từng cấp thì được học những gì vậy",
        "huyện bồi dưỡng gì cho cán bộ công chức theo từng đối tượng",
    ],
)
def test_what_each_level_is_taught_asked_of_each_gets_every_level(question):
    """ "từng cấp", "theo từng đối tượng": asked of each, so every level's part, labelled, even
    when the words leave the matcher a little less sure than of a bare question."""
    [reply] = ask_json(question)
    assert reply["status"] == "answer", reply
    assert set(reply["intents"]) == {
        "district_level_training",
        "commune_cadre_training",
        "commune_civil_servant_training",
    }
    assert "cấp huyện:" in reply["answer"] and "cán bộ cấp xã:" in reply["answer"]


def test_a_course_named_by_no_word_gets_every_course_even_when_one_leads(responder):
    # "cử … đi học" is the cao cấp sentence's wording, but the question names no course
    reply = responder.respond("huyện đã cử được bao nhiêu người đi học lý luận chính trị")
    assert set(reply.intents) == {
        "advanced_llct",
        "intermediate_llct_district",
        "intermediate_llct_commune",
    }


def test_a_total_gets_the_parts_and_the_declared_sum_with_its_formula(responder):
    reply = responder.respond("tổng cộng cả hai cấp có bao nhiêu người học trung cấp llct?")
    assert set(reply.intents) == {"intermediate_llct_district", "intermediate_llct_commune"}
    assert "55 + 300 = 355" in reply.text


def test_a_total_the_article_cannot_give_is_not_invented(responder):
    # 115 people and 128 training turns count different things: no sum
    reply = responder.respond("bồi dưỡng quản lý nhà nước cấp huyện và cấp xã tổng cộng bao nhiêu?")
    assert set(reply.intents) == {"qlnn_specialist", "qlnn_commune_key"}
    assert "243" not in reply.text and responder.messages.total_none in reply.text


def test_after_an_answer_a_bare_total_sums_it(responder):
    conversations = Conversations(responder, None, "test")
    conversations.ask("c", "cấp huyện có mấy cán bộ chủ chốt dưới 35 tuổi")
    reply = conversations.ask("c", "vậy cộng lại?").reply
    assert set(reply.intents) == {"young_leaders_district", "young_leaders_commune"}
    assert "10 + 21 = 31" in reply.text


# ------------------------------------------------------------ figures and what the article does not say


def test_a_figure_the_article_lacks_is_never_written_back_beside_one_it_has():
    """ "712 hay 721?": the reply gives 712's facts, says one figure is not the article's,
    and writes no 721 (the bot never states a figure the article does not have)."""
    [reply] = ask_json("là 712 hay 721, đúng số nào?")
    assert reply["status"] == "answer"
    assert set(reply["intents"]) == {"university_sent", "party_members"}
    assert "712" in reply["answer"] and "721" not in reply["answer"]
    assert "không xuất hiện trong bài" in reply["answer"]


@pytest.mark.parametrize(
    ("question", "intents"),
    [
        ("số 115 là gì?", {"qlnn_specialist"}),
        # the total staff, and the base of two shares (1.066/1.999, 712/1.999)
        ("1.999 ứng với cái gì", {"total_staff", "university_degree_now", "party_members"}),
        ("con số 712 trong bài nói về cái gì vậy", {"university_sent", "party_members"}),
        # more words than the figure, none naming another fact
        ("hai con số 26 và 55 phản ánh điều gì", {"advanced_llct", "intermediate_llct_district"}),
        ("bài nhắc tới 128, đó là con số về cái gì", {"qlnn_commune_key"}),
        ("con số 21 nói về việc gì", {"young_leaders_commune"}),  # "việc", "chuyện": no fact
        # whom a bare figure counts, past the words pointing at it and a bare "…, làm gì?"
        ("115 cán bộ được nhắc trong bài là những ai?", {"qlnn_specialist"}),
        ("19 người đó là ai, được cử đi làm gì?", {"party_secretary_training"}),
        ("Trong bài có nhắc 115 cán bộ, là cán bộ gì vậy?", {"qlnn_specialist"}),
        ("55 cán bộ cấp huyện là làm gì?", {"intermediate_llct_district"}),
    ],
)
def test_what_a_figure_means(responder, question, intents):
    reply = responder.respond(question)
    assert reply.status == "answer" and set(reply.intents) == intents


@pytest.mark.parametrize(
    ("question", "intents"),
    [
        # the figure's own fact, and a second question beside it
        (
            "nghị quyết 03 ra đời năm nào, còn tác giả bài là ai?",
            {"resolution_03", "article_author"},
        ),
        # a count, not a meaning
        ("trong 1.999 cán bộ thì bao nhiêu người là đảng viên", {"party_members"}),
    ],
)
def test_a_figure_inside_another_question_is_not_read_as_asking_its_meaning(
    responder, question, intents
):
    reply = responder.respond(question)
    assert reply.status == "answer" and set(reply.intents) == intents


def test_who_a_described_figure_counts_asks_names_not_its_meaning(responder):
    """ "là những ai" of a figure the question describes asks names the article never gives."""
    reply = responder.respond("10 cán bộ chủ chốt cấp huyện dưới 35 tuổi là những ai")
    assert reply.status != "answer", reply.text


def test_a_document_number_the_article_lacks_is_not_taken_for_its_figure(responder):
    # 26 is a figure of the article (cao cấp), but "nghị quyết 26 của Trung ương" is not it
    reply = responder.respond("Nghị quyết 26 của Trung ương về cán bộ nói gì?")
    assert reply.status != "answer" and "advanced_llct" not in reply.intents


def test_which_number_a_resolution_has_is_not_a_count(responder):
    reply = responder.respond("nghị quyết chuyên đề về cán bộ là nghị quyết số mấy?")
    assert reply.status == "answer" and reply.intents == ("resolution_03",)


def test_a_figure_the_article_lacks_is_said_so_without_echoing_it(responder):
    reply = responder.respond("số 4321 là gì?")
    assert reply.status == "fallback" and "4321" not in reply.text


@pytest.mark.parametrize(
    "question",
    [
        "khóa học thạc sĩ kéo dài bao lâu?",
        "đào tạo trung cấp lý luận chính trị tốn bao nhiêu tiền?",
        "cán bộ đi học đại học ở trường nào?",
        "ngành y tế của huyện được bồi dưỡng bao nhiêu lượt?",
        "28 người học thạc sĩ theo chuyên ngành gì?",
    ],
)
def test_an_attribute_the_article_never_gives_is_said_so_with_the_nearby_fact(responder, question):
    reply = responder.respond(question)
    assert reply.status == "fallback"
    assert not re.search(r"\d", reply.text)  # no nearby figure passed off as the answer
    assert reply.suggestions  # the nearby fact, offered as a question


# ------------------------------------------------------------ long messages, smalltalk, the clock


def test_a_question_after_a_long_preamble_is_answered_as_confidently(responder):
    question = (
        "Chào bạn, mình là sinh viên năm ba đang viết tiểu luận về công tác cán bộ miền núi, "
        "thầy dặn phải lấy số liệu từ báo. Cảm ơn bạn trước nhé. "
        "Cho mình hỏi huyện có bao nhiêu cán bộ chủ chốt cấp xã dưới 35 tuổi?"
    )
    reply = responder.respond(question)
    assert (reply.status, reply.intents) == ("answer", ("young_leaders_commune",))


@pytest.mark.parametrize(
    ("message", "intent"),
    [
        # one sentence: the preamble runs into the question ("… nên cho em hỏi: …")
        ("Dạ chào anh, em là học viên lớp trung cấp chính trị đang làm bài thu hoạch về "
         "cán bộ cơ sở nên cho em hỏi: bài báo này do ai viết ạ?", "article_author"),
        # a question relayed for someone, at the start or after who that is
        ("bà em hỏi là huyện có bao nhiêu cán bộ công chức ạ", "total_staff"),
        ("Dạ em chào ạ, bà em hồi trước làm ở xã nên muốn biết. Bà em hỏi là cấp xã, thị trấn "
         "có bao nhiêu cán bộ công chức ạ?", "commune_staff"),
        # who asks is never what the values after the opener are of; "Hội Phụ nữ" is a name
        ("Chào bạn, mình là cán bộ Hội Phụ nữ xã, đang làm báo cáo chuyên đề, cho mình hỏi "
         "huyện Điện Biên Đông hiện có tổng bao nhiêu cán bộ, công chức?", "total_staff"),
        # no introduction, but the words before the opener ask for nothing
        ("Hôm qua đọc vội trên điện thoại không kịp nhớ, xin hỏi bài đăng trên báo nào?",
         "article_source"),
        # "hỏi" after who asks, or with a word of its own ("hỏi vui", "hỏi cái này"), opens too
        ("chào bot nha, em hỏi cái này chút thôi: báo nào đăng bài này", "article_source"),
        ("người Thái em hỏi, cấp xã có mấy cán bộ công chức ạ?", "commune_staff"),
        ("Tôi về hưu lâu rồi, hỏi vui: huyện có bao nhiêu đảng viên cả thảy?", "party_members"),
        # where the asker comes from is who asks, not a place asked about
        ("tui dưới Nam Định lên đây làm ăn lâu rồi, nghe nói huyện lo cho cán bộ đi học lắm. "
         "Vậy có bao nhiêu người được học thạc sĩ vậy?", "masters_sent"),
        # an opener opening the message, then who asks, then the question in a later sentence
        ("Xin phép hỏi một chút, tôi đang soạn bài giảng cho lớp, cần số liệu chuẩn. Có bao "
         "nhiêu người học thạc sĩ?", "masters_sent"),
    ],
)  # fmt: skip
def test_what_comes_before_cho_hoi_is_a_preamble(message, intent):
    [reply] = ask_json(message)
    assert (reply["status"], reply["intents"]) == ("answer", [intent]), reply


def test_what_comes_before_a_colon_is_a_preamble_when_it_asks_nothing(responder):
    message = (
        "Cảm ơn bạn nhiều, các câu trước rất có ích cho mình. Giờ cần thêm một con số cho "
        "bài thuyết trình ngày mai: có bao nhiêu người được đào tạo thạc sĩ?"
    )
    reply = responder.respond(message)
    assert (reply.status, reply.intents) == ("answer", ("masters_sent",))


def test_a_fact_asked_before_cho_hoi_them_is_kept(responder):
    reply = responder.respond("Có bao nhiêu đảng viên? Cho hỏi thêm số người học thạc sĩ")
    assert set(reply.intents) == {"party_members", "masters_sent"}


@pytest.mark.parametrize("message", ["ok", "👌", "oke bot", "chúc bot một ngày vui", "giỏi ghê 😄"])
def test_a_message_without_a_question_gets_smalltalk(responder, message):
    assert responder.respond(message).status == "smalltalk"


def test_the_time_now_is_not_the_publication_time(responder):
    reply = responder.respond("mấy giờ rồi?")
    assert reply.status == "fallback" and "08:37" not in reply.text


# ------------------------------------------------------------ follow-ups and picks


def test_follow_ups_by_what_they_ask(responder):
    conversations = Conversations(responder, None, "test")
    conversations.ask("c", "bao nhiêu người được đào tạo thạc sĩ")
    assert conversations.ask("c", "nguồn ở đâu?").reply.intents == ("article_source",)
    conversations.ask("c", "nghị quyết 03 nói về gì")
    assert conversations.ask("c", "ban hành hồi nào?").reply.intents == ("resolution_03",)


def test_a_new_standalone_question_is_not_read_as_a_follow_up(responder):
    conversations = Conversations(responder, None, "test")
    conversations.ask("c", "cấp huyện có bao nhiêu người học trung cấp lý luận chính trị")
    reply = conversations.ask("c", "có bao nhiêu đảng viên?").reply
    assert reply.intents == ("party_members",)


@pytest.mark.parametrize("pick", ["1", "cái đầu tiên", "số 1"])
def test_a_clarification_is_answered_by_its_number(responder, pick):
    conversations = Conversations(responder, None, "test")
    asked = conversations.ask("c", "bao nhiêu?").reply
    assert asked.status == "clarify" and asked.suggestions
    reply = conversations.ask("c", pick).reply
    assert reply.intents == (asked.suggestions[0].intent_id,)


def test_a_single_candidate_is_offered_as_a_yes_or_no_question_and_yes_takes_it(responder):
    conversations = Conversations(responder, None, "test")
    # English words the KB barely knows: sure of the fact, not of the words
    question = "How many Fatherland Front committee chairs were sent for training?"
    asked = conversations.ask(question, question).reply
    assert asked.status == "clarify" and len(asked.suggestions) == 1, asked
    assert asked.suggestions[0].question in asked.text and "«có»" in asked.text
    reply = conversations.ask(question, "có").reply
    assert reply.intents == (asked.suggestions[0].intent_id,)


def test_the_console_numbers_the_candidates_and_takes_a_number():
    result = run_cli("console", stdin="bao nhiêu?\n2\n")
    assert result.returncode == 0, result.stderr
    out = result.stdout.decode()
    candidates = re.findall(r"^2\. (.+)$", out, re.M)
    assert candidates, out
    assert out.count("Theo bài") <= 1  # the source line once per conversation


def test_the_source_line_is_shown_once_per_conversation(responder):
    conversations = Conversations(responder, None, "test")
    first = conversations.ask("c", "bao nhiêu người học thạc sĩ")
    second = conversations.ask("c", "bao nhiêu đảng viên")
    assert first.reply.source in first.text
    assert second.reply.source and second.reply.source not in second.text


# ------------------------------------------------------------ what a clause of a longer message is


def test_another_place_named_only_in_the_introduction_does_not_refuse_the_question(responder):
    message = "Mình là người Sơn La mới chuyển lên đây làm việc, bài này ai là tác giả vậy?"
    reply = responder.respond(message)
    assert (reply.status, reply.intents) == ("answer", ("article_author",))


def test_another_place_asked_about_is_still_refused(responder):
    for question in ("nghị quyết 03 của tỉnh Yên Bái nói gì", "Cà Mau có bao nhiêu đảng viên"):
        assert responder.respond(question).status == "fallback", question


def test_a_clause_that_only_asks_asks_about_the_clause_before(responder):
    # "…, ở đâu?" is where the 28 study, not where the article comes from
    reply = responder.respond("28 người học thạc sĩ học mấy năm, ở đâu")
    assert reply.status == "fallback" and "article_source" not in reply.intents


def test_a_clause_asking_the_total_sums_the_others(responder):
    reply = responder.respond(
        "cán bộ trẻ dưới 35 cấp huyện bao nhiêu, cấp xã bao nhiêu, tổng bao nhiêu"
    )
    assert set(reply.intents) == {"young_leaders_district", "young_leaders_commune"}
    assert "10 + 21 = 31" in reply.text


@pytest.mark.parametrize("message", ["thanks bn", "bn là ai", "cảm ơn bn nhé"])
def test_bn_beside_thanks_or_who_is_you_not_how_many(responder, message):
    assert responder.respond(message).status == "smalltalk"


def test_who_signed_a_document_is_not_in_the_article(responder):
    reply = responder.respond("ai ký ban hành nghị quyết 03?")
    assert reply.status == "fallback" and not re.search(r"\d{3}", reply.text)


@pytest.mark.parametrize(
    ("message", "intents"),
    [
        ("cho mình biết cả tên tác giả lẫn số lượt xem của bài", {"article_author", "article_views"}),
        # "cả … lẫn …" between two levels is one question about both
        ("cả cấp huyện lẫn cấp xã có bao nhiêu người học trung cấp lý luận chính trị",
         {"intermediate_llct_district", "intermediate_llct_commune"}),
    ],
)  # fmt: skip
def test_ca_a_lan_b_asks_for_both(responder, message, intents):
    reply = responder.respond(message)
    assert reply.status == "answer" and set(reply.intents) == intents, reply


def test_a_figure_is_named_as_the_article_writes_it(responder):
    reply = responder.respond("1999 là số gì")
    assert "1.999" in reply.text.splitlines()[0]


def test_two_answers_in_a_row_from_one_group_are_what_cong_lai_sums(responder):
    conversations = Conversations(responder, None, "test")
    conversations.ask("c", "có bao nhiêu người học đại học theo diện cử đi đào tạo")
    conversations.ask("c", "thạc sĩ thì bao nhiêu")
    reply = conversations.ask("c", "cộng lại đi").reply
    assert set(reply.intents) == {"university_sent", "masters_sent"}
    assert "712 + 28 = 740" in reply.text


@pytest.mark.parametrize(
    "question",
    [
        "trong gần 2 nghìn cán bộ có bao nhiêu đảng viên",
        "khoảng 2000 cán bộ thì mấy người là đảng viên",
    ],
)
def test_a_rounded_figure_is_the_articles_not_a_number_it_lacks(responder, question):
    reply = responder.respond(question)
    assert (reply.status, reply.intents) == ("answer", ("party_members",)), reply


def test_a_number_far_from_every_figure_is_still_one_the_article_lacks(responder):
    # checked like any figure claimed ("5 nghìn" is 5000): said to be missing, the article's given
    for question in ("huyện có 5 nghìn cán bộ công chức à", "huyện có 5000 cán bộ công chức à"):
        reply = responder.respond(question)
        assert reply.text.startswith("Bài viết không có con số bạn nêu"), question
        assert "1.999" in reply.text and "5000" not in reply.text and "5.000" not in reply.text


def test_the_weather_or_tomorrow_is_out_of_scope(responder):
    for question in ("thời tiết Điện Biên Đông ngày mai thế nào", "tuần sau huyện có họp không"):
        assert responder.respond(question).status == "fallback", question


def test_where_the_asker_lives_is_an_introduction_in_every_register(responder):
    # one sentence, no "cho hỏi": the greeting and the introduction it opens with are cut
    message = "Xin chào, tui ở Sài Gòn nè, huyện cử bao nhiêu người đi học thạc sĩ vậy"
    reply = responder.respond(message)
    assert (reply.status, reply.intents) == ("answer", ("masters_sent",)), reply


# ------------------------------------------------------------ session 4: what stopped answers


def test_a_clear_lead_answers_a_little_under_the_answer_threshold(responder):
    question = "thời điểm bài được đăng là lúc nào"  # best ~62, ~41 ahead of every other intent
    best, second = responder.matcher.match(question).candidates[:2]
    assert best.intent.id == "article_date" and best.score - second.score >= 30

    def with_lead(lead_answer: float) -> Responder:
        settings = responder.kb.settings
        # (the kind of answer asked, a time, would single it out too: bot/ask_agreement.py)
        thresholds = replace(settings.thresholds, lead_answer=lead_answer, ask_answer=101)
        kb = replace(responder.kb, settings=replace(settings, thresholds=thresholds))
        return Responder(kb)

    assert with_lead(best.score - 1).respond(question).intents == ("article_date",)
    assert with_lead(best.score + 1).respond(question).status == "clarify"


def test_a_clause_restating_the_other_is_not_a_second_question(responder):
    reply = responder.respond("huyện chọn ai đi học, căn cứ vào đâu để chọn")
    assert reply.status == "answer" and reply.intents == ("selection_criteria",)


def test_a_share_asked_by_its_words_alone_is_of_the_last_answer(responder):
    conversations = Conversations(responder, None, "test")
    conversations.ask("c", "can bo cap xa co bao nhieu nguoi")
    reply = conversations.ask("c", "chiem bao nhieu phan tram so voi tong").reply
    assert reply.intents == ("commune_staff", "total_staff")


def test_the_level_a_difference_counts_gets_that_difference(responder):
    conversations = Conversations(responder, None, "test")
    conversations.ask("c", "huyện có bao nhiêu cán bộ công chức")
    reply = conversations.ask("c", "vậy cấp huyện là bao nhiêu?").reply
    assert reply.intents == ("total_staff", "commune_staff") and "1.705" in reply.text


def test_who_are_you_after_an_answer_asks_about_the_bot_and_a_bare_who_about_the_answer(
    responder,
):
    conversations = Conversations(responder, None, "test")
    conversations.ask("c", "báo nào đăng bài này")
    assert conversations.ask("c", "bạn là ai").reply.intents == ("who_are_you",)
    conversations.ask("c", "ai viết bài")
    assert conversations.ask("c", "ai?").reply.intents == ("article_author",)


def test_a_level_after_both_levels_narrows_to_that_one(responder):
    conversations = Conversations(responder, None, "test")
    conversations.ask("c", "bao nhiêu người học trung cấp lý luận chính trị")
    assert conversations.ask("c", "ở xã").reply.intents == ("intermediate_llct_commune",)


def test_a_count_per_level_asked_after_a_level_is_that_levels(responder):
    conversations = Conversations(responder, None, "test")
    conversations.ask("c", "cấp xã có bao nhiêu cán bộ chủ chốt dưới 35 tuổi?")
    reply = conversations.ask("c", "bao nhiêu người học trung cấp?").reply
    assert reply.intents == ("intermediate_llct_commune",)
    assert "55" in reply.text  # the other level's figure is still there, labelled


def test_an_unstated_part_of_a_message_is_said_so_never_answered_with_its_fact(responder):
    reply = responder.respond("giáo viên mỗi năm được bồi dưỡng bao nhiêu lượt, mấy ngày")
    assert reply.status == "fallback" and "không nói" in reply.text
    assert [s.intent_id for s in reply.suggestions] == ["education_sector"]


def test_an_unstated_part_beside_another_question_follows_its_answer(responder):
    reply = responder.respond("bài đăng ngày nào, khóa học thạc sĩ kéo dài bao lâu?")
    assert reply.status == "answer" and reply.intents == ("article_date",)
    assert "06/08/2018" in reply.text and "không nói" in reply.text


def test_which_level_after_a_figure_is_that_figures_level(responder):
    conversations = Conversations(responder, None, "test")
    conversations.ask("c", "bao nhiêu người được cử đi học cao cấp lý luận chính trị")
    assert conversations.ask("c", "thuộc cấp nào thế").reply.intents == ("advanced_llct",)
    # a figure named picks its own part, whatever level the chat was at
    reply = conversations.ask("c", "thế 300 người học trung cấp là cấp nào").reply
    assert reply.intents == ("intermediate_llct_commune",)


def test_and_opens_an_english_follow_up(responder):
    conversations = Conversations(responder, None, "test")
    conversations.ask("c", "how many party members")
    assert conversations.ask("c", "and total staff?").reply.intents == ("total_staff",)


@pytest.mark.parametrize(
    "question",
    [
        "dịch giúp mình câu này sang tiếng Anh",
        "translate this article please",
        "tóm tắt giúp em truyện Kiều",
    ],
)
def test_a_task_other_than_a_question_is_out_of_scope(responder, question):
    reply = responder.respond(question)
    assert reply.status == "fallback" and not reply.intents


def test_other_articles_of_the_author_are_not_in_the_article(responder):
    reply = responder.respond("tác giả còn viết bài nào khác không")
    assert reply.status == "fallback" and "bài viết khác" in reply.text


def test_after_a_commune_figure_the_one_advanced_figure_is_the_counterpart(responder):
    conversations = Conversations(responder, None, "test")
    conversations.ask("c", "cấp xã có bao nhiêu người học trung cấp lý luận chính trị")
    assert conversations.ask("c", "còn cao cấp thì sao").reply.intents == ("advanced_llct",)


def test_a_total_over_courses_and_both_levels_takes_the_group_of_all_three(responder):
    reply = responder.respond(
        "tính cả huyện và xã, cao cấp với trung cấp lý luận chính trị tổng cộng bao nhiêu người"
    )
    assert reply.intents == (
        "advanced_llct",
        "intermediate_llct_district",
        "intermediate_llct_commune",
    )
    assert "26 + 55 + 300 = 381" in reply.text


def test_a_level_named_once_holds_for_every_part_of_a_total(responder):
    reply = responder.respond("tong so luot boi duong chu chot xa (chuyen mon + qlnn)")
    assert reply.intents == ("professional_training", "qlnn_commune_key")
    assert "84 + 128 = 212" in reply.text


@pytest.mark.parametrize(
    ("question", "line", "intents"),
    [
        ("trừ cấp xã ra thì còn lại bao nhiêu cán bộ", "1.999 − 294 = 1.705", 2),
        # the party members' answer writes the whole: it alone is quoted, then the difference
        # worked from both (the whole's fact named too)
        ("bao nhiêu người chưa phải là đảng viên", "1.999 − 712 = 1.287", 2),
    ],
)
def test_what_remains_gets_the_whole_the_part_and_the_declared_difference(
    responder, question, line, intents
):
    reply = responder.respond(question)
    assert reply.status == "answer" and len(reply.intents) == intents
    assert "1.999" in reply.text and line in reply.text


def test_a_yes_no_question_about_a_figure_is_no_difference(responder):
    reply = responder.respond("có phải 712 người là đảng viên không")
    assert reply.intents == ("party_members",) and "−" not in reply.text


def test_a_total_naming_values_beyond_one_group_gets_each_and_no_invented_sum(responder):
    reply = responder.respond("tổng số người được cử đi học đại học, thạc sĩ và cao cấp llct")
    assert reply.intents == ("university_sent", "masters_sent", "advanced_llct")
    assert responder.messages.total_none in reply.text


def test_cong_lai_after_a_chain_of_follow_ups_sums_every_part_given(responder):
    conversations = Conversations(responder, None, "test")
    for turn in ("cấp huyện có mấy người học cao cấp lý luận chính trị", "còn trung cấp", "cấp xã"):
        conversations.ask("c", turn)
    reply = conversations.ask("c", "cộng hết lại là bao nhiêu").reply
    assert reply.intents == (
        "advanced_llct",
        "intermediate_llct_district",
        "intermediate_llct_commune",
    )
    assert "26 + 55 + 300 = 381" in reply.text


def test_a_level_alone_after_a_figure_asks_its_counterpart(responder):
    conversations = Conversations(responder, None, "test")
    conversations.ask("c", "trung cấp llct cấp huyện bao nhiêu người")
    assert conversations.ask("c", "cấp xã bn").reply.intents == ("intermediate_llct_commune",)


def test_whether_a_goal_was_met_later_is_not_in_the_article(responder):
    reply = responder.respond("đến năm 2020 huyện có đạt được mục tiêu của nghị quyết chưa?")
    assert reply.status == "fallback" and not reply.intents


@pytest.mark.parametrize(
    ("question", "status", "intents"),
    [
        ("năm 2018 huyện có bao nhiêu cán bộ công chức", "answer", ("total_staff",)),
        ("how many civil servants does Vietnam have in total?", "fallback", ()),
        ("6 chủ tịch MTTQ đó ở những xã nào?", "fallback", ()),
    ],
)
def test_the_articles_year_is_its_now_and_the_country_or_each_commune_are_not_in_it(
    responder, question, status, intents
):
    reply = responder.respond(question)
    assert (reply.status, reply.intents) == (status, intents)


def test_a_short_clause_about_the_fact_just_asked_is_no_second_question(responder):
    reply = responder.respond("ai la nguoi phat bieu trong bai, giu chuc vu gi")
    assert reply.status == "answer" and reply.intents == ("spokesperson",)


def test_khong_con_is_no_longer_and_co_dung_khong_asks_nothing_new(responder):
    reply = responder.respond(
        "Bác nghe người ta nói bây giờ huyện không còn cử người đi học tràn lan nữa, có đúng không?"
    )
    assert reply.intents == ("no_mass_training",)


# One message, the facts it reaches: each id says what the case is about.
@pytest.mark.parametrize(
    ("question", "intents"),
    [
        pytest.param(
            "trung cấp lý luận huyện với xã mỗi bên mấy người",
            ("intermediate_llct_district", "intermediate_llct_commune"),
            id="huyen_beside_xa_names_both_levels",
        ),
        pytest.param(
            "cấp huyện và cấp xã có mấy người học trung cấp",
            ("intermediate_llct_district", "intermediate_llct_commune"),
            id="huyen_beside_xa_names_both_levels",
        ),
        pytest.param(
            "tổng số cán bộ công chức huyện là bao nhiêu",
            ("total_staff",),
            id="tong_so_can_bo_huyen_is_the_whole_staff",
        ),
        pytest.param(
            "mày giúp được gì cho tao", ("help",), id="familiar_pronouns_carry_no_meaning"
        ),
        pytest.param(
            "cao cấp lý luận chính trị bao nhiêu người",
            ("advanced_llct",),
            id="one_course_is_not_the_figure_of_two",
        ),
        pytest.param(
            "bao nhiêu người có trình độ trung cấp, cao cấp llct",
            ("llct_level_now",),
            id="two_courses_named_are_their_figure",
        ),
        pytest.param(
            "cán bộ xã thì hok j vậy ad",
            ("commune_cadre_training",),
            id="hok_j_is_hoc_gi_and_ad_is_nobody",
        ),
        pytest.param(
            "cán bộ xã thì học gì vậy admin", ("commune_cadre_training",), id="admin_is_nobody"
        ),
        pytest.param(
            "tính cả xã thì huyện có tất cả bao nhiêu cán bộ công chức",
            ("total_staff",),
            id="tinh_ca_xa_is_the_whole",
        ),
        pytest.param(
            "xem giúp mình bao nhiêu đảng viên", ("party_members",), id="xem_giup_asks_nothing"
        ),
        pytest.param(
            "bài có bao nhiêu lượt người xem", ("article_views",), id="luot_xem_is_the_views"
        ),
        pytest.param(
            "trong bộ máy huyện bây giờ bao nhiêu người là đảng viên",
            ("party_members",),
            id="bo_may_is_the_districts_staff",
        ),
        pytest.param(
            "huyện có bao nhiêu người làm nhà nước",
            ("total_staff",),
            id="lam_nha_nuoc_is_the_districts_staff",
        ),
        pytest.param(
            "giờ thì bao nhiêu người có trình độ đại học",
            ("university_degree_now",),
            id="gio_thi_is_now",
        ),
        pytest.param("thêm số đảng viên nữa", ("party_members",), id="nua_asks_nothing"),
        pytest.param(
            "cbcc xã hoc tc chính trị bn người",
            ("intermediate_llct_commune",),
            id="tc_chinh_tri_shorthand",
        ),
        pytest.param(
            "hiện nay bn cb có bằng cc, tc llct", ("llct_level_now",), id="cc_tc_llct_shorthand"
        ),
        pytest.param("bài này pub hôm nào", ("article_date",), id="pub_is_published"),
        pytest.param(
            "may nam truoc can bo xa yeu kem the nao",
            ("past_weakness",),
            id="may_nam_truoc_is_some_years_ago",
        ),
        pytest.param(
            "mấy vị đứng đầu ở xã được học hành chính nhà nước bao nhiêu lượt",
            ("qlnn_commune_key",),
            id="dung_dau_o_xa_and_hanh_chinh",
        ),
        pytest.param(
            "cán bộ công chức cấp xã bao nhiêu người",
            ("commune_staff",),
            id="commune_staff_without_co",
        ),
        pytest.param(
            "bao nhiêu ng có trình độ đh", ("university_degree_now",), id="co_trinh_do_is_held_now"
        ),
        pytest.param(
            "bao nhiêu người được cử đi học đại học",
            ("university_sent",),
            id="cu_di_hoc_is_sent_to_study",
        ),
        pytest.param("ukm", ("acknowledge",), id="ukm_acknowledges"),
        pytest.param("bot có người yêu chưa 😁", ("bot_personal",), id="chit_chat_about_the_bot"),
        pytest.param(
            "Ở xã có bao nhiêu người theo học lớp chính trị bậc trung?",
            ("intermediate_llct_commune",),
            id="bac_trung_is_trung_cap",
        ),
        pytest.param(
            "Có bao nhiêu người đã có bằng cao học hoặc cao hơn nữa?",
            ("postgraduate_now",),
            id="cao_hoc_or_higher_is_postgraduate",
        ),
        pytest.param(
            "300 người học trung cấp là ở cấp nào",
            ("intermediate_llct_commune",),
            id="a_figure_named_picks_its_part",
        ),
        pytest.param(
            "có phải 55 người học trung cấp không",
            ("intermediate_llct_district",),
            id="a_figure_named_picks_its_part",
        ),
        pytest.param(
            "số đảng viên; số người có bằng đại học; số người trên đại học",
            ("party_members", "university_degree_now", "postgraduate_now"),
            id="a_clause_naming_one_fact_is_a_list_item",
        ),
        pytest.param(
            "người đứng đầu đảng ủy xã với cấp phó của họ đi học chức danh mấy người?",
            ("party_secretary_training",),
            id="dung_dau_is_not_the_question_word_dau",
        ),
        pytest.param(
            "ở xã có mấy người lãnh đạo chủ chốt mà còn chưa tới 35",
            ("young_leaders_commune",),
            id="ma_con_is_still_not_a_follow_up",
        ),
        pytest.param(
            "cán bộ cấp huyệ học trug cấp llct mấy người",
            ("intermediate_llct_district",),
            id="a_dropped_letter_in_a_slot_word",
        ),
        pytest.param(
            "số đảg viên là bao nhiêu", ("party_members",), id="typed_marks_pick_the_word"
        ),
        pytest.param("ai là tác ja của bài", ("article_author",), id="j_for_gi"),
        pytest.param(
            "cho mình biết tác giả và báo nào đăng bài",
            ("article_author", "article_source"),
            id="a_request_asks_before_a_joiner",
        ),
        pytest.param(
            "bài có nhắc đến nghị quyết nào không", ("resolution_03",), id="mentioned_is_no_fact"
        ),
        pytest.param(
            "ở xã bồi dưỡng nghiệp vụ mấy lượt, quản lý nhà nước mấy lượt",
            ("professional_training", "qlnn_commune_key"),
            id="what_a_course_teaches_picks_the_fact",
        ),
        pytest.param(
            "ở xã có mấy lãnh đạo trẻ dưới 35, mấy người học trung cấp lý luận",
            ("young_leaders_commune", "intermediate_llct_commune"),
            id="a_level_named_first_holds_for_the_next_clause",
        ),
        pytest.param(
            "tổng số cán bộ, số người có bằng đại học và số đảng viên là bao nhiêu?",
            ("total_staff", "university_degree_now", "party_members"),
            id="items_sharing_one_question_word",
        ),
        pytest.param(
            "sau khi được đào tạo, cán bộ được bổ nhiệm vào vị trí nào?",
            ("promotions",),
            id="an_opening_phrase_is_no_item",
        ),
        pytest.param(
            "bí thư với chủ tịch mttq được bồi dưỡng chức danh tổng cộng bao nhiêu người",
            ("party_secretary_training", "mttq_chairs"),
            id="tong_cong_is_one_word_not_a_joiner",
        ),
        pytest.param(
            "mấy người có bằng thạc sĩ trở lên, mấy đảng viên trên tổng số cán bộ",
            ("postgraduate_now", "party_members"),
            id="a_word_typed_with_marks_is_new_to_a_follow_up",
        ),
        pytest.param(
            "mình ở phòng nội vụ, sếp nhờ mình tìm xem bài này ai viết",
            ("article_author",),
            id="tim_xem_opens_the_question",
        ),
        pytest.param(
            "55 người với 300 người khác nhau thế nào",
            ("intermediate_llct_district", "intermediate_llct_commune"),
            id="how_two_figures_differ_is_what_they_mean",
        ),
        pytest.param(
            "hạn năm 2020 là mốc gì", ("resolution_03",), id="a_horizon_year_is_no_other_year"
        ),
        pytest.param(
            "ai được trích lời trong bài, giữ chức gì",
            ("spokesperson",),
            id="short_clause_asks_again",
        ),
        pytest.param(
            "hồi trước cán bộ xã yếu thế nào, có ổn không",
            ("past_weakness",),
            id="vague_clause_again",
        ),
        pytest.param(
            "ai viết bài, đăng ngày nào",
            ("article_author", "article_date"),
            id="short_clause_of_its_own",
        ),
        pytest.param(
            "hồi trước người làm ở xã thế nào, có đủ người và đủ sức không",
            ("past_weakness",),
            id="an_unclear_clause_whose_best_guess_is_given",
        ),
        pytest.param(
            "bao nhiêu người có bằng thạc sĩ trở lên, còn số đảng viên?",
            ("postgraduate_now", "party_members"),
            id="con_opening_the_last_part_asks_by_the_question_mark",
        ),
        pytest.param(
            "huyện cho ai đi học, người giỏi hay người còn yếu?",
            ("selection_criteria",),
            id="con_before_one_word_is_still",
        ),
        pytest.param(
            "cho mình xin cả số đảng viên lẫn tổng số cán bộ công chức",
            ("party_members", "total_staff"),
            id="two_counts_no_sum_declares_are_a_list",
        ),
        pytest.param(
            "tổng cộng có bao nhiêu người có bằng đại học trở lên",
            ("university_degree_now", "postgraduate_now"),
            id="values_naming_every_part_of_a_summed_group",
        ),
        pytest.param("bạn khỏe không", ("greet",), id="how_are_you_is_a_greeting"),
        pytest.param("tác giả tên gì", ("article_author",), id="the_authors_name"),
        pytest.param(
            "toan huyen co bao nhieu nguoi la dang vien",
            ("party_members",),
            id="a_bare_word_only_one_kb_word_folds_to_is_sure",
        ),
        pytest.param("a ơi cho e hỏi ai viết bài này", ("article_author",), id="cho_e_hoi_opens"),
        pytest.param(
            "làm ở huyện có mấy người lãnh đạo chủ chốt dưới 35 tuổi",
            ("young_leaders_district",),
            id="o_huyen_picks_the_district_part",
        ),
        pytest.param(
            "ở huyện có bao nhiêu đảng viên", ("party_members",), id="o_huyen_alone_is_the_district"
        ),
        pytest.param(
            "cơ quan huyện có bao nhiêu người học lớp chính trị bậc giữa",
            ("intermediate_llct_district",),
            id="co_quan_huyen_is_never_the_communes_figure",
        ),
        pytest.param("bài lên mạng hôm nào", ("article_date",), id="len_mang_is_published"),
        pytest.param("bí thư huyện ủy tên là gì", (), id="a_name_asked_is_never_a_count"),
    ],
)
def test_a_question_reaches_exactly_its_facts(responder, question, intents):
    assert responder.respond(question).intents == intents


def test_a_call_and_anyone_are_no_subject_and_no_person_asked():
    """ "ê" calls the bot (it weighs like a greeting); "có ai đọc không?" asks whether anyone
    reads, not who: after an answer it is no question about the person quoted."""
    replies = ask_json("ê bài này nói j v", "có ai đọc k, bn lượt xem", conversation="anyone")
    assert [r["intents"] for r in replies] == [["article_summary"], ["article_views"]]
    (who,) = ask_json("có ai phát biểu trong bài không")
    assert who["intents"] == ["spokesperson"]


def test_a_word_a_joiner_starts_is_no_joiner(responder):
    """ "cộng tác viên" (a collaborator) is no "cộng" (plus) between two questions."""
    text = "bài cộng tác viên gửi ghi bao nhiêu người, cộng với bao nhiêu lượt?"
    clauses = [c.text for c in split_clauses(text, responder.understanding, responder.kb.tables)]
    assert clauses[0].startswith("bài cộng tác viên")
    assert not any(c.startswith("tác viên") for c in clauses)


def test_what_a_group_studies_is_asked_of_the_facts_of_what_each_level_studies():
    """ "… học gì": the facts of what each level is trained in, not who was promoted; a
    commune's elected leaders are its cadres, its office staff ("địa chính, tư pháp") its
    civil servants; "học gì" after the figure of a course asks about that course."""
    replies = ask_json(
        "người làm địa chính, tư pháp ở xã được học cái gì",
        "cấp huyện học gì, còn cán bộ xã thì học gì",
        "cán bộ đi học xong có được làm lãnh đạo không",
        "after training, what positions did cadres get appointed to?",
    )
    assert replies[0]["intents"] == ["commune_civil_servant_training"]
    assert replies[1]["intents"] == ["district_level_training", "commune_cadre_training"]
    assert replies[2]["intents"] == ["promotions"]
    assert "district_level_training" not in replies[3]["intents"]
    # the grassroots' leaders are its elected cadres, the one close fact stating what is taught
    (leaders,) = ask_json("lãnh đạo ở cơ sở được bồi dưỡng về mảng nào")
    assert leaders["intents"] == ["commune_cadre_training"]


def test_advice_and_drafting_are_declined_but_the_same_words_asking_a_figure_are_not():
    replies = ask_json(
        "làm thế nào để trở thành đảng viên?",
        "soạn giúp mình bản báo cáo về đào tạo cán bộ",
        "bao nhiêu người được kết nạp đảng",
        "làm sao để được cơ quan cử đi học cao cấp",
    )
    assert [r["status"] for r in replies] == ["fallback", "fallback", "answer", "fallback"]
    assert "không hướng dẫn" in replies[0]["answer"]
    assert replies[2]["intents"] == ["party_members"]


def test_a_figure_named_as_the_subject_or_a_year_the_article_writes_is_asked_what_it_means():
    replies = ask_json("26 là số người làm gì?", "năm 2020 được nhắc tới trong bài có ý nghĩa gì")
    assert [r["intents"] for r in replies] == [["advanced_llct"], ["resolution_03"]]
    (later,) = ask_json("năm 2025 được nhắc tới trong bài có ý nghĩa gì")
    assert later["status"] == "fallback" and not later["intents"]


def test_greetings_typed_as_they_sound_and_the_centres_you():
    replies = ask_json("hellu bot ơi", "mi là ai rứa?")
    assert [r["status"] for r in replies] == ["smalltalk", "smalltalk"]


def test_the_souths_nhieu_asks_how_many_and_many_asks_nothing():
    replies = ask_json("có nhiêu đảng viên vậy", "cán bộ chủ chốt dưới 35, có nhiêu người dzậy?")
    assert replies[0]["intents"] == ["party_members"]
    assert replies[1]["intents"] == ["young_leaders_district", "young_leaders_commune"]
    # "nhiều" (many) in a statement asks nothing: the question after it is read alone
    (reply,) = ask_json(
        "con tôi nói huyện cho nhiều người đi học lắm. có bao nhiêu người học thạc sĩ"
    )
    assert reply["intents"] == ["masters_sent"]


def test_should_i_and_the_souths_how_to_are_advice_and_study_mode_or_school_level_unstated():
    replies = ask_json(
        "có nên cho con đi học thạc sĩ không?",
        "làm sao để thi đậu vô đảng",
        "28 người học thạc sĩ học từ xa hay chính quy?",
        "trong 1.800 lượt có bao nhiêu lượt giáo viên tiểu học",
    )
    assert all(not r["intents"] for r in replies), replies
    assert "không hướng dẫn" in replies[0]["answer"]
    assert "hình thức học" in replies[2]["answer"]


def test_an_english_about_what_and_a_sceptics_opener_ask_their_question():
    replies = ask_json("hi, this article is about what?", "nói thật đi, có mấy người học thạc sĩ?")
    assert [r["intents"] for r in replies] == [["article_summary"], ["masters_sent"]]
    follow = ask_json("how many trung cấp llct cấp huyện?", "what about cấp xã?", conversation="wa")
    assert follow[1]["intents"] == ["intermediate_llct_commune"]


def test_a_value_said_not_to_be_meant_is_left_out_but_a_count_of_those_not_is_a_remainder():
    (reply,) = ask_json("cán bộ xã (không phải công chức xã) được đào tạo những gì")
    assert reply["intents"] == ["commune_cadre_training"]
    (rest,) = ask_json("bao nhiêu người không phải đảng viên")
    # its answer writes the whole ("trong 1.999"); the remainder is worked from both facts
    assert rest["intents"] == ["total_staff", "party_members"]
    assert "1.287" in rest["answer"] and "1.999" in rest["answer"]


def test_then_joins_two_questions_and_sentence_final_bn_is_you():
    replies = ask_json(
        "bao nhiêu người học thạc sĩ rồi bao nhiêu người là đảng viên?",
        "tiêu đề bài là j z bn",
        "thanks so much",
    )
    assert replies[0]["intents"] == ["masters_sent", "party_members"]
    assert replies[1]["intents"] == ["article_title"]
    assert replies[2]["status"] == "smalltalk"


def test_english_it_names_nothing():
    replies = ask_json(
        "What's the title of this article and who wrote it?", "when was it published?"
    )
    assert replies[0]["intents"] == ["article_title", "article_author"]
    assert replies[1]["intents"] == ["article_date"]


def test_along_with_at_the_same_time_and_while_at_it_join_two_questions():
    replies = ask_json(
        "Số đảng viên cùng với số người có bằng đại học hiện nay",
        "Cho biết tác giả bài báo; đồng thời số lượt xem.",
        "Ai viết bài này, tiện thể cho biết luôn báo nào đăng",
        "Bao nhiêu người học thạc sĩ cùng số người được cử đi học đại học?",
    )
    assert [set(r["intents"]) for r in replies] == [
        {"party_members", "university_degree_now"},
        {"article_author", "article_views"},
        {"article_author", "article_source"},
        {"masters_sent", "university_sent"},
    ]


def test_everyday_and_shorthand_words_reach_their_fact():
    replies = ask_json(
        "ts ths trong huyện có bn ng",  # doctors and masters together: the postgraduates
        "cán bộ chủ chốt cấp huyện dưới 35 tuổi có mấy đứa",  # "đứa": people, a count it has
        "bài này của ai",  # whose article: its author
        "ai là người trả lời phóng viên",  # the official interviewed
    )
    assert [r["intents"] for r in replies] == [
        ["postgraduate_now"],
        ["young_leaders_district"],
        ["article_author"],
        ["spokesperson"],
    ]


def test_what_the_people_of_a_figure_studied_is_what_the_figure_means():
    replies = ask_json("55 cán bộ đó học gì?", "19 người đi học gì vậy")
    assert [r["intents"] for r in replies] == [
        ["intermediate_llct_district"],
        ["party_secretary_training"],
    ]


def test_a_question_added_by_a_joiner_is_answered_beside_a_total():
    (reply,) = ask_json(
        "Cho mình số người học trung cấp lý luận chính trị cả hai cấp, kèm số thạc sĩ"
    )
    assert set(reply["intents"]) == {
        "intermediate_llct_district",
        "intermediate_llct_commune",
        "masters_sent",
    }


def test_a_turn_opening_with_thoi_or_khoan_is_read_past_the_word():
    """ "Thôi, cho hỏi …": 'thôi' (enough of that) names nothing — not 'thời' (time)."""
    [reply] = ask_json("Thôi, cho hỏi huyện Điện Biên Đông có bao nhiêu cán bộ, công chức?")
    assert reply["status"] == "answer" and reply["intents"] == ["total_staff"]


def test_a_share_written_as_a_fraction_is_the_fact_that_writes_it():
    """ "1.066/1.999 là gì?": the degree holders (the fact writing that share), not every fact
    reporting 1.999."""
    [reply] = ask_json("1.066/1.999 là gì?")
    assert reply["intents"] == ["university_degree_now"]


def test_a_question_word_meaning_every_asks_nothing_and_a_bare_count_is_no_item():
    """ "năm nào … cũng" is every year (no "which year?"); "…, khoảng bao nhiêu lượt vậy" counts
    what the words before name, not the article's views."""
    [reply] = ask_json(
        "Năm nào huyện cũng tập huấn cho thầy cô ngành giáo dục, khoảng bao nhiêu lượt vậy?"
    )
    assert reply["status"] == "answer" and reply["intents"] == ["education_sector"]


def test_each_kind_asked_after_the_list_counts_every_item_of_it():
    """ "A và B cho chủ chốt xã, mỗi loại bao nhiêu lượt?": 'mỗi loại bao nhiêu lượt' names
    nothing of its own (not the education sector's lượt), it asks A's and B's counts."""
    [reply] = ask_json(
        "Bồi dưỡng chuyên môn nghiệp vụ và bồi dưỡng quản lý nhà nước cho người giữ chức danh "
        "chủ chốt xã, mỗi loại bao nhiêu lượt?"
    )
    assert reply["status"] == "answer"
    assert reply["intents"] == ["professional_training", "qlnn_commune_key"]


def test_a_word_typed_with_diacritics_asks_only_as_written():
    """ "báo" (newspaper) folds like "bao" (bao nhiêu) but asks nothing: "which newspaper" names
    the source; a citation ("thông tin trích dẫn") is no quoted person."""
    paper, citation = ask_json(
        "For my paper: when was the article published, by which newspaper, and what is the title?",
        "Cho tôi thông tin trích dẫn của bài: báo, tác giả, ngày đăng.",
    )
    assert paper["intents"] == ["article_date", "article_source", "article_title"]
    assert citation["intents"] == ["article_source", "article_author", "article_date"]


def test_where_the_answer_is_and_why_one_asks_are_read_past():
    """ "Bài viết nói …" only says where the answer is, "… để dẫn nguồn cho đúng" why one asks:
    the question between them is answered; "Bài viết nói về gì?" still asks the article."""
    goal, author, summary = ask_json(
        "Bài viết nói mục tiêu đào tạo là gì?",
        "Alo, mình là MC đài truyền thanh huyện. Cho mình xin tên tác giả bài báo để dẫn nguồn "
        "cho đúng.",
        "Bài viết nói về gì?",
    )
    assert goal["intents"] == ["training_goal"]
    assert author["status"] == "answer" and author["intents"] == ["article_author"]
    assert summary["intents"] == ["article_summary"]


def test_whether_the_article_says_it_asked_after_the_question_is_read_past():
    """ "…, báo có nói không?" asks whether the article says what was just asked: the question
    before it is read alone, answered when the article has it, refused when it has not."""
    members, discipline, alone = ask_json(
        "số đảng viên là bao nhiêu, bài có nói không",
        "Năm 2018 huyện có bao nhiêu cán bộ bị kỷ luật, báo có nói không?",
        "bài có nói không",
    )
    assert members["status"] == "answer" and members["intents"] == ["party_members"]
    assert discipline["status"] == "fallback" and "712" not in discipline["answer"]
    assert alone["intents"] == ["article_summary"]  # nothing before it: the article asked


def test_which_contents_cadres_are_trained_in_names_every_level():
    [reply] = ask_json("Cán bộ được đào tạo những nội dung gì?")
    assert reply["intents"] == [
        "district_level_training",
        "commune_cadre_training",
        "commune_civil_servant_training",
    ]


def test_a_missing_figure_beside_one_the_article_has_asked_what_it_means():
    [reply] = ask_json("712 hay 721 là số gì?")
    assert set(reply["intents"]) == {"university_sent", "party_members"}
    assert "721" not in reply["answer"] and "không xuất hiện trong bài" in reply["answer"]


def test_typed_bare_a_word_read_past_as_filler_is_the_articles_word():
    """ "cu" typed bare is cử (sent), though "cứ" is filler; a level named after a total of the
    staff still picks its part."""
    sent, level = ask_json("dai hoc cu bao nhieu nguoi", "Tổng cán bộ bao nhiêu ở cấp huyện?")
    assert sent["intents"] == ["university_sent"]
    assert level["intents"] == ["total_staff", "commune_staff"]


def test_a_short_aside_says_more_of_the_one_fact_answered():
    """ "…, có giỏi không?": no second question when the whole message's best guess is the
    fact its first clause answers; a clause naming a value still asks on."""
    aside, level = ask_json(
        "Hồi xưa đội ngũ cán bộ ở huyện ra sao, có giỏi không?",
        "Huyện có bao nhiêu cán bộ công chức, ở xã thì sao?",
    )
    assert aside["status"] == "answer" and aside["intents"] == ["past_weakness"]
    assert level["intents"] != ["total_staff"]


def test_pieces_asking_by_no_word_of_their_own_before_the_question_are_a_preamble():
    """ "em mới vô làm ở xã, muốn đi học thêm á, mà …?": who asks and why, then the question the
    whole message answers; a list joined by "lẫn" still asks of every item."""
    (reply,) = ask_json(
        "em mới vô làm ở xã, muốn đi học thêm á, mà huyện chọn người đi học theo tiêu chí chi?"
    )
    assert reply["status"] == "answer" and reply["intents"] == ["selection_criteria"]


def test_the_askers_own_place_is_compared_with_the_article_never_asked_about():
    """ "Huyện em có 90 người …, bên Điện Biên Đông bao nhiêu?": the asker's figure is neither
    checked against the article nor written back; a local's "huyện mình" is the article's."""
    own, levels, local = ask_json(
        "Ở huyện tôi chỉ có 5 người đi học thạc sĩ, bên Điện Biên Đông thì được bao nhiêu người?",
        "Huyện em có 90 người học trung cấp lý luận chính trị, bên Điện Biên Đông được bao "
        "nhiêu người học trung cấp?",
        "Huyện mình có bao nhiêu cán bộ công chức?",
    )
    assert (own["status"], own["intents"]) == ("answer", ["masters_sent"]), own
    assert "28" in own["answer"] and not re.search(r"\b5\b", own["answer"])
    assert levels["intents"] == ["intermediate_llct_district", "intermediate_llct_commune"]
    assert "90" not in levels["answer"]
    assert (local["status"], local["intents"]) == ("answer", ["total_staff"]), local


@pytest.mark.parametrize(
    ("message", "intents"),
    [
        ("Xin hỏi nghị quyết chuyên đề số 03 ban hành năm nào, về vấn đề gì?", ["resolution_03"]),
        ("Huyện có còn cử người đi học tràn lan không, bài nói sao?", ["no_mass_training"]),
        # the article named in the clause: what the article is about, a question of its own
        ("Ai viết bài, bài báo nói về vấn đề gì?", ["article_author", "article_summary"]),
    ],
)
def test_a_clause_of_only_about_what_asks_more_of_the_one_before(message, intents):
    [reply] = ask_json(message)
    assert (reply["status"], reply["intents"]) == ("answer", intents), reply


def test_a_run_on_second_question_opened_as_the_first_is_a_question_of_its_own():
    """ "bao nhiêu … bao nhiêu …" with no comma between: two questions, both answered; one
    question word alone cuts nothing."""
    [both] = ask_json("bao nhiêu người đi học đại học bao nhiêu người học thạc sĩ")
    assert both["intents"] == ["university_sent", "masters_sent"], both
    [ends_by_its_cue] = ask_json("số đảng viên là bao nhiêu có bao nhiêu người học thạc sĩ")
    assert ends_by_its_cue["intents"] == ["party_members", "masters_sent"], ends_by_its_cue
    [one, date] = ask_json("mấy người học thạc sĩ", "bài đăng ngày mấy tháng mấy")
    assert one["intents"] == ["masters_sent"], one
    assert date["intents"] == ["article_date"], date


def test_what_it_is_written_about_a_pen_name_and_a_figure_checked_for_a_match():
    about, named, checked = ask_json(
        "bài này viết về gì vậy",
        "cho xin tựa bài với bút danh người viết",
        "chỗ tôi đang ghi 712 người là đảng viên, có khớp với bài không",
    )
    assert (about["status"], about["intents"]) == ("answer", ["article_summary"]), about
    assert named["intents"] == ["article_title", "article_author"], named
    assert (checked["status"], checked["intents"]) == ("answer", ["party_members"]), checked


def test_a_list_naming_each_part_of_a_group_after_a_colon_gets_every_part():
    """ "…: cao cấp, trung cấp cấp huyện, trung cấp cấp xã": each course named by its values,
    every one answered (not a sum nobody asked for); a why-question naming the same courses,
    whose parts the words barely reach, is not turned into that list."""
    listed, why = ask_json(
        "cho tôi các số liệu về học lý luận chính trị: cao cấp, trung cấp cấp huyện, trung cấp cấp xã",
        "Sao có tới 355 người học trung cấp mà chỉ có 168 người có trình độ cao cấp, trung cấp?",
    )
    assert listed["intents"] == [
        "advanced_llct",
        "intermediate_llct_district",
        "intermediate_llct_commune",
    ], listed
    assert "381" not in listed["answer"]
    assert why["status"] != "answer", why


def test_a_request_heads_a_list_and_the_specialist_programme_is_state_management():
    listed, summed = ask_json(
        "cho tôi biết tên bài, báo nào đăng và ai viết",
        "tính tổng người được cử học đại học, thạc sĩ và chương trình chuyên viên là bao nhiêu",
    )
    assert listed["intents"] == ["article_title", "article_source", "article_author"], listed
    assert summed["intents"] == ["university_sent", "masters_sent", "qlnn_specialist"], summed


def test_the_date_and_time_posted_beside_the_views_gets_both():
    (reply,) = ask_json("Ngày giờ đăng và số lượt xem của bài?")
    assert reply["intents"] == ["article_date", "article_views"], reply
    assert "06/08/2018" in reply["answer"] and "1316" in reply["answer"].replace(".", ""), reply


def test_a_name_and_a_post_joined_are_both_of_the_owner_named_after_them():
    quoted, listed = ask_json(
        "xin cho biết tên và chức vụ của người được trích dẫn trong bài.",
        "tên và tác giả bài báo",  # "tác giả" is no attribute: the title and the author
    )
    assert quoted["intents"] == ["spokesperson"], quoted
    assert listed["intents"] == ["article_title", "article_author"], listed


def test_still_young_is_how_someone_is_not_a_second_question():
    (reply,) = ask_json("Ở xã có bao nhiêu lãnh đạo chủ chốt còn trẻ dưới 35?")
    assert reply["intents"] == ["young_leaders_commune"], reply


def test_a_short_description_asked_then_the_author_gets_both():
    (reply,) = ask_json("mô tả ngắn bài báo rồi cho biết ai là tác giả")
    assert reply["intents"] == ["article_summary", "article_author"], reply


def test_overall_says_nothing_of_what_is_asked():
    (reply,) = ask_json("vậy nhìn chung sau khi học cán bộ thay đổi gì?")
    assert reply["status"] == "answer" and reply["intents"] == ["training_effects"]


@pytest.mark.parametrize(
    ("question", "intents"),
    [
        ("how many cadres and civil servants are party members?", ["party_members"]),
        ("what % of all cadres and civil servants are party members?", ["party_members"]),
        (
            "How many cadres and civil servants are there, and how many are party members?",
            ["total_staff", "party_members"],
        ),
        ("How many officials hold a university degree?", ["university_degree_now"]),
    ],
)
def test_the_english_names_of_the_staff_are_one_group_and_a_degree_held_is_held_now(
    question, intents
):
    [reply] = ask_json(question)
    assert reply["status"] == "answer" and reply["intents"] == intents, reply
