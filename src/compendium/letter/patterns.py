"""Line patterns shared by cleaning and structure: what a letter's parts look like,
and what the page chrome of the sites letters are scraped from looks like."""

from __future__ import annotations

import re

CLOSING = re.compile(
    r"^(?:(?:With )?(?:Sincerely|Respectfully|Faithfully|Cordially|Gratefully)(?: yours| submitted)?"
    r"|Yours (?:sincerely|faithfully|truly|respectfully|very truly)|Very truly yours|Yours"
    r"|(?:With )?(?:Best|Kind|Warm|Warmest)? ?[Rr]egards|With (?:respect|gratitude|thanks|appreciation)"
    r"|(?:Best|All best|In solidarity|Signed|Thank you|Warmly|Yours ever|Sincerely yours|Respectfully submitted)"
    # "With our thanks for your leadership,", "With my best wishes,": a short phrase, then the comma
    r"|With (?:our|my|all (?:our|my)|many|warm|warmest|kind|best)(?: (?:best|warm|warmest|kind|sincere|deepest))? (?:thanks|gratitude|appreciation|regards|wishes|respect)\b[^.!?]{0,60}(?=,)"
    # closings of faith and solidarity: "Yours in faith,", "In hope and solidarity,", "With hope and in shared service,"
    r"|Yours in (?:faith|peace|solidarity|hope|friendship|service|struggle|Christ)(?=,)"
    # ("With respect and in hope,": the plain closings' words joined to these ones the same way)
    r"|(?:In|With) (?:hope|faith|peace|friendship|prayer|respect|gratitude|thanks)(?: and (?:in )?(?:shared |continued |common )?"
    r"(?:solidarity|service|hope|faith|peace|friendship|prayer|gratitude|respect))?(?=,)"
    # the diplomatic closing: "Please accept, Excellency, the assurances of our highest consideration."
    r"|(?:Please )?accept,? (?:Your |Madam |Mr\.? )?(?:Excellency|Excellencies|Sir|Madam|Mr\.? \w+)?,? the (?:assurances?|renewed assurances?|expression)"
    r" of (?:our|my) (?:highest|high|most distinguished|distinguished) (?:consideration|esteem|regard)\b[^!?]{0,40}"
    # the usual closings of letters in other European languages
    r"|Cordiali saluti|Distinti saluti|Con osservanza|In fede|Met vriendelijke groet(?:en)?|Hoogachtend"
    r"|Z (?:wyrazami )?(?:poważaniem|szacunku)|Med vänliga hälsningar|Med vänlig hälsning|Vänliga hälsningar"
    r"|Med venlig hilsen|Med vennlig hilsen|Mit freundlichen Grüßen|Mit freundlichen Grüssen|Hochachtungsvoll"
    r"|Cordialement|Salutations distinguées|Bien cordialement|Atentamente|Cordialmente|Saludos cordiales"
    r"|Atenciosamente|Respeitosamente|Cordiais saudações|S pozdravem|Cu stimă)[,.]?\s*$",
    re.I,
)
# The list of signatures announced without a closing ("Signatories:", "Signed by:",
# "Organisations" / "Individuals" headings, "Signed (in a personal capacity)*").
SIG_INTRO = re.compile(
    r"^(?:(?:List of |The )?(?:signatories|signatures|signatory organi[sz]ations|co-?signatories|undersigned)"
    r"|(?:Signed|Co-?signed|Endorsed|Supported)(?: by)?(?: the following)?(?: (?:organi[sz]ations|individuals))?"
    r"(?: \(in (?:a |their )?(?:personal|individual) capacit(?:y|ies)\)\*?)?"
    r"|(?:Signed )?\(in (?:a |their )?personal capacit(?:y|ies)\)\*?"
    r"|(?:Signatory |Signing |Co-?signing |Endorsing |Participating |Supporting |Additional |Partner )?(?:Organi[sz]ations|Individuals|Groups|Organi[sz]ational signatories"
    r"|Individual signatories|Academics|Scholars|Members(?: of Parliament)?)"
    r")\s*[:.]?\s*\*?\s*$",
    re.I,
)
# A count of further signers closing the list ("And 38 other organizations", "…and 14 other
# organizations", "plus 212 more health professionals", "(and 120 others)"): not a signatory.
MORE_SIGNERS = re.compile(r"^[(….\s]*(?:and|plus|\+)\s+(?:\d[\d,.]*|many|several|dozens of|hundreds of)\s+"
                          r"(?:others?|more|further|additional)\b[^,;]{0,60}$", re.I)
