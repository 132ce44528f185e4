"""What the fifty-fifth session's blind sets met — a grandchild typing for a grandfather, a
tablet's autocorrect, a producer's arrows and slashes, Central speech — through `ask --json`
(and `--conversation`), as a user meets them."""

from __future__ import annotations

import pytest
from conftest import ask_json


@pytest.mark.parametrize(
    "message",
    [
        # a relative's remark relayed: it tells, asks nothing
        "bà em bảo: 'hồi xưa làm gì có ai đi học thạc sĩ'",
        "ông nội khen huyện này chịu khó cho cán bộ đi học",
        "bố mình bảo ngày đăng bài là thứ hai đấy",
        "ông cháu nói tỷ lệ đảng viên thế là thấp",
    ],
)
def test_a_relative_s_remark_is_acknowledged_not_answered(message):
    (reply,) = ask_json(message)
    assert reply["status"] == "smalltalk", reply
    assert reply["intents"] == ["acknowledge"]


@pytest.mark.parametrize(
    ("message", "expected"),
    [
        # … while a question relayed the same way is answered
        ("ông em bảo hỏi xem huyện có bao nhiêu đảng viên", ["party_members"]),
        ("bà em bảo: 'thế bài này ai viết?'", ["article_author"]),
    ],
)
def test_a_relative_s_question_is_still_answered(message, expected):
    (reply,) = ask_json(message)
    assert (reply["status"], reply["intents"]) == ("answer", expected)


@pytest.mark.parametrize(
    "correction",
    ["ko phải, huyện cơ", "không phải, bà hỏi huyện", "à nhầm, ý bà là cấp huyện"],
)
def test_a_correction_after_an_answer_switches_the_level(correction):
    first, corrected = ask_json(
        "cấp xã có mấy cán bộ chủ chốt dưới 35 tuổi", correction, conversation="corr"
    )
    assert first["intents"] == ["young_leaders_commune"]
    assert (corrected["status"], corrected["intents"]) == ("answer", ["young_leaders_district"])


@pytest.mark.parametrize(
    ("message", "expected"),
    [
        # a tablet's autocorrect: "công thức" (a formula) after "cán bộ", "cấp xa"
        ("cả huyện có bao nhiêu cán bộ công thức", ["total_staff"]),
        ("số cán bộ công chức cấp xa là bao nhiêu", ["commune_staff"]),
        # an arrow joins two parts of a chat message as a comma does
        ("đang viết tin -> cần số người có trình độ đại học hiện nay", ["university_degree_now"]),
        ("tác giả -> ngày đăng", ["article_author", "article_date"]),
        # which document: the resolution, not the grounds a plan rests on
        ("đào tạo cán bộ dựa vào văn bản nào", ["resolution_03"]),
        ("tóm 1 câu bài này", ["article_summary"]),
        ("lãnh đạo trẻ ở tầm xã có mấy người", ["young_leaders_commune"]),
        # Central speech: "chi" after what is taught splits two questions
        (
            "công chức xã được học chi, rồi mấy người cấp huyện học trung cấp llct?",
            ["commune_civil_servant_training", "intermediate_llct_district"],
        ),
        # a count asked as a noun, of a figure given per level: both, no training content
        ("số người được bồi dưỡng quản lý nhà nước", ["qlnn_specialist", "qlnn_commune_key"]),
        # "mấy chức danh … bao nhiêu lượt": the posts are plural, the count is of people
        (
            "mấy chức danh chủ chốt cấp xã học quản lý nhà nước bao nhiêu lượt",
            ["qlnn_commune_key"],
        ),
        # "có cử ai … không": whether anyone was sent, its figure
        ("huyện có cử ai đi học cao cấp lý luận chính trị không", ["advanced_llct"]),
        # a figure typed again after "là": who those counted are
        ("26 cán bộ là 26 người nào", ["advanced_llct"]),
    ],
)
def test_a_producer_s_and_a_tablet_s_messages(message, expected):
    (reply,) = ask_json(message)
    assert (reply["status"], reply["intents"]) == ("answer", expected)


@pytest.mark.parametrize(
    ("message", "intent"),
    [
        ("Cảm ơn cháu nghe.", "thanks"),
        ("ok đủ rồi", "acknowledge"),
        ("thôi không sao", "acknowledge"),
        ("Tạm biệt nghe", "goodbye"),
        ("bạn có mệt không", "bot_personal"),
    ],
)
def test_closing_words_are_smalltalk(message, intent):
    (reply,) = ask_json(message)
    assert (reply["status"], reply["intents"]) == ("smalltalk", [intent])


@pytest.mark.parametrize(
    "message",
    [
        "Con gái tôi thi đại học nên chọn ngành y hay ngành luật?",
        "dịch giùm câu 'thank you' ra tiếng Pháp",
    ],
)
def test_advice_and_translation_are_refused_not_greeted(message):
    (reply,) = ask_json(message)
    assert reply["status"] == "fallback", reply


def test_when_in_the_year_courses_run_is_not_said():
    (reply,) = ask_json("viên chức giáo dục đi bồi dưỡng vào dịp hè hay trong năm học?")
    assert reply["status"] == "fallback", reply
    assert "thời điểm tổ chức học" in reply["answer"]


