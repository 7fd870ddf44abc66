import json, sys, collections, statistics
def era(y): return "2004-2009" if y<=2009 else ("2010-2016" if y<=2016 else "2017-2025")
def table(paths):
    R=[json.loads(l) for p in paths for l in open(p)]
    L=collections.defaultdict(collections.Counter); O=collections.defaultdict(collections.Counter)
    for r in R:
        e=r['era']
        O[e]['pairs']+=1
        for l in r['links']: L[e][l['kind']]+=1; L['all'][l['kind']]+=1
        per=[('old',len(r['old'])),('new',len(r['new'])),('dropped',len(r['dropped'])),('added',len(r['added'])),
             ('reinstated',sum(1 for a in r['added'] if a['kind']=='reinstated')),('decoys',len(r['decoys'])),('reordered',int(r['reordered'])),
             ('split_events',len(set(l['old'] for l in r['links'] if l['kind']=='split'))),('merge_events',len(set(l['new'] for l in r['links'] if l['kind']=='merge'))),
             ('persist',len(set(l['old'] for l in r['links'])))]
        for k,v in per: O[e][k]+=v; O['all'][k]+=v
        O['all']['pairs']+= 0
    O['all']['pairs']=len(R)
    kinds=['verbatim','light_edit','paraphrase','narrowing','broadening','split','merge']
    print('| kind | all | share | ' + ' | '.join(sorted(k for k in L if k!='all')) + ' |')
    tot=sum(L['all'].values())
    for k in kinds:
        print('| %s | %d | %.1f%% | %s |'%(k, L['all'][k], 100*L['all'][k]/tot, ' | '.join('%d (%.0f%%)'%(L[e][k],100*L[e][k]/max(1,sum(L[e].values()))) for e in sorted(x for x in L if x!='all'))))
    print('| links | %d | | %s |'%(tot, ' | '.join(str(sum(L[e].values())) for e in sorted(x for x in L if x!='all'))))
    print()
    for e in ['all']+sorted(x for x in O if x!='all'):
        o=O[e]
        print(e, dict(o), 'persist %.1f%% dropped %.1f%% added %.1f%% of new; reinstated %.1f%% of added; decoys/pair %.2f; reordered %.0f%%'%(
            100*o['persist']/max(1,o['old']),100*o['dropped']/max(1,o['old']),100*o['added']/max(1,o['new']),100*o['reinstated']/max(1,o['added']),o['decoys']/o['pairs'],100*o['reordered']/o['pairs']))
if __name__=='__main__': table(sys.argv[1:])
