"""Chains 2010-2018: semicolon lists. Every sentence is invented; countries, places, laws and
agencies are fictional."""
from engine2 import Chain, E, K, M, N, R, S, Year  # noqa: F401

OLORIA = Chain(
    "Oloria",
    {2011: "2", 2012: "2", 2013: "2", 2014: "2", 2015: "2", 2016: "2", 2017: "2WL", 2018: "2WL"},
    2010,
    [
        ("oa", "Increase efforts to investigate and prosecute trafficking offenses under the "
               "Anti-Trafficking Act of 2007"),
        ("ob", "Inspect fishing vessels in Port Sallow for signs of forced labor, including confiscated "
               "documents and unpaid wages"),
        ("oc", "Give police, prosecutors, and judges regular training in the Anti-Trafficking Act of 2007"),
        ("od", "Provide adequate funding to the two government shelters for women and children"),
        ("oe", "Develop procedures to identify victims among children in orphanages and refer them "
               "to care"),
        ("of", "Establish a hotline for reporting suspected trafficking"),
        ("og", "Raise public awareness of the risks of overseas employment"),
        ("ox", "Sign and ratify the 2000 UN TIP Protocol"),
    ],
    [
        Year(2011, [
            E("oa", "Increase efforts to investigate and prosecute trafficking offenses, including "
                    "forced labor on fishing vessels, under the Anti-Trafficking Act of 2007",
              "broadening"),
            K("ob"),
            N("oi", "Increase efforts to provide comprehensive care to male victims of forced labor on "
                    "fishing vessels", near="ob"),
            E("oc", "Give police, prosecutors, and judges regular training in the Anti-Trafficking Act of 2007 and its penalties", "light_edit"),
            K("od"),
            E("oe", "Develop written procedures to identify victims among children in orphanages and refer them to care", "light_edit"),
            N("oh", "Publicize the new trafficking hotline and staff it around the clock", cp="of"),
            K("og"),
        ], decoys=[("ob", "oi", "same_subject")]),
        Year(2012, [
            S("oa1", "oa", "Increase efforts to investigate and prosecute trafficking offenses under "
                           "the Anti-Trafficking Act of 2007, and convict and punish offenders"),
            S("oa2", "oa", "Investigate forced labor on fishing vessels"),
            K("ob"),
            K("oi"),
            K("oc"),
            E("od", "Provide adequate funding to the government shelters for women and children", "light_edit"),
            E("oe", "Put in place a system for spotting exploited children in orphanages and sending "
                    "them to appropriate care", "paraphrase", how="synonyms"),
            N("oj", "Increase efforts to identify victims among girls in karaoke bars and massage "
                    "parlors", near="oe"),
            E("oh", "Publicize the new trafficking hotline and staff it around the clock with trained operators", "light_edit"),
            E("og", "Raise public awareness of the risks of overseas employment, particularly in the "
                    "Keddle Islands", "broadening"),
            N("ot1", "Conduct a study of labor conditions on Keddle Islands plantations"),
        ], decoys=[("oe", "oj", "stock_words")]),
        Year(2013, [
            K("oa1"),
            M("oba2", "Inspect fishing vessels in Port Sallow for signs of forced labor, including "
                      "confiscated documents and unpaid wages, and investigate the cases detected",
              ["ob", "oa2"], how={"oa2": "restructured"}),
            K("oi"),
            E("oc", "Give police, prosecutors, judges, and labor inspectors regular training in the Anti-Trafficking Act of 2007 and its penalties", "broadening"),
            E("od", "Fund the government shelters for women and children as well as the NGO shelters "
                    "in the Keddle Islands", "broadening"),
            K("oe"),
            E("oj", "Increase efforts to identify victims among girls in karaoke bars, massage parlors, and guesthouses", "light_edit"),
            N("ok", "Increase efforts to investigate officials who are suspected of helping traffickers",
              near="oa1"),
            E("oh", "Publicize the trafficking hotline and staff it around the clock with trained operators", "light_edit"),
            E("og", "Raise public awareness of the risks of overseas employment, particularly in the Keddle Islands and other outlying areas", "light_edit"),
        ], decoys=[("oa1", "ok", "stock_words")]),
        Year(2014, [
            E("oa1", "Vigorously investigate and prosecute trafficking offenses under the "
                     "Anti-Trafficking Act of 2007, and convict and punish traffickers", "light_edit"),
            K("oba2"),
            E("oi", "Ensure that men and boys exploited at sea receive shelter, medical care, and "
                    "legal aid", "paraphrase", how="restructured"),
            K("oc"),
            K("od"),
            E("oe", "Put in place a system for spotting exploited children in orphanages and sending them to suitable care", "light_edit"),
            K("oj"),
            E("ok", "Increase efforts to investigate and prosecute officials who are suspected of helping traffickers", "light_edit"),
            N("ol", "Amend the Anti-Trafficking Act of 2007 so that prosecutors of child sex trafficking "
                    "need not show force, fraud, or coercion"),
            E("og", "Raise public awareness of the risks of overseas employment, especially in the Keddle Islands and other outlying areas", "light_edit"),
        ], drops={"oh": {}}),
        Year(2015, [
            E("oa1", "Vigorously investigate and prosecute trafficking offenses under the Anti-Trafficking Act of 2007, and convict and punish traffickers with prison terms", "light_edit"),
            K("oba2"),
            N("om", "Assign more labor inspectors to the fishing industry", near="oba2"),
            K("oi"),
            S("oc1", "oc", "Train police and prosecutors on the Anti-Trafficking Act of 2007 and on "
                           "victim-centered approaches"),
            S("oc2", "oc", "Include trafficking in judicial training"),
            K("od"),
            K("oe"),
            K("oj"),
            E("ok", "Increase efforts to investigate and prosecute officials who are suspected of helping traffickers or taking their bribes", "light_edit"),
            K("ol"),
            N("ot2", "Finalize the agreement with neighbouring states on the return of victims"),
            R("oh", "Publicize the trafficking hotline and staff it around the clock"),
        ], decoys=[("oba2", "om", "same_subject")]),
        Year(2016, [
            K("oa1"),
            M("obam", "Inspect fishing vessels in Port Sallow for signs of forced labor, including "
                      "confiscated documents and unpaid wages, investigate the cases detected, and "
                      "assign more labor inspectors to the fishing industry", ["oba2", "om"]),
            K("oi"),
            K("oc1"),
            K("oc2"),
            E("od", "Give the shelters for women and children, whether run by the government or by "
                    "NGOs in the Keddle Islands, enough money to operate", "paraphrase",
              how="restructured"),
            K("oe"),
            E("oj", "Increase efforts to identify victims among girls and young women in karaoke bars, massage parlors, and guesthouses", "light_edit"),
            K("ok"),
            E("ol", "Amend the Anti-Trafficking Act of 2007 so that prosecutors of child sex trafficking "
                    "cases need not prove force, fraud, or coercion", "light_edit"),
            N("on", "Investigate and prosecute the online sexual exploitation of children, including "
                    "by foreign offenders"),
            E("oh", "Publicize the trafficking hotline in the main local languages and staff it around the clock", "light_edit"),
        ]),
        Year(2017, [
            K("oa1"),
            K("obam"),
            E("oc1", "Institutionalize training for police and prosecutors on the Anti-Trafficking Act "
                     "of 2007 and on victim-centered approaches", "light_edit"),
            K("oc2"),
            M("odi", "Fund the shelters for women and children, whether run by the government or by "
                     "NGOs, and ensure that men and boys exploited at sea receive shelter, medical care, "
                     "and legal aid", ["od", "oi"]),
            E("oe", "Put in place a system for spotting exploited children in orphanages and sending them to suitable care, and register all orphanages", "light_edit"),
            K("oj"),
            N("oo", "Increase efforts to proactively identify trafficking victims in the seafood "
                    "processing plants", near="oj"),
            K("ok"),
            K("ol"),
            E("on", "Investigate and prosecute the online sexual exploitation of children, including by offenders based abroad", "light_edit"),
            K("oh"),
        ], decoys=[("oj", "oo", "stock_words")]),
        Year(2018, [
            K("oa1"),
            E("obam", "Inspect fishing vessels in Port Sallow and the Keddle Islands for signs of forced "
                      "labor, including confiscated documents and unpaid wages, investigate the cases "
                      "detected, and assign more labor inspectors to the fishing industry",
              "light_edit"),
            K("oc1"),
            K("odi"),
            E("oe", "Adopt and implement a system for spotting exploited children in orphanages and "
                    "other residential care institutions and sending them to appropriate care",
              "broadening"),
            M("ojo", "Increase efforts to proactively identify victims among girls in karaoke bars and "
                     "massage parlors and in the seafood processing plants",
              ["oj", "oo"]),
            E("ok", "Increase efforts to investigate and prosecute officials who are suspected of helping traffickers or taking their bribes, including police officers", "light_edit"),
            N("op", "Train prosecutors to apply the 2018 amendment on child sex trafficking", cp="ol"),
            E("on", "Investigate and prosecute the online sexual exploitation of children, including by offenders based abroad, and cooperate with foreign police", "light_edit"),
        ], drops={"oc2": {"near": "oc1"}}),
    ],
)

