"""Every write of the visits app goes through these functions."""

from .visits import visit_create, visit_delete, visit_update

__all__ = ["visit_create", "visit_update", "visit_delete"]
