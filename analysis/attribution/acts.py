"""What an attribution attributes (its ``act``), and the reporting verbs that attribute nothing.

* ``speech``: said, told, announced, denied, warned, asked, wrote, tweeted, "according to", a colon
  headline, a quotation with a bare source;
* ``belief``: thinks, believes, fears, hopes, is convinced; also what someone is said to know or
  remember, the positions they take ("supports", "endorsed", "opposes", "is critical of") and what
  they deem so ("deemed the charges excessive");
* ``intention``: wants, plans, intends, decided, would like, refuses or declines to act; what a
  meeting is held to discuss ("met on Friday to discuss the plan");
* ``evidence``: a study found, data show, the report reveals, images suggest, records predicted,
  researchers estimate.

Not an attribution at all (:func:`attributes_nothing`):

* negated speech: "has not said", "did not comment", "never told"; a refusal to speak or to be
  named ("declined to elaborate", "declined to be named");
* a verb that reports only with a clause used without one: "ruled the country" ("ruled that …" reports);
* hypothetical speech: "would say", "could tell", "might argue";
* speech under a condition: "If the House votes to impeach …";
* a purpose infinitive or a subjectless participle: "work to predict the waves", "When asked about …";
* a participle naming or describing a thing: "a phenomenon called coral bleaching", "a study
  published in May"; and naming in the passive ("is called");
* legal acts without a clause: "sued in Austria", "charged with murder", "appealed the decision";
* perception or knowledge of a thing: "saw the smoke", "heard a bang", "knew the area", "to learn
  more" (with a clause, "saw that …", "knew that …" is a belief); an event perceived: "saw the crane
  fall", "heard shots ringing out";
* the writer's comment in an impersonal frame: "it is hard to see how …", "it is worth noting that …";
* a situation found: "found himself playing defence";
* a naming verb with an object and nothing it calls it: "dubbed the series" (into a language),
  "called the police", "named a new director" ("called the plan a waste" states a view); a naming
  participle the parse took for a finite verb: "sequences called plasmids", "The invention, called a
  LESS coating, involves …";
* a verb of thought in its other sense: "assumed the presidency", "weighs fourteen tons";
* a thing given or done, told by the verb's object (:data:`OBJECT_SENSES`): "offered help", "offered a
  reward", "referred the bill to the committee"; what is offered in words stays speech ("offered
  condolences", "offered an apology");
* things compared among themselves, likened to nothing: "compared the two sites" ("compared the tax
  to a tollbooth" is a view stated);
* an invitation without a clause of its own: "invited her to speak", "invited residents to a meeting";
* a law or rule that "calls for" a penalty: "mandatory sentencing calls for ten years" (it requires).

"continued" and "went on" report only beside a quotation ('"…," she continued', '"…," he went on'),
also with the occasion of speaking ('"…," she continued in her address').

>>> BELIEF_VERBS >= {"think", "know", "support"}
True
"""
from __future__ import annotations

from dataclasses import dataclass

from .lexicon import (
    ADJECTIVE_ACTS,
    BELIEF_VERBS,
    CLAUSE_ONLY_VERBS,
    CONDITION_MARKS,
    DISPLAY_VERBS,
    ESTIMATE_VERBS,
    EVIDENCE_NOUNS,
    FINDING_VERBS,
    HYPOTHETICAL_MODALS,
    INTENTION_VERBS,
    KNOWLEDGE_VERBS,
    LEGAL_VERBS,
    NAMING_VERBS,
    NEGATION_WORDS,
    NOUN_ACTS,
    PERCEPTION_VERBS,
    QUOTE_ONLY_VERBS,
    RULING_BODIES,
    SPEECH_NOUNS,
    SPEECH_VERBS,
    verb_forms,
)
from .subjects import to_infinitive

ACT_OF_CUE = {"according to": "speech", ":": "speech"}
_SPEECH_ONLY = frozenset({"say", "tell", "comment", "speak", "talk", "confirm", "answer", "respond", "reply",
                          "write", "tweet", "post", "announce", "state", "add", "explain", "discuss", "mention"})
# Reporting verbs that are no belief: refusing them is refusing to speak ("declined to elaborate").
_SAYING_VERBS = SPEECH_VERBS - BELIEF_VERBS


def _clausal(verb) -> bool:
    return any(c.dep_ in ("ccomp", "xcomp") for c in verb.children)


