"""What the law of her council says about support, facilities and hours: one paragraph per
council, for the hours document.

Checked on 03-12-2026 against the consolidated texts on wetten.overheid.nl: WOR
(BWBR0002747, valid from 18-02-2023), WMS (BWBR0020685, from 01-08-2025) and Wmcz 2018
(BWBR0042294, from 05-07-2025). No law sets an hours norm for the ambtelijk secretaris, and
none of the three uses that word. Each sentence says no more than the article it names.
"""

from __future__ import annotations

from collections.abc import Mapping
from types import MappingProxyType

from asmo_cli.core.council import Council

_WOR = (
    "De WOR kent geen urennorm voor de ambtelijk secretaris, en spreekt ook niet van een "
    "ambtelijk secretaris, maar wel van wie met het secretariaat van de OR is belast: voor die "
    "persoon geldt dezelfde geheimhoudingsplicht als voor de OR-leden (artikel 20 lid 2), en "
    "wie de ondernemer voor het secretariaat aan de OR heeft toegevoegd, mag daardoor niet "
    "worden benadeeld (artikel 21). Het reglement van de OR regelt hoe in het secretariaat "
    "wordt voorzien (artikel 14 lid 2 sub e). Voor OR- en commissieleden stellen ondernemer en "
    "OR in overleg vast hoeveel uren zij redelijkerwijs nodig hebben (artikel 18 lid 3). "
    "Dezelfde maatstaf ligt voor de ondersteuning van de OR voor de hand, maar dat staat niet "
    "in de wet. Een recht op een ambtelijk secretaris geeft de WOR ook niet. Wel laat de "
    "ondernemer de OR gebruikmaken van de voorzieningen die de OR redelijkerwijs nodig heeft "
    "(artikel 17), en ambtelijke ondersteuning kan daar een van zijn; de kosten die de OR "
    "redelijkerwijs maakt, zijn voor de ondernemer (artikel 22). Sommige cao's noemen de "
    "ambtelijke ondersteuning in uren: kijk dus ook in de cao en in het convenant."
)
_OTHER_LAWS = (
    " Voor een medezeggenschapsraad op een school (Wet medezeggenschap op scholen) of een "
    "cliëntenraad (Wet medezeggenschap cliënten zorginstellingen 2018) gelden andere wetten."
)
_WMS = (
    "De Wet medezeggenschap op scholen (WMS) kent geen urennorm voor de ambtelijk "
    "secretaris, en noemt geen secretariaat en geen ambtelijk secretaris. Het bevoegd gezag "
    "laat de MR gebruikmaken van de voorzieningen die de MR voor zijn taak redelijkerwijs "
    "nodig heeft (artikel 28 lid 1); de kosten die daarvoor redelijkerwijs noodzakelijk zijn, "
    "scholing inbegrepen, komen voor rekening van het bevoegd gezag (artikel 28 lid 2); voor "
    "een deskundige of een rechtszaak alleen als het bevoegd gezag vooraf over de kosten is "
    "ingelicht, en boven een afgesproken budget alleen met zijn toestemming. Het "
    "bevoegd gezag kan ook bijdragen in de kosten van administratieve ondersteuning van de MR "
    "(artikel 28 lid 5); dat lid verplicht daar zelf niet toe. Voor de MR-leden uit het "
    "personeel treft het "
    "bevoegd gezag een regeling voor faciliteiten in tijd, zo ruim als redelijkerwijs "
    "noodzakelijk is (artikel 28 lid 3), waarmee de personeelsgeleding moet instemmen "
    "(artikel 12 lid 1 onder q). Die regeling geldt voor de leden, niet voor de ambtelijk "
    "secretaris: haar uren staan meestal in haar arbeidsovereenkomst. Hoe de faciliteiten "
    "worden ingevuld, staat in het medezeggenschapsstatuut (artikel 22 onder e); ook de cao "
    "kan er afspraken over bevatten. Kijk dus in het statuut, het reglement, de "
    "faciliteitenregeling en de cao."
)
_WMCZ = (
    "De Wet medezeggenschap cliënten zorginstellingen 2018 (Wmcz 2018) zegt niets over uren, "
    "dus ook niets over uren voor de ambtelijk secretaris, en noemt geen secretariaat en geen "
    "ambtelijk secretaris. De zorginstelling (in de wet: de instelling) laat de "
    "cliëntenraad gebruikmaken van de "
    "voorzieningen die hij voor zijn werk redelijkerwijs nodig heeft (artikel 6 lid 2); de "
    "kosten die daarvoor redelijkerwijs noodzakelijk zijn, komen voor rekening van de "
    "zorginstelling, ook die van scholing, van onafhankelijke ondersteuning en van een geschil "
    "bij de commissie van vertrouwenslieden; juridische bijstand daarbij alleen als dat is "
    "afgesproken (artikel 6 lid 3). Boven een afgesproken budget gaat het alleen met "
    "toestemming van de zorginstelling (artikel 6 lid 4). "
    "Wie die onafhankelijke ondersteuning geeft, wordt gekozen en benoemd met instemming van "
    "de cliëntenraad (artikel 8 lid 1 onder i); of een ambtelijk secretaris daaronder valt, "
    "zegt de wet niet. Afspraken hierover kunnen staan in de medezeggenschapsregeling "
    "(artikel 3), in het huishoudelijk reglement dat de cliëntenraad zelf maakt (artikel 5) en "
    "in een jaarbudget, als de zorginstelling en de cliëntenraad dat afspreken (artikel 6 lid "
    "4)."
)
HOURS_AND_THE_LAW: Mapping[Council, str] = MappingProxyType(
    {"or": _WOR, "mr": _WMS, "cr": _WMCZ, "other": _WOR + _OTHER_LAWS}
)
