""" "Ở đây" for the article's district, the Centre's "mô" after a place, the commune's posts by
the names people know them by (địa chính, kế toán, "chức vụ do bầu cử"), officialdom's names of
levels and bodies (tuyến huyện, cơ quan ngôn luận), a course called a "chương trình", the
specialist programme beside the communes' key posts in a sum, the setting a figure is given in,
and a follow-up closed by "thì sao" that names words of the one fact it switches to — through
`ask --json`, as a user meets them, beside look-alikes that must keep their reading."""

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
        (
            "Những người giữ chức vụ do bầu cử ở xã được định hướng theo học những chương trình gì?",
            ["commune_cadre_training"],
        ),
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
        (
            "về mặt con người, tư duy, mấy anh chị được đào tạo có khác đi không?",
            ["training_effects"],
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


def test_in_what_way_after_how_the_trained_changed_gives_it_again():
    _, again = ask_json(
        "cán bộ học xong có tốt hơn không?", "tốt ở chỗ nào?", conversation="which-way"
    )
    assert (again["status"], again["intents"]) == ("answer", ["training_effects"])
