"""Follow-up questions, feedback and the maintainer's report, as console and `ask` users meet them."""

from __future__ import annotations

import csv
import io
import json
import os
from pathlib import Path

import pytest
from conftest import ask_json, run_cli

from bot.conversation import Conversations


def run_bot(*args: str, stdin: str = "", data_dir: Path, **env: str) -> str:
    result = run_cli(*args, stdin=stdin, env={"HOIDAP_DATA_DIR": str(data_dir), **env}, text=True)
    assert result.returncode == 0, result.stderr
    return result.stdout


@pytest.mark.parametrize(
    ("first", "follow_up", "intent", "figure"),
    [
        (
            "bao nhiêu cán bộ cấp huyện học trung cấp llct",
            "còn cấp xã thì sao?",
            "intermediate_llct_commune",
            "300",
        ),
        (  # the level named: kept (unnamed, both levels: test_named_levels below)
            "cán bộ cấp huyện học cao cấp lý luận chính trị bao nhiêu",
            "vậy trung cấp?",
            "intermediate_llct_district",
            "55",
        ),
        ("có bao nhiêu người được cử đi học đại học", "thế còn thạc sĩ?", "masters_sent", "28"),
        (
            "cấp huyện có bao nhiêu cán bộ chủ chốt dưới 35 tuổi",
            "còn cấp xã?",
            "young_leaders_commune",
            "21",
        ),
        ("hiện có bao nhiêu đảng viên", "tại sao?", "resolution_03", "03"),
        ("có bao nhiêu thạc sĩ", "vậy bao nhiêu cán bộ là đảng viên?", "party_members", "712"),
        ("bao nhiêu cán bộ cấp huyện học trung cấp llct", "thế còn thạc sĩ?", "masters_sent", "28"),
    ],
)
def test_follow_up_is_read_against_the_previous_answer(responder, first, follow_up, intent, figure):
    chats = Conversations(responder, None, "test")
    assert chats.ask("u", first).reply.status == "answer"
    reply = chats.ask("u", follow_up).reply
    assert (reply.status, reply.intent) == ("answer", intent)
    assert figure in reply.text


def test_follow_up_without_a_counterpart_says_the_article_has_none(responder):
    chats = Conversations(responder, None, "test")
    chats.ask("u", "có bao nhiêu người học cao cấp llct")  # only the district level is given
    reply = chats.ask("u", "còn cấp xã thì sao?").reply
    assert reply.status == "fallback" and "không có số liệu" in reply.text


def converse(responder, *messages: str):
    chats = Conversations(responder, None, "test")
    return [chats.ask("u", m).reply for m in messages]


