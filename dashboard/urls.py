from django.urls import path

from reminders.queues import every_queue

from . import views

urlpatterns = [
    path("", views.dashboard, name="dashboard"),
    # One route per work queue its area declared (`reminders.queues`), each its own name.
    *(
        path(
            f"queues/{queue.key}/", views.queue_page, {"key": queue.key}, name=f"queue-{queue.key}"
        )
        for queue in every_queue()
    ),
]
