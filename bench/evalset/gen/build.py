import json, random, sys
from engine import *
import profiles


def render_list(items, prof, year):
    n = len(items)
    return [render_item(it, prof, year, k, n) for k, it in enumerate(items)]


def check_kind(kind, a, b, warn):
    na = re.sub(r"[^a-z0-9]", "", norm(a))
    nb = re.sub(r"[^a-z0-9]", "", norm(b))
    if kind == 'verbatim' and na != nb:
        return 'light_edit'
    if kind == 'light_edit' and na == nb:
        return 'verbatim'
    if kind == 'light_edit':
        d = word_edit(a, b)
        L = max(len(norm(a).split()), len(norm(b).split()))
        if d > max(7, 0.45 * L):
            warn.append(("big light_edit -> paraphrase", d, a, b))
            return 'paraphrase'
    if kind in ('paraphrase', 'narrowing', 'broadening') and na == nb:
        warn.append(("identical " + kind, a, b))
    return kind


def is_reordered(links):
    seq = {}
    for o, n, k in links:
        seq.setdefault(o, []).append(n)
    order = [min(seq[o]) for o in sorted(seq)]
    return any(order[i] > order[i + 1] for i in range(len(order) - 1))


GENERIC = {'continue', 'increase', 'efforts', 'ensure', 'provide', 'trafficking', 'victims',
           'victim', 'government', 'officials', 'including', 'take', 'steps'}


RELATED = [set(x.split()) for x in [
    'nap_adopt nap_fund nap_measure task_force', 'sops nrm_train formal_ident refer id_groups screen_all',
    'screen_inst orphanage inst_staff', 'gov_services ngo_fund safehouse', 'shelter_male child_shelter adult_shelter',
    'recruit_reg recruiter_prosec fees', 'labor_le insp_sector', 'n_inspectors labinsp_train unannounced',
    'pros_core sentence complicit lesser', 'nonpunish law_nonpun screen_deport', 'data annual_report research',
    'child_soldier cs_reint age_verif', 'state_fl monitor_harvest detainee_fl', 'dom_law change_employer contracts']]
GENERIC_KEYS = {'protect_gen', 'prevent_gen', 'enact_law'}


def find_decoys(old_t, new_t, old_it, new_it, links, dropped, added, maxn, rng):
    linked = set((o, n) for o, n, k in links)
    cands = []
    for i, a in enumerate(old_t):
        for j, b in enumerate(new_t):
            if (i, j) in linked:
                continue
            fa, fb = old_it[i]['fam'], new_it[j]['fam']
            if fa is fb or set(fa.key) & set(fb.key):
                continue
            ka, kb = set(fa.key), set(fb.key)
            if any((ka & g) and (kb & g) for g in RELATED) or (ka | kb) & GENERIC_KEYS:
                continue
            A, B = set(content(a)), set(content(b))
            if not A or not B:
                continue
            jac = len(A & B) / len(A | B)
            cont = len(A & B) / min(len(A), len(B))
            wa = norm(a).split()[:3]
            wb = norm(b).split()[:3]
            same_open = wa[:2] == wb[:2]
            if cont >= 0.7:
                continue
            shared = (A & B) - GENERIC
            if len(shared) < 2 and not (same_open and shared and jac >= 0.15):
                continue
            ok = (fa.clu == fb.clu and jac >= 0.2) or (same_open and jac >= 0.15) or jac >= 0.3
            if ok:
                pri = jac + (0.15 if (i in dropped or j in added) else 0) + (0.1 if same_open else 0)
                cands.append((pri, i, j))
    cands.sort(reverse=True)
    out, used_o, used_n = [], set(), set()
    for pri, i, j in cands:
        if len(out) >= maxn:
            break
        if i in used_o or j in used_n:
            continue
        out.append({"old": i, "new": j})
        used_o.add(i); used_n.add(j)
    return out


