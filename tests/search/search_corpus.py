"""The relevance set: realistic articles and the queries a visitor would type, each with the article it should find.

The articles are general recovery information written for this test; they state nothing about the center itself.
"""

ARTICLES = {
    "keeping-your-job-during-treatment": (
        "Keeping Your Job While You Get Treatment",
        "Outpatient care lets many people keep working. What to tell your employer and which laws protect you.",
        "Work",
        "## Talking to your employer\n\nYou can ask for schedule changes without sharing every detail. "
        "## Your rights\n\nThe Family and Medical Leave Act and the Americans with Disabilities Act may protect "
        "your position while you are in treatment. Many people attend evening sessions after their shift.",
    ),
    "what-happens-in-detox": (
        "What Happens During Detox",
        "Withdrawal can be uncomfortable and sometimes dangerous. Why medical supervision matters.",
        "Treatment",
        "## Withdrawal symptoms\n\nShaking, sweating, anxiety and trouble sleeping are common in the first days. "
        "Alcohol and benzodiazepine withdrawal can cause seizures, so never stop suddenly without a doctor.",
    ),
    "helping-a-loved-one-accept-help": (
        "How to Help a Loved One Accept Help",
        "Calm conversations work better than confrontation. Ways families can encourage someone to start treatment.",
        "Family",
        "## Choose the moment\n\nTalk when your loved one is sober and calm. Use I statements and describe "
        "what you have seen. ## Look after yourself\n\nSupport groups for families can help you stay steady.",
    ),
    "understanding-relapse": (
        "Understanding Relapse and How to Come Back From It",
        "A slip is not the end of recovery. How to notice warning signs early and return to your plan.",
        "Relapse prevention",
        "## Warning signs\n\nSkipping meetings, isolating and romanticising past use often come before a relapse. "
        "## After a setback\n\nCall your counselor, be honest about what happened, and adjust your plan.",
    ),
    "paying-for-treatment-with-insurance": (
        "Paying for Treatment: Insurance and Costs",
        "Most health plans cover some addiction treatment. Questions to ask your insurer before you start.",
        "Insurance",
        "## What plans cover\n\nMental health parity laws require many plans to cover substance use treatment. "
        "Ask about deductibles, copays, prior authorization and which providers are in network.",
    ),
    "sleep-in-early-recovery": (
        "Sleep in Early Recovery",
        "Insomnia is common after you stop drinking or using. Habits that help your sleep return.",
        "Wellness",
        "## Why sleep is hard\n\nYour brain chemistry is adjusting. ## Habits that help\n\nKeep a regular bedtime, "
        "limit caffeine after noon, and keep screens out of the bedroom. Insomnia usually eases over weeks.",
    ),
    "alcohol-use-disorder-signs": (
        "Signs of Alcohol Use Disorder",
        "Drinking more than you meant to, cravings, and hiding how much you drink can be signs it is time to get help.",
        "Alcohol",
        "## Common signs\n\nTolerance, withdrawal symptoms, failed attempts to cut down and drinking despite "
        "problems at home or work. A doctor or counselor can assess how severe it is.",
    ),
    "what-is-an-intensive-outpatient-program": (
        "What Is an Intensive Outpatient Program?",
        "IOP offers structured group and individual therapy several days a week while you live at home.",
        "Treatment",
        "## How it works\n\nSessions usually run a few hours, three to five days a week. ## Who it suits\n\n"
        "People who need more support than weekly counseling but do not need residential care.",
    ),
    "group-therapy-what-to-expect": (
        "Group Therapy: What to Expect",
        "Your first group session can feel daunting. What happens in the room and why sharing helps.",
        "Therapy",
        "## The first session\n\nA counselor guides the conversation and you may simply listen. Groups practise "
        "coping skills, share progress and hold each other accountable with kindness.",
    ),
    "cravings-and-triggers": (
        "Coping With Cravings and Triggers",
        "Cravings pass. Practical ways to ride them out and to spot the people, places and feelings that set them off.",
        "Relapse prevention",
        "## Urge surfing\n\nNotice the craving, breathe, and let it rise and fall. ## Know your triggers\n\n"
        "Stress, certain friends, payday and boredom are common triggers. Plan what you will do instead.",
    ),
    "opioid-addiction-and-medication": (
        "Opioid Addiction and Medication-Assisted Treatment",
        "Buprenorphine, methadone and naltrexone reduce cravings and the risk of overdose.",
        "Opioids",
        "## How medication helps\n\nMedication for opioid use disorder steadies brain chemistry so therapy can work. "
        "Naloxone reverses an overdose; keep it at home if someone you live with uses opioids.",
    ),
    "anxiety-depression-and-substance-use": (
        "Anxiety, Depression and Substance Use",
        "Many people drink or use to cope with anxiety or depression. Why treating both together works better.",
        "Mental health",
        "## Co-occurring disorders\n\nWhen mental health conditions and addiction occur together, integrated care "
        "addresses both. Therapy and, where needed, medication can ease anxiety without alcohol.",
    ),
    "teenagers-and-vaping": (
        "Teenagers, Vaping and Cannabis",
        "How parents can talk with a teen about vaping nicotine or cannabis without starting a fight.",
        "Family",
        "## Start with curiosity\n\nAsk what your teen knows and listen. ## Know the risks\n\nNicotine and "
        "high-potency cannabis affect the developing brain and can make anxiety worse.",
    ),
    "building-a-sober-support-network": (
        "Building a Sober Support Network",
        "Recovery is easier with people around you who understand. Where to find them and how to keep them.",
        "Community",
        "## Where to look\n\nMutual-help meetings, alumni groups, sober sports clubs and faith communities. "
        "## Keep in touch\n\nA daily call or message to someone in recovery keeps you connected.",
    ),
    "telehealth-therapy-sessions": (
        "Telehealth Therapy Sessions From Home",
        "Video sessions can make counseling fit around childcare, travel and shifts. How to prepare for one.",
        "Therapy",
        "## Preparing\n\nFind a private room, test your camera and keep headphones nearby. Online sessions follow "
        "the same confidentiality rules as sessions in person.",
    ),
    "nutrition-in-recovery": (
        "Nutrition in Recovery",
        "Regular meals steady your mood and energy. Simple eating habits that support healing.",
        "Wellness",
        "## Eat regularly\n\nSkipping meals can feel like a craving. Protein, whole grains, fruit and water help "
        "your body repair. Alcohol often depletes vitamins such as thiamine.",
    ),
}

