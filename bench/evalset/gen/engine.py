# Generator engine for the tipdiff evaluation set (fictional data only).
# Families of asks (hand-written variants) evolve year to year inside a
# fictional country's chain; every change is labelled at generation time and
# re-checked after rendering.
import random, re, json

STOP = set("""a an the and or of to in on for with by at from as is are be been
 that which who whom this these those it its their them they such including
 include particularly especially all any other into under than rather not no
 so can may should also both""".split())

# ---------------------------------------------------------------- families
class Fam:
    def __init__(self, fid, sec, clu, eras, key, B, L=(), P=(), N=(), W=(),
                 pnote=None, nnote=None, wnote=None):
        self.fid, self.sec, self.clu, self.eras = fid, sec, clu, eras
        self.key = key if isinstance(key, (list, tuple)) else [key]
        self.B, self.L, self.P, self.N, self.W = B, list(L), list(P), list(N), list(W)
        self.pnote, self.nnote, self.wnote = pnote, nnote, wnote
        self.compound = False

    def text(self, var):
        t, i = var
        return {'B': [self.B], 'L': self.L, 'P': self.P, 'N': self.N, 'W': self.W}[t][i]


class Comp:
    """A compound unit: separate parts <-> one combined item (split / merge)."""
    def __init__(self, fid, sec, clu, eras, key, M, parts, note=None):
        self.fid, self.sec, self.clu, self.eras = fid, sec, clu, eras
        self.key = key if isinstance(key, (list, tuple)) else [key]
        self.M, self.parts, self.note = M, parts, note
        self.compound = True


# ---------------------------------------------------------------- formatting
def lcfirst(s, keep=()):
    w = s.split(' ', 1)[0]
    if w.isupper() and len(w) > 1:
        return s
    for k in keep:
        if k and s.startswith(k):
            return s
    return s[0].lower() + s[1:]


def ucfirst(s):
    return s[0].upper() + s[1:]


CONT_OK = ("Increase", "Train", "Provide", "Conduct", "Expand", "Investigate",
           "Screen", "Fund", "Strengthen", "Improve", "Implement", "Monitor",
           "Work", "Raise", "Allocate", "Prosecute", "Identify", "Support",
           "Proactively", "Vigorously", "Refer", "Collaborate", "Build",
           "Engage", "Hold", "Inspect", "Offer", "Share", "Deliver", "Apply",
           "Make", "Extend", "Use", "Seek", "Encourage", "Consult", "Partner")


def can_cont(t):
    return t.split(' ', 1)[0] in CONT_OK and not t.startswith("Continue")


def fmt_era(year):
    if year <= 2007:
        return 'prose'
    if year <= 2018:
        return 'semi'
    return 'bullet'


def era_label(year):
    # decade of the newer report (to_year), as in the survey
    if year <= 2009:
        return "2004-2009"
    if year <= 2016:
        return "2010-2016"
    return "2017-2025"


SLOT = re.compile(r"\{(\w+)\}")


def fill(t, prof, year):
    def rep(m):
        k = m.group(1)
        if k not in prof:
            return m.group(0)
        v = prof[k]
        if callable(v):
            v = v(year)
        return v
    out = SLOT.sub(rep, t)
    if year <= 2021:
        out = out.replace("LGBTQI+", "LGBTI")
    return out


SUBJECTS = ["The government should", "Authorities should", "It should also",
            "The government should also", "{C} should", "Officials should",
            "The government must"]


def render_item(it, prof, year, pos, n):
    """it: dict(fam, var, cont, subj, part, spell)."""
    f = it['fam']
    if getattr(f, 'bundle', False):
        return render_bundle(it, prof, year)
    if f.compound:
        base = f.M if it['part'] is None else f.parts[it['part']]
    else:
        base = f.text(it['var'])
    t = fill(base, prof, year)
    for mid in it.get('mods') or ():
        t = mod_apply(mid, t)
    if it.get('cont') and can_cont(t):
        t = "Continue to " + lcfirst(t, prof['_keep'])
    if it.get('spell'):
        t = spell_variant(t, it['spell'])
    fe = fmt_era(year)
    if fe == 'prose':
        subj = fill(it.get('subj') or SUBJECTS[0], prof, year)
        t = subj + " " + lcfirst(t, prof['_keep']) + "."
    elif fe == 'semi':
        t = ucfirst(t) if pos == 0 else lcfirst(t, prof['_keep'])
        if pos == n - 1:
            t = t + "."
    else:
        t = ucfirst(t) + "."
    return t


