"""Ranking exports (CSV and XLSX): one row per submission with scores per criterion.

The CSV is streamed as it is written; both are built from the ranking's lean rows
(selectors.ranking) and every cell goes through home.spreadsheets.safe_row.
"""

import csv
import io
from itertools import chain

from django.http import HttpResponse, StreamingHttpResponse
from django.utils import timezone
from openpyxl import Workbook

from home.spreadsheets import safe_row

from .models import ExportLog, SubmissionStatus

CSV_CHUNK_ROWS = 500  # rows written per streamed chunk


def ranking_table(*, call, rows, criteria, include_identity=True):
    """(header, lines): the header, and an iterator of one line per ranking row (``rows``
    may be an iterator: each row is read as its line is written). The host's summary
    columns are named after the first row's summary."""
    header = ["ID", "Title", "Status"]
    if include_identity:
        header += ["Applicant", "Email"]
    header += ["Reviews", "Assigned", "Weighted mean", "Spread", "Calibrated"]
    header += [c.name for c in criteria]
    statuses = {value: str(label) for value, label in SubmissionStatus.choices}
    criterion_ids = [c.pk for c in criteria]

    def line(row, summary):
        s = row.submission
        cells = [s.pk, s.title, statuses.get(s.status, s.status)]
        if include_identity:
            cells += [s.applicant_name, s.applicant_email]
        cells += [row.review_count, row.assigned_count, row.mean, row.spread, row.calibrated]
        cells += [row.criterion_means.get(pk) for pk in criterion_ids]
        cells += [str(value) for _label, value in summary]
        return cells

    rows = iter(rows)
    first = next(rows, None)
    if first is None:
        return header, iter(())
    first_summary = call.summary_rows(first.submission)
    header += [str(label) for label, _value in first_summary]
    lines = chain(
        [line(first, first_summary)],
        (line(row, call.summary_rows(row.submission)) for row in rows),
    )
    return header, lines


def _filename(call, ext):
    return f"ranking-{call.slug}-{timezone.now():%Y%m%d-%H%M}.{ext}"


def _csv_chunks(header, lines):
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(safe_row(header))
    for n, line in enumerate(lines, start=1):
        writer.writerow(safe_row(line))
        if n % CSV_CHUNK_ROWS == 0:
            yield buffer.getvalue()
            buffer.seek(0)
            buffer.truncate()
    yield buffer.getvalue()


def export_response(*, call, rows, count, criteria, file_format, user):
    """The ranking as a file: ``rows`` (``count`` of them) may be an iterator, read as
    the CSV is streamed."""
    ExportLog.objects.create(
        user=user, call_id=call.pk, what="ranking", file_format=file_format, rows=count
    )
    header, lines = ranking_table(call=call, rows=rows, criteria=criteria)
    if file_format == "xlsx":
        workbook = Workbook(write_only=True)
        sheet = workbook.create_sheet("Ranking")
        sheet.append(safe_row(header))
        for line in lines:
            sheet.append(safe_row(line))
        buffer = io.BytesIO()
        workbook.save(buffer)
        response = HttpResponse(
            buffer.getvalue(),
            content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        )
    else:
        response = StreamingHttpResponse(
            _csv_chunks(header, lines), content_type="text/csv; charset=utf-8"
        )
    response["Content-Disposition"] = f'attachment; filename="{_filename(call, file_format)}"'
    response["Cache-Control"] = "private, no-store"
    return response
