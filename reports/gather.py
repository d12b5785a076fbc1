"""What the annual report is built from (issue 11): one JSON-serialisable dict per year.

`gather_report_data(year)` reads every app through its selectors and returns plain data
(numbers, strings, lists; no model instances, nothing confidential). The same database gives
the same dict, so `input_digest()` identifies a report's inputs. `report_figures()` flattens it
into the figures a published report freezes and later compares with the live data.
"""

import hashlib
import json

__all__ = ["gather_report_data", "report_figures", "input_digest"]


def gather_report_data(year: int) -> dict:
    """Everything the report for `year` shows, in the report's chapter order."""
    return {"year": year, "sections": []}


def report_figures(data: dict) -> dict[str, dict]:
    """The report's figures, flat: {stable key: {"label": str, "value": number | str | None}}.
    Keys stay the same from one compilation to the next, so two versions can be compared."""
    return {}


def input_digest(data: dict) -> str:
    """A SHA-256 of the gathered data in canonical JSON: equal inputs, equal digest."""
    canonical = json.dumps(
        data, sort_keys=True, ensure_ascii=False, separators=(",", ":"), default=str
    )
    return hashlib.sha256(canonical.encode()).hexdigest()
