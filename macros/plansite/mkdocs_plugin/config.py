import datetime

from mkdocs.config import base
from mkdocs.config import config_options as c


class PlanSiteConfig(base.Config):
    data_dir = c.Type(str, default="data")
    """Folder holding plans/<plan-id>/, relative to mkdocs.yml."""

    plans = c.ListOfItems(c.Type(str), default=[])
    """Which plans to build; empty means every plan under data/plans."""

    today = c.Optional(c.Type((str, datetime.date)))
    """The build day as YYYY-MM-DD (the environment's PLANSITE_TODAY wins); default: today in Japan."""
