"""Slips on the key word, as a user meets them through `ask`: the word beside a mistyped one
tells which reading it is, telex typed without an input method, a k for a final c."""

from __future__ import annotations

from conftest import ask_json

from bot.kb import load_knowledge
from bot.normalize import normalize


def test_a_mistyped_word_is_the_reading_its_neighbour_makes_a_pair_with():
    # "viem" is as near điểm as viên; only "đảng viên" is a pair of the article
    (reply,) = ask_json("có bn đảng viem z")
    assert reply["status"] == "answer" and reply["intents"] == ["party_members"], reply


def test_a_word_typed_right_is_never_corrected_into_a_pair():
    # "thơ" is a word of its own: "bài thơ" is no "bài thi", and a poem is not the article
    (reply,) = ask_json("viết cho mình bài thơ về Điện Biên đi")
    assert reply["status"] != "answer", reply


def test_telex_with_the_tone_key_before_the_final_and_swapped_letters_are_read():
    replies = ask_json("công chwsc xã thì hcọ j", "bn cb được cử đi học đại họk")
    assert [r["intents"] for r in replies] == [
        ["commune_civil_servant_training"],
        ["university_sent"],
    ], replies
    assert all(r["status"] == "answer" for r in replies), replies


def test_a_letter_typed_twice_and_a_slip_in_the_districts_name_are_read():
    """ "đảng viênn" is đảng viên; "điện biên đôg" is the article's district, no other."""
    replies = ask_json(
        "có bao nhiêu đảng viênn", "huyen điên biên đôg có bao nhieu cán bô công chúc"
    )
    assert [(r["status"], r["intents"]) for r in replies] == [
        ("answer", ["party_members"]),
        ("answer", ["total_staff"]),
    ], replies


def test_the_southern_coi_for_reading_is_the_views_and_coi_giup_still_opens():
    replies = ask_json("Nhiêu người coi rồi?", "coi giúp mình có bao nhiêu đảng viên")
    assert [(r["status"], r["intents"]) for r in replies] == [
        ("answer", ["article_views"]),
        ("answer", ["party_members"]),
    ], replies


def test_teen_code_and_a_hat_on_the_wrong_vowel_are_read():
    # z for d/gi and j for a final i are phone habits; "xêm" beside "lượt" is only "lượt xem"
    replies = ask_json("đại hộj đảng, cb đc bầu có đạt yc k", "bài nì có bn lượt xêm")
    assert [r["intents"] for r in replies] == [["congress_personnel"], ["article_views"]], replies
    assert all(r["status"] == "answer" for r in replies), replies


def test_talk_around_a_question_and_the_centres_words_are_read():
    # "rốt cuộc", "thắc mắc", "tò mò" carry nothing; "ni" is này, "mô" after a noun is nào
    replies = ask_json(
        "rốt cuộc cho cán bộ đi học nhiều vậy là để đạt điều gì",
        "bài ni do ai mô viết",
        "bài ni của báo mô rứa",
        "số học viên trung cấp chính trị là mô nhiêu?",  # "mô nhiêu": how many
    )
    assert [r["intents"] for r in replies] == [
        ["training_goal"],
        ["article_author"],
        ["article_source"],
        ["intermediate_llct_district", "intermediate_llct_commune"],
    ], replies
    assert all(r["status"] == "answer" for r in replies), replies


def test_may_before_people_asking_what_is_plural_not_a_count():
    # "mấy anh chị … học gì": those people, what they study (both commune groups: no role named)
    replies = ask_json(
        "mấy anh chị làm ở xã được cho đi học những thứ gì", "mấy người được cử đi học thạc sĩ"
    )
    assert replies[0]["intents"] == [
        "commune_cadre_training",
        "commune_civil_servant_training",
    ], replies
    assert replies[1]["intents"] == ["masters_sent"], replies  # no other question word: a count


