"""What the forty-third session's blind sets met — a Thái commune secretary ("tôi là bí thư xã,
… người như tôi …", "Xã tôi có bao nhiêu …?"), a Gen Z intern in Sài Gòn (a weather report, then
"Mình đang cần con số đảng viên …", "ý mình là 712 …, tính tới lúc nào?") — through `ask --json`
(one chat: `--conversation`), as a user meets them."""

from __future__ import annotations

import pytest
from conftest import ask_json


@pytest.mark.parametrize(
    ("message", "expected"),
    [
        # the subject said in the preamble, a bare question after it ("riêng cấp xã …?")
        (
            "Hello, mình viết khóa luận về chính sách cán bộ trẻ, phần này cần số liệu cán bộ chủ"
            " chốt dưới 35 tuổi để so sánh với Huế. Trong bài, riêng cấp xã có bao nhiêu người?",
            ["young_leaders_commune"],
        ),
        (
            "Em đang làm báo cáo về lý luận chính trị ở huyện này, số học trung cấp. Thế cấp xã"
            " bao nhiêu ạ?",
            ["intermediate_llct_commune"],
        ),
        # … but a question naming its own fact stands alone
        ("Tôi quan tâm số cán bộ trẻ. Huyện có bao nhiêu đảng viên?", ["party_members"]),
        ("Tôi là giáo viên về hưu. Cấp xã có bao nhiêu cán bộ công chức?", ["commune_staff"]),
    ],
)
def test_a_bare_question_asks_of_the_topic_its_preamble_named(message, expected):
    (reply,) = ask_json(message)
    assert reply["status"] == "answer"
    assert reply["intents"] == expected


@pytest.mark.parametrize(
    ("message", "expected"),
    [
        # who asks and what, in one sentence: "Mình đang cần con số …" is the question
        (
            "Chào buổi sáng ☀️ hôm nay Sài Gòn mưa quá trời mà deadline thì dí sát nút. Mình"
            " đang cần con số đảng viên trong đội ngũ cán bộ, công chức, viên chức ở huyện này,"
            " bạn check giúp mình với?",
            ["party_members"],
        ),
        # the figures asked for before a colon are the question's subject
        (
            "Hello hello, mình cảm ơn bạn trước nha vì mấy câu hôm trước bạn trả lời rất ok. Giờ"
            " mình cần con số về bồi dưỡng QLNN chương trình chuyên viên: bao nhiêu cán bộ cấp"
            " huyện được bồi dưỡng?",
            ["qlnn_specialist"],
        ),
        # … not "tôi cần con số:" alone, after a place of work
        (
            "Tôi làm văn thư ở văn phòng huyện, sếp bảo viết báo cáo gấp, tôi cần con số: bao"
            " nhiêu người đi học thạc sĩ?",
            ["masters_sent"],
        ),
        # a story, then "vậy …?": the question the story leads to
        (
            "chào bạn nhé, tôi có đứa cháu mới vào làm công chức địa chính xã, nó hỏi có được đi"
            " học gì không. vậy công chức cấp xã thì huyện tập trung đào tạo cái gì?",
            ["commune_civil_servant_training"],
        ),
        # why one asks, said after the question ("để mình chuẩn bị")
        (
            "Muốn biết kế hoạch đào tạo cán bộ mỗi năm ai làm, làm thế nào, để mình chuẩn bị?",
            ["annual_plan"],
        ),
        # a list numbered "1. … 2. … 3. …" on one line
        (
            "1. huyện có mấy cán bộ công chức 2. mấy người đi học thạc sĩ 3. ai là trưởng ban tổ"
            " chức huyện ủy",
            ["total_staff", "masters_sent", "spokesperson"],
        ),
        # "người như tôi": the role the asker said first
        (
            "tôi là bí thư xã, huyện có cho người như tôi đi bồi dưỡng chức danh không",
            ["party_secretary_training"],
        ),
        ("em là công chức xã, người như em được đào tạo gì?", ["commune_civil_servant_training"]),
    ],
)
def test_what_a_long_message_asks(message, expected):
    (reply,) = ask_json(message)
    assert reply["status"] == "answer"
    assert reply["intents"] == expected


@pytest.mark.parametrize(
    "message",
    [
        "Xã tôi có bao nhiêu cán bộ công chức?",
        "xã chúng tôi có bao nhiêu người học trung cấp LLCT?",
        "Chủ tịch MTTQ đi bồi dưỡng thì cấp xã mấy người, cấp huyện mấy người?",
        "Trung cấp lý luận chính trị là gì, học những môn gì?",
    ],
)
def test_what_the_article_does_not_give_is_said_so(message):
    (reply,) = ask_json(message)
    assert reply["status"] == "fallback"
    assert "Bài viết không nói về" in reply["answer"]


