"""How much of an uploaded file the site reads.

:class:`MaxUploadSizeHandler` comes first in ``settings.FILE_UPLOAD_HANDLERS``: as
soon as one file in a request passes ``settings.MAX_UPLOAD_SIZE`` it stops reading
the request (nothing more is stored or even received), and notes which field it was
on the request. What was read before that file (the CSRF token, the answers above
it) is parsed as usual, so a form can say "this file is too large" next to the field
and keep what was typed; :func:`refused_uploads` tells it which fields were cut off.

A question's own, smaller limit is checked by its form field once the file is in.
"""

from django.conf import settings
from django.core.files.uploadhandler import FileUploadHandler, StopUpload

REFUSED_ATTR = "refused_uploads"


def max_upload_size():
    return settings.MAX_UPLOAD_SIZE


def refused_uploads(request):
    """{field name: file name} of the files the handler stopped reading in this request."""
    if request is None:
        return {}
    return dict(getattr(request, REFUSED_ATTR, {}))


class MaxUploadSizeHandler(FileUploadHandler):
    """Stop reading the request body once a file passes ``settings.MAX_UPLOAD_SIZE``.

    ``connection_reset=True`` tells Django's parser not to drain the rest of the body
    (``False`` would read, and throw away, every remaining byte of a 300 MB file).
    """

    def new_file(self, field_name, file_name, *args, **kwargs):
        super().new_file(field_name, file_name, *args, **kwargs)
        self.limit = max_upload_size()

    def receive_data_chunk(self, raw_data, start):
        if start + len(raw_data) > self.limit:
            if self.request is not None:
                refused = getattr(self.request, REFUSED_ATTR, {})
                refused[self.field_name] = self.file_name
                setattr(self.request, REFUSED_ATTR, refused)
            raise StopUpload(connection_reset=True)
        return raw_data

    def file_complete(self, file_size):
        return None  # the next handlers build the file
