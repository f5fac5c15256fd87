"""The relevance set: realistic articles and the queries a visitor would type, each with the article it should find.

The articles are general recovery information written for this test, laid out as a treatment-center blog writes
them (a title, a one-sentence summary that answers, a topic, a body with ## headings); they state nothing about the
center itself. They overlap as real articles do (work, family, alcohol and withdrawal come up in many), so a query
only ranks its article first if the engine weighs what an article is about over what it mentions in passing.
"""


def body(*sections):
    """An article body in Markdown: each section is a (heading, paragraph) pair."""
    return "\n\n".join(f"## {heading}\n\n{paragraph}" for heading, paragraph in sections) + "\n"


ARTICLES = {
    "keeping-your-job-during-treatment": (
        "Keeping Your Job While You Get Treatment",
        "Many people keep working through outpatient treatment, and the FMLA and the ADA can protect your job "
        "while you get care.",
        "Work",
        body(
            (
                "Treatment that fits around work",
                "Outpatient and intensive outpatient programs often meet in the morning or the evening, so many "
                "people attend sessions before or after their shift. If you need detox or residential care first, "
                "it usually means a few weeks away rather than months.",
            ),
            (
                "Laws that protect your position",
                "The Family and Medical Leave Act (FMLA) gives eligible employees up to 12 weeks of unpaid, "
                "job-protected leave a year for a serious health condition, which can include addiction treatment. "
                "The Americans with Disabilities Act (ADA) protects people in recovery who are not currently using "
                "illegal drugs, and may entitle you to a reasonable accommodation such as a changed schedule.",
            ),
            (
                "Asking for a schedule change",
                "Put your request in writing, keep it short, and ask human resources which forms they need. Keep "
                "copies of everything you send and receive.",
            ),
        ),
    ),
    "privacy-at-work-during-treatment": (
        "Will My Employer Find Out? Privacy at Work During Treatment",
        "You only have to tell your employer that you need medical leave, and your treatment records cannot be "
        "shared with them without your written consent.",
        "Work",
        body(
            (
                "What you have to tell your boss",
                "Your manager does not need your diagnosis. Saying that you have a medical issue that needs "
                "treatment, and how many hours or days you will be away, is usually enough. Leave forms go through "
                "human resources and your doctor, not your supervisor.",
            ),
            (
                "Who can see your records",
                "Federal confidentiality rules for substance use treatment (42 CFR Part 2) and HIPAA keep your "
                "records private. A program cannot even confirm to a caller, your employer included, that you are "
                "a patient unless you have signed a consent form that names them.",
            ),
            (
                "Employee assistance programs and health plans",
                "An employee assistance program (EAP) is confidential and can refer you to treatment. If your health "
                "plan comes through work, your employer generally sees that you are covered, not what your claims "
                "are for.",
            ),
            (
                "When the rules differ",
                "Safety-sensitive jobs, such as those regulated by the Department of Transportation, have their own "
                "testing and return-to-duty rules. Ask human resources or a lawyer what applies to you.",
            ),
        ),
    ),
    "what-happens-in-detox": (
        "What Happens During Detox",
        "Withdrawal from alcohol or sedatives can cause seizures, so detox is done under medical supervision that "
        "keeps you safe while your body clears the drug.",
        "Treatment",
        body(
            (
                "Why medical supervision matters",
                "Stopping alcohol or benzodiazepines suddenly after months of heavy, daily use can be dangerous, so "
                "never quit on your own without talking to a doctor. Opioid withdrawal is rarely life-threatening, "
                "but it is miserable enough that many people use again just to make it stop.",
            ),
            (
                "What a detox stay looks like",
                "Nurses check your vital signs, give medication to ease symptoms and prevent complications, and help "
                "you eat, drink fluids and rest. Most stays last from a few days to a week.",
            ),
            (
                "What comes next",
                "Detox treats the body's dependence, not the addiction. Moving straight on to residential, intensive "
                "outpatient or outpatient treatment greatly lowers the risk of relapse. If you work, a few days of "
                "sick leave usually covers the stay.",
            ),
        ),
    ),
    "withdrawal-timeline": (
        "Withdrawal Timeline: How Long Withdrawal Lasts",
        "Withdrawal symptoms usually begin within a day of the last drink or dose, peak after two or three days "
        "and ease within two weeks, though sleep can take longer.",
        "Treatment",
        body(
            (
                "Alcohol",
                "Shaking, sweating, nausea and anxiety can start 6 to 24 hours after the last drink. The risk of "
                "seizures is highest in the first two days, and delirium tremens, the most serious complication, can "
                "appear after two to four days. Most physical symptoms pass within a week.",
            ),
            (
                "Opioids",
                "With heroin, fentanyl or short-acting pills, aches, diarrhea, yawning, goosebumps and cravings begin "
                "within a day, peak around the third day and ease over a week or so. Methadone withdrawal starts "
                "later and lasts longer.",
            ),
            (
                "Benzodiazepines",
                "Withdrawal can last for weeks, which is why doctors lower the dose slowly rather than stopping it "
                "at once.",
            ),
            (
                "Post-acute withdrawal",
                "Poor sleep, low mood and irritability can come and go for months. They fade with time, and knowing "
                "that they are part of recovery helps you ride them out.",
            ),
        ),
    ),
    "alcohol-use-disorder-signs": (
        "Signs of Alcohol Use Disorder",
        "Drinking more than you meant to, craving alcohol and hiding how much you drink can be signs that it is "
        "time to get help.",
        "Alcohol",
        body(
            (
                "Common signs",
                "Needing more to feel the same effect, feeling shaky or anxious when you stop, failing to cut down, "
                "and drinking despite problems at home or at work.",
            ),
            (
                "How much is too much",
                "U.S. guidelines suggest no more than two drinks a day for men and one for women, and less is "
                "better. Binge drinking means about five drinks for a man or four for a woman in around two hours.",
            ),
            (
                "Getting an assessment",
                "A doctor or counselor can ask a few questions, tell you how severe the problem is, and suggest the "
                "kind of help that fits. You do not have to hit rock bottom first.",
            ),
        ),
    ),
    "when-your-spouse-drinks-too-much": (
        "When Your Spouse or Partner Drinks Too Much",
        "If your husband, wife or partner drinks too much, tell them calmly what worries you, stop covering for "
        "them, and get support for yourself too.",
        "Family",
        body(
            (
                "Signs it has become a problem",
                "Drinking that leads to missed work, arguments, broken promises, hidden bottles or driving after "
                "drinking is more than a bad habit.",
            ),
            (
                "Talking to your partner",
                "Pick a time when they are sober, talk about specific moments, and say how they affected you. Avoid "
                "labels such as alcoholic: they start arguments, not conversations.",
            ),
            (
                "Stop covering",
                "Calling their boss to say they are sick, or making excuses to the family, keeps the consequences "
                "away from the person who is drinking.",
            ),
            (
                "Support for you",
                "Al-Anon meetings and a counselor of your own can help, and couples therapy can help once your "
                "partner is in treatment. If you ever feel unsafe, your safety and your children's come first.",
            ),
        ),
    ),
    "helping-a-loved-one-accept-help": (
        "How to Help a Loved One Accept Help",
        "Calm, specific conversations work better than confrontation, and families who encourage rather than argue "
        "more often see a loved one start treatment.",
        "Family",
        body(
            (
                "Choose the moment",
                "Talk when your loved one is sober and calm. Use I statements, describe what you have seen, and say "
                "that you want to help.",
            ),
            (
                "Offer a next step",
                "Have the name of a program or a counselor ready, and offer to make the call or drive them to an "
                "assessment. If they say no, try again another day: the answer often changes.",
            ),
            (
                "Learn a method",
                "Community Reinforcement and Family Training (CRAFT) teaches families to reward sober time and let "
                "natural consequences happen, and it brings more people into treatment than a confrontational "
                "intervention.",
            ),
            ("Look after yourself", "Support groups for families can help you stay steady while you wait."),
        ),
    ),
    "when-your-adult-child-is-using": (
        "When Your Adult Son or Daughter Is Using",
        "Parents help most by setting clear limits, refusing to pay for the addiction, and keeping the door open to "
        "talk and to treatment.",
        "Family",
        body(
            (
                "Helping or enabling?",
                "Paying rent, debts or fines, or calling in sick for your child, can keep the addiction comfortable. "
                "Helping means supporting steps towards recovery: a ride to an appointment, a phone for job "
                "interviews, a meal together.",
            ),
            (
                "Setting limits",
                "Decide with your partner what you will and will not do, say it calmly once, and keep to it. Limits "
                "protect you too.",
            ),
            (
                "Staying safe",
                "If your child uses opioids, keep naloxone at home and learn how to use it.",
            ),
            (
                "When they are ready",
                "Offer to help find a program, and go to a family session if they ask you to.",
            ),
        ),
    ),
    "support-groups-for-families": (
        "Support Groups for Families: Al-Anon, Nar-Anon and More",
        "Al-Anon, Nar-Anon and other family groups are free meetings where relatives and friends of someone who "
        "drinks or uses drugs find support and share what helps.",
        "Family",
        body(
            (
                "Al-Anon and Alateen",
                "Al-Anon is for anyone affected by someone else's drinking: partners, parents, adult children and "
                "friends. Alateen is for younger family members.",
            ),
            (
                "Nar-Anon and other groups",
                "Nar-Anon follows the same twelve-step approach for families of people who use drugs. SMART Recovery "
                "Family & Friends offers a non-twelve-step meeting based on CRAFT.",
            ),
            (
                "What happens at a meeting",
                "You can simply listen. People share their own experience rather than advice, and what is said "
                "stays in the room. Meetings are held in person and online, in the mornings and the evenings.",
            ),
        ),
    ),
    "explaining-addiction-to-children": (
        "Explaining a Parent's Addiction to Children",
        "Children cope better when they hear, in words that fit their age, that addiction is an illness, that it "
        "is not their fault, and that they will be kept safe.",
        "Family",
        body(
            (
                "What to tell them",
                "Young children need short, simple answers: Dad is sick and is getting help. Older kids and teens can "
                "hear more about addiction and treatment, and will have questions of their own.",
            ),
            (
                "The seven Cs",
                "Many family programs teach children: I didn't cause it, I can't cure it, I can't control it, I can "
                "care for myself, communicate my feelings, make healthy choices and celebrate myself.",
            ),
            (
                "Keeping routines",
                "Regular meals, school and bedtimes help children feel safe while a parent is in treatment. Let the "
                "teacher know if your child seems upset.",
            ),
        ),
    ),
    "teenagers-and-vaping": (
        "Teenagers, Vaping and Cannabis",
        "Parents can talk with a teen about vaping nicotine or cannabis by asking questions and listening first, "
        "which keeps the conversation from turning into a fight.",
        "Family",
        body(
            (
                "Start with curiosity",
                "Ask what your teen has seen at school and what they think of it, and listen without lecturing.",
            ),
            (
                "Know the risks",
                "Nicotine and high-potency cannabis affect the developing brain, can worsen anxiety and make it "
                "harder to concentrate.",
            ),
            (
                "Set clear expectations",
                "Agree on rules and consequences together, and keep to them yourself.",
            ),
        ),
    ),
    "how-many-hours-a-week-is-iop": (
        "How Many Hours a Week Is IOP?",
        "Most intensive outpatient programs take 9 to 19 hours a week, often three hours a day on three to five "
        "days, so many people keep working while they attend.",
        "Treatment",
        body(
            (
                "A typical week",
                "Days usually combine group therapy, an individual session each week, and skills or education "
                "groups. Morning and evening tracks fit around work and childcare.",
            ),
            (
                "How long IOP lasts",
                "Many programs run for two to three months, and the hours often drop as you progress.",
            ),
            (
                "Compared with other levels of care",
                "Partial hospitalization takes 20 hours a week or more; standard outpatient counseling is usually "
                "one or two hours a week.",
            ),
        ),
    ),
    "what-is-an-intensive-outpatient-program": (
        "What Is an Intensive Outpatient Program?",
        "An intensive outpatient program (IOP) offers structured group and individual therapy several days a week "
        "while you live at home.",
        "Treatment",
        body(
            (
                "How it works",
                "You attend sessions at the program and go home afterwards, practicing new skills in everyday life "
                "between sessions. Groups cover relapse prevention, coping with stress and repairing relationships "
                "with family.",
            ),
            (
                "Who it suits",
                "People who need more support than weekly counseling but not round-the-clock care, who have a safe "
                "place to live and can get to sessions. It is also a common step down after detox or residential "
                "treatment.",
            ),
            ("What it treats", "Alcohol and drug addiction, often together with anxiety or depression."),
        ),
    ),
    "levels-of-care": (
        "Levels of Care: From Detox to Outpatient",
        "Care steps down from detox and residential treatment through partial hospitalization and IOP to weekly "
        "outpatient therapy; an assessment shows where to start.",
        "Treatment",
        body(
            (
                "Residential treatment",
                "You live at the facility, usually for a few weeks, with care around the clock. It suits people whose "
                "home is not safe for recovery or who have not stayed sober with outpatient care.",
            ),
            (
                "Partial hospitalization (PHP)",
                "Treatment most of the day, five or more days a week, while you sleep at home.",
            ),
            (
                "Intensive outpatient and outpatient",
                "An IOP takes several hours on several days a week; outpatient care means an hour or two a week, "
                "often for months.",
            ),
            (
                "How the level is chosen",
                "A counselor uses criteria such as those of the American Society of Addiction Medicine (ASAM) to look "
                "at withdrawal risk, physical and mental health, readiness to change and home life.",
            ),
        ),
    ),
    "your-first-day-in-treatment": (
        "Your First Day in Treatment: What to Bring and Expect",
        "The first day is mostly an assessment and meeting your counselor, so bring photo ID, your insurance card "
        "and a list of the medications you take.",
        "Treatment",
        body(
            (
                "The assessment",
                "A counselor asks about your use, your health, your mood, your family and your work. Be as honest as "
                "you can: the answers shape your treatment plan, and they are confidential.",
            ),
            (
                "Paperwork",
                "You will read and sign consent forms, including one that says who may be told that you are in "
                "treatment.",
            ),
            (
                "Feeling nervous is normal",
                "Most people are anxious on the first day. Staff expect it, and by the end of the day you will know "
                "your schedule and your next step.",
            ),
        ),
    ),
    "paying-for-treatment-with-insurance": (
        "Paying for Treatment: Insurance and Costs",
        "Most health plans, Medicaid included, cover some addiction treatment, so call your insurer before you "
        "start to ask what your costs will be.",
        "Insurance",
        body(
            (
                "What plans cover",
                "Mental health parity law requires most plans that cover addiction care to cover it as they cover "
                "other medical care. Detox, IOP, outpatient counseling and medication are often included.",
            ),
            (
                "Questions to ask your insurer",
                "Is the program in network? What are my deductible, copay and coinsurance? Do I need prior "
                "authorization or a referral?",
            ),
            (
                "If you have no insurance",
                "Ask about sliding-scale fees, state-funded programs and payment plans.",
            ),
        ),
    ),
    "understanding-relapse": (
        "Understanding Relapse and How to Come Back From It",
        "A relapse is a setback, not the end of recovery: spotting the warning signs early and reaching out to "
        "your support quickly makes getting back on track easier.",
        "Relapse prevention",
        body(
            (
                "Warning signs",
                "Skipping meetings, isolating, missing meals and sleep, and romanticizing past use often come before "
                "a return to drinking or using.",
            ),
            (
                "If you drink or use again",
                "Stop as soon as you can, tell your counselor or sponsor, and be honest about what happened. Your "
                "tolerance is lower after time sober, so the risk of overdose is higher.",
            ),
            (
                "Adjusting your plan",
                "A slip shows which parts of your plan need more support: more sessions, a new routine, or time away "
                "from certain people.",
            ),
        ),
    ),
    "cravings-and-triggers": (
        "Coping With Cravings and Triggers",
        "Cravings rise and fall within minutes, so a plan to ride them out, and knowing the people, places and "
        "feelings that set them off, keeps you in control.",
        "Relapse prevention",
        body(
            (
                "Urge surfing",
                "Notice the craving, breathe slowly, and watch it rise and fall like a wave. Calling someone or "
                "going for a walk helps the time pass.",
            ),
            (
                "Know your triggers",
                "Stress at work, certain friends, payday, arguments at home and boredom are common triggers. Write "
                "yours down, with what you will do instead.",
            ),
            ("HALT", "Being hungry, angry, lonely or tired makes cravings stronger, so check those first."),
        ),
    ),
    "staying-sober-through-the-holidays": (
        "Staying Sober Through the Holidays",
        "Holiday parties and family gatherings are easier to handle sober when you plan what you will drink, bring "
        "a supportive friend, and know how you will leave.",
        "Relapse prevention",
        body(
            (
                "Before the party",
                "Decide what you will say when someone offers you a drink: no thanks, I'm driving, is enough. Bring "
                "your own alcohol-free drinks.",
            ),
            (
                "Family gatherings",
                "From Thanksgiving to Christmas and New Year's Eve, old roles and arguments can be triggers. Keep "
                "visits short if you need to, and step outside to call someone.",
            ),
            (
                "Add support",
                "Go to extra meetings in December, and plan something you enjoy for the days in between.",
            ),
        ),
    ),
    "sleep-in-early-recovery": (
        "Sleep in Early Recovery",
        "Insomnia is common for weeks after you stop drinking or using, and a regular bedtime, less caffeine and no "
        "screens in bed help your sleep return.",
        "Wellness",
        body(
            (
                "Why sleep is hard",
                "Alcohol and many drugs disrupt the brain's sleep cycles, and they take time to reset. Vivid dreams "
                "about using are common and do not mean you will relapse.",
            ),
            (
                "Habits that help",
                "Get up at the same time every day, get daylight in the morning, limit caffeine after noon and keep "
                "screens out of the bedroom.",
            ),
            (
                "When to ask for help",
                "If insomnia lasts more than a few weeks, tell your doctor: some sleep medications are risky in "
                "recovery, but there are safe options.",
            ),
        ),
    ),
    "nutrition-in-recovery": (
        "Nutrition in Recovery",
        "Eating regular meals with protein, whole grains and fruit steadies your mood and energy and helps your body "
        "repair after drinking or drug use.",
        "Wellness",
        body(
            (
                "Eat regularly",
                "Skipping meals can feel like a craving. Three meals and a snack keep blood sugar steady.",
            ),
            (
                "Repairing the damage",
                "Alcohol often depletes vitamins such as thiamine and folate, and a doctor may suggest supplements.",
            ),
            ("Drink water", "Dehydration makes tiredness and headaches worse in early recovery."),
        ),
    ),
    "opioid-addiction-and-medication": (
        "Opioid Addiction and Medication-Assisted Treatment",
        "Methadone, buprenorphine and naltrexone reduce cravings and cut the risk of dying from an overdose, and "
        "they work best alongside counseling.",
        "Opioids",
        body(
            (
                "How medication helps",
                "Medication for opioid use disorder steadies brain chemistry so you can focus on therapy, work and "
                "family. It is treatment, not swapping one drug for another.",
            ),
            (
                "The three medications",
                "Methadone is given daily at a licensed clinic. Buprenorphine can be prescribed by a doctor and taken "
                "at home. Naltrexone is a monthly injection that blocks the effect of opioids.",
            ),
            (
                "Fentanyl and overdose",
                "Fentanyl has made street drugs far more dangerous. Naloxone reverses an opioid overdose: keep it at "
                "home if someone you live with uses opioids.",
            ),
        ),
    ),
    "buprenorphine-what-to-expect": (
        "Buprenorphine: How It Works and What to Expect",
        "Buprenorphine eases opioid withdrawal and cravings without a strong high; most people start it once mild "
        "withdrawal has begun and take it for months or longer.",
        "Opioids",
        body(
            (
                "How it works",
                "Buprenorphine is a partial opioid agonist: it attaches to the same receptors as heroin or fentanyl "
                "but activates them less, and its effect levels off at higher doses, which makes an overdose less "
                "likely.",
            ),
            (
                "Starting",
                "A first dose taken too soon after other opioids can bring on sudden withdrawal, so your prescriber "
                "will ask you to wait until you feel some withdrawal symptoms.",
            ),
            (
                "Forms",
                "Suboxone combines buprenorphine with naloxone, as a film or tablet that dissolves under the tongue. "
                "There are also weekly and monthly injections.",
            ),
            (
                "How long to take it",
                "There is no set end date. Stopping should be gradual and planned with your prescriber.",
            ),
        ),
    ),
    "treatment-for-meth-and-cocaine-addiction": (
        "Treatment for Meth and Cocaine Addiction",
        "No medication is approved for stimulant addiction yet, but contingency management and behavioral therapy "
        "help people stop using methamphetamine and cocaine.",
        "Stimulants",
        body(
            (
                "The crash",
                "After heavy use, people sleep a lot, feel low and flat, and crave the drug for days or weeks. The "
                "depression can be severe, so tell someone if you have thoughts of harming yourself.",
            ),
            (
                "Therapies that work",
                "Contingency management rewards negative drug tests with vouchers or prizes. Cognitive behavioral "
                "therapy teaches you to spot and handle triggers.",
            ),
            (
                "Fentanyl in stimulants",
                "Cocaine and methamphetamine are more and more often contaminated with fentanyl. Carry naloxone even "
                "if you do not use opioids.",
            ),
        ),
    ),
    "anxiety-depression-and-substance-use": (
        "Anxiety, Depression and Substance Use",
        "Many people drink or use drugs to cope with anxiety or depression, and treating both conditions together "
        "works better than treating either alone.",
        "Mental health",
        body(
            (
                "Co-occurring disorders",
                "When a mental health condition and addiction occur together, integrated care addresses both at "
                "once. Alcohol can make anxiety and depression worse within days.",
            ),
            (
                "Treatment",
                "Therapy such as cognitive behavioral therapy and, where needed, medication can ease anxiety without "
                "alcohol or drugs.",
            ),
            (
                "When to get help now",
                "If you are thinking about harming yourself, contact a crisis line or emergency services now.",
            ),
        ),
    ),
    "group-therapy-what-to-expect": (
        "Group Therapy: What to Expect",
        "In your first group session a counselor guides the conversation, you can simply listen, and most people "
        "find that hearing others makes sharing easier.",
        "Therapy",
        body(
            (
                "The first session",
                "Groups usually have six to twelve people. The counselor sets ground rules, the first being that what "
                "is said in the group stays in the group.",
            ),
            (
                "What groups do",
                "Groups practice coping skills, share progress and hold each other accountable with kindness. Some "
                "focus on relapse prevention, others on family, grief or stress at work.",
            ),
            ("Why it helps", "Hearing someone describe what you thought only you felt takes away some of the shame."),
        ),
    ),
    "telehealth-therapy-sessions": (
        "Telehealth Therapy Sessions From Home",
        "Video sessions can make counseling fit around childcare, travel and work shifts, and they work best from a "
        "quiet, private room.",
        "Therapy",
        body(
            ("Preparing", "Find a private room, test your camera and keep headphones nearby."),
            (
                "Is it as good?",
                "For many people, therapy by video works as well as therapy in the same room, and it makes a missed "
                "session less likely. Online sessions follow the same confidentiality rules as sessions in person.",
            ),
        ),
    ),
    "building-a-sober-support-network": (
        "Building a Sober Support Network",
        "Recovery is easier with people who understand, and you can find them in mutual-help meetings, alumni "
        "groups, sober sports clubs and faith communities.",
        "Community",
        body(
            (
                "Where to look",
                "Twelve-step meetings, SMART Recovery, your program's alumni group, running and climbing clubs, and "
                "faith communities.",
            ),
            (
                "Keep in touch",
                "A daily call or message to someone in recovery keeps you connected, especially on hard days.",
            ),
            (
                "Old friends",
                "Some friendships revolve around drinking. You may need time away from them, and some friends will "
                "support your recovery more than you expect.",
            ),
        ),
    ),
    "what-is-a-sober-living-home": (
        "What Is a Sober Living Home?",
        "A sober living home is shared, alcohol- and drug-free housing where residents pay rent, follow house "
        "rules and support each other after treatment.",
        "Community",
        body(
            (
                "House rules",
                "Residents usually agree to stay sober, take drug tests, do chores, go to meetings and, at first, "
                "keep a curfew.",
            ),
            (
                "Who it suits",
                "People leaving residential treatment, or in an IOP, whose home is not a safe place to stay sober. "
                "Many residents work or study during the day.",
            ),
            (
                "Choosing a home",
                "Visit first, ask how long people stay and what happens after a relapse, and look for a home "
                "certified by a state or national association. Halfway houses are similar, but are often run by the "
                "state or tied to a court program.",
            ),
        ),
    ),
}