def test_one_commune_is_not_the_commune_level():
    # "xã mình" may be the commune level; "cấp xã tôi …": who speaks; "xa toi": maybe "xã tới"
    replies = ask_json(
        "xã mình cán bộ chủ chốt dưới 35 tuổi có mấy người?",
        "cán bộ cấp xã tôi muốn hỏi có bao nhiêu",
        "Cán bộ cấp xã tôi được biết có bao nhiêu người?",
    )
    assert [r["intents"] for r in replies] == [
        ["young_leaders_commune"],
        ["commune_staff"],
        ["commune_staff"],
    ]
    (spanned,) = ask_json("Từ cấp xã tới cấp huyện có bao nhiêu cán bộ?")
    assert "riêng một xã" not in spanned["answer"]


def test_as_of_when_a_figure_is_counted():
    replies = ask_json(
        "712 là số gì?",
        "ý mình là 712 người đi học đại học á, tính tới lúc nào?",
        "so với số người học thạc sĩ thì gấp mấy lần?",
        conversation="as-of",
    )
    assert replies[1]["intents"] == ["university_sent"]
    assert "06/08/2018" in replies[1]["answer"] and "712" in replies[1]["answer"]
    assert replies[2]["intents"] == ["university_sent", "masters_sent"]


def test_a_correction_then_a_new_question_reads_the_question():
    replies = ask_json(
        "712 là số gì?",
        "ý tôi là 712 người đi học đại học ấy; vậy hiện nay có bao nhiêu người có trình độ đại học?",
        conversation="corrected",
    )
    assert replies[1]["intents"] == ["university_degree_now"]


@pytest.mark.parametrize(
    ("message", "expected"),
    [
        # a grandson typing for his grandfather: older Northern words, English relays
        ("Thưa, cho tôi hỏi huyện ta có độ bao nhiêu người là đảng viên?", ["party_members"]),
        (
            "Dạ ông hỏi: huyện có bao lăm cán bộ, bao lăm người là đảng viên, và bao lăm người có"
            " bằng đại học?",
            ["total_staff", "party_members", "university_degree_now"],
        ),
        ("Hello! Grandpa wants to know the date of the article", ["article_date"]),
        ("Thế thì tốt, ông cảm ơn", ["thanks"]),
        (
            "Trước đây cán bộ ra sao và nghị quyết năm 2011 ra đời để làm gì?",
            ["past_weakness", "resolution_03"],
        ),
    ],
)
def test_a_grandsons_relayed_questions(message, expected):
    (reply,) = ask_json(message)
    assert reply["intents"] == expected


@pytest.mark.parametrize(
    "message",
    ["Phó trưởng ban Tổ chức Huyện ủy là ai?", "nghị quyết này có được gia hạn sau 2020 không?"],
)
def test_who_else_and_what_became_of_it_are_not_said(message):
    (reply,) = ask_json(message)
    assert reply["status"] == "fallback"
    assert "Bài viết không nói về" in reply["answer"]


def test_a_figure_recalled_after_a_choice_is_checked_once():
    _, checked = ask_json(
        "bao nhieu can bo cap huyen hoc cao cap llct",
        "26 hay 62 vậy? ông mình nhớ là 62",
        conversation="recalled",
    )
    assert checked["intents"] == ["advanced_llct"]
    assert checked["answer"].count("Theo bài:") == 1 and "26" in checked["answer"]


def test_a_sum_after_the_whole_adds_the_last_two_answers():
    *_, summed = ask_json(
        "ĐBĐ có bao nhiêu CBCC cấp xã?",
        "tổng cả huyện?",
        "trong tổng đó bao nhiêu người có bằng ĐH?",
        "bao nhiêu người trên ĐH?",
        "cộng lại?",
        conversation="sum-last",
    )
    assert summed["intents"] == ["university_degree_now", "postgraduate_now"]
    assert "1.077" in summed["answer"]


def test_why_a_figure_is_so_is_not_said_and_sameness_gives_both():
    *_, why = ask_json(
        "cán bộ chủ chốt dưới 35 tuổi cấp huyện bao nhiêu",
        "sao ít vậy, bài có nói lý do không?",
        conversation="why-few",
    )
    assert why["status"] == "fallback" and "lý do" in why["answer"]
    _, same = ask_json(
        "Đảng viên bao nhiêu người?", "sao số đi học ĐH cũng 712, trùng hả?", conversation="same"
    )
    assert same["intents"] == ["party_members", "university_sent"]


def test_how_often_is_no_figure_claimed():
    _, often = ask_json(
        "kế hoạch đào tạo đó ai lập?", "mỗi năm lập 1 lần hả?", conversation="often"
    )
    assert often["intents"] == ["annual_plan"]
    assert "không có con số" not in often["answer"]


