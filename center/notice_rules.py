"""What a Part 2 program's Notice of Privacy Practices must contain, and a check of a notice's text against it.

The site never writes a notice: staff enter the text the center issues (center.models.Notice). This module lists the
elements the rules require, in words for staff, with the rule each comes from, and finds the ones a text plainly
lacks, by the words each element cannot be written without. It cannot tell that a notice is right, only that a
part is missing: the admin's checklist page (center/admin.py) says so beside the list.

Sources (as in force in December 2026):

- 42 CFR 2.22, "Notice to patients of Federal confidentiality requirements", as amended by HHS's final rule
  "Confidentiality of Substance Use Disorder (SUD) Patient Records", 89 FR 12472 (February 16, 2024), compliance
  date February 16, 2026: https://www.ecfr.gov/current/title-42/chapter-I/subchapter-A/part-2/subpart-B/section-2.22
- 45 CFR 164.520, "Notice of privacy practices for protected health information" (HIPAA Privacy Rule):
  https://www.ecfr.gov/current/title-45/subtitle-A/subchapter-C/part-164/subpart-E/section-164.520
- HHS Office for Civil Rights, "Model Notices of Privacy Practices" (updated for the 2024 Part 2 rule, February
  2026): https://www.hhs.gov/hipaa/for-professionals/privacy/guidance/model-notices-privacy-practices/index.html
"""

import datetime
import re
from dataclasses import dataclass

# The 2024 Part 2 rule's compliance date: a notice in effect since before it predates the rule's new content.
PART_2_COMPLIANCE_DATE = datetime.date(2026, 2, 16)

ECFR_2_22 = "https://www.ecfr.gov/current/title-42/chapter-I/subchapter-A/part-2/subpart-B/section-2.22"
ECFR_164_520 = "https://www.ecfr.gov/current/title-45/subtitle-A/subchapter-C/part-164/subpart-E/section-164.520"
HHS_MODEL_NOTICES = (
    "https://www.hhs.gov/hipaa/for-professionals/privacy/guidance/model-notices-privacy-practices/index.html"
)

# 42 CFR 2.22(b)(1)(i): the header, word for word (its bracketed parts are the program's to fill in). Each line must
# appear in the notice; they are matched without regard to case, spacing or bullets.
PRESCRIBED_HEADER_LINES = (
    "Notice of Privacy Practices of",
    "This notice describes",
    "How health information about you may be used and disclosed",
    "Your rights with respect to your health information",
    "How to file a complaint concerning a violation of the privacy or security of your health information, or of "
    "your rights concerning your information",
    "You have a right to a copy of this notice (in paper or electronic form) and to discuss it with",
)


@dataclass(frozen=True)
class Element:
    """One thing the notice must contain: its name and what it asks, for staff, and where the rule says so."""

    name: str
    explanation: str
    source: str
    source_url: str
    # The notice lacks the element when none of these (case-insensitive, on the text with its spacing collapsed)
    # is found in it; each is a phrase the element cannot be written without.
    patterns: tuple

    def found_in(self, text):
        return any(re.search(pattern, text) for pattern in self.patterns)


def _phrase(words):
    return re.escape(words.lower())


ELEMENTS = (
    Element(
        "the prescribed header",
        "The header 42 CFR 2.22(b)(1)(i) prescribes, word for word, at the top of the notice or prominently shown: "
        "“Notice of Privacy Practices of [the program]”, “This notice describes:” how health information about "
        "you may be used and disclosed, your rights with respect to it, how to file a complaint, and that you have "
        "a right to a copy of the notice (in paper or electronic form) and to discuss it with a named person.",
        "42 CFR 2.22(b)(1)(i)",
        ECFR_2_22,
        (r"(?s)" + r".*".join(_phrase(line) for line in PRESCRIBED_HEADER_LINES),),
    ),
    Element(
        "uses and disclosures without consent",
        "Each purpose for which the program may use or disclose records without the patient's written consent.",
        "42 CFR 2.22(b)(1)(ii)(A); 45 CFR 164.520(b)(1)(ii)",
        ECFR_2_22,
        (r"without (your |the patient'?s? )?(prior )?(written )?consent",),
    ),
    Element(
        "uses and disclosures with consent",
        "The uses and disclosures made only with the patient's written consent, and that consent may be revoked.",
        "42 CFR 2.22(b)(1)(ii); 45 CFR 164.520(b)(1)(ii)(E)",
        ECFR_2_22,
        (
            r"\bwith (your |the patient'?s? )?(prior )?(written )?consent",
            r"\bif you (give|sign) (a |your )?(written )?consent",
        ),
    ),
    Element(
        "the bar on use in proceedings",
        "That records, or testimony about them, are not used or disclosed in civil, criminal, administrative or "
        "legislative proceedings against the patient without the patient's consent or a court order.",
        "42 CFR 2.22(b)(1)(ii); 42 CFR 2.12(d)",
        ECFR_2_22,
        (r"civil, criminal, administrative,? (or|and) legislative (proceeding|investigation)",),
    ),
    Element(
        "redisclosure",
        "That records disclosed to others may be redisclosed by them, and the protection Part 2 keeps on them.",
        "42 CFR 2.22(b)(1)(ii); 45 CFR 164.520(b)(1)(ii)(C)",
        ECFR_2_22,
        (r"re-?disclos",),
    ),
    Element(
        "the right to a paper copy",
        "The patient's right to a paper copy of the notice, even after agreeing to receive it electronically.",
        "42 CFR 2.22(b)(1)(iii); 45 CFR 164.520(b)(1)(iv)(F)",
        ECFR_2_22,
        (r"paper copy",),
    ),
    Element(
        "complaints to the program",
        "How to complain to the program itself, and that no one is retaliated against for complaining.",
        "42 CFR 2.22(b)(1)(v); 45 CFR 164.520(b)(1)(vi)",
        ECFR_2_22,
        (r"complain",),
    ),
    Element(
        "complaints to HHS",
        "That the patient may complain to the Secretary of Health and Human Services, and how.",
        "42 CFR 2.22(b)(1)(v); 45 CFR 164.520(b)(1)(vi)",
        ECFR_2_22,
        (
            r"secretary of (the u\.s\. )?(department of )?health and human services",
            r"\bhhs\b",
            r"office for civil rights",
        ),
    ),
    Element(
        "the effective date",
        "The date the notice first takes effect, in its text: the page shows the effective date entered beside it, "
        "but a printed copy carries only the text. It may not be earlier than the date the notice is published.",
        "42 CFR 2.22(b)(1)(vii); 45 CFR 164.520(b)(1)(viii)",
        ECFR_2_22,
        (r"\beffective\b",),
    ),
)


def normalised(text):
    """The text in lower case, markup bullets and spacing collapsed, curly apostrophes made straight."""
    text = text.lower().replace("\u2019", "'")
    text = re.sub(r"^[\s>*•\-#]+", "", text, flags=re.MULTILINE)
    return " ".join(text.split())


def missing_elements(text):
    """The elements (in the order above) that ``text`` plainly lacks."""
    text = normalised(text)
    return [element for element in ELEMENTS if not element.found_in(text)]