def spell_variant(t, k):
    # purely orthographic variants (count as verbatim)
    if k == 1:
        t2 = t.replace("nongovernmental", "non-governmental")
        t2 = t2.replace("reintegration", "re-integration")
        t2 = t2.replace("anti-trafficking", "antitrafficking")
        return t2
    if k == 2:  # drop/add Oxford comma once
        m = re.search(r"(\w+), and (\w+)", t)
        if m:
            return t[:m.start()] + m.group(1) + " and " + m.group(2) + t[m.end():]
        return t.replace(" and ", ", and ", 1) if t.count(",") >= 1 else t
    if k == 3:
        return t.replace("labor", "labour")
    return t




# ---------------------------------------------------------------- rule-based light edits
ADVERB = [("Investigate ", "Vigorously investigate "), ("Increase efforts", "Significantly increase efforts"),
          ("Identify ", "Proactively identify "), ("Screen ", "Proactively screen "),
          ("Implement ", "Fully implement "), ("Fund ", "Adequately fund "), ("Train ", "Regularly train "),
          ("Monitor ", "Regularly monitor "), ("Enforce ", "Strictly enforce "), ("Inspect ", "Regularly inspect "),
          ("Prosecute ", "Vigorously prosecute "), ("Expand ", "Further expand "), ("Strengthen ", "Further strengthen "),
          ("Improve ", "Continue to improve "), ("Provide ", "Consistently provide "), ("Allocate ", "Allocate and disburse "),
          ("Develop ", "Develop and finalize "), ("Conduct ", "Regularly conduct "), ("Establish ", "Establish and fund "),
          # stock opener "Increase efforts to" (the most frequent opener in real lists)
          ("Identify ", "Increase efforts to identify "), ("Investigate ", "Increase efforts to investigate "),
          ("Prosecute ", "Increase efforts to prosecute "), ("Screen ", "Increase efforts to screen "),
          ("Prevent ", "Increase efforts to prevent "), ("Raise ", "Increase efforts to raise "),
          ("Protect ", "Increase efforts to protect "), ("Train ", "Increase efforts to train "),
          ("Reduce ", "Increase efforts to reduce "), ("Proactively ", "Increase efforts to proactively "),
          ("Vigorously ", "Increase efforts to vigorously "), ("Monitor ", "Increase efforts to monitor "),
          ("Hold ", "Increase efforts to hold "), ("Detect ", "Increase efforts to detect "),
          ("Inform ", "Increase efforts to inform "), ("Expand ", "Increase efforts to expand ")]
INC = [k for k, (a, b) in enumerate(ADVERB) if b.startswith("Increase efforts to")]
SYN = [("trafficking victims", "victims of trafficking"), ("NGOs", "civil society organizations"),
       ("including complicit officials", "including officials complicit in trafficking"),
       ("sex and labor trafficking", "labor and sex trafficking"), ("traffickers", "trafficking offenders"),
       (" to care", " to appropriate care"), (" to services", " to protective services"),
       ("migrant workers", "foreign migrant workers"), ("cooperate with law enforcement", "cooperate with law enforcement officials"),
       ("assist law enforcement", "assist law enforcement authorities"),
       ("the national referral mechanism", "the national referral mechanism (NRM)"),
       ("significant prison terms", "significant terms of imprisonment"),
       ("children", "minors"), ("domestic workers", "household workers"), ("recruitment agencies", "recruitment firms"),
       ("anti-trafficking", "counter-trafficking"), ("national action plan", "national anti-trafficking action plan"),
       ("criminal proceedings", "criminal cases"), ("shelters", "shelter facilities"), ("prosecutors", "public prosecutors"),
       ("helpline", "hotline"), ("police officers", "police"), ("foreign workers", "foreign nationals employed"),
       ("the trafficking statute", "the anti-trafficking law"), ("job offers", "offers of employment")]


def mod_ok(mid, t):
    kind, k = mid
    if kind == 'adv':
        a, b = ADVERB[k]
        return t.startswith(a) and not t.startswith(b) and not t.startswith(a + "and ")
    a, b = SYN[k]
    return a in t and b not in t


def mod_apply(mid, t):
    kind, k = mid
    if not mod_ok(mid, t):
        return t
    if kind == 'adv':
        a, b = ADVERB[k]
        return b + t[len(a):]
    a, b = SYN[k]
    return t.replace(a, b, 1)


def mod_options(t):
    out = [('adv', k) for k in range(len(ADVERB)) if mod_ok(('adv', k), t)]
    out += [('syn', k) for k in range(len(SYN)) if mod_ok(('syn', k), t)]
    return out


# ---------------------------------------------------------------- normalise
def norm(s):
    s = s.lower()
    s = s.replace("lgbtqi+", "lgbti").replace("labour", "labor")
    s = s.replace("re-integration", "reintegration")
    s = s.replace("antitrafficking", "anti-trafficking")
    s = re.sub(r"[^a-z0-9 ]", "", s.replace("-", ""))
    s = re.sub(r"\band\b", " and ", s)
    return " ".join(s.split())


def content(s):
    return [w for w in re.findall(r"[a-z0-9]+", s.lower().replace("-", ""))
            if w not in STOP]