@pytest.mark.parametrize(
    ("dialogue", "intents"),
    [
        # a bare slot value moves to the fact the article gives beside the previous one
        (("công chức xã được đào tạo về gì", "thế cấp huyện?"), {"district_level_training"}),
        (
            ("cán bộ công chức huyện được đào tạo gì", "xã thì sao"),
            {"commune_cadre_training", "commune_civil_servant_training"},
        ),
        (("mấy cán bộ chủ chốt trẻ dưới 35 tuổi ở xã", "ở huyện thì"), {"young_leaders_district"}),
        # the article's only cao cấp figure, though the previous answer was the commune's
        (("bao nhiêu người ở xã học trung cấp llct", "vậy cao cấp?"), {"advanced_llct"}),
        # narrowing an answer of two levels to one
        (("có mấy cán bộ chủ chốt dưới 35 tuổi", "chỉ cấp huyện thôi"), {"young_leaders_district"}),
        (("Học quản lý nhà nước có bao nhiêu người?", "chỉ tính huyện thôi"), {"qlnn_specialist"}),
        # "vs" for "với" after "cộng": the pair; "cả giai đoạn": per year or over the period
        (
            ("bồi dưỡng bí thư xã có bn ng", "cộng vs mttq nx là bn"),
            {"party_secretary_training", "mttq_chairs"},
        ),
        (("số 1.800 là gì", "Vậy là mỗi năm hay tổng cộng cả giai đoạn?"), {"education_sector"}),
        # when the author wrote it: the article's date (the author's fact states the day)
        (("Ai viết bài này?", "ổng viết ngày nào"), {"article_date"}),
        # an attribute of the previous fact, pointed at by a pronoun or asked bare
        (("nghị quyết 03 nói gì", "ai ban hành nó?"), {"resolution_03"}),
        (("nghị quyết 03 là gì", "nó có hiệu lực đến năm bao nhiêu"), {"resolution_03"}),
        (
            ("ai được trích lời trong bài", "ông ấy nói gì về tiêu chí chọn người đi học"),
            {"selection_criteria"},
        ),
        # why: the reason the article gives; what for: the goal
        (("cán bộ xã được đào tạo gì", "vì sao phải làm vậy"), {"past_weakness"}),
        (("cán bộ xã được đào tạo gì", "nhằm mục đích gì"), {"training_goal"}),
        # what else, of what the previous answer relates to
        (("mấy chủ tịch mttq được bồi dưỡng", "ngoài ra còn ai nữa"), {"party_secretary_training"}),
        # a question of its own after an answer is answered as asked
        (("bài báo nói về gì", "tác giả là ai"), {"article_author"}),
        # "cán bộ" restates whom the previous answer is about: the level alone switches
        (("cán bộ cấp xã tập trung đào tạo gì?", "còn cán bộ huyện"), {"district_level_training"}),
        # "ai … nói": who speaks in the article, however far apart the words
        (("nghị quyết 03 nói về gì", "ai trong bài nói về việc thực hiện nó?"), {"spokesperson"}),
        (("con số 712 nói về cái gì", "ý thứ hai ấy"), {"party_members"}),  # an ordinal
        # "đối với …" opens a follow-up as "còn …" does
        (
            ("cấp huyện có bao nhiêu cán bộ chủ chốt dưới 35 tuổi", "Đối với cấp xã?"),
            {"young_leaders_commune"},
        ),
        # "cộng vô": a sum of what was just given, as "cộng lại" is
        (
            (
                "Có bao nhiêu cán bộ cấp huyện học trung cấp lý luận chính trị?",
                "còn dưới xã thì sao",
                "cộng vô là bn",
            ),
            {"intermediate_llct_district", "intermediate_llct_commune"},
        ),
        # what the person just named said: the fact his words are about, not him again
        (("ông Ngô Văn Thanh là ai?", "ổng nói kế hoạch đào tạo do ai làm?"), {"annual_plan"}),
        # the asker's own figure beside the one just given: that one is all the article has
        (
            (
                "Chỗ tôi cán bộ chủ chốt dưới 35 tuổi ở cấp huyện có 15 người. Điện Biên Đông "
                "cấp huyện có bao nhiêu?",
                "vậy bên tôi hơn mấy người?",
            ),
            {"young_leaders_district"},
        ),
        # a doubt naming another fact by the figure just given: both
        (
            (
                "Có bao nhiêu cán bộ, công chức, viên chức là đảng viên?",
                "có nhầm không, hình như 712 là số đi học đại học mà",
            ),
            {"party_members", "university_sent"},
        ),
        (("Hàng năm ai xây dựng kế hoạch đào tạo?", "dựa vào cái gì để làm"), {"annual_plan"}),
        (
            ("Bồi dưỡng chuyên môn nghiệp vụ được bao nhiêu lượt?", "cho đối tượng nào?"),
            {"professional_training"},
        ),
        # "chỉ … huyện thôi" after every level: the district's facts of the answer, both
        (
            (
                "Tổng số người được cho học lý luận chính trị các hệ là bao nhiêu?",
                "chỉ tính trên huyện thôi",
            ),
            {"advanced_llct", "intermediate_llct_district"},
        ),
        # which level the figure counts: the answer just given says
        (
            (
                "Có bao nhiêu người được bồi dưỡng quản lý nhà nước chương trình chuyên viên?",
                "họ là cấp huyện hay cấp xã?",
            ),
            {"qlnn_specialist"},
        ),
        (("Có bao nhiêu chủ tịch MTTQ được cử đi bồi dưỡng?", "ở cấp nào?"), {"mttq_chairs"}),
        # what a figure or a plan rests on: the resolution behind it, the plan's own basis
        (("Huyện cử bao nhiêu người học đại học?", "theo nq nào"), {"resolution_03"}),
        (("Ai xây dựng kế hoạch đào tạo hằng năm", "dựa vào đâu để làm"), {"annual_plan"}),
        # "số liệu trên": the figure just given, published with the article
        (
            ("bao nhiêu người được bồi dưỡng chức danh bí thư xã", "số liệu trên công bố khi nào?"),
            {"article_date"},
        ),
    ],
)
def test_a_follow_up_goes_where_the_previous_answer_points(responder, dialogue, intents):
    *_, reply = converse(responder, *dialogue)
    assert reply.status == "answer" and set(reply.intents) == intents, reply.text


@pytest.mark.parametrize(
    ("dialogue", "formula"),
    [
        (
            ("bồi dưỡng qlnn cho chủ chốt xã bao nhiêu lượt", "còn chuyên môn nghiệp vụ?", "tổng?"),
            "84 + 128 = 212",
        ),
        (("cấp xã mấy người học trung cấp llct", "thế cấp huyện?", "cộng lại"), "55 + 300 = 355"),
        (  # "cả 2": both, no figure 2 asked about
            ("có bao nhiêu người có bằng đại học", "trên đại học thì sao", "cả 2 là bao nhiêu"),
            "1.066 + 11 = 1.077",
        ),
        (
            ("bao nhiêu người học cao cấp llct", "trung cấp ở xã thì", "gộp cả hai cấp trung cấp"),
            "55 + 300 = 355",
        ),
    ],
)
def test_a_total_after_answers_sums_the_facts_just_given(responder, dialogue, formula):
    *_, reply = converse(responder, *dialogue)
    assert formula in reply.text
    assert "381" not in reply.text  # never the wider group of all three courses


def test_the_console_reads_follow_ups_as_telegram_does(tmp_path):
    session = "bồi dưỡng qlnn cho chủ chốt xã bao nhiêu lượt\ncòn chuyên môn nghiệp vụ?\ntổng?\n"
    assert "84 + 128 = 212" in run_bot("console", stdin=session, data_dir=tmp_path)


def test_names_the_article_never_gives_are_said_to_be_missing_after_an_answer(responder):
    *_, reply = converse(
        responder, "sau đào tạo có cán bộ nào được bổ nhiệm không?", "tên cụ thể là ai?"
    )
    assert reply.status != "answer" and reply.unstated.startswith("tên của những người")


def test_a_share_the_article_never_gives_is_not_taken_from_another_fact(responder):
    *_, reply = converse(responder, "hiện bao nhiêu người có trình độ llct", "chiếm mấy phần trăm")
    assert responder.kb.conversation.no_share in reply.text
    assert "168" in reply.text and "1.999" in reply.text  # the figures it has, to compare
    assert "%" not in reply.text  # no other fact's share passed off as this one
    *_, reply = converse(responder, "bao nhiêu người có trình độ đại học hiện nay", "tỷ lệ?")
    assert reply.intents == ("university_degree_now",) and "53,3" in reply.text