# The introduction and the list on one line: "Signed by: A, B and C", "Also endorsed by: …".
INLINE_INTRO = re.compile(
    r"^(?:also |further |additionally )?(?:signed|co-?signed|endorsed|supported|joined|signatories|signatory organi[sz]ations)"
    r"(?: by)?(?: the following)?(?: (?:organi[sz]ations|groups|individuals))?\s*:\s*(?=\S)", re.I)
# Headings inside a signature list that say what follows.
SIG_HEADING_ORGS = re.compile(r"organi[sz]ation|groups|institutions|ngos", re.I)
SIG_HEADING_PEOPLE = re.compile(r"individual|personal capacity|academics|scholars|experts|members|people", re.I)

SALUTATION = re.compile(
    r"^(?:Dear|To|My dear|Hon(?:ou)?rable|Distinguished|Esteemed"
    # the same greetings in other European languages
    r"|Gentil[ei]|Egregi[oa]?|Car[aio]|Geachte?|Beste|Szanown[aiy]|Sehr geehrte[rn]?|Liebe[rn]?|Estimad[oa]s?"
    r"|Querid[oa]s?|Prezad[oa]s?|Excelent[íi]ssim[oa]s?|Bäst[ae]|Kära|Kære|Kjære|Vážen[áéíý]|Stimat[ăe]"
    r"|Madame|Monsieur|Mesdames|Messieurs|Chers?|Chères?)\s+.{2,80}[,:]\s*$"
    r"|^(?:Your |Their )?Excellenc(?:y|ies)[,:]?\s*$|^(?:Dear )?(?:Sir|Madam|Sirs)(?: or Madam)?[,:]\s*$"
    r"|^(?:Mr\.?|Mrs\.?|Ms\.?|Madam|Madame|Mister) (?:Vice[- ])?(?:President|Chair(?:man|woman|person)?|Secretary(?:[- ]General| of State)?"
    r"|Speaker|(?:Prime |Foreign )?Minister|High Commissioner|Ambassador|Special Rapporteur|Rapporteur|Commissioner"
    r"|Director(?:[- ]General)?|Administrator|Attorney General|Leader|Chief Justice|Mayor|Governor)[,:]\s*$"
    r"|^To whom it may concern[,:]?\s*$",
    re.I,
)
SUBJECT = re.compile(r"^(?:Re|RE|Subject|SUBJECT|Subj|Concerning|Ref|Regarding|Object|Topic"
                     # the subject's label in other European languages
                     r"|Objet|Asunto|Assunto|Betreff|Betrifft|Oggetto|Betreft|Onderwerp|Dotyczy|Temat|Ärende|Angående"
                     r"|Emne|Vedr|Vedrørende|Věc|Předmět|Subiect|Referitor la)\.?\s*:\s*(?P<subject>.+?)\s*$", re.I)
MEMO = re.compile(r"^(?P<label>To|From|Cc|CC|Date|Subject|Re|Via|Attn|Attention)\s*:\s*(?P<value>.*)$", re.I)
MEMO_TITLE = re.compile(r"^(?:MEMORANDUM|Memorandum|MEMO|Memo)\s*$")
CC = re.compile(r"^(?:cc|CC|Cc|c\.c\.)\s*[:.]?\s*(?P<rest>.*)$")
BULLET = re.compile(r"^\s*(?:[-–—•●▪◦·*]|\(?\d{1,3}[.)]|\(?[a-z][.)])\s+")
FOOTNOTE = re.compile(
    r"^\s*(?:[*†‡¹²³]+\s*)?(?:.*\b(?:identification purposes|for identification|personal capacit|affiliations? (?:are|is) "
    r"(?:listed|given|provided|for)|institutional affiliations?|do not necessarily|listed for)\b.*)$",
    re.I,
)


