"""What the forty-second session's blind sets met — a desk editor's sidebar asks ("Cao cấp 26,
trung cấp huyện 55, … — đúng hết chưa?", "…: A + B?"), a driver from Nghệ An typing without
diacritics ("nghi quyet 03 la chi; …", "tiến bộ ra răng?") — through `ask --json` (one chat:
`--conversation`), as a user meets them."""

from __future__ import annotations

import pytest
from conftest import ask_json


@pytest.mark.parametrize(
    ("message", "expected"),
    [
        # "là chi", "ra răng": the Centre's "what", "how", asking a clause of their own
        (
            "nghi quyet 03 la chi; ai lap ke hoach dao tao hang nam?",
            ["resolution_03", "annual_plan"],
        ),
        (
            "muc tieu dao tao la chi; lua chon can bo di hoc theo tieu chi gi",
            ["training_goal", "selection_criteria"],
        ),
        (
            "Mục tiêu đào tạo là chi và cán bộ sau đào tạo tiến bộ ra răng?",
            ["training_goal", "training_effects"],
        ),
        # "Răng rứa, …" alone is an aside, not a question of its own
        (
            "Răng rứa, cán bộ chủ chốt dưới 35 tuổi ở huyện mấy người, ở xã mấy người?",
            ["young_leaders_district", "young_leaders_commune"],
        ),
    ],
)
def test_the_centres_question_words_ask_their_clause(message, expected):
    (reply,) = ask_json(message)
    assert reply["intents"] == expected


@pytest.mark.parametrize(
    "message",
    ["tiêu đề, báo nào đăng, bao nhiêu lượt xem?", "tieu de, bao nao dang, bao nhieu luot xem?"],
)
def test_a_list_only_its_last_item_asks_answers_every_item(message):
    (reply,) = ask_json(message)
    assert reply["intents"] == ["article_title", "article_source", "article_views"]


def test_a_frame_before_a_comma_is_no_list_item():
    (reply,) = ask_json("In the article, what is the training goal? Mục tiêu là gì?")
    assert reply["intents"] == ["training_goal"]


@pytest.mark.parametrize(
    "message",
    [
        "có bao nhiêu người có trình độ đại học trở lên",
        "Hiện có bao nhiêu người có bằng ĐH trở lên (ĐH + trên ĐH)?",
    ],
)
def test_a_degree_and_above_gives_both_degrees(message):
    (reply,) = ask_json(message)
    assert reply["intents"] == ["university_degree_now", "postgraduate_now"]
    assert "1.066" in reply["answer"] and "11 người" in reply["answer"]


def test_a_comma_inside_one_question_asks_nothing_more():
    (reply,) = ask_json("Số cán bộ quản lý, chủ chốt dưới 35 tuổi?")
    assert reply["status"] == "answer"
    assert reply["intents"] == ["young_leaders_district", "young_leaders_commune"]


def test_items_under_a_head_are_read_with_its_topic():
    (reply,) = ask_json(
        "Tổng số được bồi dưỡng QLNN: chương trình chuyên viên cấp huyện + chủ chốt cấp xã?"
    )
    assert reply["intents"] == ["qlnn_specialist", "qlnn_commune_key"]


def test_a_list_of_figures_checked_at_once():
    (right,) = ask_json("Cao cấp 26, trung cấp huyện 55, trung cấp xã 300 — đúng hết chưa?")
    assert right["intents"] == [
        "advanced_llct",
        "intermediate_llct_district",
        "intermediate_llct_commune",
    ]
    assert "không có" not in right["answer"]
    (wrong,) = ask_json("Cao cấp 26, trung cấp huyện 50, trung cấp xã 300 — đúng hết chưa?")
    assert "bài không có" in wrong["answer"] and "55" in wrong["answer"]


@pytest.mark.parametrize(
    "message",
    [
        "Bao nhiêu cán bộ còn chưa đạt chuẩn chức danh?",
        "số cán bộ chưa đạt chuẩn là bao nhiêu",
    ],
)
def test_a_count_the_article_never_gives_is_said_to_be_missing(message):
    (reply,) = ask_json(message)
    assert reply["status"] == "fallback"
    assert "chưa đạt chuẩn" in reply["answer"] and "không nêu" in reply["answer"]
    assert "1.999" not in reply["answer"]


def test_a_story_of_being_reminded_is_no_reminder_asked():
    (story,) = ask_json(
        "Trưởng ban biên tập nhắc mình kiểm tra kỹ tên tác giả trước khi dẫn, vì lần trước "
        "ghi sai bị phạt. Bài gốc do ai viết?"
    )
    assert story["intents"] == ["article_author"]
    (task,) = ask_json("Bot ơi, nhắc tôi 5 giờ chiều đi lấy hàng nhé")
    assert task["status"] == "fallback"


