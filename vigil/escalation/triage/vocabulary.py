"""The lexicon's word lists, as the reader's passes use them."""

from __future__ import annotations

from .drafts import (
    ADDED_WORDS,
    ARTICLES,
    DECIMAL_WORDS,
    FIRST_SINGULAR,
    HALF,
    NOT_SCORES,
    NUMBER_AND,
    ONLY_WORDS,
    RELATIVE_PRONOUNS,
    SCORE_COPULAS,
    SCORE_LEAD,
    SCORE_TAILS,
)
from .lexicon import Lexicon
from .spelling import Normaliser


class ReaderWords:
    """The word lists of one lexicon, read once; every pass of the reader shares them."""

    def __init__(self, lexicon: Lexicon, normaliser: Normaliser) -> None:
        self.lex = lexicon
        self.norm = normaliser
        L = lexicon.lists
        # Punctuation spelt out by voice-to-text ("full stop", "comma"), by its words.
        self._answer_words: dict[str, bool] = {}  # filled as words are met
        self._spoken_punct = {
            **{tuple(p.split()): "." for p in L.get("spoken_stops", frozenset())},
            **{tuple(p.split()): "," for p in L.get("spoken_commas", frozenset())},
        }
        self._and = L.get("and_words", frozenset())
        # Two words one of which dictation or autocorrect swapped for a word that sounds the
        # same ("wasnt hear>wasnt here"), by the pair as typed.
        self._swaps: dict[tuple[str, str], tuple[str, str]] = {}
        for swap in L.get("swapped_words", frozenset()):
            typed, _, meant = swap.partition(">")
            pair, fixed = tuple(typed.split()), tuple(meant.split())
            if len(pair) == 2 and len(fixed) == 2:
                self._swaps[(pair[0], pair[1])] = (fixed[0], fixed[1])
        self._and_next = L.get("and_breaks_before", frozenset())
        self._site_joins = L.get("site_joins", frozenset())
        self._site_list_leads = L.get("site_list_leads", frozenset())
        self._sentence_mods = L.get("sentence_modifiers", frozenset())
        self._sides = L.get("sides", frozenset())
        self._skip_before_site = L.get("determiners", frozenset())
        self._count_units = L.get("count_units", frozenset())
        self._score_leads = L.get("score_leads", frozenset()) | L.get("approximately", frozenset())
        self._at_least = L.get("count_at_least", frozenset())
        # "at 6am, 8am and noon": times of day listed after a symptom, each one a time it happened.
        self._clock_suffixes = L.get("clock_suffixes", frozenset())
        self._clock_words = L.get("clock_words", frozenset())
        self._clock_leads = L.get("clock_leads", frozenset())
        self._clock_parts = L.get("clock_parts", frozenset())
        self._clock_again = L.get("clock_again", frozenset())
        self._count_joins = self._and | L.get("count_joins", frozenset())
        self._day_parts = L.get("day_parts", frozenset())
        self._count_added_before = L.get("count_added_before", frozenset())
        self._count_totals = L.get("count_totals", frozenset())
        self._earlier_days = L.get("count_earlier_days", frozenset())
        self._day_links = L.get("count_day_links", frozenset())
        self._count_today = L.get("count_today", frozenset())
        self._needs_words = L.get("cant_without_leads", frozenset())
        self._without = L.get("without_words", frozenset())
        self._cant_without_not = L.get("cant_without_not", frozenset())
        self._day_part_leads = L.get("day_part_leads", frozenset())
        self._not_counts = L.get("not_counts", frozenset())
        self._count_leads = L.get("count_leads", frozenset())
        self._temp_words = L.get("temperature_words", frozenset())
        self._temp_after = L.get("temperature_after_words", frozenset())
        # Words after a bare number that say it is no temperature ("tengo 40 años").
        self._not_temperatures = L.get("not_temperatures", frozenset())
        # The weather's temperature, not the body's ("40 grados a la sombra", "hace 39").
        self._weather_words = L.get("weather_words", frozenset())
        self._weather_leads = L.get("weather_leads", frozenset())
        self._weather_place_leads = L.get("weather_place_leads", frozenset())
        self._reading_after_in = L.get("reading_after_in", frozenset())
        self._body_reading = L.get("body_reading_words", frozenset())
        self._celsius = L.get("celsius_units", frozenset())
        self._fahrenheit = L.get("fahrenheit_units", frozenset())
        self._degrees = L.get("degree_units", frozenset())
        self._approx = L.get("approximately", frozenset())
        self._list_words = L.get("list_continuers", frozenset())
        self._glue = L.get("glue", frozenset())
        self._subject_verbs = L.get("subject_verbs", frozenset())
        # "little Alfie's got chickenpox": a name made a child's (see Reader._children_named).
        self._child_leads = L.get("child_name_leads", frozenset())
        self._name_objects = L.get("name_object_leads", frozenset())
        self._name_carers = L.get("name_carer_leads", frozenset())
        self._name_places = L.get("name_place_words", frozenset())
        self._name_places_next = L.get("name_place_next", frozenset())
        self._articles = L.get("articles", frozenset({"a", "an", "the", "this", "that"}))
        # "granddaughter took a ball to the face": a verb of taking a blow, with its article
        # ("took a", "copped a"); not a reading or a look taken ("took a reading, 38.9").
        self._blow_verbs = L.get("blow_verbs", frozenset())
        self._not_blows = L.get("not_blows", frozenset())
        self._young = L.get("young_people", frozenset())
        self._worry_words = L.get("worry_words", frozenset({"worried", "worrying", "concerned"}))
        self._person_stems = L.get("person_stems", frozenset())
        self._sentence_pairing = L.get("sentence_pairing", frozenset())
        self._volume_units = L.get("volume_units", frozenset())
        self._antipyretics = L.get("antipyretics", frozenset())
        # Words that make a finding's own phrase negative ("no puedo caminar"): a negation
        # said after such a finding only says "at all".
        self._said_negative = L.get("said_negative", frozenset())
        # Words before a "nothing" that make it a cause ("de nada", "por nada"), not a denial.
        self._nothing_leads = L.get("nothing_leads", frozenset())
        self._score_words = L.get("score_words", frozenset())
        self._score_glue = L.get("score_glue", frozenset())
        self._score_severity = L.get("score_severity", frozenset())
        # Verbs of the present after a part or symptom that opens a clause ("voice is all
        # gravelly"): a statement of now, which a what-if before it does not reach.
        self._present_copulas = L.get("present_copulas")
        # A general question asked ahead of time: how it opens, and the words that make it
        # the writer's or someone's own ("is it normal that my legs...").
        self._ahead_openers = L.get("ahead_question_openers", frozenset())
        self._ahead_blockers = L.get("ahead_question_blockers", frozenset())
        self._neg_breakers = L.get("negation_breakers", frozenset())
        self._bare_clause_openers = L.get("bare_clause_openers", frozenset())
        self._bare_contrast = L.get("bare_contrast", frozenset())
        # "the", "el", "la": opening a new finding right after the one a "no" denied ("no
        # numbness the back pain wakes me up"), a clause of its own without the stop.
        self._definite_articles = L.get("definite_articles", frozenset())
        # Words that tell what is now, against what used to be ("used to walk the hill now I
        # stop for breath"): they end what a "used to" covers.
        self._now_words = L.get("now_words", frozenset())
        self._nothings = L.get("nothings", frozenset())
        self._sign_offs = L.get("sign_offs", frozenset())
        # "no just achy muscles": a bare "no" then what there is instead (see _no_then_instead).
        self._bare_noes = L.get("bare_noes", frozenset())
        self._bare_no_verbs = L.get("bare_no_verbs", frozenset())
        self._instead_words = L.get("instead_words", frozenset())
        self._if_yes = L.get("if_yes_words", frozenset())
        self._if_then = L.get("if_then_words", frozenset())
        self._if_openers = L.get("if_answer_openers", frozenset())
        self._if_already = L.get("if_already", frozenset())
        self._if_not_next = L.get("if_not_next", frozenset())
        self._never = L.get("never_words", frozenset())
        self._never_past = L.get("never_past", frozenset())
        self._never_also = L.get("never_also", frozenset())
        self._never_recall = L.get("never_recall", frozenset())
        self._never_so = L.get("never_comparisons", frozenset())
        self._never_not_after = L.get("never_not_after", frozenset())
        self._never_fillers = L.get("never_fillers", frozenset())
        self._never_experiencers = L.get("never_experiencers", frozenset())
        self._never_until_now = L.get("never_until_now", frozenset())
        self._cancellers = L.get("cue_cancellers", frozenset())
        self._stable_denials = L.get("stable_denials", frozenset())
        self._canceller_subjects = L.get("cue_canceller_subjects", frozenset())
        self._partial_words = L.get("partial_words", frozenset())
        self._past_leads = L.get("past_leads", frozenset())
        self._past_tails = L.get("past_tails", frozenset())
        # Blood in spit with a bleed in the mouth named ("gums bled ..."): see _blood_from_mouth.
        self._spit_words = L.get("spit_words", frozenset())
        self._lung_words = L.get("lung_words", frozenset())
        self._mouth_words = L.get("mouth_words", frozenset())
        self._partial_phrases = L.get("partial_phrases", frozenset())
        self._today_concepts = L.get("today_concepts", frozenset())
        self._today_words = L.get("today_words", frozenset())
        self._day_parts_today = L.get("day_parts_today", frozenset())
        # The word before a part of the day that makes it today's ("this morning", "esta mañana").
        self._today_leads = L.get("today_leads", frozenset({"this"}))
        self._stain_explains = L.get("stain_explains", frozenset())
        self._blood_words = L.get("blood_words", frozenset())
        # "the runs, can't get off the loo": a seat one cannot leave for the runs (see _kept_on_seat).
        self._seat_words = L.get("runs_seat_words", frozenset())
        # A calf's cramp, read as its pain when the swelling is denied (Reader._cramp_not_clot).
        self._cramp_words = L.get("cramp_words", frozenset())
        # A body shaking with a fever, read as a rigor (Reader._rigor_not_fit).
        self._shake_words = L.get("shake_words", frozenset())
        self._fit_words = L.get("fit_words", frozenset())
        # Things dropped by numb or sore fingers (Reader._fumbled_by_fingers).
        self._drop_words = L.get("drop_words", frozenset())
        self._finger_words = L.get("finger_words", frozenset())
        self._not_partial_heads = L.get("not_partial_heads", frozenset())
        self._fillers = L.get("fragment_fillers", frozenset())
        self._simile_heads = L.get("simile_heads", frozenset())
        self._circumstance_heads = L.get("circumstance_heads", frozenset())
        # "lo del pecho regresó, un dolor fuerte que ...": a quality opening its clause with an
        # indefinite article names again what the clause before spoke of.
        self._apposition_heads = L.get("apposition_heads", frozenset())
        self._side_words = L.get("side_words", frozenset())
        self._canceller_glue = L.get("canceller_glue", frozenset())
        self._feel_denials = L.get("feel_denials", frozenset())
        # Words that negate a verb inside a symptom's own phrase ("las piernas no me responden").
        self._own_negations = L.get("own_negations", frozenset())
        # "la tos de mi esposo": a finding owned by a person named after it.
        self._of_words = L.get("of_words", frozenset())
        self._person_owners = L.get("person_owners", frozenset())
        self._feel_glue = L.get("feel_glue", frozenset())
        self._bare_names = L.get("bare_patient_names", frozenset())
        self._owner_words = L.get("owner_words", frozenset())
        self._score_targets = L.get("score_targets", frozenset())
        self._count_targets = L.get("count_targets", frozenset())
        self._present_time = L.get("present_time", frozenset())
        self._present_verbs = L.get("present_verbs", frozenset())
        self._absence_cues = L.get("absence_cues", frozenset())
        self._absent_concepts = L.get("absent_concepts", frozenset())
        self._transient = L.get("transient_concepts", frozenset())
        self._far_past = L.get("far_past_words", frozenset())
        self._site_pronouns = L.get("site_pronouns", frozenset())
        self._object_pronouns = L.get("object_pronouns", frozenset())
        self._history_breakers = L.get("history_breakers", frozenset()) | RELATIVE_PRONOUNS
        self._history_comparisons = L.get("history_comparisons", frozenset())
        self._history_fillers = L.get("history_fillers", frozenset())  # "like 3 years ago"
        # Words after a time that make it a duration up to now ("hace un año que tengo tos").
        self._history_durations = L.get("history_durations", frozenset())
        self._history_heads = L.get("history_heads", frozenset())  # "like when I was young"
        self._parent_owners = L.get("parent_owners", frozenset())
        self._counted_tags = frozenset(("concept", c) for c in self._count_targets)
        self._prepositions = L.get("prepositions", frozenset())
        self._accompany = L.get("accompany_words", frozenset())
        self._about_leads = tuple(tuple(c.split()) for c in sorted(L.get("about_leads", frozenset())))
        self._only_circumstances = L.get("only_circumstances", frozenset())
        self._only_words = L.get("only_words", ONLY_WORDS)
        self._writer_words = L.get("writer_words", frozenset())
        self._place_prepositions = L.get("place_prepositions", frozenset())
        self._place_owners = L.get("place_owners", frozenset())
        # Words that open a relative clause set between commas after a person.
        self._aside_openers = L.get("aside_openers", RELATIVE_PRONOUNS)
        self._aside_leads = L.get("aside_leads", frozenset())  # "la" of "la que vive en..."
        # Words of the language's grammar the passes below need; English when not given.
        self._first_singular = L.get("first_singular", FIRST_SINGULAR)
        # Words that may stand before a verb of the first person ("no puedo caminar"): they
        # belong to its subject. None unless the lexicon names them.
        self._before_verb = L.get("before_verb", frozenset())
        # The clitic of the one spoken to ("le", "les") and the verbs of the first person that
        # it may stand before and still be the writer's ("dice que le hablé puros disparates"):
        # only past forms no other person shares, since "le sangró" is hers.
        self._spoken_to = L.get("spoken_to_clitics", frozenset())
        # Words before a reading that take it back ("sorry 39.2 not 37.2", "quise decir 38.5
        # no 35.8"): the other reading is the one meant.
        self._reading_taken_back = L.get("reading_taken_back", frozenset({"not", "isnt", "wasnt"}))
        self._first_past_said = L.get("first_singular_said", frozenset())
        self._first_possessive = L.get("first_possessive", frozenset())
        self._image_leads = L.get("image_leads", frozenset())
        self._vocatives = L.get("vocatives", frozenset())
        self._vocative_leads = L.get("vocative_leads", frozenset())
        self._helping_verbs = L.get("helping_verbs", frozenset())
        self._helped_objects = L.get("helped_objects", frozenset())
        # Verbs of an activity done to someone or a pet ("walking the dog"): they are its object.
        self._object_leads = L.get("object_leads", frozenset())
        self._loss_mods = L.get("loss_modifiers", frozenset())
        self._not_loss = L.get("not_loss_words", frozenset())
        tails = L.get("score_tails")
        self._score_tails = [t.split() for t in sorted(tails)] if tails is not None else SCORE_TAILS
        self._score_lead = L.get("score_lead", SCORE_LEAD)
        self._articles = L.get("articles", ARTICLES)
        self._score_copulas = L.get("score_copulas", SCORE_COPULAS)
        self._score_firmers = L.get("score_firmers", frozenset())
        self._score_site_links = L.get("score_site_links", frozenset())
        self._not_scores = L.get("not_scores", NOT_SCORES)
        self._number_and = L.get("number_and", NUMBER_AND)
        self._decimal_words = L.get("decimal_words", DECIMAL_WORDS)
        # Words after a number that add it to a count already said ("four more", "3 más").
        self._added_words = ADDED_WORDS | L.get("added_words", frozenset())
        self._halves = [tuple(h.split()) for h in L["halves"]] if "halves" in L else [HALF]
        # "not when she's resting": the "when" and the words of its subject between a "not"
        # and the time or state it denies.
        self._cue_when_words = L.get("cue_when_words", frozenset())
        self._cue_frame_words = L.get("cue_frame_words", frozenset()) | self._cue_when_words
        # A parent who "passed" ("he passed ten years ago", "since she passed"): said of a death
        # when nothing follows or one of `passed_after` does (not "passed out", "passed urine").
        self._passed_words = L.get("passed_words", frozenset())
        self._passed_after = L.get("passed_after", frozenset())
        self._passed_times = L.get("passed_times", frozenset())
        self._passed_counts = L.get("passed_counts", frozenset())
        self._writer_apart: dict[str, list[tuple[str, ...]]] = {}
        for cue in L.get("writer_apart", frozenset()):
            words = tuple(cue.split())
            self._writer_apart.setdefault(words[0], []).append(words)
        # Where a parent lives apart from the writer ("Mum at the care home"): named bare, as a
        # carer names the patient, they are still someone else.
        self._parent_away: dict[str, list[tuple[str, ...]]] = {}
        for cue in L.get("parent_away", frozenset()):
            words = tuple(cue.split())
            self._parent_away.setdefault(words[0], []).append(words)