# Notes after the signatures: a heading of their own ("Notes", "Annex: …"), numbered notes
# "[1] …", a postscript "P.S. …".
NOTES_HEADING = re.compile(r"^(?:notes|endnotes|footnotes|references|sources"
                           r"|(?:annex|appendix|attachment|enclosure)(?:e?s)?(?:\s+(?:[IVX]+|\d+|[A-Z]))?(?:\s*[:.–—-].*)?)\s*:?$",
                           re.I)
NOTE = re.compile(r"^\s*(?:\[\d{1,3}\]\s*\S|P\.\s?S\.|PS:|Enc(?:l|losures?)?[.:])", re.I)


def starts_notes(line: str) -> bool:
    """A line after the signatures from which on everything is notes: "Notes", "Annex: …",
    "[1] …", "P.S. …"; not a heading over more signatories ("Annex: co-signing organisations")."""
    return bool(NOTES_HEADING.match(line) or NOTE.match(line)) and not re.search(r"(?i)signator|co-?sign|endors", line)


# Page chrome. STRICT lines are navigation widgets that are never letter text,
# wherever they stand; the others name what the span finder cut before or after
# the letter (a body sentence about donations is letter text).
STRICT_CHROME = [
    (re.compile(r"^skip to (?:main )?(?:content|navigation|search)$", re.I), "navigation link"),
    (re.compile(r"^(?:share|follow)\b.{0,30}\b(?:facebook|twitter|linkedin|whatsapp|bluesky|mastodon)\b", re.I), "share buttons"),
    (re.compile(r"^(?:share|print|email|tweet|share (?:this )?(?:via|on) [\w ]+|share this(?: (?:page|article|letter|post|story))?|print this(?: (?:page|article))?"
                r"|download (?:the )?(?:pdf|letter|full (?:letter|text|report))(?:\s*\(.*\))?|download pdf|back to top"
                r"|advertisement|facebook|twitter|linkedin|whatsapp|x \(twitter\)|copy link)[:.]?$", re.I), "share buttons"),
    # A document's symbol or job number repeated at the head or foot of its pages (UN documents:
    # "A/HRC/58/G/9", "GE.25-03871 3", "4 GE.25-03871"), with the page number beside it: cut inside the letter too.
    (re.compile(r"^(?:\d{1,3}\s+)?(?:[A-Z]{1,4}(?:/[A-Z0-9.]+){2,}|[A-Z]{1,2}\.\d{2}-\d{4,6})(?:\s+\d{1,3})?$"),
     "document symbol"),
    # A stray mark alone on its line (a scan's speck or rule read as "|", "'"): no wording.
    (re.compile(r"^[|'‘’`´¦¡:;,.]{1,2}$"), "stray mark"),
]
CHROME = STRICT_CHROME + [
    (re.compile(r"tax[- ]deductible|\bdonate now\b|\bgive now\b|support our work|^donate$|make a (?:gift|donation)", re.I), "donation appeal"),
    (re.compile(r"^(?:\w+\s*/\s*)?(?:related\s+)?(?:region|country|countries|topics?|tags?|tagged(?: with| as)?|themes?|issues?|filed under|posted in|categor(?:y|ies)|keywords?)"
                r"(?:\s*/\s*(?:country|topic|theme))?\s*(?::.*)?$", re.I), "topic navigation"),
    (re.compile(r"^most (?:viewed|read|popular)\b", re.I), "popular-pages widget"),
    (re.compile(r"^(?:related(?: [a-z]+){0,3}|more reading|read more"
                r"|see also|you may also (?:like|be interested in)|more (?:from|on|news|like this)\b.*|latest news|further reading):?$", re.I),
     "related-content links"),
    (re.compile(r"^(?:subscribe|sign up|follow us|newsletter|get (?:our|the) (?:latest|newsletter)|stay (?:informed|up to date)|join (?:us|our mailing))\b", re.I),
     "subscription prompt"),
    (re.compile(r"\bcookies?\b|privacy (?:policy|notice|statement)|terms (?:of|and) (?:use|service|conditions)|all rights reserved"
                r"|^©|^copyright\s*(?:©|\(c\)|\d{4})|^accept(?: all)?(?: cookies)?$|^(?:reject|decline)(?: all)?$|^manage (?:preferences|cookies|settings)$", re.I),
     "site footer"),
    (re.compile(r"^(?:menu|search|home|main menu|close|toggle navigation|open menu|log ?in|sign in|contact(?: us)?|about(?: us)?|donate|"
                r"press(?: releases| room)?|news(?:room)?|publications|letters|statements|what we do|who we are|take action|"
                r"get involved|careers|jobs|resources|our work|media|events|blog|multimedia)$", re.I), "navigation link"),
    (re.compile(r"^(?:home|start|startsida|strona g[łl][óo]wna|forside|[úu]vod|acas[ăa]|pagina iniziale|inicio|in[íi]cio|accueil"
                r"|startseite)\s*(?:[>»/|›]|&gt;)\s*\S", re.I), "breadcrumb"),
    (re.compile(r"^(?:add your (?:name|signature|voice)|sign (?:the|this) (?:letter|petition)|take action now|act now"
                r"|join (?:the|our) (?:call|campaign)|read the (?:full )?letter(?: \(pdf\))?|view (?:the )?pdf|en español|en français)$", re.I),
     "call to action"),
    (re.compile(r"^\S.*\s(?:>|»|›)\s.*\S$"), "breadcrumb"),
    (re.compile(r"^(?:(?:english|français|francais|español|espanol|deutsch|русский|العربية|中文|português|italiano|日本語|한국어"
                r"|en|fr|es|de|ar|ru|zh|pt)\s*(?:[|/·•,]\s*|\s+)){1,}(?:english|français|francais|español|espanol|deutsch|русский"
                r"|العربية|中文|português|italiano|日本語|한국어|en|fr|es|de|ar|ru|zh|pt)$", re.I), "language switcher"),
    (re.compile(r"^(?:published|posted|updated|last updated|last modified|issued|released|date published|first published)"
                r"(?: on| at)?\s*:?\s*.{0,60}$", re.I), "publication date"),
    (re.compile(r"^\d{1,2}[./]\d{1,2}[./]\d{2,4}$"), "publication date"),
    (re.compile(r"^#{3,}$|^-{3,}$|^\*{3,}$|^_{3,}$|^(?:\*\s){2,}\*$"), "end-of-release mark"),
    (re.compile(r"^by\s+[^.]{2,60}?\s(?:·|\||–|—)\s", re.I), "byline"),
    # A related headline with its date: "April 14, 2016 - Statement on …", "… – 12 September 2017"
    (re.compile(r"^(?:(?:[A-Z][a-z]{2,8}\.? \d{1,2}, \d{4})|(?:\d{1,2} [A-Z][a-z]{2,8} \d{4})|\d{1,2}[./]\d{1,2}[./]\d{2,4})"
                r"\s+[–—-]\s+\S|\S\s+[–—-]\s+(?:[A-Z][a-z]{2,8}\.? \d{1,2}, \d{4}|\d{1,2} [A-Z][a-z]{2,8} \d{4}"
                r"|\d{1,2}[./]\d{1,2}[./]\d{2,4})$"), "related headline"),
    (re.compile(r"^(?:press release|news release|joint letter|open letter|letter|statement|news|commentary|dispatches|report)s?$", re.I),
     "page type label"),
    (re.compile(r"^(?:\d+\s+)?(?:min(?:ute)?s?\s+read|reading time.*)$", re.I), "reading time"),
    # A petition site's signature widgets: counters, the form, the feed of latest signers.
    (re.compile(r"^(?:(?:show|see|view) all [\d,.]+ signatures?|(?:latest|recent|newest) signatures|[\d,.]+ (?:signatures|signers|people have signed)"
                r"|goal:? [\d,.]+|sign (?:now|here)|signatures so far:? [\d,.]+)$|\s[–—-]\s\d+ (?:seconds?|minutes?|hours?|days?) ago$", re.I),
     "signature widget"),
    # The same widgets on sites in French, Spanish, Portuguese and German (an English letter's page
    # on such a site keeps its navigation in the site's language).
    (re.compile(r"^(?:mots[- ]cl[ée]s|[ée]tiquettes|th[èe]mes|etiquetas|temas|categor[íi]as|palavras[- ]chave|schlagw[öo]rter|themen)\s*:", re.I),
     "topic navigation"),
    (re.compile(r"^(?:sur le m[êe]me th[èe]me|[àa] lire aussi|lire aussi|articles? li[ée]s|voir aussi|dans la m[êe]me rubrique"
                r"|noticias relacionadas|art[íi]culos relacionados|te puede interesar|lee tambi[ée]n|relacionad[oa]s|ver tambi[ée]n"
                r"|not[íi]cias relacionadas|leia tamb[ée]m|veja tamb[ée]m|verwandte artikel|das k[öo]nnte sie auch interessieren|mehr zum thema)\s*:?$", re.I),
     "related-content links"),
    (re.compile(r"^(?:suscr[íi]bete|suscribirse|abonnez-vous|inscrivez-vous|s'abonner|inscreva-se|assine|abonnieren)\b", re.I),
     "subscription prompt"),
    (re.compile(r"^(?:partager|compartir|compartilh(?:ar|e)|teilen|imprimer|imprimir|drucken|envoyer par e-?mail|enviar por (?:correo|e-?mail)"
                # Italian, Dutch, Polish, Swedish: "Condividi questo articolo", "Deel dit artikel", "Udostępnij", "Dela"
                r"|condividi|stampa|deel|delen|afdrukken|udost[ęe]pnij|drukuj|dela|skriv ut)"
                r"(?: (?:sur|en|no|na|auf|por|su|op) (?:facebook|twitter|x|linkedin|whatsapp|e-?mail|correo)"
                r"| (?:cet(?:te)?|esta|essa|este|diese[nr]?) (?:page|p[áa]gina|seite|article|artigo|art[íi]culo|beitrag)"
                r"| (?:questo articolo|questa pagina|dit artikel|deze pagina|dit bericht|ten artyku[łl]|t[ęe] stron[ęe]|artikeln|sidan|denna sida))?"
                # a share label with its networks after a colon: "Compartir en: Facebook | Twitter | Correo"
                r"(?:(?: en| on| auf| no)?\s*:(?:\s*(?:facebook|twitter|x|linkedin|whatsapp|e-?mail|correo|courriel|mastodon|bluesky|telegram)\s*[|·,]?)*)?$", re.I),
     "share buttons"),
    # A network's button alone on its line, and download or back links ("PDF herunterladen",
    # "Download the letter as PDF", "Back to all letters").
    (re.compile(r"^(?:e-?mail|mastodon|bluesky|telegram|reddit|threads|correo|courriel|pinterest)$"
                r"|^(?:pdf (?:herunterladen|t[ée]l[ée]charger)|(?:t[ée]l[ée]charger|descargar|baixar) (?:le |el |o )?pdf)$"
                r"|^download (?:the |this )?(?:letter|pdf|statement)(?: as (?:a )?pdf)?$|^back to (?:all |the )?(?:letters?|statements?|campaigns?|campaign page|home(?:page)?|news|articles?|posts?|overview|list)$", re.I),
     "share buttons"),
    (re.compile(r"^(?:aller au contenu(?: principal)?|passer au contenu|ir al contenido(?: principal)?|saltar al contenido(?: principal)?"
                r"|ir para o conte[úu]do(?: principal)?|zum inhalt springen|direkt zum inhalt"
                # Italian, Dutch, Polish, Swedish, Danish, Norwegian, Czech, Romanian
                r"|(?:vai|salta|passa) al contenuto(?: principale)?|naar (?:de )?(?:hoofd)?inhoud|ga (?:direct )?naar (?:de )?(?:hoofd)?inhoud"
                r"|przejd[źz] do (?:tre[śs]ci|g[łl][óo]wnej tre[śs]ci)|hoppa till (?:huvud)?inneh[åa]llet|g[åa] til (?:hoved)?indhold(?:et)?"
                r"|hopp til (?:hoved)?innhold(?:et)?|p[řr]ej[íi]t k (?:hlavn[íi]mu )?obsahu|sari la con[țt]inut(?:ul principal)?)$", re.I),
     "navigation link"),
    (re.compile(r"^(?:temps de lecture|tiempo de lectura|tempo de leitura|lesezeit|tempo di lettura|leestijd|czas czytania|l[äa]stid"
                r"|l[æa]setid|doba [čc]ten[íi]|timp de citire)\s*:?\s*\d+\s*(?:min(?:utes?|utos?|uten|uti|utter|uty|ut)?|minuten)\.?$", re.I),
     "reading time"),
    (re.compile(r"^(?:weitere beitr[äa]ge|autres articles|otros art[íi]culos|outros artigos)\s*:?$", re.I), "related-content links"),
    (re.compile(r"tous droits r[ée]serv[ée]s|todos los derechos reservados|todos os direitos reservados|alle rechte vorbehalten"
                r"|^mentions l[ée]gales|^aviso legal|^pol[íi]tica de (?:privacidad|cookies|privacidade)|^plan du site|^impressum$"
                r"|^datenschutz(?:erkl[äa]rung)?$", re.I),
     "site footer"),
    (re.compile(r"^(?:accueil|inicio|in[íi]cio|startseite|contacto|contato|kontakt|noticias|not[íi]cias|actualit[ée]s|presse|nachrichten"
                r"|nieuws|notizie|aktualno[śs]ci|nyheter"
                r"|qui sommes-nous ?\??|qui[ée]nes somos|quem somos|[üu]ber uns|nos actions|nous soutenir|dona(?:r|ciones)|faire un don|spenden)$", re.I),
     "navigation link"),
    (re.compile(r"^(?:publi[ée] le|fecha de publicaci[óo]n|publicado (?:el|em)|ver[öo]ffentlicht(?: am)?|pubblicat[oa](?: il)?"
                r"|gepubliceerd(?: op)?|opublikowan[oy](?: dnia)?|publicerad(?: den)?|udgivet(?: den)?|publisert(?: den)?"
                r"|zve[řr]ejn[ěe]no(?: dne)?|publicat(?: pe| la)?)\b.{0,60}$", re.I), "publication date"),
    # A social network's widgets around a post: reactions and their counts, the buttons under
    # it, the sort of its comments, a comment's age ("3d", "2 h"), a member's network degree
    # ("• 3rd+"), a group's or page's member count, "…see more".
    (re.compile(r"^(?:like|comment|share|repost|send|reply|joined|follow|following|most relevant|newest|all comments|top comments"
                r"|retweet|quote|bookmark|boost|favou?rite|upvote|downvote|edited|pinned|sponsored|promoted|translate (?:post|tweet)"
                r"|add a comment…?|liked by .{1,60}|write a (?:comment|reply)…?|(?:…|\.\.\.)?\s*(?:see|show) (?:more|less|translation)"
                r"|view (?:all |more )?(?:\d[\d,.]*[km]? )?(?:comments|replies)"
                r"|\d[\d,.]*[km]?\s+(?:likes?|reactions?|comments?|shares?|reposts?|retweets?|views?|replies)"
                r"(?:\s*[·•|]\s*\d[\d,.]*[km]?\s+(?:likes?|comments?|shares?|reposts?|retweets?|views?|replies))*)$", re.I),
     "social-media widget"),
    # (a count with its reaction marks, thousands separator or K/M: a bare "2022" is no count)
    # a post's time and date line: "12:04 PM · Mar 3, 2024 · 12.3K Views"
    (re.compile(r"^\d{1,2}:\d{2}\s?(?:[AaPp]\.?[Mm]\.?)?\s*[·•]\s*\S.{0,60}$"
                r"|^[^\w\s]+\s*\d[\d,.]*[KkM]?$|^\d{1,3}(?:[,.]\d{3})+$|^\d[\d.]*[KkM]$|^\d{1,2}\s?(?:s|m|min|h|hr|d|w|mo|y|yr)\s*(?:[·•]\s*\S{0,3})?$"
                r"|\s[·•]\s*(?:1st|2nd|3rd\+?)$|^[·•]\s*(?:1st|2nd|3rd\+?)$|\b\d[\d,.]*[KkM]?\s+(?:members|followers|connections)$"),
     "social-media widget"),
    # A page number alone ("Page 2 of 2", "Seite 3 von 4", "Strona 1 z 2"), where the unwrap stage
    # saw no pages (a scan's text, a page number under the last signature).
    (re.compile(r"^(?:page|p\.|seite|p[áa]gina|strona|sida|side|strana|pagin[ăa])\s*\d{1,3}"
                r"(?:\s*(?:of|/|von|de|di|z|av|af|ze|din|sur)\s*\d{1,3})?$", re.I), "page number"),
    # The scanner's or converter's own line under a scanned page.
    (re.compile(r"^(?:scanned|digiti[sz]ed|converted|ocr(?:'d)?) (?:with|by|using) \S.{0,40}$", re.I), "scanner's mark"),
]

