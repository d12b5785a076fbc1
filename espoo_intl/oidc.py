"""Single sign-on with the city's identity provider over OpenID Connect (mozilla-django-oidc);
optional and off unless OIDC_ENABLED.

Sign-in runs the authorization code flow (with PKCE and a nonce); the ID token's signature
is checked against the provider's keys (JWKS). The account is found by the username claim
(OIDC_USERNAME_CLAIM, by default `preferred_username`), so a local account with the same
username is the same person; a new one is created without a usable password. At every
sign-in the provider's groups (OIDC_GROUPS_CLAIM) decide the portal roles (OIDC_GROUP_ROLES:
group -> role) and the organisation unit (OIDC_GROUP_UNITS: group -> unit abbreviation): a
group the configuration does not name gives nothing, and roles the groups no longer give are
taken away. Local accounts and the sign-in form keep working beside it.
"""

import logging

import requests
from django.conf import settings
from django.contrib.auth.models import Group
from django.core.exceptions import SuspiciousOperation, ValidationError
from django.db import transaction
from django.http import Http404
from mozilla_django_oidc.auth import OIDCAuthenticationBackend
from mozilla_django_oidc.views import OIDCAuthenticationCallbackView, OIDCAuthenticationRequestView

from .models import OrgUnit, User
from .roles import Role

__all__ = ["PortalOIDCBackend", "SignInStart", "SignInCallback", "user_sync_from_claims"]

log = logging.getLogger(__name__)


def _groups(claims: dict) -> list[str]:
    groups = claims.get(settings.OIDC_GROUPS_CLAIM) or []
    if isinstance(groups, str):
        groups = [groups]
    return [str(group) for group in groups]


def _mapped_roles(groups: list[str]) -> set[str]:
    known = set(Role.values)
    roles = {settings.OIDC_GROUP_ROLES.get(group) for group in groups}
    unknown = roles - known - {None}
    if unknown:
        log.warning("OIDC_GROUP_ROLES names roles the portal does not have: %s", sorted(unknown))
    return roles & known


def _mapped_unit(groups: list[str]) -> OrgUnit | None:
    for group in groups:
        abbreviation = settings.OIDC_GROUP_UNITS.get(group)
        if abbreviation:
            unit = OrgUnit.objects.filter(abbreviation=abbreviation, is_active=True).first()
            if unit is None:
                log.warning("OIDC_GROUP_UNITS: no active unit abbreviated %s", abbreviation)
            else:
                return unit
    return None


@transaction.atomic
def user_sync_from_claims(*, claims: dict, user: User | None = None) -> User:
    """Create or update the account the provider vouches for: names and e-mail from the
    claims; roles exactly those its groups map to; the unit its groups map to (left as it
    was when none does)."""
    if user is None:
        user = User(username=claims[settings.OIDC_USERNAME_CLAIM])
        user.set_unusable_password()
    user.email = claims.get("email", user.email) or ""
    user.first_name = claims.get("given_name", user.first_name) or ""
    user.last_name = claims.get("family_name", user.last_name) or ""
    groups = _groups(claims)
    roles = _mapped_roles(groups)
    user.unit = _mapped_unit(groups) or user.unit
    user.is_staff = Role.ADMINISTRATOR.value in roles or user.is_superuser
    user.full_clean(exclude=["password"])
    user.save()
    user.groups.remove(*Group.objects.filter(name__in=Role.values).exclude(name__in=roles))
    user.groups.add(*Group.objects.filter(name__in=roles))
    user.__dict__.pop("roles", None)  # a cached property of the role names
    log.info("single sign-on: %s signed in with roles %s", user.username, sorted(roles))
    return user


class PortalOIDCBackend(OIDCAuthenticationBackend):
    """mozilla-django-oidc's backend, finding people by username and mapping their groups."""

    def authenticate(self, request, **kwargs):
        """None (the sign-in page then says single sign-on did not succeed) when OIDC is off,
        the ID token fails its checks, the claims do not make a valid account or the provider
        does not answer; never an error page."""
        if not settings.OIDC_ENABLED:
            return None
        try:
            return super().authenticate(request, **kwargs)
        except (SuspiciousOperation, ValidationError, requests.RequestException) as error:
            log.warning("single sign-on refused: %s: %s", type(error).__name__, error)
            return None

    def verify_claims(self, claims):
        return bool(claims.get(settings.OIDC_USERNAME_CLAIM))

    def filter_users_by_claims(self, claims):
        username = claims.get(settings.OIDC_USERNAME_CLAIM)
        if not username:
            return self.UserModel.objects.none()
        return self.UserModel.objects.filter(username__iexact=username)

    def describe_user_by_claims(self, claims):
        return f"username {claims.get(settings.OIDC_USERNAME_CLAIM)}"

    def create_user(self, claims):
        return user_sync_from_claims(claims=claims)

    def update_user(self, user, claims):
        if not user.is_active:
            raise SuspiciousOperation("a deactivated account")
        return user_sync_from_claims(claims=claims, user=user)


class _OnlyWhenEnabled:
    def dispatch(self, request, *args, **kwargs):
        if not settings.OIDC_ENABLED:
            raise Http404("single sign-on is not in use")
        return super().dispatch(request, *args, **kwargs)


class SignInStart(_OnlyWhenEnabled, OIDCAuthenticationRequestView):
    """Sends the browser to the identity provider."""


class SignInCallback(_OnlyWhenEnabled, OIDCAuthenticationCallbackView):
    """Where the provider sends the browser back with a code."""
