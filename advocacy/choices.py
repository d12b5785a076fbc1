"""The advocacy app's choices (DOMAIN.md 2.4, 2.5)."""

from django.db import models
from django.utils.translation import gettext_lazy as _

__all__ = [
    "Kind", "Requester", "Body", "DecisionRole", "State", "OPEN_STATES", "DevelopmentStatus",
]  # fmt: skip


class Kind(models.TextChoices):
    CONSULTATION = "consultation", _("comment or consultation (kommentti, konsultaatio)")
    JOINT = "joint", _("joint public statement (julkilausuma)")
    OWN = "own", _("Espoo's own statement")
    OFFICIAL = "official", _("official statement (lausunto)")


class Requester(models.TextChoices):
    COMMISSION = "commission", _("the European Commission")
    NETWORK = "network", _("a network (e.g. Eurocities, the 6 cities)")
    MINISTRY = "ministry", _("a ministry")
    CITY = "city", _("Espoo itself")
    OTHER = "other", _("other")


class Body(models.TextChoices):
    """Who gives an official statement."""

    COUNCIL = "council", _("city council (valtuusto)")
    BOARD = "board", _("city board (kaupunginhallitus)")
    CITY_MANAGER = "city_manager", _("city manager (kaupunginjohtaja)")
    DEPARTMENT_DIRECTOR = "department_director", _("department director (toimialajohtaja)")


class DecisionRole(models.TextChoices):
    """Whose decision the preparer or kv-tiimi records."""

    UNIT_DIRECTOR = "unit_director", _("result unit director")
    DEPARTMENT_DIRECTOR = "department_director", _("department director (toimialajohtaja)")
    CITY_MANAGER = "city_manager", _("city manager (kaupunginjohtaja)")
    BOARD = "board", _("city board (kaupunginhallitus)")
    COUNCIL = "council", _("city council (valtuusto)")


class State(models.TextChoices):
    RECEIVED = "received", _("received (saapunut)")
    PREPARING = "preparing", _("in preparation")
    ASSESSED = "assessed", _("assessed")
    CITY_MANAGER = "city_manager", _("with the city manager for approval")
    DECIDED = "decided", _("decided")
    SENT = "sent", _("sent")
    GIVEN = "given", _("given")
    FILED = "filed", _("filed")
    DECLINED = "declined", _("declined")


OPEN_STATES = (
    State.RECEIVED,
    State.PREPARING,
    State.ASSESSED,
    State.CITY_MANAGER,
    State.DECIDED,
)


class DevelopmentStatus(models.TextChoices):
    NOT_STARTED = "not_started", _("not started")
    IN_PROGRESS = "in_progress", _("in progress")
    DONE = "done", _("done")
    PAUSED = "paused", _("paused")
