"""A request for the figures of one topic before a colon, then its items: "Cho tôi số liệu lý
luận chính trị: cao cấp cấp huyện, trung cấp cấp huyện, trung cấp cấp xã." Each item alone
("trung cấp cấp xã") names no topic; with the head's words it names one fact."""

from __future__ import annotations

import re
from dataclasses import replace
from typing import TYPE_CHECKING

from bot import message_memo
from bot.group_facts import smallest_group
from bot.phrases import count_of, has_phrase, question_cues, spans
from bot.slots import takes
from bot.sum_cues import figure_spans, figures_asked

if TYPE_CHECKING:
    from bot.matcher import Match, Matcher
    from bot.normalize import Normalized
    from bot.reading import Reader
    from bot.reply import Reply
    from bot.understanding import Clause

TOPIC_LABEL = 4  # words at most of a topic put before the question ("Trung cấp LLCT: …")
_ASK_AT_END = 3  # words of a topic's own question at its end ("… là bao nhiêu?")
_MOST = 6  # facts a topic's every figure may be: more, and the topic is too broad to list
_PERIODS = frozenset({"nam", "thang", "ky", "dot", "khoa", "lan"})  # "mỗi năm": per period
_MORE_REQUEST = frozenset({"het", "ve", "day", "du", "toan", "bo", "of", "on", "about", "for"})


def requested_topic(reader: Reader, head: str) -> str | None:
    """The topic of a head that only asks for its figures ("xin các số liệu về lý luận chính
    trị", "cho em hết số liệu bồi dưỡng quản lý nhà nước"), else None."""
    reading = reader.reading
    words = reader.words(head)
    folded, tokens = words.folded, words.tokens
    asking = _asking_all(reader, words)  # "liệt kê", "xếp từ lớn đến nhỏ": a request too
    # what is asked for ("số liệu"; not the "thứ" of "xếp theo thứ tự")
    things = [(a, b) for a, b in spans(folded, reading.list_things, tokens) if a not in asking]
    if not things:
        return None  # "Cấp huyện: …" is a label (Items.label), "Báo cáo: …" an opener
    request = reading.announcing_words | reader.light_words | _MORE_REQUEST
    first = min(a for a, _ in things)
    roles = reader.kb.tables.number_roles  # "cho biết 3 con số về …": how many, asked for
    if any(
        w not in request and i not in asking and count_of(w, roles) is None
        for i, w in enumerate(folded[:first])
    ):
        return None  # "Cảm ơn bot đã trả lời câu trước, …": more than a request before it
    start = max(b for a, b in things if a == first)  # "số liệu", not "số" alone
    while start < len(folded) and folded[start] in request:
        start += 1
    topic = " ".join(tokens[start:])
    if len(folded) - start < 2 or not reader.responder.matcher.names_a_value(reader.words(topic)):
        return None  # "Câu đố truyền hình: …": no value of the article's facts
    return topic


def with_shared_topic(reader: Reader, question: str, clauses: list[Clause]) -> list[Clause]:
    """The items after a topic head ending at a colon, each read with the head's topic, when
    each then names one fact of its own; else `clauses` as they are."""
    first = clauses[0].text if len(clauses) > 1 else ""
    if not first or not re.match(rf"\s*{re.escape(first)}\s*:", question.lower()):
        return clauses
    topic = requested_topic(reader, first)
    if topic is None:
        return clauses
    items = message_memo.clauses(question, reader.reading, reader.kb.tables, as_list=True)
    if len(items) < 3 or items[0].text != first:
        return clauses
    if len(items) > 3 and _only_a_request(reader, items[-1].text):
        items = items[:-1]  # "…: A, B, C. Cho cô đủ 3 con số.": no item
    read: list[tuple[Clause, tuple[str, ...]] | None] = []
    for item in items[1:]:
        if "," not in item.text:
            read.append(_with_topic(reader, item, topic))
            continue
        # "cao cấp, trung cấp huyện": an item still a list — each of its values with the topic,
        # when every one then is a fact of the level the last names (else read as before)
        values = [replace(item, text=t.strip()) for t in item.text.split(",") if t.strip()]
        each = [_with_topic(reader, value, topic) for value in values]
        if not _one_level(reader, each):
            return clauses
        read.extend(each)
    if any(r is None for r in read):
        return clauses
    if len({fact for _, fact in read}) < len(read):  # type: ignore[misc]
        return clauses
    return [item for item, _ in read]  # type: ignore[misc]


def _only_a_request(reader: Reader, text: str) -> bool:
    """A piece that only asks for the figures ("cho cô đủ 3 con số", "gửi giúp mình nhé")."""
    words = reader.words(text)
    things = {
        i
        for a, b in spans(words.folded, reader.reading.list_things, words.tokens)
        for i in range(a, b)
    }
    request = reader.reading.announcing_words | reader.light_words | _MORE_REQUEST
    roles = reader.kb.tables.number_roles
    return all(
        i in things or w in request or count_of(w, roles) is not None
        for i, w in enumerate(words.folded)
    )


