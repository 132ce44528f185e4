"""What a user gets for what they type: the figure, a question back, or "not in the article"."""

from __future__ import annotations

import pytest
from conftest import ask_json

from bot.kb.evidence import figures_beyond, reply_figures


@pytest.mark.parametrize(
    ("question", "intent", "figure"),
    [
        ("co bao nhieu can bo hoc cao cap ly luan chinh tri", "advanced_llct", "26"),
        ("bn cb đc cử đi học llct cao cấp", "advanced_llct", "26"),
        ("THẠC SĨ BAO NHIÊU NGƯỜI 🎓", "masters_sent", "28"),
        ("thạc sĩ", "masters_sent", "28"),
        ("how many party members are there among the staff", "party_members", "712"),
        ("tổng số cán bộ công chức huyện Ðiện Biên Ðông", "total_staff", "1.999"),
        (
            "cán bộ cấp xã học trung cấp lý luận chính trị bao nhiêu người",
            "intermediate_llct_commune",
            "300",
        ),
        ("trung cap llct cap huyen may nguoi", "intermediate_llct_district", "55"),
        (
            "hiện nay bao nhiêu người có trình độ cao cấp, trung cấp lý luận chính trị",
            "llct_level_now",
            "168",
        ),
        ("bao nhieeu cans booj caaps xax", "commune_staff", "294"),
    ],
)
def test_question_typed_any_way_gets_its_figure(responder, question, intent, figure):
    reply = responder.respond(question)
    assert (reply.status, reply.intent) == ("answer", intent), reply
    assert figure in reply.text


@pytest.mark.parametrize(
    "question",
    [
        "Huyện Mường Nhé có bao nhiêu cán bộ công chức?",
        "Xã Na Son có bao nhiêu cán bộ?",
        "Bao nhiêu người làm việc ở xã Mường Luân?",
        "năm 2019 huyện cử bao nhiêu người đi học đại học",
        "kinh phí đào tạo cán bộ là bao nhiêu tiền",
        "thời tiết Điện Biên hôm nay thế nào",
        "có bao nhiêu tiến sĩ",
        "Quận Ba Đình có bao nhiêu cán bộ chủ chốt dưới 35 tuổi?",
        "Nghị quyết 26-NQ/TW về công tác cán bộ nói gì?",
        "Điều kiện để được kết nạp vào Đảng là gì?",
        "Tóm tắt giúp tôi bài báo về du lịch Điện Biên nhé",
        "Bí thư Huyện ủy lúc ban hành Nghị quyết 03 là ai?",
        "Đến năm 2020 huyện có đạt hết mục tiêu của nghị quyết không?",
        "Giúp tôi soạn kế hoạch đào tạo cán bộ cho xã tôi năm sau",
    ],
)
def test_question_the_article_does_not_answer_is_not_answered(responder, question):
    reply = responder.respond(question)
    assert reply.status in ("fallback", "clarify"), reply
    assert reply.intent is None


@pytest.mark.parametrize("question", ["bao nhiêu", "BAO NHIÊU?", "bn", "how many", "mấy"])
def test_a_question_without_a_subject_asks_back_instead_of_guessing(responder, question):
    reply = responder.respond(question)
    assert reply.status == "clarify" and reply.intent is None and reply.suggestions


def test_a_question_cut_at_the_length_limit_says_so(responder):
    reply = responder.respond("có bao nhiêu thạc sĩ " + "x" * 2000)
    assert "chỉ đọc phần đầu" in reply.text


def test_fallback_says_so_in_vietnamese_and_offers_topics(responder):
    reply = responder.respond("công thức nấu phở bò")
    assert reply.status == "fallback"
    assert "bài viết không có thông tin" in reply.text
    assert "Bạn có thể hỏi về" in reply.text or reply.suggestions


def test_a_figure_alone_gets_every_fact_it_reports(responder):
    reply = responder.respond("712")
    assert reply.status == "answer"
    assert set(reply.intents) == {"university_sent", "party_members"}
    assert "đại học" in reply.text and "đảng viên" in reply.text


def test_greeting_is_smalltalk_and_a_greeting_with_a_question_answers_the_question(responder):
    assert responder.respond("xin chào").status == "smalltalk"
    reply = responder.respond("chào bạn, có bao nhiêu thạc sĩ vậy?")
    assert (reply.status, reply.intent) == ("answer", "masters_sent")


