"""The shape of `GET /api/v1/analytics`: pydantic models of every figure `report()` gives
(analytics_report.py), so that the OpenAPI schema tells a script what it will get.

They describe the JSON, they do not make it: the route still returns `report()`'s dict and
FastAPI validates it against `AnalyticsOut`. A figure added to `report()` without a field here
fails tests/web/test_analytics_schema.py (the response must equal `report()`), and never a
client's request: an unknown key is left out, not a server error. Levels are the case levels of
escalation/analytics.py (`CASE_LEVELS`); times are seconds from a case's opening; weeks are
named by their Monday, the clinic's local date.
"""

from __future__ import annotations

from datetime import date

from pydantic import BaseModel, ConfigDict, Field


class _Shape(BaseModel):
    model_config = ConfigDict(extra="ignore")


class ClinicRef(_Shape):
    slug: str
    name: str
    timezone: str = Field(description="IANA zone the period's days and weeks are counted in")


class PerLevel(_Shape):
    """A count for each case level."""

    routine: int
    urgent: int
    emergency: int


class CaseCounts(_Shape):
    total: int = Field(description="cases opened in the period")
    by_level: PerLevel = Field(description="by the level each case has now (the highest it reached)")
    unresolved: int = Field(description="of them, not resolved yet")


class Spread(_Shape):
    """How long cases of one level took to get somewhere (acknowledged, resolved)."""

    count: int = Field(description="cases that got there")
    pending: int = Field(description="cases of the level that have not got there yet")
    median_s: float | None = Field(description="median seconds from opening; null when count is 0")
    p90_s: float | None = Field(description="90th percentile seconds from opening; null when count is 0")


class SpreadPerLevel(_Shape):
    routine: Spread
    urgent: Spread
    emergency: Spread


class CasesWeek(_Shape):
    """Cases opened in one week, by level."""

    week: date = Field(description="the week's Monday")
    routine: int
    urgent: int
    emergency: int


class Escalations(_Shape):
    past_tier_1: int = Field(description="cases whose tier 2 (or later) was paged")
    paged: int = Field(description="cases paged at all (tier 1 or later)")
    by_level: PerLevel = Field(description="cases escalated past tier 1, by level")


class CheckIns(_Shape):
    sent: int = Field(description="check-ins sent in the period")
    counted: int = Field(description="of them, closed ones that count towards the response rate")
    answered: int = Field(description="of the counted, those answered at least in part")
    response_rate: float | None = Field(description="answered / counted, 0-1; null when none counted")


class RateWeek(_Shape):
    week: date = Field(description="the week's Monday")
    counted: int = Field(description="closed check-ins sent that week that count")
    answered: int = Field(description="of them, answered at least in part")
    rate: float | None = Field(description="answered / counted, 0-1; null when none counted")


class ProtocolRate(_Shape):
    protocol: str = Field(description="the protocol's key")
    name: str = Field(description="the protocol's name")
    weeks: list[RateWeek] = Field(description="every week of the period, oldest first")


class Alerts(_Shape):
    count: int = Field(description="cases opened or raised in the period")
    checkins: int = Field(description="check-ins sent in the period")
    per_100_checkins: float | None = Field(
        description="count per 100 check-ins, one decimal; null for none sent"
    )


class RuleCount(_Shape):
    rule: str = Field(description="a red-flag rule of triage")
    cases: int = Field(description="cases opened in the period it gave a reason to")


class AnalyticsOut(_Shape):
    """A clinic's analytics between two dates, both included."""

    model_config = ConfigDict(extra="ignore", populate_by_name=True)

    clinic: ClinicRef
    from_: date = Field(alias="from", description="first day of the period")
    to: date = Field(description="last day of the period")
    weeks: list[date] = Field(description="the Mondays of the weeks the period touches, oldest first")
    cases: CaseCounts
    time_to_acknowledge: SpreadPerLevel = Field(description="of the cases opened in the period, by level")
    time_to_resolve: SpreadPerLevel = Field(description="of the cases opened in the period, by level")
    cases_per_week: list[CasesWeek] = Field(description="cases opened, per week of the period, oldest first")
    escalations: Escalations
    dispositions: dict[str, int] = Field(
        description="the resolved cases by disposition (`other` when none was given), usual order first"
    )
    checkins: CheckIns
    response_rate: list[ProtocolRate] = Field(description="per protocol of the clinic, by key, per week")
    alerts: Alerts
    top_rules: list[RuleCount] = Field(
        description="the rules that gave reasons to the most cases, at most 10"
    )