PEMBERRA = Chain(
    "Pemberra",
    {2011: "2WL", 2012: "2WL", 2013: "2WL", 2014: "2", 2015: "2", 2016: "2", 2017: "2", 2018: "2"},
    2010,
    [
        ("pa", "Enact a comprehensive anti-trafficking law that prohibits all forms of trafficking"),
        ("pb", "Increase efforts to identify and release bonded laborers in brick kilns in Harl "
               "province"),
        ("pc", "Prosecute kiln owners who hold workers in debt bondage under the 1989 Debt Servitude "
               "Ordinance"),
        ("pd", "Provide rehabilitation grants, housing, and land titles to freed bonded laborers and "
               "their families"),
        ("pk0", "Open hostels for the children of bonded laborers and enroll them in school, and "
                "monitor kilns for child labor"),
        ("pe", "Train district labor boards to identify forced labor"),
        ("pf", "Investigate and prosecute officials who protect kiln owners"),
        ("pg", "Raise awareness among rural families of fraudulent offers of marriage abroad"),
    ],
    [
        Year(2011, [
            K("pa"),
            K("pb"),
            N("ph", "Increase efforts to identify and protect girls sold into forced marriage",
              near="pb"),
            K("pc"),
            K("pd"),
            K("pk0"),
            E("pe", "Train district labor boards to identify forced labor and debt bondage", "light_edit"),
            E("pf", "Bring criminal charges against police and district officials who shield kiln "
                    "owners from the law", "paraphrase", how="synonyms"),
            E("pg", "Raise awareness among rural families of fraudulent offers of marriage or work abroad", "light_edit"),
        ], decoys=[("pb", "ph", "stock_words")]),
        Year(2012, [
            N("pi", "Issue implementing rules for the 2012 Anti-Trafficking Act and train officials to "
                    "apply it", cp="pa"),
            K("pb"),
            E("pc", "Prosecute kiln owners who hold workers in debt bondage under the 1989 Debt Servitude Ordinance and the criminal code", "light_edit"),
            K("pd"),
            S("pk1", "pk0", "Open hostels for the children of bonded laborers and enroll them in school"),
            S("pk2", "pk0", "Monitor kilns for child labor"),
            K("pe"),
            K("pf"),
            K("pg"),
            E("ph", "Increase efforts to identify and protect girls sold into forced marriage, including across the border", "light_edit"),
            N("pj", "Increase funding for shelters for women and girls"),
            N("pt1", "Register all brick kilns and publish the register"),
        ]),
        Year(2013, [
            K("pi"),
            M("pbc", "Increase efforts to identify and release bonded laborers in brick kilns in Harl "
                     "province and prosecute the kiln owners who hold them in debt bondage",
              ["pb", "pc"]),
            E("pd", "Provide rehabilitation grants, housing, and land titles to freed bonded laborers and their dependents", "light_edit"),
            K("pk1"),
            E("pe", "Train members of district labor boards to recognize debt bondage and refer cases to "
                    "the police", "broadening"),
            K("pf"),
            E("pg", "Warn village households, by radio and at community meetings, about sham marriage "
                    "proposals from overseas", "paraphrase", how="synonyms"),
            E("ph", "Increase efforts to identify and protect girls sold into forced marriage, including across the border and in urban brothels", "broadening"),
            E("pj", "Increase funding for government and NGO shelters for women and girls", "light_edit"),
        ], drops={"pk2": {"near": "pbc"}}),
        Year(2014, [
            K("pi"),
            K("pbc"),
            S("pd1", "pd", "Provide rehabilitation grants, housing, and job training to freed bonded "
                           "laborers and their families"),
            S("pd2", "pd", "Issue land titles to freed families"),
            E("pk1", "Open hostels for the children of bonded laborers and enroll them in local schools", "light_edit"),
            K("pe"),
            E("pf", "Hold accountable the police and district officials who protect kiln owners from "
                    "prosecution", "paraphrase", how="synonyms"),
            E("pg", "Warn village households, by radio and at community meetings, about sham marriage and job proposals from overseas", "light_edit"),
            K("ph"),
            N("pk", "Increase efforts to prosecute traffickers who arrange forced marriages abroad",
              near="ph"),
            R("pk2"),
        ], decoys=[("ph", "pk", "same_subject")]),
        Year(2015, [
            K("pi"),
            K("pbc"),
            K("pd1"),
            E("pd2", "Issue land titles to freed bonded families", "light_edit"),
            E("pk1", "Build hostels where bonded laborers' children can live and attend local schools", "paraphrase", how="synonyms"),
            K("pe"),
            N("pl", "Allocate funding to district labor boards", near="pe"),
            E("pf", "Hold accountable the police and district officials who protect kiln owners from investigation and prosecution", "light_edit"),
            K("pg"),
            M("phk", "Increase efforts to identify and protect girls sold into forced marriage and "
                     "prosecute those who arrange such marriages abroad", ["ph", "pk"]),
        ], decoys=[("pe", "pl", "same_subject")]),
        Year(2016, [
            E("pi", "Fully implement the 2012 Anti-Trafficking Act and its rules", "narrowing"),
            E("pbc", "Increase efforts to identify and release bonded laborers in brick kilns in Harl province and prosecute the kiln owners who keep them in debt bondage", "light_edit"),
            K("pd1"),
            N("pm", "Increase efforts to provide comprehensive rehabilitation to child laborers removed "
                    "from kilns", near="pd1"),
            K("pk1"),
            E("pe", "Train members of district labor boards to recognize debt bondage and refer cases to police and prosecutors", "light_edit"),
            K("pl"),
            K("pf"),
            K("pg"),
            K("phk"),
            N("pt2", "Conduct a national survey on the extent of debt bondage"),
        ], decoys=[("pd1", "pm", "stock_words")]),
        Year(2017, [
            K("pi"),
            K("pbc"),
            E("pd1", "Provide rehabilitation grants, housing, and vocational training to freed bonded laborers and their families", "light_edit"),
            K("pm"),
            M("pel", "Allocate funding to district labor boards and train their members to recognize "
                     "debt bondage and refer cases to the police", ["pe", "pl"]),
            K("pf"),
            E("pg", "Warn village households, by radio, social media, and at community meetings, about "
                    "sham marriage proposals from overseas", "light_edit"),
            E("phk", "Increase efforts to identify and protect girls sold into forced marriage and prosecute those who arrange such marriages, whether at home or abroad", "light_edit"),
            N("pn", "Increase efforts to proactively identify victims among Pemberrans coming home "
                    "from jobs abroad"),
        ], drops={"pk1": {}}),
        Year(2018, [
            K("pi"),
            S("pbc1", "pbc", "Increase efforts to identify and release bonded laborers in brick kilns "
                             "in Harl province and in the new kilns along the Tesk river"),
            S("pbc2", "pbc", "Prosecute the kiln owners responsible"),
            K("pd1"),
            E("pm", "Increase efforts to provide comprehensive rehabilitation, including schooling, to child laborers removed from kilns", "light_edit"),
            K("pel"),
            N("po", "Create an independent body to hear complaints against police officers who protect "
                    "traffickers", cp="pf"),
            E("phk", "Increase efforts to identify and protect girls sold into forced marriage and prosecute those who arrange such marriages at home or abroad", "light_edit"),
            K("pn"),
        ]),
    ],
)