def act_of(verb, base: str, source_head=None) -> str:
    """The act of an attribution whose cue is the verb token ``verb`` (base form ``base``); the
    source's head token, when known, tells evidence ("the study shows") from speech ("she revealed")."""
    if base in ACT_OF_CUE:
        return ACT_OF_CUE[base]
    if verb is not None and verb.pos_ == "NOUN" and base in NOUN_ACTS:
        return NOUN_ACTS[base]      # "her fear that …", "the plan to …": the noun's own class
    if base in ADJECTIVE_ACTS:
        return ADJECTIVE_ACTS[base]     # "is convinced that …", "were willing to …"
    if base in PERCEPTION_VERBS:
        return "belief"          # "sees it as a mistake", "saw that …": what someone takes to be so
    if base in INTENTION_VERBS:
        return "intention"
    if verb is not None and _meeting_purpose(verb):
        return "intention"      # "the council met to discuss the budget": a talk planned, nothing said yet
    if base == "like" and verb is not None and any(c.lower_ in ("would", "'d") for c in verb.children):
        return "intention"      # "would like to"
    if base in COMMITMENT_VERBS and verb is not None and any(c.dep_ == "xcomp" for c in verb.children):
        return "intention"      # "agreed to help with the investigation", "offered to resign"
    if base in RECOLLECTION_VERBS and verb is not None and any(
            c.dep_ == "xcomp" and c.tag_ == "VBG" and verb_forms().get(c.lower_) in BELIEF_VERBS for c in verb.children):
        return "belief"         # '"…," she recalls thinking': a thought remembered, not something said
    if base == "weigh" and verb is not None and any(c.dep_ == "prt" and c.lower_ == "in" for c in verb.children):
        return "speech"         # "weighed in on the plan": gave a view, publicly
    if base in BELIEF_VERBS:
        return "belief"
    if base in FINDING_VERBS:
        return "evidence"
    if base in DISPLAY_VERBS | ESTIMATE_VERBS and source_head is not None and source_head.lower_ in EVIDENCE_NOUNS:
        return "evidence"       # "the report reveals", "the Navy's records predicted": what a document gives
    if base in ESTIMATE_VERBS and source_head is not None and source_head.lower_ in RESEARCH_NOUNS:
        return "evidence"       # "the researchers estimate it weighed two tonnes": a result of their work, not a statement
    return "speech"


# Verbs that link a subject to its attitude ("is", "seemed", "remained", "became", "grew").
LINKING_VERBS = frozenset("be is are was were been being am 's 're seem seems seemed appear appears appeared "
                          "remain remains remained become becomes became grow grows grew feel feels felt "
                          "look looks looked sound sounds sounded".split())


def attitude_adjective(tok) -> bool:
    """An adjective of attitude after a copula ("were willing", "is worried"), or a participle the
    parse made a passive of it ("is convinced that …" with no "by" phrase)."""
    if tok.lower_ not in ADJECTIVE_ACTS:
        return False
    if tok.dep_ == "acomp":
        return tok.head.lower_ in LINKING_VERBS
    return tok.tag_ == "VBN" and any(c.dep_ == "auxpass" and c.lower_ in LINKING_VERBS for c in tok.children) \
        and not any(c.dep_ == "agent" for c in tok.children)


