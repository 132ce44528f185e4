"""What the article cannot speak to, whatever else a question names: another place (a rule of
knowledge/matching.yaml `scope_rules:`), a year it has no figure for, or one after it was
published."""

from __future__ import annotations

import re

from bot.kb import KnowledgeBase
from bot.normalize import Normalized

_YEAR = re.compile(r"^(19|20)\d\d$")


class Scope:
    def __init__(self, kb: KnowledgeBase) -> None:
        self.kb = kb
        years = re.findall(r"\b(?:19|20)\d\d\b", kb.messages.article.published)
        self._published_year = int(years[-1]) if years else 9999

    def outside(self, question: Normalized) -> str | None:
        """The message that says why the article cannot answer, or None when it may."""
        folded = question.folded_text
        for rule in self.kb.settings.scope_rules:
            if rule.pattern.search(folded):
                return rule.message
        settings = self.kb.settings
        words = ("", "", *question.folded)
        for earlier, before, word in zip(words, words[1:], words[2:], strict=False):
            # "năm 2019": a year the article does not cover ("gần 2000 cán bộ" is no year), or
            # one after it was published ("sau năm 2020"; but "đến năm 2020" is its horizon)
            if before not in settings.year_cues or not _YEAR.match(word):
                continue
            unknown = word not in self.kb.article_numbers
            later = int(word) > self._published_year and earlier not in settings.horizon_cues
            if unknown or later:
                return self.kb.messages.fallback_unknown_year.format(year=word)
        return None
