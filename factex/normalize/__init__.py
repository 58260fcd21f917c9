"""Pure normalisation functions (no spaCy): numbers, money, percentages, dates, names.

Each module turns text fragments into exact values and reads its language data through
:func:`factex.resources.load`: :mod:`~factex.normalize.numbers` (French numerals to Decimal),
:mod:`~factex.normalize.money` (amounts, currencies, ranges, bounds),
:mod:`~factex.normalize.percent` (percentages, points, direction).
"""