def test_picks_and_pointers_after_a_list():
    *_, second = ask_json(
        "tôi hỏi 2 cái: số người đi học thạc sĩ và số đảng viên",
        "cái đầu tiên nói lại giùm",
        "cái thứ hai nữa",
        conversation="second-too",
    )
    assert second["intents"] == ["party_members"]
    *_, both = ask_json(
        "Số 128 là gì?", "còn 84?", "2 số này là lượt hay người?", conversation="two"
    )
    assert both["intents"] == ["professional_training", "qlnn_commune_key"]
    # "một nửa" is half, never the first one
    *_, half = ask_json(
        "huyện có tất cả bao nhiêu cán bộ, công chức?",
        "thế trong số ấy có bao nhiêu người đã có bằng đại học?",
        "Con số ấy có phải là hơn một nửa không ạ?",
        conversation="half",
    )
    assert half["intents"] == ["university_degree_now"]


def test_adding_to_figures_just_given_keeps_what_the_article_sums():
    *_, added = ask_json(
        "ĐBĐ có bao nhiêu người có trình độ đại học",
        "trên đại học",
        "đi học thạc sĩ mấy người",
        "cộng với số đi học đại học",
        conversation="added",
    )
    assert added["intents"] == ["masters_sent", "university_sent"]


def test_how_many_so_far_and_the_exact_figure():
    _, so_far = ask_json(
        "bí thư xã đi bồi dưỡng chức danh mấy người", "mấy người đi rồi", conversation="so-far"
    )
    assert so_far["intents"] == ["party_secretary_training"]
    _, exact = ask_json(
        "có bao nhiêu lượt viên chức giáo dục được bồi dưỡng hằng năm?",
        "trên 1.800 là chính xác bao nhiêu?",
        conversation="exact",
    )
    assert exact["status"] == "fallback" and "chính xác" in exact["answer"]


@pytest.mark.parametrize(
    ("message", "expected"),
    [
        # a question of its own before "Vậy …?" is kept, and so is a figure checked
        ("Bài này ai viết. Vậy đăng ngày nào?", ["article_author", "article_date"]),
        ("huyện có bao nhiêu cán bộ. vậy cấp xã bao nhiêu?", ["total_staff", "commune_staff"]),
        (
            "Hỏi về cấp xã thôi nhé. Vậy có bao nhiêu người học trung cấp LLCT?",
            ["intermediate_llct_commune"],
        ),
        # "đang cần con số." asks nothing yet: the question after it is read alone
        ("Mình đang cần con số. Huyện có bao nhiêu cán bộ công chức?", ["total_staff"]),
        ("Mình đang cần thông tin, ai viết bài này?", ["article_author"]),
        # several questions: the MTTQ split refuses none of the others
        (
            "MTTQ các cấp có bao nhiêu người, cán bộ trẻ cấp xã bao nhiêu, cấp huyện bao nhiêu?",
            ["mttq_chairs", "young_leaders_commune", "young_leaders_district"],
        ),
        ("Ông Ngô Văn Thanh tên đầy đủ là gì, trưởng ban hay phó trưởng ban?", ["spokesperson"]),
        ("Luân chuyển, thay thế cán bộ theo nghị quyết 03 thế nào?", ["resolution_03"]),
        # "N lần" after "gấp", or a count of views, is still a figure checked
        ("Bài được xem 1.500 lần à?", ["article_views"]),
        ("How many district staff are party members?", ["party_members"]),
    ],
)
def test_what_the_review_found_over_broad_stays_as_it_was(message, expected):
    (reply,) = ask_json(message)
    assert reply["status"] == "answer"
    assert reply["intents"] == expected


@pytest.mark.parametrize(
    "message",
    [
        "Hôm nay Mường Nhé có mưa. Cán bộ xã ở đó có bao nhiêu người?",
        "Tuần trước tôi lên Mường Lay công tác. Huyện đó có bao nhiêu cán bộ?",
    ],
)
def test_a_place_pointed_back_at_is_still_refused(message):
    (reply,) = ask_json(message)
    assert reply["status"] == "fallback"


def test_a_bare_why_after_a_figure_still_gets_the_reason():
    _, why = ask_json("Huyện có bao nhiêu cán bộ?", "vì sao?", conversation="bare-why")
    assert why["intents"] == ["past_weakness"]


def test_a_fact_checkers_quotes_and_choices():
    (quoted,) = ask_json("Trích nguyên văn câu về cán bộ chủ chốt dưới 35 tuổi")
    assert quoted["intents"] == ["young_leaders_district", "young_leaders_commune"]
    _, which = ask_json(
        "Mỗi năm bồi dưỡng ngành Giáo dục bao nhiêu lượt?",
        "đó là viên chức hay cán bộ?",
        conversation="which-staff",
    )
    assert which["intents"] == ["education_sector"]
    *_, counted = ask_json(
        "Có bao nhiêu người được học trung cấp lý luận chính trị?",
        "cấp xã",
        "số đó là cán bộ, công chức hay chỉ cán bộ?",
        conversation="which-role",
    )
    assert counted["intents"] == ["intermediate_llct_commune"]
    (hello,) = ask_json("yo bot")
    assert hello["status"] == "smalltalk"
