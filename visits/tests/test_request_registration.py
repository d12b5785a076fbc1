"""Registering a request with its original letter: all or nothing."""

import datetime

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from espoo_intl.attachments import Attachment
from visits.models import VisitRequest

pytestmark = pytest.mark.django_db

PDF = b"%PDF-1.4\n1 0 obj<</Type/Catalog>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n"


def _form(**extra):
    start = datetime.date.today() + datetime.timedelta(days=60)
    return {
        "subject": "Suurlähettilään vierailu",
        "requester_type": "embassy",
        "requester_name": "Embassy of Japan",
        "received_on": datetime.date.today().isoformat(),
        "proposed_start": start.isoformat(),
        "proposed_end": start.isoformat(),
        "kind": "dignitary",
        "visitor": "H.E. the Ambassador",
        "dignitary_rank": "ambassador",
        "visiting_organisation": "Embassy of Japan",
        "country": "JP",
        "group_size": "3",
        "interpretation": "none",
        **extra,
    }


def test_lead_registers_a_request_with_the_original_letter(client_for, lead, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    letter = SimpleUploadedFile("kirje.pdf", PDF, content_type="application/pdf")

    response = client_for(lead).post("/requests/new/", _form(attachments=letter))

    visit_request = VisitRequest.objects.get(subject="Suurlähettilään vierailu")
    assert response.status_code == 302
    assert response["Location"] == f"/requests/{visit_request.pk}/"
    attachment = visit_request.attachments.get()
    assert attachment.original_name == "kirje.pdf"
    assert attachment.mime_type == "application/pdf"
    assert (tmp_path / "attachments").exists()


def test_a_forbidden_letter_refuses_the_whole_registration_and_keeps_the_input(
    client_for, staff, settings, tmp_path
):
    settings.MEDIA_ROOT = tmp_path
    staff.language = "en"
    staff.save()
    fake = SimpleUploadedFile("kirje.pdf", b"MZ\x90\x00" + b"\x00" * 200)

    response = client_for(staff).post("/requests/new/", _form(attachments=fake))

    assert response.status_code == 200
    body = response.content.decode()
    assert "This type of file is not accepted." in body
    assert 'value="Suurlähettilään vierailu"' in body
    assert not VisitRequest.objects.exists()
    assert not Attachment.objects.exists()
