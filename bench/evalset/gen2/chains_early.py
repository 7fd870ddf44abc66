"""Chains 2004-2011: prose 'should' sentences (2004-2007), semicolon lists (2008-2011).
Every sentence is invented; countries, places, laws and agencies are fictional."""
from engine2 import Chain, E, K, M, N, R, S, Year  # noqa: F401

TARNHOLLOW = Chain(
    "Tarnhollow",
    {2005: "2", 2006: "2", 2007: "2WL", 2008: "2WL", 2009: "2", 2010: "2", 2011: "2"},
    2004,
    [
        ("ta", "The Government of Tarnhollow should step up investigations of the recruitment agents "
               "who send young women abroad on false promises of hotel work, and should prosecute them "
               "under Law No. 41 of 2003."),
        ("tb", "It should also open at least one shelter for women who return from abroad after being "
               "exploited."),
    ],
    [
        Year(2005, [
            E("ta", "To build on the past year's arrests, Tarnhollow should bring criminal charges "
                    "against the brokers who lure young women overseas with bogus hotel jobs and seek "
                    "prison terms for them under Law No. 41 of 2003.", "paraphrase", how="lead-in"),
            E("tb", "The government should also open at least one shelter for women who return from "
                    "abroad after being exploited, in partnership with NGOs.", "broadening"),
            N("tc", "It should also train border guards to spot victims."),
        ]),
        Year(2006, [
            E("ta", "To build on the past year's arrests, Tarnhollow should bring criminal charges "
                    "against the brokers who lure young women overseas with bogus hotel jobs and seek "
                    "prison terms for them under Law No. 41 of 2003 and its 2005 amendment.",
              "light_edit"),
            M("tbc", "The government should also open a shelter for women who return from abroad "
                     "after being exploited, working with NGOs, and train border guards to spot victims.",
              ["tb", "tc"]),
        ]),
        Year(2007, [
            E("ta", "Tarnhollow should punish the middlemen who entice young women to go overseas for "
                    "hotel jobs that do not exist.", "paraphrase", how="synonyms"),
            E("tbc", "It should also open a shelter for exploited women returning from abroad, working "
                     "with NGOs, and train border guards to spot victims.", "light_edit"),
            N("td", "In addition, the government should fund a nationwide campaign that warns parents "
                    "about false job offers for their daughters."),
        ]),
        Year(2008, [
            E("ta", "Prosecute and punish the middlemen who entice young women to go overseas for "
                    "hotel jobs that do not exist", "light_edit"),
            S("t8a", "tbc", "Open a shelter for exploited women returning from abroad, working with "
                            "NGOs"),
            S("t8b", "tbc", "Train border guards to spot victims"),
            N("tf", "Increase efforts to identify victims among women deported from neighbouring states"),
            E("td", "Fund a nationwide campaign that warns parents about false job offers for their "
                    "daughters", "light_edit"),
            N("te", "Adopt the draft national action plan"),
        ]),
        Year(2009, [
            K("ta"),
            N("th", "Prosecute officials who take bribes from brokers", near="ta"),
            K("t8a"),
            E("t8b", "Train border guards and airport immigration staff to spot victims and refer them "
                     "to care", "broadening"),
            K("tf"),
            K("td"),
            N("tg", "Fund the 2009-2012 national action plan and report publicly on its progress",
              cp="te"),
        ], decoys=[("ta", "th", "same_subject")]),
        Year(2010, [
            M("tah", "Prosecute and punish the middlemen who entice women and girls to go overseas for "
                     "hotel jobs that do not exist, and the officials who take bribes from them",
              ["ta", "th"], how={"th": "restructured"}),
            K("t8a"),
            K("t8b"),
            E("tf", "Increase efforts to identify victims among women and girls deported from "
                    "neighbouring states", "light_edit"),
            N("tj", "Increase efforts to investigate forced labor on fishing boats along the Lathmere "
                    "coast", near="tf"),
            K("td"),
            E("tg", "Fund the 2009-2012 national action plan and report publicly each year on its progress", "light_edit"),
            N("tt1", "Conclude agreements with neighbouring states on the safe return of victims"),
            N("ti", "Provide shelter and counselling to men exploited on those boats"),
        ], decoys=[("tf", "tj", "stock_words")]),
        Year(2011, [
            K("tah"),
            M("tij", "Investigate forced labor on Lathmere coast fishing boats and give the men "
                     "exploited there shelter and counselling", ["tj", "ti"],
              how={"ti": "restructured"}),
            E("t8a", "Open a shelter, working with NGOs, for exploited women returning from abroad", "light_edit"),
            K("tf"),
            N("tk", "Fund a nationwide network of victim services from the national budget instead of "
                    "relying on foreign donors", near="tg"),
            E("tg", "Fund the 2009-2012 national action plan, report publicly each year on its progress, and prepare a successor plan", "light_edit"),
            K("tt1"),
        ], decoys=[("td", "tk", "stock_words")]),
    ],
)

