"""Attributes the article never gives for the facts it does give ("học mấy năm?", "tốn bao
nhiêu tiền?"): whether a question asks one (knowledge/understanding.yaml `unstated:`)."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace
from functools import lru_cache
from typing import TYPE_CHECKING

from bot.clause_choice import lead_of
from bot.kb.model import KnowledgeBase, Understanding, Unstated
from bot.normalize import Normalized
from bot.phrases import ends_with, has_phrase
from bot.regex_heads import heads_anywhere
from bot.reply import Reply, Suggestion
from bot.understanding import numbers_in
from bot.values import value_class

if TYPE_CHECKING:
    from bot.answer import Responder
    from bot.matcher import Match
    from bot.reading import Reader


def asked_unstated(accented_text: str, folded_text: str, reading: Understanding) -> Unstated | None:
    """The attribute the article never gives that the question asks for, if any (kept for
    the last texts asked: reading one message asks it of the same text several times)."""
    _READINGS.setdefault(id(reading), reading)
    return _asked_unstated(accented_text, folded_text, id(reading))


_READINGS: dict[int, Understanding] = {}  # the word lists of this process, by identity


@lru_cache(maxsize=8192)  # and from message to message: clauses and follow-ups recur
def _asked_unstated(accented_text: str, folded_text: str, reading_id: int) -> Unstated | None:
    unstated = _READINGS[reading_id].unstated
    for _, attribute, pattern, folded in _tried(_heads(reading_id), accented_text, folded_text):
        if pattern.search(folded_text if folded else accented_text):
            return unstated[attribute]  # the first attribute, in order, that any pattern finds
    return None


# a pattern, in the order of the attributes: (place, attribute, pattern, read folded)
_Entry = tuple[int, int, "re.Pattern[str]", bool]
_WORD = re.compile(r"\w+")


@value_class
class _Heads:
    """The attributes' patterns by the words one of which every match begins with, or holds
    past the look-arounds and ".*" it opens with (the folded ones in the folded text, the
    others as written), and those whose beginning is not known."""

    folded: dict[str, tuple[_Entry, ...]]
    accented: dict[str, tuple[_Entry, ...]]
    prefixed: tuple[tuple[_Entry, tuple[str, ...]], ...]
    always: tuple[_Entry, ...]


def _tried(heads: _Heads, accented_text: str, folded_text: str) -> list[_Entry]:
    """The patterns that may match (a pattern whose first word a text lacks finds nothing in
    it: one search of all of them at once was ~55 µs a long clause), in the attributes' order."""
    tried = set(heads.always)
    for entry, prefixes in heads.prefixed:
        text = folded_text if entry[3] else accented_text
        if any(prefix in text for prefix in prefixes):
            tried.add(entry)
    for text, by_word in ((folded_text, heads.folded), (accented_text, heads.accented)):
        for word in by_word.keys() & _WORD.findall(text):
            tried.update(by_word[word])
    return sorted(tried) if len(tried) > 1 else list(tried)


@lru_cache(maxsize=8)
def _heads(reading_id: int) -> _Heads:
    return patterns_by_head(_READINGS[reading_id])


def patterns_by_head(reading: Understanding) -> _Heads:
    """Every attribute's patterns by their first words (bot/regex_heads.py)."""
    by_kind: dict[bool, dict[str, list[_Entry]]] = {True: {}, False: {}}
    prefixed: list[tuple[_Entry, tuple[str, ...]]] = []
    always: list[_Entry] = []
    patterns = [
        (n, pattern, folded)
        for n, attribute in enumerate(reading.unstated)
        for folded, kind in ((True, attribute.folded), (False, attribute.accented))
        for pattern in kind
    ]
    for place, (n, pattern, folded) in enumerate(patterns):
        entry = (place, n, pattern, folded)
        words, prefixes = heads_anywhere(pattern.pattern, pattern.flags)  # or after a ".*"
        if words is not None:
            for word in words:
                by_kind[folded].setdefault(word, []).append(entry)
        elif prefixes is not None:
            prefixed.append((entry, prefixes))
        else:
            always.append(entry)
    folded_by, accented_by = ({w: tuple(e) for w, e in by_kind[k].items()} for k in (True, False))
    return _Heads(folded_by, accented_by, tuple(prefixed), tuple(always))


