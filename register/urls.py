from bangkok.actions import page_urls

from . import actions

app_name = "register"

urlpatterns = [*page_urls(actions.ACTIONS, actions.AREA)]