def test_a_figure_doubted_after_its_answer_is_that_answers():
    first, doubt = ask_json(
        "còn tổng cả huyện có bao nhiêu cbcc?", "1999 hay 1990?", conversation="d"
    )
    assert first["intents"] == ["total_staff"]
    assert doubt["intents"] == ["total_staff"]
    assert "1.999" in doubt["answer"] and "1.066" not in doubt["answer"]


def test_examples_after_kieu_are_read_past():
    (reply,) = ask_json("cán bộ xã kiểu chủ tịch, bí thư thì được học gì?")
    assert reply["intents"] == ["commune_cadre_training"]


# What the retired colonel's set (EN) met after its first run


def test_three_things_announced_are_each_answered():
    (reply,) = ask_json(
        "Kính gửi quý báo, xin hỏi ba điều: tên bài, tác giả, và bài viết về việc gì?"
    )
    assert reply["intents"] == ["article_title", "article_author", "article_summary"]


def test_a_request_made_of_both_things_named_asks_nothing_more():
    (both,) = ask_json("Nghị quyết 03-NQ/HU và mục tiêu đào tạo — tóm tắt giúp tôi cả hai.")
    assert both["intents"] == ["resolution_03", "training_goal"]
    (summary,) = ask_json("Bài này của ai, tóm tắt giúp tôi")
    assert summary["intents"] == ["article_author", "article_summary"]


@pytest.mark.parametrize(
    ("message", "said"),
    [
        ("Tác giả Phong Vân làm ở ban nào của tòa soạn?", "tác giả"),
        ("Thế Ủy ban MTTQ huyện có bao nhiêu ủy viên?", "ủy viên"),
        ("giáo viên cấp mấy?", "cấp học"),
    ],
)
def test_what_the_article_never_gives_is_said_so(message, said):
    (reply,) = ask_json(message)
    assert reply["status"] == "fallback"
    assert said in reply["answer"].lower()


def test_taking_leave_is_a_goodbye():
    (reply,) = ask_json("Chúc quý báo sức khỏe, tôi xin phép dừng ở đây.")
    assert reply["status"] == "smalltalk" and reply["intents"] == ["goodbye"]


def test_focused_on_where_asks_on_what():
    (reply,) = ask_json("đào tạo cán bộ cấp huyện tập trung vào đâu?")
    assert reply["intents"] == ["district_level_training"]


def test_party_members_of_one_level_are_not_counted_by_the_article():
    _, asked = ask_json(
        "bao nhiêu đảng viên", "Cán bộ cấp xã là đảng viên bao nhiêu?", conversation="lv"
    )
    assert asked["status"] == "fallback" and "từng cấp" in asked["answer"]


def test_why_a_figure_exceeds_another_is_not_explained_by_the_article():
    *_, why = ask_json(
        "Huyện có bao nhiêu CBCC cấp xã?",
        "vậy có bao nhiêu cán bộ, công chức cấp xã học trung cấp LLCT?",
        "sao số đó lại lớn hơn tổng số CBCC cấp xã, bài có giải thích không?",
        conversation="why",
    )
    assert why["status"] == "fallback" and "lý do" in why["answer"]


def test_a_story_read_on_a_phone_asks_no_contact():
    (reply,) = ask_json(
        "Cô mắt kém, đọc chữ nhỏ trên điện thoại khó quá nên cô nhờ cháu. Cháu giải thích giúp"
        " cô nghị quyết 03 nói về việc gì được không cháu?"
    )
    assert reply["intents"] == ["resolution_03"]


# What a review of the change found over-broad, kept as it was


@pytest.mark.parametrize(
    ("message", "expected"),
    [
        ("Nghị quyết 03 là chỉ đạo của ai?", ["resolution_03"]),
        ("huyện ủy làm chỉ đạo thế nào?", ["annual_plan"]),
        ("nơi sinh hoạt là chi bộ nào, có bao nhiêu đảng viên?", ["party_members"]),
        ("nói chi rứa, tui hỏi bao nhiêu người học thạc sĩ", ["masters_sent"]),
    ],
)
def test_chi_and_chi_phi_typed_with_marks_ask_nothing(message, expected):
    (reply,) = ask_json(message)
    assert reply["intents"] == expected


@pytest.mark.parametrize(
    "message",
    [
        "học đại học hay thạc sĩ khó hơn?",
        "vì sao cử người học đại học và thạc sĩ?",
        "đào tạo đại học và thạc sĩ có hiệu quả không?",
    ],
)
def test_two_values_named_without_a_count_asked_get_no_counts(message):
    (reply,) = ask_json(message)
    assert reply["status"] != "answer" or set(reply["intents"]) != {
        "university_sent",
        "masters_sent",
    }


