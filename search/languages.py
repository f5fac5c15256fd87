"""How search reads each language it indexes: its stop words, the words that speak of someone else, and when two
words count as one.

English words are compared as typed: the databases stem them (FTS5's ``porter`` tokenizer, PostgreSQL's
``english`` configuration). Spanish words are compared without accents and reduced to their Snowball stem, as
PostgreSQL's ``spanish_unaccent`` configuration does (search migration 0005); on SQLite, whose FTS5 has no Spanish
stemmer, search/backends.py uses these stems to find the indexed forms of a word ("seguros" finds "seguro").
"""

import functools
import re
import unicodedata

import snowballstemmer
from django.conf import settings
from django.utils import translation

ENGLISH, SPANISH = "en", "es"

# PostgreSQL's English stop list (Snowball's), and "could". FTS5 has no stop list, so dropping these in
# search/query.py makes both databases look for the same words.
_ENGLISH_STOP_WORDS = frozenset([
    "a", "about", "above", "after", "again", "against", "all", "am", "an", "and", "any", "are", "as", "at", "be",
    "because", "been", "before", "being", "below", "between", "both", "but", "by", "can", "could", "did", "do",
    "does", "doing", "don", "down", "during", "each", "few", "for", "from", "further", "had", "has", "have",
    "having", "he", "her", "here", "hers", "herself", "him", "himself", "his", "how", "i", "if", "in", "into", "is",
    "it", "its", "itself", "just", "me", "more", "most", "my", "myself", "no", "nor", "not", "now", "of", "off",
    "on", "once", "only", "or", "other", "our", "ours", "ourselves", "out", "over", "own", "s", "same", "she",
    "should", "so", "some", "such", "t", "than", "that", "the", "their", "theirs", "them", "themselves", "then",
    "there", "these", "they", "this", "those", "through", "to", "too", "under", "until", "up", "very", "was", "we",
    "were", "what", "when", "where", "which", "while", "who", "whom", "why", "will", "with", "you", "your", "yours",
    "yourself", "yourselves"
])  # fmt: skip
# PostgreSQL's Spanish stop list (Snowball's), as spanish.stop spells it; compared without accents.
_SPANISH_STOP_WORDS = """
de la que el en y a los del se las por un para con no una su al lo como más pero sus le ya o este sí porque esta
entre cuando muy sin sobre también me hasta hay donde quien desde todo nos durante todos uno les ni contra otros
ese eso ante ellos e esto mí antes algunos qué unos yo otro otras otra él tanto esa estos mucho quienes nada muchos
cual poco ella estar estas algunas algo nosotros mi mis tú te ti tu tus ellas nosotras vosostros vosostras os mío
mía míos mías tuyo tuya tuyos tuyas suyo suya suyos suyas nuestro nuestra nuestros nuestras vuestro vuestra
vuestros vuestras esos esas estoy estás está estamos estáis están esté estés estemos estéis estén estaré estarás
estará estaremos estaréis estarán estaría estarías estaríamos estaríais estarían estaba estabas estábamos estabais
estaban estuve estuviste estuvo estuvimos estuvisteis estuvieron estuviera estuvieras estuviéramos estuvierais
estuvieran estuviese estuvieses estuviésemos estuvieseis estuviesen estando estado estada estados estadas estad he
has ha hemos habéis han haya hayas hayamos hayáis hayan habré habrás habrá habremos habréis habrán habría habrías
habríamos habríais habrían había habías habíamos habíais habían hube hubiste hubo hubimos hubisteis hubieron
hubiera hubieras hubiéramos hubierais hubieran hubiese hubieses hubiésemos hubieseis hubiesen habiendo habido
habida habidos habidas soy eres es somos sois son sea seas seamos seáis sean seré serás será seremos seréis serán
sería serías seríamos seríais serían era eras éramos erais eran fui fuiste fue fuimos fuisteis fueron fuera fueras
fuéramos fuerais fueran fuese fueses fuésemos fueseis fuesen sintiendo sentido sentida sentidos sentidas siente
sentid tengo tienes tiene tenemos tenéis tienen tenga tengas tengamos tengáis tengan tendré tendrás tendrá
tendremos tendréis tendrán tendría tendrías tendríamos tendríais tendrían tenía tenías teníamos teníais tenían tuve
tuviste tuvo tuvimos tuvisteis tuvieron tuviera tuvieras tuviéramos tuvierais tuvieran tuviese tuvieses
tuviésemos tuvieseis tuviesen teniendo tenido tenida tenidos tenidas tened
""".split()  # noqa: SIM905 - the list as PostgreSQL prints it, 313 words

