"""The words and patterns the signature block is read with: position and organization words,
honorifics, post-nominals, marks of a past position or a personal capacity, and the shapes of
list endings, columns and table headers."""

from __future__ import annotations

import re

TITLE_WORDS = {
    "professor", "director", "adviser", "advisor", "fellow", "president", "chair", "chairman",
    "chairwoman", "chairperson", "co-chair", "secretary", "ambassador", "founder", "co-founder",
    "author", "executive", "officer", "ceo", "coordinator", "manager", "researcher", "lecturer",
    "dean", "editor", "trustee", "representative", "counsel", "partner", "analyst", "scholar",
    "member", "head", "chief", "minister", "senator", "congressman", "congresswoman", "governor",
    "envoy", "rapporteur", "commissioner", "administrator", "attorney", "lawyer", "journalist",
    "correspondent", "consultant", "specialist", "principal", "provost", "chancellor", "rector",
    "vice-president", "vice-chair", "board", "deputy", "assistant", "associate", "senior", "visiting",
    "distinguished", "adjunct", "emeritus", "emerita", "acting", "interim", "founding", "managing", "general",
    "staff", "program", "programme", "producer", "writer", "historian", "economist", "pastor",
    "rabbi", "reverend", "bishop", "survivor", "defector", "activist", "spokesperson", "delegate",
    "judge", "justice", "mp", "mep", "reader", "postdoctoral", "doctoral", "phd", "student",
    "candidate", "campaigner", "organizer", "organiser", "advocate", "vice", "co-director",
    "treasurer", "convenor", "convener", "moderator", "leader", "speaker", "whip",
    "spokesman", "spokeswoman", "sheriff", "mayor", "councillor", "councilmember", "diplomat",
    "investigator", "monitor", "expert", "physician", "doctor", "nurse", "surgeon", "engineer", "archbishop",
    "imam", "priest", "lord", "baroness", "baron", "emerit", "instructor", "teacher", "secretary-general",
    "critic", "barrister", "solicitor", "notary", "practitioner", "shadow", "clerk", "registrar", "ombudsman", "ombudsperson", "attaché", "consul",
    "commander", "colonel", "captain", "lieutenant", "admiral", "major", "brigadier",
    "under-secretary-general", "high", "permanent", "ranking", "vice-chancellor", "pro-vice-chancellor",
}
# The same positions in the languages whose greetings and closings patterns.py knows ("segretario
# generale", "dyrektorka", "ordförande", "voorzitter"), masculine and feminine ("Coordinadora" left out:
# in Spanish it names organizations).
TITLE_WORDS |= {
    "presidente", "presidenta", "président", "présidente", "präsident", "präsidentin", "prezes", "prezeska",
    "președinte", "președintă", "vicepresidente", "vice-présidente", "vice-président", "wiceprezes",
    "direttore", "direttrice", "directeur", "directrice", "directora", "diretor", "diretora", "direktor",
    "direktorin", "dyrektor", "dyrektorka", "direktör", "direktør", "ředitel", "ředitelka", "directoare",
    "segretario", "segretaria", "secrétaire", "secretario", "secretaria", "secretário", "secretária",
    "secretaris", "sekretarz", "sekreterare", "sekretær", "generalsekretär", "generalsekretärin",
    "generalsekreterare", "generalsekretær", "tajemník", "tajemnice", "secretar",
    "professore", "professoressa", "profesor", "profesora", "profesorka", "hoogleraar", "docente", "adiunkt",
    "rettore", "rettrice", "rectora", "reitor", "reitora", "rektor", "rektorka", "prorektor", "prorektorka",
    "dziekan", "decano", "decana", "doyen", "doyenne", "doktorant", "doktorantka", "dottorando", "dottoranda",
    "primario", "primaria", "coordinatore", "coordinatrice", "coordinateur", "coordinador",
    "coordenador", "coordenadora", "coördinator", "koordynator", "koordynatorka", "koordinator", "samordnare",
    "portavoce", "porte-parole", "portavoz", "woordvoerder", "rzecznik", "rzeczniczka", "sprecher", "sprecherin",
    "mluvčí", "responsabile", "responsable", "dirigente", "consigliere", "consigliera", "conseiller",
    "conseillère", "consejero", "consejera", "conselheiro", "conselheira", "adviseur", "sindaco", "assessore",
    "maire", "alcalde", "alcaldesa", "prefeito", "prefeita", "burgemeester", "wethouder", "bürgermeister",
    "bürgermeisterin", "borgmästare", "borgmester", "ordfører", "ricercatore", "ricercatrice", "chercheur",
    "chercheuse", "investigador", "investigadora", "pesquisador", "pesquisadora", "onderzoeker", "forskare",
    "forsker", "badacz", "badaczka", "fondatore", "fondatrice", "fondateur", "fundador", "fundadora",
    "oprichter", "gründer", "gründerin", "założyciel", "założycielka", "tesoriere", "trésorier", "trésorière",
    "tesorero", "tesorera", "tesoureiro", "penningmeester", "skarbnik", "kassör", "kasserer", "voorzitter",
    "vorsitzender", "vorsitzende", "przewodniczący", "przewodnicząca", "wiceprzewodniczący", "ordförande",
    "förbundsordförande", "avdelningsordförande", "formand", "næstformand", "forperson", "leder", "nestleder",
    "styreleder", "předseda", "předsedkyně", "místopředseda", "geschäftsführer", "geschäftsführerin", "leiter",
    "leiterin", "kierownik", "kierowniczka", "verksamhetschef", "huvudskyddsombud", "skyddsombud", "ledamot",
    "styrelseledamot", "bestuurder", "bestuurslid", "délégué", "déléguée", "delegado", "delegada", "delegato",
    "delegata", "członek", "członkini", "membro", "miembro", "mitglied", "överläkare",
    "lekarz", "läkare", "infermiere", "infermiera", "avvocato", "avvocata", "avocat",
    "avocate", "abogado", "abogada", "advogado", "advogada", "advocaat", "adwokat", "rechtsanwalt",
}
# A position not yet taken up, after a hyphen: "President-elect", "Ambassador-designate".
TITLE_SUFFIXES = {"elect", "designate", "nominee"}
# Words that make a line an organization: the strong ones are enough on their own.
ORG_STRONG = {
    "diocese", "archdiocese", "parish", "synod", "congregation", "division", "section", "directorate", "faculty", "chambers", "secretariat", "forces", "army", "navy", "police",
    "foundation", "foundations", "university", "universidad", "université", "universität", "institute",
    "institut", "instituto", "institution", "center", "centre", "centro", "council", "committee", "department",
    "watch", "society", "association", "asociación", "associação", "international", "internacional",
    "bureau", "office", "coalition", "alliance", "network", "group", "fund", "project", "campaign",
    "initiative", "forum", "union", "church", "amnesty", "school", "college", "academy", "studies",
    "government", "advocacy", "inc", "inc.", "llc", "ltd", "ltd.", "trust", "agency", "ministry",
    "commission", "services", "press", "museum", "library", "federation", "fédération", "league",
    "movement", "mouvement", "movimiento", "relief", "aid", "parliament", "assembly", "congress", "senate",
    "house", "court", "clinic", "laboratory", "lab", "programme", "program", "partnership", "consortium",
    "collective", "platform", "observatory", "observatoire", "mission", "defenders",
    "rights", "watchdog", "ngo", "org", "e.v.", "gmbh", "plc", "cooperative", "co-op", "board", "party",
    "caucus", "solidarity", "freedom", "liberty", "democracy", "justice", "peace", "law", "policy",
    "research", "affairs", "action", "hub", "unit", "desk", "media", "news", "journal",
    "review", "times", "post", "radio", "tv", "television", "witness", "article", "friends",
    "physicians", "doctors", "lawyers", "journalists", "reporters", "women", "children", "youth",
    "students", "workers", "veterans", "survivors", "families", "refugees", "citizens", "people", "peoples",
    "ligue", "liga", "comité", "comision", "comisión", "fundación", "fundação", "stichting", "verein",
}
ORG_WORDS = ORG_STRONG | {"global", "world", "national", "human", "korea", "north", "united", "nations",
                          "state", "states", "&", "the", "of", "for", "and"}