VESSALY = Chain(
    "Vessaly",
    {2005: "3", 2006: "2WL", 2007: "2WL", 2008: "2", 2009: "2", 2010: "2WL", 2011: "2WL"},
    2004,
    [
        ("va", "Vessaly should enact a law that criminalizes all forms of trafficking, including the "
               "trafficking of adults."),
        ("vb", "It should also remove children from the stone quarries near the capital and return "
               "them to school."),
        ("vc", "Finally, it should collect data on trafficking cases."),
    ],
    [
        Year(2005, [
            E("va", "The government should pass legislation outlawing every form of human trafficking, "
                    "adult as well as child, with penalties as severe as those for rape.",
              "paraphrase", how="synonyms"),
            M("vbc", "It should also withdraw children from the stone quarries near the capital, send "
                     "them back to school, and keep records of every trafficking case.",
              ["vb", "vc"], how={"vc": "restructured"}),
            N("vd", "Vessaly should also look into reports that police officers escort children to "
                    "quarry owners."),
        ]),
        Year(2006, [
            E("va", "Vessaly should pass legislation outlawing every form of human trafficking, adult "
                    "as well as child, with penalties as severe as those for rape.", "light_edit"),
            S("v6a", "vbc", "It should also withdraw children from the stone quarries near the capital "
                            "and send them back to school."),
            S("v6b", "vbc", "The government should keep records of every trafficking case."),
            E("vd", "It should investigate and prosecute police officers who escort children to quarry "
                    "owners.", "broadening"),
        ]),
        Year(2007, [
            E("va", "To improve its response, Vessaly should bring its long-delayed trafficking bill, "
                    "which protects adult victims too, into force.", "paraphrase", how="restructured"),
            E("v6a", "It should also withdraw children from the stone quarries and the Lake Ismene "
                     "fishing camps and send them back to school.", "broadening"),
            E("vd", "Vessaly should also investigate and prosecute police officers who escort children "
                    "to quarry owners.", "light_edit"),
            N("ve", "The government should increase efforts to identify child victims among street "
                    "beggars in the capital."),
            N("vf", "It should also prosecute quarry owners who use child labor.", near="vd"),
        ], decoys=[("vd", "vf", "same_subject")]),
        Year(2008, [
            E("va", "Enact the trafficking bill, including its provisions on adult victims",
              "paraphrase", how="synonyms"),
            S("v8a", "v6a", "Withdraw children from the stone quarries and send them back to school"),
            S("v8b", "v6a", "Clear children from the Lake Ismene fishing camps"),
            E("vd", "Investigate and prosecute police officers who escort children to quarry owners",
              "light_edit"),
            E("ve", "Increase efforts to identify child victims among street beggars in the capital",
              "light_edit"),
            E("vf", "Prosecute quarry owners who use child labor", "light_edit"),
            N("vg", "Establish a national anti-trafficking committee"),
        ]),
        Year(2009, [
            E("va", "Enact the trafficking bill now before parliament, including its provisions on "
                    "adult victims", "light_edit"),
            K("v8a"),
            K("v8b"),
            M("vdf", "Investigate and prosecute quarry owners who use child labor and the police "
                     "officers who deliver children to them", ["vd", "vf"]),
            K("ve"),
            N("vi", "Train labor inspectors to identify child victims in quarries and fishing camps",
              near="ve"),
            N("vh", "Give the national anti-trafficking committee a budget and a permanent secretariat",
              cp="vg"),
        ], decoys=[("ve", "vi", "stock_words")]),
        Year(2010, [
            N("vj", "Provide shelter and rehabilitation to children taken out of the quarries"),
            E("va", "Enact the trafficking bill now before parliament and prescribe penalties for adult "
                    "trafficking as severe as those for rape", "broadening"),
            E("v8a", "Withdraw all children from the stone quarries and send them back to school", "light_edit"),
            K("vdf"),
            E("ve", "Increase efforts to identify child victims among street beggars in the capital "
                    "and in the river ports", "broadening"),
            K("vh"),
            E("vi", "Train labor inspectors to identify and remove child victims in quarries and "
                    "fishing camps", "light_edit"),
        ]),
        Year(2011, [
            N("vk", "Use the 2010 Law on Human Trafficking to prosecute and convict traffickers, "
                    "including those who exploit adults", cp="va"),
            E("vj", "Provide shelter and rehabilitation to children taken out of the quarries and "
                    "fishing camps, and fund the NGOs that run such shelters", "broadening"),
            K("v8a"),
            K("vdf"),
            E("ve", "Increase efforts to identify and assist child victims among street beggars in the capital and in the river ports", "light_edit"),
            E("vh", "Give the national anti-trafficking committee an adequate budget and a permanent secretariat", "light_edit"),
            E("vi", "Train labor inspectors to identify and remove child victims in quarries, fishing camps, and markets", "light_edit"),
            N("vl", "Increase efforts to provide comprehensive services to adult victims", near="vj"),
        ], decoys=[("vj", "vl", "stock_words")]),
    ],
)