def test_a_vote_on_someone_elses_answer_does_not_log_their_question(responder, tmp_path):
    from bot.store import Store

    store = Store.open(f"sqlite:///{tmp_path / 'votes.sqlite3'}")
    try:
        chats = Conversations(responder, store, "telegram")
        exchange = chats.ask("tg:-1:lan", "có bao nhiêu người học thạc sĩ?")
        chats.vote("tg:-1:minh", exchange.id, "masters_sent", up=False)
        assert store.flush()
        from datetime import UTC, datetime, timedelta

        rows = store.unanswered_since(datetime.now(UTC) - timedelta(hours=1))
        assert [(r.outcome, r.question) for r in rows] == [("downvoted", None)]
    finally:
        store.close()


def test_context_is_per_chat_and_expires(responder):
    now = [0.0]
    chats = Conversations(responder, None, "test", clock=lambda: now[0])
    chats.ask("a", "bao nhiêu cán bộ cấp huyện học trung cấp llct")
    assert chats.ask("b", "còn cấp xã thì sao?").reply.intent != "intermediate_llct_commune"
    now[0] += chats.ttl + 1
    assert chats.ask("a", "còn cấp xã thì sao?").reply.intent != "intermediate_llct_commune"


def test_a_complete_question_is_answered_as_asked_whatever_came_before(responder):
    chats = Conversations(responder, None, "test")
    chats.ask("u", "bao nhiêu cán bộ cấp huyện học trung cấp llct")
    reply = chats.ask("u", "có bao nhiêu thạc sĩ").reply
    assert reply.intent == "masters_sent"


def test_console_follows_up_records_votes_and_report_groups_what_went_unanswered(tmp_path):
    session = (
        "\n".join(
            [
                "bao nhiêu cán bộ cấp huyện học trung cấp llct",
                "còn cấp xã thì sao?",
                "/bad",
                "dân số huyện bao nhiêu",
                "Dân số của huyện là bao nhiêu?",
                "giá vàng hôm nay",
                "có bao nhiêu thạc sĩ",
                "/good",
            ]
        )
        + "\n"
    )
    out = run_bot("console", stdin=session, data_dir=tmp_path)
    assert "300 cán bộ, công chức cấp xã" in out
    assert "Cảm ơn bạn đã góp ý" in out and "Cảm ơn bạn! 👍" in out

    report = run_bot("report", data_dir=tmp_path)
    lines = report.splitlines()
    assert lines[0].startswith("Unanswered questions, last 30 days: 3 in 2 group(s)")
    assert "×2" in lines[1] and "dân số" in lines[1].lower()
    assert "giá vàng" in report
    assert "intermediate_llct_commune: 👎 1 / 👍 0" in report
    assert "còn cấp xã thì sao?" in report

    rows = list(csv.DictReader(io.StringIO(run_bot("report", "--csv", data_dir=tmp_path))))
    assert {r["question"] for r in rows} == {
        "dân số huyện bao nhiêu",
        "Dân số của huyện là bao nhiêu?",
        "giá vàng hôm nay",
    }
    assert {r["group"] for r in rows} == {"1", "2"}


def test_forget_deletes_what_the_console_kept(tmp_path):
    run_bot("console", stdin="giá vàng hôm nay\nthời tiết ra sao\n", data_dir=tmp_path)
    out = run_bot("console", stdin="/forget\n", data_dir=tmp_path)
    assert "Đã xóa những gì lưu về bạn (2 mục)" in out
    assert "0 in 0 group(s)" in run_bot("report", data_dir=tmp_path)


def test_ask_is_stateless_unless_given_a_conversation_id(tmp_path):
    first = "bao nhiêu cán bộ cấp huyện học trung cấp llct"
    run_bot("ask", first, data_dir=tmp_path)
    assert "300" not in run_bot("ask", "còn cấp xã thì sao?", data_dir=tmp_path)
    run_bot("ask", "--conversation", "c1", first, data_dir=tmp_path)
    assert "300" in run_bot("ask", "--conversation", "c1", "còn cấp xã thì sao?", data_dir=tmp_path)
    assert "300" not in run_bot(
        "ask", "--conversation", "c2", "còn cấp xã thì sao?", data_dir=tmp_path
    )


def _ask_turn(conversation: str, question: str, data_dir: Path) -> dict:
    """One turn of `ask --json --conversation`, in a process of its own (as a script asks)."""
    out = run_bot("ask", "--json", "--conversation", conversation, question, data_dir=data_dir)
    return json.loads(out)


def test_ask_answers_a_clarification_by_its_number_in_the_next_process(tmp_path):
    asked = _ask_turn("pick", "bao nhiêu người học?", tmp_path)
    assert asked["status"] == "clarify"
    first = _ask_turn("direct", asked["suggestions"][0], tmp_path)  # the first one, asked outright
    picked = _ask_turn("pick", "1", tmp_path)
    assert picked["status"] == "answer" and picked["intents"] == first["intents"] != []


@pytest.mark.parametrize(
    ("first", "intents"),
    [
        # the level unnamed (the article's one "cao cấp" figure is the district's): every level's
        ("bao nhiêu người học cao cấp lý luận chính trị?", ["district", "commune"]),
        ("cán bộ cấp huyện học cao cấp llct bao nhiêu?", ["district"]),  # named: kept
    ],
)
def test_a_follow_up_keeps_only_the_level_the_user_named_across_processes(first, intents, tmp_path):
    assert _ask_turn("levels", first, tmp_path)["intents"] == ["advanced_llct"]
    switched = _ask_turn("levels", "trung cấp thì sao?", tmp_path)
    assert switched["intents"] == [f"intermediate_llct_{level}" for level in intents]
    assert "55" in switched["answer"]


