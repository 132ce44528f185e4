"""A message's text made plain before its questions are read: numbers written in words as
digits, emoji as pauses, lists numbered in words marked, homework labels and quiz stems set
apart, the asker's own place, denied words, examples, the other answer offered and the asker's
role read past."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from bot import message_memo
from bot.denials import without_denied
from bot.enumerations import enumerated, without_label
from bot.examples import without_examples
from bot.normalize import fold
from bot.number_words import with_digits
from bot.own_role import with_own_role
from bot.phrases import has_phrase, phrase_at, question_cues
from bot.quiz import stem

if TYPE_CHECKING:
    from bot.kb.model import Understanding
    from bot.normalize import Normalized
    from bot.reading import Reader


def plain_text(reader: Reader, question: str) -> tuple[str, int | None]:
    """The text to read, and the place of the one question asked to be answered first."""
    tables, reading = reader.kb.tables, reader.reading  # "ba mươi lăm tuổi" is 35 for all
    words = message_memo.folded_words(question, tables)
    text = with_digits(question, tables.number_roles, lambda w: fold(w, tables), words)
    text = reader.pictographs.read(text)  # "… xử t 😭😭 mục tiêu …": a pause
    text = enumerated(text, reading, tables)  # "một là …, hai là …": a list
    text = without_label(text, reading, tables)  # "Câu 1: …": homework numbering
    text, place = reader.one_by_one.asked_first(text) or (text, None)  # "… câu 2 trước"
    text = stem(text, reading, tables)  # "Trắc nghiệm: … là: A. 194 B. 294 C. …"
    text = reader.own_place.read_past(text, reader.several.names_more_in)  # "huyện tôi có 90"
    text = without_denied(reader, text) or text  # "cán bộ xã, ko phải công chức"
    text = without_examples(reader, text) or text  # "công chức như địa chính, tư pháp"
    text = without_other_answer(reader, text)  # "… có lên chức ko hay vẫn ngồi chỗ cũ"
    text = with_own_role(reader, text) or text  # "tôi là bí thư xã, … người như tôi …"
    return head_in_brackets_first(reader, text), place  # "A bao nhiêu, B bao nhiêu? (số …)"


_LISTS = re.compile(r"[,;+/&]")
_HEAD_WORDS = 5  # words at most of a head put in brackets ("(số cử đi học)")
_CLOSING_BRACKETS = re.compile(r"^(?P<body>.+?)\s*\((?P<head>[^()?]{3,60})\)[\s.?!]*$")


def head_in_brackets_first(reader: Reader, text: str) -> str:
    """ "ĐH bao nhiêu, ThS bao nhiêu? (số cử đi học)": brackets closing questions asked one by
    one, asking nothing themselves, say what every one of them counts — read as a head before
    them ("số cử đi học: ĐH bao nhiêu, ThS bao nhiêu?")."""
    found = _CLOSING_BRACKETS.match(text)
    if found is None:
        return text
    body, head = found.group("body"), found.group("head")
    head_words, body_words = reader.words(head), reader.words(body)
    cues = question_cues(body_words.folded, body_words.tokens, reader.reading)
    if len(cues) < 2 or question_cues(head_words.folded, head_words.tokens, reader.reading):
        return text  # one question, or brackets that ask of their own
    if _LISTS.search(head) or len(head.split()) > _HEAD_WORDS or reader.totals.asks_total(body):
        return text  # "(bí thư, phó bí thư xã và …)": the parts of a total; "(tôi cần cả hai, …)"
    joiners = (*reader.reading.drop_joiners, *reader.reading.list_joiners)
    if has_phrase(head_words.folded, joiners, head_words.tokens):
        return text  # "(cả huyện và xã)": both levels, items of their own
    if not reader.responder.matcher.names_a_value(head_words):
        return text  # "(đảng viên)", "(bài của Phong Vân)": a fact or the article, no qualifier
    return f"{head}: {body}"


_WORD = re.compile(r"\w+")
_SENTENCE_END = re.compile(r"[.?!;…]")


def without_other_answer(reader: Reader, text: str) -> str:
    """ "… có ra hồn hơn ko hay vẫn thế", "… lên chức j ko hay vẫn ngồi chỗ cũ?": a yes-no
    question and right after it the other answer it offers ("hay …", asking nothing of its
    own), which only says what "no" would be — read without it (with a comma between, the
    clauses are cut so: bot/clause_cuts.py)."""
    reading = reader.reading
    yes_no = {p[0] for p in reading.yes_no_cues if len(p) == 1}
    folded = message_memo.folded_words(text, reader.kb.tables)  # (each \w+ word, as below)
    if yes_no.isdisjoint(folded[:-1]):
        return text  # most messages: no yes-no word with a word after it
    found = list(_WORD.finditer(text))
    marked = [m.group(0) for m in found]
    for at in range(len(found) - 1):
        if folded[at] not in yes_no:
            continue
        size = phrase_at(folded, reading.other_answers, marked, at + 1)  # "hay", "hay là"
        if not size:
            continue
        then, last = found[at + 1], found[at + size]
        end = _SENTENCE_END.search(text, last.end())
        stop = end.start() if end else len(text)
        rest = reader.words(text[last.end() : stop])
        if not _unchanged(rest, reading):
            continue  # "… không hay là bao nhiêu người?", "…, hay vẫn cử đi học bừa?": asks on
        return text[: then.start()].rstrip(" ,") + text[stop:]
    return text


def _unchanged(words: Normalized, reading: Understanding) -> bool:
    """ "vẫn thế", "vẫn ngồi chỗ cũ" (and particles after): the answer "no, nothing changed"."""
    size = phrase_at(words.folded, reading.unchanged_answers, words.tokens, 0)
    return size > 0 and all(w in reading.closing_particles for w in words.folded[size:])
