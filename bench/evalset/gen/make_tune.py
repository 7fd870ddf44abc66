import json, random, sys
sys.path.insert(0, __import__('os').path.dirname(__file__))
import build, profiles
from bank_tune import BANK

def plan(seed, specs_n, n_target):
    r = random.Random(seed)
    P = []
    # (country, start, n_emit, tier, rein_at)
    eras = [('early', 0.20), ('mid', 0.35), ('late', 0.45)]
    counts = {'early': 0, 'mid': 0, 'late': 0}
    goal = {k: round(v * n_target) for k, v in eras}
    ci = 0
    order = list(range(specs_n)); r.shuffle(order)
    k = 0
    while sum(counts.values()) < n_target:
        need = [e for e in counts if counts[e] < goal[e]]
        if not need:
            break
        e = r.choice(need)
        c = order[k % specs_n]; k += 1
        tier = r.choices([1, 2, 4, 3], weights=[2, 5, 3, 1.2])[0]
        if e == 'early':
            start = r.choice([2004, 2005, 2005, 2006, 2006, 2007, 2007, 2008, 2008])
            n = min(r.choice([1, 2, 2, 3]), 2009 - start)
        elif e == 'mid':
            start = r.randint(2009, 2015)
            n = min(r.choice([1, 2, 2, 3]), 2016 - start)
        else:
            start = r.randint(2016, 2024)
            n = min(r.choice([1, 2, 2, 3]), 2025 - start)
        n = max(1, min(n, goal[e] - counts[e]))
        rein = None
        if r.random() < 0.10 * n + 0.02:
            rein = r.randrange(n)
        P.append((c, start, n, tier, rein))
        counts[e] += n
    return P

if __name__ == '__main__':
    n_target = int(sys.argv[1]) if len(sys.argv) > 1 else 140
    seed = int(sys.argv[2]) if len(sys.argv) > 2 else 11
    pl = plan(seed, len(profiles.TUNE), n_target)
    recs, warns = build.run(BANK, profiles.TUNE, pl, "T", seed)
    out = sys.argv[3] if len(sys.argv) > 3 else '/tmp/tune_try.jsonl'
    with open(out, 'w') as f:
        for r in recs:
            f.write(json.dumps(r, ensure_ascii=False) + "\n")
    print(len(recs), "records;", len(warns), "warnings")
    for w in warns[:30]:
        print(w)
