"""Chains 2016-2025: semicolon lists (2016-2018), prioritized bullets (2019-2025). Every sentence
is invented; countries, places, laws and agencies are fictional."""
from engine2 import Chain, E, K, M, N, R, S, Year  # noqa: F401

MAELCORIA = Chain(
    "Maelcoria",
    {y: "2" for y in range(2017, 2026)},
    2016,
    [
        ("ma", "Step up investigations and prosecutions of traffickers and secure convictions, "
               "including of officials who take part in or shield trafficking"),
        ("mb", "Inspect tea estates in the Corran hills for debt bondage and withheld wages"),
        ("mc", "Regulate the private recruitment agencies that send domestic workers abroad and suspend "
               "the licenses of those that deceive workers, and enforce the ban on recruitment fees"),
        ("md", "Train consular staff in destination countries to assist Maelcorian workers who report "
               "abuse"),
        ("me", "Develop standard procedures to identify victims and refer them to care"),
        ("mf", "Increase funding for the two government shelters and for NGO shelters in the "
               "provinces"),
        ("mg", "Amend the 2009 Anti-Trafficking Law to criminalize all forms of forced labor"),
        ("mh", "Run public campaigns on how trafficking works, focusing on rural districts"),
        ("mq", "Establish a victim compensation fund"),
    ],
    [
        Year(2017, [
            K("ma"),
            N("ms", "Increase efforts to proactively identify forced labor victims on tea estates",
              near="mb"),
            K("mb"),
            K("mc"),
            E("md", "Train consular staff in the main destination countries to assist Maelcorian "
                    "workers who report abuse", "light_edit"),
            E("me", "Develop and adopt standard procedures to identify victims and refer them to care", "light_edit"),
            E("mf", "Increase funding for the government shelters and for NGO shelters in the provinces", "light_edit"),
            N("mi", "Provide shelter and services to male victims"),
            E("mg", "Amend the 2009 Anti-Trafficking Law to criminalize all forms of forced labor, including debt bondage", "broadening"),
            E("mh", "Run public campaigns on how trafficking works, focusing on rural districts and young job seekers", "light_edit"),
            N("mr", "Allocate money to the victim compensation fund created in 2016 and publish how it "
                    "is spent", cp="mq"),
        ], decoys=[("mb", "ms", "same_subject")]),
        Year(2018, [
            K("ma"),
            E("ms", "Increase efforts to proactively identify forced labor victims on tea estates and in the estates' processing factories", "broadening"),
            E("mb", "Inspect tea estates in the Corran hills for debt bondage, withheld wages, and "
                    "confiscated identity cards", "broadening"),
            E("mc", "Regulate the private recruitment agencies that send domestic workers abroad, suspend the licenses of those that deceive workers, and enforce the ban on recruitment fees", "light_edit"),
            K("md"),
            E("me", "Adopt standard procedures to identify victims and refer them to care",
              "light_edit"),
            M("mfi", "Increase funding for government and NGO shelters in the provinces and provide "
                     "shelter and services to male victims", ["mf", "mi"]),
            E("mg", "Amend the 2009 Anti-Trafficking Law so that it criminalizes all forms of forced labor, including debt bondage", "light_edit"),
            E("mr", "Allocate money to the victim compensation fund and publish how it is spent", "light_edit"),
            N("mj", "Investigate reports of trafficking in online scam operations run from the "
                    "northern border towns"),
        ], drops={"mh": {}}),
        Year(2019, [
            E("ma", "Step up investigations and prosecutions of traffickers and secure convictions, including of officials who take part in or protect trafficking", "light_edit"),
            S("mc1", "mc", "Regulate the private recruitment agencies that send domestic workers "
                           "abroad and suspend the licenses of those that deceive workers"),
            S("mc2", "mc", "Enforce the ban on recruitment fees"),
            E("ms", "Screen workers on tea estates for signs of forced labor so that those exploited "
                    "are found and helped", "paraphrase", how="restructured"),
            K("mb"),
            E("md", "Train consular staff in the main destination countries to assist Maelcorian workers who report abuse or unpaid wages", "light_edit"),
            E("me", "Adopt standard procedures to identify victims, including men and foreign nationals, and refer them to care", "broadening"),
            N("mk", "Increase efforts to proactively identify victims among domestic workers coming "
                    "home from abroad", near="me"),
            K("mfi"),
            E("mg", "Amend the 2009 Anti-Trafficking Law so that it criminalizes all forms of forced labor, including debt bondage, and remove the option of a fine instead of prison", "broadening"),
            E("mr", "Allocate money to the victim compensation fund", "narrowing"),
            E("mj", "Investigate reports of trafficking in online scam operations run from the towns on the northern border", "light_edit"),
            R("mh"),
        ], decoys=[("me", "mk", "stock_words")]),
        Year(2020, [
            E("ma", "Step up investigations and prosecutions of traffickers and secure convictions, including "
                    "of officials who take part in or protect trafficking, and ask courts for adequate "
                    "sentences", "light_edit"),
            K("mk"),
            K("mc1"),
            E("mc2", "Enforce the legal ban on recruitment fees", "light_edit"),
            K("ms"),
            E("mb", "Inspect tea estates in the Corran hills regularly for debt bondage, withheld wages, and confiscated identity cards", "light_edit"),
            E("md", "Train consular staff in the main destination countries to assist Maelcorian workers", "narrowing"),
            E("me", "Put formal screening and referral steps in place so that officials who meet "
                    "victims know where to send them", "paraphrase", how="restructured"),
            K("mfi"),
            N("ml", "Train labor inspectors and prosecutors on the forced labor provisions of the "
                    "amended Anti-Trafficking Law", cp="mg"),
            K("mr"),
            E("mj", "Investigate reports of trafficking in online scam operations run from the northern border towns, including by foreign syndicates", "light_edit"),
        ], drops={"mh": {}}),
        Year(2021, [
            K("ma"),
            E("mk", "Increase efforts to proactively identify victims among domestic workers coming home from abroad, including at the main airport", "light_edit"),
            E("mc1", "Regulate the private recruitment agencies that send domestic workers abroad and suspend the licenses of agencies that deceive workers", "light_edit"),
            E("mc2", "Enforce the ban on charging recruitment fees to workers", "light_edit"),
            K("ms"),
            S("mb1", "mb", "Inspect tea estates in the Corran hills for debt bondage and withheld "
                           "wages"),
            S("mb2", "mb", "Stop the confiscation of identity cards"),
            E("md", "Expand consular support for Maelcorian workers abroad, including emergency shelter "
                    "and help to return home", "paraphrase", how="restructured"),
            K("me"),
            E("mfi", "Increase funding for government and NGO shelters in the provinces and provide shelter and specialized services to male victims", "light_edit"),
            N("mm", "Increase funding for comprehensive victim services, including long-term shelter, "
                    "reintegration support, and legal aid for survivors", near="mfi"),
            E("ml", "Train labor inspectors, police, and prosecutors on the forced labor provisions of the amended Anti-Trafficking Law", "broadening"),
            E("mj", "Investigate and prosecute the operators of online scam compounds in the northern "
                    "border towns and identify the people held there as potential victims",
              "broadening"),
        ], drops={"mr": {}}),
        Year(2022, [
            E("ma", "Step up investigations and prosecutions of traffickers and secure convictions, including of officials who take part in or protect trafficking, and ask courts for adequate sentences for those convicted", "light_edit"),
            K("mk"),
            E("mc1", "Regulate the private recruitment agencies that send domestic workers abroad and revoke the licenses of those that deceive workers", "light_edit"),
            K("mc2"),
            K("ms"),
            E("mb1", "Inspect tea estates in the Corran hills and the eastern lowlands for debt bondage and withheld wages", "broadening"),
            K("mb2"),
            E("md", "Expand consular support for Maelcorian workers abroad, including emergency shelter, legal aid, and help to return home", "light_edit"),
            K("me"),
            K("mm"),
            E("mfi", "Provide shelter and services to male victims", "narrowing"),
            E("ml", "Teach labor inspectors and prosecutors how to use the forced labor articles of the "
                    "amended law", "paraphrase", how="synonyms"),
            K("mj"),
            N("mt", "Train judges on victim-centered approaches"),
        ]),
        Year(2023, [
            K("ma"),
            E("mk", "Increase efforts to proactively identify victims among domestic workers coming home from abroad, including at the main international airport", "light_edit"),
            K("mc1"),
            K("mb1"),
            E("md", "Expand consular support for Maelcorian workers abroad, including emergency shelter, legal aid, interpreters, and help to return home", "broadening"),
            E("me", "Put formal screening and referral procedures in place so that officials who meet victims know where to send them", "light_edit"),
            M("mz", "Increase funding for comprehensive victim services, including long-term shelter, "
                    "reintegration support, legal aid, and services for male victims", ["mm", "mfi"]),
            N("mw", "Increase efforts to proactively identify victims in the northern scam compounds "
                    "and refer them to comprehensive protection services", near="mm"),
            K("ml"),
            E("mj", "Investigate and prosecute the operators of online scam compounds in the northern border towns and identify the people held there as potential trafficking victims", "light_edit"),
            E("mt", "Train judges and prosecutors on victim-centered approaches", "light_edit"),
        ], decoys=[("mm", "mw", "stock_words"), ("mk", "mw", "stock_words")],
            drops={"mc2": {}, "mb2": {"near": "mb1"}, "ms": {"near": "mb1"}},
            note="issue-18 pattern in our own words: the funding-for-services ask joins its neighbour "
                 "(male victims) into new 7, while the new identify-and-refer ask (new 8) shares only "
                 "stock words with it"),
        Year(2024, [
            E("ma", "Step up investigations and prosecutions of traffickers and secure convictions, including "
                    "of officials who take part in or protect trafficking, and ask courts for sentences "
                    "that include real prison time", "light_edit"),
            E("mk", "Increase efforts to proactively identify victims among domestic workers coming home from abroad, including at the main airport and land borders", "light_edit"),
            K("mc1"),
            R("mc2"),
            E("mb1", "Inspect tea estates in the Corran hills and the eastern lowlands for debt bondage and unpaid wages", "light_edit"),
            S("md1", "md", "Expand consular support for Maelcorian workers abroad, including legal aid "
                           "and interpreters at every embassy in a main destination country"),
            S("md2", "md", "Pay for emergency shelter and return travel"),
            K("me"),
            K("mz"),
            K("mw"),
            N("mn", "Increase efforts to provide comprehensive services to victims repatriated from "
                    "scam compounds abroad", near="mz"),
            E("ml", "Teach labor inspectors and prosecutors how to use the forced labor articles of the amended law in practice", "light_edit"),
            K("mj"),
            E("mt", "Train judges, prosecutors, and court staff on victim-centered approaches", "broadening"),
        ], decoys=[("mz", "mn", "stock_words"), ("mw", "mn", "same_subject")]),
        Year(2025, [
            K("ma"),
            M("mkn", "Increase efforts to proactively identify victims among returning domestic "
                     "workers and people repatriated from scam compounds abroad, and provide them "
                     "comprehensive services", ["mk", "mn"]),
            E("mc1", "Regulate private recruitment agencies that send domestic workers abroad and revoke the licenses of those that deceive workers", "light_edit"),
            E("mb1", "Send labor inspectors to every tea estate in the Corran hills and sanction owners "
                     "who keep workers in debt or hold back their pay", "paraphrase", how="synonyms"),
            E("md2", "Pay for emergency shelter and return travel for workers in distress", "light_edit"),
            E("me", "Put formal screening and referral procedures in place and train the officials who meet victims to use them", "broadening"),
            N("mu", "Open labor attache offices in the three main destination countries", cp="md1"),
            K("mz"),
            K("mw"),
            K("ml"),
            N("mo", "Prevent the recruitment of Maelcorian workers into scam operations abroad through "
                    "pre-departure training"),
        ], drops={"mj": {"near": "mw"}, "mt": {}}),
    ],
)