def test_one_year_is_a_year_not_a_figure_the_article_lacks():
    # "1" is "một": "bao nhiêu lượt 1 năm" asks the yearly figure, it names no unknown number
    (reply,) = ask_json("giáo viên được bồi dưỡng bn lượt 1 năm")
    assert (reply["status"], reply["intents"]) == ("answer", ["education_sector"]), reply


def test_everyday_words_for_the_writer_and_for_people():
    replies = ask_json(
        "ai là người cầm bút viết bài này",
        "mấy ông bà làm việc ở xã với thị trấn tổng cộng bao nhiêu người",  # people: a unit
        "mình hỏi bạn được những gì",
    )
    assert [r["intents"] for r in replies] == [["article_author"], ["commune_staff"], ["help"]]
    assert [r["status"] for r in replies] == ["answer", "answer", "smalltalk"], replies


def test_an_age_typed_with_its_unit_letter_is_an_age_and_a_lone_t_is_not():
    replies = ask_json("huyện có mấy cb chủ chốt dưới 35t", "cấp xã thì dưới 35t có bn ng")
    assert replies[0]["intents"] == ["young_leaders_district", "young_leaders_commune"], replies[0]
    assert replies[1]["intents"] == ["young_leaders_commune"], replies[1]


def test_the_unit_letter_after_a_number_is_read_by_normalize_alone():
    tables = load_knowledge().tables
    assert normalize("dưới 35t", tables).tokens == ("dưới", "35", "tuổi")
    assert normalize("t hỏi cái này", tables).tokens[0] != "tuổi"


def test_a_tone_key_typed_after_a_hat_the_input_method_made():
    """ "huyênj": the hat from the input method, the tone by its telex key — the district's
    figure, not both levels."""
    [reply] = ask_json("cán bộ huyênj học trung cấp lý luận chính trị mấy người")
    assert reply["intents"] == ["intermediate_llct_district"]


def test_plural_honorifics_before_who_they_are_name_those_people():
    """ "mấy ông cán bộ xã": those cadres, neither the one "ông" the article quotes nor a count."""
    commune, district, before, count = ask_json(
        "mấy ông cán bộ xã thì được cho đi học những cái gì",
        "mấy ông cán bộ huyện thì được học những cái gì",
        "hồi trước mấy ông cán bộ xã làm ăn ra sao",
        "mấy chú cán bộ huyện đi học cao cấp lý luận chính trị",
    )
    assert commune["intents"] == ["commune_cadre_training"]
    assert district["intents"] == ["district_level_training"]
    assert before["intents"] == ["past_weakness"]
    assert count["intents"] == ["advanced_llct"]


def test_a_civil_servant_typed_without_its_final_c_is_still_the_civil_servant():
    (reply,) = ask_json("công chứ cấp xã tập trung đào tạo gì")
    assert reply["intents"] == ["commune_civil_servant_training"], reply


def test_the_common_misspelling_tap_chung_is_read_as_tap_trung():
    (reply,) = ask_json("cán bộ cấp huyện tập chung đào tạo những gì")
    assert reply["intents"] == ["district_level_training"], reply


def test_telex_whose_letters_also_split_into_two_words_is_read_as_telex():
    """ "coong" is công typed in telex, not "có ông" (a person asked about); "caans", "coos":
    the tone key right, a vowel doubled by a slip (cán, có)."""
    replies = ask_json("huyeenj ĐBĐ coos bao nhieeu caans booj coong chuwcs", "cán bộ coong chức")
    assert [r["intents"] for r in replies] == [["total_staff"], ["total_staff"]], replies
    assert all(r["status"] == "answer" for r in replies), replies


def test_southern_words_and_those_people_asked_yes_or_no():
    """ "mấy ảnh" (those men) asked "có … hông?" is no count; "vô" is vào."""
    (reply,) = ask_json("Mấy ảnh được bầu vô cấp ủy thì có đáp ứng yêu cầu hông?")
    assert reply["intents"] == ["congress_personnel"], reply