# (query, slug of the article that should come first): the article a person would pick, whatever the engine does.
QUERIES = [
    # Work
    ("job", "keeping-your-job-during-treatment"),
    ("career", "keeping-your-job-during-treatment"),
    ("can I keep working", "keeping-your-job-during-treatment"),
    ("can I keep my job", "keeping-your-job-during-treatment"),
    ("will I lose my job if I go to rehab", "keeping-your-job-during-treatment"),
    ("FMLA", "keeping-your-job-during-treatment"),
    ("employer", "privacy-at-work-during-treatment"),
    ("tell my employer", "privacy-at-work-during-treatment"),
    ("what do I tell my boss", "privacy-at-work-during-treatment"),
    ("will my employer find out", "privacy-at-work-during-treatment"),
    ("will people at work know", "privacy-at-work-during-treatment"),
    ("confidentiality", "privacy-at-work-during-treatment"),
    # Detox and withdrawal
    ("detox", "what-happens-in-detox"),
    ("seizures", "what-happens-in-detox"),
    ("how do I know if I need detox", "what-happens-in-detox"),
    ("is it safe to stop drinking on my own", "what-happens-in-detox"),
    ("withdrawal symptoms", "withdrawal-timeline"),
    ("withdrawl", "withdrawal-timeline"),
    ("how long does withdrawal last", "withdrawal-timeline"),
    ("how long does alcohol withdrawal last", "withdrawal-timeline"),
    # Family
    ("loved one", "helping-a-loved-one-accept-help"),
    ("help my son accept treatment", "helping-a-loved-one-accept-help"),
    ("how do I help my son", "when-your-adult-child-is-using"),
    ("am I enabling my daughter", "when-your-adult-child-is-using"),
    ("enabling", "when-your-adult-child-is-using"),
    ("Al-Anon", "support-groups-for-families"),
    ("alanon", "support-groups-for-families"),
    ("nar-anon", "support-groups-for-families"),
    ("support for families", "support-groups-for-families"),
    ("husband", "when-your-spouse-drinks-too-much"),
    ("spouse", "when-your-spouse-drinks-too-much"),
    ("partner", "when-your-spouse-drinks-too-much"),
    ("my husband drinks too much", "when-your-spouse-drinks-too-much"),
    ("my wife is drinking again", "when-your-spouse-drinks-too-much"),
    ("how to talk to my husband about his drinking", "when-your-spouse-drinks-too-much"),
    ("what do I tell my kids", "explaining-addiction-to-children"),
    ("how do I explain addiction to a child", "explaining-addiction-to-children"),
    ("vaping teen", "teenagers-and-vaping"),
    # Alcohol
    ("am I an alcoholic", "alcohol-use-disorder-signs"),
    ("alchohol", "alcohol-use-disorder-signs"),
    ("drinking too much", "alcohol-use-disorder-signs"),
    ("how much is too much to drink", "alcohol-use-disorder-signs"),
    # Programs and levels of care
    ("IOP", "what-is-an-intensive-outpatient-program"),
    ("intensive outpatient program", "what-is-an-intensive-outpatient-program"),
    ("outpatinet", "what-is-an-intensive-outpatient-program"),
    ("how many hours a week is IOP", "how-many-hours-a-week-is-iop"),
    ("how long does IOP last", "how-many-hours-a-week-is-iop"),
    ("residential or outpatient", "levels-of-care"),
    ("partial hospitalization", "levels-of-care"),
    ("what level of care do I need", "levels-of-care"),
    ("what should I bring on the first day", "your-first-day-in-treatment"),
    ("group therapy", "group-therapy-what-to-expect"),
    ("first group session", "group-therapy-what-to-expect"),
    ("online therapy from home", "telehealth-therapy-sessions"),
    ("video counseling", "telehealth-therapy-sessions"),
    # Paying
    ("insurance", "paying-for-treatment-with-insurance"),
    ("insurence", "paying-for-treatment-with-insurance"),
    ("how much does it cost", "paying-for-treatment-with-insurance"),
    ("copay", "paying-for-treatment-with-insurance"),
    ("does insurance cover rehab", "paying-for-treatment-with-insurance"),
    # Relapse and staying sober
    ("relapse", "understanding-relapse"),
    ("relaspe", "understanding-relapse"),
    ("slipped", "understanding-relapse"),
    ("what happens if I relapse", "understanding-relapse"),
    ("I drank again after being sober", "understanding-relapse"),
    ("cravings", "cravings-and-triggers"),
    ("triggers", "cravings-and-triggers"),
    ("staying sober at christmas", "staying-sober-through-the-holidays"),
    ("holiday party", "staying-sober-through-the-holidays"),
    ("sober friends", "building-a-sober-support-network"),
    ("sober living", "what-is-a-sober-living-home"),
    ("halfway house", "what-is-a-sober-living-home"),
    ("where do I live after rehab", "what-is-a-sober-living-home"),
    # Medication and drugs
    ("methadone", "opioid-addiction-and-medication"),
    ("naloxone overdose", "opioid-addiction-and-medication"),
    ("fentanyl opioids", "opioid-addiction-and-medication"),
    ("buprenorphine", "buprenorphine-what-to-expect"),
    ("buprenorphene", "buprenorphine-what-to-expect"),
    ("suboxone", "buprenorphine-what-to-expect"),
    ("meth", "treatment-for-meth-and-cocaine-addiction"),
    ("cocaine", "treatment-for-meth-and-cocaine-addiction"),
    ("is there a medication for meth", "treatment-for-meth-and-cocaine-addiction"),
    # Health and wellbeing
    ("anxiety", "anxiety-depression-and-substance-use"),
    ("depression and drinking", "anxiety-depression-and-substance-use"),
    ("can't sleep", "sleep-in-early-recovery"),
    ("insomnia", "sleep-in-early-recovery"),
    ("what to eat", "nutrition-in-recovery"),
    ("vitamins", "nutrition-in-recovery"),
]

