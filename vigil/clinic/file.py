"""The clinic file of `vigil import`: read, validated whole, with errors that name line and key."""

from __future__ import annotations

import difflib
import re
from collections.abc import Mapping
from datetime import UTC, date, datetime
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Annotated, Any, Literal, get_args, get_origin
from zoneinfo import available_timezones

import yaml
from pydantic import (
    AfterValidator,
    BaseModel,
    ConfigDict,
    Field,
    ValidationError,
    ValidationInfo,
    field_validator,
    model_validator,
)
from pydantic_core import InitErrorDetails, PydanticCustomError

from vigil.core import phones
from vigil.scheduler.conditions import ConditionError
from vigil.scheduler.conditions import parse as parse_condition
from vigil.scheduler.questions import lacking
from vigil.scheduler.schedule import ScheduleError, check_fires, parse_duration, parse_hhmm, zone

KEY_PATTERN = r"^[a-z0-9][a-z0-9_-]{0,63}$"
EMAIL_PATTERN = r"^[^@\s]+@[^@\s]+\.[^@\s]+$"
Key = Annotated[str, Field(pattern=KEY_PATTERN)]
Email = Annotated[str, Field(pattern=EMAIL_PATTERN, max_length=254)]


class ImportError_(ValueError):  # "ImportError" is a builtin
    """The file cannot be imported; `lines` say where and why, one problem a line."""

    def __init__(self, lines: list[str], problems: list[tuple[str, str]] | None = None) -> None:
        super().__init__("\n".join(lines))
        self.lines = lines
        self.problems = problems or []  # (key path, reason), from `check`


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)


def _phone(value: str | int | None, info: ValidationInfo) -> str | None:
    """The number as E.164, read by `phones.e164` with the clinic's region: the file's own
    clinic (`parse`, `check`) or the one the pages and the CSV pass as context {"region": "US"}."""
    if value is None:
        return None
    return phones.e164(value, (info.context or {}).get("region"))


def region_of(data: Any) -> str | None:
    """The region a clinic file's phone numbers are read in: its clinic's time zone's country."""
    clinic = data.get("clinic") if isinstance(data, dict) else None
    zone_name = clinic.get("timezone") if isinstance(clinic, dict) else None
    return phones.region_of_zone(zone_name) if isinstance(zone_name, str) else None


# Names the tz database keeps for fixed offsets: "EST" is UTC-5 all year, so a New York
# patient's check-ins and quiet hours would be an hour off all summer.
_FIXED = re.compile(r"(?i)(EST|MST|HST|GMT[+-]?0?|UCT|Universal|Zulu|Greenwich|Etc/GMT[+-]\d+)")


def _tz(value: str) -> str:
    if _FIXED.fullmatch(value.strip()):
        raise ValueError(
            f"{value!r} is a fixed offset, not a place: it keeps no daylight saving; name the "
            "place, such as America/New_York or Europe/London"
        )
    try:
        zone(value)
    except ScheduleError as exc:
        guess = _zone_like(value)
        raise ValueError(str(exc) + (f"; did you mean {guess}?" if guess else "")) from None
    return value


def _zone_like(value: str) -> str | None:
    """The zone a name typed as people say it means ("New York": America/New_York)."""
    key = value.strip().replace(" ", "_").lower().rsplit("/", 1)[-1]
    if not key:
        return None
    zones = sorted(available_timezones())
    by_city = {z.rsplit("/", 1)[-1].lower(): z for z in zones if "/" in z}
    if key in by_city:
        return by_city[key]
    close = difflib.get_close_matches(key, list(by_city), n=1, cutoff=0.85)
    return by_city[close[0]] if close else None


def _hhmm(value: str) -> str:
    try:
        return parse_hhmm(value).strftime("%H:%M")
    except ScheduleError as exc:
        raise ValueError(str(exc)) from None


def _duration(value: str | int) -> int:
    try:
        return parse_duration(value)
    except ScheduleError as exc:
        raise ValueError(str(exc)) from None


class QuietHours(Strict):
    start: str
    end: str
    _t = field_validator("start", "end")(classmethod(lambda cls, v: _hhmm(v)))

    @model_validator(mode="after")
    def _length(self) -> QuietHours:
        # 21:00-21:00 would read as quiet hours on the pages while the send times keep to none.
        if self.start == self.end:
            raise _at(
                [
                    (
                        ("end",),
                        f"{self.end!r} is when they start: quiet hours from a time to the same "
                        "time have no length (leave both blank for none)",
                    )
                ]
            )
        return self