GALLOWEN = Chain(
    "Gallowen",
    {2017: "2WL", 2018: "2WL", 2019: "2WL", 2020: "2", 2021: "2", 2022: "2", 2023: "2", 2024: "2",
     2025: "2"},
    2016,
    [
        ("ga", "Increase efforts to investigate and prosecute trafficking offenses and convict "
               "traffickers, including for forced begging"),
        ("gb", "Identify children exploited in forced begging in Saltmere and refer them to care"),
        ("gc", "Train police, prosecutors, labor inspectors, and social workers on the national "
               "referral guidelines and on interviewing victims"),
        ("gd", "Provide the Child Welfare Directorate with funding to run its shelter"),
        ("ge", "Investigate allegations that armed groups in the Wyndle river districts recruit "
               "children"),
        ("gf", "Criminalize the sex trafficking of children without requiring force, fraud, or "
               "coercion"),
        ("gg", "Convene the National Coordinating Council regularly"),
        ("gh", "Raise awareness of fraudulent job offers in the hotel industry abroad"),
    ],
    [
        Year(2017, [
            K("ga"),
            E("gb", "Identify children exploited in forced begging in Saltmere and other cities and "
                    "refer them to care", "light_edit"),
            N("gj", "Increase efforts to identify victims among LGBTI youth living on the streets",
              near="gb"),
            E("gc", "Train police, prosecutors, labor inspectors, and social workers on the national referral guidelines and on interviewing child victims", "light_edit"),
            E("gd", "Provide the Child Welfare Directorate with sufficient funding to run its shelter", "light_edit"),
            E("ge", "Investigate credible allegations that armed groups in the Wyndle river districts recruit children", "light_edit"),
            E("gf", "Criminalize the sex trafficking of children without requiring proof of force, fraud, or coercion", "light_edit"),
            N("gi", "Give the National Coordinating Council a budget and a permanent secretariat",
              cp="gg"),
            K("gh"),
        ], decoys=[("gb", "gj", "stock_words")]),
        Year(2018, [
            K("ga"),
            K("gb"),
            E("gj", "Increase efforts to identify victims among LGBTI youth living on the streets of Saltmere", "light_edit"),
            S("gc1", "gc", "Train police, prosecutors, and labor inspectors on the national referral "
                           "guidelines and on interviewing victims"),
            S("gc2", "gc", "Train social workers in trauma-informed care"),
            E("gd", "Provide the Child Welfare Directorate with sufficient funding to run its shelter year-round", "light_edit"),
            K("ge"),
            K("gf"),
            E("gi", "Give the National Coordinating Council a budget and a permanent secretariat with trained staff", "light_edit"),
            E("gh", "Warn young people about bogus offers of hotel work overseas", "paraphrase",
              how="synonyms"),
            N("gs", "Publicize the child helpline"),
        ]),
        Year(2019, [
            E("ga", "Increase efforts to investigate and prosecute trafficking offenses and convict "
                    "traffickers, including for forced begging and child soldiering", "broadening"),
            M("gbs", "Identify children exploited in forced begging in Saltmere and other cities, "
                     "refer them to care, and publicize the child helpline", ["gb", "gs"]),
            K("gj"),
            E("gc1", "Train police, prosecutors, and labor inspectors on the national referral guidelines and on how to interview victims", "light_edit"),
            K("gc2"),
            K("gd"),
            E("ge", "Hold to account the members of armed groups in the Wyndle river districts who "
                    "enlist children", "paraphrase", how="restructured"),
            N("gk", "Increase efforts to provide comprehensive reintegration services to children "
                    "formerly associated with armed groups", near="ge"),
            E("gi", "Give the National Coordinating Council a budget and a permanent secretariat", "narrowing"),
            E("gh", "Warn young people about bogus offers of hotel jobs overseas", "light_edit"),
        ], decoys=[("ge", "gk", "same_subject")], drops={"gf": {}}),
        Year(2020, [
            K("ga"),
            K("gbs"),
            E("gj", "Increase efforts to identify victims among LGBTQI+ young people living on the streets of Saltmere", "light_edit"),
            K("gc1"),
            M("gcd", "Fund the Child Welfare Directorate's shelter and train its social workers in "
                     "trauma-informed care", ["gd", "gc2"]),
            E("ge", "Hold to account the members of armed groups in the Wyndle river districts who enlist or use children", "light_edit"),
            K("gk"),
            K("gi"),
            K("gh"),
            N("gl", "Screen foreign hotel workers for indicators of forced labor"),
        ]),
        Year(2021, [
            E("ga", "Increase efforts to investigate and prosecute trafficking offenses and convict "
                    "traffickers, including for forced begging and the recruitment of children by "
                    "armed groups", "light_edit"),
            E("gbs", "Identify children exploited in forced begging in Saltmere and other cities, "
                     "refer them to care, and publicize the child helpline widely", "light_edit"),
            K("gj"),
            E("gc1", "Instruct police officers, prosecutors, and labor inspectors in applying the "
                     "national referral guidelines and in questioning survivors", "paraphrase",
              how="synonyms"),
            K("gcd"),
            E("ge", "Hold to account the members of armed groups who enlist children", "narrowing"),
            E("gk", "Increase efforts to provide comprehensive reintegration services, including schooling, to children formerly associated with armed groups", "light_edit"),
            N("gm", "Adopt a new national action plan with a dedicated budget line", cp="gi"),
            K("gh"),
            E("gl", "Screen foreign hotel and restaurant workers for indicators of forced labor", "light_edit"),
        ]),
        Year(2022, [
            K("ga"),
            K("gbs"),
            K("gj"),
            K("gc1"),
            K("gcd"),
            S("ge1", "ge", "Hold to account the members of armed groups in the Wyndle river districts "
                           "who enlist children, including commanders"),
            S("ge2", "ge", "Free the children they hold"),
            K("gk"),
            E("gm", "Adopt a new national action plan with a dedicated budget line and clear lead agencies", "light_edit"),
            K("gh"),
            E("gl", "Screen foreign hotel, restaurant, and cruise ship workers for indicators of forced labor", "broadening"),
            N("gn", "Reduce the backlog of trafficking cases in the courts"),
        ]),
        Year(2023, [
            M("gan", "Increase efforts to investigate and prosecute trafficking offenses and convict "
                     "traffickers, including for forced begging and the recruitment of children by "
                     "armed groups, and clear the court backlog", ["ga", "gn"]),
            K("gbs"),
            N("go", "Increase efforts to proactively identify forced begging victims among children "
                    "crossing the northern border", near="gbs"),
            E("gj", "Send outreach workers to homeless LGBTQI+ young people and check whether anyone is "
                    "exploiting them", "paraphrase", how="restructured"),
            K("gc1"),
            E("gcd", "Fund the Child Welfare Directorate's shelter and train its social workers and carers in trauma-informed care", "light_edit"),
            K("ge1"),
            K("ge2"),
            E("gk", "Increase efforts to provide comprehensive reintegration services to children formerly associated with armed groups", "narrowing"),
            K("gm"),
            E("gh", "Warn young people about bogus offers of hotel and cruise work overseas", "light_edit"),
            K("gl"),
        ], decoys=[("gbs", "go", "same_subject")]),
        Year(2024, [
            K("gan"),
            K("gbs"),
            E("go", "Increase efforts to proactively identify forced begging victims among children crossing the northern and western borders", "light_edit"),
            E("gc1", "Instruct police officers, prosecutors, and labor inspectors in applying the national referral guidelines and in questioning survivors sensitively", "light_edit"),
            S("gd1", "gcd", "Fund the Child Welfare Directorate's shelter for child victims, including "
                            "through a multi-year budget allocation"),
            S("gd2", "gcd", "Train shelter staff in trauma-informed care"),
            K("ge1"),
            K("ge2"),
            N("gp", "Increase efforts to provide comprehensive protection services to victims of "
                    "forced begging", near="gbs"),
            E("gm", "Adopt a new national action plan with a dedicated budget line, clear lead agencies, and targets for victim identification", "broadening"),
            K("gh"),
            K("gl"),
        ], decoys=[("gbs", "gp", "same_subject"), ("gk", "gp", "stock_words")],
            drops={"gk": {"near": "ge1"}}),
        Year(2025, [
            K("gan"),
            E("gbs", "Identify children exploited in forced begging in Saltmere and other cities, "
                     "refer them to care, and publicize the child helpline in schools", "light_edit"),
            K("go"),
            K("gp"),
            K("gc1"),
            K("gd1"),
            N("gt", "Hire psychologists for the Child Welfare Directorate's shelter", cp="gd2"),
            E("ge1", "Hold to account the members of armed groups in the Wyndle river districts who enlist children, including their commanders", "light_edit"),
            E("gm", "Give the new national action plan its own line in the budget and report on what "
                    "is spent", "paraphrase", how="restructured"),
            E("gh", "Warn young people, including through social media, about bogus offers of hotel "
                    "work overseas", "light_edit"),
            E("gl", "Screen foreign hotel, restaurant, and cruise ship workers for indicators of forced labor during inspections", "light_edit"),
            R("gk"),
            N("gq", "Investigate hotel recruiters who charge workers fees", near="gl"),
        ], decoys=[("gl", "gq", "same_subject")], drops={"ge2": {}}),
    ],
)