def jacc(a, b):
    A, B = set(content(a)), set(content(b))
    if not A or not B:
        return 0.0
    return len(A & B) / len(A | B)


def word_edit(a, b):
    a, b = norm(a).split(), norm(b).split()
    # Levenshtein on words
    prev = list(range(len(b) + 1))
    for i, x in enumerate(a, 1):
        cur = [i]
        for j, y in enumerate(b, 1):
            cur.append(min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (x != y)))
        prev = cur
    return prev[-1]


# ---------------------------------------------------------------- evolution
FATES = {
    # shares of old-item fates (normal families); split/merge handled on compounds
    # calibrated to the hand-labelled survey (a survey of real pairs kept outside the repository) + own reading
    's_early': dict(verbatim=.02, light=.22, para=.14, narrow=.08, broad=.16, drop=.38),
    's_mid': dict(verbatim=.15, light=.35, para=.045, narrow=.06, broad=.115, drop=.28),
    's2b':   dict(verbatim=.18, light=.37, para=.035, narrow=.07, broad=.135, drop=.21),
    'b':     dict(verbatim=.19, light=.37, para=.03, narrow=.065, broad=.135, drop=.21),
}
# compound fates: M -> split ; parts -> merge
COMP = {
    'prose': dict(keep=.25, split=.20, drop=.55),
    'p2s': dict(keep=.10, split=.45, drop=.45),
    's_early': dict(keep=.25, split=.45, drop=.30),
    's_mid': dict(keep=.50, split=.30, drop=.20),
    's2b': dict(keep=.50, split=.30, drop=.20),
    'b': dict(keep=.55, split=.30, drop=.15),
}
MERGE_P = {'prose': .2, 'p2s': .2, 's_early': .24, 's_mid': .22, 's2b': .24, 'b': .22}
REORDER_P = {'prose': .2, 'p2s': .2, 's_early': .3, 's_mid': .45, 's2b': .8, 'b': .75}
DELTA = {'prose': (-1, 2), 'p2s': (1, 4), 's_early': (-1, 3), 's_mid': (-2, 3),
         's2b': (-2, 2), 'b': (-2, 2)}
SIB_P = 0.45   # chance an added item is a same-cluster sibling of a dropped one


def trans_type(y0, y1):
    a, b = fmt_era(y0), fmt_era(y1)
    if a == 'prose' and b == 'prose':
        return 'prose'
    if a == 'prose':
        return 'p2s'
    if a == 'semi' and b == 'semi':
        return 's_early' if y0 <= 2009 else 's_mid'
    if a == 'semi':
        return 's2b'
    return 'b'


def len_range(year, tier):
    if year <= 2007:
        r = (0, 4)
    elif year <= 2009:
        r = (2, 8)
    elif year <= 2013:
        r = (3, 12)
    elif year <= 2016:
        r = (5, 13)
    else:
        r = (6, 12)
    if tier == 1:
        r = (r[0], max(r[0] + 1, r[1] - 3))
    if tier == 3:
        r = (r[0] + 1, r[1] + 2)
    return r


def len_mode(year, tier):
    m = 3 if year <= 2009 else (6 if year <= 2013 else 8)
    return m - (1.5 if tier == 1 else 0) + (1.5 if tier == 3 else 0)


def sample_len(rng, year, tier):
    lo, hi = len_range(year, tier)
    return int(round(rng.triangular(lo, hi, min(hi, max(lo, len_mode(year, tier))))))


def era_code(year):
    if year <= 2007:
        return 'e'
    if year <= 2012:
        return 'o'
    if year <= 2018:
        return 's'
    return 'b'


SEC_ORDER = {'pros': 0, 'prot': 1, 'prev': 2, 'pol': 3}