def only_asks(attribute: Unstated, words: Normalized, light: frozenset[str]) -> bool:
    """Whether the question asks nothing but `attribute` ("ai ký?", "ai ky ko biet"): after a
    fact, it asks that attribute of that fact, whatever other fact states it."""
    folded_text = rest = words.folded_text
    for pattern in attribute.folded:
        rest = pattern.sub(" ", rest)
    return rest != folded_text and all(w in light for w in rest.split())


def asks_attribute_only(reading: Understanding, words: Normalized, light: frozenset[str]) -> bool:
    """Whether the question asks nothing but an attribute the article may not give ("ai ký?")."""
    attribute = asked_unstated(" ".join(words.tokens), words.folded_text, reading)
    return attribute is not None and only_asks(attribute, words, light)


def asks_unstated(reader: Reader, match: Match) -> bool:
    """The message asks an attribute the article never gives: no tail of it is its question."""
    said = match.question
    return asked_unstated(" ".join(said.tokens), said.folded_text, reader.reading) is not None


def states_of(kb: KnowledgeBase, intent_id: str) -> frozenset[str]:
    """The attributes a fact states besides its figure (`slots: states:`, "field_of_study")."""
    intent = kb.intent(intent_id)
    return intent.slots.get("states", frozenset()) if intent else frozenset()


def of_last_fact(kb: KnowledgeBase, earlier: tuple[str, ...], reply: Reply) -> bool:
    """Whether an attribute asked alone is of the chat's last fact rather than of the reply's:
    the reply's fact is of another topic (the byline "signs" the article; "ai ký?" after the
    resolution asks its signer)."""
    last = kb.intent(earlier[-1]) if earlier else None
    given = kb.intent(reply.intents[0]) if reply.intents else None
    return last is not None and given is not None and last.topic != given.topic


def asks_unstated_of(kb: KnowledgeBase, match: Match, before: Match | None = None) -> bool:
    """ "…, mấy ngày?", "…, học ở đâu?": a bare clause asking what the article never gives, of
    the clause `before` — unless its own best guess, clearly ahead, gives it ("…, đăng ngày
    nào?": the article's date; not "…, giữ chức gì?", as like promotions as the quoted
    official), or the clause before asks about what states it ("ai được trích lời, giữ chức
    gì?")."""
    question = match.question
    attribute = asked_unstated(" ".join(question.tokens), question.folded_text, kb.understanding)
    if attribute is None:
        return False
    best = match.candidates[0].intent if match.candidates else None
    first = before.candidates[0].intent if before and before.candidates else None
    # "nghị quyết 03 …, ai ký?": asked of the resolution, not of the byline "ai ký" alone gets
    sure = lead_of(match) >= kb.settings.thresholds.lead and (
        first is None or best is None or best.topic == first.topic
    )
    return not any(
        i is not None and attribute.id in i.slots.get("states", ())
        for i in (best if sure else None, first)
    )


def told_unstated(
    responder: Responder, question: str, reply: Reply, what: str, close: Sequence[str]
) -> Reply:
    """What the article does not say (`what`), with the facts `close` to it offered."""
    kb = responder.kb
    suggestions = tuple(
        Suggestion(i.id, i.question)
        for i in (kb.intent(x) for x in close[:3])
        if i is not None and i.kind != "smalltalk"
    )
    text = responder.messages.unstated.format(what=what)
    if suggestions:
        text += "\n" + responder.messages.unstated_nearby
        text += "".join(f"\n• {s.question}" for s in suggestions)
    return Reply(
        question,
        "fallback",
        text,
        None,
        reply.score,
        suggestions,
        normalized=reply.normalized,
        candidates=reply.candidates,
        unstated=what,
    )


