"""Files attached to any record: one model, private storage, checks by content, one
permission-checked download.

A register uses it in three lines:

    attachments = GenericRelation("espoo_intl.Attachment")       # on the model
    attachment_add(record, actor=user, file=upload)              # in a service or action view
    {% include "attachments/_list.html" with upload_url=... %}   # on the record's page

Files are stored under a generated name (uuid + an extension chosen from the content) in
MEDIA_ROOT/attachments, outside the web root; the name the user gave is kept as it was,
whatever its length or script, and given back on download.
"""

import uuid
from pathlib import Path

import filetype
from django import forms
from django.conf import settings
from django.contrib.auth.mixins import LoginRequiredMixin
from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.storage import FileSystemStorage
from django.core.files.uploadedfile import UploadedFile
from django.core.files.uploadhandler import FileUploadHandler
from django.db import models, transaction
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views import View

from .permissions import can_change, in_reach

__all__ = [
    "Attachment", "AttachmentForm", "AttachmentDownloadView", "LimitedUploadHandler",
    "PrivateStorage", "private_storage", "attachment_storage", "ALLOWED_ATTACHMENT_TYPES",
    "check_upload", "attachment_store", "attachment_add",
]  # fmt: skip

# What the content says it is, not what the name says (a renamed .exe stays an .exe).
ALLOWED_ATTACHMENT_TYPES = {
    "application/pdf": "PDF",
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document": "DOCX",
    "image/jpeg": "JPEG",
    "image/png": "PNG",
    "image/gif": "GIF",
    "image/webp": "WebP",
}
_EXTENSIONS = {
    "application/pdf": ".pdf",
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document": ".docx",
    "image/jpeg": ".jpg",
    "image/png": ".png",
    "image/gif": ".gif",
    "image/webp": ".webp",
}


# --- storage ----------------------------------------------------------------------------------


def private_download(stored, filename: str, *, content_type: str | None = None) -> FileResponse:
    """A stored private file as a download under `filename`, never kept in a cache (it may be
    confidential); 404 when the file has gone from the disk."""
    try:
        handle = stored.open("rb")
    except FileNotFoundError:
        raise Http404 from None
    response = FileResponse(
        handle, as_attachment=True, filename=filename, content_type=content_type
    )
    response["Cache-Control"] = "no-store"
    return response


class PrivateStorage(FileSystemStorage):
    """Files under MEDIA_ROOT/<folder> (attachments here), outside the web root and never
    given a URL; the folder is read from settings on every use, so a changed MEDIA_ROOT takes
    effect at once."""

    folder = "attachments"

    @property
    def base_location(self):
        return str(Path(settings.MEDIA_ROOT) / self.folder)

    @property
    def location(self):
        return str(Path(self.base_location).resolve())

    @property
    def base_url(self):
        return None


private_storage = PrivateStorage()


def attachment_storage() -> PrivateStorage:
    """A callable, so migrations name this function rather than a machine's path."""
    return private_storage


def _stored_name(instance, filename) -> str:
    """A generated name: the user's name never reaches the file system."""
    ct = instance.content_type
    ext = _EXTENSIONS.get(instance.mime_type, "")
    return f"{ct.app_label}/{ct.model}/{instance.object_id}/{uuid.uuid4().hex}{ext}"


# --- the model --------------------------------------------------------------------------------


