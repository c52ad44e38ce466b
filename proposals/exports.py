"""Ranking exports (CSV and XLSX): one row per submission with scores per criterion.

The CSV is streamed as it is written; both are built from the ranking's lean rows
(selectors.ranking_export) and every text cell goes through home.spreadsheets.safe_cell.
"""

import csv
import io
from itertools import chain, islice

from django.http import HttpResponse, StreamingHttpResponse
from django.utils import timezone
from openpyxl import Workbook

from home.spreadsheets import safe_cell, safe_row

from .models import ExportLog, SubmissionStatus
from .selectors import host_has_summary

CSV_CHUNK_ROWS = 500  # rows written per streamed chunk


def ranking_table(*, call, rows, criteria, include_identity=True):
    """(header, lines): the header, and an iterator of one line per ranking row (``rows``
    may be an iterator: each row is read as its line is written). The host's summary
    columns, if it has any, are named after the first row's summary. Every text cell is
    made inert with home.spreadsheets.safe_cell as its line is made (the numbers and the
    status labels are the engine's own)."""
    header = ["ID", "Title", "Status"]
    if include_identity:
        header += ["Applicant", "Email"]
    header += ["Reviews", "Assigned", "Weighted mean", "Spread", "Calibrated"]
    header += [c.name for c in criteria]
    statuses = {value: str(label) for value, label in SubmissionStatus.choices}
    criterion_ids = [c.pk for c in criteria]
    summarise = call.summary_rows if host_has_summary(call) else None

    def line(row, summary=()):
        s = row.submission
        cells = [s.pk, safe_cell(s.title), statuses.get(s.status, s.status)]
        if include_identity:
            cells += [safe_cell(s.applicant_name), safe_cell(s.applicant_email)]
        cells += [row.review_count, row.assigned_count, row.mean, row.spread, row.calibrated]
        means = row.criterion_means
        cells += [means.get(pk) for pk in criterion_ids]
        cells += [safe_cell(str(value)) for _label, value in summary]
        return cells

    if summarise is None:
        return safe_row(header), map(line, rows)
    rows = iter(rows)
    first = next(rows, None)
    if first is None:
        return safe_row(header), iter(())
    first_summary = summarise(first.submission)
    header += [str(label) for label, _value in first_summary]
    lines = chain(
        [line(first, first_summary)],
        (line(row, summarise(row.submission)) for row in rows),
    )
    return safe_row(header), lines


def _filename(call, ext):
    return f"ranking-{call.slug}-{timezone.now():%Y%m%d-%H%M}.{ext}"


def _csv_chunks(header, lines):
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(header)
    while chunk := list(islice(lines, CSV_CHUNK_ROWS)):
        writer.writerows(chunk)
        yield buffer.getvalue()
        buffer.seek(0)
        buffer.truncate()
    if buffer.tell():
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
        sheet.append(header)
        for line in lines:
            sheet.append(line)
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