class ClinicIn(Strict):
    slug: Key
    name: str = Field(min_length=1, max_length=200)
    timezone: str
    emergency_number: str = Field(min_length=1, max_length=32)
    quiet_hours: QuietHours | None = None
    # How far back triage reads a patient's messages together (TRIAGE.md, "Conversations").
    conversation_window_hours: int = Field(default=48, ge=1, le=24 * 14)
    # A 0-10 answer is compared with the median of the patient's first three answers; until
    # there are three, with this (TRIAGE.md, "Reading across weeks"). None: only a rising run.
    trend_baseline_default: float | None = Field(default=None, ge=0, le=10)
    # How patients reached by text opt in: "notice" (the clinic took their consent; they are
    # told, and check-ins start) or "ask" (no check-ins until they reply YES).
    text_consent: Literal["notice", "ask"] = "notice"
    _tz = field_validator("timezone")(classmethod(lambda cls, v: _tz(v)))


class StaffIn(Strict):
    email: Email
    name: str = Field(min_length=1, max_length=200)
    role: Literal["nurse", "admin", "physician"]
    phone: str | None = None
    telegram_chat_id: int | None = None
    notify_by: Literal["telegram", "sms"] | None = None
    _phone = field_validator("phone", mode="before")(classmethod(lambda cls, v, info: _phone(v, info)))

    @field_validator("email")
    @classmethod
    def _lower(cls, v: str) -> str:
        return v.lower()

    @model_validator(mode="after")
    def _reachable(self) -> StaffIn:
        if self.notify_by == "sms" and not self.phone:
            raise ValueError("notify_by sms needs a phone")
        return self


class RotationIn(Strict):
    key: Key
    members: list[Email] = Field(min_length=1)
    shift_hours: int = Field(ge=1, le=24 * 14)
    handoff: str
    starts: date
    _h = field_validator("handoff")(classmethod(lambda cls, v: _hhmm(v)))


def _check_duration(value: str | int | None) -> str | None:
    if value is None:
        return None
    _duration(value)
    return str(value)


class TierIn(Strict):
    notify: str = Field(pattern=r"^(rotation|staff|all):\S+$")
    ack_within: str | None = None
    repeat_every: str | None = None
    _d = field_validator("ack_within", "repeat_every", mode="before")(
        classmethod(lambda cls, v: _check_duration(v))
    )

    @model_validator(mode="after")
    def _one_timer(self) -> TierIn:
        if (self.ack_within is None) == (self.repeat_every is None):
            raise ValueError("a tier has exactly one of ack_within or repeat_every")
        return self


class OncallIn(Strict):
    rotations: list[RotationIn] = []
    escalation: dict[Literal["emergency", "urgent", "routine"], list[TierIn]] = {}
    remind_owner_after: str | None = None  # a held case not resolved by then reminds its owner
    _d = field_validator("remind_owner_after", mode="before")(classmethod(lambda cls, v: _check_duration(v)))


@cache
def triage_concepts() -> frozenset[str]:
    """The concepts of docs/triage.md, as triage's rules list them (its internal
    `unrecognised` is no concept a question can ask about)."""
    rules = resources.files("vigil.escalation.triage") / "data" / "en" / "rules.yaml"
    listed = yaml.safe_load(rules.read_text(encoding="utf-8")).get("concepts") or ()
    return frozenset(str(c) for c in listed) - {"unrecognised"}


# docs/triage.md's modifiers: named in a question's concepts, they would never match a finding.
TRIAGE_MODIFIERS = frozenset(
    [
        "sudden",
        "constant",
        "severe",
        "worsening",
        "night",
        "at_rest",
        "large_amount",
        "new",
        "one_sided",
        "on_straining",
        "low_grade",
    ]
)


def _concept(value: str) -> str:
    if value in triage_concepts():
        return value
    if value in TRIAGE_MODIFIERS:
        raise ValueError(
            f"{value!r} is a modifier, not a concept of docs/triage.md: say it in the question's text"
        )
    raise ValueError(f"{value!r} is not a concept of docs/triage.md (e.g. back_pain, limb_weakness, fever)")


LANGUAGES = ("en", "es")  # the languages Vigil speaks to patients (triage/data/<language>/)
QUESTION_MAX = 480


def _words(value: Any, where: str) -> str:
    if not isinstance(value, str):
        raise ValueError(f"{where}must be text")
    words = value.strip()
    if not words:
        raise ValueError(f"{where}must not be empty")
    if len(words) > QUESTION_MAX:
        raise ValueError(f"{where}is longer than {QUESTION_MAX} characters")
    return words