def test_answer_cites_the_article_in_a_line_of_its_own(responder):
    reply = responder.respond("bao nhiêu người học thạc sĩ")
    assert "Báo Điện Biên Phủ" in reply.source and "06/08/2018" in reply.source
    assert reply.source not in reply.text
    assert reply.full_text == f"{reply.text}\n{reply.source}"


@pytest.mark.parametrize("question", ["", "   ", "\n", "🦄🦄🦄", "???", "<b>", "汉字", "Привет"])
def test_empty_or_meaningless_input_gets_a_clear_reply(responder, question):
    reply = responder.respond(question)
    assert reply.status == "fallback"
    assert reply.text


def test_tapped_suggestion_answers_that_intent(responder):
    reply = responder.answer_intent("masters_sent")
    assert reply is not None and reply.status == "answer" and "28" in reply.text
    assert responder.answer_intent("no_such_intent") is None


def test_scores_are_between_0_and_100(responder):
    for question in ("thạc sĩ", "xyz", "bao nhiêu cán bộ", "712 1.999 294"):
        assert 0 <= responder.respond(question).score <= 100


def test_no_reply_states_a_figure_the_article_does_not_have(responder):
    """Questions built to tempt an invented figure; every eval set's replies, follow-ups in
    their conversations included, are checked by `eval` itself (test_cli.py runs it)."""
    allowed = reply_figures(responder.kb)
    questions = [
        "năm 2019 có bao nhiêu cán bộ",
        "x" * 3000,
        "2025",
        "có phải 30 người học thạc sĩ",
        "tổng cộng cả hai cấp học trung cấp llct bao nhiêu",
        "số 999 là gì",
        "ở xã nhiều hơn ở huyện mấy người học trung cấp llct",
        "cộng hết các con số trong bài lại",
        "1.999 trừ 712 bằng mấy",
    ]
    for question in questions:
        reply = responder.respond(question)
        numbered = reply.status == "clarify"
        assert not figures_beyond(reply.full_text, allowed, numbered), (question, reply.full_text)


def test_eval_fails_a_set_whose_replies_state_a_figure_the_article_lacks(monkeypatch, capsys):
    from bot import evaluate

    monkeypatch.setattr(evaluate, "reply_figures", lambda kb: frozenset({"712"}))
    assert evaluate.run_eval(["eval/questions.yaml"], quiet=True) == 1
    out = capsys.readouterr().out
    assert "FIGURE NOT IN THE ARTICLE: " in out and "replies state a figure" in out


@pytest.mark.parametrize(
    ("question", "intents", "figures"),
    [
        # a named person picks their fact; "phỏng vấn" (interviewed) folds like the byline's name
        ("Phong Vân là ai trong bài báo này?", ["article_author"], []),
        ("Người được phỏng vấn trong bài là ai?", ["spokesperson"], []),
        # no level named: the whole, not the communes' part the typos happen to favour
        ("huyện điện biên đông có bao nhiêu cán bộ công chúc vây", ["total_staff"], ["1.999"]),
        # "trên tổng số bao nhiêu …": the count and its whole
        (
            "Huyện có bao nhiêu đảng viên trên tổng số bao nhiêu cán bộ công chức?",
            ["party_members", "total_staff"],
            ["712", "1.999"],
        ),
        # "được học lý luận chính trị" is the training sent, every course, summed as asked
        (
            "Tổng cộng có bao nhiêu người được học lý luận chính trị, cả cao cấp và trung cấp?",
            ["advanced_llct", "intermediate_llct_district", "intermediate_llct_commune"],
            ["381"],
        ),
    ],
)
def test_who_and_which_whole_a_question_means_through_the_cli(question, intents, figures):
    (reply,) = ask_json(question)
    assert reply["intents"] == intents, reply
    assert all(f in reply["answer"] for f in figures), reply