# (query, slug of the article that should come first)
QUERIES = [
    ("job", "keeping-your-job-during-treatment"),
    ("can I keep working", "keeping-your-job-during-treatment"),
    ("tell my employer", "keeping-your-job-during-treatment"),
    ("career", "keeping-your-job-during-treatment"),
    ("detox", "what-happens-in-detox"),
    ("withdrawal symptoms", "what-happens-in-detox"),
    ("seizures", "what-happens-in-detox"),
    ("help my son accept treatment", "helping-a-loved-one-accept-help"),
    ("loved one", "helping-a-loved-one-accept-help"),
    ("relapse", "understanding-relapse"),
    ("slipped", "understanding-relapse"),
    ("insurance", "paying-for-treatment-with-insurance"),
    ("how much does it cost", "paying-for-treatment-with-insurance"),
    ("copay", "paying-for-treatment-with-insurance"),
    ("can't sleep", "sleep-in-early-recovery"),
    ("insomnia", "sleep-in-early-recovery"),
    ("am I an alcoholic", "alcohol-use-disorder-signs"),
    ("drinking too much", "alcohol-use-disorder-signs"),
    ("IOP", "what-is-an-intensive-outpatient-program"),
    ("intensive outpatient program", "what-is-an-intensive-outpatient-program"),
    ("group therapy", "group-therapy-what-to-expect"),
    ("first group session", "group-therapy-what-to-expect"),
    ("cravings", "cravings-and-triggers"),
    ("triggers", "cravings-and-triggers"),
    ("methadone", "opioid-addiction-and-medication"),
    ("naloxone overdose", "opioid-addiction-and-medication"),
    ("fentanyl opioids", "opioid-addiction-and-medication"),
    ("anxiety", "anxiety-depression-and-substance-use"),
    ("depression and drinking", "anxiety-depression-and-substance-use"),
    ("vaping teen", "teenagers-and-vaping"),
    ("sober friends", "building-a-sober-support-network"),
    ("online therapy from home", "telehealth-therapy-sessions"),
    ("video counseling", "telehealth-therapy-sessions"),
    ("what to eat", "nutrition-in-recovery"),
    ("vitamins", "nutrition-in-recovery"),
]
