from .partner import Partner
from .partnership import Partnership, decision_errors
from .project import MONEY_FIELDS, Project

__all__ = ["Partner", "Partnership", "Project", "MONEY_FIELDS", "decision_errors"]