def test_now_after_a_fact_told_as_it_stands_is_that_fact():
    _, now = ask_json("có cử người đi học tràn lan không", "bây giờ thì sao?", conversation="now")
    assert (now["status"], now["intents"]) == ("answer", ["no_mass_training"])


def test_a_fact_the_summary_mentions_is_answered_after_it():
    _, resolution = ask_json(
        "bài này nói về gì", "nghị quyết được nhắc trong đó là nghị quyết gì", conversation="sum"
    )
    assert (resolution["status"], resolution["intents"]) == ("answer", ["resolution_03"])


def test_a_remark_then_a_value_of_another_fact_is_not_the_last_answer():
    _, young = ask_json(
        "mục tiêu đào tạo là gì",
        "lực lượng kế cận đó, có số lãnh đạo trẻ dưới 35 không",
        conversation="goal",
    )
    assert young["status"] == "clarify", young  # (was: the training goal again)
    assert "35 tuổi" in young["answer"]  # the young leaders offered


def test_the_article_s_part_is_answered_before_another_place_s():
    (reply,) = ask_json("bài đăng ngày nào, còn tỉnh khác có bài tương tự không?")
    assert (reply["status"], reply["intents"]) == ("answer", ["article_date"])
    assert "06/08/2018" in reply["answer"]
    assert "chỉ nói về huyện Điện Biên Đông" in reply["answer"]


@pytest.mark.parametrize(
    "message",
    [
        # another place first: what follows may be of that place, never the article's figure
        "Huyện Tuần Giáo có bao nhiêu cán bộ, bao nhiêu đảng viên?",
        # the refused clause points back at the first: its subject, not a question
        "mấy người cán bộ xã, ở tỉnh khác họ có bao nhiêu?",
    ],
)
def test_no_part_is_answered_when_the_place_may_be_another_s(message):
    (reply,) = ask_json(message)
    assert reply["status"] == "fallback", reply


def test_now_after_the_past_is_no_repeat_of_the_past():
    _, now = ask_json("trước đây đội ngũ cán bộ ra sao", "bây giờ thì sao?", conversation="past")
    assert now["status"] == "fallback", now  # the article tells no "now" of that


@pytest.mark.parametrize(
    ("message", "expected"),
    [
        # words shortened with a dot: written out, their dots ending no sentence
        ("Có bn ng. là đ.viên?", ["party_members"]),
        ("Hiện toàn h. có bn ng. có tr.độ đại học?", ["university_degree_now"]),
        ("c.bộ cấp x. có bn ng.?", ["commune_staff"]),
        ("bn ng. được cử đi học th.sĩ?", ["masters_sent"]),
        # … at a sentence's stop too, which stays a sentence end before a new sentence
        ("Có bn đ.viên.", ["party_members"]),
        (
            "Có bao nhiêu đảng viên trong tổng số cán bộ toàn h. Bao nhiêu người học thạc sĩ?",
            ["party_members", "masters_sent"],
        ),
    ],
)
def test_words_shortened_with_a_dot(message, expected):
    (reply,) = ask_json(message)
    assert (reply["status"], reply["intents"]) == ("answer", expected)


def test_a_dotted_figure_and_an_etcetera_keep_their_dots():
    (reply,) = ask_json("số 1.066 là gì v.v.")
    assert reply["intents"] == ["university_degree_now"], reply
    assert "1.066" in reply["answer"]


def test_a_follow_up_that_says_the_last_figure_back_asks_on():
    _, district = ask_json(
        "cấp xã có mấy cán bộ chủ chốt dưới 35 tuổi", "21. Còn cấp huyện?", conversation="echo"
    )
    assert (district["status"], district["intents"]) == ("answer", ["young_leaders_district"])


@pytest.mark.parametrize(
    ("message", "expected"),
    [
        # a figure to check, a request to whoever answers, a question quoted: no remark
        ("ông em bảo huyện có 721 đảng viên", None),
        ("Ông bảo cháu số đảng viên của huyện với", ["party_members"]),
        ("chú kể qua nội dung bài này đi", ["article_summary"]),
        ("bà em bảo: 'bài này ai viết'", ["article_author"]),
    ],
)
def test_what_is_no_relayed_remark(message, expected):
    (reply,) = ask_json(message)
    assert reply["intents"] != ["acknowledge"], reply
    if expected is not None:
        assert (reply["status"], reply["intents"]) == ("answer", expected)


@pytest.mark.parametrize(
    ("follow_up", "expected"),
    [
        # a figure of the other level, or a check of it, is no echo of the last answer
        ("10 người, thuộc cấp nào?", ["young_leaders_district"]),
        ("10 người cấp xã, đúng không?", ["young_leaders_commune", "young_leaders_district"]),
    ],
)
def test_a_figure_that_is_no_echo_is_read(follow_up, expected):
    _, reply = ask_json(
        "cấp xã có mấy cán bộ chủ chốt dưới 35 tuổi", follow_up, conversation="not-echo"
    )
    assert reply["intents"] == expected, reply


def test_a_longer_clause_after_a_no_is_no_correction():
    _, reply = ask_json(
        "cấp xã có mấy cán bộ chủ chốt dưới 35 tuổi",
        "Không, cấp huyện 10 người là đúng rồi, còn trung cấp llct cấp xã?",
        conversation="long-no",
    )
    assert "intermediate_llct_commune" in reply["intents"], reply