def _per_language(value: Any, what: str) -> dict[str, Any]:
    """A mapping of language -> value, its languages checked."""
    if not value:
        raise ValueError(f"give the {what} in at least one language ({{en: ..., es: ...}})")
    unknown = [str(k) for k in value if k not in LANGUAGES]
    if unknown:
        raise ValueError(f"{unknown[0]!r} is not a language Vigil speaks ({', '.join(LANGUAGES)})")
    return dict(value)


def _question_text(value: Any) -> str | dict[str, str]:
    """One string (English) or {language: string}."""
    if isinstance(value, dict):
        return {k: _words(v, f"{k}: ") for k, v in _per_language(value, "question").items()}
    return _words(value, "")


def _question_choices(value: Any) -> list[str] | dict[str, list[str]] | None:
    """A list (English) or {language: list}; the lists of a mapping are index-aligned."""
    if value is None:
        return None

    def listed(items: Any, where: str) -> list[str]:
        if not isinstance(items, list):
            raise ValueError(f"{where}must be a list of choices")
        return [_words(c, f"{where}choice {i + 1} ") for i, c in enumerate(items)]

    if isinstance(value, dict):
        lists = {k: listed(v, f"{k}: ") for k, v in _per_language(value, "choices").items()}
        sizes = {k: len(v) for k, v in lists.items()}
        if len(set(sizes.values())) > 1:
            said = ", ".join(f"{k} has {n}" for k, n in sizes.items())
            raise ValueError(
                f"the choices of each language go in the same order, so they must be as many: {said}"
            )
        return lists
    return listed(value, "")


class QuestionIn(Strict):
    key: Key
    kind: Literal["scale", "yes_no", "choice", "text"]
    # One string (English) or per language: {en: "...", es: "..."}. Stored as written.
    text: str | dict[str, str]
    concepts: list[Annotated[Key, AfterValidator(_concept)]] = []
    ask_if: str | None = None
    # A list (English) or per language, index-aligned: {en: [Yes, No], es: [Si, No]}.
    choices: list[str] | dict[str, list[str]] | None = None

    _text = field_validator("text", mode="before")(classmethod(lambda cls, v: _question_text(v)))
    _choices_shape = field_validator("choices", mode="before")(
        classmethod(lambda cls, v: _question_choices(v))
    )

    @field_validator("choices")
    @classmethod
    def _choices_match_text(cls, v: Any, info: ValidationInfo) -> Any:
        text = info.data.get("text")
        if v is None or text is None:
            return v
        if isinstance(text, dict) and not isinstance(v, dict):
            raise ValueError(
                "the text is given per language, so the choices must be too: "
                "{" + ", ".join(f"{k}: [...]" for k in text) + "}"
            )
        if isinstance(v, dict) and not isinstance(text, dict):
            raise ValueError("choices per language need the text per language too ({en: ..., es: ...})")
        if isinstance(v, dict) and isinstance(text, dict) and set(v) != set(text):
            raise ValueError(
                f"the choices are in {', '.join(sorted(v))} but the text in {', '.join(sorted(text))}: "
                "give both in the same languages"
            )
        return v

    @model_validator(mode="after")
    def _choices(self) -> QuestionIn:
        if self.kind == "choice" and not self.choices:
            raise ValueError("a choice question needs choices")
        return self


class ProtocolIn(Strict):
    key: Key
    name: str = Field(min_length=1, max_length=200)
    schedule: str
    remind_after: str | None = None
    expire_after: str
    flag_after_missed: int | None = Field(default=None, ge=1)
    questions: list[QuestionIn] = Field(min_length=1)
    _d = field_validator("remind_after", "expire_after", mode="before")(
        classmethod(lambda cls, v: _check_duration(v))
    )

    @field_validator("schedule")
    @classmethod
    def _cron(cls, v: str) -> str:
        try:
            check_fires(v)  # read, and fires at least once: send-times' own check
        except ScheduleError as exc:
            raise ValueError(str(exc)) from None
        return v

    @field_validator("questions")
    @classmethod
    def _questions(cls, questions: list[QuestionIn]) -> list[QuestionIn]:
        # Each problem at its own key (questions[2].ask_if), so the import names the line of
        # the question and the protocol editor shows the reason beside the field; checked
        # even when another field of the protocol is wrong, so every problem is said at once.
        problems: list[tuple[tuple[str | int, ...], str]] = []
        seen: set[str] = set()
        for i, q in enumerate(questions):
            if q.key in seen:
                problems.append(((i, "key"), f"question key {q.key!r} is used twice"))
            if q.ask_if:
                try:
                    _, keys = parse_condition(q.ask_if)
                except ConditionError as exc:
                    problems.append(((i, "ask_if"), f"question {q.key}: ask_if: {exc}"))
                else:
                    unknown = keys - seen
                    if unknown:
                        said = f"ask_if names {sorted(unknown)}, which is not an earlier question"
                        problems.append(((i, "ask_if"), f"question {q.key}: {said}"))
            seen.add(q.key)
        if problems:
            raise _at(problems)
        return questions

    @model_validator(mode="after")
    def _check(self) -> ProtocolIn:
        if self.remind_after and _duration(self.remind_after) >= _duration(self.expire_after):
            raise _at([(("remind_after",), "remind_after must be shorter than expire_after")])
        return self


