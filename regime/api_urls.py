from bangkok.actions import api_urls

from . import actions

urlpatterns = [url for group, area in actions.GROUPS for url in api_urls(group, area)]
