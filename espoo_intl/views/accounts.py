"""Account pages that need more than Django's own: a throttled password reset."""

from django.conf import settings
from django.contrib.auth import views as auth_views
from django.utils.translation import gettext as _

from ..security import client_ip, rate_limited

__all__ = ["ThrottledPasswordResetView"]


class ThrottledPasswordResetView(auth_views.PasswordResetView):
    """Django's password reset, refused (429, nothing sent) after PASSWORD_RESET_LIMIT
    requests an hour from one address or for one e-mail address. The answer is the same
    whether or not the address has an account."""

    def form_valid(self, form):
        limit = settings.PASSWORD_RESET_LIMIT
        by_address = rate_limited("reset-ip", client_ip(self.request), limit=limit)
        by_email = rate_limited("reset-email", form.cleaned_data["email"], limit=limit)
        if by_address or by_email:
            form.add_error(None, _("Too many password reset requests. Please try again later."))
            return self.render_to_response(self.get_context_data(form=form), status=429)
        return super().form_valid(form)