class Chain:
    def __init__(self, bank, prof, rng, tier=2):
        self.bank, self.prof, self.rng, self.tier = bank, prof, rng, tier
        self.uid = 0

    # ---- item helpers
    def new_item(self, fam, year, var=None, part=None):
        self.uid += 1
        it = dict(fam=fam, var=var or ('B', 0), cont=False, subj=None,
                  part=part, spell=0, uid=self.uid)
        it['hist'] = set()
        it['mods'] = ()
        if not fam.compound and not getattr(fam, 'bundle', False) and fmt_era(year) != 'prose' and self.rng.random() < 0.3:
            t0 = fill(fam.B, self.prof, year)
            inc = [('adv', k) for k in INC if mod_ok(('adv', k), t0)]
            if inc:
                it['mods'] = (self.rng.choice(inc),)
        if fmt_era(year) == 'prose':
            it['subj'] = self.rng.choice(SUBJECTS)
        if not fam.compound and self.rng.random() < 0.08 and can_cont(fam.B):
            it['cont'] = True
        return it

    def keys_of(self, items):
        ks = set()
        for it in items:
            ks.update(it['fam'].key)
        return ks

    def eligible(self, year, used_keys, exclude_fids):
        ec = era_code(year)
        out = []
        for f in self.bank:
            if ec not in f.eras or f.fid in exclude_fids:
                continue
            if set(f.key) & used_keys:
                continue
            out.append(f)
        return out

    def pick_fams(self, year, n, used_keys, exclude, prefer_clu=None, comp_p=0.14):
        chosen = []
        for _ in range(n):
            pool = self.eligible(year, used_keys, exclude)
            if not pool:
                break
            f = None
            if prefer_clu:
                sib = [g for g in pool if g.clu in prefer_clu and not g.compound]
                if sib and self.rng.random() < SIB_P:
                    f = self.rng.choice(sib)
            if f is None:
                comps = [g for g in pool if g.compound]
                if comps and self.rng.random() < comp_p:
                    f = self.rng.choice(comps)
                else:
                    norms = [g for g in pool if not g.compound]
                    # section weighting
                    w = [{'pros': 3, 'prot': 3.5, 'prev': 2.5, 'pol': 1.2}[g.sec] for g in norms]
                    f = self.rng.choices(norms, weights=w)[0]
            chosen.append(f)
            used_keys |= set(f.key)
            exclude.add(f.fid)
        return chosen

    def items_for(self, fams, year):
        out = []
        for f in fams:
            if f.compound:
                if self.rng.random() < 0.62:
                    out.append(self.new_item(f, year, part=None))
                else:
                    for k in range(len(f.parts)):
                        out.append(self.new_item(f, year, part=k))
            else:
                out.append(self.new_item(f, year))
        return out

    def order(self, items, year):
        fe = fmt_era(year)
        r = self.rng
        if fe == 'bullet':
            # prioritized: rough section order with strong noise
            return sorted(items, key=lambda it: SEC_ORDER[it['fam'].sec] + r.uniform(-1.5, 2.5))
        return sorted(items, key=lambda it: SEC_ORDER[it['fam'].sec] + r.uniform(-0.6, 0.9))

    def initial(self, year):
        if fmt_era(year) == 'prose':
            n = self.rng.choice([0, 0, 1, 1, 1, 1, 1, 1, 2, 2, 3, 4])
            return _prose_bundles(self, year, n, set(), set())
        lo, hi = len_range(year, self.tier)
        n = sample_len(self.rng, year, self.tier)
        fams = self.pick_fams(year, n, set(), set())
        items = self.items_for(fams, year)
        items = self.order(items, year)
        # keep compound parts adjacent
        return items[:max(n, 2)] if len(items) > hi + 1 else items

    # ---- one year step
    def evolve(self, old, y0, y1, older=None, force_drop=False, reinstate=None):
        r = self.rng
        tt = trans_type(y0, y1)
        if tt in ('prose', 'p2s'):
            return evolve_prose(self, old, y0, y1, older, force_drop, reinstate)
        fz = FATES[tt]
        ops = []   # (old_idx or tuple, kind, new_item(s))
        persisted = []  # list of (anchor_old_idx, new_item, link_list)
        dropped = []
        forced = None
        if force_drop:
            cands = [i for i, it in enumerate(old) if not it['fam'].compound]
            forced = r.choice(cands) if cands else None
        # group compound parts
        handled = set()
        for i, it in enumerate(old):
            if i in handled:
                continue
            f = it['fam']
            if i == forced:
                dropped.append(i); handled.add(i); continue
            if f.compound and it['part'] is not None:
                idxs = [j for j, o in enumerate(old) if o['fam'] is f and o['part'] is not None]
                if len(idxs) == len(f.parts) and r.random() < MERGE_P[tt] and fmt_era(y1) != 'prose':
                    ni = dict(it); ni['part'] = None; ni['cont'] = False; ni['spell'] = 0
                    self.uid += 1; ni['uid'] = self.uid
                    persisted.append((idxs[0], ni, [(j, 'merge') for j in idxs]))
                    handled.update(idxs)
                    continue
                # each part individually
                for j in idxs:
                    handled.add(j)
                    pj = old[j]
                    u = r.random()
                    if u < 0.7:
                        ni = dict(pj)
                        persisted.append((j, ni, [(j, 'verbatim')]))
                    elif u < 0.82 and can_cont(fill(f.parts[pj['part']], self.prof, y1)):
                        ni = dict(pj); ni['cont'] = not pj['cont']
                        persisted.append((j, ni, [(j, 'light_edit')]))
                    else:
                        dropped.append(j)
                continue
            if f.compound:  # combined item
                handled.add(i)
                cz = COMP[tt]
                u = r.random()
                if u < cz['split']:
                    parts = []
                    for k in range(len(f.parts)):
                        ni = dict(it); ni['part'] = k; ni['cont'] = False; ni['spell'] = 0
                        self.uid += 1; ni['uid'] = self.uid
                        parts.append(ni)
                    persisted.append((i, parts, [(i, 'split')]))
                elif u < cz['split'] + cz['keep']:
                    ni = dict(it)
                    persisted.append((i, ni, [(i, 'verbatim')]))
                else:
                    dropped.append(i)
                continue
            handled.add(i)
            kind, ni = self.fate_normal(it, fz, y0, y1)
            if kind is None:
                dropped.append(i)
            else:
                persisted.append((i, ni, [(i, kind)]))
        # ---- build new list skeleton in old order
        new_items, links = [], []
        for anchor, ni, lk in sorted(persisted, key=lambda x: x[0]):
            if isinstance(ni, list):   # split
                start = len(new_items)
                for p in ni:
                    new_items.append(p)
                for k in range(len(ni)):
                    links.append([lk[0][0], start + k, 'split'])
            else:
                for (oi, kd) in lk:
                    links.append([oi, len(new_items), kd])
                new_items.append(ni)
        # ---- additions
        lo, hi = len_range(y1, self.tier)
        d0, d1 = DELTA[tt]
        target = max(lo, min(hi, int(round(0.5 * (len(old) + r.randint(d0, d1)) + 0.5 * sample_len(r, y1, self.tier)))))
        n_add = max(0, target - len(new_items))
        if tt in ('prose', 'p2s') and n_add == 0 and r.random() < 0.5:
            n_add = 1
        used = self.keys_of(new_items) | self.keys_of(old)
        if older:
            used |= self.keys_of(older)
        exclude = set(it['fam'].fid for it in old)
        if older:
            exclude |= set(it['fam'].fid for it in older)
        drop_clu = set(old[i]['fam'].clu for i in dropped)
        added = []
        rein = None
        if reinstate is not None and getattr(reinstate[1]['fam'], 'bundle', False):
            k, oitem = reinstate
            f0, v0 = oitem['asks'][0]
            reinstate = (k, dict(fam=f0, var=v0, cont=False, subj=None, part=None, spell=0,
                                 uid=0, hist=set()))
        if reinstate is not None:
            k, oitem = reinstate
            ni = dict(oitem); self.uid += 1; ni['uid'] = self.uid
            ni['cont'] = oitem['cont']
            if fmt_era(y1) == 'prose':
                ni['subj'] = oitem['subj']
            lk = 'verbatim'
            if r.random() < 0.35:
                f = ni['fam']
                if f.L and ni['var'][0] == 'B':
                    ni['var'] = ('L', r.randrange(len(f.L)))
                elif can_cont(f.B):
                    ni['cont'] = not ni['cont']
            rein = (k, ni)
            n_add = max(0, n_add - 1)
            used |= set(ni['fam'].key)
        fams = self.pick_fams(y1, n_add, used, exclude, prefer_clu=drop_clu)
        add_items = self.items_for(fams, y1)
        if rein:
            add_items.insert(r.randrange(len(add_items) + 1), rein[1])
        # insert additions
        fe = fmt_era(y1)
        for it in add_items:
            if fe == 'bullet' and r.random() < 0.35:
                pos = r.randint(0, min(1, len(new_items)))
            elif fe != 'bullet' and r.random() < 0.7:
                s = SEC_ORDER[it['fam'].sec]
                pos = len(new_items)
                for q, ex in enumerate(new_items):
                    if SEC_ORDER[ex['fam'].sec] > s:
                        pos = q; break
            else:
                pos = r.randint(0, len(new_items))
            # never break up adjacent compound parts / split parts
            new_items.insert(pos, it)
            for l in links:
                if l[1] >= pos:
                    l[1] += 1
            added.append(it['uid'])
        # ---- reorder
        if r.random() < REORDER_P[tt] and len(new_items) > 2:
            nmov = r.choice([1, 1, 2, 2, 3])
            for _ in range(nmov):
                a = r.randrange(len(new_items))
                b = r.choice([0, 0, 1, r.randrange(len(new_items))])
                if a == b:
                    continue
                uid_order = [x['uid'] for x in new_items]
                x = new_items.pop(a)
                new_items.insert(b, x)
                # remap links via uid
                newpos = {it['uid']: q for q, it in enumerate(new_items)}
                for l in links:
                    l[1] = newpos[uid_order[l[1]]]
        pos_of = {it['uid']: q for q, it in enumerate(new_items)}
        added_idx = [pos_of[u] for u in added]
        rein_out = None
        if rein:
            rein_out = (rein[0], pos_of[rein[1]['uid']])
        return new_items, links, added_idx, sorted(dropped), rein_out, tt, forced

    def fate_normal(self, it, fz, y0, y1):
        r = self.rng
        f = it['fam']
        t, i = it['var']
        def ok(k):
            if k == 'para':
                return bool(f.P and t in 'BLP')
            if k == 'narrow':
                return bool((f.N and t in 'BL') or t == 'W')
            if k == 'broad':
                return bool((f.W and t in 'BL') or t == 'N')
            return True
        ks = list(fz); ws = [fz[k] for k in ks]
        k = r.choices(ks, weights=ws)[0]
        if not ok(k):
            alt = [x for x in ('narrow', 'broad', 'para') if x != k and ok(x)]
            # keep the share of scope changes: try the sibling scope change first, else a light edit
            if k in ('narrow', 'broad') and alt and r.random() < 0.6:
                k = r.choice([x for x in alt if x != 'para'] or alt)
            else:
                k = 'light'
        ni = dict(it)
        self.uid += 1; ni['uid'] = self.uid
        mods = tuple(it.get('mods') or ())
        hist = set(it.get('hist') or set()) | {(it['var'], it['cont'], mods)}
        ni['hist'] = hist
        if fmt_era(y1) != 'prose':
            ni['subj'] = None
        if k == 'drop':
            return None, None
        if k == 'verbatim':
            if r.random() < 0.06 and fmt_era(y1) != 'prose':
                ni['spell'] = r.choice([1, 2, 3]) if it['spell'] == 0 else 0
            return 'verbatim', ni
        if k == 'light':
            opts = []
            if t == 'B' and f.L:
                opts += [('var', ('L', j)) for j in range(len(f.L))]
            if t == 'L':
                opts += [('var', ('B', 0))]
            opts = [o for o in opts if (o[1], it['cont'], ()) not in hist]
            base = fill(f.text(it['var']), self.prof, y1)
            if (can_cont(base) or it['cont']) and (it['var'], not it['cont'], mods) not in hist:
                opts += [('cont', None)]
            cur = base
            for mid in mods:
                cur = mod_apply(mid, cur)
            for mid in mod_options(cur):
                if (it['var'], it['cont'], mods + (mid,)) not in hist:
                    opts.append(('mod', mid))
            for mid in mods:
                rest = tuple(x for x in mods if x != mid)
                if (it['var'], it['cont'], rest) not in hist:
                    opts.append(('unmod', mid))
            if fmt_era(y0) == 'prose' and fmt_era(y1) == 'prose':
                opts += [('subj', None)]
            if not opts:
                return 'verbatim', ni
            varopts = [o for o in opts if o[0] == 'var']
            modopts = [o for o in opts if o[0] in ('mod', 'unmod')]
            u = r.random()
            if ('cont', None) in opts and (it['cont'] or u < 0.12):
                what, v = 'cont', None
            elif varopts and (u < 0.62 or not modopts):
                what, v = r.choice(varopts)
            elif modopts:
                what, v = r.choice(modopts)
            else:
                what, v = r.choice(opts)
            if what == 'var':
                ni['var'] = v
                ni['mods'] = ()
            elif what == 'mod':
                ni['mods'] = mods + (v,)
            elif what == 'unmod':
                ni['mods'] = tuple(x for x in mods if x != v)
            elif what == 'cont':
                ni['cont'] = not it['cont']
            else:
                ni['subj'] = r.choice([s for s in SUBJECTS if s != it['subj']])
            return 'light_edit', ni
        if k == 'para':
            if t in 'BL':
                ch = [('P', j) for j in range(len(f.P)) if (('P', j), False) not in hist] or [('P', r.randrange(len(f.P)))]
            else:
                ch = [v for v in [('B', 0)] + [('P', j) for j in range(len(f.P)) if j != i] if (v, False) not in hist] or [('B', 0)]
            ni['var'] = r.choice(ch)
            ni['cont'] = False
            ni['mods'] = ()
            return 'paraphrase', ni
        if k == 'narrow':
            if t == 'W':
                ni['var'] = ('B', 0)
            else:
                ni['var'] = ('N', r.randrange(len(f.N)))
            ni['cont'] = False
            ni['mods'] = ()
            return 'narrowing', ni
        if k == 'broad':
            if t == 'N':
                ni['var'] = ('B', 0)
            else:
                ni['var'] = ('W', r.randrange(len(f.W)))
            ni['cont'] = False
            ni['mods'] = ()
            return 'broadening', ni
        raise ValueError(k)


