import json, sys, statistics, collections
def stats(path, verbose=True):
    R=[json.loads(l) for l in open(path)]
    K=collections.Counter(); E=collections.defaultdict(collections.Counter)
    lens=collections.defaultdict(list); split_g=0; merge_g=0; rein=0; dec=0; reord=0
    nold=0; nnew=0; added_new=0; dropped=0
    pairs_with_decoy=0
    for r in R:
        e=r['era']; lens[e]+= [len(r['old']), len(r['new'])]
        nold+=len(r['old']); nnew+=len(r['new'])
        seen_split=set(); seen_merge=set()
        for l in r['links']:
            K[l['kind']]+=1; E[e][l['kind']]+=1
            if l['kind']=='split': seen_split.add(l['old'])
            if l['kind']=='merge': seen_merge.add(l['new'])
        split_g+=len(seen_split); merge_g+=len(seen_merge)
        E[e]['split_groups']+=len(seen_split); E[e]['merge_groups']+=len(seen_merge)
        for a in r['added']:
            K['added_'+a['kind']]+=1; E[e]['added_'+a['kind']]+=1
        K['dropped']+=len(r['dropped']); E[e]['dropped']+=len(r['dropped'])
        dec+=len(r['decoys']); E[e]['decoys']+=len(r['decoys'])
        pairs_with_decoy+= bool(r['decoys'])
        reord+=r['reordered']; E[e]['reordered_pairs']+=r['reordered']; E[e]['pairs']+=1
        rein+=len(r.get('reinstated',[]))
    out=dict(pairs=len(R), old_items=nold, new_items=nnew, kinds=dict(K), split_groups=split_g,
             merge_groups=merge_g, reinstated=rein, decoys=dec, pairs_with_decoys=pairs_with_decoy,
             reordered=reord)
    if verbose:
        print(json.dumps(out, indent=1))
        for e in sorted(E):
            L=lens[e]; print(e, dict(E[e]), 'items/list median %s range %d-%d'%(statistics.median(L),min(L),max(L)))
        # old-item fate shares
        fate=collections.Counter()
        for r in R:
            ks={}
            for l in r['links']: ks.setdefault(l['old'],l['kind'])
            for o,k in ks.items(): fate[k]+=1
            fate['dropped']+=len(r['dropped'])
        tot=sum(fate.values())
        pe=collections.defaultdict(collections.Counter)
        for r in R:
            y=r['to_year']; e='2004-2007' if y<=2007 else ('2008-2009' if y<=2009 else ('2010-2016' if y<=2016 else '2017-2025'))
            ks={}
            for l in r['links']: ks.setdefault(l['old'],l['kind'])
            for o,k in ks.items(): pe[e][k]+=1
            pe[e]['dropped']+=len(r['dropped'])
            pe[e]['_pairs']+=1
        for e in sorted(pe):
            t=sum(v for k,v in pe[e].items() if k!='_pairs')
            print('  fates', e, pe[e]['_pairs'], 'pairs', {k:'%.0f%%'%(100*v/t) for k,v in pe[e].most_common() if k!='_pairs'})
        print('old-item fates:', {k:'%d (%.1f%%)'%(v,100*v/tot) for k,v in fate.most_common()})
        nn=collections.Counter()
        for r in R:
            ks={}
            for l in r['links']: ks.setdefault(l['new'],l['kind'])
            for n,k in ks.items(): nn['linked']+=1
            for a in r['added']: nn['added_'+a['kind']]+=1
        tot=sum(nn.values())
        print('new-item shares:', {k:'%d (%.1f%%)'%(v,100*v/tot) for k,v in nn.most_common()})
    return out
if __name__=='__main__':
    stats(sys.argv[1])
