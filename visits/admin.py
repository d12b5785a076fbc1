from django.contrib import admin

from .models import ChecklistTemplate, ProtocolRule, RoutingRule


@admin.register(ProtocolRule)
class ProtocolRuleAdmin(admin.ModelAdmin):
    list_display = ("rank", *ProtocolRule.PARTY_FIELDS.values())


@admin.register(RoutingRule)
class RoutingRuleAdmin(admin.ModelAdmin):
    list_display = ("theme", "rank", "unit", "priority")
    list_filter = ("rank",)


@admin.register(ChecklistTemplate)
class ChecklistTemplateAdmin(admin.ModelAdmin):
    list_display = ("name_fi", "phase", "required", "dignitary_only", "order", "is_active")
    list_filter = ("phase", "required", "dignitary_only", "is_active")