# ---------------------------------------------------------------- prose era (2004-2007)
FRAMES = [
    "The government should {A}.",
    "{C} should {A}.",
    "To further strengthen its anti-trafficking efforts, the government should {A}.",
    "While the government made some progress in {AREA}, it should {A}.",
    "The government should also {A}.",
    "Finally, it should {A}.",
    "In addition, authorities should {A}.",
    "{D} authorities should also {A}.",
    "Nevertheless, the government should do more to {A}.",
    "To enhance its response, the government should {A}.",
    "In the coming year, the government should {A}.",
    "The government should continue to {A}.",
]
SHORT_FR = [0, 1, 4, 5, 6, 7, 11]
LONG_FR = [2, 3, 8, 9, 10]


def new_frame(r, fr):
    same = SHORT_FR if fr in SHORT_FR else LONG_FR
    other = LONG_FR if fr in SHORT_FR else SHORT_FR
    pool = same if r.random() < 0.8 else other
    return r.choice([x for x in pool if x != fr] or pool)


AREAS = ["prosecuting traffickers", "assisting victims", "raising public awareness",
         "coordinating its response", "training officials"]


class BundleFam:
    compound = False
    bundle = True
    pnote = nnote = wnote = None

    def __init__(self, fams):
        self.members = list(fams)
        self.key = sorted(set(k for f in fams for k in f.key))
        self.sec = fams[0].sec
        self.clu = fams[0].clu
        self.fid = "bundle:" + "+".join(f.fid for f in fams)
        self.eras = 'e'


