"""Readable change history for a record's page (who, when, what)."""

import datetime

from django.utils import formats, timezone
from django.utils.translation import gettext as _

__all__ = ["history_entries"]


def _display(record, field, names: dict) -> str:
    value = getattr(record, field.attname, None)
    if field.choices:
        return str(dict(field.flatchoices).get(value, value))
    if field.is_relation and value is not None:
        return names.get((field.related_model, value), str(value))
    if value is None or value == "":
        return "–"
    if isinstance(value, bool):
        return _("yes") if value else _("no")
    if isinstance(value, datetime.datetime):
        return formats.date_format(timezone.localtime(value), "SHORT_DATETIME_FORMAT")
    if isinstance(value, datetime.date):
        return formats.date_format(value, "SHORT_DATE_FORMAT")
    return str(value)


def _m2m_ids(records: list, model) -> dict[str, dict[int, tuple]]:
    """{m2m field: {history id: sorted related ids}} for every record, one query per field
    (simple_history's own diff reads two per field and record)."""
    if not records:
        return {}
    found = {}
    for field in type(records[0])._history_m2m_fields:
        through = getattr(records[0], field.name).model
        target = model._meta.get_field(field.name).m2m_reverse_field_name()
        by_record = {record.pk: [] for record in records}
        rows = through._default_manager.filter(history__in=list(by_record)).values_list(
            "history_id", f"{target}_id"
        )
        for history_id, related_id in rows:
            by_record[history_id].append(related_id)
        found[field.name] = {pk: tuple(sorted(ids)) for pk, ids in by_record.items()}
    return found


def _names(wanted: dict) -> dict:
    """{(model, pk): str(object)} for the related objects the changes name, one query per model."""
    names = {}
    for model, pks in wanted.items():
        for obj in model._default_manager.filter(pk__in=pks):
            names[(model, obj.pk)] = str(obj)
    return names


def _m2m_text(field, ids: tuple, names: dict) -> str:
    found = sorted(names.get((field.related_model, pk), str(pk)) for pk in ids)
    return ", ".join(found) or "–"


def _raw_changes(model, record, previous, m2m: dict) -> list[tuple]:
    """(field, old m2m ids or None, new m2m ids or None) for each field the save changed."""
    m2m_names = set(m2m)
    delta = record.diff_against(previous, excluded_fields=m2m_names)
    changed = [(model._meta.get_field(c.field), None, None) for c in delta.changes]
    for name, by_record in m2m.items():
        old, new = by_record[previous.pk], by_record[record.pk]
        if old != new:
            changed.append((model._meta.get_field(name), old, new))
    order = {f.name: i for i, f in enumerate(model._meta.get_fields())}
    return sorted(changed, key=lambda c: order.get(c[0].name, 0))


def history_entries(obj, limit: int = 50) -> list[dict]:
    """Newest first: each entry has date, user, kind and the fields that changed. A constant
    number of queries however long the history: the records, one per many-to-many field
    and one per model the changes name."""
    history = getattr(obj, "history", None)
    if history is None:
        return []
    records = list(history.select_related("history_user").order_by("-history_date")[: limit + 1])
    kinds = {"+": _("created"), "~": _("changed"), "-": _("deleted")}
    model = type(obj)
    m2m = _m2m_ids(records, model)
    raw = {}
    wanted: dict = {}
    for record, previous in zip(records, records[1:] + [None], strict=False):
        if previous is None or record.history_type != "~":
            continue
        raw[record.pk] = _raw_changes(model, record, previous, m2m)
        for field, old, new in raw[record.pk]:
            if field.many_to_many:
                wanted.setdefault(field.related_model, set()).update(old + new)
            elif field.is_relation and not field.choices:
                ids = {getattr(r, field.attname) for r in (record, previous)} - {None}
                wanted.setdefault(field.related_model, set()).update(ids)
    names = _names(wanted)
    entries = []
    for record, previous in zip(records, records[1:] + [None], strict=False):
        changes = []
        for field, old, new in raw.get(record.pk, []):
            if field.many_to_many:
                changes.append({
                    "name": field.name, "field": field.verbose_name, "m2m": True,
                    "old": _m2m_text(field, old, names), "new": _m2m_text(field, new, names),
                })  # fmt: skip
                continue
            changes.append(
                {
                    "name": field.name,
                    "field": field.verbose_name,
                    "old": _display(previous, field, names),
                    "new": _display(record, field, names),
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
