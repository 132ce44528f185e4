"""`understanding:` → Understanding: the word lists that say what a message asks beyond which
fact it names (joiners, cues for totals and meanings, ordinals, yes/no, unstated attributes)."""

from __future__ import annotations

import re

from bot.kb.bound_pairs import article_pairs, listed_pairs
from bot.kb.files import Section
from bot.kb.model import Phrases, Understanding, Unstated
from bot.kb.source import FieldReader, LocatedDict, Problem
from bot.normalize import Tables, clean, fold

_LISTS = (
    "question_cues",
    "distributive_cues",
    "topic_markers",
    "total_cues",
    "difference_cues",
    "comparison_cues",
    "comparison_turns",
    "meaning_cues",
    "affirmative",
    "negative",
    "light_words",
    "introductions",
    "question_openers",
    "confirmations",
    "likeness_asks",
    "numbered_names",
    "claim_cues",
    "shared_asks",
    "bound_asks",
    "part_of_cues",
    "referring_words",
    "exclusion_cues",
    "pick_words",
    "one_at_a_time",
    "list_things",
    "list_all",
    "every_figure_asks",
    "announcing_words",
    "sum_words",
    "sameness_cues",
    "source_frames",
    "topic_frames",
    "frame_not_before",
    "enumerators",
    "yes_no_cues",
    "of_the_one_before",
    "own_place",
    "article_place",
    "article_now",
    "figure_pointers",
    "figure_asks_more",
    "time_anchors",
    "figure_who_cues",
    "figure_elsewhere",
    "figure_places",
    "hearsay_sources",
    "speaker_frames",
    "speaker_about",
    "negations",
    "set_phrases",
    "asker_words",
    "story_words",
    "reciprocal_words",
    "rather_than",
    "contrast_joiners",
    "article_names",
    "time_words",
    "relayed_openers",
    "doubt_cues",
    "instead_cues",
    "pair_markers",
    "pair_words",
    "pair_why",
    "ratio_cues",
    "opening_amounts",
    "opening_topics",
    "largest_words",
    "smallest_words",
    "descending_words",
    "ascending_words",
    "rank_pointers",
    "rank_requests",
    "rank_blockers",
    "figure_things",
    "listing_asks",
    "exercise_labels",
    "closing_requests",
    "request_joiners",
    "vocatives",
    "calls",
    "return_words",
    "return_pointers",
    "acknowledgements",
    "closing_particles",
    "claim_tags",
    "quiz_labels",
    "tag_askers",
    "opening_particles",
    "opening_words",
    "adding_cues",
    "adding_to_total",
    "question_enders",
    "split_cues",
    "name_asks",
    "parts_after",
)
_FIELDS = frozenset(
    {
        *_LISTS,
        "joiners",
        "bound_words",
        "ordinals",
        "unstated",
        "not_cues",
        "claim_ask",
        "claim_year_ask",
        "purpose_asides",
        "purpose_openers",
        "source_asides",
        "indefinite_after",
        "counting_words",
        "counted_after_digits",
    }
)


