"""A request's files through the core's attachments: any name is stored safely and given
back on download; an oversized upload is refused with a clear message; closed is closed."""

from pathlib import Path
from urllib.parse import quote

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile

from espoo_intl.attachments import Attachment, attachment_add
from visits.choices import RequestState as S

from .request_factories import VisitRequestFactory
from .test_request_pages import PDF, in_language, page

pytestmark = pytest.mark.django_db

LONG_NAME = "kutsukirje-" + "ä" * 150 + "x" * 135 + ".pdf"  # 300 characters
NON_LATIN = "Письмо 信件 خطاب.pdf"


@pytest.fixture
def media_root(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    return tmp_path


@pytest.fixture
def kv_client(client_for, kv):
    return in_language(client_for(kv), "en")


def _upload(client, visit_request, name, content=PDF):
    return client.post(
        f"/requests/{visit_request.pk}/attachments/", {"file": SimpleUploadedFile(name, content)}
    )


@pytest.mark.parametrize("name", [LONG_NAME, NON_LATIN], ids=["300 characters", "non-Latin"])
def test_any_file_name_uploads_and_downloads(kv_client, unit, media_root, name):
    visit_request = VisitRequestFactory(host_unit=unit)
    assert len(LONG_NAME) == 300

    response = _upload(kv_client, visit_request, name)

    assert response.status_code == 302
    attachment = visit_request.attachments.get()
    assert attachment.original_name.endswith(".pdf")
    assert attachment.original_name[:20] == name[:20]
    stored = Path(attachment.file.path)
    assert stored.suffix == ".pdf" and stored.name.isascii()  # a generated name on disk
    html = page(kv_client.get(visit_request.get_absolute_url()))
    assert f"/attachments/{attachment.pk}/" in html
    download = kv_client.get(f"/attachments/{attachment.pk}/")
    assert download.status_code == 200
    assert download["Cache-Control"] == "no-store"
    disposition = download["Content-Disposition"]
    assert disposition.startswith("attachment")
    assert quote(attachment.original_name) in disposition or attachment.original_name in disposition
    assert b"".join(download.streaming_content) == PDF
    download.close()


def test_an_oversized_upload_is_refused_with_the_limit_and_nothing_is_stored(
    kv_client, unit, media_root, settings
):
    settings.ATTACHMENT_MAX_BYTES = 2048
    visit_request = VisitRequestFactory(host_unit=unit)

    response = _upload(kv_client, visit_request, "iso.pdf", PDF + b"0" * 200_000)

    html = page(response, 400)
    assert "The file is too large" in html
    assert "2.0\xa0KB" in html  # the limit, as people read it
    assert not Attachment.objects.exists()
    assert [p for p in media_root.rglob("*") if p.is_file()] == []


def test_an_oversized_letter_refuses_the_registration_with_a_message(
    client_for, lead, media_root, settings
):
    from .test_request_registration import _form

    settings.ATTACHMENT_MAX_BYTES = 2048
    letter = SimpleUploadedFile("kirje.pdf", PDF + b"0" * 200_000)

    response = in_language(client_for(lead), "en").post("/requests/new/", _form(attachments=letter))

    assert response.status_code == 200
    assert "The file is too large" in response.content.decode()
    assert not Attachment.objects.exists()


def test_a_closed_request_takes_no_new_files(kv, unit, media_root):
    visit_request = VisitRequestFactory(host_unit=unit, state=S.DEBRIEFED)

    with pytest.raises(ValidationError):
        attachment_add(visit_request, actor=kv, file=SimpleUploadedFile("kirje.pdf", PDF))

    assert not Attachment.objects.exists()


def test_a_download_of_a_missing_attachment_is_not_found(kv_client):
    assert kv_client.get("/attachments/999999/").status_code == 404


def test_an_oversized_file_is_dropped_as_it_streams_in(rf, settings):
    """The upload handler keeps no more than the limit: the file is not read whole into
    memory or onto disk before it is refused."""
    settings.ATTACHMENT_MAX_BYTES = 2048
    request = rf.post("/x/", {"file": SimpleUploadedFile("iso.pdf", PDF + b"0" * 500_000)})

    upload = request.FILES["file"]

    assert upload.too_large and upload.size > 500_000
    assert upload.file is None  # nothing of it was kept