BRAKMOOR = Chain(
    "Brakmoor",
    {2005: "2", 2006: "2", 2007: "2", 2008: "2", 2009: "1", 2010: "1", 2011: "1"},
    2004,
    [
        ("ba", "Brakmoor should increase efforts to investigate and prosecute the owners of bars and "
               "clubs that hold foreign women in forced prostitution."),
        ("bb", "The government should also stop deporting foreign women found in raids before checking "
               "whether they are victims, and should give victims a reflection period."),
    ],
    [
        Year(2005, [
            E("ba", "Brakmoor should vigorously investigate and prosecute the owners of bars and clubs "
                    "that keep foreign women in forced prostitution, and should seek sentences that "
                    "include prison time.", "broadening"),
            S("b5a", "bb", "The government should stop deporting foreign women found in raids before "
                           "checking whether they are victims."),
            S("b5b", "bb", "It should grant identified victims a reflection period."),
        ]),
        Year(2006, [
            E("ba", "Brakmoor should vigorously investigate and prosecute owners of bars and clubs that "
                    "keep foreign women in forced prostitution, and seek sentences that include prison "
                    "time.", "light_edit"),
            E("b5a", "Before any removal, officials should screen foreign women picked up in raids for "
                     "signs that they were trafficked.", "paraphrase", how="restructured"),
            E("b5b", "It should also grant identified victims a reflection period of at least 30 days.",
              "light_edit"),
            N("bc", "Brakmoor should also examine the conditions of migrant farm workers in the Adder "
                    "valley, some of whom report confiscated passports."),
        ]),
        Year(2007, [
            E("ba", "To further improve its response, the government should convict club owners who "
                    "compel foreign women to sell sex and make sure that those convicted go to jail.",
              "paraphrase", how="lead-in"),
            M("b5ab", "Before any removal, officials should screen foreign women picked up in raids for "
                      "signs that they were trafficked and grant those identified a reflection period "
                      "of at least 30 days.", ["b5a", "b5b"]),
            E("bc", "Brakmoor should also look into passport confiscation and unpaid wages among "
                    "migrant farm workers in the Adder valley.", "paraphrase", how="restructured"),
        ]),
        Year(2008, [
            E("ba", "Convict club owners who compel foreign women to sell sex and make sure that those "
                    "convicted go to jail", "light_edit"),
            S("b8a", "b5ab", "Screen foreign women picked up in raids for signs of trafficking before "
                             "any removal"),
            S("b8b", "b5ab", "Grant identified victims a reflection period"),
            S("b8c", "bc", "Investigate passport confiscation among migrant farm workers in the Adder "
                           "valley"),
            S("b8d", "bc", "Check farms for unpaid wages"),
            N("bd", "Train prosecutors and judges on Articles 212 to 214 of the Criminal Code"),
        ]),
        Year(2009, [
            K("ba"),
            K("b8a"),
            K("b8b"),
            K("b8c"),
            N("bf", "Increase efforts to identify victims of forced labor on farms that employ migrants",
              near="b8c"),
            N("be", "Give labor inspectors the power to enter housing provided by farm employers",
              cp="b8d"),
            E("bd", "Train prosecutors and judges on Articles 212 to 214 of the Criminal Code and on "
                    "the rights of victims in court", "broadening"),
        ], decoys=[("b8c", "bf", "same_subject")]),
        Year(2010, [
            E("ba", "Convict club owners who compel foreign women to sell sex and make sure that those "
                    "convicted serve prison sentences", "light_edit"),
            M("b8ab", "Screen foreign women picked up in raids for signs of trafficking before any "
                      "removal and grant those identified a reflection period", ["b8a", "b8b"]),
            K("b8c"),
            K("bf"),
            K("be"),
            E("bd", "Train prosecutors and judges on Articles 212 to 214 of the Criminal Code and on victims' rights in court", "light_edit"),
            N("bt1", "Commission research on forced labor in meat processing plants"),
            N("bg", "Increase efforts to provide comprehensive services to male victims of forced "
                    "labor"),
        ]),
        Year(2011, [
            K("ba"),
            K("b8ab"),
            E("b8c", "Investigate passport confiscation by the employers of migrant farm workers in the "
                     "Adder valley and prosecute those responsible", "broadening"),
            E("bf", "Proactively identify victims of forced labor among migrant farm workers and "
                    "seasonal fruit pickers", "broadening"),
            E("bg", "Increase efforts to provide comprehensive services, including shelter, to male victims of forced labor", "light_edit"),
            N("bh", "Increase efforts to provide comprehensive training to labor inspectors on forced "
                    "labor indicators", cp="be", near="bg"),
        ], decoys=[("bg", "bh", "stock_words")]),
    ],
)