QUORRANE = Chain(
    "Quorrane",
    {2011: "1", 2012: "1", 2013: "1", 2014: "1", 2015: "1", 2016: "1", 2017: "1", 2018: "1"},
    2010,
    [
        ("qa", "Vigorously prosecute trafficking offenses and seek sentences that reflect the "
               "seriousness of the crime"),
        ("qb", "Improve the identification of victims among asylum seekers and unaccompanied children"),
        ("qc", "Ensure that victims are not penalized for crimes committed as a result of being "
               "trafficked, such as cannabis cultivation"),
        ("qd", "Increase unannounced labor inspections in the construction sector, including of the "
               "subcontractors that recruit foreign workers, and inspect the housing provided to them"),
        ("qe", "Review the au pair scheme to prevent its abuse for domestic servitude"),
    ],
    [
        Year(2011, [
            K("qa"),
            K("qb"),
            S("qc1", "qc", "Ensure that victims are not penalized for crimes committed as a result of "
                           "being trafficked"),
            S("qc2", "qc", "Review past cannabis convictions of child victims"),
            K("qd"),
            E("qe", "Review the au pair scheme to prevent its misuse for domestic servitude", "light_edit"),
            N("qf", "Improve data collection on trafficking cases across police forces"),
        ]),
        Year(2012, [
            K("qa"),
            E("qb", "Improve the identification of victims among asylum seekers, unaccompanied "
                    "children, and persons in immigration detention", "broadening"),
            K("qc1"),
            N("qg", "Ensure that victims receive restitution", near="qc1"),
            K("qd"),
            E("qe", "Check that families hosting au pairs are not using them as unpaid domestic "
                    "servants", "paraphrase", how="restructured"),
            E("qf", "Improve the collection of data on trafficking cases across all police forces", "light_edit"),
            N("qt1", "Appoint an independent anti-slavery commissioner"),
        ], decoys=[("qc1", "qg", "stock_words")], drops={"qc2": {}}),
        Year(2013, [
            E("qa", "Vigorously prosecute trafficking offenses and seek prison sentences proportionate "
                    "to the gravity of the crime", "light_edit"),
            K("qb"),
            K("qc1"),
            K("qg"),
            S("qd1", "qd", "Increase unannounced labor inspections in the construction sector, "
                           "including of the subcontractors that recruit foreign workers"),
            S("qd2", "qd", "Inspect the housing of foreign workers"),
            K("qe"),
            E("qf", "Improve the collection of data on trafficking cases across all police forces and regions", "light_edit"),
            N("qt2", "Give the anti-slavery commissioner the power to inspect public bodies", cp="qt1"),
        ]),
        Year(2014, [
            K("qa"),
            K("qb"),
            E("qc1", "Ensure that victims are not penalized for unlawful acts that traffickers compelled them to commit", "paraphrase", how="restructured"),
            K("qg"),
            K("qd1"),
            K("qd2"),
            E("qe", "Reform the au pair scheme so that host families are vetted and au pairs can "
                    "report mistreatment", "paraphrase", how="restructured"),
            N("qh", "Publish a yearly report on trafficking trends drawn from the new national data "
                    "system", cp="qf"),
        ]),
        Year(2015, [
            E("qa", "Vigorously prosecute trafficking offenses, including labor trafficking, and seek prison sentences proportionate to the gravity of the crime", "broadening"),
            K("qb"),
            K("qc1"),
            E("qg", "Ensure that victims receive restitution promptly", "light_edit"),
            K("qd1"),
            K("qe"),
            E("qh", "Publish a yearly report on trafficking trends drawn from the national data system", "light_edit"),
            N("qi", "Require large companies to report on forced labor risks in their supply chains",
              near="qd1"),
        ], decoys=[("qd1", "qi", "same_subject")], drops={"qd2": {"near": "qd1"}}),
        Year(2016, [
            M("qag", "Vigorously prosecute trafficking offenses, seek prison sentences proportionate to "
                     "the gravity of the crime, and ensure that victims receive restitution",
              ["qa", "qg"]),
            K("qb"),
            K("qc1"),
            N("qj", "Ensure that victims receive specialized care regardless of their immigration "
                    "status", near="qc1"),
            E("qd1", "Carry out more surprise inspections of building sites, including those run by "
                     "subcontractors that bring in foreign workers", "paraphrase", how="synonyms"),
            E("qe", "Reform the au pair scheme so that host families are vetted and au pairs can report mistreatment safely", "light_edit"),
            K("qh"),
            E("qi", "Require large companies to report publicly on forced labor risks in their supply chains", "light_edit"),
        ], decoys=[("qc1", "qj", "stock_words")]),
        Year(2017, [
            K("qag"),
            K("qb"),
            K("qc1"),
            E("qj", "Ensure that all victims receive specialized care regardless of their immigration status", "light_edit"),
            K("qd1"),
            K("qe"),
            E("qi", "Require large companies to report publicly each year on forced labor risks in their supply chains", "light_edit"),
            N("qk", "Increase efforts to identify victims of labor trafficking among seasonal fruit "
                    "pickers", near="qb"),
        ], decoys=[("qb", "qk", "stock_words")], drops={"qh": {}}),
        Year(2018, [
            E("qag", "Vigorously prosecute trafficking offenses, seek prison sentences proportionate to the gravity of the crime, and ensure that courts award restitution to victims", "light_edit"),
            E("qb", "Proactively identify victims among asylum seekers, unaccompanied children, and "
                    "persons in immigration detention", "paraphrase", how="nominalised"),
            K("qc1"),
            K("qd1"),
            E("qe", "Reform the au pair scheme so that host families are vetted and au pairs can "
                    "report mistreatment without losing their visas", "broadening"),
            K("qi"),
            E("qk", "Increase efforts to identify victims of labor trafficking among seasonal fruit pickers and their gangmasters' other workers", "light_edit"),
            N("qm", "Grant identified foreign victims renewable residence permits", cp="qj"),
            N("ql", "Increase efforts to identify victims of forced criminality among teenagers on "
                    "cannabis farms", near="qk"),
        ], decoys=[("qk", "ql", "stock_words")]),
    ],
)

