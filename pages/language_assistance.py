"""Taglines for the language-assistance page: one sentence in each of the 15 languages HHS lists as most spoken by
people with limited English in California, saying free language help is available and the number to call.

Section 1557 of the Affordable Care Act (45 CFR 92.11, 89 FR 37522, May 6, 2024) asks for the notice in at least
the 15 languages most spoken by people with limited English proficiency in the State. Which 15: HHS Office for
Civil Rights, "Top 15 Non-English Languages by State" (2016), California: Spanish, Chinese, Vietnamese, Tagalog,
Korean, Armenian, Persian (Farsi), Russian, Japanese, Arabic, Punjabi, Mon-Khmer (Cambodian), Hmong, Hindi, Thai
(https://www.hhs.gov/sites/default/files/resources-for-covered-entities-top-15-languages-list.pdf). Spanish has the
page's own statement (the site is in Spanish too); the other 14 are below, in that order.

Each is HHS OCR's sample tagline ("Section 1557: Translated Resources for Covered Entities", 2016:
https://www.hhs.gov/civil-rights/for-individuals/section-1557/translated-resources/index.html), in its wording,
with the sample's "1-xxx-xxx-xxxx (TTY: 1-xxx-xxx-xxxx)" replaced by the center's number (it has no TTY number of
its own; the page gives the 711 relay instead). Two taglines differ from a copy-paste of the sample, each on
purpose:

- Arabic: the sample leaves its placeholder "اذكر اللغة" ("name the language") where the language goes; it holds
  the language's name here ("اللغة العربية"), as the phone number fills the sample's number.
- Armenian and Thai: the sample's closing "Call 1-xxx-xxx-xxxx" sentence could not be checked against a faithful
  copy, so the tagline stops at the first sentence and the page gives the number after it.

They are kept here, not in the .po: they are not translations of the site's English, and each stays as HHS
published it.
"""

from dataclasses import dataclass

from django.utils.html import format_html

PHONE = "{phone}"


@dataclass(frozen=True)
class Tagline:
    language: str  # the BCP 47 tag of its ``lang`` attribute
    name: str  # the language's name in the language itself, as the tagline's label
    text: str  # with {phone} where the number goes, or none: the number then follows the tagline
    direction: str = "ltr"  # "rtl" for Arabic and Persian, the ``dir`` attribute

    def with_phone(self, phone_html):
        """The tagline with the center's number (a link, or the placeholder while it is not set).

        In a right-to-left tagline the number is isolated (``bdi``), so its digits and brackets keep their order.
        """
        if self.direction == "rtl":
            phone_html = format_html("<bdi>{}</bdi>", phone_html)
        text = self.text if PHONE in self.text else f"{self.text} {PHONE}"
        return format_html(text, phone=phone_html)


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
        "tl",
        "Tagalog",
        "PAUNAWA: Kung nagsasalita ka ng Tagalog, maaari kang gumamit ng mga serbisyo ng tulong sa wika nang walang "
        "bayad. Tumawag sa {phone}.",
    ),
    Tagline(
        "ko",
        "한국어",
        "주의: 한국어를 사용하시는 경우, 언어 지원 서비스를 무료로 이용하실 수 있습니다. {phone} 번으로 전화해 "
        "주십시오.",
    ),
    Tagline(
        "hy",
        "Հայերեն",
        "ՈՒՇԱԴՐՈՒԹՅՈՒՆ՝ Եթե խոսում եք հայերեն, ապա ձեզ անվճար կարող են տրամադրվել լեզվական աջակցության "
        "ծառայություններ:",
    ),
    Tagline(
        "fa",
        "فارسی",
        "توجه: اگر به زبان فارسی گفتگو می کنید، تسهیلات زبانی بصورت رایگان برای شما فراهم می باشد. با {phone} تماس "
        "بگیرید.",
        direction="rtl",
    ),
    Tagline(
        "ru",
        "Русский",
        "ВНИМАНИЕ: Если вы говорите на русском языке, то вам доступны бесплатные услуги перевода. Звоните {phone}.",
    ),
    Tagline(
        "ja",
        "日本語",
        "注意事項：日本語を話される場合、無料の言語支援をご利用いただけます。{phone}まで、お電話にてご連絡ください。",
    ),
    Tagline(
        "ar",
        "العربية",
        "ملحوظة: إذا كنت تتحدث اللغة العربية، فإن خدمات المساعدة اللغوية تتوافر لك بالمجان. اتصل برقم {phone}.",
        direction="rtl",
    ),
    Tagline(
        "pa",
        "ਪੰਜਾਬੀ",
        "ਧਿਆਨ ਦਿਓ: ਜੇ ਤੁਸੀਂ ਪੰਜਾਬੀ ਬੋਲਦੇ ਹੋ, ਤਾਂ ਭਾਸ਼ਾ ਵਿੱਚ ਸਹਾਇਤਾ ਸੇਵਾ ਤੁਹਾਡੇ ਲਈ ਮੁਫਤ ਉਪਲਬਧ ਹੈ। {phone} 'ਤੇ ਕਾਲ ਕਰੋ।",
    ),
    Tagline(
        "km",
        "ខ្មែរ",
        "ប្រយ័ត្ន៖ បើសិនជាអ្នកនិយាយ ភាសាខ្មែរ, សេវាជំនួយផ្នែកភាសា ដោយមិនគិតឈ្នួល គឺអាចមានសំរាប់បំរើអ្នក។ ចូរ ទូរស័ព្ទ {phone}។",
    ),
    Tagline(
        "hmn",
        "Hmoob",
        "LUS CEEV: Yog tias koj hais lus Hmoob, cov kev pab txog lus, muaj kev pab dawb rau koj. Hu rau {phone}.",
    ),
    Tagline(
        "hi",
        "हिन्दी",
        "ध्यान दें: यदि आप हिंदी बोलते हैं तो आपके लिए मुफ्त में भाषा सहायता सेवाएं उपलब्ध हैं। {phone} पर कॉल करें।",
    ),
    Tagline(
        "th",
        "ไทย",
        "เรียน: ถ้าคุณพูดภาษาไทยคุณสามารถใช้บริการช่วยเหลือทางภาษาได้ฟรี",
    ),
]
