"""Vietnamese normalization: the forms users type all reach the same comparable text."""

from __future__ import annotations

import unicodedata
from dataclasses import replace
from itertools import pairwise

import pytest

from bot import normalize as text_forms
from bot.kb import load_knowledge, load_tables
from bot.normalize import canonical_number, split_tone
from bot.telex import decode_telex

TABLES = load_tables()
TABLES_WITHOUT_EXPANSIONS = replace(TABLES, expansions={}, longest_expansion=1)


def normalize(text: str) -> text_forms.Normalized:
    return text_forms.normalize(text, TABLES)


def fold(word: str) -> str:
    return text_forms.fold(word, TABLES)


def test_article_lookalike_eth_reads_as_d_with_stroke():
    assert normalize("Ðiện Biên Ðông").text == "điện biên đông"
    assert normalize("Ðiện Biên Ðông").text == normalize("Điện Biên Đông").text


@pytest.mark.parametrize(
    ("old", "new"), [("hoà", "hòa"), ("thuỷ", "thủy"), ("Uỷ ban", "ủy ban"), ("hoè", "hòe")]
)
def test_old_and_new_tone_placement_are_one_form(old, new):
    assert normalize(old).text == normalize(new).text


def test_closed_syllables_and_qu_keep_their_marks():
    assert normalize("hoàn quý khuỷu").text == "hoàn quý khuỷu"


def test_nfd_input_equals_nfc_input():
    text = "Cán bộ công chức cấp xã"
    assert normalize(unicodedata.normalize("NFD", text)) == normalize(text)


@pytest.mark.parametrize(
    ("raw", "canonical"),
    [("1.999", "1999"), ("1,999", "1999"), ("1999", "1999"), ("53,3", "53.3"), ("1.800", "1800")],
)
def test_number_forms_are_unified(raw, canonical):
    assert canonical_number(raw) == canonical


def test_fraction_of_article_figures_splits_into_both_numbers():
    assert normalize("1.066/1.999").tokens == ("1066", "1999")


@pytest.mark.parametrize(
    ("typed", "meaning"),
    [
        ("bn cb đc cử đi học llct", "bao nhiêu cán bộ được cử đi học lý luận chính trị"),
        ("cc cấp xã k", "công chức cấp xã không"),
        ("qlnn", "quản lý nhà nước"),
        ("ntn j", "thế nào gì"),
        ("how many masters", "bao nhiêu thạc sĩ"),
    ],
)
def test_abbreviations_and_english_terms_are_expanded(typed, meaning):
    assert normalize(typed).text == meaning


@pytest.mark.parametrize(
    ("typed", "meaning"),
    [
        ("kim chỉ nam", "nghị quyết"),
        ("được kết nạp vào đảng", "được đảng viên"),
        ("lớp chính trị bậc cao nhất", "lớp lý luận chính trị cao cấp"),
        ("cử đi lấy bằng cử nhân", "cử đi học đại học"),
        ("học tùm lum", "học tràn lan"),
        ("thầy giáo cô giáo", "giáo viên"),  # two words for one: said once
        ("học xong khá lên", "học xong tiến bộ"),
        ("có bằng thạc sĩ trở lên", "có bằng trên đại học"),
        ("lí luận chính trị", "lý luận chính trị"),
        ("li luan chinh tri", "lý luận chinh tri"),
        ("thạc sỹ", "thạc sĩ"),
        ("những ghế quan trọng", "những vị trí chủ chốt"),
        ("nắm chức vụ quan trọng", "nắm chức vụ chủ chốt"),
        ("lấy tấm bằng đại học", "lấy bằng đại học"),
        ("tính đến nay", "hiện nay"),
        ("người cầm bút", "người viết"),
    ],
)
def test_everyday_wording_reaches_the_knowledge_bases_words(typed, meaning):
    assert normalize(typed).text == meaning


def test_no_expansion_stutters_on_the_knowledge_bases_own_words():
    """A key that is the head of a longer phrase ("ngành giáo" in "ngành giáo dục") would
    rewrite it into a stutter ("ngành giáo dục dục"): every text the KB matches on stays clean."""
    kb = load_knowledge()
    texts = [kb.article_text] + [t for i in kb.intents for t in (i.question, *i.phrasings)]
    for text in texts:
        tokens = normalize(text).tokens
        typed = text_forms.normalize(text, TABLES_WITHOUT_EXPANSIONS).tokens
        doubled = {a for a, b in pairwise(tokens) if a == b}
        typed_doubled = {a for a, b in pairwise(typed) if a == b}
        assert doubled <= typed_doubled, (text, " ".join(tokens))


def test_caps_punctuation_and_emoji_disappear():
    assert normalize("THẠC SĨ???!!! 🎓🦄").text == "thạc sĩ"


def test_emoji_that_say_something_become_words():
    assert normalize("👍").text == "ok"
    assert normalize("cảm ơn 🙏").text == "cảm ơn cảm ơn"


def test_folding_drops_every_mark_and_maps_d_with_stroke():
    assert fold("Đường đương Dương".lower()) == "duong duong duong"
    assert normalize("Điện Biên Đông").folded_text == "dien bien dong"


def test_invisible_characters_do_not_split_or_change_words():
    assert normalize("cán\u200d bộ\u200f").text == "cán bộ"


@pytest.mark.parametrize(
    ("typed", "word"),
    [
        ("caaps", "cấp"),
        ("nguowif", "người"),
        ("ddaij", "đại"),
        ("xax", "xã"),
        # input methods take the tone key before the final consonant as well
        ("chwsc", "chức"),
        ("cans", "cán"),
        ("truwowfng", "trường"),
    ],
)
def test_telex_typed_without_input_method_decodes_to_the_word(typed, word):
    assert decode_telex(typed, load_tables()) == split_tone(word)


@pytest.mark.parametrize("word", ["can", "tinh", "xanh", "hoc", "ng"])
def test_plain_words_are_not_taken_for_telex(word):
    assert decode_telex(word, load_tables()) is None


@pytest.mark.parametrize(
    ("typed", "meant"), [("nhìuuu", "nhiều"), ("okkkk", "ok"), ("cảm ơnnnn", "cảm ơn")]
)
def test_a_letter_held_down_is_one_letter(typed, meant):
    assert normalize(typed).tokens == normalize(meant).tokens


def test_xoong_keeps_its_double_letter():
    assert normalize("xoong").tokens == ("xoong",)


def test_a_gloss_restating_the_words_before_it_is_read_once_a_word_said_twice_is_kept():
    glossed = text_forms.normalize("trình độ đại học (bachelor)", TABLES).text
    assert glossed == "trình độ đại học"
    assert text_forms.normalize("đảng viên (party members)", TABLES).text == "đảng viên"
    bye = text_forms.normalize("bye bye", TABLES).tokens
    assert bye == 2 * text_forms.normalize("bye", TABLES).tokens


def test_may_is_a_plural_only_after_a_preposition_with_a_count_asked_later():
    def text(typed: str) -> str:
        return text_forms.normalize(typed, TABLES).text

    assert text("ở dưới mấy xã có bao nhiêu cán bộ") == "ở dưới các xã có bao nhiêu cán bộ"
    assert text("ở mấy xã có người học") == "ở mấy xã có người học"  # no count: it asks
    assert text("có mấy người học, bao nhiêu người đỗ") == "có mấy người học bao nhiêu người đỗ"