def _one_level(reader: Reader, read: list[tuple[Clause, tuple[str, ...]] | None]) -> bool:
    """Every value read as one fact, all of the one level the last one's fact has."""
    if any(r is None or len(r[1]) != 1 for r in read):
        return False
    levels = [reader.kb.values_of(r[1][0], "level") for r in read if r is not None]
    return all(level == levels[-1] for level in levels)


def _with_topic(reader: Reader, item: Clause, topic: str) -> tuple[Clause, tuple[str, ...]] | None:
    """The item read with the head's topic, answered (its facts); or, when it is not, the
    item alone if answered ("…: đại học, …, đảng viên": party members have no level
    of schooling); else None."""
    for text in (f"{item.text} {topic}", item.text):
        reply = reader.single(text, reader.match(text), ())
        if reply.status == "answer":  # one fact, or a group ("học trung cấp": both levels)
            return replace(item, text=text), reply.intents
    return None


def _asking_all(reader: Reader, words: Normalized) -> set[int]:
    """Positions of words that ask for every figure or a ranking ("liệt kê", "tất cả", "xếp
    theo thứ tự từ lớn đến nhỏ")."""
    reading, folded, tokens = reader.reading, words.folded, words.tokens
    lists = (
        reading.every_figure_asks,
        reading.descending_words,
        reading.ascending_words,
        reading.rank_requests,
    )
    return {i for phrases in lists for a, b in spans(folded, phrases, tokens) for i in range(a, b)}


def figures_of_topic(reader: Reader, question: str, clauses: list[Clause]) -> list[str] | None:
    """ "Liệt kê các con số về cử cán bộ đi học lý luận chính trị": every counting fact that
    takes each value the topic names (two to `_MOST`), when the message asks for all of them
    and nothing else but an order; else None."""
    if not clauses:
        return None  # ":", "???": nothing read
    head = reader.words(clauses[0].text)
    folded, tokens, reading = head.folded, head.tokens, reader.reading
    figures = figure_spans(folded, tokens, reading)  # "con số", "số liệu"
    every = spans(folded, reading.every_figure_asks, tokens)
    listing = {b for _, b in spans(folded, reading.listing_asks, tokens)}
    # "liệt kê các con số …", "tất cả số liệu …", "các con số về …" (not "các mục tiêu …",
    # "tất cả số cán bộ …": one figure)
    if not any(figures_asked(folded, b, figures, b in listing) for _, b in every):
        return None
    for clause in clauses[1:]:  # "…, xếp theo thứ tự từ lớn đến nhỏ": how, not what
        words = reader.words(clause.text)
        asking = _asking_all(reader, words)
        if any(i not in asking and w not in reader.light_words for i, w in enumerate(words.folded)):
            return None
    topic = requested_topic(reader, clauses[0].text)
    if topic is None:
        return None
    words = reader.words(topic)  # "… lý luận chính trị xếp theo thứ tự": the order aside
    if "," in topic or not _one_thing(reader, words, head):
        return None  # "các con số về A, B và C": items, read as a list
    asking = _asking_all(reader, words)
    topic = " ".join(t for i, t in enumerate(words.tokens) if i not in asking)
    named = reader.responder.matcher.slot_values(reader.words(topic))
    named.pop("ask", None)
    named.pop("role", None)  # "cán bộ": whom every figure of the article counts
    if not named:
        return None
    found = [
        i.id
        for i in reader.kb.intents
        if i.kind == "fact" and i.figures and "count" in i.slots.get("ask", ()) and takes(i, named)
    ]
    return found if 2 <= len(found) <= _MOST else None


def reads_by_topic(reader: Reader, question: str) -> bool:
    """Whether the message is a topic head and items each naming one fact with its topic."""
    # (cut as a list: "cho biết 3 con số về …: A, B, C" is one clause of a question)
    clauses = message_memo.clauses(question, reader.reading, reader.kb.tables, as_list=True)
    return with_shared_topic(reader, question, clauses) is not clauses


def _one_thing(reader: Reader, words: Normalized, head: Normalized) -> bool:
    """A topic that joins nothing, in a head that asks nothing before its last words ("… trình
    độ đại học", not "trong tất cả số đó bao nhiêu người …": one figure asked)."""
    reading, folded, tokens = reader.reading, words.folded, words.tokens
    if has_phrase(folded, reading.drop_joiners, tokens):
        return False
    if has_phrase(folded, reading.keep_joiners, tokens):
        return False
    last = len(head.folded) - _ASK_AT_END
    asking = _asking_all(reader, head)  # "liệt kê" asks for the list itself
    cues = question_cues(head.folded, head.tokens, reading)
    return all(a >= last or a in asking for a, _ in cues)