def test_report_reads_postgresql_when_database_url_names_it(tmp_path):
    url = os.environ.get("TEST_DATABASE_URL")
    if not url:
        if os.environ.get("CI", "").lower() == "true":
            pytest.fail("TEST_DATABASE_URL is not set: CI must run the PostgreSQL tests")
        pytest.skip("needs TEST_DATABASE_URL (PostgreSQL)")
    from test_store import _postgres_database

    for database in _postgres_database():
        url_env = {"DATABASE_URL": database.replace("postgresql://", "postgres://", 1)}
        run_bot(
            "console",
            stdin="dân số huyện bao nhiêu\ndan so huyen bao nhieu\n",
            data_dir=tmp_path,
            **url_env,
        )
        report = run_bot("report", data_dir=tmp_path, **url_env)
        assert "2 in 1 group(s)" in report


def test_a_count_inside_that_total_after_both_levels_is_inside_the_whole():
    """ "trong tổng số đó" after the whole and the commune's staff: inside the whole (the
    article gives its party members), not inside the commune's share (it does not)."""
    replies = ask_json(
        "toàn huyện có bao nhiêu cán bộ công chức",
        "còn xã?",
        "trong tổng số đó có mấy đảng viên",
        conversation="inside-the-total",
    )
    assert [r["intents"] for r in replies] == [
        ["total_staff"],
        ["commune_staff"],
        ["party_members"],
    ]


def test_who_wrote_it_after_the_summary_is_the_author_not_the_person_quoted():
    replies = ask_json("bài này nói về gì?", "who wrote it?", conversation="who-wrote")
    assert [r["intents"] for r in replies] == [["article_summary"], ["article_author"]]


def test_who_speaks_as_on_the_phone_is_no_question_about_the_author():
    (reply,) = ask_json("Nhà báo đây, cần số cán bộ công chức cấp xã, thị trấn")
    assert reply["intents"] == ["commune_staff"]


def test_whether_the_figure_just_given_is_per_year_gets_that_answer_again():
    replies = ask_json(
        "ngành giáo dục được bồi dưỡng bao nhiêu lượt", "mỗi năm hay tổng cộng?", conversation="yr"
    )
    assert [r["intents"] for r in replies] == [["education_sector"], ["education_sector"]]
    assert "Hằng năm" in replies[1]["answer"]
    english = ask_json("how many lượt giáo dục?", "is that per year?", conversation="yr-en")
    assert english[1]["intents"] == ["education_sector"]


def test_a_full_count_question_after_a_fact_without_figures_is_its_own_question():
    first, second = ask_json(
        "cán bộ cấp xã được đào tạo những gì",
        "Tổng số cán bộ, công chức cấp xã là bao nhiêu người?",
        conversation="own",
    )
    assert first["intents"] == ["commune_cadre_training"], first
    assert second["intents"] == ["commune_staff"], second


def test_a_total_after_figures_the_article_sums_is_still_their_sum():
    replies = ask_json(
        "cấp huyện có bao nhiêu người học trung cấp lý luận chính trị",
        "còn cấp xã",
        "vậy tổng số cả hai cấp là bao nhiêu?",
        conversation="sum",
    )
    assert replies[2]["intents"] == ["intermediate_llct_district", "intermediate_llct_commune"]
    assert "355" in replies[2]["answer"], replies[2]


def test_whom_a_figure_counts_is_asked_of_the_figure_just_given():
    first, second = ask_json(
        "số đảng viên trong đội ngũ là bao nhiêu",
        "con số đó tính cả viên chức không?",
        conversation="incl",
    )
    assert first["intents"] == ["party_members"], first
    assert second["intents"] == ["party_members"], second


def test_a_year_asked_as_nam_bao_nhieu_is_a_year_and_a_yearly_count_still_a_count():
    replies = ask_json(
        "nghị quyết 03 đặt mục tiêu đến năm bao nhiêu vậy",
        "hằng năm bao nhiêu lượt viên chức giáo dục được bồi dưỡng",
    )
    assert replies[0]["intents"] == ["resolution_03"], replies[0]
    assert "2020" in replies[0]["answer"]
    assert replies[1]["intents"] == ["education_sector"], replies[1]


def test_every_year_asked_after_a_yearly_figure_is_that_figure_again():
    first, second = ask_json(
        "hằng năm huyện bồi dưỡng bao nhiêu lượt viên chức ngành giáo dục",
        "năm nào cũng vậy à",
        conversation="yearly",
    )
    assert first["intents"] == ["education_sector"], first
    assert second["intents"] == ["education_sector"], second


def test_the_weekday_of_the_publication_is_asked_of_its_date():
    replies = ask_json("bài được đăng ngày nào", "thứ mấy", conversation="weekday")
    assert [r["intents"] for r in replies] == [["article_date"], ["article_date"]]
    assert "Thứ Hai" in replies[1]["answer"]
    (alone,) = ask_json("bài này đăng vào thứ mấy vậy")
    assert alone["intents"] == ["article_date"], alone


def test_who_spoke_after_a_fact_is_the_speaker_and_who_are_you_stays_the_bot():
    replies = ask_json(
        "nghị quyết 03 của huyện ủy là gì",
        "ai phát biểu",
        "còn bạn là ai",
        conversation="speaker",
    )
    assert replies[0]["intents"] == ["resolution_03"], replies[0]
    assert replies[1]["intents"] == ["spokesperson"], replies[1]
    assert replies[2]["intents"] == ["who_are_you"], replies[2]