def attributes_nothing(verb, base: str) -> bool:
    """True for a reporting verb that reports no statement: negated or hypothetical speech, a
    refusal to speak ("declined to comment"), and perception of a thing ("heard a bang")."""
    if verb is None or base in ACT_OF_CUE:
        return False
    kids = list(verb.children)
    if any(c.dep_ == "mark" and c.lower_ in CONDITION_MARKS for c in kids):
        return True
    agent = any(c.dep_ == "agent" for c in kids)
    if verb.tag_ == "VB" and any(c.dep_ == "aux" and c.lower_ == "to" for c in kids) \
            and (verb.dep_ == "acl" and verb.head.lower_ not in SPEECH_NOUNS
                 or verb.dep_ == "advcl" and base in TASK_VERBS and not _clausal(verb)):
        return True           # a purpose: "work to predict wave conditions" (not "a call to end …")
    if base == "call" and _subject_in(kids, RULE_NOUNS) and any(c.dep_ == "prep" and c.lower_ == "for" for c in kids):
        return True           # "mandatory sentencing calls for ten years": a rule requires, no one speaks
    if verb.tag_ == "VBN" and verb.dep_ == "advcl" and not any(c.dep_ in ("nsubj", "nsubjpass") for c in kids):
        return True           # "When asked about …": the one asked is not the one speaking
    if verb.tag_ == "VBG" and verb.dep_ == "advcl" and verb.i < verb.head.i \
            and not any(c.dep_ in ("ccomp", "dobj") for c in kids) and verb_forms().get(verb.head.lower_) is not None:
        return True           # "Speaking about the film, X said …": the main verb reports
    if any(sense.fits(base, kids) for sense in OBJECT_SENSES):
        return True           # "declared a state of emergency", "pledged funds", "called a meeting": no statement
    if base == "plead" and verb.tag_ == "VB" and any(c.dep_ == "aux" and c.lower_ == "to" for c in kids):
        return True           # "an arrangement to plead guilty", "expected to plead": a plea not yet made
    if base in VOTE_VERBS and _subject_in(kids, LEGISLATURE_NOUNS) and any(
            c.dep_ == "dobj" and (c.lower_ in OBJECT_PRONOUNS or c.ent_type_ == "PERSON") for c in kids):
        return True           # "the Senate confirmed him": a vote on a person, not a statement
    if base in ("support", "back") and any(c.dep_ == "advmod" and c.lower_ in MATERIAL_MANNERS for c in kids):
        return True           # "was supported financially by the region": money or means given, no view
    if base == "write" and not _clausal(verb) and not any(c.dep_ in ("dobj", "dative") for c in kids) \
            and any(c.dep_ == "prep" and c.lower_ == "for" for c in kids):
        return True           # "wrote for the stage": a work made, not a statement
    if base == "relate" and any(c.dep_ == "prep" and c.lower_ == "to" for c in kids):
        return True           # "documents relating to the decision": about, not told
    if base in QUOTE_ONLY_VERBS:
        return not _reports_beside_quote(verb, base, kids)
    if base in PROJECTION_VERBS and any(c.dep_ == "prep" and c.lower_ in ONTO_PREPS for c in kids) \
            and not _clausal(verb):
        return True           # "projected slogans onto the walls": light thrown, not a forecast
    if base in MEASURING_VERBS and _no_value_given(kids):
        return True           # "estimate the population by counting nests": a method, no figure stated
    if base in COMPARISON_VERBS and (_measured(verb, kids) or _compares_among(kids)):
        return True           # "the researchers compared the skulls to those of ibises": a measurement
    if base in INVITATION_VERBS and not any(c.dep_ == "ccomp" and _finite(c) for c in kids):
        return True           # "invited residents to a meeting", "invited her to speak": a request to come or act
    if base in RECORDING_VERBS and verb.tag_ == "VBG" and any(
            c.dep_ in ("ccomp", "dobj") and c.left_edge.tag_ in ("WDT", "WP", "WRB") for c in kids):
        return True           # "ringing chicks, noting which birds return": data recorded, no statement
    if any(c.dep_ == "prt" and f"{base} {c.lower_}" in NOT_SPEECH_PHRASALS for c in kids):
        return True           # "called off the search", "put up a fight"
    if verb.dep_ == "acl" and verb.tag_ == "VBN" and not agent or verb.dep_ == "amod":
        return True           # "a study published in May", "a phenomenon called coral bleaching", "reported incidents"
    if base in NAMING_VERBS and any(c.dep_ == "nsubjpass" for c in kids) and not agent:
        return True
    if base in NAMING_VERBS and _naming_participle(verb, kids):
        return True           # "sequences called plasmids", "The invention, called a LESS coating, involves …"
    if base in NAMING_VERBS and _object_only(verb, kids):
        return True           # "Vizmedia dubbed the first two seasons", "called the police", "named a new chief"
    if base in LEGAL_VERBS and not any(c.dep_ == "ccomp" or c.dep_ == "prep" and c.lower_ in ("for", "to")
                                       for c in kids):
        return True           # "appealed the decision", "charged with murder"; not "appealed for calm"
    if base in CLAUSE_ONLY_VERBS and (not any(c.dep_ == "ccomp" for c in kids) or not any(
            c.dep_ == "nsubj" and (c.pos_ in ("PROPN", "PRON") or c.lower_ in RULING_BODIES) for c in kids)):
        return True           # "ruled the country", "ruled in favour of", "egalitarianism ruled": no ruling reported
    if _impersonal(verb, kids):
        return True           # "it is hard to see how he wins", "it is worth noting that …": the writer's comment
    if base == "find" and any(c.dep_ == "dobj" and c.lower_ in REFLEXIVES or c.dep_ == "ccomp" and any(
            g.dep_ == "nsubj" and g.lower_ in REFLEXIVES for g in c.children) for c in kids):
        return True           # "found himself playing defense": a situation, no finding
    if base in INFERENCE_VERBS and verb.tag_ == "VBG" and verb.dep_ in ("advcl", "xcomp", "conj"):
        return True           # "Investors see a one-in-five chance …, implying that they expect …": the writer's inference
    if base in PERCEPTION_VERBS and any(_event_seen(verb, c) for c in kids):
        return True           # "saw smoke rising", "will see their incomes go up": an event perceived, no view
    if base in PERCEPTION_VERBS or base in KNOWLEDGE_VERBS:
        return not _clausal(verb) and not any(c.dep_ == "prep" and c.lower_ == "as" for c in kids)
    if base == "weigh" and not any(c.dep_ == "prt" for c in kids) and any(
            t.like_num or t.ent_type_ == "QUANTITY" for c in kids if c.dep_ == "dobj" for t in c.subtree):
        return True           # "weighs 236 pounds": a weight, not a view weighed
    if base in REFUSAL_VERBS:      # a refusal to speak or to be named reports nothing ("declined to elaborate")
        return any(c.dep_ == "xcomp" and (c.lower_ in verb_forms_of(_SPEECH_ONLY) or c.lower_ in UNNAMED
                                          or verb_forms().get(c.lower_) in _SAYING_VERBS)
                   for c in kids)
    if act_of(verb, base) != "speech":
        return False
    if any((c.dep_ == "neg" or c.lower_ in NEGATION_WORDS and c.dep_ == "advmod") and c.i < verb.i for c in kids) \
            and base != "plead":      # a "not" after the verb negates something else ("…, promising X ― probably not Y")
        return True
    if verb.dep_ == "xcomp" and verb.head.lower_.startswith(("declin", "refus")):
        return True
    return any(c.dep_ == "aux" and c.lower_ in HYPOTHETICAL_MODALS for c in kids)


