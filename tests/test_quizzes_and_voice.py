"""What the fifty-third session's blind sets met — questions dictated by voice (no marks, one
question run into the next), a teacher's quiz ("a) … b) …", "A.2010 B.2011"), a personnel
officer's figures checked by their meaning ("712 người được cử đi học đại học …"), and fragments
of the article pasted back — through `ask --json`, as a user meets them."""

from __future__ import annotations

import pytest
from conftest import ask_json


@pytest.mark.parametrize(
    ("message", "expected"),
    [
        # said in one go: "bao nhiêu" then "báo nào", "năm nào à mà …", "tên gì nói về cái gì"
        ("bài này lượt xem bao nhiêu báo nào đăng", ["article_views", "article_source"]),
        (
            "nghị quyết 03 ra năm nào à mà mục tiêu đào tạo là gì",
            ["resolution_03", "training_goal"],
        ),
        ("bài này tên gì nói về cái gì", ["article_title", "article_summary"]),
        # "… bao nhiêu người, trung cấp thì bao nhiêu …" without the comma
        (
            "cao cấp lý luận chính trị bao nhiêu người trung cấp thì bao nhiêu cả huyện cả xã",
            ["advanced_llct", "intermediate_llct_district", "intermediate_llct_commune"],
        ),
        # a story first, then the question after "thì", or after what is to be checked
        (
            "chào bạn nhé tôi hỏi vì đang viết luận văn thạc sỹ thì là mục tiêu đào tạo của "
            "huyện là gì",
            ["training_goal"],
        ),
        (
            "xin chào mình làm cộng tác viên báo muốn kiểm tra lại bài này đăng ngày nào",
            ["article_date"],
        ),
        # telex with two letters swapped ("ngyaf" is "ngayf", ngày; "hcoj" "hocj", học)
        ("bài đăng ngyaf nào", ["article_date"]),
        ("trên đại hcoj hiện có mấy người", ["postgraduate_now"]),
    ],
)
def test_questions_said_in_one_go(message, expected):
    (reply,) = ask_json(message)
    assert reply["status"] == "answer", reply
    assert reply["intents"] == expected


@pytest.mark.parametrize(
    "message",
    [
        # "từ năm nào đến năm nào" is one range, never a second question; "mấy giờ, ai viết" and
        # "mấy ngày, ở đâu" are two asks of their own, not "mấy" and "giờ ai viết"
        "712 người đi học đại học là học từ năm nào đến năm nào?",
        "19 người bồi dưỡng chức danh bí thư học mấy ngày, ở đâu",
    ],
)
def test_what_is_never_said_stays_refused_when_said_in_one_go(message):
    (reply,) = ask_json(message)
    assert reply["status"] == "fallback", reply
    assert reply["intents"] == []


@pytest.mark.parametrize(
    ("message", "expected"),
    [
        # items lettered on one line
        (
            "a) Tổng số cán bộ công chức của huyện b) trong đó cấp xã, thị trấn bao nhiêu",
            ["total_staff", "commune_staff"],
        ),
        (
            "Câu 4 a) Nghị quyết 03 nói về gì? b) thực hiện nghị quyết đó thì có bao nhiêu người "
            "được cử đi học đại học?",
            ["resolution_03", "university_sent"],
        ),
        # a quiz's choices, the letter and its year run together
        (
            "Cô hỏi câu trắc nghiệm: nghị quyết 03-NQ/HU ban hành năm A.2010 B.2011 C.2015 D.2020?",
            ["resolution_03"],
        ),
        # years offered as the answer's alternatives are no year asked of
        ("nghị quyết 03 ban hành năm 2010 hay 2011", ["resolution_03"]),
        ("Nghị quyết 03 ban hành năm 2010, 2011, 2015 hay 2020?", ["resolution_03"]),
        # … nor a count offered beside the article's another subject
        ("cấp xã có 194 hay 294 cán bộ công chức?", ["commune_staff"]),
        # a topic's items after a colon, and a closing request that is no item
        (
            "Số liệu hiện nay về trình độ: đại học, trên đại học, lý luận chính trị cao cấp + "
            "trung cấp. Cho cô đủ 3 con số.",
            ["university_degree_now", "postgraduate_now", "llct_level_now"],
        ),
        (
            "Cho tôi toàn bộ số liệu hiện trạng trình độ: ĐH, trên ĐH, LLCT",
            ["university_degree_now", "postgraduate_now", "llct_level_now"],
        ),
    ],
)
def test_a_teachers_quiz_and_lists(message, expected):
    (reply,) = ask_json(message)
    assert reply["status"] == "answer", reply
    assert reply["intents"] == expected


@pytest.mark.parametrize(
    ("message", "expected"),
    [
        # the words after a figure say which of its meanings is meant
        (
            "712 người được cử đi học đại học với 1.066 người có trình độ đại học hiện nay là "
            "hai số khác nhau hả, giải thích giùm",
            ["university_sent", "university_degree_now"],
        ),
        # … a guess checked, or both offered, gets both
        (
            "có phải 712 là đảng viên không hay là số đi học đại học?",
            ["university_sent", "party_members"],
        ),
        ("712 là số gì", ["university_sent", "party_members"]),
        # whom one speaks with ("nói chuyện với phóng viên") is no second thing asked
        (
            "Trong bài ai là người đứng ra nói chuyện với phóng viên, làm chức gì?",
            ["spokesperson"],
        ),
        ("Người có bằng cao học, tiến sĩ hiện trong huyện là bao nhiêu?", ["postgraduate_now"]),
        ("Hồi trước anh em cơ sở đuối ở khoản nào?", ["past_weakness"]),
    ],
)
def test_a_personnel_officers_figures(message, expected):
    (reply,) = ask_json(message)
    assert reply["status"] == "answer", reply
    assert reply["intents"] == expected


