"""What people wrap around a question, as a user meets it through `ask --json`: a story of their
own before it, a closing thanks after an answer, a list counted aloud on the radio, a figure
checked with a level named, a share asked after a follow-up. Each was misread before."""

from __future__ import annotations

import pytest
from conftest import ask_json

# (question, intents answered) in a fresh chat
ANSWERED = [
    # a year in the asker's own story is no time the question asks about
    (
        "Tôi đọc báo hằng ngày, năm 1998 tôi cũng từng đi học trung cấp chính trị ở trường tỉnh,"
        " đi bộ mấy chục cây số mới tới. Con cháu bây giờ sướng hơn nhiều. Thế cái bài này ai là"
        " người viết?",
        ["article_author"],
    ),
    # "ai cho mik xin …": a request to anyone; "chỉ cần 1 số thôi" closes it
    (
        "ai cho mik xin con so nguoi dc dao tao thac si voi, chi can 1 so thoi",
        ["masters_sent"],
    ),
    # "như nó": like him, no word of the article
    (
        "Công chức cấp xã như nó thì được đào tạo về cái gì hả con?",
        ["commune_civil_servant_training"],
    ),
    # "đọc báo thấy nói …": where the asker read it, beside a figure of their story
    (
        "Con ơi, cô là mẹ của một đứa vừa mới được bầu làm cán bộ xã trên này, nó mới 26 tuổi thôi,"
        " cô mừng lắm mà cũng lo lắm, không biết nó có đủ sức gánh việc không. Cô đọc báo thấy nói"
        " cán bộ cấp xã được đi đào tạo, vậy họ học tập trung vào cái gì vậy con?",
        ["commune_cadre_training"],
    ),
    ("đọc báo có bao nhiêu người", ["article_views"]),  # the readers, no frame
    # overlapping cues of a check ("có khớp với bài không") are cut once
    (
        "Bên tôi đang ghi: 712 người đi học đại học, 82 người học thạc sĩ. Hai số này có khớp với"
        " bài không?",
        ["university_sent", "masters_sent"],
    ),
    # a list counted aloud, each number opening a sentence with a comma
    (
        "Thính giả hỏi ba câu: Một, mỗi năm bồi dưỡng bao nhiêu lượt viên chức giáo dục? Hai, bao"
        " nhiêu lượt người được bồi dưỡng chuyên môn nghiệp vụ? Ba, bài báo tên gì?",
        ["education_sector", "professional_training", "article_title"],
    ),
    # who drafts the yearly plan is said; who drafts a document is not
    ("who drafts the annual training plan", ["annual_plan"]),
    ("hông sao, cảm ơn nha", ["thanks"]),  # "không sao": no problem, nothing asked
]


def test_what_wraps_a_question_does_not_hide_it():
    replies = ask_json(*(question for question, _ in ANSWERED))
    for reply, (question, intents) in zip(replies, ANSWERED, strict=True):
        assert reply["status"] in ("answer", "smalltalk"), (question, reply)
        assert reply["intents"] == intents, (question, reply)


def test_what_the_question_is_of_still_limits_it():
    another_place, another_year, drafted, counted = ask_json(
        "Tôi hỏi về tỉnh Lai Châu. Huyện có bao nhiêu đảng viên?",
        "Năm 2020 thì sao. Huyện có bao nhiêu đảng viên?",
        "who drafted the resolution?",
        "Hai, ba người đi học thạc sĩ à? Ba, bốn người thôi sao",  # not counted from one
    )
    for reply in (another_place, another_year, drafted):
        assert reply["status"] == "fallback" and reply["intents"] == [], reply
    assert counted["intents"] == ["masters_sent"], counted


def test_thanks_after_an_answer_is_a_pleasantry_not_a_follow_up():
    _, _, thanks = ask_json(
        "cán bộ cấp xã được đào tạo những gì?",
        "Vậy học xong có được lên chức không con?",
        "Cô cảm ơn con nhiều lắm",
        conversation="mother",
    )
    assert (thanks["status"], thanks["intents"]) == ("smalltalk", ["thanks"]), thanks
    _, _, relieved = ask_json(
        "Cán bộ trẻ dưới 35 làm chủ chốt ở xã có nhiều không con?",
        "Còn ở huyện?",
        "Cảm ơn con, cô yên tâm rồi",
        conversation="relieved",
    )
    assert (relieved["status"], relieved["intents"]) == ("smalltalk", ["thanks"]), relieved


def test_a_figure_checked_with_another_level_named_is_that_levels_fact():
    _, district = ask_json(
        "Xác nhận: 300 cán bộ, công chức cấp xã học trung cấp LLCT?",
        "Cấp huyện 65 phải không?",
        conversation="inspector",
    )
    assert district["intents"] == ["intermediate_llct_district"], district
    assert "55" in district["answer"] and "không có con số bạn nêu" in district["answer"]


def test_a_share_after_a_follow_up_is_of_the_fact_followed_up():
    _, commune, share = ask_json(
        "Huyện Điện Biên Đông có bao nhiêu cán bộ công chức?",
        "còn cấp xã?",
        "vậy cấp xã chiếm mấy phần trăm?",
        conversation="share",
    )
    assert commune["intents"] == ["commune_staff"], commune
    assert share["intents"] == ["commune_staff", "total_staff"], share
    assert "294" in share["answer"] and "1.999" in share["answer"], share


