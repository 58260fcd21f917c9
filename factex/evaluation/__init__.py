"""Scoring factex against gold files: the gold format, the comparisons, the report.

``gold.py``     reading gold JSONL files, each expected span located in its text
``compare.py``  one prediction against one gold item: loose names, exact values, span matching
``score.py``    counts per fact kind, the failures behind them, the printed report

Running the pipeline over gold files is :func:`factex.api.evaluate` (``factex evaluate``).
"""
