"""Follow-ups opened in English ("and at district level?", "so in total?") and a level said
"also" of ("thế còn học trung cấp, cũng ở cấp huyện?"), in one chat through `ask --json
--conversation`: the fact just given at the level named, or the sum of both levels."""

from __future__ import annotations

from conftest import ask_json


def test_english_follow_ups_move_to_the_level_named_and_then_the_sum():
    first, district, total = ask_json(
        "cấp xã có bao nhiêu lượt cán bộ chủ chốt học quản lý nhà nước?",
        "and at district level?",
        "so in total?",
        conversation="english-follow-ups",
    )
    assert first["intents"] == ["qlnn_commune_key"]
    assert district["intents"] == ["qlnn_specialist"]
    assert total["intents"] == ["qlnn_specialist", "qlnn_commune_key"]
    assert "115" in total["answer"] and "128" in total["answer"]


def test_a_level_said_also_of_qualifies_the_course_asked_next():
    _, course, commune = ask_json(
        "huyện cử bao nhiêu cán bộ cấp huyện đi học cao cấp LLCT?",
        "thế còn học trung cấp, cũng ở cấp huyện?",
        "cấp xã?",
        conversation="also-district",
    )
    assert course["intents"] == ["intermediate_llct_district"]
    assert commune["intents"] == ["intermediate_llct_commune"]


def test_a_new_total_question_opened_by_then_is_no_follow_up():
    _, total = ask_json(
        "how many commune officials studied intermediate political theory?",
        "then how many officials are there in total?",
        conversation="then-total",
    )
    assert total["intents"] == ["total_staff"]