def _at(problems: list[tuple[tuple[str | int, ...], str]]) -> ValidationError:
    """Problems each at its own key under the validated field or model. pydantic-core places a
    ValidationError raised in a validator there, line by line (tests/clinic/test_protocols.py
    holds it to that)."""
    return ValidationError.from_exception_data(
        "ProtocolIn",
        [
            InitErrorDetails(type=PydanticCustomError("value_error", msg), loc=loc, input=None)
            for loc, msg in problems
        ],
    )


class ContextIn(Strict):
    on_active_treatment: bool = False
    known_bone_metastases: bool = False
    known_brain_metastases: bool = False


def _aware(v: datetime | None) -> datetime | None:
    """A moment with its UTC offset, kept in UTC (a time without one is no moment)."""
    if v is None:
        return None
    if v.tzinfo is None:
        raise ValueError("needs its UTC offset (2026-01-05T10:00:00Z)")
    return v.astimezone(UTC)


class ConsentIn(Strict):
    """The patient's consent that this carer may write for them and hear from Vigil."""

    at: datetime
    by: str = Field(min_length=1, max_length=254)  # who recorded it: a staff email or a name
    _at = field_validator("at")(classmethod(lambda cls, v: _aware(v)))


# A patient's state as the clinic file carries it (export, restore): the statuses of
# `Patient.status`. "discharged" is none of them: a discharged patient is not listed at all.
PatientStatus = Literal["invited", "awaiting_consent", "active", "paused", "opted_out", "unreachable"]
PATIENT_STATUSES: tuple[str, ...] = get_args(PatientStatus)


class PatientConsentIn(Strict):
    """What the patient's number or chat has heard and said of Vigil's opt-in, as stored, so
    that a restored clinic neither writes the opt-in again to someone who has had it nor
    counts as consent what was never given. Each key the file leaves out is kept as stored."""

    asked_at: datetime | None = None  # the opt-in notice or consent question went to them
    reminded_at: datetime | None = None  # the consent question was asked once more
    given_at: datetime | None = None  # they said YES (or START; on Telegram, the button)
    owed_since: datetime | None = None  # a new number, not writable then: owed the opt-in
    _at = field_validator("asked_at", "reminded_at", "given_at", "owed_since")(
        classmethod(lambda cls, v: _aware(v))
    )


class CarerIn(Strict):
    """Someone who looks after the patient and may write for them: what they write is about
    the patient. Heard and answered only once `consent` (the patient's) is recorded."""

    name: str = Field(min_length=1, max_length=200)
    relationship: str = Field(min_length=1, max_length=60)  # daughter, husband, friend, ...
    channel: Literal["sms", "telegram", "simulator"]
    phone: str | None = None
    telegram_chat_id: int | None = None
    language: Literal["en", "es"] = "en"
    consent: ConsentIn | None = None
    # When the carer said STOP (only the clinic file carries it: a restore must not write to
    # them again). Left out, a STOP stored here is kept; only the carer's START takes it back.
    opted_out_at: datetime | None = None
    _phone = field_validator("phone", mode="before")(classmethod(lambda cls, v, info: _phone(v, info)))
    _out = field_validator("opted_out_at")(classmethod(lambda cls, v: _aware(v)))

    @model_validator(mode="after")
    def _reachable(self) -> CarerIn:
        if self.channel == "sms" and not self.phone:
            raise ValueError("channel sms needs a phone")
        return self


