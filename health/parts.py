"""Each part of the health app hooks itself in here (its part of the file page, its flag
source), called once from `HealthConfig.ready()`."""


def register_all() -> None:
    from .views import care, maternity, preventive, screening

    screening.register_parts()
    preventive.register_parts()
    care.register_parts()
    maternity.register_parts()
