"""What a reply says of the figures a message checks ("em ấy ghi 721 đảng viên, đúng không?"):
whether the article bears them out, the fact each is of when the bot would ask back, the fact
beside the one asked when the figure is another's, a declared sum claimed, and a figure claimed
of something the article never counts (claims.py finds the claims)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from typing import TYPE_CHECKING

from bot.group_facts import exact_group, smallest_group
from bot.hearsay import without_hearsay
from bot.last_sentence import SENTENCES
from bot.normalize import canonical_number
from bot.reply import Reply
from bot.rounding import nearest_figure

if TYPE_CHECKING:
    from bot.claims import Claim
    from bot.kb import KnowledgeBase
    from bot.reading import Reader


class ClaimChecks:
    def __init__(self, reader: Reader) -> None:
        self.reader = reader
        self.responder, self.kb = reader.responder, reader.kb

    def checked(
        self, question: str, reply: Reply, claims: tuple[Claim, ...], earlier: Sequence[str] = ()
    ) -> Reply:
        """`reply` led by whether the article bears out the figures claimed (once: "26 hay 62
        vậy? ông mình nhớ là 62" checks 62 in its first sentence)."""
        messages = self.responder.messages
        heads = (messages.claim_found, messages.claim_partly, messages.claim_missing)
        if any(_opens_with(reply.text, h) for h in heads):
            return reply
        rounded = self._near_the_sum(question, reply, claims, earlier)
        rounded = rounded or self._near_the_last(question, claims, earlier)
        if rounded is not None:
            return rounded
        if _opens_with(reply.text, messages.meaning_header):
            return reply  # "số 28 ghi mấy chỗ": what the figure is, already said
        reply = self._of_the_last(question, reply, claims, earlier)
        reply = self._confirmed(question, reply, claims)
        reply = self._subject_named(question, reply, claims)
        reply = self._with_figure_owner(question, reply, claims)
        owned = self._owner_beside_unstated(question, reply, claims)
        if reply.status != "answer" or owned is not reply:
            return owned
        summed = self._summed(question, reply, claims)
        if summed is not None:
            return summed
        shown = self.reader.figures.as_the_article_writes
        given = set(reply.intents)
        found = [c.number for c in claims if c.counts and given & set(self._holders(c.number))]
        found = list(dict.fromkeys(shown(n) for n in found))
        year_given = any(c.claims_year for c in claims) and all(
            gives_year(self.kb, i) for i in given
        )
        missing = any(c.missing for c in claims) or year_given
        if found and missing:  # "bài nói 381 người … mà hiện chỉ có 168": one line says both
            head = messages.claim_partly.format(number=", ".join(found))
        elif found:
            head = messages.claim_found.format(number=", ".join(found))
        elif missing:
            head = messages.claim_missing
        else:
            return reply
        return replace(reply, text=f"{head}\n{reply.text}")

    def _of_the_last(
        self, question: str, reply: Reply, claims: tuple[Claim, ...], earlier: Sequence[str]
    ) -> Reply:
        """ "chắc chưa? mình đọc chỗ khác thấy ghi 249" right after the commune's staff: figures
        the article lacks, in a message that names nothing of its own (nor another place), are
        checked against the one count just given."""
        if reply.status == "answer" or reply.unstated or not earlier:
            return reply
        last = self.kb.intent(earlier[-1])
        if last is None or not last.figures or not all(c.missing and c.counts for c in claims):
            return reply
        if "count" not in last.slots.get("ask", frozenset()):
            return reply
        words = self.reader.words(question)
        allowed = self.kb.settings.recheck_words | self.responder.light_words
        if any(not w[:1].isdigit() and w not in allowed for w in words.folded):
            return reply  # "có 20 người bị kỷ luật à": a figure of something else
        return self.responder.answer_as(question, last, self.kb.settings.thresholds.answer)

    def _near_the_sum(
        self, question: str, reply: Reply, claims: tuple[Claim, ...], earlier: Sequence[str]
    ) -> Reply | None:
        """ "chị đọc là khoảng 350 được không" right after a sum (55 + 300): the figure claimed
        is that sum rounded — the parts and their sum again, not the part read of it."""
        group = exact_group(self.kb.groups, earlier)
        if group is None or group.total is None or not set(reply.intents) <= set(earlier):
            return None
        total = canonical_number(group.total.value)
        if not claims or not all(c.missing and c.counts for c in claims):
            return None
        figures = [total, *(f for p in group.parts if (i := self.kb.intent(p)) for f in i.figures)]
        if not any(nearest_figure(float(c.number), figures) == total for c in claims):
            return None  # "hình như là 721" after 712 and 28: the first, not their 740
        whole = self.responder.answer_many(
            question, list(group.parts), reply.score, group, with_total=True
        )
        head = self.responder.messages.claim_rounded_sum.format(number=group.total.value)
        return replace(whole, text=f"{head}\n{whole.text}")

    def _near_the_last(
        self, question: str, claims: tuple[Claim, ...], earlier: Sequence[str]
    ) -> Reply | None:
        """ "làm tròn là khoảng 10 người nhỉ?" right after the 11: a figure said rounded, near
        the one just given, is that one rounded — though the article writes it elsewhere (the 10
        young leaders) — when the words name nothing else."""
        last = self.kb.intent(earlier[-1]) if earlier else None
        words = self.reader.words(question)
        cues = self.kb.settings.rounding_cues
        if last is None or len(claims) != 1 or not any(w in cues for w in words.folded):
            return None
        if self.responder.matcher.names_a_value(words) or claims[0].number in last.figures:
            return None
        said = float(claims[0].number)
        near = [f for f in last.figures if abs(float(f) - said) <= max(0.1 * float(f), 1.0)]
        if not near:
            return None
        answer = self.responder.answer_as(question, last, self.kb.settings.thresholds.answer)
        shown = self.reader.figures.as_the_article_writes(near[0])
        head = self.responder.messages.claim_rounded.format(number=shown)
        return replace(answer, text=f"{head}\n{answer.text}")

    def _summed(self, question: str, reply: Reply, claims: tuple[Claim, ...]) -> Reply | None:
        """ "trung cấp LLCT 355 người đúng không?": a figure the article never writes that is
        the declared sum of the group whose every part the reply gives — and their sum."""
        given = set(reply.intents)
        for group in self.kb.groups:
            total = group.total
            if total is None or given != set(group.parts):
                continue  # (a total claimed of one part is no sum: "cấp xã có 355 …?")
            value = canonical_number(total.value)
            if not any(c.missing and c.number == value for c in claims):
                continue
            parts = list(group.parts)
            whole = self.responder.answer_many(question, parts, reply.score, group, with_total=True)
            head = self.responder.messages.claim_sum.format(number=total.value)
            return replace(whole, text=f"{head}\n{whole.text}")
        return None

    def _subject_named(self, question: str, reply: Reply, claims: tuple[Claim, ...]) -> Reply:
        """ "trên mạng ghi 82 người học thạc sĩ, có chính xác không?": a count claimed of a
        subject the bot ranks far ahead of any other is asked of that subject (the reply says
        the article has no such figure first)."""
        if reply.status != "clarify" or not reply.candidates:
            return reply
        if not any(c.missing for c in claims):
            return reply
        scores = [score for _, score in reply.candidates[:2]] + [0.0]
        thresholds = self.kb.settings.thresholds
        if scores[0] < thresholds.clarify or scores[0] - scores[1] < thresholds.lead:
            return reply
        return self.responder.answer_intent(reply.candidates[0][0], question=question) or reply

    def _confirmed(self, question: str, reply: Reply, claims: tuple[Claim, ...]) -> Reply:
        """Of the facts the bot would ask back about, the one the claimed figure is of ("có
        phải 115 cán bộ cấp xã …?": the article's 115 are the district's, and its answer
        says so)."""
        if reply.status != "clarify":
            return reply
        holders = {h for c in claims if c.in_article for h in self._holders(c.number)}
        said = self._claim_sentence(question, claims)
        if said is not None:  # "Tôi làm kiểm chứng …. Huyện có 1.999 cán bộ, công chức. Đúng
            alone = self.reader.single(said, self.reader.match(said), ())  # không?": that one
            if alone.status == "answer" and set(alone.intents) <= holders:
                return replace(alone, question=question)
        offered = [s.intent_id for s in reply.suggestions] + [c for c, _ in reply.candidates[:5]]
        of_figure = [i for i in dict.fromkeys(offered) if i in holders]
        if len(of_figure) > 1:  # "huyện có 1.999 cán bộ đúng không": the staff, whose own count
            counted = {c.number for c in claims if c.in_article}  # it is, not a share's whole
            own = [
                i for i in of_figure if (f := self.kb.intent(i)) and set(f.figures[:1]) & counted
            ]
            of_figure = own if len(own) == 1 else of_figure
        if len(of_figure) == 1:
            return self.responder.answer_intent(of_figure[0], question=question) or reply
        # "qlnn huyện 115 cộng xã 128 là bao nhiêu, đúng không?": each figure of one fact
        known = [self._holders(c.number) for c in claims if c.in_article]
        facts = [h[0] for h in known if len(h) == 1]
        if len(facts) < 2 or len(facts) != len(known) or not set(facts) <= set(offered):
            return reply
        group = smallest_group(self.reader.groups, facts)
        total = self.reader.totals.asks_total(question)
        return self.responder.answer_many(question, facts, reply.score, group, with_total=total)

    def _with_figure_owner(self, question: str, reply: Reply, claims: tuple[Claim, ...]) -> Reply:
        """ "có 300 cán bộ cấp huyện học trung cấp, phải không?": the article's 300 are the
        communes'; "có phải 1.066 người là đảng viên?": its 1.066 hold a degree. The fact asked,
        and beside it the one the figure is of (its only one)."""
        if reply.status != "answer":
            return reply
        given = list(reply.intents)
        owners = [o for o in self._owners(claims) if o not in given]
        if not owners:
            return reply
        facts = list(dict.fromkeys((*given, *owners)))
        group = smallest_group(self.reader.groups, facts)
        answered = self.responder.answer_many(question, facts, reply.score, group)
        # what the article never says, told of another part ("…, 28 người học tiến sĩ …?")
        unsaid = self.responder.messages.unstated.split("{", 1)[0]
        notes = [line for line in reply.text.splitlines() if line.startswith(unsaid)]
        return replace(answered, text="\n".join((answered.text, *notes))) if notes else answered

    def _owner_beside_unstated(
        self, question: str, reply: Reply, claims: tuple[Claim, ...]
    ) -> Reply:
        """ "bài này nói 1.800 lượt viên chức y tế đúng không?": the article says nothing of
        what is named (health), and the figure claimed is its own of something else (the
        education sector) — both said, the figure's fact answered."""
        if reply.status != "fallback" or not reply.unstated:
            return reply
        owners = list(dict.fromkeys(self._owners(claims)))
        if len(owners) != 1:
            return reply
        owner = self.responder.answer_many(question, owners, reply.score)
        messages, shown = self.responder.messages, self.reader.figures.as_the_article_writes
        numbers = ", ".join(shown(c.number) for c in claims if c.in_article and c.counts)
        said = reply.text.split("\n", 1)[0]  # what the article does not say
        found = messages.claim_found.format(number=numbers)
        return replace(owner, text=f"{said}\n{found}\n{owner.text}")

    def _claim_sentence(self, question: str, claims: tuple[Claim, ...]) -> str | None:
        """The one sentence of a message of several that writes every figure claimed."""
        sentences = [s for s in SENTENCES.split(question.strip()) if s]
        written = counted_figures(claims)
        holding = [s for s in sentences if written and all(w in s for w in written)]
        if len(sentences) < 2 or len(holding) != 1:
            return None
        return without_hearsay(self.reader, holding[0]) or holding[0]  # "có người nói rằng …"

    def _owners(self, claims: tuple[Claim, ...]) -> list[str]:
        """The one fact each counted figure claimed is of, for figures the article writes once."""
        holders = [self._holders(c.number) for c in claims if c.in_article and c.counts]
        return [h[0] for h in holders if len(h) == 1]

    def _holders(self, number: str) -> list[str]:
        return self.responder.facts_with_figure(number)


def _opens_with(text: str, head: str) -> bool:
    """Whether the reply's first line is `head` with its figure filled in."""
    first = text.split("\n")[0]
    return first.startswith(head.split("{number}")[0]) and head.split("}")[-1] in first


def counted_figures(claims: tuple[Claim, ...]) -> list[str]:
    """The figures claimed that the article writes and that count (as the message writes them)."""
    return [c.written for c in claims if c.in_article and c.counts]


def gives_year(kb: KnowledgeBase, intent_id: str) -> bool:
    """Whether the fact answers when (a year claimed of it is its own year, checked)."""
    intent = kb.intent(intent_id)
    return intent is not None and "when" in intent.slots.get("ask", ())
