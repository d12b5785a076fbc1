from django.apps import AppConfig
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _


class EspooIntlConfig(AppConfig):
    name = "espoo_intl"
    verbose_name = _("organisation and people")

    def ready(self):
        from .roles import sync_roles

        post_migrate.connect(sync_roles, dispatch_uid="espoo_intl.sync_roles")