NAUVORIA = Chain(
    "Nauvoria",
    {2017: "1", 2018: "1", 2019: "1", 2020: "2", 2021: "2", 2022: "2", 2023: "2", 2024: "2",
     2025: "2"},
    2016,
    [
        ("na", "Vigorously investigate and prosecute trafficking cases and seek adequate sentences for "
               "convicted traffickers"),
        ("nb", "Increase proactive identification of victims among seasonal agricultural workers"),
        ("nc", "Ensure that victims can obtain compensation from traffickers through the criminal "
               "process"),
        ("nd", "Strengthen the labor inspectorate's capacity to detect forced labor, including in "
               "subcontracting chains"),
        ("ne", "Provide specialized accommodation for male and child victims"),
        ("nf", "Train judges and prosecutors on the trauma that victims experience"),
        ("ng", "Require government suppliers to certify that their supply chains are free of forced "
               "labor, and publish the list of suppliers"),
    ],
    [
        Year(2017, [
            K("na"),
            K("nb"),
            K("nc"),
            E("nd", "Strengthen the labor inspectorate's capacity to detect forced labor, including in long subcontracting chains", "light_edit"),
            K("ne"),
            E("nf", "Train judges and prosecutors on the trauma that victims experience and how it affects testimony", "light_edit"),
            K("ng"),
            N("nh", "Improve the national rapporteur's access to case data"),
        ]),
        Year(2018, [
            K("na"),
            E("nb", "Proactively identify victims among seasonal agricultural workers, including those "
                    "recruited through temporary agencies", "paraphrase", how="nominalised"),
            E("nc", "Ensure that victims can obtain compensation from traffickers through the criminal justice process", "light_edit"),
            K("nd"),
            S("ne1", "ne", "Provide specialized accommodation for adult male victims, with places in "
                           "every region and access to legal counselling"),
            S("ne2", "ne", "Open a care unit for child victims"),
            K("nf"),
            K("ng"),
            E("nh", "Improve the national rapporteur's access to police and court case data", "light_edit"),
        ]),
        Year(2019, [
            E("na", "Vigorously investigate and prosecute trafficking cases and seek adequate sentences for all convicted traffickers", "light_edit"),
            K("nb"),
            N("ni", "Increase efforts to identify victims of forced criminality, such as drug couriering "
                    "and theft", near="nb"),
            E("nc", "Ensure that victims can obtain compensation from traffickers through criminal "
                    "proceedings", "light_edit"),
            K("nd"),
            K("ne1"),
            K("ne2"),
            E("nf", "Make trauma-informed practice part of the regular training for the judiciary and "
                    "the prosecution service", "paraphrase", how="restructured"),
            K("ng"),
        ], decoys=[("nb", "ni", "stock_words")], drops={"nh": {}}),
        Year(2020, [
            E("na", "Vigorously investigate and prosecute trafficking cases and seek adequate sentences, "
                    "including prison terms, for convicted traffickers", "light_edit"),
            N("nj", "Increase resources for the specialized police unit so that it can investigate "
                    "labor trafficking", near="na"),
            E("nb", "Proactively identify victims among seasonal agricultural workers, including those recruited through temporary employment agencies", "light_edit"),
            E("ni", "Increase efforts to identify victims of forced criminality, such as drug couriering, theft, and benefit fraud", "broadening"),
            K("nc"),
            N("np", "Train prosecutors on compensation"),
            E("nd", "Strengthen the labor inspectorate's capacity to detect forced labor, including in subcontracting and temporary agency chains", "light_edit"),
            K("ne1"),
            E("ne2", "Open a specialized care unit for child victims", "light_edit"),
            K("nf"),
            K("ng"),
            R("nh"),
        ], decoys=[("na", "nj", "stock_words")]),
        Year(2021, [
            K("na"),
            E("nj", "Increase resources for the specialized police unit so that it can investigate labor trafficking cases", "light_edit"),
            K("nb"),
            K("ni"),
            M("ncp", "Ensure that victims can obtain compensation from traffickers through criminal "
                     "proceedings and train prosecutors to request it", ["nc", "np"]),
            E("nd", "Give labor inspectors the staff and skills to uncover forced labor, also among "
                    "subcontractors", "paraphrase", how="synonyms"),
            K("ne1"),
            K("ne2"),
            K("nf"),
            E("ng", "Require government suppliers to certify that their supply chains are free of forced labor, and publish the list of certified suppliers", "light_edit"),
            N("nk", "Refer more victims to assistance"),
        ], drops={"nh": {}}),
        Year(2022, [
            K("na"),
            K("nj"),
            K("nb"),
            E("ni", "Screen people arrested for drug couriering or theft for signs that they were "
                    "forced to commit these crimes", "paraphrase", how="restructured"),
            K("ncp"),
            K("nd"),
            M("nek", "Provide specialized accommodation for adult male victims, with places in every "
                     "region and access to legal counselling, and refer more victims to assistance",
              ["ne1", "nk"]),
            K("ne2"),
            E("nf", "Make trauma-informed practice part of the regular training for judges and prosecutors", "light_edit"),
            K("ng"),
        ]),
        Year(2023, [
            E("na", "Vigorously investigate and prosecute trafficking cases and seek adequate sentences, including significant prison terms, for convicted traffickers", "light_edit"),
            K("nj"),
            K("nb"),
            K("ni"),
            N("nm", "Increase efforts to provide comprehensive assistance to victims of forced "
                    "criminality", near="ni"),
            E("ncp", "Ensure that victims can obtain compensation from traffickers through criminal proceedings and train prosecutors to request it in every case", "light_edit"),
            S("nd1", "nd", "Give labor inspectors the staff and skills to uncover forced labor, also "
                           "among subcontractors and temporary work agencies"),
            S("nd2", "nd", "Let inspectors enter workers' housing"),
            K("nek"),
            K("ne2"),
            K("ng"),
        ], decoys=[("ni", "nm", "same_subject")]),
        Year(2024, [
            E("na", "Vigorously investigate and prosecute trafficking cases, including labor trafficking, and seek adequate sentences, including prison terms, for convicted traffickers", "light_edit"),
            E("nj", "Fund the specialized police unit well enough for it to take on labor trafficking "
                    "cases", "paraphrase", how="restructured"),
            E("nb", "Proactively identify victims among seasonal agricultural workers, including those "
                    "recruited through temporary or online agencies", "light_edit"),
            K("ni"),
            K("nm"),
            K("ncp"),
            K("nd1"),
            K("nd2"),
            K("nek"),
            N("nn", "Increase efforts to investigate labor trafficking in the care sector", near="nd1"),
            S("ng1", "ng", "Require government suppliers to certify that their supply chains are free "
                           "of forced labor"),
            S("ng2", "ng", "Publish the list of suppliers"),
        ], decoys=[("nd1", "nn", "same_subject")], drops={"ne2": {"near": "nek"}}),
        Year(2025, [
            K("na"),
            K("nj"),
            K("nb"),
            N("no", "Increase efforts to identify victims among care staff recruited from abroad", near="nn"),
            E("ni", "Screen people arrested for drug couriering, theft, or fraud for signs that they were forced to commit these crimes", "light_edit"),
            E("ncp", "Make sure survivors are paid restitution by the people who exploited them as part "
                     "of the criminal case, and train prosecutors to ask for it", "paraphrase",
              how="synonyms"),
            K("nd1"),
            E("nek", "Provide specialized accommodation for adult male victims, with places in every region, and refer more victims to assistance", "narrowing"),
            E("nn", "Increase efforts to investigate labor trafficking in the care sector, including in private home care", "light_edit"),
            K("ng1"),
            N("nq", "Exclude from public tenders any supplier found to use forced labor", cp="ng2"),
        ], decoys=[("nn", "no", "same_subject")], drops={"nd2": {}}),
    ],
)