# The Spanish relevance set: items written as the site's Spanish pages are (the program, the insurance and cost,
# families and language-assistance pages, and articles), general information that states nothing about the center.
# Each is (kind, slug, title, summary, topic or program facts, body); they overlap as the English ones do.
SPANISH_ITEMS = {
    "programa": (
        "program",
        "intensive-outpatient-program-sacramento",
        "Programa Ambulatorio Intensivo (IOP) en Sacramento",
        "Tratamiento para el consumo de alcohol o drogas varias horas a la semana, mientras usted sigue viviendo "
        "en casa.",
        {
            "first_day": "Usted conoce a su consejero, revisa su plan de tratamiento y hace las preguntas que tenga.",
            "what_to_bring": "Una identificación con foto\nSu tarjeta del seguro médico, si tiene una\n"
            "La lista de sus medicamentos",
        },
        body(
            (
                "Para quién es",
                "El Programa Ambulatorio Intensivo (IOP) es para adultos que necesitan más apoyo que una consulta "
                "a la semana, pero que pueden vivir en casa de forma segura. Muchas personas siguen trabajando o "
                "estudiando durante el programa.",
            ),
            (
                "Cómo es una semana",
                "Las sesiones de grupo y las citas individuales se reparten en varios días de la semana. Usted "
                "aprende a manejar los antojos, a reconocer lo que le lleva a consumir y a planear su recuperación.",
            ),
            (
                "Después del programa",
                "Cuando termina, el equipo le ayuda a pasar a un nivel de atención menos intenso y a encontrar "
                "grupos de apoyo cerca de su casa.",
            ),
        ),
    ),
    "seguro": (
        "page",
        "insurance-and-cost",
        "Seguro médico y costos",
        "Los planes de seguro médico que hemos verificado, el pago por cuenta propia y su derecho a un Estimado "
        "de Buena Fe.",
        None,
        body(
            (
                "Pagar con su seguro médico",
                "Muchos planes de seguro médico cubren el tratamiento de la adicción. Llámenos y revisamos su "
                "cobertura antes de que empiece. Le explicamos qué parte podría pagar usted, como el copago o el "
                "deducible.",
            ),
            (
                "Pago por cuenta propia",
                "Si no tiene seguro médico o prefiere no usarlo, puede pagar por cuenta propia. Pregunte cuánto "
                "cuesta antes de empezar.",
            ),
            (
                "Su derecho a un Estimado de Buena Fe",
                "Si no tiene seguro o no lo usa, tiene derecho a recibir por escrito un Estimado de Buena Fe que le "
                "dice cuánto podría costar su atención.",
            ),
        ),
    ),
    "familias": (
        "page",
        "families",
        "Para familias",
        "Cómo ayudar a un ser querido que tiene problemas con el alcohol o las drogas, y dónde encontrar apoyo "
        "para usted.",
        None,
        body(
            (
                "Cómo ayudar a su ser querido",
                "Hable con calma, en un momento en que su familiar no haya bebido ni consumido. Diga lo que ha "
                "visto y cómo le afecta, sin culpar.",
            ),
            (
                "Cuidarse también usted",
                "La adicción afecta a toda la familia. Los grupos para familias, como Al-Anon y Nar-Anon, ofrecen "
                "apoyo gratuito.",
            ),
            (
                "Cuando su familiar no quiere ayuda",
                "No puede obligar a un adulto a recibir tratamiento, pero puede dejar de cubrir las consecuencias "
                "de su consumo y mantener la puerta abierta.",
            ),
        ),
    ),
    "idioma": (
        "page",
        "language-assistance",
        "Asistencia con el idioma",
        "Si usted habla español u otro idioma, puede pedir ayuda gratuita con el idioma, como un intérprete.",
        None,
        body(
            (
                "Ayuda gratuita con el idioma",
                "Tiene derecho a recibir ayuda con el idioma sin costo, como un intérprete por teléfono o "
                "documentos traducidos. Pídala cuando llame o cuando nos escriba.",
            ),
            ("Cómo pedirla", "Díganos qué idioma habla. Puede pedir un intérprete para su llamada o su cita."),
        ),
    ),
    "trabajo": (
        "article",
        "como-mantener-su-trabajo-durante-el-tratamiento",
        "Cómo mantener su trabajo durante el tratamiento",
        "Muchas personas siguen trabajando durante el tratamiento ambulatorio, y las leyes FMLA y ADA pueden "
        "proteger su empleo.",
        "Trabajo",
        body(
            (
                "Un tratamiento que se adapta a su horario",
                "Los programas ambulatorios suelen reunirse por la mañana o por la tarde, así que muchas personas "
                "asisten antes o después de su turno.",
            ),
            (
                "Leyes que protegen su empleo",
                "La Ley de Licencia Familiar y Médica (FMLA) da a muchos empleados hasta 12 semanas de licencia sin "
                "goce de sueldo, con su puesto protegido. La ADA protege a las personas en recuperación.",
            ),
            (
                "Qué decirle a su jefe",
                "Su jefe no necesita saber su diagnóstico. Basta con decir que necesita tratamiento médico y cuánto "
                "tiempo faltará.",
            ),
        ),
    ),
    "pareja": (
        "article",
        "cuando-su-esposo-o-su-pareja-bebe-demasiado",
        "Cuando su esposo o su pareja bebe demasiado",
        "Cómo hablar con su pareja sobre la bebida, cómo cuidarse usted y dónde buscar ayuda para los dos.",
        "Familia",
        body(
            (
                "Señales de que la bebida es un problema",
                "Su esposo o esposa bebe más de lo que dice, promete parar y no puede, o la bebida causa peleas y "
                "problemas en el trabajo.",
            ),
            (
                "Cómo hablar con su pareja",
                "Elija un momento tranquilo. Hable de lo que ha visto y de cómo le afecta, y ofrezca ir juntos a "
                "una consulta.",
            ),
            (
                "Ayuda para usted",
                "Usted también merece apoyo. Un consejero o un grupo para familias puede ayudarle, aunque su pareja "
                "todavía no quiera cambiar.",
            ),
        ),
    ),
    "abstinencia": (
        "article",
        "abstinencia-del-alcohol-que-esperar",
        "Abstinencia del alcohol: qué esperar",
        "Dejar el alcohol de golpe después de beber mucho puede causar convulsiones: la desintoxicación con "
        "supervisión médica le mantiene seguro.",
        "Tratamiento",
        body(
            (
                "Los síntomas",
                "Temblores, sudor, náuseas y ansiedad pueden empezar entre 6 y 24 horas después de la última "
                "bebida. El riesgo de convulsiones es mayor en los primeros dos días.",
            ),
            (
                "Por qué necesita ayuda médica",
                "Nunca deje de beber de golpe por su cuenta si bebe mucho todos los días: hable primero con un médico.",
            ),
            (
                "Después de la desintoxicación",
                "La desintoxicación trata la dependencia del cuerpo, no la adicción. Seguir con un tratamiento "
                "ambulatorio o residencial reduce el riesgo de recaída.",
            ),
        ),
    ),
    "recaida": (
        "article",
        "recaida-que-hacer-si-vuelve-a-consumir",
        "Recaída: qué hacer si vuelve a beber o a consumir",
        "Una recaída no borra lo que ha logrado. Hable pronto con su consejero y vuelva a su plan de recuperación.",
        "Recuperación",
        body(
            (
                "Una recaída es común",
                "Muchas personas tienen una o varias recaídas en su recuperación. Es una señal de que el plan de "
                "tratamiento necesita un ajuste, no un fracaso.",
            ),
            (
                "Qué hacer ahora",
                "Llame a su consejero o a su grupo de apoyo hoy. Si bebió mucho o consumió opioides, busque "
                "atención médica.",
            ),
            (
                "Las señales de aviso",
                "El estrés, el aislamiento y dejar de ir a las reuniones suelen venir antes de una recaída.",
            ),
        ),
    ),
    "grupo": (
        "article",
        "terapia-de-grupo-que-esperar",
        "Terapia de grupo: qué esperar de la primera sesión",
        "En la terapia de grupo, de seis a doce personas hablan con un consejero de lo que viven en su recuperación.",
        "Tratamiento",
        body(
            (
                "Cómo es una sesión",
                "El consejero abre la sesión y cada persona comparte lo que quiera. Nadie está obligado a hablar el "
                "primer día.",
            ),
            ("La confidencialidad", "Lo que se dice en el grupo se queda en el grupo."),
        ),
    ),
    "alcohol": (
        "article",
        "senales-de-un-problema-con-el-alcohol",
        "Señales de un problema con el alcohol",
        "Beber más de lo que pensaba, sentir ansias de beber y esconder cuánto bebe pueden ser señales de que es "
        "hora de pedir ayuda.",
        "Consumo de alcohol",
        body(
            (
                "Señales comunes",
                "Necesitar más alcohol para sentir lo mismo, sentirse tembloroso o con ansiedad al dejar de beber, "
                "no poder reducirlo y seguir bebiendo a pesar de los problemas en casa o en el trabajo.",
            ),
            (
                "El alcohol y el cuerpo",
                "Beber mucho afecta el hígado, el corazón y el sueño, y aumenta la ansiedad y la depresión.",
            ),
            (
                "Cuándo pedir ayuda",
                "Si reconoce estas señales, hable con un médico: una evaluación médica le ayuda a saber qué nivel "
                "de atención necesita.",
            ),
        ),
    ),
    "sueno": (
        "article",
        "el-sueno-en-la-recuperacion-temprana",
        "El sueño en la recuperación temprana",
        "Dormir mal es común en las primeras semanas sin alcohol ni drogas; el sueño suele mejorar con rutinas "
        "sencillas y con el tiempo.",
        "Salud",
        body(
            (
                "Por qué cuesta dormir",
                "El alcohol ayuda a quedarse dormido, pero interrumpe el sueño profundo. Al dejarlo, el cuerpo tarda "
                "semanas en recuperar su ritmo.",
            ),
            (
                "Hábitos que ayudan",
                "Acuéstese y levántese a la misma hora, evite la cafeína por la tarde y deje el teléfono fuera de "
                "la cama.",
            ),
            (
                "Cuándo hablar con un médico",
                "Si el insomnio dura más de un mes o le lleva a pensar en beber, dígaselo a su médico o a su "
                "consejero. Algunos medicamentos para dormir pueden crear dependencia.",
            ),
        ),
    ),
    "ansiedad": (
        "article",
        "ansiedad-depresion-y-consumo-de-sustancias",
        "Ansiedad, depresión y consumo de sustancias",
        "La ansiedad y la depresión suelen ir de la mano con el consumo de alcohol o drogas, y tratarlas al mismo "
        "tiempo ayuda a la recuperación.",
        "Salud mental",
        body(
            (
                "Por qué van juntas",
                "Muchas personas beben para calmar los nervios o el ánimo bajo, pero el alcohol empeora la ansiedad "
                "al día siguiente.",
            ),
            (
                "Tratar las dos a la vez",
                "La terapia y, cuando hace falta, los medicamentos tratan la ansiedad y la depresión durante el "
                "programa.",
            ),
            (
                "Si piensa en hacerse daño",
                "Llame o envíe un mensaje de texto al 988, la Línea de Prevención del Suicidio y Crisis, a "
                "cualquier hora.",
            ),
        ),
    ),
    "privacidad": (
        "article",
        "se-enterara-mi-empleador-privacidad-en-el-trabajo",
        "¿Se enterará mi empleador? Su privacidad en el trabajo",
        "Solo tiene que decirle a su empleador que necesita una licencia médica; sus registros de tratamiento no se "
        "pueden compartir sin su permiso por escrito.",
        "Trabajo",
        body(
            (
                "Lo que tiene que decir",
                "Su jefe no necesita su diagnóstico. Basta con decir que tiene un problema de salud que necesita "
                "tratamiento y cuántos días faltará.",
            ),
            (
                "Quién puede ver sus registros",
                "Las reglas federales de confidencialidad para el tratamiento del consumo de sustancias (42 CFR "
                "Parte 2) y la ley HIPAA protegen sus registros. Un programa no puede confirmar a nadie, tampoco a "
                "su empleador, que usted es paciente sin su consentimiento firmado.",
            ),
            (
                "Programas de asistencia al empleado",
                "Un programa de asistencia al empleado (EAP) es confidencial y puede recomendarle un tratamiento.",
            ),
        ),
    ),
    "seguridad": (
        "article",
        "como-guardar-los-medicamentos-con-seguridad-en-casa",
        "Cómo guardar los medicamentos con seguridad en casa",
        "Guarde los medicamentos bajo llave y deseche los que ya no use: la seguridad en casa protege a sus hijos y "
        "a sus visitas.",
        "Salud",
        body(
            (
                "Guárdelos bajo llave",
                "Los analgésicos opioides y los sedantes deben estar en un lugar cerrado, lejos de los niños.",
            ),
            (
                "Cómo desechar lo que sobra",
                "Muchas farmacias reciben los medicamentos que ya no usa.",
            ),
            (
                "La naloxona",
                "Tenga naloxona en casa si alguien toma opioides: revierte una sobredosis.",
            ),
        ),
    ),
}

