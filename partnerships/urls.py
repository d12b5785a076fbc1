from django.urls import path

from .views import partners, partnerships, projects

# Partners under /partners/, partnerships under /partnerships/, projects under /projects/.
app_name = "partnerships"
urlpatterns = [
    path("partners/", partners.PartnerListView.as_view(), name="partner_list"),
    path("partners/new/", partners.PartnerEditView.as_view(), name="partner_add"),
    path("partners/<int:pk>/", partners.PartnerDetailView.as_view(), name="partner_detail"),
    path("partners/<int:pk>/edit/", partners.PartnerEditView.as_view(), name="partner_edit"),
    path("partners/<int:pk>/delete/", partners.PartnerDeleteView.as_view(), name="partner_delete"),
    path("partnerships/", partnerships.PartnershipListView.as_view(), name="partnership_list"),
    path("partnerships/new/", partnerships.PartnershipEditView.as_view(), name="partnership_add"),
    path("partnerships/<int:pk>/", partnerships.PartnershipDetailView.as_view(), name="partnership_detail"),
    path("partnerships/<int:pk>/edit/", partnerships.PartnershipEditView.as_view(), name="partnership_edit"),
    path("partnerships/<int:pk>/delete/", partnerships.PartnershipDeleteView.as_view(), name="partnership_delete"),
    path("partnerships/<int:pk>/transition/", partnerships.TransitionView.as_view(), name="partnership_transition"),
    path("partnerships/<int:pk>/assess/", partnerships.AssessView.as_view(), name="partnership_assess"),
    path("partnerships/<int:pk>/assessments/", partnerships.AssessmentsCompareView.as_view(), name="partnership_assessments"),
    path("partnerships/<int:pk>/attachments/", partnerships.AttachmentAddView.as_view(), name="partnership_attachment_add"),
    path("projects/", projects.ProjectListView.as_view(), name="project_list"),
    path("projects/new/", projects.ProjectEditView.as_view(), name="project_add"),
    path("projects/<int:pk>/", projects.ProjectDetailView.as_view(), name="project_detail"),
    path("projects/<int:pk>/edit/", projects.ProjectEditView.as_view(), name="project_edit"),
    path("projects/<int:pk>/delete/", projects.ProjectDeleteView.as_view(), name="project_delete"),
]  # fmt: skip