PARTICLES = {"van", "von", "de", "del", "della", "der", "den", "da", "di", "du", "la", "le", "bin", "binti", "al",
             "el", "ibn", "ben", "dos", "das", "do", "y", "e", "zu", "ter", "ten", "st.", "mac", "ap", "bint", "abu"}
# Honorifics, courtesy titles and ranks that may open a name line.
_HONORIFIC_WORDS = (
    # academic degrees used as titles in German, Austrian and Polish usage: "Dr. med.", "Dr. rer. nat.",
    # "dr hab.", "Univ.-Prof.", "Dipl.-Ing."; the qualifier only after "Dr" ("Phil" alone is a name)
    r"Dr\.?\s?(?:med|phil|rer\.\s?nat|iur|jur|h\.\s?c|hab|habil|sc)\b\.?(?:\s?(?:dent|vet|univ)\b\.?)?|"
    r"Univ\.-Prof|Ass\.-Prof|Dipl\.-Ing|Mgr|Ing|Inż|Lek|Mag|Dott\.ssa|Dott|Prof\.ssa|Avv|Sig\.ra|"
    # courtesy and religious titles in other languages ("Don" and "Dom" are given names too: left out)
    r"Sr|Sra|Srta|Dña|Dra|Lic|Licda|Mme|Mlle|Herr|Frau|Mevr|Dhr|Drs|Ir|Pastora|Madre|Irmã|Hermana|Frei|Sœur|Soeur|"
    r"Frère|Abbé|Père|Mons|"
    r"The|Rt\.?|Right|Hon\.?|Honourable|Honorable|Sir|Dame|Lord|Lady|Baroness|Baron|Viscount|Viscountess|Earl|"
    r"Countess|Emeritus|Emerita|Dr\.?|Prof\.?|Professor|Mr\.?|Mrs\.?|Ms\.?|Mx\.?|Miss|Rev\.?|Revd\.?|Reverend|Fr\.?|Father|Sister|"
    r"Rabbi|Imam|Bishop|Archbishop|Cardinal|Sheikh|Pastor|Padre|Monsignor|Msgr\.?|Canon|H\.\s?E\.|HE|His|Her|Excellency|Ambassador|Amb\.?|"
    r"Senator|Sen\.|Rep\.|Representative|Congressman|Congresswoman|Judge|Justice|Gen\.?|General|Maj\.?|Major|"
    r"Lt\.?|Lieutenant|Col\.?|Colonel|Brig\.?|Brigadier|Adm\.?|Admiral|Rear|Vice|Capt\.?|Captain|Cmdr\.?|"
    r"Commander|Command|Staff|Master|Warrant|Sgt\.?|Sergeant|Mayor|Councillor|Cllr\.?|Prince|Princess|Dato'?|Datuk|Tan Sri|Chief|Hon'?ble"
)
HONORIFIC = re.compile(rf"^(?:(?:{_HONORIFIC_WORDS})\b\.?\s*(?:\((?:ret\.?|retd\.?|retired)\)\s*)?)+", re.I)
def _dotted(*abbrevs: str) -> str:
    """'QC' → 'Q\\.?\\s?C\\.?': post-nominals are written with and without full stops."""
    return "|".join(r"\.?\s?".join(map(re.escape, a)) + r"\.?" for a in abbrevs)