def test_the_fact_stays_the_topic_after_its_date_is_asked():
    replies = ask_json(
        "toàn huyện có bao nhiêu cán bộ công chức",
        "số đó là năm nào",
        "trong đó ở xã?",
        conversation="topic",
    )
    assert replies[1]["intents"] == ["article_date"], replies[1]
    assert replies[2]["intents"] == ["commune_staff"], replies[2]


def test_a_bare_attribute_after_an_answer_that_gives_it_is_that_answer():
    first, second = ask_json("ai là người được phỏng vấn", "chức vụ?", conversation="post")
    assert first["intents"] == ["spokesperson"], first
    assert second["intents"] == ["spokesperson"], second
    assert "Trưởng ban" in second["answer"]


def test_whom_a_figure_counts_is_never_read_as_a_sum():
    replies = ask_json(
        "cấp xã có bao nhiêu người học trung cấp lý luận chính trị",
        "số đó tính cả công chức không",
        "tính cả hai cấp là bao nhiêu",
        conversation="incl-sum",
    )
    assert replies[0]["intents"] == ["intermediate_llct_commune"], replies[0]
    assert replies[1]["intents"] == ["intermediate_llct_commune"], replies[1]
    assert "Cộng lại" not in replies[1]["answer"]
    assert "355" in replies[2]["answer"], replies[2]  # a count asked of both levels: their sum


def test_whose_view_or_who_said_these_things_asks_the_official_quoted():
    replies = ask_json(
        "huyện chọn cán bộ đi học dựa vào đâu?",
        "ý kiến này là của ai?",
        conversation="view",
    )
    assert replies[0]["intents"] == ["selection_criteria"]
    assert replies[1]["intents"] == ["spokesperson"]
    replies = ask_json(
        "công chức cấp xã được đào tạo gì?",
        "ai là người nói những điều đó?",
        conversation="said",
    )
    assert replies[1]["intents"] == ["spokesperson"]


def test_who_reported_it_whether_anyone_at_commune_level_and_more_than_half():
    """'Ai cho biết điều này?' asks the speaker ('cho biết' opens no question after 'ai');
    'có ai … không?' asks whether, not who; 'hơn một nửa không?' the share just given."""
    _, speaker = ask_json(
        "Huyện chủ trương đào tạo thế nào?", "Ai cho biết điều này?", conversation="who-told"
    )
    assert speaker["intents"] == ["spokesperson"]
    _, commune = ask_json(
        "Bồi dưỡng QLNN chương trình chuyên viên cho bao nhiêu cán bộ cấp huyện?",
        "Cấp xã có ai được bồi dưỡng QLNN không?",
        conversation="anyone",
    )
    assert commune["intents"] == ["qlnn_commune_key"]
    _, half = ask_json(
        "trong 1.999 cán bộ có bao nhiêu đảng viên",
        "vay dang vien co hon mot nua hong",
        conversation="half",
    )
    assert half["intents"] == ["party_members"] and "35,6" in half["answer"]


def test_a_sum_or_a_comparison_of_the_two_facts_just_given_one_after_the_other():
    """ "tổng 2 loại?" and "bên nào nhiều hơn?" after two turns that each gave one part."""
    *_, summed = ask_json(
        "Có bao nhiêu người đi bồi dưỡng chức danh bí thư, phó bí thư xã?",
        "còn chủ tịch MTTQ?",
        "tổng 2 loại?",
        conversation="two-kinds",
    )
    assert summed["intents"] == ["party_secretary_training", "mttq_chairs"]
    *_, compared = ask_json(
        "Cán bộ chủ chốt dưới 35 tuổi cấp xã bao nhiêu?",
        "cấp huyện thì sao",
        "bên nào nhiều hơn?",
        conversation="which-more",
    )
    assert set(compared["intents"]) == {"young_leaders_district", "young_leaders_commune"}
    assert "21 − 10 = 11" in compared["answer"]  # the gap the group declares


def test_a_bare_unit_or_what_the_figure_counts_asks_the_last_figure_again():
    """ "bao nhiêu lượt?", "là lượt hay là người?" after the education sector's yearly figure:
    that figure (in lượt), not the article's views nor the district's headcount."""
    _, count, unit = ask_json(
        "mỗi năm huyện có bồi dưỡng cho giáo viên không?",
        "bao nhiêu lượt?",
        "là lượt hay là người?",
        conversation="units",
    )
    assert count["intents"] == ["education_sector"] and unit["intents"] == ["education_sector"]


def test_out_of_what_whole_and_a_pronoun_with_a_name_point_at_the_last_fact():
    """ "trên tổng số bao nhiêu người?" after a figure that states its share: that figure
    (1.066/1.999), not a sum; "tên đầy đủ của nó là gì?" after the resolution: its name."""
    _, whole = ask_json(
        "bao nhiêu người có bằng đại học hiện nay",
        "trên tổng số bao nhiêu người?",
        conversation="out-of",
    )
    assert whole["intents"] == ["university_degree_now"] and "1.066/1.999" in whole["answer"]
    _, name = ask_json(
        "Nghị quyết chuyên đề 03-NQ/HU ban hành năm nào?",
        "tên đầy đủ của nó là gì?",
        conversation="its-name",
    )
    assert name["intents"] == ["resolution_03"]


def test_a_question_naming_its_own_fact_surely_is_no_pick_among_the_suggestions():
    """After "bài báo này viết về cái gì ạ" asks back (summary, source, title), "ai viết ạ"
    is the author, not the one suggestion that also names a person."""
    replies = ask_json(
        "bài báo này viết về cái gì ạ", "ai viết ạ", conversation="who-wrote-after-clarify"
    )
    assert replies[-1]["intents"] == ["article_author"]


