"""A new interface string with no translation fails the suite: makemessages (GNU
gettext's xgettext) run on a copy of the source must find exactly the strings the
committed catalogues hold, and test_interface_translations checks they are translated."""

import os
import shutil
import subprocess
import sys

import polib

from tests.home.test_interface_translations import BASE_DIR, PO_FILES, SKIPPED_DIRS


def _msgids(po_path):
    return {
        (entry.msgctxt, entry.msgid, entry.msgid_plural)
        for entry in polib.pofile(str(po_path))
        if entry.msgid and not entry.obsolete
    }


def test_every_interface_string_in_the_code_is_in_its_catalogue(tmp_path):
    """makemessages (GNU gettext's xgettext) run on a copy of the source finds no string
    that the committed catalogues lack, and none they keep that the code no longer has."""
    copy = tmp_path / "src"
    shutil.copytree(
        BASE_DIR,
        copy,
        ignore=shutil.ignore_patterns(*SKIPPED_DIRS, "media", "*.sqlite3*", "__pycache__"),
    )
    # The tests' own gettext calls (which check translations) are not interface strings.
    command = ["makemessages", "-l", "fr", "-l", "nl", "--no-location", "--ignore=tests"]
    subprocess.run(  # noqa: S603 - our own manage.py
        [sys.executable, "manage.py", *command],
        cwd=copy,
        env={**os.environ, "DJANGO_SETTINGS_MODULE": "config.settings.test"},
        check=True,
        capture_output=True,
    )
    differences = {}
    for po_path in PO_FILES:
        extracted = _msgids(copy / po_path.relative_to(BASE_DIR))
        committed = _msgids(po_path)
        missing = sorted(msgid for _ctx, msgid, _plural in extracted - committed)
        stale = sorted(msgid for _ctx, msgid, _plural in committed - extracted)
        if missing or stale:
            differences[str(po_path.relative_to(BASE_DIR))] = {"missing": missing, "stale": stale}
    assert differences == {}