_POSTNOMINAL_WORDS = (
    _dotted("QC", "KC", "SC", "SAN", "OBE", "MBE", "CBE", "KBE", "DBE", "CMG", "KCMG", "GCMG", "CH", "OM", "PC", "MP",
            "MEP", "MSP", "MLA", "MPP", "MNA", "TD", "AM", "AO", "AC", "FRS", "FBA", "FRSE", "FRSA", "FRCP", "FRCS", "DL",
            "JP", "PhD", "MD", "JD", "LLM", "LLB", "LLD", "MA", "MSc", "BA", "MPH", "MPA", "MBA", "EdD", "SJD", "RN",
            "DPhil", "DSc",
            # fellowships and memberships of professional colleges, religious orders, professional titles
            "FRCPC", "FRCPCH", "FRACP", "FRCPE", "FRCPI", "FRCGP", "FRCN", "FRSC", "FACP", "FACS", "FAAP", "FAAAS", "FAHA",
            "FACC", "FCA", "PRCP", "CFA", "CPA", "SJ", "OSB", "OFM", "MN", "RGN", "MSN", "DNP", "BSN", "BScN", "MSW", "BSc")
    + r"|FMedSci|FAcSS|FRHistS|Esq\.?|Hon\.?|\((?:[Rr]et\.?|[Rr]etd\.?|Hon\.?)\)"
    # service branches after a retired officer's name: "General Harold Whitcombe, USA (Ret.)"
    + r"|(?:USA|USAF|USMC|USN|USCG|USAR|ANG|RAF|RM)(?:\s*\((?:[Rr]et\.?|[Rr]etd\.?|[Rr]etired)\))?"
)
POSTNOMINAL = re.compile(rf"^(?:{_POSTNOMINAL_WORDS})$")
_TRAILING_POSTNOMINALS = re.compile(rf"(?:(?:,\s*|\s+)(?:{_POSTNOMINAL_WORDS}))+\s*$")
DEGREE = re.compile(rf"^(?:{_POSTNOMINAL_WORDS})(?:\s+(?:{_POSTNOMINAL_WORDS}))*$")
GENERATIONAL = re.compile(r"^(?:Jr\.?|Sr\.?|II|III|IV|V)$")
FORMER = re.compile(
    r"\s*\((?:former|ret\.?|retd\.?|retired|formerly|emeritus)\)\s*|^\s*(?:former(?:ly)?|ex-|retired)\s*"
    # the same marks in other languages: "già primario", "były przewodniczący", "voormalig directeur"
    r"|^\s*(?:già|ex|voormalig|oud-|były|była|byli|tidigare|f\.d\.|ehemalige[rn]?|ancien(?:ne)?|antigu[oa]|antig[oa]"
    r"|tidligere|bývalý|bývalá|fost(?:ul|a)?)\s+"
    r"|,\s*(?:ret\.?|retd\.?|retired|former)\s*$",
    re.I,
)
PERSONAL = re.compile(
    r"\s*[(\[]?\s*(?:in (?:a |my |her |his |their )?(?:personal|individual) capacity|personal capacity|"
    r"signing (?:in a )?personal(?:ly| capacity)?|for identification(?: purposes)?(?: only)?|affiliation[s]? for identification[^)]*)"
    r"\s*[)\]]?\s*\*?",
    re.I,
)
# (and a note's number in brackets right after a word, as a document exported with footnotes has it:
# "University of Harwick[3]")
FOOTNOTE_MARK = re.compile(r"[*†‡§¹²³⁴⁵]+|(?<=[^\W\d_.])\[\d{1,3}\](?=[\s,;.]|$)")
BEHALF = re.compile(r"^(?:(?P<title>.*?),?\s+)?(?:on behalf of|for and on behalf of|representing)\s+(?P<org>.+)$", re.I)
_AT = re.compile(r"^(?P<title>.+?)\s+(?:at|with)\s+(?P<org>(?:the\s+)?[A-Z].+)$")
_LIST_ENDING = re.compile(r",?\s+(?:and|&)\s+(?=\S)")
_COLUMNS = re.compile(r"\S(?: {3,}|\t+)\S")
# The header row of a table of signatories: "Name | Position | Organization".
_TABLE_HEADER = re.compile(r"^(?i:name|signatory|signature)(?:\s*(?:\||\t| {3,})\s*(?i:position|title|role|organi[sz]ation|affiliation"
                           r"|institution|country|function))+\s*$")