_STRICT = STRICT_CHROME


def _bilingual(s: str) -> list[str]:
    """'Compartir / Share this', 'Relacionado / Related': a label in two languages."""
    parts = [p.strip() for p in s.split(" / ")]
    return parts if len(parts) == 2 and all(len(p.split()) <= 4 for p in parts) else [s]


def chrome_reason(line: str) -> str | None:
    s = line.strip()
    other = _bilingual(s)[1:]
    for pattern, reason in CHROME:
        if pattern.search(s) or any(pattern.search(p) for p in other):
            return reason
    # Widgets run together on one line: "Share this | Print | Download the PDF".
    parts = [p.strip() for p in re.split(r"\s[|·•]\s|\s{3,}", s) if p.strip()]
    if len(parts) >= 2 and all(any(pat.search(p) for pat, _ in CHROME) for p in parts):
        return "navigation links"
    return None


def is_scribble(line: str) -> bool:
    """A signature read by OCR as strokes ("~~//\\/\\/\\~~ -—", "J”\\/\\/\\_.,"): mostly marks, few
    letters or digits, slashes or tildes among them; not a placeholder rule ("________")."""
    marks = [c for c in line if not c.isspace()]
    words = sum(c.isalnum() for c in marks)  # letters and digits: "A/HRC/58/G/9" is a document's symbol
    return words * 2 < len(marks) and sum(c in "~/\\|" for c in marks) >= 2 and len(set(marks)) >= 3


def strict_chrome_reason(line: str) -> str | None:
    """A navigation widget that may be cut even inside the letter (reported as a warning)."""
    s = line.strip()
    if is_scribble(s):
        return "signature strokes read as text"
    other = _bilingual(s)[1:]
    for pattern, reason in _STRICT:
        if pattern.search(s) or any(pattern.search(p) for p in other):
            return reason
    return None
