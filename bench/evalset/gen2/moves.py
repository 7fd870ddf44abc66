"""Reordering: (country, year) -> [(uid, new position)]: from that year on (while the ask keeps
its uid) the ask is printed at that position; applied before the labels are derived, so the
'reordered' flag is computed from the links, never typed."""
MOVES = {
    ("Vessaly", 2009): [("ve", 0)],
    ("Oloria", 2012): [("og", 0)],
    ("Oloria", 2014): [("oj", 0)],
    ("Pemberra", 2012): [("pg", 1)],
    ("Pemberra", 2016): [("pl", 0)],
    ("Quorrane", 2012): [("qf", 0)],
    ("Quorrane", 2017): [("qi", 0)],
    ("Dunmarrow", 2012): [("dy", 0)],
    ("Dunmarrow", 2016): [("dk", 1)],
    ("Maelcoria", 2018): [("mg", 1)],
    ("Maelcoria", 2021): [("me", 1)],
    ("Maelcoria", 2022): [("mj", 2)],
    ("Maelcoria", 2024): [("ml", 0)],
    ("Maelcoria", 2025): [("mz", 1)],
    ("Gallowen", 2018): [("gd", 0)],
    ("Gallowen", 2020): [("gh", 2)],
    ("Gallowen", 2022): [("gl", 1)],
    ("Gallowen", 2024): [("gm", 0)],
    ("Nauvoria", 2017): [("ng", 0)],
    ("Nauvoria", 2019): [("nd", 0)],
    ("Nauvoria", 2021): [("nf", 1)],
    ("Nauvoria", 2023): [("ng", 2)],
    ("Nauvoria", 2025): [("ng1", 0)],
    ("Ardecca", 2017): [("ah", 0)],
    ("Ardecca", 2020): [("ai", 1)],
    ("Ardecca", 2022): [("af", 0)],
    ("Ardecca", 2024): [("an", 0)],
}


def apply(chains):
    for ch in chains:
        for k, y in enumerate(ch.years):
            for uid, pos in MOVES.get((ch.name, y.year), []):
                assert any(it.uid == uid for it in y.items), (ch.name, y.year, uid)
                for later in ch.years[k:]:
                    idx = [i for i, it in enumerate(later.items) if it.uid == uid]
                    if not idx:
                        break
                    it = later.items.pop(idx[0])
                    later.items.insert(min(pos, len(later.items)), it)
