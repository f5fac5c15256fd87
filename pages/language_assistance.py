"""Taglines for the language-assistance page: one sentence in each of the languages, after English and Spanish,
that Sacramento's residents with limited English most often speak, saying free language help is available and
the number to call.

Each is the U.S. Department of Health and Human Services, Office for Civil Rights' sample tagline for Section 1557
of the Affordable Care Act ("Translated Resources for Covered Entities", 2016:
https://www.hhs.gov/civil-rights/for-individuals/section-1557/translated-resources/index.html), in its wording,
with the sample's "1-xxx-xxx-xxxx (TTY: 1-xxx-xxx-xxxx)" replaced by the center's number (it has no TTY number of
its own). They are kept here, not in the .po: they are not translations of the site's English, and each stays as
HHS published it.
"""

from dataclasses import dataclass

from django.utils.html import format_html


@dataclass(frozen=True)
class Tagline:
    language: str  # the BCP 47 tag of its ``lang`` attribute
    name: str  # the language's name in the language itself, as the tagline's label
    text: str  # with {phone} where the number goes

    def with_phone(self, phone_html):
        """The tagline with the center's number (a link, or the placeholder while it is not set)."""
        return format_html(self.text, phone=phone_html)


TAGLINES = [
    Tagline(
        "zh-Hant",
        "繁體中文",
        "注意：如果您使用繁體中文，您可以免費獲得語言援助服務。請致電 {phone}。",
    ),
    Tagline(
        "vi",
        "Tiếng Việt",
        "CHÚ Ý: Nếu bạn nói Tiếng Việt, có các dịch vụ hỗ trợ ngôn ngữ miễn phí dành cho bạn. Gọi số {phone}.",
    ),
    Tagline(
        "ru",
        "Русский",
        "ВНИМАНИЕ: Если вы говорите на русском языке, то вам доступны бесплатные услуги перевода. Звоните {phone}.",
    ),
    Tagline(
        "hmn",
        "Hmoob",
        "LUS CEEV: Yog tias koj hais lus Hmoob, cov kev pab txog lus, muaj kev pab dawb rau koj. Hu rau {phone}.",
    ),
    Tagline(
        "pa",
        "ਪੰਜਾਬੀ",
        "ਧਿਆਨ ਦਿਓ: ਜੇ ਤੁਸੀਂ ਪੰਜਾਬੀ ਬੋਲਦੇ ਹੋ, ਤਾਂ ਭਾਸ਼ਾ ਵਿੱਚ ਸਹਾਇਤਾ ਸੇਵਾ ਤੁਹਾਡੇ ਲਈ ਮੁਫਤ ਉਪਲਬਧ ਹੈ। {phone} 'ਤੇ ਕਾਲ ਕਰੋ।",
    ),
    Tagline(
        "tl",
        "Tagalog",
        "PAUNAWA: Kung nagsasalita ka ng Tagalog, maaari kang gumamit ng mga serbisyo ng tulong sa wika nang walang "
        "bayad. Tumawag sa {phone}.",
    ),
]