class PatientIn(Strict):
    external_id: str = Field(min_length=1, max_length=64, pattern=r"^[A-Za-z0-9][A-Za-z0-9._-]*$")
    name: str = Field(min_length=1, max_length=200)
    phone: str | None = None
    telegram_chat_id: int | None = None
    channel: Literal["sms", "telegram", "simulator"]
    timezone: str | None = None
    language: Literal["en", "es"] = "en"  # what Vigil says to them: triage/data/<language>/texts.yaml
    protocol: Key | None = None
    context: ContextIn = ContextIn()
    # Only the clinic file sets carers here; the pages and the API change them one at a time.
    carers: list[CarerIn] = []
    # Only the clinic file sets these (the export writes them, so a restore keeps who paused,
    # who said STOP and who has consented); left out, the patient is imported as before they
    # existed. How they are applied: clinic/patients.py, `_restore`.
    status: PatientStatus | None = None
    consent: PatientConsentIn | None = None
    # The pages and the CSV pass the clinic's country as context {"region": "US"}.
    _phone = field_validator("phone", mode="before")(classmethod(lambda cls, v, info: _phone(v, info)))
    _tz = field_validator("timezone")(classmethod(lambda cls, v: None if v is None else _tz(v)))

    @model_validator(mode="after")
    def _reachable(self) -> PatientIn:
        if self.channel == "sms" and not self.phone:
            raise ValueError("channel sms needs a phone")
        names = [c.name.casefold() for c in self.carers]
        for name in _dupes(names):
            raise ValueError(f"carers: {name!r} appears twice")
        for c in self.carers:
            if c.phone and c.phone == self.phone:
                raise ValueError(f"carers: {c.name}'s phone is the patient's own number")
        return self


class ClinicFile(Strict):
    clinic: ClinicIn
    staff: list[StaffIn] = []
    oncall: OncallIn = OncallIn()
    protocols: list[ProtocolIn] = []
    patients: list[PatientIn] = []

    @model_validator(mode="after")
    def _references(self) -> ClinicFile:
        problems = []
        emails = [s.email for s in self.staff]
        problems += [f"staff: {e} appears twice" for e in _dupes(emails)]
        problems += [f"protocols: {k} appears twice" for k in _dupes([p.key for p in self.protocols])]
        problems += [f"patients: {k} appears twice" for k in _dupes([p.external_id for p in self.patients])]
        rotations = {r.key for r in self.oncall.rotations}
        problems += [
            f"oncall.rotations.{k}: appears twice" for k in _dupes([r.key for r in self.oncall.rotations])
        ]
        for r in self.oncall.rotations:
            problems += [
                f"oncall.rotations.{r.key}: {m} is not in staff" for m in r.members if m.lower() not in emails
            ]
        roles = {s.role for s in self.staff}
        for level, tiers in self.oncall.escalation.items():
            for i, tier in enumerate(tiers):
                kind, _, target = tier.notify.partition(":")
                if kind == "rotation" and target not in rotations:
                    problems.append(f"oncall.escalation.{level}[{i}]: no rotation {target!r}")
                if kind == "staff" and target.lower() not in emails:
                    problems.append(f"oncall.escalation.{level}[{i}]: {target} is not in staff")
                if kind == "all" and target not in roles:
                    problems.append(f"oncall.escalation.{level}[{i}]: no staff with role {target!r}")
        # One number speaks for one person: an incoming text is read as its one patient's (two
        # patients texted at one number would have one's red flags filed on the other's record),
        # and a carer's number is nobody else's in the file.
        phones: dict[str, str] = {}
        for p in self.patients:
            if p.phone and p.channel == "sms" and p.phone in phones:
                problems.append(f"patients.{p.external_id}.phone: {p.phone} is already {phones[p.phone]}'s")
            elif p.phone:
                phones.setdefault(p.phone, f"patient {p.external_id}")
        for p in self.patients:
            for c in p.carers:
                if c.phone is None:
                    continue
                if c.phone in phones:
                    problems.append(
                        f"patients.{p.external_id}.carers.{c.name}: {c.phone} is already {phones[c.phone]}'s"
                    )
                else:
                    phones[c.phone] = f"the carer {c.name} of {p.external_id}"
        keys = {p.key for p in self.protocols}
        problems += [
            f"patients.{p.external_id}.protocol: no protocol {p.protocol!r}"
            for p in self.patients
            if p.protocol and p.protocol not in keys
        ]
        protocols = {p.key: (i, p) for i, p in enumerate(self.protocols)}
        for pat in self.patients:
            if pat.protocol not in protocols:
                continue
            i, proto = protocols[pat.protocol]
            questions = [q.model_dump() for q in proto.questions]
            gap = language_gap(proto.key, questions, pat.language, pat.external_id)
            if gap:
                where = ", ".join(
                    f"protocols[{i}].questions[{j}].text"
                    for j, q in enumerate(questions)
                    if q["key"] in lacking(questions, pat.language)
                )
                problems.append(f"patients.{pat.external_id}.language: {gap} ({where})")
        if problems:
            raise ValueError("; ".join(problems))
        return self


