"""Two questions said in one breath, with no mark between them (voice typing): "ai viết bài
ai được phỏng vấn trong bài", "bài viết bao nhiêu lượt xem tiêu đề là gì". When the whole is
not answered surely, the message is cut where both sides ask by a word of their own and each,
read alone, is answered surely by a different fact the whole message also ranks near the top;
the cut is read as a comma."""

from __future__ import annotations

from typing import TYPE_CHECKING

from bot import message_memo
from bot.last_sentence import SURE
from bot.phrases import phrase_at, question_cues
from bot.unstated import asks_unstated

if TYPE_CHECKING:
    from bot.reading import Reader
    from bot.reply import Reply

_MARKS = frozenset(",;:.?!")  # a message with a mark inside is cut by it, not here
_FEWEST = 3  # words on each side: "ai viết bài | ai được phỏng vấn"
_RANKED = 3  # each side's fact is among the whole message's first few candidates
_MOST_CUTS = 12  # cuts tried at most (each reads both sides)


def two_questions(reader: Reader, text: str, reply: Reply) -> str | None:
    """`text` with a comma where its second question starts, or None."""
    if reply.status == "answer" and len(reply.intents) > 1:
        return None  # already several facts
    # answered surely: only as one of two questions ("… cao cấp chính trị mấy người học …")
    kept = reply.intents[0] if reply.status == "answer" and reply.score >= SURE else None
    if reply.status not in ("answer", "clarify") or any(m in text.rstrip(" ?.!") for m in _MARKS):
        return None
    words = message_memo.words(reader.responder.matcher, text)
    cues = _wh_cues(reader, words.folded, words.tokens)
    if len(cues) < 2:
        return None
    if asks_unstated(reader, reader.match(text)):
        return None
    ranked = {c.intent.id for c in reader.match(text).candidates[:_RANKED]}
    spoken = text.split()
    owner = _spoken_owners(reader, spoken, len(words.tokens))
    if owner is None:
        return (
            None  # (a word normalization joined, or split across words: positions would not hold)
        )
    first, last = owner[cues[0][1] - 1] + 1, owner[cues[-1][0]]  # cut between them, in words
    cuts = range(max(first, _FEWEST), min(last, len(spoken) - _FEWEST) + 1)
    if kept is not None and not _asked_twice(words.folded, cues):
        # one fact answered surely: cut only right after a question word that closes what is
        # asked ("ông thanh là ai | nghị quyết 03 nói gì"), never inside one question ("how
        # many of the staff | are party members")
        cuts = [c for c in cuts if c in _closing(owner, cues)]
    if len(cuts) > _MOST_CUTS:
        return None  # a long story, not two short questions: each cut reads both sides
    best: tuple[float, str] | None = None
    for cut in cuts:
        left, right = " ".join(spoken[:cut]), " ".join(spoken[cut:])
        if _says(reader, right):
            continue  # "ông thanh là ai | nói gì về cán bộ xã": what he said, of the same man
        first, second = _sure(reader, left, ranked), _sure(reader, right, ranked)
        if first is None or second is None or first[0] == second[0]:
            continue
        if kept is not None and kept not in (*first[0], *second[0]):
            continue
        worst = min(first[1], second[1])
        if best is None or worst > best[0]:
            best = (worst, f"{left}, {right}")
    return best[1] if best else None


def _says(reader: Reader, side: str) -> bool:
    """The side opens by a verb of saying, its speaker left in the side before it."""
    words = message_memo.words(reader.responder.matcher, side)
    return bool(phrase_at(words.folded, reader.reading.speaker_verbs, words.tokens, 0))


def _closing(owner: list[int], cues: list[tuple[int, int]]) -> set[int]:
    """The word positions right after a question word's last word."""
    return {owner[b - 1] + 1 for _, b in cues}


def _asked_twice(folded: tuple[str, ...], cues: list[tuple[int, int]]) -> bool:
    """The same question word and the word after it twice, apart ("… mấy người học … mấy
    người"; not "mấy chức … mấy lượt")."""
    said = [folded[a : b + 1] for a, b in cues]
    return any(
        said[i] == said[j] and cues[i][1] <= cues[j][0]
        for i in range(len(cues))
        for j in range(i + 1, len(cues))
    )


def _spoken_owners(reader: Reader, spoken: list[str], tokens: int) -> list[int] | None:
    """For each token of the message, the spoken word it comes from ("qlnn" is four tokens of
    one word), when each word normalized alone gives one token or, a shorthand, several (never
    none: English "what does the …" reads otherwise), and the whole message as many."""
    if len(spoken) == tokens:
        return list(range(tokens))
    owner: list[int] = []
    for at, word in enumerate(spoken):
        said = len(message_memo.words(reader.responder.matcher, word).tokens)
        if said != 1 and not (said > 1 and _shorthand(word)):  # ("article" is no shorthand)
            return None
        owner += [at] * said
    return owner if len(owner) == tokens else None


def _shorthand(word: str) -> bool:
    """ "qlnn", "llct", "ubnd": letters standing for words, a vowel at most (English words
    read in Vietnamese, "article" → "bài báo", have more)."""
    return word.isalpha() and sum(c in _VOWELS for c in word.lower()) <= 1


_VOWELS = frozenset("aeiouy")


def _wh_cues(reader: Reader, folded: list[str], tokens: list[str]) -> list[tuple[int, int]]:
    """The question words that ask what (not a closing "không": yes or no; nor a "mấy" that
    makes people plural, words of its own after them: "mấy ông chủ chốt ở xã …")."""
    reading = reader.reading
    return [
        (a, b)
        for a, b in question_cues(folded, tokens, reading)
        if (folded[a],) not in reading.yes_no_cues and not _plural(reader, folded, a)
    ]


def _plural(reader: Reader, folded: list[str], at: int) -> bool:
    """A "mấy" making the people after it plural: words of their own follow, no pause — wider
    than question_cues' own plural (bot/phrases.py: at the message's start, before "gì"),
    which a run-on's "mấy ông chủ chốt … bao nhiêu lượt" does not meet. Only where it opens
    what is said (light words before it at most): after words naming a fact, "bồi dưỡng bí thư
    xã mấy người | qlnn …" closes a question with its count."""
    people = reader.reading.plural_people | {w for (w,) in reader.reading.run_on_plurals}
    if folded[at] != "may" or at + 2 >= len(folded) or folded[at + 1] not in people:
        return False
    if not reader.responder.light_words.issuperset(folded[:at]):
        return False
    return (folded[at + 2],) not in reader.reading.spoken_pivots


def _sure(reader: Reader, side: str, ranked: set[str]) -> tuple[tuple[str, ...], float] | None:
    """The facts one side is answered with alone, surely, asking by a word of its own — facts
    the whole message ranks near the top ("mấy người làm trên huyện | thì … học gì": those
    people, no count of them)."""
    words = message_memo.words(reader.responder.matcher, side)
    if not _wh_cues(reader, list(words.folded), list(words.tokens)):
        return None
    alone = reader.single(side, reader.match(side), ())
    fact = reader.kb.intent(alone.intent or "")
    if alone.status != "answer" or alone.score < SURE or fact is None or fact.kind == "smalltalk":
        return None
    return (alone.intents, alone.score) if set(alone.intents) <= ranked else None
