"""Build ../heldout2.jsonl from the hand-written chains (see engine2.py and ../README.md)."""
import sys

from engine2 import build, dump
import chains_early

CHAINS = list(chains_early.CHAINS)
try:
    import chains_mid
    CHAINS += chains_mid.CHAINS
except ImportError:
    pass
try:
    import chains_late
    CHAINS += chains_late.CHAINS
except ImportError:
    pass

import decoys_extra
import moves

moves.apply(CHAINS)
decoys_extra.apply(CHAINS)

if __name__ == "__main__":
    out = sys.argv[1] if len(sys.argv) > 1 else "../heldout2.jsonl"
    recs = build(CHAINS, "H2-")
    dump(recs, out)
    print("%d pairs written to %s" % (len(recs), out))
