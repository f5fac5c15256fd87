"""The private self-check: published, validated screening questions, scored in memory and never kept.

Nothing here writes anywhere: the answers arrive in a POST body, are scored by ``SelfCheckForm.result()`` and go
back to the browser that sent them inside the answer page, which no cache stores (pages/views.py, ``self_check``).

The questions are never ours. Each is quoted word for word from its published source in each language, named
below; a question without a published version in the page's language is shown in the language it was published
in, marked as such (``Question.text_for``), never translated here. The screens are in the public domain: the
AUDIT is a WHO instrument ("As a WHO-approved instrument, the AUDIT is in the public domain": HL7 US Core, AUDIT-C
Questionnaire, https://build.fhir.org/ig/HL7/US-Core/en/Questionnaire-AUDIT-C.html), and the single drug question was
published from NIH-funded research (PMC2911954).
"""

from dataclasses import dataclass

from django import forms
from django.utils.translation import gettext_lazy

# Alcohol: AUDIT questions 1 to 3 (the AUDIT-C), in the interview wording of Box 4 of
#   English: Babor TF, Higgins-Biddle JC, Saunders JB, Monteiro MG. "AUDIT: The Alcohol Use Disorders Identification
#     Test. Guidelines for Use in Primary Care", second edition. World Health Organization, 2001
#     (WHO/MSD/MSB/01.6a), https://iris.who.int/handle/10665/67205
#   Spanish: the same manual in the WHO's Spanish edition, "AUDIT. Cuestionario de Identificación de los Trastornos
#     debidos al Consumo de Alcohol. Pautas para su utilización en Atención Primaria". Organización Mundial de la
#     Salud, 2001 (WHO/MSD/MSB/01.6a; Spanish translation by the Generalitat Valenciana, Conselleria de Benestar
#     Social), Cuadro 4. The wording was checked against reproductions of it (no copy at the WHO was reachable
#     from here), e.g. http://www.asociacionaralba.es/p/text-audit.html
#   Its Cuadro 4 prints question 2 as "¿Cuantas consumiciones…" without the written accent, which is restored here
#   (as reproductions of the manual's questionnaire table print it); nothing else differs from the published wording.
# Scoring: each answer 0-4, the AUDIT-C total 0-12; a positive screen is 4 or more for men and 3 or more for women:
#   Bush K, Kivlahan DR, McDonell MB, Fihn SD, Bradley KA. "The AUDIT alcohol consumption questions (AUDIT-C): an
#   effective brief screening test for problem drinking". Arch Intern Med. 1998;158(16):1789-1795,
#   https://pubmed.ncbi.nlm.nih.gov/9738608/; Bradley KA et al., Arch Intern Med. 2003;163(7):821-829, PMID 12695273;
#   and as the Military Health System states it, "Screening for Alcohol Misuse",
#   https://hearing.health.mil/MHSHome/Military-Health-Topics/Centers-of-Excellence/
#   Psychological-Health-Center-of-Excellence/PHCoE-Clinician-Resources/Alcohol-Misuse/Screening-for-Alcohol-Misuse
#   The self-check does not ask a visitor's sex: the answer names both lines.
# Other drugs: the single-question screen of Smith PC, Schmidt SM, Allensworth-Davies D, Saitz R. "A Single-Question
#   Screening Test for Drug Use in Primary Care". Arch Intern Med. 2010;170(13):1155-1160, doi:10.1001/
#   archinternmed.2010.140, https://pubmed.ncbi.nlm.nih.gov/20625025/ (NIH-funded): "A response of at least 1
#   time was considered positive for drug use." No published, validated Spanish version of it was found (searched
#   December 2026), so Spanish pages show it in English.
AUDIT_C_POSITIVE_FOR_WOMEN = 3
AUDIT_C_POSITIVE_FOR_MEN = 4
DRUG_USE_POSITIVE = 1
# A bound on the number typed, so that a stray key press reads as a mistake to fix, not an answer.
DRUG_USE_MAX_TIMES = 10000


@dataclass(frozen=True)
class Question:
    """A published question: its wording and its answers' wording by language, and each answer's points."""

    name: str
    text: dict  # {language: wording}
    answers: tuple = ()  # (value, points, {language: wording}) for a question with set answers

    def language_for(self, language):
        """The language the question is shown in on a page in ``language``: its own when it was published in it."""
        return language if language in self.text else "en"

    def text_for(self, language):
        return self.text[self.language_for(language)]

    def choices_for(self, language):
        shown_in = self.language_for(language)
        return [(value, wording[shown_in]) for value, _points, wording in self.answers]

    def points(self, value):
        return next(points for answer, points, _wording in self.answers if answer == value)