class Attachment(models.Model):
    """A file attached to any record; served only through `AttachmentDownloadView`."""

    content_type = models.ForeignKey(
        ContentType, verbose_name=gettext_lazy("record type"), on_delete=models.CASCADE
    )
    object_id = models.PositiveBigIntegerField(gettext_lazy("record"))
    owner = GenericForeignKey("content_type", "object_id")
    file = models.FileField(
        gettext_lazy("file"), storage=attachment_storage, upload_to=_stored_name, max_length=300
    )
    original_name = models.TextField(gettext_lazy("file name"))
    mime_type = models.CharField(gettext_lazy("type"), max_length=100)
    size = models.PositiveBigIntegerField(gettext_lazy("size (bytes)"))
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=gettext_lazy("uploaded by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    uploaded_at = models.DateTimeField(gettext_lazy("uploaded"), auto_now_add=True)

    class Meta:
        verbose_name = gettext_lazy("attachment")
        verbose_name_plural = gettext_lazy("attachments")
        ordering = ["uploaded_at", "pk"]
        indexes = [models.Index(fields=["content_type", "object_id"])]

    def __str__(self) -> str:
        return self.original_name

    def get_absolute_url(self) -> str:
        from django.urls import reverse

        return reverse("attachment_download", args=[self.pk])


# --- uploads: size before reading, type by content --------------------------------------------


class TooLargeUpload(UploadedFile):
    """What is left of a file that passed ATTACHMENT_MAX_BYTES: its name and size, no content."""

    too_large = True

    def __init__(self, name, size):
        super().__init__(file=None, name=name, size=size)


class LimitedUploadHandler(FileUploadHandler):
    """First in FILE_UPLOAD_HANDLERS: passes chunks on until a file passes
    ATTACHMENT_MAX_BYTES, then drops the rest, so an oversized upload is never kept whole in
    memory or on disk; the form then says it is too large."""

    def new_file(self, *args, **kwargs):
        super().new_file(*args, **kwargs)
        self.received = 0
        self.over = False

    def receive_data_chunk(self, raw_data, start):
        self.received += len(raw_data)
        if self.received > settings.ATTACHMENT_MAX_BYTES:
            self.over = True
        return None if self.over else raw_data

    def file_complete(self, file_size):
        if self.over:
            return TooLargeUpload(self.file_name, self.received)
        return None


def _too_large(size) -> ValidationError:
    return ValidationError(
        {
            "file": _("The file is too large (%(size)s). The limit is %(limit)s.")
            % {
                "size": filesizeformat(size),
                "limit": filesizeformat(settings.ATTACHMENT_MAX_BYTES),
            }
        },
        code="too_large",
    )


def check_upload(upload) -> str:
    """The file's real type (from its content), or a ValidationError on "file"."""
    if getattr(upload, "too_large", False) or upload.size > settings.ATTACHMENT_MAX_BYTES:
        raise _too_large(upload.size)
    head = upload.read(8192)
    upload.seek(0)
    kind = filetype.guess(head)
    mime = kind.mime if kind else ""
    if mime == "application/zip" and upload.name.lower().endswith(".docx"):
        mime = _docx_mime(upload)
    if mime not in ALLOWED_ATTACHMENT_TYPES:
        raise ValidationError(
            {
                "file": _("This type of file is not accepted. Allowed: %(types)s.")
                % {"types": ", ".join(sorted(set(ALLOWED_ATTACHMENT_TYPES.values())))}
            },
            code="type",
        )
    return mime


def _docx_mime(upload) -> str:
    """A .docx is a zip with word/document.xml; check the inside, not the name."""
    import zipfile

    try:
        with zipfile.ZipFile(upload) as zf:
            names = set(zf.namelist())
    except zipfile.BadZipFile:
        return ""
    finally:
        upload.seek(0)
    if "word/document.xml" in names:
        return "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
    return ""


class AttachmentForm(forms.Form):
    file = forms.FileField(
        label=gettext_lazy("file"),
        help_text=gettext_lazy("The original letter or other material: PDF, DOCX or an image."),
    )

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if getattr(upload, "too_large", False):
            raise _too_large(upload.size).error_dict["file"][0]
        return upload


# --- services ---------------------------------------------------------------------------------


def attachment_store(owner, *, actor, file) -> Attachment:
    """Store an uploaded file on `owner` after checking its size and its real type (no
    permission check: for `attachment_add` and for a file sent with a new record)."""
    mime = check_upload(file)
    attachment = Attachment(
        content_type=ContentType.objects.get_for_model(owner),
        object_id=owner.pk,
        original_name=Path(file.name).name or "file",
        mime_type=mime,
        size=file.size,
        uploaded_by=actor,
    )
    attachment.file.save(file.name, file, save=False)
    try:
        attachment.full_clean()
        attachment.save()
    except Exception:
        attachment.file.delete(save=False)  # nothing half-done: no orphan file on disk
        raise
    return attachment


@transaction.atomic
def attachment_add(owner, *, actor, file) -> Attachment:
    """Store an uploaded file on a record the actor may change and that is not closed."""
    if not can_change(actor, owner):
        raise PermissionDenied
    if getattr(owner, "is_closed", False):
        raise ValidationError(_("This record is closed: its records are kept as they are."))
    return attachment_store(owner, actor=actor, file=file)


# --- the download -----------------------------------------------------------------------------


class AttachmentDownloadView(LoginRequiredMixin, View):
    """A file is served only to people who can see its record (404 for everyone else)."""

    def get(self, request, pk):
        attachment = get_object_or_404(Attachment.objects.select_related("content_type"), pk=pk)
        owner = attachment.owner
        if owner is None or not in_reach(request.user, owner):
            raise Http404
        return private_download(
            attachment.file, attachment.original_name, content_type=attachment.mime_type
        )
