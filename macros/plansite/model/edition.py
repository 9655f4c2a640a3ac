"""plan.yaml's edition: which yearly edition (版) of the plan a folder holds, and as of when."""

from __future__ import annotations

import datetime as dt
from typing import Optional

from pydantic import ConfigDict, Field

from .types import DateOrMonth, Identifier, Model, Text



class Edition(Model):
    model_config = ConfigDict(title="版")

    id: Identifier = Field(description="版の ID（URL になります。例: r8-04）。過去の版ではフォルダ名と同じにします")
    name: Optional[Text] = Field(None, description="版の名前（例: 令和8年4月版）。省略すると時点から「令和8年4月版」のように作ります")
    as_of: DateOrMonth = Field(description="この版の時点（例: 2026-04、2026-04-01）")

    @property
    def order(self) -> tuple[int, int, int]:
        """Sort key: later editions sort higher; a month sorts before its days."""
        if isinstance(self.as_of, dt.date):
            return (self.as_of.year, self.as_of.month, self.as_of.day)
        year, month = (int(part) for part in self.as_of.split("-"))
        return (year, month, 0)