def _no_value_given(kids) -> bool:
    """A measuring verb with a plain object and no figure, clause or "at/as" value ("estimate the
    population by counting nests", "calculated the orbit"); "estimated the damage at $5 million",
    "estimated 300 deaths" and "estimated that …" state a value."""
    objects = [c for c in kids if c.dep_ == "dobj"]
    method = min((c.i for c in kids if c.dep_ == "prep" and c.lower_ == "by"), default=None)
    if not objects or any(c.dep_ in ("ccomp", "xcomp", "oprd") and (method is None or c.i < method)
                          or c.dep_ == "prep" and c.lower_ in ("at", "as") for c in kids):
        return False          # (a clause after "by observing …" is the parse's misreading of the method)
    return not any(t.like_num or t.ent_type_ in VALUE_ENTS for o in objects for t in o.subtree)


# Verbs of measuring: they state a value only when they give one (unlike "predict", "forecast").
MEASURING_VERBS = frozenset({"estimate", "calculate"})
VALUE_ENTS = frozenset({"MONEY", "QUANTITY", "PERCENT", "CARDINAL"})


def _meeting_purpose(verb) -> bool:
    """A to-infinitive of what a meeting is for ("met on Friday to discuss the plan", "was to meet
    Monday to discuss …", "gathered to talk about"): the talk is planned, not reported (an intention,
    which PolNeAR annotates and the speech view leaves out)."""
    if verb.tag_ != "VB" or verb.dep_ not in ("advcl", "xcomp") or not to_infinitive(verb):
        return False
    return verb.head.lower_ in MEETING_FORMS


# Gathering verbs: what a meeting is "to discuss" is its agenda ("met to discuss", "convened to debate").
MEETING_FORMS = frozenset("""meet meets met meeting gather gathers gathered gathering convene convenes convened
    convening assemble assembles assembled assembling reconvene reconvened""".split())
# Rules that "call for" a penalty or a measure: a requirement, no speaker ("the law calls for fines").
RULE_NOUNS = frozenset("law laws rule rules statute statutes regulation regulations sentencing guideline "
                       "guidelines code constitution provision provisions clause".split())


def _impersonal(verb, kids) -> bool:
    """A verb in the complement of an impersonal "it is hard / worth …" ("it is hard to see how …",
    "it is worth noting that …"): no one but the writer says it."""
    head = verb.head
    if verb.dep_ != "xcomp" or not any(c.dep_ == "nsubj" and c.lower_ in ("it", "this") for c in head.children):
        return False
    return head.pos_ == "ADJ" or any(c.dep_ == "acomp" and c.i < verb.i for c in head.children)


# Reflexive objects: "found himself in the lead" is a situation, not a finding.
REFLEXIVES = frozenset("myself yourself himself herself itself ourselves yourselves themselves oneself".split())


def _event_seen(verb, clause) -> bool:
    """The clause of a perception verb that is an event seen or heard, not a fact taken in: a bare
    infinitive with its own subject and no "that" ("saw the tower fall", "will see their incomes go
    up"), or a participle after a past perception ("heard shots ringing out"); "saw that the tower had
    fallen" is a view, and "analysts see the economy growing" a forecast."""
    if clause.dep_ not in _CLAUSE or not (clause.tag_ == "VB" or clause.tag_ == "VBG" and verb.tag_ in ("VBD", "VBN")):
        return False
    kids = list(clause.children)
    return any(c.dep_ == "nsubj" for c in kids) and not to_infinitive(clause) and not any(
        c.dep_ == "mark" or c.tag_ in ("WDT", "WP", "WRB") for c in kids)


