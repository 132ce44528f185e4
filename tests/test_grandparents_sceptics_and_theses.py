"""A grandparent's words ("mấy đứa", "lớp chính trị loại trung", "cái bằng thạc gì ấy", "… hả
cháu?"), a sceptic's checks, a thesis writer's purpose asides, the bot asked who it is, a part set apart from a figure the article gives whole ("riêng cao cấp?"), a start year the
article never gives, and what it never says of people (age, gender, relatives, leaving) —
through `ask --json`, as a user meets them, beside look-alikes that must keep their reading."""

from __future__ import annotations

import pytest
from conftest import ask_json


@pytest.mark.parametrize(
    ("message", "expected"),
    [
        # a grandmother's words for the courses and for young people
        (
            "Ở các xã có bao nhiêu người được đi học cái lớp chính trị loại trung ấy?",
            ["intermediate_llct_commune"],
        ),
        (
            "Bao nhiêu người đã có cái bằng chính trị rồi, loại cao với loại trung ấy?",
            ["llct_level_now"],
        ),
        (
            "Dưới xã có mấy đứa trẻ trẻ chưa quá 35 mà đã làm cán bộ chủ chốt thế?",
            ["young_leaders_commune"],
        ),
        # "mấy người … có … không": those people, yes or no — no count asked
        (
            "Học xong về thì mấy đứa có được cất nhắc lên làm lãnh đạo không cháu?",
            ["promotions"],
        ),
        (
            "Mấy người được bầu vào cấp ủy hồi đại hội Đảng thì có đủ trình độ không hả cháu?",
            ["congress_personnel"],
        ),
        # a bare count after a clause the article does not answer alone: of that clause
        (
            "Bà hỏi tí nhé cháu, nhà bà có đứa cháu gái đi dạy mẫu giáo. Năm nào giáo viên cũng "
            "được bồi dưỡng đúng không, được bao nhiêu lượt thế?",
            ["education_sector"],
        ),
        # a thesis writer's purpose, then thanks
        (
            "Chao ban, em can ten bai bao chinh xac de dua vao reference list a. Cam on ban nhieu",
            ["article_title"],
        ),
        # "… nói nghe coi" (tell me), a slipped circumflex
        ("muc tieu dao tao la gi, noi nghe coi", ["training_goal"]),
        ("lượt xem bài bao nhiêu vạy", ["article_views"]),
        # "bên kia" after the asker's own commune is the article's district, not the other part
        (
            "Đồng chí ơi, xã tôi 4 đồng chí chủ chốt thì có 3 người chưa học quản lý nhà nước. "
            "Bên kia bồi dưỡng quản lý nhà nước cho chức danh chủ chốt cấp xã được bao nhiêu lượt?",
            ["qlnn_commune_key"],
        ),
        # where a figure is written, asked "ghi mấy chỗ": each of its facts
        ("Số 712 nghĩa là gì cháu, bà thấy nó ghi mấy chỗ?", ["university_sent", "party_members"]),
    ],
)
def test_spoken_and_written_forms_are_answered(message, expected):
    (reply,) = ask_json(message)
    assert (reply["status"], reply["intents"]) == ("answer", expected)


def test_a_figure_asked_where_it_is_written_says_what_it_is_once():
    (reply,) = ask_json("số 28 ghi mấy chỗ trong bài")
    assert reply["intents"] == ["masters_sent"]
    assert reply["answer"].count("Con số 28") == 1


@pytest.mark.parametrize(
    ("message", "unstated"),
    [
        ("Do tuoi trung binh cua can bo cong chuc trong huyen la bao nhieu?", "độ tuổi"),
        ("Trong mấy người học thạc sĩ có bao nhiêu người là con gái?", "giới tính"),
        ("Có ai học xong mà bỏ đi không về huyện làm không cháu?", "chuyển đi nơi khác"),
        ("toàn con ông cháu cha đi học à", "họ hàng"),
    ],
)
def test_what_the_article_never_says_of_people_is_said_so(message, unstated):
    (reply,) = ask_json(message)
    assert reply["status"] == "fallback"
    assert unstated in reply["answer"].splitlines()[0]


@pytest.mark.parametrize(
    ("message", "intent"),
    [
        ("ban la nguoi that hay AI?", "who_are_you"),
        ("cháu trả lời được gì", "help"),
    ],
)
def test_the_bot_asked_about_gets_a_pleasantry(message, intent):
    (reply,) = ask_json(message)
    assert (reply["status"], reply["intents"]) == ("smalltalk", [intent])