_LEGAL_SUFFIX = re.compile(r"^(?:Inc\.?|Ltd\.?|LLC|LLP|e\.V\.|GmbH|plc|S\.A\.|A\.C\.|Co\.|Corp\.?|N\.A\.)$", re.I)
# "On behalf of X" over the people of a block: each of them signs for X.
BEHALF_ABOVE = re.compile(r"(?i)(?:for and )?on behalf of\s+(?P<org>.+)$")

# Title words that also name units ("Program Officer", "Board Member" but "Asia
# Program"): a title only with another title word after them.
MODIFIERS = {"program", "programme", "board", "high", "permanent", "vice", "ranking", "research", "policy", "advocacy",
             "communications", "legal", "campaigns", "campaign", "media", "finance", "development", "project",
             "field", "country", "regional", "international", "foreign", "human", "rights", "law", "justice",
             "lead", "group", "school"}
_NOT_ORG_IN_TITLE = {"the", "of", "u.s.", "us", "for", "and", "state", "states", "united", "national", "human",
                     "north", "korea", "global", "world", "nations"}
# A peer named by the peerage alone: "Lord Carrow of Ambleside".
PEERAGE = re.compile(r"\b(?:Lord|Lady|Baroness|Baron|Viscount|Viscountess|Earl|Countess|Marquess|Duke|Duchess)$", re.I)
# One-word party names that open a "Party, Constituency" line (a one-word unknown position,
# "Filmmaker, Sundown Pictures", is still a title).
_PARTY_WORDS = {"labour", "conservative", "conservatives", "crossbench", "crossbencher", "independent", "green",
                "greens", "liberal", "democrat", "democrats", "snp", "plaid", "dup", "sdlp", "alliance", "reform",
                "republican", "democratic", "socialist", "socialists", "renew", "ecr", "epp", "s&d"}
# A unit named before its organization: "Department of Meteorology, Stockholm University".
_UNIT = re.compile(r"^(?:Department|Dept\.?|Faculty|School|Division|Laboratory|Programme|Program|Unit) (?:of|for)\s")
