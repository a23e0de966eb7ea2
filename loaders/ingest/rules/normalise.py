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
    ("norm-ascii-punct", "normalise", r"(?<=[\u3400-\u9fff“”])[,;:?!]|[,;:?!](?=[\u3400-\u9fff“”])|\(([^()]{0,40})\)", 1.0,
     "2019年8月28日上午,国家网络安全产业园(海淀)主体大楼建设启动仪式在北京市海淀区举行。",
     "ASCII punctuation next to a Chinese character read as its full-width form (，；：？！（）): reprint sites "
     "and some newsrooms type it, and the rows end names and clauses at the full-width marks; between digits "
     "(2,003.50, 14:32) it stays; parentheses go as a pair, when they hold or touch Chinese"),
]
