from django.contrib import admin
from django.contrib.auth.admin import UserAdmin as BaseUserAdmin
from django.utils.translation import gettext_lazy as _

from .models import OrgUnit, Theme, User
from .questionnaires import Question, QuestionSet


@admin.register(OrgUnit)
class OrgUnitAdmin(admin.ModelAdmin):
    list_display = ("name_fi", "kind", "parent", "department", "is_active")
    list_filter = ("kind", "is_active")
    search_fields = ("name_fi", "name_en", "name_sv", "abbreviation")


@admin.register(Theme)
class ThemeAdmin(admin.ModelAdmin):
    list_display = ("name_fi", "name_en", "name_sv", "slug", "is_active")
    list_filter = ("is_active",)
    search_fields = ("name_fi", "name_en", "name_sv")


@admin.register(User)
class UserAdmin(BaseUserAdmin):
    fieldsets = BaseUserAdmin.fieldsets + (
        (_("Portal"), {"fields": ("unit", "title", "language")}),
    )
    list_display = ("username", "first_name", "last_name", "unit", "is_active")
    list_filter = ("groups", "is_active", "unit__department")


class QuestionInline(admin.TabularInline):
    model = Question
    extra = 0
    fields = ("order", "code", "text_fi", "text_sv", "text_en", "bad_answer", "asks_how")


@admin.register(QuestionSet)
class QuestionSetAdmin(admin.ModelAdmin):
    """Question sets are data: their wording is edited here, answers are kept as given."""

    list_display = ("code", "name_fi")
    inlines = [QuestionInline]