# Words that say a search is about someone else, whom the family reading on an empty results page is for.
_SOMEONE_ELSE = {
    ENGLISH: [
        "boyfriend", "brother", "child", "children", "dad", "daughter", "family", "father", "friend", "girlfriend",
        "he", "her", "him", "his", "husband", "kid", "kids", "loved", "mom", "mother", "parent", "partner", "she",
        "sibling", "sister", "son", "spouse", "teen", "teenager", "wife",
    ],
    SPANISH: [
        "adolescente", "amiga", "amigo", "ella", "esposa", "esposo", "familia", "familiar", "hermana",
        "hermano", "hija", "hijo", "hijos", "madre", "mama", "marido", "mujer", "novia", "novio", "padre", "papa",
        "pareja", "querida", "querido",
    ],
}  # fmt: skip
# What an empty search about someone else offers to read instead: the word for family.
FAMILY_WORD = {ENGLISH: "family", SPANISH: "familia"}


def without_accents(text):
    """The text with its accents and tildes dropped ("médico" → "medico", "año" → "ano"), as PostgreSQL's
    ``unaccent`` and FTS5's ``remove_diacritics`` drop them."""
    decomposed = unicodedata.normalize("NFKD", text)
    return unicodedata.normalize("NFC", "".join(c for c in decomposed if not unicodedata.combining(c)))


@functools.cache
def _spanish_stemmer():
    return snowballstemmer.stemmer("spanish")


# Snowball cuts "-idad" off a noun, which makes a quality one word with its adjective: "seguridad" (safety) with
# "seguro" (insurance, or safe), "comunidad" with "común", "universidad" with "universo". A reader means another
# thing by each, so these nouns keep their own stem ("seguridades" → "seguridad").
_QUALITY_NOUN = re.compile(r"(\w+idad)(?:es)?")


def normalised(word, language):
    """The form two words share when search treats them as one: Spanish words without accents, stemmed
    ("Médicos" and "medico" → "medic"), a noun in "-idad" kept apart from its adjective ("seguridad" is not
    "seguro"); English words as they are (the databases stem those themselves)."""
    if language == SPANISH:
        folded = without_accents(word.lower())
        quality_noun = _QUALITY_NOUN.fullmatch(folded)
        return quality_noun.group(1) if quality_noun else _spanish_stemmer().stemWord(folded)
    return word


STOP_WORDS = {
    ENGLISH: _ENGLISH_STOP_WORDS,
    SPANISH: frozenset(without_accents(word) for word in _SPANISH_STOP_WORDS),
}
SOMEONE_ELSE = {language: frozenset(words) for language, words in _SOMEONE_ELSE.items()}


def is_stop_word(word, language):
    return (without_accents(word) if language == SPANISH else word) in STOP_WORDS[language]


def speaks_of_someone_else(words, language):
    """Whether any of these lower-case words names a relative, partner or friend."""
    folded = {without_accents(word) for word in words} if language == SPANISH else set(words)
    return not SOMEONE_ELSE[language].isdisjoint(folded)


def search_language(language=None):
    """The language searched: the one given or the active one (the address gives it: /es/…), if the site has it;
    else the site's default."""
    language = language or translation.get_language() or settings.LANGUAGE_CODE
    return language if language in STOP_WORDS else settings.LANGUAGE_CODE
