"""Normalisation rows: how the text is made readable by the other rows before extraction, one
character for one, so every span stays on the article as written (loaders/ingest/normalise.py).
An extraction names the rows that changed its text (`Extraction.normalised`)."""
ROWS = [
    # name, kind, pattern, confidence (not a fact: 1.0), example, note
    ("norm-traditional", "normalise", None, 1.0, "2023年成都市網絡安全產業規模首次突破500億元。",
     "traditional characters read as simplified (OpenCC t2s, a character for a character): 億 萬 園區 產業 "
     "and the names of the dictionary match; the review file quotes the text as written"),
    ("norm-fullwidth-digit", "normalise", r"[０-９]", 1.0, "园区已入驻企业３００家。",
     "full-width digits read as ASCII digits (the number rows read \\d)"),
]
