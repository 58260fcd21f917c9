"""Many articles' figures as one dataset: :class:`FactTable` and its :class:`Row`."""

from factex.table.facttable import COLUMNS, FactTable
from factex.table.rows import Row

__all__ = ["COLUMNS", "FactTable", "Row"]
