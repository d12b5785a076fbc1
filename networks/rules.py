"""The classification rule of DOMAIN.md 3.5 as a pure function: which class the answers
to the criteria suggest. The management group decides the class; this is a hint."""

from .choices import NetworkClass

__all__ = ["suggested_class"]


def suggested_class(values: dict) -> str | None:
    """`values` maps question codes to True / False / None (espoo_intl.questionnaires.summary).
    Not aligned, no clear owner or no active cooperation: passive. Serving several strategic
    goals with many interested units: strategic. Otherwise aligned: thematic."""
    if any(values.get(code) is False for code in ("aligned", "clear_owner", "active_cooperation")):
        return NetworkClass.PASSIVE
    if values.get("strategic_goals") and values.get("many_units"):
        return NetworkClass.STRATEGIC
    if values.get("aligned"):
        return NetworkClass.THEMATIC
    return None