def read_understanding(
    section: Section, tables: Tables, article: str, problems: list[Problem]
) -> Understanding | None:
    if not isinstance(section.data, LocatedDict):
        problems.append(Problem(section.path, section.line, "understanding: must be a mapping"))
        return None
    root = FieldReader(section.path, section.data, "understanding", problems)
    before = len(problems)
    root.unknown_keys(_FIELDS)

    def phrases(items: tuple[str, ...]) -> Phrases:
        # a word written with diacritics must be typed with them ("cộng" is not "công")
        found = {tuple(_plain_or_marked(w, tables) for w in item.split()) for item in items}
        return tuple(sorted((p for p in found if p), key=lambda p: (-len(p), p)))

    lists = {key: phrases(root.texts(key)) for key in _LISTS}
    joiners = root.section("joiners")
    listing = phrases(joiners.texts("list", required=False)) if joiners else ()
    asking = phrases(joiners.texts("asks", required=False)) if joiners else ()
    drop = phrases(joiners.texts("drop")) + listing + asking if joiners else ()
    keep = phrases(joiners.texts("keep", required=False)) if joiners else ()
    blockers = joiners.texts("not_after", required=False) if joiners else ()
    joined = phrases(joiners.texts("words", required=False)) if joiners else ()
    share = joiners.section("of_a_share") if joiners else None
    of_a_share = (
        (phrases(share.texts("joiners")), phrases(share.texts("after"))) if share else ((), ())
    )
    ordinal_section = root.section("ordinals")
    ordinals = {}
    for key, words in ordinal_section.data.items() if ordinal_section else ():
        if not str(key).isdigit() or not isinstance(words, list):
            ordinal_section.problem(
                key, f"ordinals: {key}: a position (1, 2 …; 0: the last) and its words"
            )
            continue
        ordinals[int(key)] = phrases(tuple(str(w) for w in words))
    unstated = []
    for _, item in root.items("unstated"):
        compiled = {kind: patterns_of(item, kind) for kind in ("folded", "accented")}
        unstated_id, label = item.text("id"), item.text("label")
        if unstated_id and label:
            across = item.data.get("across") is True
            unstated.append(
                Unstated(unstated_id, label, compiled["folded"], compiled["accented"], across)
            )
    asides = {
        key: patterns_of(root, key)
        for key in ("purpose_asides", "source_asides", "purpose_openers")
    }
    if len(problems) > before:
        return None
    return Understanding(
        source_frames=lists["source_frames"],
        topic_frames=lists["topic_frames"],
        enumerators=lists["enumerators"],
        yes_no_cues=lists["yes_no_cues"],
        of_the_one_before=lists["of_the_one_before"],
        own_place=lists["own_place"],
        article_place=lists["article_place"],
        article_now=lists["article_now"],
        figure_pointers=frozenset(w for p in lists["figure_pointers"] for w in p),
        figure_asks_more=frozenset(w for p in lists["figure_asks_more"] for w in p),
        time_anchors=lists["time_anchors"],
        figure_who_cues=lists["figure_who_cues"],
        figure_elsewhere=lists["figure_elsewhere"],
        figure_places=lists["figure_places"],
        hearsay_sources=lists["hearsay_sources"],
        negations=lists["negations"],
        set_phrases=lists["set_phrases"],
        asker_words=lists["asker_words"],
        story_words=lists["story_words"],
        reciprocal_words=lists["reciprocal_words"],
        rather_than=lists["rather_than"],
        contrast_joiners=lists["contrast_joiners"],
        article_names=lists["article_names"],
        time_words=lists["time_words"],
        frame_not_before=frozenset(w for p in lists["frame_not_before"] for w in p),
        purpose_asides=asides["purpose_asides"],
        purpose_openers=asides["purpose_openers"],
        source_asides=asides["source_asides"],
        drop_joiners=drop,
        keep_joiners=keep,
        list_joiners=listing,
        asking_joiners=asking,
        joiner_blockers=frozenset(fold(w) for w in blockers),
        joiner_words=joined,
        of_a_share=of_a_share,
        owned_first=phrases(joiners.texts("owned_first", required=False)) if joiners else (),
        question_cues=lists["question_cues"],
        not_cues=_not_cues(root, lists["question_cues"], tables),
        distributive_cues=lists["distributive_cues"],
        topic_markers=lists["topic_markers"],
        total_cues=lists["total_cues"],
        difference_cues=lists["difference_cues"],
        comparison_cues=lists["comparison_cues"],
        comparison_turns=lists["comparison_turns"],
        sameness_cues=lists["sameness_cues"],
        meaning_cues=lists["meaning_cues"],
        ordinals=ordinals,
        yes=lists["affirmative"],
        no=lists["negative"],
        light_words=frozenset(w for p in lists["light_words"] for w in p),
        introductions=lists["introductions"],
        confirmations=lists["confirmations"],
        likeness_asks=lists["likeness_asks"],
        numbered_names=lists["numbered_names"],
        claim_cues=lists["claim_cues"],
        claim_ask=root.text("claim_ask"),
        claim_year_ask=root.text("claim_year_ask"),
        shared_asks=lists["shared_asks"],
        bound_asks=lists["bound_asks"],
        part_of_cues=lists["part_of_cues"],
        referring_words=frozenset(w for p in lists["referring_words"] for w in p),
        exclusion_cues=lists["exclusion_cues"],
        question_openers=lists["question_openers"] + lists["relayed_openers"],
        relayed_openers=lists["relayed_openers"],
        doubt_cues=lists["doubt_cues"],
        instead_cues=lists["instead_cues"],
        pair_markers=lists["pair_markers"],
        pair_words=frozenset(w for p in lists["pair_words"] for w in p),
        pair_why=lists["pair_why"],
        ratio_cues=lists["ratio_cues"],
        largest_words=lists["largest_words"],
        smallest_words=lists["smallest_words"],
        descending_words=lists["descending_words"],
        ascending_words=lists["ascending_words"],
        rank_pointers=lists["rank_pointers"],
        rank_requests=lists["rank_requests"],
        rank_blockers=lists["rank_blockers"],
        figure_things=lists["figure_things"],
        listing_asks=lists["listing_asks"],
        exercise_labels=lists["exercise_labels"],
        closing_requests=lists["closing_requests"],
        request_joiners=lists["request_joiners"],
        vocatives=lists["vocatives"],
        calls=lists["calls"],
        return_words=lists["return_words"],
        return_pointers=lists["return_pointers"],
        acknowledgements=lists["acknowledgements"],
        closing_particles=frozenset(w for p in lists["closing_particles"] for w in p),
        claim_tags=lists["claim_tags"],
        speaker_frames=lists["speaker_frames"],
        speaker_about=lists["speaker_about"],
        quiz_labels=lists["quiz_labels"],
        tag_askers=lists["tag_askers"],
        opening_particles=frozenset(w for p in lists["opening_particles"] for w in p),
        opening_words=frozenset(w for p in lists["opening_words"] for w in p),
        opening_amounts=lists["opening_amounts"],
        opening_topics=lists["opening_topics"],
        adding_cues=lists["adding_cues"],
        adding_to_total=lists["adding_to_total"],
        question_enders=lists["question_enders"],
        split_cues=lists["split_cues"],
        name_asks=lists["name_asks"],
        parts_after=lists["parts_after"],
        pick_words=frozenset(w for p in lists["pick_words"] for w in p),
        one_at_a_time=lists["one_at_a_time"],
        list_things=lists["list_things"],
        list_all=lists["list_all"],
        every_figure_asks=lists["every_figure_asks"],
        announcing_words=frozenset(w for p in lists["announcing_words"] for w in p),
        sum_words=frozenset(w for p in lists["sum_words"] for w in p),
        indefinite_after=frozenset(
            w for p in root.texts("indefinite_after") for w in p.lower().split()
        ),
        counting_words=tuple(w.lower() for w in root.texts("counting_words")),
        counted_after_digits=frozenset(w.lower() for w in root.texts("counted_after_digits")),
        unstated=tuple(unstated),
        bound=article_pairs(article, drop, tables) | listed_pairs(root, "bound_words", tables),
    )


