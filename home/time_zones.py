"""The one list of time zones staff choose from: a conference's, a call's, meeting hours."""

import zoneinfo

TIME_ZONE_CHOICES = sorted((name, name) for name in zoneinfo.available_timezones())
