"""`understanding:` → Understanding: the word lists that say what a message asks beyond which
fact it names (joiners, cues for totals and meanings, ordinals, yes/no, unstated attributes)."""

from __future__ import annotations

import re
from dataclasses import fields

from bot.kb.bound_pairs import article_pairs, listed_pairs
from bot.kb.files import Section
from bot.kb.model import Phrases, Understanding, Unstated
from bot.kb.source import FieldReader, LocatedDict, Problem
from bot.normalize import Tables, clean, fold

# the plain phrase lists of understanding.yaml, each read as it is
_LIST_NAMES = """
    question_cues distributive_cues topic_markers total_cues difference_cues comparison_cues
    comparison_turns meaning_cues affirmative negative light_words introductions
    question_openers confirmations likeness_asks how_asks also_ends numbered_names claim_cues shared_asks
    bound_asks part_of_cues referring_words back_pronouns remark_requests request_particles exclusion_cues pick_words one_at_a_time first_words first_requests
    list_things
    list_all every_figure_asks announcing_words sum_words sameness_cues source_frames
    topic_frames frame_not_before enumerators yes_no_cues of_the_one_before own_place own_plans
    article_place article_now figure_pointers figure_asks_more figure_doubts time_anchors
    figure_who_cues figure_elsewhere figure_places figure_recurrences figure_groups said_pointers
    compared_times
    bare_totals speaker_openers gap_openers hearsay_sources speaker_frames speaker_names
    speaker_verbs speaker_about who_said who_said_after who_said_closers negations set_phrases
    asker_words story_words reciprocal_words rather_than contrast_joiners article_names
    time_words relayed_openers correction_openers doubt_cues instead_cues pair_markers pair_words pair_why
    ratio_cues opening_amounts opening_topics largest_words smallest_words descending_words
    ascending_words rank_pointers rank_requests rank_blockers figure_things listing_asks
    exercise_labels closing_requests request_joiners vocatives calls return_words
    return_pointers acknowledgements closing_particles claim_tags claim_hedges pair_all_markers
    pair_requests inner_source_frames meaning_denials figure_announcements count_openers
    quiz_labels tag_askers opening_particles opening_words adding_cues adding_to_total
    adding_openers question_enders time_enders split_cues split_openers name_asks parts_after post_words spoken_pivots spoken_elsewhere
    summand_joiners summand_bare_words combining_cues place_kinds article_mentions article_itself figure_given_asks forgetting_words items_before
    item_requests fact_requests concluding_openers interest_words frame_openers
    pick_every thanks_for other_answers known_markers known_turns
    unchanged_answers wish_openers not_pivots request_openers run_on_plurals remark_askers
    call_addressees plural_then_asks
"""
_LISTS = tuple(_LIST_NAMES.split())
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
        "claim_date_ask",
        "purpose_asides",
        "purpose_openers",
        "like_me",
        "own_role",
        "source_asides",
        "remark_frames",
        "indefinite_after",
        "plural_people",
        "what_asks",
        "sent_words",
        "counting_words",
        "counted_after_digits",
    }
)


# word lists read as sets of single words (phrases split), not as phrases
_WORD_SETS = (
    "place_kinds",
    "figure_pointers",
    "figure_doubts",
    "figure_asks_more",
    "frame_not_before",
    "light_words",
    "referring_words",
    "pair_words",
    "closing_particles",
    "opening_particles",
    "opening_words",
    "pick_words",
    "announcing_words",
    "sum_words",
    "remark_requests",
    "request_particles",
)
# … and those an Understanding field takes as they are read, under the same name (the rest are
# combined, renamed or checked below)
_FIELD_NAMES = frozenset(f.name for f in fields(Understanding))
_COMBINED = ("question_openers", "speaker_frames")  # read from several lists, below
_PHRASE_FIELDS = tuple(
    key for key in _LISTS if key in _FIELD_NAMES and key not in _WORD_SETS and key not in _COMBINED
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
            across, beside = (item.data.get(k) is True for k in ("across", "beside"))
            unstated.append(
                Unstated(
                    unstated_id, label, compiled["folded"], compiled["accented"], across, beside
                )
            )
    asides = {
        key: patterns_of(root, key)
        for key in (
            "purpose_asides",
            "source_asides",
            "purpose_openers",
            "like_me",
            "own_role",
            "remark_frames",
        )
    }
    if len(problems) > before:
        return None
    return Understanding(
        **{key: lists[key] for key in _PHRASE_FIELDS},
        **{key: frozenset(w for p in lists[key] for w in p) for key in _WORD_SETS},
        purpose_asides=asides["purpose_asides"],
        purpose_openers=asides["purpose_openers"],
        source_asides=asides["source_asides"],
        remark_frames=asides["remark_frames"],
        like_me=asides["like_me"],
        own_role=asides["own_role"],
        drop_joiners=drop,
        keep_joiners=keep,
        list_joiners=listing,
        asking_joiners=asking,
        joiner_blockers=frozenset(fold(w) for w in blockers),
        joiner_words=joined,
        of_a_share=of_a_share,
        owned_first=phrases(joiners.texts("owned_first", required=False)) if joiners else (),
        not_cues=_not_cues(root, lists["question_cues"], tables),
        ordinals=ordinals,
        yes=lists["affirmative"],
        no=lists["negative"],
        claim_ask=root.text("claim_ask"),
        claim_year_ask=root.text("claim_year_ask"),
        claim_date_ask=root.text("claim_date_ask"),
        question_openers=lists["question_openers"] + lists["relayed_openers"],
        speaker_frames=lists["speaker_frames"]
        + _each_before_each(lists["speaker_names"], lists["speaker_verbs"]),
        indefinite_after=frozenset(
            w for p in root.texts("indefinite_after") for w in p.lower().split()
        ),
        plural_people=frozenset(root.texts("plural_people")),
        what_asks=frozenset(root.texts("what_asks")),
        sent_words=frozenset(root.texts("sent_words")),
        counting_words=tuple(w.lower() for w in root.texts("counting_words")),
        counted_after_digits=frozenset(w.lower() for w in root.texts("counted_after_digits")),
        unstated=tuple(unstated),
        bound=article_pairs(article, drop, tables) | listed_pairs(root, "bound_words", tables),
    )


def _each_before_each(firsts: Phrases, seconds: Phrases) -> Phrases:
    """Each name of the quoted man before each verb of saying ("ông Thanh" "nói"), longest first."""
    return tuple(sorted({a + b for a in firsts for b in seconds}, key=lambda p: (-len(p), p)))


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
