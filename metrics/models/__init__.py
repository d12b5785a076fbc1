from .diversity import StaffDiversity
from .framework import Goal, Indicator, Objective, Provider, Source, Unit, parse_sdg_tags
from .round import ReportingPeriod, Submission, SubmissionState, Value

__all__ = [
    "Goal", "Objective", "Provider", "Indicator", "Unit", "Source", "parse_sdg_tags",
    "ReportingPeriod", "Submission", "SubmissionState", "Value", "StaffDiversity",
]  # fmt: skip
