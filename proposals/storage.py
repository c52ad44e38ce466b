"""Private storage for submitted files: under PRIVATE_MEDIA_ROOT, with no public URL.

Files are served only by the permission-checked ``proposals:submission_file`` view.
"""

from django.conf import settings
from django.core.files.storage import FileSystemStorage


def private_storage():
    return FileSystemStorage(location=settings.PRIVATE_MEDIA_ROOT, base_url=None)
