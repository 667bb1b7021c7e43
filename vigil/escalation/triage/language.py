"""Which language a patient's message is written in: English, Spanish, or both.

A word-list vote, pure and small. Patients' texts are short (often two to ten words), full of
shorthand and dropped accents, and often mixed ("tengo chest pain desde ayer"); statistical
detectors trained on prose (langdetect, langid, lingua) are least reliable exactly there,
weigh megabytes, and cannot say "both". Here each word that belongs to one language only
(function words, the commonest verbs, the words of the symptoms triage reads) votes for it;
letters only one language uses ("ñ", "¿", "¡", accented vowels) vote too. A message with
votes for both is `mixed`, and `assess` reads it with both engines.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Final

from .lexicon import FOLD

LANGUAGES: Final = ("en", "es")
_WORD: Final = re.compile(r"[^\W\d_]+")


def _words(text: str) -> list[str]:
    return text.split()


# Words (accents folded away) that, in a patient's text, are Spanish and not English.
SPANISH: Final = frozenset(
    _words(
        """
    que q k xq xk pq porque porq por para pa con sin del al la las los el un una unos unas lo le les
    se su sus mi mis tu tus yo usted ustedes ella ellas ellos nosotros nos esta este esto estos estas
    eso esa ese esos esas aqui ahi alli ya muy mucho mucha muchos muchas poco poca mas menos tambien
    tb tmb tampoco pero y o ni nada nadie nunca siempre todo toda todos todas hoy ayer anoche manana
    ahorita ahora luego despues antes desde hasta cuando donde como cual quien porfa porfavor favor gracias
    hola buenas buenos dias tarde noche semana mes estoy esta estamos estan estaba estuve soy es son era
    fue tengo tiene tienes tenes tenemos tienen tenia tuve tuvo hay habia he has ha hemos han hace hizo
    puedo puede puedes podes pueden podia pude siento sientes sentis siente sentir duele duelen dolia
    dolor dolores me te nos mucho bien mal mejor peor poquito bastante demasiado casi otra otro otros
    pecho espalda cabeza pierna piernas brazo brazos cuello cara columna rinon panza barriga estomago
    tos toso tosiendo fiebre calentura sangre sangrando vomito vomitos vomitando diarrea mareo mareado
    mareada cansado cansada cansancio debil debilidad falta aire respirar respiro ahogo ahogado ahogada
    hinchado hinchada hinchazon entumido entumida dormido dormida hormigueo orinar orina caca pipi
    desmaye desmayo convulsion confundido confundida vista hablar caminar caer caido caida quimio
    esposo esposa marido mujer hijo hija hijos hijas mama papa abuela abuelo hermana hermano senora
    senor doctora enfermera llamar llamen llame necesito ayuda si sii sip nop nel neta
    oiga mija mijo ay dios cuerpo mucha fuerte cada vez sigue sigo desde hace
    """
    )
)
# Words that, in a patient's text, are English and not Spanish.
ENGLISH: Final = frozenset(
    _words(
        """
    the an and or but of to in on at for with from by is are was were be been being am im ive id
    i my me mine you your he she his her him they them their we our it its this that these those what
    which who when where why how not dont doesnt didnt cant cannot couldnt wont isnt wasnt havent hasnt
    have has had do does did will would should could can just very really so too also now today
    yesterday tonight tomorrow morning night week still again some any yes yeah yep nope ok okay
    please thanks thank hi hello feel feeling felt got get getting been going went pain hurts hurt
    hurting ache aching sore back chest head leg legs arm arms neck breath breathe breathing breathless
    cough coughing coughed blood bleeding fever temp temperature sick vomit vomited vomiting throw
    threw up weak weakness numb tingling walk walking fall fell dizzy tired headache swollen swelling
    husband wife mum mom dad son daughter nurse call me bad worse better little bit lot lots since
    after before about like out down off over than then there here all much more most
    """
    )
)
# Words both languages write the same way say nothing ("no", "me", "mi" vs "my" differ).
_SHARED: Final = SPANISH & ENGLISH
SPANISH_ONLY: Final = SPANISH - _SHARED
ENGLISH_ONLY: Final = ENGLISH - _SHARED
_SPANISH_MARKS: Final = frozenset("ñ¿¡áéíóú")


@dataclass(frozen=True, slots=True)
class Detected:
    """The votes a message gave each language, and what they decide."""

    en: int
    es: int

    @property
    def language(self) -> str | None:
        """The language with more votes; None on a tie (no sign either way)."""
        if self.en == self.es:
            return None
        return "es" if self.es > self.en else "en"

    @property
    def mixed(self) -> bool:
        """Both languages are written in it (two or more votes each, or one and a clear other)."""
        low, high = sorted((self.en, self.es))
        return low >= 2 or (low >= 1 and high >= 1 and high <= 3)


def votes(text: str) -> Detected:
    """Count the words (and marks) of each language in a message."""
    lowered = text.lower()
    en = es = 0
    for word in _WORD.findall(lowered):
        folded = word.translate(FOLD)
        if folded in SPANISH_ONLY:
            es += 1
        elif folded in ENGLISH_ONLY:
            en += 1
    es += sum(1 for c in lowered if c in _SPANISH_MARKS)
    return Detected(en, es)


def detect(text: str, default: str = "en") -> str:
    """The language a message is written in, or `default` when it gives no sign ("7", "ok")."""
    return votes(text).language or default