# (query, key of the item in SPANISH_ITEMS that should come first), searched at /es/search/.
SPANISH_QUERIES = [
    # Family and partner
    ("ayuda para mi esposo", "pareja"),
    ("mi esposa bebe demasiado", "pareja"),
    ("marido", "pareja"),
    ("familia", "familias"),
    ("familias", "familias"),
    ("ser querido", "familias"),
    # Paying
    ("seguro médico", "seguro"),
    ("seguro medico", "seguro"),
    ("aseguranza", "seguro"),
    ("cuánto cuesta", "seguro"),
    ("Estimado de Buena Fe", "seguro"),
    ("pago por cuenta propia", "seguro"),
    # The program
    ("tratamiento alcohol", "programa"),
    ("programa ambulatorio intensivo", "programa"),
    ("IOP", "programa"),
    # Language help
    ("hablamos español", "idioma"),
    ("intérprete", "idioma"),
    ("interprete", "idioma"),
    # Work
    ("mantener mi trabajo", "trabajo"),
    ("empleo", "trabajo"),
    # Withdrawal, relapse, groups
    ("abstinencia", "abstinencia"),
    ("abstinensia", "abstinencia"),
    ("convulsiones", "abstinencia"),
    ("recaída", "recaida"),
    ("recaidas", "recaida"),
    ("terapia de grupo", "grupo"),
    ("primera sesión", "grupo"),
    # A common word ("alcohol", "médica") beside the word that names the subject: the subject's item first
    ("señales de alcoholismo", "alcohol"),
    ("soy alcohólico", "alcohol"),
    ("no puedo dormir", "sueno"),
    ("insomnio", "sueno"),
    ("alcohol y sueño", "sueno"),
    ("dormir sin alcohol", "sueno"),
    ("ansiedad", "ansiedad"),
    ("alcohol y ansiedad", "ansiedad"),
    ("depresión", "ansiedad"),
    ("beber para calmar los nervios", "ansiedad"),
    ("FMLA", "trabajo"),
    ("licencia médica FMLA", "trabajo"),
    ("HIPAA", "privacidad"),
    ("confidencialidad médica HIPAA", "privacidad"),
    ("mi empleador se va a enterar", "privacidad"),
    # Safety is not insurance: "seguro" and "seguridad" are different words
    ("seguro", "seguro"),
    ("seguridad en casa", "seguridad"),
    ("guardar medicamentos", "seguridad"),
    ("naloxona", "seguridad"),
]


def make_spanish_items():
    """Publish SPANISH_ITEMS in Spanish, each validated as the admin validates it; {key: the item's address}."""
    import datetime

    from django.utils import timezone
    from django.utils.text import slugify

    from pages.models import Article, ContentPage, Program, Topic

    models = {"article": Article, "page": ContentPage, "program": Program}
    addresses = {}
    for key, (kind, slug, title, summary, extra, text) in SPANISH_ITEMS.items():
        fields = {"language": "es", "slug": slug, "title": title, "summary": summary, "body": text}
        fields |= extra if kind == "program" else {}
        item = models[kind](**fields, status="published", published_at=timezone.now() - datetime.timedelta(minutes=1))
        item.full_clean()
        item.save()
        if kind == "article":
            topic, _ = Topic.objects.get_or_create(slug=f"es-{slugify(extra)}", defaults={"name": extra})
            item.topics.add(topic)
        addresses[key] = item.get_absolute_url()
    return addresses