def _reports_beside_quote(verb, base: str, kids) -> bool:
    """A verb that reports only beside a quotation, used so: a quotation mark next to it, its particle
    when it needs one ("went on"), and no object, infinitive, preposition or clause of its own other than
    the quotation it opens ('"…," she continued', not "continued to grow", "continued the talks")."""
    if not _beside_quote(verb):
        return False
    if base in PARTICLE_ONLY and not any(c.dep_ == "prt" and c.lower_ == PARTICLE_ONLY[base] for c in kids):
        return False
    return not any(c.dep_ in ("xcomp", "dobj") or c.dep_ == "prep" and not _speaking_occasion(c)
                   or c.dep_ == "ccomp" and not _opens_quote(c) for c in kids)


def _speaking_occasion(prep) -> bool:
    """A phrase of the occasion the speaker goes on speaking at ('"…," she continued in her address',
    'he went on at the rally'), not where or what they go on with ("continued on her way", "with the talks")."""
    return prep.lower_ in ("in", "at", "during") and any(g.lower_ in SPEAKING_OCCASIONS for g in prep.children)


# Where words are spoken or written: the occasion of a quotation.
SPEAKING_OCCASIONS = frozenset("""speech speeches address remarks statement interview interviews letter post
    rally conference briefing hearing session meeting event debate sermon testimony message video
    broadcast podcast op-ed column""".split())


def _naming_participle(verb, kids) -> bool:
    """A naming participle the parse took for a finite verb: "called" right after the thing it names
    with no subject of its own ("a hall called 'Learning Together'"), or set off by a comma right after
    its head noun ("The invention, called a LESS coating, involves …"); not a conjunct ("attacked
    Romney and called him a failed candidate"), nor a verb with an auxiliary or an agent."""
    if verb.tag_ not in ("VBD", "VBN") or verb.dep_ == "conj" or any(c.dep_ in ("aux", "auxpass", "agent") for c in kids):
        return False
    if not any(c.dep_ in ("dobj", "oprd") for c in kids) or any(c.tag_ in ("WDT", "WP") for c in kids):
        return False          # no name given ("the warnings called for gale force winds"), or a relative clause
        #                       with its own speaker ("which Apple's chief executive, Tim Cook, called 'crap'")
    doc = verb.doc
    if verb.i < 2:
        return False
    subj = next((c for c in kids if c.dep_ in ("nsubj", "nsubjpass")), None)
    if subj is None:
        named = verb.head if verb.dep_ == "acl" else doc[verb.i - 1]
        return named.ent_type_ != "PERSON" and (verb.dep_ == "acl" or named.pos_ in ("NOUN", "PROPN"))
        #                                     (a person before it may be its speaker: "…, Tim Cook, called 'crap'")
    left = subj.left_edge.i
    return doc[verb.i - 1].text == "," and subj.i == verb.i - 2 and (left == 0 or doc[left - 1].text != ",")
    #                                     (not a name set off by commas: "its chief executive, Tim Cook, called …")


def _object_only(verb, kids) -> bool:
    """A naming verb with an object and nothing it calls the object: no second object, predicate,
    clause, "as" phrase or quotation ("dubbed the series" into English, "called the police", "named a
    successor"). "called the move a smash and grab", "dubbed him the Iron Chancellor", "named her as
    the winner" say what the thing is called: a view or a name given, kept."""
    objects = [c for c in kids if c.dep_ == "dobj"]
    if len(objects) != 1 or any(c.dep_ in NAME_PREDICATES or c.dep_ == "prt" or _as_or_into_doubt(c) for c in kids):
        return False          # "called it a hoax", "called out companies", "called into question his record"
    obj = objects[0]
    if any(c.dep_ == "appos" or c.dep_ == "prep" and c.lower_ == "as" for c in obj.children):
        return False
    if any(t.dep_ in ("relcl", "dobj", "oprd", "attr") or t.dep_ == "amod" and t.i > t.head.i
           for t in obj.subtree if t.i != obj.i):
        return False          # the parse buried the name in the object ("the notion of warming a hoax", "… community unusual")
    doc = verb.doc
    after = doc[obj.left_edge.i:min(verb.right_edge.i + 4, verb.sent.end)]
    return not any(t.text in QUOTE_MARKS or t.tag_ in QUOTE_TAGS for t in after)


def _as_or_into_doubt(prep) -> bool:
    """A preposition that says what a thing is called or taken for: "as" ("named her as the winner"),
    "into question/doubt" ("called his record into question")."""
    if prep.dep_ != "prep":
        return False
    return prep.lower_ == "as" or prep.lower_ == "into" and any(g.lower_ in ("question", "doubt") for g in prep.children)


