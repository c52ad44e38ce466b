"""Files sent with a submission: which are accepted, and under what names.

A file is accepted only when its name's extension AND the type its bytes show are the
same allowed type (``cv.pdf.exe`` and PDF bytes named ``cv.html`` are both refused).
It is stored under a name we make (a random id and that one extension, see
``SubmissionFile``); the uploader's name is kept, cleaned, only to show and to offer
as the download's name.
"""

import re
import unicodedata

import filetype
from django.core.exceptions import ValidationError
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext as _

# What filetype reports for each extension staff may allow. Office formats are zip
# containers, so docx/odt/xlsx/pptx are told apart by filetype's own signatures.
EXTENSION_MIME = {
    "pdf": {"application/pdf"},
    "png": {"image/png"},
    "jpg": {"image/jpeg"},
    "jpeg": {"image/jpeg"},
    "gif": {"image/gif"},
    "webp": {"image/webp"},
    "docx": {"application/vnd.openxmlformats-officedocument.wordprocessingml.document"},
    "xlsx": {"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"},
    "pptx": {"application/vnd.openxmlformats-officedocument.presentationml.presentation"},
    "odt": {"application/vnd.oasis.opendocument.text"},
    "ods": {"application/vnd.oasis.opendocument.spreadsheet"},
    "odp": {"application/vnd.oasis.opendocument.presentation"},
    "zip": {"application/zip"},
}

MAX_NAME_LENGTH = 120
_UNSAFE_IN_NAME = re.compile(r'[\\/:*?"<>|;%]')


def extension_of(name):
    """The last extension of a file name, lower case, without the dot ("" if none)."""
    stem, dot, extension = (name or "").rpartition(".")
    return extension.strip().lower() if dot and stem.strip() else ""


def known_extension(name):
    """The name's extension if it is one this site ever accepts, else ""."""
    extension = extension_of(name)
    return extension if extension in EXTENSION_MIME else ""


def detect_content_type(uploaded):
    """The file's type from its first bytes, not its name; None if unknown."""
    uploaded.seek(0)
    head = uploaded.read(8192)
    uploaded.seek(0)
    kind = filetype.guess(head)
    return kind.mime if kind else None


def display_name(name, *, extension=""):
    """The uploader's file name, safe to show and to send in a header: no folders, no
    control or direction-changing characters, no quotes or separators, a sensible
    length, and ending in ``extension`` when given."""
    name = unicodedata.normalize("NFC", str(name or ""))
    name = name.replace("\\", "/").rsplit("/", 1)[-1]
    name = "".join(ch for ch in name if not unicodedata.category(ch).startswith("C"))
    name = " ".join(_UNSAFE_IN_NAME.sub("_", name).split())
    if extension:
        suffix = f".{extension}"
        stem = name[: -len(suffix)] if name.lower().endswith(suffix) else name
        return f"{stem.strip(' .')[:MAX_NAME_LENGTH] or 'file'}{suffix}"
    return name.strip(" .")[:MAX_NAME_LENGTH] or "file"


def check_upload(uploaded, *, allowed_extensions, max_size):
    """Raise ValidationError unless the file fits and its name and bytes are one allowed
    type. Returns ``(extension, content type)``."""
    types = ", ".join(allowed_extensions)
    if uploaded.size > max_size:
        raise ValidationError(
            _("The file is %(size)s; the largest allowed is %(max)s.")
            % {"size": filesizeformat(uploaded.size), "max": filesizeformat(max_size)},
            code="too_large",
        )
    extension = extension_of(uploaded.name)
    if extension not in allowed_extensions or extension not in EXTENSION_MIME:
        raise ValidationError(
            _("The file name must end in one of the allowed types (%(types)s).") % {"types": types},
            code="bad_extension",
        )
    content_type = detect_content_type(uploaded)
    if content_type not in EXTENSION_MIME[extension]:
        raise ValidationError(
            _(
                "This file is not one of the allowed types (%(types)s). Check it is not renamed from another type."
            )
            % {"types": types},
            code="bad_type",
        )
    return extension, content_type


def too_large_error(*, max_size):
    """For a file the upload handler stopped reading (home.uploads)."""
    return ValidationError(
        _(
            "This file is larger than %(max)s, so it was not uploaded. Anything you "
            "changed below this question was not received either: please check it."
        )
        % {"max": filesizeformat(max_size)},
        code="too_large",
    )