def language_gap(protocol: str, questions: list[dict[str, Any]], language: str, patient: str) -> str | None:
    """Why a patient cannot be on a protocol not written in their language (None: they can).
    The same words for the clinic file, the pages, the API and the CSV enrolment."""
    keys = lacking(questions, language)
    if not keys:
        return None
    which = f"question{'s' if len(keys) > 1 else ''} {', '.join(keys)}"
    return (
        f"patient {patient} speaks {language}, but protocol {protocol!r} has no {language} text "
        f"for {which}: write {'them' if len(keys) > 1 else 'it'} per language "
        f"(text: {{en: ..., {language}: ...}}), or choose another protocol or language"
    )


def _dupes(items: list[str]) -> list[str]:
    seen: set[str] = set()
    return sorted({i for i in items if i in seen or seen.add(i)})  # type: ignore[func-returns-value]


class _UniqueKeyLoader(yaml.SafeLoader):
    """A repeated key is an error, not a silent overwrite."""


def _construct_mapping(loader: _UniqueKeyLoader, node: yaml.MappingNode, deep: bool = False) -> Any:
    seen: set[Any] = set()
    for key_node, _ in node.value:
        key = loader.construct_object(key_node, deep=deep)
        if key in seen:
            raise yaml.constructor.ConstructorError(
                None, None, f"key {key!r} appears twice", key_node.start_mark
            )
        seen.add(key)
    return loader.construct_mapping(node, deep)


_UniqueKeyLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _construct_mapping)


def _construct_timestamp(loader: _UniqueKeyLoader, node: yaml.ScalarNode) -> Any:
    # "2026-02-30" looks like a date to YAML and fails inside its loader: say where.
    try:
        return yaml.constructor.SafeConstructor.construct_yaml_timestamp(loader, node)
    except ValueError as exc:
        raise yaml.constructor.ConstructorError(
            None, None, f"{node.value!r} is not a real date ({exc})", node.start_mark
        ) from None


_UniqueKeyLoader.add_constructor("tag:yaml.org,2002:timestamp", _construct_timestamp)


def _line_of(root: yaml.Node | None, loc: tuple[Any, ...]) -> int | None:
    """The line (1-based) of the YAML node at a validation error's location."""
    node = root
    line = None
    for part in loc:
        if isinstance(node, yaml.MappingNode):
            nxt = None
            for k, v in node.value:
                if getattr(k, "value", None) == part:
                    nxt, line = v, k.start_mark.line + 1
                    break
            node = nxt
        elif isinstance(node, yaml.SequenceNode) and isinstance(part, int) and part < len(node.value):
            node = node.value[part]
            line = node.start_mark.line + 1
        else:
            break
        if node is None:
            break
    return line


def _path(loc: tuple[Any, ...]) -> str:
    out = ""
    for part in loc:
        if isinstance(part, int):
            out += f"[{part}]"
        elif part not in ("function-after[_reachable(), StaffIn]",):
            out += ("." if out else "") + str(part)
    return out


def load(path: str | Path) -> ClinicFile:
    """Read and validate a clinic file; raises ImportError_ naming every problem."""
    p = Path(path)
    try:
        text = p.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise ImportError_([f"{p}: cannot read: {exc}"]) from None
    return parse(text, str(p))


def parse(text: str, name: str = "<clinic file>") -> ClinicFile:
    try:
        data = yaml.load(text, Loader=_UniqueKeyLoader)  # noqa: S506 - SafeLoader subclass
        root = yaml.compose(text, Loader=yaml.SafeLoader)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None) or getattr(exc, "context_mark", None)
        where = f"{name}:{mark.line + 1}" if mark is not None else name
        problem = getattr(exc, "problem", None) or str(exc)
        raise ImportError_([f"{where}: not valid YAML: {problem}"]) from None
    if not isinstance(data, dict):
        raise ImportError_([f"{name}: expected a mapping with clinic, staff, oncall, protocols, patients"])
    try:
        return ClinicFile.model_validate(data, context={"region": region_of(data)})
    except ValidationError as exc:
        lines = []
        for loc, msg in problems(exc):
            key = _path(loc)
            line = _line_of(root, loc)
            where = f"{name}:{line}" if line else name
            msg += _whose(data, loc)
            lines.append(f"{where}: {key}: {msg}" if key else f"{where}: {msg}")
        raise ImportError_(lines) from None