def test_as_of_when_a_figure_counts_is_the_articles_date():
    _, when = ask_json(
        "Cho hỏi có bao nhiêu người trình độ trên đại học?",
        "số liệu đó tính đến thời điểm nào?",
        conversation="as-of-when",
    )
    assert when["intents"] == ["article_date"]


def test_a_follow_up_setting_the_last_figure_beside_another_gets_both():
    """ "Con số đó lớn hơn tổng số cán bộ cấp xã à?", "số đó trùng với số đảng viên à?": the
    figure just given and the one named, with a word that the article never compares them —
    but "… trung cấp" is no "trùng", and a quality is no figure ("vững vàng hơn không")."""
    _, bigger = ask_json(
        "Có bao nhiêu cán bộ, công chức cấp xã học trung cấp LLCT?",
        "Con số đó lớn hơn tổng số cán bộ, công chức cấp xã hiện nay à?",
        conversation="bigger",
    )
    assert bigger["intents"] == ["intermediate_llct_commune", "commune_staff"]
    assert "Bài không so sánh trực tiếp" in bigger["answer"]
    _, same = ask_json(
        "Số người được cử đi học đại học là bao nhiêu?",
        "số đó trùng với số đảng viên à?",
        conversation="same",
    )
    assert same["intents"] == ["university_sent", "party_members"]
    _, course = ask_json(
        "Bao nhiêu người được cử đi học cao cấp lý luận chính trị?",
        "còn trung cấp cấp huyện?",
        conversation="not-same",
    )
    assert course["intents"] == ["intermediate_llct_district"]


def test_which_is_more_and_what_remains_after_two_figures_given_one_by_one():
    """ "Bên nào nhiều hơn?" after 115 cán bộ then 128 lượt: both figures, and that the article
    compares them nowhere; "ngoài cấp xã còn lại bao nhiêu?" after the whole then the commune
    part: the difference the group declares."""
    *_, which = ask_json(
        "Bao nhiêu cán bộ cấp huyện được bồi dưỡng QLNN chương trình chuyên viên?",
        "Cấp xã có ai được bồi dưỡng quản lý nhà nước không?",
        "Bên nào nhiều hơn?",
        conversation="which-is-more",
    )
    assert which["intents"] == ["qlnn_specialist", "qlnn_commune_key"]
    assert "Bài không so sánh trực tiếp" in which["answer"]
    *_, rest = ask_json(
        "Huyện có bao nhiêu cán bộ, công chức?",
        "Trong đó cấp xã bao nhiêu?",
        "Vậy ngoài cấp xã còn lại bao nhiêu?",
        conversation="what-remains",
    )
    assert rest["intents"] == ["total_staff", "commune_staff"]
    assert "1.705" in rest["answer"]


def test_adding_two_figures_after_one_is_no_sum_of_its_group():
    """ "Cộng hai số đó" when the chat has seen one figure: never a sum with a figure it has not
    seen (the other level's)."""
    _, summed = ask_json(
        "Có bao nhiêu cán bộ cấp huyện học trung cấp lý luận chính trị?",
        "Cộng hai số đó giúp em",
        conversation="two-of-one",
    )
    assert summed["status"] != "answer"
    assert "355" not in summed["answer"] and "Cộng lại" not in summed["answer"]


def test_sure_words_tied_between_levels_are_never_switched_to_another_fact():
    """After the summary, "thế huyện mình có bao nhiêu cán bộ chủ chốt dưới 35 tuổi?" names the
    young leaders surely (both levels tie): both, never the one related fact naming cadres."""
    _, young = ask_json(
        "Bài này nói về gì vậy ạ?",
        "Dạ thế huyện mình có bao nhiêu cán bộ chủ chốt dưới 35 tuổi ạ?",
        conversation="tied-levels",
    )
    assert young["intents"] == ["young_leaders_district", "young_leaders_commune"]


def test_a_comparison_word_in_a_question_of_its_own_sets_nothing_beside_it():
    """ "Đảng viên có chiếm hơn một nửa không?" after the master's figure points at nothing
    before it: the party members alone, not both side by side."""
    _, half = ask_json(
        "Có bao nhiêu người được cử đi học thạc sĩ?",
        "Đảng viên có chiếm hơn một nửa không?",
        conversation="own-comparison",
    )
    assert half["intents"] == ["party_members"]


def test_who_provides_it_and_a_tone_slip_in_bao_nhieu_after_an_answer():
    """ "Ai cung cấp số liệu đó?": 'cung cấp' is no 'cũng' (anyone), it asks who; "Bao nhiều?"
    (a tone slip) asks the last figure again; "thêm nữa số …" is no half ("nửa")."""
    _, who, again, more = ask_json(
        "Huyện có bao nhiêu cán bộ, công chức cấp xã học trung cấp lý luận chính trị?",
        "Ai cung cấp số liệu đó?",
        "Bao nhiều?",
        "cho hỏi thêm nữa số người học đại học",
        conversation="provides",
    )
    assert who["intents"] == ["spokesperson"]
    assert again["intents"] == ["intermediate_llct_commune"]
    assert "total_staff" not in more["intents"]


def test_a_bare_time_asked_after_a_fact_stating_its_own_is_that_facts():
    """ "từ năm nào?" after what the resolution is about: its year, not the article's date."""
    _, year = ask_json(
        "nghị quyết chuyên đề 03 của huyện ủy nói về gì", "từ năm nào?", conversation="since"
    )
    assert year["intents"] == ["resolution_03"]


def test_a_document_number_is_its_name_not_a_figure_asked_about():
    (reply,) = ask_json("Nghị quyết chuyên đề 03 của Huyện ủy nói về cái gì?")
    assert reply["intents"] == ["resolution_03"]
    assert "Con số 03" not in reply["answer"]


