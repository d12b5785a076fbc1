"""Readable change history for a record's page (who, when, what)."""

import datetime

from django.utils import formats, timezone
from django.utils.translation import gettext as _

__all__ = ["history_entries"]


def _display(record, field) -> str:
    value = getattr(record, field.attname, None)
    if field.choices:
        return str(dict(field.flatchoices).get(value, value))
    if field.is_relation and value is not None:
        target = field.related_model._default_manager.filter(pk=value).first()
        return str(target) if target else str(value)
    if value is None or value == "":
        return "–"
    if isinstance(value, bool):
        return _("yes") if value else _("no")
    if isinstance(value, datetime.datetime):
        return formats.date_format(timezone.localtime(value), "SHORT_DATETIME_FORMAT")
    if isinstance(value, datetime.date):
        return formats.date_format(value, "SHORT_DATE_FORMAT")
    return str(value)


def _m2m_names(field, rows) -> str:
    key = field.m2m_reverse_field_name()
    ids = [row[key] for row in rows or []]
    names = sorted(str(o) for o in field.related_model._default_manager.filter(pk__in=ids))
    return ", ".join(names) or "–"


def _m2m_change(field, change) -> dict:
    """simple_history gives many-to-many values as lists of through-rows: show the names."""
    return {
        "name": field.name,
        "field": field.verbose_name,
        "old": _m2m_names(field, change.old),
        "new": _m2m_names(field, change.new),
        "m2m": True,
    }


def history_entries(obj, limit: int = 50) -> list[dict]:
    """Newest first: each entry has date, user, kind and the fields that changed."""
    history = getattr(obj, "history", None)
    if history is None:
        return []
    records = list(history.select_related("history_user").order_by("-history_date")[: limit + 1])
    kinds = {"+": _("created"), "~": _("changed"), "-": _("deleted")}
    model = type(obj)
    entries = []
    for record, previous in zip(records, records[1:] + [None], strict=False):
        changes = []
        if previous is not None and record.history_type == "~":
            delta = record.diff_against(previous)
            order = {f.name: i for i, f in enumerate(model._meta.get_fields())}
            for change in sorted(delta.changes, key=lambda c: order.get(c.field, 0)):
                field = model._meta.get_field(change.field)
                if field.many_to_many:
                    changes.append(_m2m_change(field, change))
                    continue
                changes.append(
                    {
                        "name": field.name,
                        "field": field.verbose_name,
                        "old": _display(previous, field),
                        "new": _display(record, field),
                    }
                )
        entries.append(
            {
                "date": record.history_date,
                "user": record.history_user,
                "type": record.history_type,
                "kind": kinds.get(record.history_type, record.history_type),
                "changes": changes,
                "reason": record.history_change_reason or "",
            }
        )
    return _merge_steps(entries)[:limit]


# One save is several history rows: the save itself, then one row per many-to-many step
# (`.set()` removes, then adds). Many-to-many-only rows by the same person right after a
# save belong to that save.
_SAME_SAVE = datetime.timedelta(seconds=5)


def _merge_steps(entries: list[dict]) -> list[dict]:
    """Fold the many-to-many rows of one save into the save's entry (entries are newest first)."""
    merged: list[dict] = []
    for entry in reversed(entries):  # oldest first
        last = merged[-1] if merged else None
        if (
            last is not None
            and entry["type"] == "~"
            and all(c.get("m2m") for c in entry["changes"])
            and entry["user"] == last["user"]
            and entry["date"] - last["date"] <= _SAME_SAVE
        ):
            by_field = {c["name"]: c for c in last["changes"]}
            for change in entry["changes"]:
                if change["name"] in by_field:
                    by_field[change["name"]]["new"] = change["new"]
                elif last["type"] != "+":
                    last["changes"].append(change)
            last["date"] = entry["date"]
            continue
        merged.append(entry)
    for entry in merged:
        entry["changes"] = [c for c in entry["changes"] if c["old"] != c["new"]]
    return list(reversed(merged))
