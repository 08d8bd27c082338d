from django.urls import path

from bangkok.actions import page_urls

from . import actions, sections, views

app_name = "prisoners"
urlpatterns = [
    path("", views.prisoner_list, name="list"),
    path("export/", views.prisoner_export, name="export"),
    path("<uuid:uuid>/", views.prisoner_detail, name="detail"),
    # Each section of her page at its own address, read when it is opened.
    *(
        path(
            f"<uuid:uuid>/sections/{key}/",
            views.prisoner_section,
            {"key": key},
            name=f"section-{key}",
        )
        for key in sections.keys()
    ),
    *page_urls(actions.ACTIONS, actions.AREA),
]