def test_where_a_checked_figure_was_read_is_no_part_of_the_question():
    report, student, facebook, contact = ask_json(
        "Báo cáo ghi huyện có 2.000 cán bộ công chức, đúng không?",
        "Chào anh/chị, em là sinh viên năm 3 ngành quản lý nhà nước, đang làm tiểu luận, thầy dặn"
        " phải trích nguồn đầy đủ. Anh chị cho em hỏi bài này đăng ngày nào để em ghi vào tài liệu"
        " tham khảo ạ?",
        "Mình đang kiểm chứng một bài trên Facebook ghi huyện có 2.000 cán bộ, công chức. Con số"
        " đúng trong bài là bao nhiêu?",
        "facebook của ông Thanh là gì",
    )
    assert report["intents"] == ["total_staff"], report
    assert "1.999" in report["answer"] and "không có con số bạn nêu" in report["answer"]
    assert student["intents"] == ["article_date"], student  # "năm 3": a year of study
    assert "thông tin cá nhân" not in facebook["answer"], facebook  # where it was read
    assert contact["status"] == "fallback" and "thông tin cá nhân" in contact["answer"]


def test_what_the_asker_needs_or_looks_at_is_no_story_of_theirs():
    need, elsewhere = ask_json(
        "Tôi cần số liệu năm 2020. Huyện có bao nhiêu đảng viên?",
        "Tôi quan tâm đến huyện Mường Nhé. Có bao nhiêu cán bộ?",
    )
    for reply in (need, elsewhere):
        assert reply["status"] == "fallback" and reply["intents"] == [], reply


def test_thanks_before_a_question_of_its_own_is_no_pleasantry():
    _, more = ask_json(
        "Có bao nhiêu đảng viên?", "Cảm ơn. Thế còn cán bộ trẻ?", conversation="thanks-more"
    )
    assert more["status"] != "smalltalk", more
    _, topic = ask_json(
        "Có bao nhiêu đảng viên?",
        "Cảm ơn. Cho mình hỏi thêm về đào tạo",
        conversation="thanks-topic",
    )
    assert topic["status"] != "smalltalk", topic


def test_the_centres_words_and_a_story_before_the_question():
    teacher, elsewhere, plan, greeting = ask_json(
        "Tôi là cô giáo. Tôi ở bản xa, mạng yếu. Tôi đọc bài chưa hết. Bài này ai viết?",
        "Bác hỏi thiệt, ở quê bác cán bộ xã đi học hoài mà chẳng thấy chi. Rứa ở Điện Biên"
        " Đông, đi học về rồi cán bộ được lên làm chức chi?",
        "ổng nói kế hoạch đào tạo do ai làm rứa?",
        "chào nghe",
    )
    assert teacher["intents"] == ["article_author"], teacher
    assert elsewhere["intents"] == ["promotions"], elsewhere  # the article's place named
    assert plan["intents"] == ["annual_plan"], plan
    assert greeting["status"] == "smalltalk", greeting
    _, there = ask_json(
        "Bao nhiêu người học trung cấp lý luận chính trị ở xã?",
        "còn ở huyện tê?",
        conversation="te",
    )
    assert there["intents"] == ["intermediate_llct_district"], there


def test_two_figures_set_against_each_other_before_a_gap():
    (gap,) = ask_json("Cử đi học thạc sĩ 28 mà giờ trên đại học có 11, chênh nhau bao nhiêu?")
    assert gap["intents"] == ["masters_sent", "postgraduate_now"], gap
    assert "không so sánh trực tiếp" in gap["answer"], gap


# (message, intents): a review found each misread by the rules above, first drafted
STILL_LIMITED = [
    # another place or time refused before a question pointing back at it ("ở đó", "huyện tê")
    ("Mình hỏi về huyện Mường Nhé. Ở đó có bao nhiêu cán bộ?", []),
    ("Tui hỏi huyện Mường Chà. Còn ở huyện tê có bao nhiêu cán bộ?", []),
    ("Tôi cần số liệu năm ngoái. Điện Biên Đông có bao nhiêu đảng viên?", []),
    # a level said in a sentence of its own before the question
    (
        "Tôi là cô giáo. Tôi ở bản xa, mạng yếu. Hỏi về cấp xã. Có bao nhiêu cán bộ công chức?",
        ["commune_staff"],
    ),
    (
        "Tôi là cô giáo. Tôi ở bản xa, mạng yếu. Cấp huyện thôi nhé. Bao nhiêu người học trung cấp"
        " lý luận chính trị?",
        ["intermediate_llct_district"],
    ),
    # "mà hiện có" as a relative clause after "và": both sides still
    (
        "Số cử đi học thạc sĩ và số người trên đại học mà hiện có, chênh nhau bao nhiêu?",
        ["masters_sent", "postgraduate_now"],
    ),
    # "về chỉ đạo": no Centre "chi" asking
    ("Tôi muốn hỏi về chỉ đạo của Huyện ủy, nghị quyết 03 ban hành năm nào?", ["resolution_03"]),
]


def test_what_limits_a_question_is_kept_beside_the_last_sentence():
    replies = ask_json(*(question for question, _ in STILL_LIMITED))
    for reply, (question, intents) in zip(replies, STILL_LIMITED, strict=True):
        assert reply["intents"] == intents, (question, reply)


@pytest.mark.parametrize(
    ("question", "intent"),
    [
        ("cho tui hoi bai ni dang tren bao mo", "article_source"),
        ("bai nay dang bua mo", "article_date"),
        ("nghi quyet 03 ra nam mo", "resolution_03"),
    ],
)
def test_the_centres_question_words_typed_without_marks(question, intent):
    (reply,) = ask_json(question)
    assert reply["status"] == "answer" and reply["intents"] == [intent], reply