def test_his_position_after_the_person_quoted():
    _, position = ask_json("who is quoted in the article?", "his position?", conversation="pos")
    assert position["intents"] == ["spokesperson"]


def test_are_you_sure_after_an_answer_gives_that_answer_again():
    _, sure, right = ask_json(
        "có bao nhiêu người học thạc sĩ", "có chắc không?", "đúng không?", conversation="sure"
    )
    assert sure["intents"] == ["masters_sent"] and right["intents"] == ["masters_sent"]


def test_a_refusal_offers_the_articles_own_answer_and_a_follow_up_takes_it():
    """Another district is refused, with what the article says of its own offered (never a
    figure of the other place); "vậy Điện Biên Đông thì sao?" then takes that offer."""
    refused, taken = ask_json(
        "Huyện Mường Ảng có bao nhiêu cán bộ đi học thạc sĩ?",
        "vậy Điện Biên Đông thì sao",
        conversation="elsewhere",
    )
    assert refused["status"] == "fallback" and refused["intents"] == []
    assert "chỉ nói về huyện Điện Biên Đông" in refused["answer"]
    assert refused["suggestions"] and "28" not in refused["answer"]
    assert (taken["status"], taken["intents"]) == ("answer", ["masters_sent"]), taken
    assert "28" in taken["answer"]


def test_a_refusal_with_nothing_of_the_article_to_offer_offers_nothing():
    (reply,) = ask_json("thời tiết Điện Biên hôm nay thế nào")
    assert reply["status"] == "fallback" and reply["suggestions"] == []


@pytest.mark.parametrize(
    ("first", "doubt", "intent"),
    [
        ("Nghị quyết 03 đặt mốc đến năm nào?", "đáp án đó chắc chắn chứ", "resolution_03"),
        (
            "bồi dưỡng chương trình chuyên viên cho mấy người",
            "số đó chuẩn chưa ạ",
            "qlnn_specialist",
        ),
        ("How many of the staff are đảng viên?", "and what proportion is that?", "party_members"),
    ],
)
def test_a_doubt_or_share_of_the_answer_just_given_gets_that_answer(first, doubt, intent):
    replies = ask_json(first, doubt, conversation="doubt")
    assert [r["intents"] for r in replies] == [[intent], [intent]], replies


def test_the_askers_own_figure_beside_the_answer_is_read_past():
    """ "bên mình có 15, vậy bên đó ít hơn mấy người?": the article's 11, nothing summed or paired."""
    first, second = ask_json(
        "Điện Biên Đông có bao nhiêu người có trình độ trên đại học?",
        "bên mình có 15, vậy bên đó ít hơn mấy người?",
        conversation="mine",
    )
    assert [first["intents"], second["intents"]] == [["postgraduate_now"]] * 2, second
    assert "11" in second["answer"] and "15" not in second["answer"]


@pytest.mark.parametrize(
    ("turns", "intents"),
    [
        # another figure offered instead of the one just given: both, side by side
        (
            ("Bao nhiêu người đi học thạc sĩ?", "ko phải 11 à?"),
            ["masters_sent", "postgraduate_now"],
        ),
        # a level named as one goes up to it ("lên huyện"), after the communes' training
        (("Cán bộ cấp xã được đào tạo gì?", "lên huyện thì học gì"), ["district_level_training"]),
        # "số cấp xã" is the communes' figure, not "sơ cấp" (a level the article never counts)
        (
            ("Bao nhiêu người được học trung cấp llct?", "em chỉ cần số cấp xã thôi"),
            ["intermediate_llct_commune"],
        ),
        # an ordinal with "tell me more" picks that fact of the two just given
        (("712 là gì vậy", "cái thứ hai nói rõ hơn đi"), ["party_members"]),
        # after a year the article has no figures for: "as of the article", what it offered
        (
            (
                "năm 2016 huyện cử bn ng đi học đại học",
                "vậy tính đến lúc viết bài thì tổng là bao nhiêu",
            ),
            ["university_sent"],
        ),
    ],
)
def test_the_turn_after_an_answer_reads_what_it_points_at(turns, intents):
    replies = ask_json(*turns, conversation="after")
    assert replies[-1]["intents"] == intents, replies[-1]


def test_a_bare_count_after_a_fact_without_figures_says_the_article_counts_none():
    """ "bao nhiêu người" after who was promoted: no figure borrowed from the whole staff."""
    first, second = ask_json(
        "cán bộ sau khi học xong có ai được lên chức ko", "bao nhiêu người", conversation="none"
    )
    assert first["intents"] == ["promotions"], first
    assert second["status"] == "fallback" and not second["intents"], second
    assert "1.999" not in second["answer"]


def test_leaving_a_level_out_of_several_facts_gives_the_rest_and_their_sum():
    """ "bỏ cấp xã ra thì còn bao nhiêu?" after the three political-theory courses: the two
    left and their declared sum; after the whole staff and the communes' part, still the
    difference the article implies."""
    courses, rest = ask_json(
        "tính chung các lớp lý luận chính trị thì cử bao nhiêu người",
        "bỏ cấp xã ra thì còn bao nhiêu?",
        conversation="left-out",
    )
    assert len(courses["intents"]) == 3, courses
    assert rest["intents"] == ["advanced_llct", "intermediate_llct_district"], rest
    assert "26 + 55 = 81" in rest["answer"] and "381" not in rest["answer"]
    staff = ask_json(
        "huyện có bao nhiêu cán bộ công chức, xã bao nhiêu",
        "trừ cấp xã ra thì còn lại bao nhiêu",
        conversation="left-out-staff",
    )
    assert "1.705" in staff[1]["answer"], staff[1]