@pytest.mark.parametrize(
    ("question", "intent"),
    [
        ("Xin chào quý cơ quan.", "greet"),  # a formal addressee greets, asks nothing
        ("Kính gửi ban biên tập, huyện có bao nhiêu đảng viên?", "party_members"),
        ("Tính tới giờ huyện đã gửi bao nhiêu người học lên thạc sĩ?", "masters_sent"),
        ("tinh toi gio huyen cu bao nhieu nguoi di hoc dai hoc", "university_sent"),
    ],
)
def test_letter_openings_and_up_to_now_are_read_past_through_the_cli(question, intent):
    (reply,) = ask_json(question)
    assert reply["intents"] == [intent], reply
    assert reply["status"] == ("smalltalk" if intent == "greet" else "answer"), reply


@pytest.mark.parametrize(
    ("question", "intents"),
    [
        ("ai viết bài này và khi nào", ["article_author", "article_date"]),
        (
            "who wrote this article, when, and which newspaper?",
            ["article_author", "article_date", "article_source"],
        ),
    ],
)
def test_a_bare_when_after_a_who_is_a_second_question(question, intents):
    (reply,) = ask_json(question)
    assert reply["intents"] == intents, reply


@pytest.mark.parametrize(
    ("question", "intent"),
    [
        # a bare "là bao nhiêu lượt?" asks of what the sentence before it named
        (
            "Chào buổi sáng, tôi là thư ký tòa soạn, cần kiểm tra lại con số người giữ chức danh "
            "chủ chốt cấp xã được bồi dưỡng quản lý Nhà nước. Là bao nhiêu lượt?",
            "qlnn_commune_key",
        ),
        # teen code "t" (I) opens who asks and the question
        (
            "ê bot ơi, t đang lướt báo thấy bài này hay hay 🤔 cho t hỏi bài đăng hôm nào vậy",
            "article_date",
        ),
    ],
)
def test_the_subject_said_before_a_bare_question_is_its_subject(question, intent):
    (reply,) = ask_json(question)
    assert reply["intents"] == [intent], reply


@pytest.mark.parametrize(
    ("question", "intents"),
    [
        # two facts no group compares: both figures, never one of them alone
        (
            "Số cán bộ được cử đi học đại học với số đảng viên, bên nào nhiều hơn?",
            ["university_sent", "party_members"],
        ),
        (
            "số người cấp xã đi học trung cấp chính trị có đúng bằng số cán bộ công chức cấp xã không",
            ["intermediate_llct_commune", "commune_staff"],
        ),
        # who asks, by what they do, is no question about the article's author
        ("nhà báo hỏi chút: huyện có bao nhiêu đảng viên?", ["party_members"]),
    ],
)
def test_two_things_compared_get_both_figures_and_the_asker_is_no_subject(question, intents):
    (reply,) = ask_json(question)
    assert reply["intents"] == intents, reply


def test_anh_em_before_a_kind_of_staff_means_those_staff():
    (reply,) = ask_json("Anh em công chức dưới xã được học thêm về mảng nào?")
    assert reply["intents"] == ["commune_civil_servant_training"], reply


def test_what_the_article_says_of_the_clause_before_is_no_second_question():
    """ "…, bài báo có đề cập gì chăng?" asks of the promotions, never the newspaper's name."""
    (reply,) = ask_json(
        "Thế còn việc bầu, bổ nhiệm cán bộ sau khi được đào tạo, bài báo có đề cập gì chăng?"
    )
    assert "article_source" not in reply["intents"], reply
    promotions = "Sau đào tạo, cán bộ được bổ nhiệm vào vị trí nào?"
    assert "promotions" in reply["intents"] or promotions in reply["suggestions"], reply


@pytest.mark.parametrize(
    ("question", "intents"),
    [
        ("trung cấp LLCT huyện", ["intermediate_llct_district"]),  # a course's level after it
        (  # the district's name is no level
            "trung cấp lý luận chính trị huyện Điện Biên Đông có bao nhiêu người",
            ["intermediate_llct_district", "intermediate_llct_commune"],
        ),
    ],
)
def test_huyen_after_a_course_names_its_level_but_not_in_the_districts_name(question, intents):
    (reply,) = ask_json(question)
    assert reply["intents"] == intents, reply


def test_asked_to_explain_a_figure_the_bot_says_what_it_counts():
    vietnamese, english = ask_json(
        "nhờ giải thích giùm con số 28 trong bài", "explain the figure 26"
    )
    assert vietnamese["status"] == "answer" and vietnamese["intents"] == ["masters_sent"]
    assert english["status"] == "answer" and english["intents"] == ["advanced_llct"]
