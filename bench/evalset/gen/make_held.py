import json, random, sys
sys.path.insert(0, __import__('os').path.dirname(__file__))
import build, profiles
from bank_held import BANK
from make_tune import plan

if __name__ == '__main__':
    n_target = int(sys.argv[1]) if len(sys.argv) > 1 else 85
    seed = int(sys.argv[2]) if len(sys.argv) > 2 else 101
    pl = plan(seed, len(profiles.HELD), n_target)
    recs, warns = build.run(BANK, profiles.HELD, pl, "H", seed)
    out = sys.argv[3] if len(sys.argv) > 3 else '/tmp/held_try.jsonl'
    with open(out, 'w') as f:
        for r in recs:
            f.write(json.dumps(r, ensure_ascii=False) + "\n")
    print(len(recs), "records;", len(warns), "warnings")
    for w in warns[:30]:
        print(w)
