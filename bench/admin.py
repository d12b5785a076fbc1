"""A bench-only admin of the visits (bench.settings installs it): the baseline the visit
list is measured against, with the same filter (year, kind) and search (title, visiting
organisation, follow-up) as the portal's visit list."""

from django.contrib import admin

from visits.models import Visit


@admin.register(Visit)
class BenchVisitAdmin(admin.ModelAdmin):
    list_display = ("title", "kind", "visiting_organisation", "country", "host_unit", "start_date", "status")  # fmt: skip
    list_filter = ("kind", "status")
    list_select_related = ("host_unit",)
    search_fields = ("title", "visiting_organisation", "follow_up")
    date_hierarchy = "start_date"
    list_per_page = 25
