"""Pure normalisation functions (no spaCy): numbers, money, percentages, dates, names."""