def render_bundle(it, prof, year):
    asks = [lcfirst(fill(f.text(v), prof, year), prof['_keep']) for f, v in it['asks']]
    A = ", ".join(asks[:-1]) + (", and " if len(asks) > 2 else " and ") + asks[-1] if len(asks) > 1 else asks[0]
    fr = FRAMES[it['frame']].replace('{AREA}', it['area'])
    return fill(fr, prof, year).replace('{A}', A)


def _bundle_item(chain, fams, year):
    chain.uid += 1
    r = chain.rng
    return dict(fam=BundleFam(fams), asks=[[f, ('B', 0)] for f in fams],
                frame=r.randrange(len(FRAMES)), area=r.choice(AREAS), uid=chain.uid,
                var=None, cont=False, part=None, spell=0, subj=None)


def _rebundle(chain, it, asks, frame=None):
    chain.uid += 1
    ni = dict(it)
    ni['asks'] = [list(a) for a in asks]
    ni['fam'] = BundleFam([a[0] for a in asks])
    ni['uid'] = chain.uid
    if frame is not None:
        ni['frame'] = frame
    return ni


def _prose_bundles(chain, year, n, used, exclude):
    r = chain.rng
    out = []
    for _ in range(n):
        k = r.choices([1, 2, 3], weights=[.55, .3, .15])[0]
        fams = chain.pick_fams(year, k, used, exclude, comp_p=0.0)
        if fams:
            out.append(_bundle_item(chain, fams, year))
    return out