ARDECCA = Chain(
    "Ardecca",
    {2017: "2", 2018: "2", 2019: "2WL", 2020: "2WL", 2021: "3", 2022: "3", 2023: "2WL", 2024: "2WL",
     2025: "2WL"},
    2016,
    [
        ("aa", "Investigate and prosecute trafficking crimes, including those involving government "
               "officials, and convict traffickers"),
        ("ab", "End the forced labor of children on gold dredges along the Mirren river"),
        ("ac", "Cease the recruitment of children into the Civil Defense Brigades and demobilize those "
               "already serving"),
        ("ad", "Screen workers sent abroad under state labor contracts for indicators of forced labor"),
        ("ae", "Let these workers keep their passports"),
        ("af", "Establish shelters for victims of trafficking, including men"),
        ("ag", "Train border officials to identify trafficking victims"),
        ("ah", "Enact legislation that defines trafficking in line with international law"),
        ("ai", "Improve coordination among ministries responsible for anti-trafficking efforts"),
    ],
    [
        Year(2017, [
            K("aa"),
            K("ab"),
            E("ac", "Cease the recruitment of children into the Civil Defense Brigades and demobilize all those already serving", "light_edit"),
            K("ad"),
            K("ae"),
            E("af", "Establish shelters for trafficking victims, including men", "light_edit"),
            K("ag"),
            E("ah", "Enact legislation that defines trafficking in line with the 2000 UN TIP Protocol", "light_edit"),
            E("ai", "Make the ministries that share anti-trafficking duties work together through a "
                    "standing committee", "paraphrase", how="synonyms"),
            N("aj", "Publish data on trafficking investigations and prosecutions"),
        ]),
        Year(2018, [
            E("aa", "Investigate and prosecute trafficking crimes, including those involving government officials, and convict the traffickers responsible", "light_edit"),
            E("ab", "End the forced labor of children on gold dredges along the Mirren river and its "
                    "tributaries, and prosecute the dredge owners", "broadening"),
            K("ac"),
            E("ad", "Screen workers sent abroad under state labor contracts for indicators of forced labor, before departure and on return", "broadening"),
            K("ae"),
            E("af", "Establish shelters for trafficking victims, including men, in each province",
              "light_edit"),
            E("ag", "Train border and airport officials to identify trafficking victims", "light_edit"),
            K("ah"),
            E("aj", "Publish yearly data on trafficking investigations and prosecutions", "light_edit"),
        ], drops={"ai": {}}),
        Year(2019, [
            E("aa", "Investigate and prosecute trafficking crimes, including those involving government officials, and convict and sentence traffickers", "light_edit"),
            K("ab"),
            K("ac"),
            N("ak", "Increase efforts to identify and protect children recruited by the Civil Defense "
                    "Brigades", near="ac"),
            M("adae", "Screen workers sent abroad under state labor contracts for indicators of forced "
                      "labor and let them keep their passports", ["ad", "ae"]),
            K("af"),
            K("ag"),
            K("ah"),
            K("aj"),
            R("ai", "Make the ministries that share anti-trafficking duties work together through a "
                    "standing committee that meets every quarter"),
        ], decoys=[("ac", "ak", "same_subject")]),
        Year(2020, [
            K("aa"),
            E("ab", "End the forced labor of children on gold dredges along the Mirren river and its tributaries, and prosecute the dredge owners and middlemen", "light_edit"),
            K("ac"),
            K("ak"),
            K("adae"),
            E("af", "Establish shelters for trafficking victims, including men and boys, in each province", "light_edit"),
            E("ag", "Teach frontier and airport staff to recognize people who may have been trafficked",
              "paraphrase", how="synonyms"),
            N("al", "Implement the 2019 anti-trafficking law and issue its regulations", cp="ah"),
            E("aj", "Publish data on trafficking prosecutions", "narrowing"),
            K("ai"),
        ]),
        Year(2021, [
            E("aa", "Investigate and prosecute trafficking crimes, including those involving government "
                    "officials, and convict traffickers, even where state programs are involved",
              "light_edit"),
            K("ab"),
            N("am", "Increase efforts to provide comprehensive care to children removed from gold "
                    "dredges", near="ab"),
            M("acak", "Cease the recruitment of children into the Civil Defense Brigades, demobilize "
                      "those already serving, and protect the children released", ["ac", "ak"]),
            E("adae", "Screen workers sent abroad under state labor contracts for indicators of forced labor and let them keep their own passports", "light_edit"),
            K("af"),
            K("ag"),
            E("al", "Implement the 2019 anti-trafficking law and issue all of its regulations", "light_edit"),
            K("ai"),
        ], decoys=[("ab", "am", "same_subject")], drops={"aj": {}}),
        Year(2022, [
            K("aa"),
            S("ab1", "ab", "End the forced labor of children on gold dredges along the Mirren river "
                           "and its tributaries"),
            S("ab2", "ab", "Prosecute the dredge owners"),
            E("am", "Increase efforts to provide comprehensive care to children removed from gold dredges and quarries", "broadening"),
            E("acak", "Cease the recruitment of children into the Civil Defense Brigades, demobilize those already serving, and protect and rehabilitate the children released", "light_edit"),
            K("adae"),
            K("af"),
            K("ag"),
            E("al", "Fully implement the 2019 anti-trafficking law and adopt all of its regulations",
              "light_edit"),
            N("an", "Allow independent observers to monitor state labor programs abroad"),
        ], drops={"ai": {}}),
        Year(2023, [
            K("aa"),
            N("aq", "Seek prison sentences for convicted traffickers", near="aa"),
            K("ab1"),
            K("ab2"),
            E("am", "Ensure that children taken off the dredges receive schooling, health care, and "
                    "counselling", "paraphrase", how="restructured"),
            K("acak"),
            S("ad1", "adae", "Screen workers sent abroad under state labor contracts for indicators "
                             "of forced labor"),
            S("ad2", "adae", "Stop withholding their passports"),
            N("ao", "Increase efforts to identify victims among workers returning from state labor "
                    "programs", near="adae"),
            E("af", "Establish shelters for trafficking victims, including men and boys, in every province", "light_edit"),
            E("ag", "Teach frontier and airport staff to recognize people who may have been trafficked and refer them to care", "light_edit"),
            K("al"),
            E("an", "Allow independent observers and trade unions to monitor state labor programs abroad", "broadening"),
        ], decoys=[("aa", "aq", "same_subject"), ("adae", "ao", "same_subject")]),
        Year(2024, [
            M("aaq", "Investigate and prosecute trafficking crimes, including those involving "
                     "government officials, convict traffickers, even where state programs are "
                     "involved, and seek prison sentences for them", ["aa", "aq"]),
            E("ab1", "End the forced labor of children on gold dredges along the Mirren river and all its tributaries", "light_edit"),
            K("ab2"),
            K("am"),
            E("acak", "Cease the recruitment of children into the Civil Defense Brigades and demobilize those already serving", "narrowing"),
            K("ad1"),
            K("ao"),
            E("af", "Open safe houses for trafficking survivors of all genders in every province",
              "paraphrase", how="synonyms"),
            E("al", "Fully implement the 2019 anti-trafficking law and adopt all of its outstanding regulations", "light_edit"),
            K("an"),
        ]),
        Year(2025, [
            K("aaq"),
            K("ab1"),
            K("am"),
            K("acak"),
            E("ad1", "Screen all workers sent abroad under state labor contracts for indicators of forced labor", "light_edit"),
            K("ao"),
            N("ap", "Increase efforts to provide comprehensive reintegration support to workers "
                    "returning from state labor programs", near="ao"),
            K("af"),
            N("ar", "Train police and prosecutors to apply the penalties set by the 2019 anti-trafficking law", cp="al"),
            E("an", "Open state labor export schemes to scrutiny by outside observers", "paraphrase",
              how="synonyms"),
        ], decoys=[("ao", "ap", "same_subject")], drops={"ab2": {"near": "aaq"}}),
    ],
)

CHAINS = [MAELCORIA, GALLOWEN, NAUVORIA, ARDECCA]