def unstated_of(
    reader: Reader, question: str, match: Match, reply: Reply, earlier: tuple[str, ...]
) -> Reply:
    """`reply` told as what the article never says when the question asks such an attribute
    ("học mấy năm?"), of the facts it leans on (the figure named, the last fact, those just
    given), unless one of them states it."""
    words = match.question
    attribute = asked_unstated(" ".join(words.tokens), words.folded_text, reader.reading)
    if reply.status == "smalltalk" or attribute is None:
        return reply
    close = reply.intents or tuple(s.intent_id for s in reply.suggestions)
    # "10 cán bộ trẻ cấp huyện đó tên gì?": of the facts the figure named is of
    figured = [f for n in numbers_in(question) for f in reader.responder.facts_with_figure(n)]
    if figured and not set(figured) & set(close):
        close = tuple(dict.fromkeys(figured))
    if of_last_fact(reader.kb, earlier, reply) and only_asks(attribute, words, reader.light_words):
        close = earlier[-1:]  # "ai ký?" after the resolution: its signer, not the byline's
    elif earlier and reader.responder.follow_ups.words.points_back(words):
        # "ủa mấy người đó tên gì v": of the facts just given — but "ông ấy làm chức gì" after
        # facts naming no one is the one person the reply names (the quoted official)
        close = close if _names_someone(reader.kb, close, earlier) else earlier
    if any(attribute.id in states_of(reader.kb, i) for i in close):
        return reply
    guessed = len(set(figured)) == 1 and _guesses_what_it_counts(words, reader.reading)
    if guessed and not reader.claims.stated(question):  # (a claim is checked as one)
        return told_beside(reader, question, reply, attribute.label, figured[0])
    return told_unstated(reader.responder, question, reply, attribute.label, close)


def _names_someone(kb: KnowledgeBase, close: Sequence[str], earlier: Sequence[str]) -> bool:
    """The facts close to the question name a person (`person_named`), the earlier ones none."""

    def named(ids: Sequence[str]) -> bool:
        return any("person_named" in i.slots for i in map(kb.intent, ids) if i is not None)

    return named(close) and not named(earlier)


def _guesses_what_it_counts(words: Normalized, reading: Understanding) -> bool:
    """ "11 người là sao, tiến sĩ à?", "… 11 người là tiến sĩ, đúng không?": a figure of the
    article, with a guess at what it counts put to be confirmed (not "28 người học thạc sĩ
    học ngành gì?", "tên của 19 người … là gì?": what the article never gives of them)."""
    return ends_with(words.tokens, reading.claim_tags) or has_phrase(
        words.folded, reading.confirmations, words.tokens
    )


def told_beside(reader: Reader, question: str, reply: Reply, what: str, fact: str) -> Reply:
    """What the article does not say (`what`), then what the figure asked of counts (`fact`)."""
    responder = reader.responder
    intent = responder.kb.intent(fact)
    if intent is None:
        return reply
    owner = responder.answer_as(question, intent, reply.score)
    said = responder.messages.unstated.format(what=what)
    return replace(owner, text=f"{said}\n{owner.text}")


def asks_unstated_of_content(reader: Reader, match: Match) -> bool:
    """The message names the article's things and asks what it never gives of them."""
    words = match.question
    return reader.responder.matcher.names_a_value(words) and bool(
        asked_unstated(" ".join(words.tokens), words.folded_text, reader.reading)
    )


def unstated_across(reader: Reader, match: Match) -> bool:
    """Whether the message as a whole asks what the article never gives (a figure asked for
    split where the article gives it unsplit), however its clauses read alone."""
    words = match.question
    attribute = asked_unstated(" ".join(words.tokens), words.folded_text, reader.reading)
    return attribute is not None and attribute.across


NAMES = "names"  # the unstated attribute (understanding.yaml) of who, by name


def who_by_name(reader: Reader, question: str, match: Match, meaning: Reply) -> Reply:
    """ "28 ng đó là ai" right after the 28: who they are by name (the article names none of
    them), not again what the figure counts."""
    words = match.question
    names = next((u for u in reader.reading.unstated if u.id == NAMES), None)
    if names is None or not has_phrase(words.folded, reader.reading.name_asks, words.tokens):
        return meaning
    return told_unstated(reader.responder, question, meaning, names.label, meaning.intents)