CINDRAVEL = Chain(
    "Cindravel",
    {2005: "2WL", 2006: "2WL", 2007: "3", 2008: "3", 2009: "2WL", 2010: "2WL", 2011: "2"},
    2004,
    [
        ("ca", "Cindravel should criminalize all forms of trafficking, establish shelters for foreign "
               "domestic workers who flee abusive employers, and stop punishing victims for "
               "immigration offenses."),
    ],
    [
        Year(2005, [
            S("c5a", "ca", "Cindravel should criminalize all forms of trafficking and prosecute "
                           "employers who confiscate the passports of foreign domestic workers."),
            S("c5b", "ca", "It should also open a shelter for domestic workers who flee abusive "
                           "employers and stop jailing them for immigration offenses."),
        ]),
        Year(2006, [
            E("c5a", "Cindravel should pass a comprehensive anti-trafficking law and prosecute "
                     "employers who confiscate the passports of foreign domestic workers.",
              "paraphrase", how="synonyms"),
            E("c5b", "It should also open a shelter for domestic workers who run away from abusive "
                     "employers and stop jailing them for immigration offenses.", "light_edit"),
            N("cc", "The government should also extend labor law protections to domestic workers."),
        ]),
        Year(2007, [
            M("c5acc", "Cindravel should pass a comprehensive anti-trafficking law, give domestic "
                       "workers the protection of the labor law, and prosecute employers who "
                       "confiscate their passports.", ["c5a", "cc"]),
            E("c5b", "So that victims are not punished, the government should refer runaway domestic "
                     "workers to a shelter rather than detain them as immigration offenders.",
              "paraphrase", how="restructured"),
            N("cd", "It should also investigate reports of forced labor on sponge-diving boats."),
        ]),
        Year(2008, [
            S("c8pros", "c5acc", "Prosecute employers who confiscate the passports of domestic "
                                 "workers or deny them their wages"),
            S("c8law", "c5acc", "Pass a comprehensive anti-trafficking law"),
            S("c8lab", "c5acc", "Extend the labor law to domestic workers"),
            E("c5b", "Refer runaway domestic workers to a shelter rather than detain them as "
                     "immigration offenders", "light_edit"),
            E("cd", "Investigate forced labor on sponge-diving boats", "light_edit"),
            N("ce", "Increase efforts to identify trafficking victims among women arrested for "
                    "prostitution"),
        ]),
        Year(2009, [
            K("c8pros"),
            K("c8law"),
            K("c8lab"),
            K("c5b"),
            E("cd", "Investigate forced labor on sponge-diving boats and prosecute the boat owners "
                    "responsible", "broadening"),
            K("ce"),
            N("cf", "Increase efforts to identify trafficking victims among runaway domestic workers",
              near="ce"),
        ], decoys=[("ce", "cf", "stock_words")]),
        Year(2010, [
            E("c8pros", "Prosecute employers who confiscate domestic workers' passports or withhold "
                        "their wages, and sentence them to prison", "broadening"),
            N("cg", "Implement the 2009 Anti-Trafficking Law through training for police and "
                    "prosecutors", cp="c8law"),
            K("c8lab"),
            M("c5bf", "Identify trafficking victims among runaway domestic workers, refer them to a "
                      "shelter, and stop detaining them as immigration offenders", ["c5b", "cf"],
              how={"cf": "restructured"}),
            E("cd", "Investigate forced labor on sponge-diving boats and prosecute boat owners who exploit divers", "light_edit"),
            K("ce"),
            N("ch", "Reform the employer-tied visa system so that domestic workers can change "
                    "employers without permission"),
        ]),
        Year(2011, [
            E("cg", "Implement the 2009 Anti-Trafficking Law through regular training for police and prosecutors", "light_edit"),
            E("c8lab", "Extend the labor law, including a weekly day off, to domestic workers",
              "broadening"),
            K("c8pros"),
            K("c5bf"),
            E("ce", "Screen women detained in vice raids for signs of trafficking", "paraphrase",
              how="restructured"),
            E("ch", "Reform the employer-tied visa system so that domestic workers can change employers without their employer's permission", "light_edit"),
            N("ci", "Increase efforts to prosecute recruitment agents who deceive domestic workers "
                    "about their jobs", near="c8pros"),
        ], decoys=[("c8pros", "ci", "same_subject")]),
    ],
)

CHAINS = [TARNHOLLOW, VESSALY, BRAKMOOR, CINDRAVEL]