# What a naming verb says its object is called: "called it a mistake" (oprd), "called it wrong to …".
NAME_PREDICATES = frozenset({"oprd", "ccomp", "xcomp", "attr", "acomp", "dative"})


def _beside_quote(verb) -> bool:
    """True when a quotation mark stands within two words of the verb ('"Overall," she continued, "…"')."""
    doc = verb.doc
    near = list(doc[max(0, verb.i - 3):verb.i]) + list(doc[verb.i + 1:verb.i + 3])
    return any(t.text in QUOTE_MARKS for t in near)


def _opens_quote(clause) -> bool:
    """A clause that a quotation mark opens ('continued, "And I hope …"')."""
    left = clause.left_edge
    return left.text in QUOTE_MARKS or left.i > 0 and clause.doc[left.i - 1].text in QUOTE_MARKS


QUOTE_MARKS = frozenset({'"', "“", "”", "''", "``", "«", "»"})
QUOTE_TAGS = frozenset({"``", "''"})     # any quotation mark, single ones too ("calls Obamacare ‘crazy system’")
# Those that report only with their particle: '"…," he went on' ('"…," she went' reports nothing).
PARTICLE_ONLY = {"go": "on"}


def _measured(verb, kids) -> bool:
    """A comparison made by measuring: its subject is a research team ("the scientists compared …")
    or, when no one is named as its subject, what it compares with is "those/that of …" ("These they
    compared to those of modern ibises") or things of the kind it compares ("compared the sites of
    the statues to sites near the quarries"; "compared the tax to a tollbooth" likens)."""
    subj = next((c for c in kids if c.dep_ == "nsubj"), None)
    if subj is not None and subj.lower_ in RESEARCH_NOUNS:
        return True
    if subj is not None and subj.pos_ == "PROPN":
        return False          # "Mr. Clarke compares his struggles to those of the former president": a likening
    obj = next((c for c in kids if c.dep_ == "dobj"), None)
    for c in kids:
        if c.dep_ == "prep" and c.lower_ in ("to", "with"):
            if any(g.dep_ == "pobj" and (g.lower_ in ("those", "that", "ones") or obj is not None
                                          and g.lower_ == obj.lower_) for g in c.children):
                return True   # like with like: "compared the sites of the statues to sites near the quarries"
    return False


def _compares_among(kids) -> bool:
    """Things compared among themselves, with nothing they are likened to and no clause ("compared
    the two sites", "compared prices in twelve shops"): a comparison made, no statement. "compared
    the tax to a tollbooth" (a likening, "to" or "with" on the verb or its object) stays speech."""
    obj = next((c for c in kids if c.dep_ == "dobj"), None)
    if obj is None or any(c.dep_ in _CLAUSE for c in kids):
        return False
    return not any(c.dep_ == "prep" and c.lower_ in LIKENING_PREPS for c in list(kids) + list(obj.children))


def _finite(clause) -> bool:
    """A clause with a tense of its own, not an infinitive ("invited her to open the exhibition")."""
    return not any(c.dep_ == "aux" and c.lower_ == "to" for c in clause.children) and clause.tag_ != "VB"


# What a thing compared is set beside ("compared the tax to a tollbooth", "with last year's").
LIKENING_PREPS = frozenset({"to", "with", "against", "and"})
# Invitations ask someone to come or to act; they report a statement only with a clause of their own.
INVITATION_VERBS = frozenset({"invite"})


# Verbs of throwing light or images, and the prepositions of where they land ("projected onto").
PROJECTION_VERBS = frozenset({"project", "cast"})
ONTO_PREPS = frozenset({"onto", "on", "upon", "across", "over", "into"})
# Comparing, which a researcher does by measuring and a speaker by likening.
COMPARISON_VERBS = frozenset({"compare", "liken"})
RESEARCH_NOUNS = frozenset("researchers scientists team teams authors archaeologists biologists scholars "
                           "investigators experts analysts engineers researcher scientist".split())
# Verbs of taking down data: with an indirect question as a participle they record, not state.
RECORDING_VERBS = frozenset({"note", "record", "track", "observe", "monitor", "log", "count"})

# What one assumes or takes on when "assume" means taking an office, not supposing something.
OFFICE_OBJECTS = frozenset("presidency office role post power control command duty duties responsibility "
                           "responsibilities leadership position throne title mantle chairmanship helm".split())


# What one "calls" by convening or starting it: "called a meeting", "called a snap election", "called a strike".
CONVENED_THINGS = frozenset("meeting meetings election elections vote referendum strike strikes session summit "
                            "conference rally protest halt recess truce ceasefire hearing".split())