def run(bank, specs, plan, prefix, seed, maxdecoy=3):
    rng = random.Random(seed)
    profs = [profiles.make_profile(s, random.Random(seed + 7 * k)) for k, s in enumerate(specs)]
    records, warns = [], []
    for (ci, start, n_emit, tier, rein_at) in plan:
        prof = profs[ci]
        ch = Chain(bank, prof, rng, tier)
        y = start - 1
        hist = [ch.initial(y)]
        years = [y]
        # hidden step y -> start (forced drop if reinstatement at emitted step 0)
        pending = None
        for step in range(-1, n_emit):
            y0 = start + step
            y1 = y0 + 1
            older = hist[-2] if len(hist) >= 2 else None
            force = (rein_at is not None and step == rein_at - 1)
            reinstate = None
            if rein_at is not None and step == rein_at and older is not None and pending is not None:
                reinstate = (pending, older[pending])
            new, links, added, dropped, rein, tt, forced = ch.evolve(
                hist[-1], y0, y1, older=older, force_drop=force, reinstate=reinstate)
            if force:
                pending = forced
            if step >= 0:
                old_items = hist[-1]
                ot = render_list(old_items, prof, y0)
                nt = render_list(new, prof, y1)
                ls = []
                for o, n, k in sorted(links, key=lambda x: (x[0], x[1])):
                    k2 = check_kind(k, ot[o], nt[n], warns)
                    ls.append([o, n, k2])
                rec = {"id": "%s%03d" % (prefix, len(records) + 1), "country": prof['C'],
                       "era": era_label(y1), "from_year": y0, "to_year": y1,
                       "old": ot, "new": nt,
                       "links": [{"old": o, "new": n, "kind": k} for o, n, k in ls]}
                add = []
                for j in sorted(added):
                    kind = 'reinstated' if (rein and rein[1] == j) else 'new'
                    add.append({"new": j, "kind": kind})
                rec["added"] = add
                rec["dropped"] = [{"old": i} for i in dropped]
                rec["decoys"] = find_decoys(ot, nt, old_items, new, ls, set(dropped), set(added),
                                            maxdecoy, rng)
                notes = []
                if rein:
                    rec["older"] = render_list(older, prof, y0 - 1)
                    rec["reinstated"] = [{"older": rein[0], "new": rein[1]}]
                    notes.append("new %d reinstates older item %d (present in %d, dropped in %d)"
                                 % (rein[1], rein[0], y0 - 1, y0))
                else:
                    rec["reinstated"] = []
                rec["reordered"] = is_reordered(ls)
                sp = {}
                for o, n, k in ls:
                    if k == 'split':
                        sp.setdefault(o, []).append(n)
                for o, ns in sp.items():
                    notes.append("old %d split into new %s" % (o, ", ".join(map(str, ns))))
                mg = {}
                for o, n, k in ls:
                    if k == 'merge':
                        mg.setdefault(n, []).append(o)
                for n, os_ in mg.items():
                    notes.append("old %s merged into new %d" % (", ".join(map(str, os_)), n))
                for o, n, k in ls:
                    f = old_items[o]['fam']
                    if k == 'paraphrase' and not f.compound and f.pnote and new[n].get('var') and old_items[o].get('var'):
                        if new[n]['var'][0] == 'P' or old_items[o]['var'][0] == 'P':
                            notes.append("old %d -> new %d: %s" % (o, n, f.pnote))
                    if k == 'narrowing' and not f.compound and f.nnote:
                        notes.append("old %d -> new %d: %s" % (o, n, f.nnote))
                if fmt_era(y0) == 'prose':
                    notes.append("%d asks are sentences from the narrative (no list yet)" % y0)
                if fmt_era(y0) == 'semi' and fmt_era(y1) == 'bullet':
                    notes.append("semicolon list becomes prioritized bullet list")
                if fmt_era(y0) == 'prose' and fmt_era(y1) == 'semi':
                    notes.append("first year with a semicolon recommendations list")
                if tier:
                    notes.append("tier (fictional) %s" % {1: '1', 2: '2', 3: '3', 4: '2WL'}[tier])
                rec["notes"] = "; ".join(notes)
                records.append(rec)
            hist.append(new)
    return records, warns


if __name__ == '__main__':
    pass
