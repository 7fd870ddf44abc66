import json, sys, collections, statistics
KINDS=['verbatim','light_edit','paraphrase','narrowing','broadening','split','merge']
def sub(y): return '2004-07' if y<=2007 else ('2008-09' if y<=2009 else ('2010-16' if y<=2016 else '2017-25'))
def report(path):
    R=[json.loads(l) for l in open(path)]
    out=[]
    P=lambda *a: out.append(' '.join(str(x) for x in a))
    eras=['2004-2009','2010-2016','2017-2025']
    L={e:collections.Counter() for e in eras+['all']}
    O={e:collections.Counter() for e in eras+['all']}
    for r in R:
        for e in (r['era'],'all'):
            O[e]['pairs']+=1
            for l in r['links']: L[e][l['kind']]+=1
            O[e]['old']+=len(r['old']); O[e]['new']+=len(r['new'])
            O[e]['dropped']+=len(r['dropped']); O[e]['added']+=len(r['added'])
            O[e]['reinstated']+=len(r['reinstated']); O[e]['decoys']+=len(r['decoys'])
            O[e]['pairs_with_decoys']+=bool(r['decoys']); O[e]['reordered']+=r['reordered']
            O[e]['split_groups']+=len(set(l['old'] for l in r['links'] if l['kind']=='split'))
            O[e]['merge_groups']+=len(set(l['new'] for l in r['links'] if l['kind']=='merge'))
            O[e]['persist']+=len(set(l['old'] for l in r['links']))
            O[e]['empty_side']+= (not r['old'] or not r['new'])
    P('| kind | all (share of links) | 2004-2009 | 2010-2016 | 2017-2025 |'); P('|---|---|---|---|---|')
    for k in KINDS:
        cells=[]
        for e in eras:
            t=sum(L[e].values()); cells.append('%d (%.1f%%)'%(L[e][k],100*L[e][k]/max(1,t)))
        t=sum(L['all'].values())
        P('| %s | %d (%.1f%%) | %s |'%(k,L['all'][k],100*L['all'][k]/t,' | '.join(cells)))
    P('| links | %d | %s |'%(sum(L['all'].values()),' | '.join(str(sum(L[e].values())) for e in eras)))
    P('')
    P('| | all | 2004-2009 | 2010-2016 | 2017-2025 |'); P('|---|---|---|---|---|')
    rows=[('pairs','pairs'),('old items','old'),('new items','new'),('old items persisting (in >=1 link)','persist'),('dropped','dropped'),
          ('added (new + reinstated)','added'),('  of which reinstated','reinstated'),('split events (groups)','split_groups'),('merge events (groups)','merge_groups'),
          ('decoy pairs','decoys'),('pairs with >=1 decoy','pairs_with_decoys'),('reordered pairs','reordered'),('pairs with an empty list','empty_side')]
    for name,k in rows:
        P('| %s | %s |'%(name,' | '.join(str(O[e][k]) for e in ['all']+eras)))
    def pct(a,b): return '%.1f%%'%(100*a/max(1,b))
    P('| persistence (share of old) | %s |'%' | '.join(pct(O[e]['persist'],O[e]['old']) for e in ['all']+eras))
    P('| dropped (share of old) | %s |'%' | '.join(pct(O[e]['dropped'],O[e]['old']) for e in ['all']+eras))
    P('| added (share of new) | %s |'%' | '.join(pct(O[e]['added'],O[e]['new']) for e in ['all']+eras))
    P('| reordered (share of pairs) | %s |'%' | '.join(pct(O[e]['reordered'],O[e]['pairs']) for e in ['all']+eras))
    P('| decoys per pair | %s |'%' | '.join('%.2f'%(O[e]['decoys']/O[e]['pairs']) for e in ['all']+eras))
    P('')
    # old-item fates
    F={e:collections.Counter() for e in eras+['all']}
    for r in R:
        ks={}
        for l in r['links']: ks.setdefault(l['old'],l['kind'])
        for e in (r['era'],'all'):
            for o,k in ks.items(): F[e][k]+=1
            F[e]['dropped']+=len(r['dropped'])
    P('old-item fates (share of old items):')
    for e in ['all']+eras:
        t=sum(F[e].values()); P('  %s: %s'%(e, ', '.join('%s %.1f%%'%(k,100*v/t) for k,v in F[e].most_common())))
    P('')
    # list lengths by year bucket (each distinct list counted once per pair side)
    LL=collections.defaultdict(list)
    for r in R:
        LL[sub(r['from_year'])].append(len(r['old'])); LL[sub(r['to_year'])].append(len(r['new']))
    P('| list year | lists | median items | range | mean |'); P('|---|---|---|---|---|')
    for k in ['2004-07','2008-09','2010-16','2017-25']:
        v=LL[k]; P('| %s | %d | %s | %d-%d | %.1f |'%(k,len(v),statistics.median(v),min(v),max(v),sum(v)/len(v)))
    allv=[x for v in LL.values() for x in v]
    P('| all | %d | %s | %d-%d | %.1f |'%(len(allv),statistics.median(allv),min(allv),max(allv),sum(allv)/len(allv)))
    # item lengths
    sent=[]; lst=[]
    for r in R:
        for side,y in ((r['old'],r['from_year']),(r['new'],r['to_year'])):
            for t in side: (sent if y<=2007 else lst).append(t)
    def d(v): 
        w=[len(t.split()) for t in v]; c=[len(t) for t in v]
        return 'median %d words / %d chars, range %d-%d words'%(statistics.median(w),statistics.median(c),min(w),max(w))
    P(''); P('item length: sentence-era items %s; list items %s'%(d(sent),d(lst)))
    inc=sum(1 for t in sent+lst if 'including' in t); P('items with an "including" clause: %d of %d (%.0f%%)'%(inc,len(sent+lst),100*inc/len(sent+lst)))
    fw=collections.Counter(t.split()[0].lower() for t in lst)
    P('list-item first words: '+', '.join('%s %.0f%%'%(k,100*v/len(lst)) for k,v in fw.most_common(10)))
    cs=collections.Counter(r['country'] for r in R)
    P('countries: %d; pairs per country median %s, range %d-%d'%(len(cs),statistics.median(cs.values()),min(cs.values()),max(cs.values())))
    tiers=collections.Counter((r['notes'].split('tier (fictional) ')[-1] if 'tier (fictional)' in r['notes'] else '?') for r in R)
    P('fictional tier of the country in the pair: %s'%dict(tiers))
    return '\n'.join(out)
if __name__=='__main__':
    print(report(sys.argv[1]))
