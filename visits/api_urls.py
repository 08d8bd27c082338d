from bangkok.actions import api_urls

from . import actions

urlpatterns = [url for acts, area in actions.MOUNTED for url in api_urls(acts, area)]