DUNMARROW = Chain(
    "Dunmarrow",
    {2011: "3", 2012: "3", 2013: "3", 2014: "3", 2015: "2WL", 2016: "2WL", 2017: "2WL", 2018: "2WL"},
    2010,
    [
        ("da", "End the use of forced labor of children and adults in the annual reed harvest in the "
               "Olm delta"),
        ("db", "Allow independent monitors full access to the reed harvest"),
        ("dc", "Investigate and prosecute officials who force teachers, doctors, and students to cut "
               "reeds, and compensate those forced to work"),
        ("dd", "Amend Article 128 of the Criminal Code to cover forced labor"),
        ("de", "Provide protection to Dunmarrowan migrants exploited abroad, including through "
               "consular assistance"),
        ("df", "Train border guards to identify trafficking victims among returning migrants"),
        ("dz", "Set up a national body that coordinates the government's work against trafficking"),
    ],
    [
        Year(2011, [
            K("da"),
            K("db"),
            S("dc1", "dc", "Investigate and prosecute officials who force teachers, doctors, and "
                           "students to cut reeds"),
            S("dc2", "dc", "Compensate those forced to work"),
            K("dd"),
            E("de", "Provide protection to Dunmarrowan migrants exploited abroad, including through consular assistance and repatriation", "light_edit"),
            K("df"),
            N("dy", "Give the new anti-trafficking commission a budget and a mandate that covers forced "
                    "labor", cp="dz"),
            N("dg", "Stop requiring farmers to meet state reed quotas under threat of losing their "
                    "land"),
            N("dt1", "Invite an international labor monitoring mission to observe the harvest"),
        ]),
        Year(2012, [
            E("da", "End the forced mobilization of children and adults for the annual reed harvest in "
                    "the Olm delta", "light_edit"),
            K("db"),
            K("dc1"),
            K("dc2"),
            E("dd", "Amend Article 128 of the Criminal Code to criminalize forced labor", "light_edit"),
            K("de"),
            E("df", "Teach frontier officers how to recognize people returning from abroad who were "
                    "trafficked", "paraphrase", how="synonyms"),
            N("dh", "Increase efforts to identify and assist trafficking victims among migrants "
                    "deported from abroad", near="df"),
            K("dg"),
            E("dy", "Give the new anti-trafficking commission a budget, staff, and a mandate that covers forced labor", "light_edit"),
        ], decoys=[("df", "dh", "same_subject")]),
        Year(2013, [
            K("da"),
            E("db", "Allow independent monitors full and unannounced access to the reed harvest", "light_edit"),
            E("dc1", "Hold accountable the local officials who order public sector workers into the "
                     "reed fields", "paraphrase", how="synonyms"),
            K("dd"),
            M("dedh", "Provide protection and consular assistance to Dunmarrowan migrants exploited "
                      "abroad and identify victims among those deported home", ["de", "dh"]),
            K("df"),
            E("dg", "Stop requiring farmers to meet state reed quotas on pain of losing their land", "light_edit"),
            K("dy"),
        ], drops={"dc2": {}}),
        Year(2014, [
            E("da", "End the forced mobilization of children and adults for the reed harvest", "narrowing"),
            K("db"),
            K("dc1"),
            N("dj", "Increase efforts to investigate and prosecute officials who profit from the reed "
                    "trade", near="dc1"),
            N("di", "Prosecute forced labor cases under the amended Article 128", cp="dd"),
            E("dedh", "Provide protection and consular assistance to Dunmarrowan migrants exploited abroad and identify victims among those deported back home", "light_edit"),
            K("df"),
            K("dg"),
            R("dc2"),
            N("dt2", "Publish the budget of the State Harvest Committee"),
        ], decoys=[("dc1", "dj", "same_subject")], drops={"dy": {}}),
        Year(2015, [
            S("da1", "da", "End the forced mobilization of adults for the annual reed harvest in the "
                           "Olm delta"),
            S("da2", "da", "Keep children out of the reed fields"),
            K("db"),
            E("dc1", "Hold accountable the local officials who order public sector workers into the reed fields each autumn", "light_edit"),
            E("di", "Prosecute forced labor cases under the amended Article 128 of the Criminal Code", "light_edit"),
            K("dedh"),
            K("df"),
            E("dg", "Stop forcing farmers to meet state reed quotas", "narrowing"),
            N("dk", "Adopt a national action plan on forced labor with an independent monitoring "
                    "mechanism"),
        ], drops={"dj": {"near": "dc1"}}),
        Year(2016, [
            K("da1"),
            K("da2"),
            E("db", "Grant independent observers unhindered entry to the reed harvest", "paraphrase",
              how="synonyms"),
            K("dc1"),
            K("di"),
            N("dl", "Increase efforts to investigate and prosecute trafficking crimes, including forced "
                    "labor", near="di"),
            E("dedh", "Provide protection and consular assistance to Dunmarrowan migrants exploited abroad and identify victims among those deported home", "light_edit"),
            K("df"),
            E("dg", "Abolish the reed quota system imposed on farmers", "paraphrase", how="synonyms"),
            E("dk", "Adopt a national action plan on forced labor that includes an independent monitoring mechanism", "light_edit"),
        ], decoys=[("di", "dl", "same_subject")]),
        Year(2017, [
            K("da1"),
            K("da2"),
            E("dc1", "Hold accountable the local officials who order teachers, doctors, and other public sector workers into the reed fields", "light_edit"),
            M("dil", "Increase efforts to investigate and prosecute trafficking crimes, including "
                     "forced labor cases under the amended Article 128, and convict offenders",
              ["dl", "di"]),
            K("dedh"),
            K("df"),
            K("dg"),
            E("dk", "Adopt and fund a national action plan on forced labor that includes an independent monitoring mechanism", "light_edit"),
            N("dm", "Investigate reports that state-owned textile mills use forced labor"),
        ]),
        Year(2018, [
            K("da1"),
            E("da2", "Keep all children out of the reed fields", "light_edit"),
            K("dc1"),
            K("dil"),
            S("de1", "dedh", "Provide protection and consular assistance to Dunmarrowan migrants "
                             "exploited abroad, including emergency shelter and return travel"),
            S("de2", "dedh", "Identify victims among migrants deported home"),
            E("df", "Teach frontier officers how to recognize people returning from abroad who were trafficked and refer them to assistance", "broadening"),
            E("dm", "Investigate reports of forced labor in state-owned textile mills and let labor "
                    "inspectors visit them", "broadening"),
            N("dn", "Publish yearly progress reports on the forced labor action plan", cp="dk"),
        ], drops={"dg": {}}),
    ],
)

CHAINS = [OLORIA, PEMBERRA, QUORRANE, DUNMARROW]
