"""Further stock-word decoys between asks that already exist in the chains (labels only, no new
text): (country, year) -> [(old uid, new uid, why)]. Found by listing the pairs of a year that
share report boilerplate ('increase efforts to', 'proactively identify', 'comprehensive',
'victims', 'provide', 'including ... officials') but almost no content word, then kept by hand
where the two asks are plainly different asks. Both sides may be linked elsewhere: the pair must
not be linked (nor made a merge or split part)."""
EXTRA_DECOYS = {
    ("Vessaly", 2011): [("ve", "vl", "stock_words")],
    ("Cindravel", 2010): [("cf", "ce", "stock_words")],
    ("Oloria", 2012): [("oi", "oj", "stock_words")],
    ("Oloria", 2013): [("oj", "oi", "stock_words")],
    ("Oloria", 2014): [("oa1", "ok", "stock_words")],
    ("Pemberra", 2012): [("ph", "pb", "stock_words")],
    ("Pemberra", 2013): [("ph", "pbc", "stock_words")],
    ("Pemberra", 2014): [("pbc", "pk", "stock_words")],
    ("Pemberra", 2016): [("phk", "pbc", "stock_words")],
    ("Pemberra", 2017): [("phk", "pn", "stock_words")],
    ("Pemberra", 2018): [("pn", "pbc1", "stock_words")],
    ("Maelcoria", 2019): [("ms", "mk", "stock_words")],
    ("Maelcoria", 2024): [("mk", "mn", "stock_words"), ("mw", "mz", "stock_words")],
    ("Maelcoria", 2025): [("mn", "mz", "stock_words")],
    ("Gallowen", 2021): [("ga", "gk", "stock_words")],
    ("Gallowen", 2023): [("gj", "go", "stock_words")],
    ("Gallowen", 2025): [("gp", "gk", "stock_words")],
    ("Nauvoria", 2023): [("nek", "nm", "stock_words")],
    ("Nauvoria", 2024): [("nm", "nek", "stock_words")],
    ("Nauvoria", 2025): [("nm", "no", "stock_words")],
}


def apply(chains):
    for ch in chains:
        for y in ch.years:
            for d in EXTRA_DECOYS.get((ch.name, y.year), []):
                assert d not in y.decoys, (ch.name, y.year, d)
                y.decoys.append(d)
