"""'Ở đây có' for the article's district, the Centre's "mô" after a place, the commune's posts
by the names people know them by (tài chính kế toán, văn phòng thống kê), officialdom's names of
levels and bodies (tuyến huyện, cơ quan ngôn luận nào), a course called a "chương trình", the
specialist programme beside the communes' key posts in a sum, the setting a figure is given in,
a request to tell briefly that still asks what, what the turns counted studied (never said), two
questions typed in one go after one answered surely, and a follow-up closed by "thì sao" that
names words of its group's other fact — through `ask --json`, as a user meets them, beside
look-alikes that must keep their reading (most found by a review of the rules on both trees)."""

from __future__ import annotations

import pytest
from conftest import ask_json


@pytest.mark.parametrize(
    ("message", "expected"),
    [
        ("cấp xã ở đây có bao nhiêu cán bộ công chức?", ["commune_staff"]),
        (
            "mấy anh địa chính, tư pháp, kế toán ở xã thì học cái gì?",
            ["commune_civil_servant_training"],
        ),
        ("can bo o day co bao nhieu nguoi?", ["total_staff"]),
        ("Văn phòng thống kê xã được bồi dưỡng gì?", ["commune_civil_servant_training"]),
        (
            "Người đứng đầu tổ chức Mặt trận ở các cấp có được cử đi tập huấn không, cụ thể bao "
            "nhiêu người?",
            ["mttq_chairs"],
        ),
        (
            "Có bao nhiêu người được tập huấn để đảm nhiệm vai trò người đứng đầu và cấp phó của "
            "đảng ủy xã?",
            ["party_secretary_training"],
        ),
        ("Cơ quan ngôn luận nào đã đăng tải bài viết này?", ["article_source"]),
        (
            "ở xã có bao nhiêu người được học chương trình trung cấp chính trị?",
            ["intermediate_llct_commune"],
        ),
        (
            "quản lý nhà nước chương trình chuyên viên và chủ chốt xã tổng cộng bao nhiêu?",
            ["qlnn_specialist", "qlnn_commune_key"],
        ),
        (
            "Mốc 35 tuổi được nhắc đến trong bài trong bối cảnh nào?",
            ["young_leaders_district", "young_leaders_commune"],
        ),
        ("Đi học về thì người ta có cứng cỏi hơn không?", ["training_effects"]),
        (
            "bạn ơi, tôi ở Lai Châu, đọc không kịp. nói ngắn gọn bài này nói gì",
            ["article_summary"],
        ),
        (
            "Tổng số cán bộ công chức, số đảng viên, liệt kê giúp mình.",
            ["total_staff", "party_members"],
        ),
    ],
)
def test_named_the_way_people_name_them_are_answered(message, expected):
    (reply,) = ask_json(message)
    assert (reply["status"], reply["intents"]) == ("answer", expected)


@pytest.mark.parametrize(
    ("message", "kept"),
    [
        # where those chairs work: the article never names a commune
        ("6 ông chủ tịch MTTQ nớ ở xã mô?", None),
        # an accountant's wage: not what the commune's civil servants are trained in
        ("kế toán xã lương bao nhiêu?", None),
        # the specialist programme alone: its own figure, never the sum with the communes'
        ("lớp chuyên viên có bao nhiêu người", ["qlnn_specialist"]),
        # what the turns counted studied, one by one: never said
        ("1.800 lượt giáo viên học nội dung cụ thể gì?", None),
        # "khác đi" asks for another answer; the Party's programme is no course; accountants
        # sent to university are not counted apart; "here" of the bot is not the district
        ("Hỏi cái khác đi", None),
        ("Chương trình chính trị của Đảng là gì?", None),
        ("Bao nhiêu kế toán được cử đi học đại học?", None),
        ("Bạn ở đây đã lâu chưa?", None),
        # "chuyên viên" beside the communes but no programme named: no sum of QLNN courses
        ("Chuyên viên và cán bộ xã có bao nhiêu người?", None),
    ],
)
def test_look_alikes_keep_their_reading(message, kept):
    (reply,) = ask_json(message)
    if kept is None:
        assert reply["status"] != "answer", reply
    else:
        assert (reply["status"], reply["intents"]) == ("answer", kept)


def test_a_closing_switch_takes_the_one_fact_whose_words_it_names():
    first, switched, total = ask_json(
        "Bồi dưỡng quản lý nhà nước chương trình chuyên viên cho mấy người?",
        "cho người giữ chức chủ chốt ở xã thì sao?",
        "tổng cộng?",
        conversation="switch",
    )
    assert first["intents"] == ["qlnn_specialist"]
    assert (switched["status"], switched["intents"]) == ("answer", ["qlnn_commune_key"])
    assert total["intents"] == ["qlnn_specialist", "qlnn_commune_key"]
    assert "243" not in total["answer"]  # 115 people and 128 turns: no declared sum


def test_words_of_another_fact_still_read_as_they_stand_after_a_switch():
    _, young = ask_json(
        "Bồi dưỡng quản lý nhà nước chương trình chuyên viên cho mấy người?",
        "cán bộ chủ chốt dưới 35 tuổi ở xã thì sao?",
        conversation="not-a-switch",
    )
    assert (young["status"], young["intents"]) == ("answer", ["young_leaders_commune"])


def test_a_closing_switch_stays_inside_the_last_facts_group():
    # the commune's professional turns (84, with the 128 as an aside) are no group of the
    # commune civil servants' training: the key posts' QLNN, as the words alone read
    _, key_posts = ask_json(
        "Công chức cấp xã được đào tạo tập trung vào gì?",
        "người giữ chức danh chủ chốt cấp xã thì sao?",
        conversation="no-group",
    )
    assert (key_posts["status"], key_posts["intents"]) == ("answer", ["qlnn_commune_key"])


@pytest.mark.parametrize(
    ("message", "expected"),
    [
        # two questions typed in one go, the first closed by its question word
        ("ông thanh là ai nghị quyết 03 nói gì", ["spokesperson", "resolution_03"]),
        # one question however many question words: never cut inside it
        ("How many of the staff are party members?", ["party_members"]),
        ("Người đứng ra phát biểu trong bài là ai?", ["spokesperson"]),
        # what the same man said: never read without him ("… là ai | nói gì về …")
        ("ông thanh là ai nói gì về cán bộ xã", ["spokesperson"]),
        (
            "Mấy chức chủ chốt dưới xã được tập huấn về quản lý nhà nước mấy lượt?",
            ["qlnn_commune_key"],
        ),
    ],
)
def test_a_question_closed_by_its_word_then_another_is_two(message, expected):
    (reply,) = ask_json(message)
    assert (reply["status"], reply["intents"]) == ("answer", expected)
