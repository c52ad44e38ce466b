"""The retention policy runs by itself, once a day, on the task queue.

django-tasks has no timetable, so each run schedules the next (``run_after`` a day later)
before it does its work, and the database worker (``manage.py db_worker``) runs it when
due. ``migrate`` starts the chain (and restarts it if its next run was lost); a backend
that cannot defer (the immediate one in development and tests) runs nothing by itself.
"""

import datetime

from django.db import transaction
from django.utils import timezone
from django_tasks import task

from home import personal_data
from home.models import RetentionRun

RUN_EVERY = datetime.timedelta(days=1)
# A next run this overdue was lost (the queue was emptied): schedule a new one.
LOST_AFTER = datetime.timedelta(days=1)


@task()
def apply_retention(run_id: int) -> dict:
    now = timezone.now()
    with transaction.atomic():
        run = RetentionRun.objects.select_for_update().filter(pk=run_id).first()
        if run is None or run.started_at is not None:
            return {}
        if RetentionRun.objects.filter(pk__gt=run.pk).exists():
            # A newer chain took over (see ensure_retention_scheduled): this one stops.
            run.started_at = run.finished_at = now
            run.outcome = {"skipped": "superseded"}
            run.save()
            return run.outcome
        run.started_at = now
        run.cutoff = personal_data.retention_cutoff(now=now)
        run.save()
    # The next run is queued before this one's work, so a failure never ends the chain.
    schedule_retention(now=now)
    report = personal_data.apply_retention(now=now)
    run.outcome = {section: len(done) for section, done in report.items()}
    run.finished_at = timezone.now()
    run.save(update_fields=["outcome", "finished_at"])
    return run.outcome


def can_schedule():
    return apply_retention.get_backend().supports_defer


def schedule_retention(*, now=None):
    """Queue a run a day from ``now``; None when the task backend cannot run it later."""
    if not can_schedule():
        return None
    run = RetentionRun.objects.create(scheduled_for=(now or timezone.now()) + RUN_EVERY)
    transaction.on_commit(
        lambda: apply_retention.using(run_after=run.scheduled_for).enqueue(run.pk)
    )
    return run


def ensure_retention_scheduled(*, now=None):
    """The next run, scheduling one unless it is already queued and not overdue."""
    if not can_schedule():
        return None
    now = now or timezone.now()
    pending = RetentionRun.objects.filter(started_at__isnull=True).order_by("-pk").first()
    if pending is not None and pending.scheduled_for > now - LOST_AFTER:
        return pending
    return schedule_retention(now=now)
