from datetime import date, datetime, timedelta

from django.utils import timezone


def commitment(**overrides) -> dict:
    return {
        "order_authority": "Bangkok Criminal Court",
        "order_legal_basis": "Remand pending trial, Criminal Procedure Code s.71",
        "order_number": "CR-2026-1187",
        "order_date": date(2026, 11, 20),
        "arrested_at": timezone.make_aware(datetime(2026, 11, 19, 22, 30)),
        "arrest_place": "Hua Lamphong station, Bangkok",
        **overrides,
    }


def identity(**overrides) -> dict:
    return {
        "prison_number": "A31001",
        "given_names": "Thandar",
        "family_name": "Win",
        "date_of_birth": date(1991, 7, 2),
        "nationalities": ["MM"],
        "languages": ["my"],
        "legal_status": "pretrial",
        **overrides,
    }


def just_now():
    return timezone.now() - timedelta(minutes=5)
