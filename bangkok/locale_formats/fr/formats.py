from bangkok.locale_formats import *  # noqa: F403