# A patient's state (the keys a restore carries): a wrong value names the patient too, not
# only the place in the list, since these are the keys an operator edits patient by patient.
_STATE_KEYS = ("status", "consent")


def _whose(data: Any, loc: tuple[Any, ...]) -> str:
    """ " (patient MRN-1)" for a problem with a patient's state or a carer's opt-out; else ""."""
    if len(loc) < 3 or loc[0] != "patients" or not isinstance(loc[1], int):
        return ""
    state = loc[2] in _STATE_KEYS or (loc[2] == "carers" and "opted_out_at" in loc[3:])
    listed = data.get("patients") if isinstance(data, dict) else None
    if not state or not isinstance(listed, list) or loc[1] >= len(listed):
        return ""
    entry = listed[loc[1]]
    external_id = entry.get("external_id") if isinstance(entry, dict) else None
    return f" (patient {external_id})" if isinstance(external_id, str | int) else ""


def check(data: dict[str, Any]) -> ClinicFile:
    """File-shaped data (a page builds it from a form) validated exactly as `parse` validates a
    file. ImportError_ `problems` are (key path, reason), one problem each: the checks across
    the file ("oncall.rotations.nurses: x is not in staff") are split into theirs."""
    try:
        return ClinicFile.model_validate(data, context={"region": region_of(data)})
    except ValidationError as exc:
        found: list[tuple[str, str]] = []
        for loc, msg in problems(exc):
            if key := _path(loc):
                found.append((key, msg + _whose(data, loc)))
                continue
            for part in msg.split("; "):
                where, sep, why = part.partition(": ")
                found.append((where, why) if sep else ("", part))
        raise ImportError_([f"{k}: {m}" if k else m for k, m in found], found) from None


def problems(exc: ValidationError) -> list[tuple[tuple[Any, ...], str]]:
    """Each problem of a validation as (location, reason), as the import words it (`key_path`
    of the location names it); the pages that edit a part of the clinic say the same."""
    root = _models().get(exc.title)
    out = []
    for err in exc.errors(include_url=False):
        loc = tuple(p for p in err["loc"] if not (isinstance(p, str) and p.startswith("function-")))
        if loc and loc[-1] == "[key]":  # a mapping's key that is not one of its Literal keys
            loc = loc[:-1]
        out.append((loc, reason(err, root)))
    return out


_NUMBER = re.compile(r"-?\d+(\.\d+)?")


def reason(err: Mapping[str, Any], root: type[BaseModel] | None = None) -> str:
    """One of pydantic's errors in plain words: what was given and what is wanted there.
    `root` (the model validated) lets a key that is not allowed name the keys that are."""
    kind = str(err.get("type", ""))
    loc = tuple(p for p in err.get("loc", ()) if not (isinstance(p, str) and p.startswith("function-")))
    name = str(loc[-1]) if loc else ""
    given = err.get("input")
    ctx = err.get("ctx") or {}
    # What was given, unless it is long (a pasted page, or health data): then only "this".
    shown = repr(given) if isinstance(given, str | int | float) and len(str(given)) <= 60 else "this"
    if kind in ("value_error", "assertion_error"):
        return str(err["msg"]).removeprefix("Value error, ").removeprefix("Assertion failed, ")
    if kind == "missing":
        return "is required here but missing"
    if kind == "extra_forbidden":
        return _not_a_key(name, _fields_at(root, loc[:-1]) if root else [])
    if kind == "literal_error":
        wanted = [str(e) for e in _literals(str(ctx.get("expected", "")))]
        if loc and loc[-1] == "[key]":
            return _not_a_key(str(given), wanted)
        return f"{shown} is not one of {', '.join(wanted)}" + _closest(given, wanted)
    if name == "telegram_chat_id" and kind in ("int_parsing", "int_type", "int_from_float"):
        return f"{shown} is not a Telegram chat id (a number)"
    words = {
        "int_parsing": "is not a whole number",
        "int_type": "is not a whole number",
        "int_from_float": "is not a whole number",
        "float_parsing": "is not a number",
        "float_type": "is not a number",
        "bool_parsing": "is not yes or no (true or false)",
        "bool_type": "is not yes or no (true or false)",
        "string_type": "is not text",
        "date_parsing": "is not a date (YYYY-MM-DD)",
        "date_from_datetime_parsing": "is not a date (YYYY-MM-DD)",
        "date_from_datetime_inexact": "is a time, not a date (YYYY-MM-DD)",
        "date_type": "is not a date (YYYY-MM-DD)",
        "datetime_parsing": "is not a date and time (2026-01-05T10:00:00Z)",
        "datetime_from_date_parsing": "is not a date and time (2026-01-05T10:00:00Z)",
        "datetime_type": "is not a date and time (2026-01-05T10:00:00Z)",
    }
    if kind in words:
        return f"{shown} {words[kind]}"
    if kind in ("list_type", "tuple_type"):
        return "should be a list (one '- ' line an item)"
    if kind in ("dict_type", "model_type", "model_attributes_type", "mapping_type"):
        return "should be a mapping of keys (key: value lines)"
    if kind == "string_pattern_mismatch":
        return f"{shown} {PATTERNS.get(str(ctx.get('pattern')), 'is not written as expected here')}"
    if kind == "string_too_short":
        return "must not be empty"
    if kind == "string_too_long":
        return f"is longer than {ctx.get('max_length')} characters"
    if kind == "too_short":
        return f"needs at least {ctx.get('min_length')} (one - line each)"
    if kind == "too_long":
        return f"holds more than {ctx.get('max_length')}"
    if kind in ("greater_than_equal", "greater_than", "less_than_equal", "less_than"):
        bound = next(iter(ctx.values()), "")
        side = {
            "greater_than_equal": "at least",
            "greater_than": "more than",
            "less_than_equal": "at most",
            "less_than": "less than",
        }[kind]
        # A number typed in a form arrives as text: it reads as the number the file would give.
        number = given.strip() if isinstance(given, str) and _NUMBER.fullmatch(given.strip()) else shown
        return f"{number} is out of range: it must be {side} {bound}"
    return str(err.get("msg", "is not valid here")).removeprefix("Value error, ")


