"""The site's date and time formats per language (settings.FORMAT_MODULE_PATH).

Django's own formats for "en" are American ("June 10, 2025, 2:20 p.m.") and, for French
and Dutch, leave out the day of the week. These give the weekday, day, month and year in
each language's order and words: "Tuesday 10 June 2025", "mardi 10 juin 2025",
"dinsdag 10 juni 2025". Templates and emails use the names (``date:"DATE_FORMAT"``,
``formats.date_format(value, "DATETIME_FORMAT")``), never a hard-coded order. Anything not
set here (input formats, number separators) is Django's for that language.
"""
