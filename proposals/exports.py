"""Ranking exports (CSV and XLSX): one row per submission with scores per criterion."""

import csv
import io

from django.http import HttpResponse
from django.utils import timezone
from openpyxl import Workbook

from home.spreadsheets import safe_row

from .models import ExportLog


def ranking_table(*, call, rows, criteria, include_identity=True):
    header = ["ID", "Title", "Status"]
    if include_identity:
        header += ["Applicant", "Email"]
    header += ["Reviews", "Assigned", "Weighted mean", "Spread", "Calibrated (z)"]
    header += [c.name for c in criteria]
    summary_labels = None
    data = []
    for row in rows:
        s = row.submission
        summary = call.summary_rows(s)
        if summary_labels is None:
            summary_labels = [label for label, _ in summary]
        line = [s.pk, s.title, s.get_status_display()]
        if include_identity:
            line += [s.applicant_name, s.applicant_email]
        line += [row.review_count, row.assigned_count, row.mean, row.spread, row.calibrated]
        line += [row.criterion_means.get(c.pk) for c in criteria]
        line += [str(value) for _, value in summary]
        data.append(line)
    header += [str(label) for label in summary_labels or []]
    return header, data


def _filename(call, ext):
    return f"ranking-{call.slug}-{timezone.now():%Y%m%d-%H%M}.{ext}"


def export_response(*, call, rows, criteria, file_format, user):
    header, data = ranking_table(call=call, rows=rows, criteria=criteria)
    ExportLog.objects.create(
        user=user, call_id=call.pk, what="ranking", file_format=file_format, rows=len(data)
    )
    if file_format == "xlsx":
        workbook = Workbook(write_only=True)
        sheet = workbook.create_sheet("Ranking")
        sheet.append(safe_row(header))
        for line in data:
            sheet.append(safe_row(line))
        buffer = io.BytesIO()
        workbook.save(buffer)
        response = HttpResponse(
            buffer.getvalue(),
            content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        )
    else:
        buffer = io.StringIO()
        writer = csv.writer(buffer)
        writer.writerow(safe_row(header))
        for line in data:
            writer.writerow(safe_row(line))
        response = HttpResponse(buffer.getvalue(), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{_filename(call, file_format)}"'
    response["Cache-Control"] = "private, no-store"
    return response
