from . import api

urlpatterns = api.urls()