# What a field written with one of these patterns must look like, in words.
PATTERNS = {
    KEY_PATTERN: "is not a key: lower-case letters, digits, '-' and '_', starting with a letter or digit",
    EMAIL_PATTERN: "is not an email address (name@clinic.example)",
    r"^[A-Za-z0-9][A-Za-z0-9._-]*$": (
        "may hold only letters, digits, '.', '_' and '-', starting with a letter or digit"
    ),
    r"^(rotation|staff|all):\S+$": "is not whom to page: rotation:KEY, staff:EMAIL or all:ROLE",
}


def _not_a_key(key: str, allowed: list[str]) -> str:
    if not allowed:
        return "is not a key allowed here"
    return f"is not a key allowed here{_closest(key, allowed)} (allowed: {', '.join(allowed)})"


def _closest(given: Any, allowed: list[str]) -> str:
    near = difflib.get_close_matches(str(given), allowed, n=1, cutoff=0.6)
    return f"; did you mean {near[0]}?" if near else ""


def _literals(expected: str) -> list[str]:
    """The values of pydantic's "'sms', 'telegram' or 'simulator'"."""
    return re.findall(r"'((?:[^'\\]|\\.)*)'", expected)


@cache
def _models() -> dict[str, type[BaseModel]]:
    """The clinic file's models by name, as a ValidationError's `title` names the one validated."""
    out: dict[str, type[BaseModel]] = {}
    todo: list[type[BaseModel]] = [Strict]
    while todo:
        model = todo.pop()
        out[model.__name__] = model
        todo += model.__subclasses__()
    return out


def _fields_at(root: type[BaseModel], loc: tuple[Any, ...]) -> list[str]:
    """The keys allowed in the mapping at `loc` under `root`: its model's fields."""
    tp: Any = root
    for part in loc:
        tp = _model_in(tp, part)
        if tp is None:
            return []
    model = _model_in(tp, None)
    return list(model.model_fields) if model is not None else []


def _model_in(tp: Any, part: Any) -> Any:
    """One step down a type at `part` (a field, a list index, a mapping key); with `part`
    None, the model `tp` is or holds (X | None, Annotated[X, ...])."""
    if isinstance(tp, type) and issubclass(tp, BaseModel):
        if part is None:
            return tp
        field = tp.model_fields.get(str(part))
        return field.annotation if field is not None else None
    origin = get_origin(tp)
    args = [a for a in get_args(tp) if a is not type(None)]
    if origin in (list, dict) and part is not None and args:
        return args[-1]
    for arg in args:
        found = _model_in(arg, part)
        if found is not None:
            return found
    return None


def key_path(loc: tuple[Any, ...]) -> str:
    """A location as the import writes it: questions[1].ask_if."""
    return _path(loc)