def _not_cues(root: FieldReader, cues: Phrases, tables: Tables) -> frozenset[str]:
    """`not_cues`: each written with diacritics (else it would hide the cue typed without them)
    and folding like a word of some question cue (else it hides nothing)."""
    cue_words = {w for cue in cues for w in cue}
    found = set()
    for index, word in enumerate(root.texts("not_cues", required=False)):
        cleaned = clean(word, tables)
        if fold(cleaned, tables) == cleaned or fold(cleaned, tables) not in cue_words:
            root.problem(
                "not_cues",
                f"not_cues[{index}]: {word!r} must carry diacritics and fold like a question cue",
                index,
            )
        found.add(cleaned)
    return frozenset(found)


def _plain_or_marked(word: str, tables: Tables) -> str:
    """The word folded, unless it carries diacritics: then as written (cleaned, lower case)."""
    cleaned = clean(word, tables)
    folded = fold(cleaned, tables)
    return cleaned if folded != cleaned else folded


def patterns_of(root: FieldReader, key: str) -> tuple[re.Pattern[str], ...]:
    """A list of regular expressions, each reported where it does not compile (also read by
    bot/kb/spans.py)."""
    compiled = []
    for index, pattern in enumerate(root.texts(key, required=False)):
        try:
            compiled.append(re.compile(pattern))
        except re.error as exc:
            root.problem(key, f"{key}[{index}]: invalid pattern: {exc}", index)
    return tuple(compiled)