def test_where_they_were_appointed_asks_more_of_the_promotions_just_given():
    promoted, where = ask_json(
        "học xong cán bộ có được đề bạt không", "vào những chỗ nào vậy", conversation="posts"
    )
    assert promoted["intents"] == ["promotions"], promoted
    assert (where["status"], where["intents"]) == ("answer", ["promotions"]), where


def test_adding_a_fact_to_the_last_in_a_total_sums_them_but_one_more_fact_is_not_a_sum():
    first, summed = ask_json(
        "hiện có bao nhiêu người có trình độ đại học",
        "thêm trên đại học vào thì tổng bao nhiêu?",
        conversation="add-total",
    )
    assert first["intents"] == ["university_degree_now"], first
    assert summed["intents"] == ["university_degree_now", "postgraduate_now"], summed
    assert "1.066 + 11 = 1.077" in summed["answer"]
    _, more = ask_json(
        "có bao nhiêu người học thạc sĩ", "thêm số đảng viên nữa", conversation="add-one"
    )
    assert more["intents"] == ["party_members"], more
    assert "=" not in more["answer"]


def test_that_is_how_many_percent_asks_the_share_just_given():
    _, share = ask_json(
        "có bao nhiêu cán bộ công chức là đảng viên", "tức là khoảng bao nhiêu %", conversation="pc"
    )
    assert (share["status"], share["intents"]) == ("answer", ["party_members"]), share
    assert "35,6 %" in share["answer"]


def test_more_of_a_fact_just_given_in_everyday_words():
    """ "tỷ lệ tương ứng", "trích yếu của nó", "cái đầu ấy, nói rõ hơn được không ạ": the
    fact just given, its share or its content, or the one picked of two; "tên mấy bạn đó"
    asks those people's names (never given), not the bot's."""
    _, share = ask_json(
        "có bao nhiêu người có trình độ đại học", "tỷ lệ tương ứng là mấy %", conversation="e1"
    )
    assert share["intents"] == ["university_degree_now"] and "53,3" in share["answer"], share
    _, abstract = ask_json("nghị quyết 03 ra năm nào", "trích yếu của nó là gì", conversation="e2")
    assert abstract["intents"] == ["resolution_03"], abstract
    _, picked = ask_json("712 là số gì", "cái đầu ấy, nói rõ hơn được không ạ", conversation="e3")
    assert picked["intents"] == ["university_sent"], picked
    _, names = ask_json(
        "cán bộ chủ chốt cấp xã dưới 35 tuổi có mấy người",
        "tên mấy bạn đó là gì v",
        conversation="e4",
    )
    assert names["status"] == "fallback" and "tên" in names["answer"], names


def test_how_many_are_of_one_people_is_a_breakdown_the_article_never_gives():
    hmong, from_there = ask_json(
        "trong số cán bộ có bao nhiêu người là người Mông",
        "Em hỏi, người Mông, đi học thạc sĩ, huyện cho mấy người?",
    )
    assert hmong["status"] == "fallback" and "dân tộc" in hmong["answer"], hmong
    assert from_there["intents"] == ["masters_sent"], from_there


def test_english_follow_ups_ask_a_persons_job_title_and_until_when():
    quoted, title = ask_json(
        "Who does the article quote?", "and his job title?", conversation="job-title"
    )
    assert quoted["intents"] == title["intents"] == ["spokesperson"]
    issued, until = ask_json(
        "What did the district Party committee do in 2011?", "Until when?", conversation="until"
    )
    assert issued["intents"] == until["intents"] == ["resolution_03"]
    assert "2020" in until["answer"]


def test_which_of_two_levels_after_a_fact_of_one_gives_that_fact_again(tmp_path):
    chat = str(tmp_path / "chat.json")
    first, which = ask_json(
        "huyện cử bao nhiêu người đi học cao cấp lý luận chính trị?",
        "cấp huyện hay cấp xã rứa?",
        conversation=chat,
    )
    assert first["intents"] == ["advanced_llct"]
    assert (which["status"], which["intents"]) == ("answer", ["advanced_llct"])
    assert "cấp huyện" in which["answer"]


def test_who_those_people_are_after_a_count_is_what_the_article_never_names(tmp_path):
    chat = str(tmp_path / "chat.json")
    _, who = ask_json(
        "bồi dưỡng chuyên môn nghiệp vụ cho bao nhiêu lượt người",
        "những người đó là ai?",
        conversation=chat,
    )
    assert who["status"] != "answer" and "spokesperson" not in who["intents"]
    assert "không nói" in who["answer"] and "chuyên môn" in who["answer"]


def test_why_two_figures_differ_is_not_answered_with_their_gap(tmp_path):
    chat = str(tmp_path / "chat.json")
    _, why = ask_json(
        "cấp huyện và cấp xã mỗi cấp có bao nhiêu người học trung cấp lý luận chính trị?",
        "Bài có giải thích vì sao hai con số chênh nhau không?",
        conversation=chat,
    )
    assert why["status"] != "answer" and "245" not in why["answer"]
    assert "lý do" in why["answer"]


def test_a_bare_question_of_what_every_fact_just_given_shares_gives_them_all(tmp_path):
    chat = str(tmp_path / "chat.json")
    _, age = ask_json(
        "Có bao nhiêu cán bộ chủ chốt trẻ?", "trẻ là dưới bao nhiêu tuổi", conversation=chat
    )
    assert age["intents"] == ["young_leaders_district", "young_leaders_commune"]
    assert "cấp huyện" in age["answer"] and "cấp xã" in age["answer"]