def _ask_change(r, f, v):
    """return (new_var, change) for a persisting ask inside a sentence"""
    u = r.random()
    if u < 0.4 or (not f.L and not f.P):
        return v, 'same'
    if u < 0.85 and f.L:
        return ('L', r.randrange(len(f.L))) if v[0] == 'B' else ('B', 0), 'light'
    if f.P and v[0] != 'P':
        return ('P', r.randrange(len(f.P))), 'para'
    if v[0] == 'P':
        return ('B', 0), 'para'
    return v, 'same'


def evolve_prose(chain, old, y0, y1, older=None, force_drop=False, reinstate=None):
    r = chain.rng
    to_list = fmt_era(y1) != 'prose'
    forced = None
    if force_drop and old:
        forced = r.randrange(len(old))
    res = []          # (old_idx, [new items], kind)
    dropped = []
    used = set()
    for it in old:
        used |= set(it['fam'].key)
    if older:
        for it in older:
            used |= set(it['fam'].key)
    exclude = set(f.fid for it in old for f in it['fam'].members)
    if older:
        exclude |= set(f.fid for it in older for f in it['fam'].members)
    for i, it in enumerate(old):
        if i == forced:
            dropped.append(i); continue
        keep, changes, nd = [], [], 0
        for f, v in it['asks']:
            if r.random() < (0.68 if not to_list else 0.5) and (not to_list or 'o' in f.eras):
                nv, ch = _ask_change(r, f, v)
                keep.append([f, nv]); changes.append(ch)
            else:
                nd += 1
        if not keep:
            dropped.append(i); continue
        if not to_list:
            extra = []
            if r.random() < 0.6:
                extra = chain.pick_fams(y1, 1, used, exclude, comp_p=0.0)
                used |= set(k for f in extra for k in f.key)
            if len(keep) >= 2 and r.random() < 0.5 and len(old) + sum(len(x[1]) - 1 for x in res) < 4:
                cut = r.randint(1, len(keep) - 1)
                a = _rebundle(chain, it, keep[:cut])
                b = _rebundle(chain, it, keep[cut:] + [[f, ('B', 0)] for f in extra],
                              frame=r.choice([4, 5, 6, 7]))
                res.append((i, [a, b], 'split'))
                continue
            frame = it['frame'] if r.random() < 0.3 else new_frame(r, it['frame'])
            ni = _rebundle(chain, it, keep + [[f, ('B', 0)] for f in extra], frame=frame)
            if nd and extra:
                kind = 'paraphrase'
            elif nd:
                kind = 'narrowing'
            elif extra:
                kind = 'broadening'
            elif 'para' in changes:
                kind = 'paraphrase'
            elif frame != it['frame'] and ((frame in SHORT_FR) != (it['frame'] in SHORT_FR)):
                kind = 'paraphrase'
            elif 'light' in changes or frame != it['frame']:
                kind = 'light_edit'
            else:
                kind = 'verbatim'
            res.append((i, [ni], kind))
        else:
            items = []
            for f, v in keep:
                chain.uid += 1
                items.append(dict(fam=f, var=v, cont=False, subj=None, part=None, spell=0,
                                  uid=chain.uid))
            if len(items) == 1 and items[0]['fam'].W and not nd and r.random() < 0.35:
                items[0]['var'] = ('W', r.randrange(len(items[0]['fam'].W)))
                res.append((i, items, 'broadening'))
            elif len(items) >= 2:
                res.append((i, items, 'split'))
            elif nd:
                res.append((i, items, 'narrowing'))
            elif changes[0] == 'para':
                res.append((i, items, 'paraphrase'))
            else:
                res.append((i, items, 'light_edit'))
    # occasional merge of two surviving sentences (prose -> prose)
    if not to_list:
        singles = [k for k, (i, its, kd) in enumerate(res) if len(its) == 1 and len(its[0]['asks']) <= 2]
        if len(singles) >= 2 and r.random() < 0.0:
            a, b = singles[0], singles[1]
            ia, ita, _ = res[a]
            ib, itb, _ = res[b]
            m = _rebundle(chain, ita[0], ita[0]['asks'] + itb[0]['asks'])
            res[a] = ((ia, ib), [m], 'merge')
            del res[b]
    new_items, links = [], []
    for i, its, kd in res:
        for it in its:
            if isinstance(i, tuple):
                for oi in i:
                    links.append([oi, len(new_items), 'merge'])
            else:
                links.append([i, len(new_items), kd])
            new_items.append(it)
    # additions
    added = []
    if to_list:
        lo, hi = len_range(y1, chain.tier)
        target = sample_len(r, y1, chain.tier)
        n_add = max(0, target - len(new_items))
        used |= chain.keys_of(new_items)
        fams = chain.pick_fams(y1, n_add, used, exclude)
        adds = chain.items_for(fams, y1)
    else:
        target = r.choice([0, 0, 1, 1, 1, 1, 1, 1, 2, 2, 3, 4])
        if not old:
            target = max(1, target)
        n_add = max(0, target - len(new_items))
        if len(new_items) + n_add > 4:
            n_add = max(0, 4 - len(new_items))
        if n_add == 0 and target > 0 and r.random() < 0.25 and len(new_items) < 4:
            n_add = 1
        if old and reinstate is None and r.random() < 0.12:
            # the narrative of the new year carries no recommendation at all
            dropped = list(range(len(old)))
            new_items, links, n_add = [], [], 0
        adds = _prose_bundles(chain, y1, n_add, used, exclude)
    rein = None
    if reinstate is not None:
        k, oitem = reinstate
        if to_list:
            f, v = oitem['asks'][0]
            chain.uid += 1
            ni = dict(fam=f, var=v, cont=False, subj=None, part=None, spell=0, uid=chain.uid)
        else:
            ni = _rebundle(chain, oitem, oitem['asks'],
                           frame=oitem['frame'] if r.random() < 0.6 else new_frame(r, oitem['frame']))
        rein = (k, ni)
        adds.insert(r.randrange(len(adds) + 1), ni)
    if not to_list:
        # a narrative carries at most four recommendation sentences
        while len(new_items) + len(adds) > 4 and any(a is not (rein[1] if rein else None) for a in adds):
            for q in range(len(adds) - 1, -1, -1):
                if not (rein and adds[q] is rein[1]):
                    del adds[q]; break
    for it in adds:
        if to_list and r.random() < 0.7:
            s = SEC_ORDER[it['fam'].sec]
            pos = len(new_items)
            for q, ex in enumerate(new_items):
                if SEC_ORDER[ex['fam'].sec] > s:
                    pos = q; break
        else:
            pos = len(new_items) if r.random() < 0.75 else r.randint(0, len(new_items))
        new_items.insert(pos, it)
        for l in links:
            if l[1] >= pos:
                l[1] += 1
        added.append(it['uid'])
    pos_of = {it['uid']: q for q, it in enumerate(new_items)}
    added_idx = [pos_of[u] for u in added]
    rein_out = (rein[0], pos_of[rein[1]['uid']]) if rein else None
    return new_items, links, added_idx, sorted(dropped), rein_out, trans_type(y0, y1), forced
