"""A message's words spelled the article's way before anything reads it: as an accent says them
("thế lào": bot/respelling.py; "chung cấp", told by the word beside: bot/heard_pairs.py), typed
in telex or VNI with the input method off ("laf gif": bot/untelex.py; "la2 gi2": bot/unvni.py),
shortened with a dot ("c.bộ", "ng.": bot/dotted.py)."""

from __future__ import annotations

from bot.dotted import undotted
from bot.heard_pairs import heard_pairs
from bot.lexicon import Lexicon
from bot.normalize import Tables
from bot.respelling import respelled
from bot.untelex import untelexed
from bot.unvni import unvni


def spelled_out(question: str, tables: Tables, lexicon: Lexicon) -> str:
    """`question` written the article's way; equal to it when nothing needed writing out."""
    if (typed := unvni(question, tables)) != question:
        return typed  # "ca1n bo65" (read again from the top, which spells out the rest)
    if (heard := respelled(question, tables)) != question:
        return heard  # (read again from the top, which spells out the rest)
    text = heard_pairs(untelexed(question, lexicon, tables), lexicon, tables)
    return undotted(text, tables.dotted) if "." in text else text
