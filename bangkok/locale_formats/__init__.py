"""How dates and times are written on every page, one set per language of the interface
(`FORMAT_MODULE_PATH`): the day, the month as a word and the year, so that 4 Dec and 12 Apr
are never confused, and the 24-hour clock, which staff on shifts read without AM or PM.
Templates write `|date` (DATE_FORMAT) or `|date:"DATETIME_FORMAT"`; the API answers ISO 8601.
Each language's module takes these and adds nothing of its own."""

DATE_FORMAT = "j M Y"
DATETIME_FORMAT = "j M Y, H:i"
TIME_FORMAT = "H:i"
SHORT_DATE_FORMAT = DATE_FORMAT
SHORT_DATETIME_FORMAT = DATETIME_FORMAT
MONTH_DAY_FORMAT = "j M"
YEAR_MONTH_FORMAT = "M Y"