def every_figure_of(
    reader: Reader, question: str, clauses: list[Clause], match: Match
) -> Reply | None:
    """The reply giving every figure of a topic asked for (`figures_of_topic`), else None."""
    every = figures_of_topic(reader, question, clauses)
    if every is None:
        return None
    group = smallest_group(reader.groups, every)
    score = max(reader.kb.settings.thresholds.answer, *(c.score for c in match.candidates[:1]))
    return reader.responder.answer_many(question, every, score, group)


def with_shared_predicate(reader: Reader, clauses: list[Clause]) -> list[Clause]:
    """What the last clause asks or says said of the clauses before it, as each needs
    (`_with_asked_of_each`, then `with_trailing_predicate`)."""
    return with_trailing_predicate(reader, _with_asked_of_each(reader, clauses))


def _with_asked_of_each(reader: Reader, clauses: list[Clause]) -> list[Clause]:
    """ "Cán bộ xã và công chức xã, mỗi loại được đào tạo về cái gì?": the things named first,
    each read with what the last clause asks of each — when each then names a fact of its own;
    else `clauses` as they are."""
    if len(clauses) < 3 or any(c.own_cue for c in clauses[:-1]):
        return clauses
    last = reader.words(clauses[-1].text)
    each = spans(last.folded, reader.reading.distributive_cues, last.tokens)
    opening = max((b for a, b in each if a == 0), default=0)
    if opening < 2 or last.folded[1] in _PERIODS:
        return clauses  # "mỗi loại …" opens the clause that asks (not "mỗi năm": per year)
    asked = " ".join(last.tokens[opening:])
    if not question_cues(last.folded, last.tokens, reader.reading):
        return clauses
    read = [_with_topic(reader, c, asked) for c in clauses[:-1]]
    if any(r is None or r[0].text == c.text for r, c in zip(read, clauses, strict=False)):
        return clauses  # a thing that names a fact with what is asked, each
    facts = [fact for _, fact in read]  # type: ignore[misc]
    if len(set(facts)) < len(facts):
        return clauses
    return [replace(item, own_cue=True) for item, _ in read]  # type: ignore[misc]


_TAIL_MOST = 4  # words after the last clause's question that may be said of every clause
_ASK_MOST = 3  # words of a clause's closing question ("mấy người", "bao nhiêu người")
_PREDICATE_SLOTS = frozenset({"stage", "ask"})  # what a shared predicate may say: sent or held


def with_trailing_predicate(reader: Reader, clauses: list[Clause]) -> list[Clause]:
    """ "Đại học mấy người, thạc sĩ mấy người được cử đi?": what the last clause says after the
    question the clauses before close with ("được cử đi"), said of each of them that is unclear
    alone — each read with it when it then names a fact; else `clauses` as they are."""
    if len(clauses) < 2 or not all(c.own_cue for c in clauses):
        return clauses
    last = reader.words(clauses[-1].text)
    read = list(clauses)
    for at, clause in enumerate(clauses[:-1]):
        tail = _said_after(reader, reader.words(clause.text), last)
        if not tail or reader.single(clause.text, reader.match(clause.text), ()).status == "answer":
            continue
        text = f"{clause.text} {' '.join(tail)}"
        if reader.single(text, reader.match(text), ()).status == "answer":
            read[at] = replace(clause, text=text)
    return read


def _said_after(reader: Reader, words: Normalized, last: Normalized) -> tuple[str, ...]:
    """The last clause's words after the question `words` closes with ("mấy người"), when it
    asks the same one and says a few words more; else ()."""
    cues = question_cues(words.folded, words.tokens, reader.reading)
    if not cues:
        return ()
    ask = tuple(words.folded[max(a for a, _ in cues) :])
    if len(ask) > _ASK_MOST:
        return ()
    for at in range(1, len(last.folded) - len(ask)):
        if tuple(last.folded[at : at + len(ask)]) == ask:
            tail = tuple(last.tokens[at + len(ask) :])
            named = reader.responder.matcher.slot_values(reader.words(" ".join(tail)))
            # a predicate ("được cử đi", "hiện có"), never a thing of its own ("… cán bộ xã")
            return tail if len(tail) <= _TAIL_MOST and set(named) <= _PREDICATE_SLOTS else ()
    return ()


def is_a_label(matcher: Matcher, before: str, words: Normalized) -> bool:
    """A topic's label before a colon: a value named, in few words or in hardly any besides its
    values ("Trung cấp lý luận chính trị: …", never "Đồng chí liệt kê giúp tôi: …")."""
    few = len(before.split()) <= TOPIC_LABEL or matcher.slots.words_outside_values(words) <= 1
    return few and matcher.names_a_value(words)