HOW_OFTEN = Question(
    "how_often",
    {
        "en": "How often do you have a drink containing alcohol?",
        "es": "¿Con qué frecuencia consume alguna bebida alcohólica?",
    },
    (
        ("never", 0, {"en": "Never", "es": "Nunca"}),
        ("monthly-or-less", 1, {"en": "Monthly or less", "es": "Una o menos veces al mes"}),
        ("2-4-a-month", 2, {"en": "2 to 4 times a month", "es": "De 2 a 4 veces al mes"}),
        ("2-3-a-week", 3, {"en": "2 to 3 times a week", "es": "De 2 a 3 veces a la semana"}),
        ("4-or-more-a-week", 4, {"en": "4 or more times a week", "es": "4 o más veces a la semana"}),
    ),
)  # fmt: skip
HOW_MANY = Question(
    "how_many",
    {
        "en": "How many drinks containing alcohol do you have on a typical day when you are drinking?",
        "es": "¿Cuántas consumiciones de bebidas alcohólicas suele realizar en un día de consumo normal?",
    },
    (
        ("1-2", 0, {"en": "1 or 2", "es": "1 o 2"}),
        ("3-4", 1, {"en": "3 or 4", "es": "3 o 4"}),
        ("5-6", 2, {"en": "5 or 6", "es": "5 o 6"}),
        ("7-9", 3, {"en": "7, 8, or 9", "es": "7, 8, o 9"}),
        ("10-or-more", 4, {"en": "10 or more", "es": "10 o más"}),
    ),
)  # fmt: skip
SIX_OR_MORE = Question(
    "six_or_more",
    {
        "en": "How often do you have six or more drinks on one occasion?",
        "es": "¿Con qué frecuencia toma 6 o más bebidas alcohólicas en un solo día?",
    },
    (
        ("never", 0, {"en": "Never", "es": "Nunca"}),
        ("less-than-monthly", 1, {"en": "Less than monthly", "es": "Menos de una vez al mes"}),
        ("monthly", 2, {"en": "Monthly", "es": "Mensualmente"}),
        ("weekly", 3, {"en": "Weekly", "es": "Semanalmente"}),
        ("daily", 4, {"en": "Daily or almost daily", "es": "A diario o casi a diario"}),
    ),
)  # fmt: skip
AUDIT_C = (HOW_OFTEN, HOW_MANY, SIX_OR_MORE)
DRUG_USE = Question(
    "drug_use_times",
    {
        "en": "How many times in the past year have you used an illegal drug or used a prescription medication for "
        "nonmedical reasons?"
    },
)


@dataclass(frozen=True)
class Result:
    """What the answers add up to; None for a screen left unanswered."""

    audit_c: int | None
    never_drinks: bool
    drug_use_times: int | None

    @property
    def audit_c_positive_for_everyone(self):
        return self.audit_c is not None and self.audit_c >= AUDIT_C_POSITIVE_FOR_MEN

    @property
    def audit_c_positive_for_women_only(self):
        return self.audit_c is not None and AUDIT_C_POSITIVE_FOR_WOMEN <= self.audit_c < AUDIT_C_POSITIVE_FOR_MEN

    @property
    def drug_use_positive(self):
        return self.drug_use_times is not None and self.drug_use_times >= DRUG_USE_POSITIVE

    @property
    def worth_talking_over(self):
        """True when either screen is positive (for anyone): the answer then suggests talking to someone."""
        return self.audit_c_positive_for_everyone or self.audit_c_positive_for_women_only or self.drug_use_positive


class SelfCheckForm(forms.Form):
    """The questions in the page's language; either screen may be left out, but not both, nor half of the AUDIT-C.

    The AUDIT's own rule applies: someone who never drinks skips questions 2 and 3.
    """

    def __init__(self, *args, language, **kwargs):
        super().__init__(*args, **kwargs)
        for question in AUDIT_C:
            self.fields[question.name] = forms.ChoiceField(
                label=question.text_for(language),
                choices=question.choices_for(language),
                widget=forms.RadioSelect(attrs={"class": "form-check-input"}),
                required=False,
            )
        self.fields[DRUG_USE.name] = forms.IntegerField(
            label=DRUG_USE.text_for(language),
            min_value=0,
            max_value=DRUG_USE_MAX_TIMES,
            required=False,
            error_messages={
                "invalid": gettext_lazy("Please type a whole number of times, such as 0, 1 or 12."),
                "min_value": gettext_lazy("Please type 0 or a higher number."),
                "max_value": gettext_lazy("Please type a number no higher than %(limit_value)s."),
            },
        )
        self.language = language

    def alcohol_questions(self):
        """(field, language it is shown in) for each AUDIT-C question, in order."""
        return [(self[question.name], question.language_for(self.language)) for question in AUDIT_C]

    def drug_question(self):
        return self[DRUG_USE.name], DRUG_USE.language_for(self.language)

    def clean(self):
        data = super().clean()
        drinks = [data.get(question.name) for question in AUDIT_C]
        never = drinks[0] == "never"
        if never:
            drinks = drinks[:1]
        missing = [question for question, value in zip(AUDIT_C, drinks, strict=False) if not value]
        drug_use_answered = data.get(DRUG_USE.name) is not None or DRUG_USE.name in self.errors
        if len(missing) == len(drinks) and not drug_use_answered:
            raise forms.ValidationError(
                gettext_lazy("Please answer the questions about alcohol, the question about drugs, or both.")
            )
        if missing and len(missing) < len(AUDIT_C):
            for question in missing:
                self.add_error(
                    question.name,
                    gettext_lazy("Please choose an answer to each question about alcohol, or leave all three empty."),
                )
        return data

    def result(self):
        """Score the valid answers (call after is_valid())."""
        data = self.cleaned_data
        never = data.get(HOW_OFTEN.name) == "never"
        answered = [question for question in AUDIT_C if data.get(question.name)]
        audit_c = None
        if never:
            audit_c = 0
        elif answered:
            audit_c = sum(question.points(data[question.name]) for question in AUDIT_C)
        return Result(audit_c=audit_c, never_drinks=never, drug_use_times=data.get(DRUG_USE.name))
