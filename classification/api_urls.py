from bangkok.actions import api_urls

from . import actions

urlpatterns = [*api_urls(actions.ACTIONS, actions.AREA)]