# Verbs of remembering: with a participle of thought ("recalls thinking") they report a thought.
RECOLLECTION_VERBS = frozenset({"recall", "remember"})
# Verbs of committing resources, and what is committed ("pledged funds", "promised troops"): a gift, not a statement.
PLEDGE_VERBS = frozenset({"pledge", "promise", "commit", "vow"})
RESOURCE_NOUNS = frozenset("funds funding money aid assistance troops soldiers dollars euros pounds loans loan "
                           "grants grant donations resources weapons arms equipment vaccines doses supplies".split())
# What is offered when offering makes something available (help, a reward, a place, a service): a gift, not a
# statement. What is offered in words stays speech ("offered condolences", "offered an apology", "offered
# reassurances that …", "offered his thoughts"); "promised jobs" is a campaign promise, so this wider list is
# for "offer" alone.
OFFERED_THINGS = RESOURCE_NOUNS | frozenset(
    "help reward rewards bounty shelter refuge asylum sanctuary protection housing accommodation food meals water "
    "ticket tickets discount discounts job jobs place places seat seats scholarship scholarships compensation refund "
    "refunds service services treatment training incentive incentives prize prizes contract contracts deal deals "
    "ride rides lift transport transportation medicine medicines vaccination vaccinations".split())

# What one keeps up when "maintain" means keeping, not asserting ("maintained a lead", "maintains close ties").
KEPT_THINGS = frozenset("lead leads edge advantage margin ties relations relationship relationships contact contacts "
                        "pace schedule status control majority presence lock grip hold standing profile silence "
                        "residence residences home homes office offices seat".split())
# What is cast when "cast" is voting ("cast their ballots"), not portraying ("cast him as a flip-flopper").
BALLOTS = frozenset("ballot ballots vote votes".split())
# Clients one advises as a job ("advises the campaign"): with the named ones (a person, a company, a country).
CLIENT_NOUNS = frozenset("campaign campaigns company companies firm firms client clients government governments "
                         "candidate candidates president governor minister administration board bank banks fund "
                         "funds investors".split())

# Verbs of agreeing to do something: with an infinitive they report a decision, not a statement.
COMMITMENT_VERBS = frozenset({"agree", "offer", "volunteer", "consent"})

# A vote reported with a reporting verb: the verb and what a legislature or board votes on.
VOTE_VERBS = frozenset({"confirm", "approve", "pass", "adopt", "ratify"})
VOTED_THINGS = frozenset("nomination nominations nominee nominees appointment appointments bill bills "
                         "resolution resolutions motion motions amendment amendments budget treaty".split())

# Who votes on a person ("the Senate confirmed him"), and the objects that make it a person.
LEGISLATURE_NOUNS = frozenset("senate house parliament assembly congress legislature chamber committee council "
                              "board senators lawmakers legislators representatives deputies".split())
OBJECT_PRONOUNS = frozenset("him her them".split())
# How support given is material, not a view ("supported financially", "backed militarily").
MATERIAL_MANNERS = frozenset("financially materially logistically militarily technically economically".split())
# What a citation names as a source, not as a statement ("citing sources", "cited officials").
CITED_SOURCES = frozenset("source sources official officials witness witnesses insider insiders people person "
                          "diplomat diplomats report reports".split())
# Works someone writes, not statements: "wrote songs", "wrote the script".
WORK_NOUNS = frozenset("song songs music lyrics album albums book books novel novels poem poems play plays "
                       "script scripts screenplay screenplays opera score code software symphony".split())


def _subject_in(kids, words: frozenset[str]) -> bool:
    return any(c.dep_ == "nsubj" and c.lower_ in words for c in kids)


# Verbs that do what they say with a noun object ("declared war", "declared a state of emergency"),
# and orders carried out with a noun object ("ordered the evacuation", "ordered safety checks"): an act, no
# statement; "ordered the troops to withdraw" keeps its directive.
PERFORMATIVE_VERBS = frozenset({"declare", "order"})

# Phrasal verbs built on a reporting verb that report nothing ("call off the search", "put up a
# fight"); "weigh in", "back off", "point out" stay reports.
NOT_SPEECH_PHRASALS = frozenset(["call off", "call up", "call in", "put up", "put off", "put on", "put down",
                                 "show up", "show off", "turn down", "turn up"])


def verb_forms_of(bases: frozenset[str]) -> frozenset[str]:
    """Every inflected form of ``bases`` (from the reporting-verb table)."""
    return _FORMS.setdefault(bases, frozenset(f for f, b in verb_forms().items() if b in bases))


# Analytic verbs that, as a purpose ("models to predict the tides"), name a task, not a finding.
TASK_VERBS = FINDING_VERBS | frozenset("predict estimate calculate forecast assess measure".split())
_FORMS: dict[frozenset[str], frozenset[str]] = {}
REFUSAL_VERBS = frozenset({"decline", "refuse"})
# Verbs of implying: as a participle after a fact they draw the writer's inference, not a statement.
INFERENCE_VERBS = frozenset({"imply", "insinuate"})
# What an unnamed source declines to be ("declined to be named").
UNNAMED = frozenset({"named", "identified"})