@pytest.mark.parametrize(
    ("message", "expected"),
    [
        # … what the training is for, however like "what can you do"
        ("đào tạo để làm gì", ["training_goal"]),
        # … "mấy người" asked as a count
        ("Ở xã có mấy người học trung cấp chính trị?", ["intermediate_llct_commune"]),
        # … whether the author is a person, not the bot
        ("tác giả là người thật hay AI", ["article_author"]),
        # … a jeer before a question of its own, and the past read with "dở tệ"
        ("trình độ cán bộ trước đây dở tệ phải không", ["past_weakness"]),
    ],
)
def test_look_alikes_keep_their_reading(message, expected):
    (reply,) = ask_json(message)
    assert (reply["status"], reply["intents"]) == ("answer", expected)


def test_a_part_set_apart_from_a_figure_given_whole_is_said_unsplit():
    whole, part, level = ask_json(
        "Bao nhiêu người có trình độ lý luận chính trị cao cấp, trung cấp ạ?",
        "thế riêng cao cấp là bao nhiêu?",
        "trung cấp chính trị cấp huyện bao nhiêu người",
        conversation="apart",
    )
    assert whole["intents"] == ["llct_level_now"]
    assert part["status"] == "fallback" and "tách riêng" in part["answer"].splitlines()[0]
    assert level["intents"] == ["intermediate_llct_district"]


def test_a_part_the_article_gives_or_a_question_of_its_own_is_still_answered():
    staff, commune, members, author = ask_json(
        "huyện có bao nhiêu cán bộ",
        "riêng cấp xã?",
        "có bao nhiêu đảng viên",
        "riêng tác giả là ai",
        conversation="apart-given",
    )
    assert staff["intents"] == ["total_staff"]
    assert commune["intents"] == ["commune_staff"]
    assert members["intents"] == ["party_members"]
    assert author["intents"] == ["article_author"]


def test_since_when_after_a_yearly_figure_is_said_undated():
    yearly, since, resolution, year = ask_json(
        "giáo viên mỗi năm bao nhiêu lượt bồi dưỡng?",
        "từ năm nào?",
        "Nghị quyết 03 nói gì",
        "từ năm nào?",
        conversation="since-when",
    )
    assert yearly["intents"] == ["education_sector"]
    assert since["status"] == "fallback" and "năm" in since["answer"].splitlines()[0]
    assert resolution["intents"] == ["resolution_03"]
    assert year["intents"] == ["resolution_03"]


def test_who_the_bot_is_is_no_follow_up():
    young, who = ask_json(
        "Cán bộ xã dưới 35 tuổi làm chủ chốt có bao nhiêu người ạ?",
        "mà cháu là ai thế",
        conversation="who-answers",
    )
    assert young["intents"] == ["young_leaders_commune"]
    assert (who["status"], who["intents"]) == ("smalltalk", ["who_are_you"])


@pytest.mark.parametrize(
    ("message", "expected"),
    [
        # a learner of Vietnamese says who they are without "là": no other place asked of
        (
            "Chào, tôi chủ tịch xã Phì Nhừ. Kế hoạch đào tạo hàng năm do ai làm ạ? Cảm ơn",
            ["annual_plan"],
        ),
        # … while "huyện mình" (our district) introduces no one
        (
            "Huyện mình người học thạc sĩ mấy, người đảng viên mấy, nói cho em với?",
            ["masters_sent", "party_members"],
        ),
    ],
)
def test_who_asks_said_plainly_leaves_the_question(message, expected):
    (reply,) = ask_json(message)
    assert (reply["status"], reply["intents"]) == ("answer", expected)


@pytest.mark.parametrize(
    ("message", "status"),
    [
        ("omg đỉnh quá", "smalltalk"),
        ("[sticker vỗ tay] hay quá", "smalltalk"),
        ("xin chào, tôi người Thái xã Mường Luân", "smalltalk"),
        # a how-to about something else, however like "hướng dẫn": not the bot's help
        ("Hướng dẫn cài Ubuntu song song Windows", "fallback"),
    ],
)
def test_pleasantries_and_requests_for_something_else(message, status):
    (reply,) = ask_json(message)
    assert reply["status"] == status