@pytest.mark.parametrize(
    ("message", "said"),
    [
        ("11 người trên đại học là thạc sĩ hay tiến sĩ", "số tiến sĩ"),
        ("ông Thanh nhận chức năm nào", "giữ chức từ khi nào"),
        ("lớp cao cấp LLCT học ở Học viện Chính trị khu vực mấy vậy", "nơi học"),
    ],
)
def test_what_the_article_never_says_is_said_so(message, said):
    (reply,) = ask_json(message)
    assert reply["status"] == "fallback", reply
    assert said in reply["answer"].split("\n", 1)[0]


def test_after_the_postgraduates_which_degree_is_never_said():
    replies = ask_json(
        "Hiện nay có bao nhiêu người trên ĐH?", "thạc sĩ hay tiến sĩ", conversation="gg-split"
    )
    assert replies[0]["intents"] == ["postgraduate_now"]
    assert replies[1]["status"] == "fallback", replies[1]
    assert "số tiến sĩ" in replies[1]["answer"]


def test_the_sentence_asked_for_as_proof_is_quoted():
    replies = ask_json(
        "có bao nhiêu người đi học thạc sĩ",
        "lấy câu trong bài làm dẫn chứng cho cô",
        conversation="gf-proof",
    )
    assert replies[1]["status"] == "answer", replies[1]
    assert replies[1]["intents"] == ["masters_sent"]
    assert "28 người đào tạo trình độ thạc sĩ" in replies[1]["answer"]


@pytest.mark.parametrize(
    ("message", "expected"),
    [
        # a council delegate's judgement asked beside the figures: the figures, then that the
        # article judges nothing
        (
            "Trung cấp lý luận chính trị cấp xã được bao nhiêu người, tổng cán bộ công chức cấp "
            "xã là bao nhiêu, vậy đã phủ kín hết chưa?",
            ["intermediate_llct_commune", "commune_staff"],
        ),
        (
            "Số cán bộ, công chức được học trung cấp LLCT là bao nhiêu, con số đó có tương xứng "
            "với yêu cầu không?",
            ["intermediate_llct_district", "intermediate_llct_commune"],
        ),
        # a request before "; xin hỏi …" is a question too, not a preamble
        (
            "Đề nghị cho biết số người đi bồi dưỡng chức danh bí thư, phó bí thư cấp xã và số "
            "chủ tịch MTTQ đi bồi dưỡng; xin hỏi vì sao số chủ tịch MTTQ lại ít như vậy, trách "
            "nhiệm của ai?",
            ["party_secretary_training", "mttq_chairs"],
        ),
    ],
)
def test_a_judgement_asked_beside_the_figures_is_said_never_given(message, expected):
    (reply,) = ask_json(message)
    assert reply["status"] == "answer", reply
    assert reply["intents"] == expected
    lines = reply["answer"].splitlines()
    said = [i for i, line in enumerate(lines) if line.startswith("Bài viết không nói về đánh giá")]
    assert said and said[0] > 0, lines  # after the figures, never instead of them


@pytest.mark.parametrize(
    "message",
    [
        # whether the cadres were many and able enough: the article tells it
        "Hồi trước cán bộ xã ở đây có đủ người và làm giỏi không?",
    ],
)
def test_whether_there_were_enough_cadres_is_the_article_s_past(message):
    (reply,) = ask_json(message)
    assert reply["intents"] == ["past_weakness"]


def test_the_article_s_pair_said_the_other_way_round_is_one_thing():
    (reply,) = ask_json("Mảng nâng cao nghiệp vụ, chuyên môn thì đã bồi dưỡng được bao nhiêu lượt?")
    assert reply["intents"] == ["professional_training"]


@pytest.mark.parametrize(
    ("message", "status"),
    [
        # questions lettered a. b. c., each closed by its own mark, are no quiz's choices
        (
            "Cho mình hỏi mấy câu về bài báo: a. Tác giả bài viết? b. Tên bài báo? c. Bài có mấy ảnh?",
            "answer",
        ),
        # "… thì bao nhiêu người là đảng viên" counts something new: one question, asked back
        ("Cấp xã có bao nhiêu người học đại học thì bao nhiêu người là đảng viên", "clarify"),
        # a school named, then what is studied: no place asked
        ("Cán bộ được cử đi học ở trường chính trị tỉnh học những gì?", "clarify"),
        # whether the article speaks of masters or doctors at all: asked back, not refused
        ("Bài có nói về cán bộ học thạc sĩ hay tiến sĩ không?", "clarify"),
    ],
)
def test_what_the_review_found_reads_as_before(message, status):
    (reply,) = ask_json(message)
    assert reply["status"] == status, reply


def test_a_year_beside_offered_figures_is_still_a_year_asked_of():
    """ "Riêng năm 2019, 712 hay 721 …": the year is no figure offered, and the article has
    none for it."""
    (reply,) = ask_json("Riêng năm 2019, 712 hay 721 người đi học đại học")
    assert reply["status"] == "fallback", reply
    assert "năm bạn hỏi" in reply["answer"]