def test_a_figure_named_picks_its_part():
    (reply,) = ask_json("712 người, học đại học hay thạc sĩ?")
    assert reply["intents"] == ["university_sent"]


def test_a_yes_or_no_about_those_below_standard_is_answered():
    (reply,) = ask_json("số cán bộ chưa đạt chuẩn được ưu tiên đào tạo phải không?")
    assert reply["intents"] == ["selection_criteria"]


@pytest.mark.parametrize(
    "message", ["mai nhắc tôi đọc lại bài", "ok nhắc tôi sau 10 phút", "5h chiều nhắc mình"]
)
def test_a_reminder_asked_of_the_bot_is_still_refused(message):
    (reply,) = ask_json(message)
    assert reply["status"] == "fallback"


def test_a_teacher_who_reminded_is_a_story():
    (reply,) = ask_json("cô giáo nhắc em tìm hiểu nghị quyết 03, nghị quyết là gì?")
    assert reply["intents"] == ["resolution_03"]


def test_two_figures_checked_after_an_answer_keep_both_facts():
    _, checked = ask_json(
        "bao nhiêu người học trung cấp lý luận?", "55 hay 50, 26 hay 20?", conversation="two"
    )
    assert set(checked["intents"]) == {"intermediate_llct_district", "advanced_llct"}


# What the thesis student's set (EO) met after its first run


def test_a_supervisor_who_reminded_is_a_story():
    (reply,) = ask_json(
        "Thầy hướng dẫn nhắc mình phải phân biệt rõ 'được cử đi học' và 'hiện đã có bằng'. "
        "Vậy phần 'hiện có trình độ đại học' thì bài ghi con số nào?"
    )
    assert reply["status"] != "fallback"


def test_what_the_article_describes_is_what_it_says():
    (reply,) = ask_json("Bài báo mô tả đội ngũ cán bộ những năm trước đây ra sao, nhất là cấp xã?")
    assert reply["intents"] == ["past_weakness"]


def test_who_wrote_it_after_the_newspaper_asks_the_author():
    _, author, when = ask_json(
        "Hi, which newspaper published this article?",
        "and who wrote it?",
        "when?",
        conversation="it",
    )
    assert author["intents"] == ["article_author"]
    assert when["intents"] == ["article_date"]


def test_teen_okay_is_an_acknowledgement():
    (reply,) = ask_json("oke con dê 😂")
    assert reply["status"] == "smalltalk"


@pytest.mark.parametrize(
    "message", ["Đào tạo công chức ở Singapore có gì hay?", "cán bộ ở Mỹ được đào tạo thế nào"]
)
def test_training_in_another_country_is_out_of_scope(message):
    (reply,) = ask_json(message)
    assert reply["status"] == "fallback"


def test_the_articles_own_words_name_no_country():
    (reply,) = ask_json("cán bộ vận dụng pháp luật thế nào")
    assert reply["intents"] == ["training_effects"]


def test_a_count_asked_after_a_count_never_switches_to_a_fact_counting_nothing():
    _, asked = ask_json(
        "bao nhiêu người được cử đi học đại học.",
        "Hồi những năm sáu mươi thì vùng ấy có bao nhiêu cán bộ?",
        conversation="era",
    )
    assert asked["status"] == "fallback"


@pytest.mark.parametrize(
    ("message", "expected"),
    [
        (
            "How many cadres were sent to university in my home district of Dien Bien Dong?",
            ["university_sent"],
        ),
        ("Có bao nhiêu cán bộ được đào tạo đại học; tôi đang ở Pháp", ["university_sent"]),
        ("Cán bộ cấp xã học gì vậy, em ở Úc", ["commune_cadre_training"]),
    ],
)
def test_where_the_asker_is_names_no_other_country(message, expected):
    (reply,) = ask_json(message)
    assert reply["intents"] == expected


@pytest.mark.parametrize(
    "message",
    ["cán bộ ở pháp chế có được bồi dưỡng không?", "cán bộ ở ngã ba được bồi dưỡng không"],
)
def test_words_folding_like_a_country_name_none(message):
    (reply,) = ask_json(message)
    assert "chỉ nói về huyện" not in reply["answer"]


def test_a_reminder_asked_with_huong_dan_is_still_refused():
    (reply,) = ask_json("hướng dẫn nhắc tôi lúc 5 giờ chiều nhé")
    assert reply["status"] == "fallback" and "chỉ nói về huyện" in reply["answer"]