_CLAUSE = frozenset({"ccomp", "xcomp"})


@dataclass(frozen=True)
class ObjectSense:
    """A reporting verb in a sense that reports nothing, told by its object: a word of ``objects`` (or
    an entity of ``ent_types``; any object when ``objects`` is None) as a dependent ``deps`` of one of
    ``verbs``, unless a dependent ``unless`` (a clause) keeps a statement. ``in_phrase``: the word may
    stand anywhere in the object's phrase ("answered a series of questions")."""
    verbs: frozenset[str]
    objects: frozenset[str] | None
    deps: frozenset[str] = frozenset({"dobj"})
    unless: frozenset[str] = frozenset()
    ent_types: frozenset[str] = frozenset()
    in_phrase: bool = False

    def fits(self, base: str, kids) -> bool:
        if base not in self.verbs or any(c.dep_ in self.unless for c in kids):
            return False
        return any(c.dep_ in self.deps and self._names(c) for c in kids)

    def _names(self, obj) -> bool:
        if self.objects is None or obj.ent_type_ in self.ent_types:
            return True
        return any(t.lower_ in self.objects for t in obj.subtree) if self.in_phrase else obj.lower_ in self.objects


OBJECT_SENSES = (
    # "declared a state of emergency", "ordered the evacuation": an act done by saying it, no statement
    ObjectSense(PERFORMATIVE_VERBS, None, unless=_CLAUSE | {"oprd"}),
    # "pledged funds", "promised $2 million": resources given, no statement reported
    ObjectSense(PLEDGE_VERBS, RESOURCE_NOUNS, unless=_CLAUSE, ent_types=frozenset({"MONEY"})),
    # "offered military assistance", "offered a reward", "help was offered": made available, nothing said
    ObjectSense(frozenset({"offer"}), OFFERED_THINGS, deps=frozenset({"dobj", "nsubjpass"}), unless=_CLAUSE,
                ent_types=frozenset({"MONEY"})),
    # "referred the bill to the committee", "the case was referred to prosecutors": a procedure, no statement
    # ("referred to the plan as a disaster" has no object and stays speech)
    ObjectSense(frozenset({"refer"}), None, deps=frozenset({"dobj", "nsubjpass"}), unless=_CLAUSE),
    # "the Senate confirmed his nomination", "the nomination was approved": a vote, not a statement
    ObjectSense(VOTE_VERBS, VOTED_THINGS, deps=frozenset({"dobj", "nsubjpass"})),
    # "which cited sources close to the inquiry": a sourcing, nothing stated
    ObjectSense(frozenset({"cite", "quote"}), CITED_SOURCES, unless=_CLAUSE),
    # "wrote songs for other artists": a work made, not a statement
    ObjectSense(frozenset({"write"}), WORK_NOUNS, unless=_CLAUSE),
    # "answered a series of questions": the answers are not given here
    ObjectSense(frozenset({"answer", "field", "take"}), frozenset({"question", "questions"}), in_phrase=True),
    # "called a meeting": convened, not said; "assumed the presidency": an office taken, not a supposition
    ObjectSense(frozenset({"call"}), CONVENED_THINGS),
    ObjectSense(frozenset({"assume"}), OFFICE_OBJECTS),
    # "maintained a wide lead", "maintains close ties": a standing kept, not a claim kept to
    ObjectSense(frozenset({"maintain"}), KEPT_THINGS, unless=_CLAUSE),
    # "cast their ballots": a vote given, no statement
    ObjectSense(frozenset({"cast"}), BALLOTS),
    # "challenging Sen. Ron Johnson in Wisconsin": running against a person, not disputing a claim
    ObjectSense(frozenset({"challenge"}), frozenset(), unless=_CLAUSE, ent_types=frozenset({"PERSON"})),
    # "who advised Mrs. Clinton", "advising the BG Group on its sale": a client served, no advice reported
    ObjectSense(frozenset({"advise", "counsel"}), CLIENT_NOUNS, unless=_CLAUSE,
                ent_types=frozenset({"PERSON", "ORG", "NORP", "GPE"})),
    # "surveyed 1,000 adults", "polling registered voters": a poll taken, its findings reported elsewhere
    ObjectSense(frozenset({"survey", "poll"}), None, unless=_CLAUSE),
    # "spoke Hebrew", "speak barely a word of English": a language spoken, nothing said
    ObjectSense(frozenset({"speak"}), frozenset({"word", "words", "language", "languages"}),
                ent_types=frozenset({"LANGUAGE"})),
)
