"""What the Notice of nondiscrimination (Section 1557 of the Affordable Care Act, 45 CFR 92.10) says that is not the
center's own: where to complain to the U.S. Department of Health and Human Services, Office for Civil Rights (OCR).

The notice's sentences are HHS's sample wording, in templates/pages/nondiscrimination.html; the center's details
(coordinator, grievance procedure) come from the site settings. Sources, each as published:

- HHS, "Appendix A to Part 92—Sample Notice Informing Individuals About Nondiscrimination and Accessibility
  Requirements and Sample Nondiscrimination Statement", Nondiscrimination in Health Programs and Activities, final
  rule, 81 FR 31375, 31472 (May 18, 2016): the notice's wording and OCR's portal, address, phone and forms below.
  https://www.federalregister.gov/documents/2016/05/18/2016-11458/nondiscrimination-in-health-programs-and-activities
- HHS OCR, "Section 1557: Translated Resources for Covered Entities" (2016), Spanish "Sample Nondiscrimination
  Statement": https://www.hhs.gov/civil-rights/for-individuals/section-1557/translated-resources/index.html
- 45 CFR 92.10 (notice of nondiscrimination) and 92.11 (notice of availability of language assistance services
  and auxiliary aids and services), Nondiscrimination in Health Programs and Activities, final rule, 89 FR 37522
  (May 6, 2024): https://www.ecfr.gov/current/title-45/subtitle-A/subchapter-A/part-92
"""

OCR_COMPLAINT_PORTAL = "https://ocrportal.hhs.gov/ocr/portal/lobby.jsf"
OCR_COMPLAINT_FORMS = "https://www.hhs.gov/ocr/office/file/index.html"
OCR_MAILING_ADDRESS = (
    "U.S. Department of Health and Human Services",
    "200 Independence Avenue, SW",
    "Room 509F, HHH Building",
    "Washington, D.C. 20201",
)
OCR_PHONE = "1-800-368-1019"
OCR_PHONE_HREF = "tel:+18003681019"
OCR_TDD = "800-537-7697"

# HHS's Spanish sample nondiscrimination statement, with the center's name where the sample has "[Name of covered
# entity]". HHS's Spanish translation of the whole notice could not be found in the sources available when this
# was written, so the Spanish page gives this statement and the notice itself in English.
SPANISH_STATEMENT = (
    "{name} cumple con las leyes federales de derechos civiles aplicables y no discrimina por motivos de raza, color, "
    "nacionalidad, edad, discapacidad o sexo."
)
