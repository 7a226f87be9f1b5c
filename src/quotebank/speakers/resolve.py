"""Speakers: from a mention to the entity it names in the article.

The stages, each in its own module:

* `quotebank.speakers.names`: which tokens are a name and its titles;
* `quotebank.speakers.entities`: the article's entities, built once per Doc;
* `quotebank.speakers.coref`: the entity a pronoun or a description stands for;
* `quotebank.speakers.groups`: groups of people, named as their members or as the group;
* `quotebank.speakers.gate`: what can be a speaker at all.

This module runs them for each mention's head. The exact rules come first:

1. **Coreference clusters**, when a statistical component has put them in
   ``doc.spans["coref_clusters_*"]``: the fullest name in the mention's
   cluster. This is the plug-in point for a trained model.
2. **A proper name** loses its titles and resolves to the fullest name of the
   article that ends with it: "Borshchevskaya" → "Anna Borshchevskaya",
   "Russian President Vladimir Putin" → "Vladimir Putin"; a first name or a
   short company name to the fuller name ("Suncor" → "Suncor Energy"); an
   abbreviation to the long form the article defines ("… Canada (EDC)").
3. **A name in apposition** ("the chief of staff …, Gen. Mohammad Bagheri")
   or after "from"/"by" ("a report from Iran’s state media IRNA"); the
   author of a document ("her statement", "the RCMP statement").
4. **The article's writer** for "I" and "we" outside quotes (an op-ed, a
   letter): the byline's or the author's note's name, else "the author".

Groups joined by "and" keep every member ("Sanders and his supporters"); a
part of a group is the group ("some of her supporters"); a plural nationality
after "the" is the country the article names ("the Russians" → Russia).

Then **coreference** (`quotebank.speakers.coref`) binds pronouns and
descriptions to the article's entities; a description it binds to none is an
unnamed source, its words the speaker ("officials"). Last, the **gate**
(`quotebank.speakers.gate`) drops what cannot be a speaker. Titles and roles
go into `Speaker.role`; how a speaker was found into `Speaker.path`.
"""

from __future__ import annotations

import bisect
from collections.abc import Sequence

import attrs
from spacy.tokens import Doc, Token

from quotebank.detect.base import is_speech_verb, quote_mask, span_text
from quotebank.lexicons import (
    ABOUT_PRONOUNS,
    ANONYMITY_WORDS,
    DEMONYM_ENDINGS,
    DOCUMENT_NOUNS,
    ENTOURAGE_NOUNS,
    FEMALE_NOUNS,
    FEMALE_WORDS,
    FIRST_NAMES,
    KIN_NOUNS,
    MALE_NOUNS,
    MALE_WORDS,
    ORG_ROLE_NOUNS,
    OWNED_ORGANISATION_NOUNS,
    OWNER_GENDER,
    PEOPLE_NOUNS,
    PERSON_TITLE_NOUNS,
    PRONOUN_GENDER,
    REPORTING_NOUNS,
    SPEAKING_BODY_NOUNS,
    SPOKESPERSON_NOUNS,
    SUBJECT_DEPS,
    TITLE_PREPOSITIONS,
    TITLES,
    UNNAMED_PARTICIPLES,
    WRITER_PRONOUNS,
    bare,
)
from quotebank.lexicons.syntax import NOUN_POS, PLURAL_NOUN_TAGS, VERB_POS
from quotebank.speakers.base import Attribution, Mention, Resolution, Speaker
from quotebank.speakers.coref import (
    DESCRIPTION,
    HAND_RULES,
    Ranker,
    antecedents,
    conjunct_description,
    description_bounds,
    hand_rules,
    mention_kind,
    nationality_description,
    unnamed_source,
)
from quotebank.speakers.entities import COREF_PREFIX, ArticleEntities, Entity
from quotebank.speakers.gate import admit
from quotebank.speakers.groups import (
    family_members,
    joined_people,
    numbered_group,
    of_group,
    relative_antecedent,
    share_of_group,
)
from quotebank.speakers.names import label_of, name_run, name_suffix, name_tokens, split_title, text_of, title_only

#: The name of a writer no byline names (the name sets' convention).
WRITER_UNKNOWN = "the author"

__all__ = ["ArticleEntities", "resolve_speakers", "name_tokens", "COREF_PREFIX", "HAND_RULES"]


def resolve_speakers(
    doc: Doc,
    attributions: Sequence[Attribution],
    quoted: Sequence[tuple[int, int]] = (),
    coref_prefix: str = COREF_PREFIX,
    furniture: bytearray | None = None,
    captions: bytearray | None = None,
    ranker: Ranker | None = None,
    table: ArticleEntities | None = None,
) -> list[Attribution]:
    """Resolve the mention of every attribution of a document to its speaker.

    Args:
        doc: the parsed document.
        attributions: attributions in text order, with their mentions.
        quoted: ``(first, last + 1)`` token ranges of the quotes; names inside
            them are not antecedents of a pronoun.
        coref_prefix: the ``doc.spans`` key prefix of coreference clusters.
        furniture: per token, 1 on a line of page furniture: never an antecedent.
        captions: per token, 1 in a photo caption: its names are known (for
            surnames) but never the antecedent of a pronoun.
        ranker: ranks the candidate antecedents of pronouns and descriptions
            (default: the shipped model, `Ranker.shipped`; `HAND_RULES`
            for the hand-written rules alone).
        table: the article's entities, when the caller built them (it then
            holds the pronouns and descriptions resolved to them).

    Returns:
        The attributions with their `Speaker` (unknown where there is
        no mention), in the same order.
    """
    table = ArticleEntities(doc, coref_prefix, furniture) if table is None else table
    in_quote = quote_mask(len(doc), quoted)
    for mask in (furniture, captions):  # names on furniture lines and in captions are no antecedents either
        if mask is not None:
            in_quote = bytearray(a | b for a, b in zip(in_quote, mask, strict=True))
    table.learn_genders(in_quote)
    ranker = Ranker.shipped() if ranker is None else ranker
    out: list[Attribution] = []
    history: list[tuple[int, Speaker, str]] = []  # (head index, speaker, head lemma)
    for att in attributions:
        mention = att.mention
        if mention is None:
            out.append(att)
            continue
        own = att.candidate.quote_tokens
        res = admit(doc, mention, _resolve_one(doc, table, mention, history, in_quote, ranker, own))
        head = doc[mention.head]
        if mention.method != "floating":
            history.append((mention.head, res, head.lemma_.lower()))
            entity = table.entity_named(res.name) if res.named and mention_kind(doc, mention) else None
            if entity is not None:
                table.add_mention(head, entity, mention.start)
            if res.name and head.lower_ in PRONOUN_GENDER:
                for ent in table.entities:
                    if ent.name == res.name and ent.gender is None:
                        ent.gender = PRONOUN_GENDER[head.lower_]
        out.append(attrs.evolve(att, speaker=res))
    return out


def _proper_name(
    table: ArticleEntities, run: Sequence[Token], role: str | None = None, gender: str | None = None
) -> Speaker:
    """A name's speaker: the fullest form the article gives it (of ``gender``,
    an honorific's, when known), else the name as written."""
    ent = table.lookup(run)
    if gender is not None and ent is not None and ent.gender not in (None, gender):
        # "Mr. Khan" is not Ghazala Khan when the article names a man Khan too
        # (but "Mr. Graham" stays Lindsey Graham when it names no other Graham).
        other = table.lookup(run, gender)
        if other is not None and len(other.tokens) > len(run):
            ent = other
    if ent is not None:
        return ent.speaker(Resolution.ARTICLE_NAME, role)
    return Speaker(text_of(run), label_of(run), Resolution.NEW_NAME, role, named=True)


def _first_name_of(table: ArticleEntities, first: Token, surname: Token) -> bool:
    """Whether ``first`` is a first name, by the lexicon or because the article
    names a person by it and ``surname`` ("Khizr Khan")."""
    if first.lower_ in FIRST_NAMES:
        return True
    pair = {first.lower_, surname.lower_}
    return any(e.type == "person" and pair <= set(e.tokens) for e in table.entities)


def _spokesperson_of(
    doc: Doc, table: ArticleEntities, mention: Mention, found: Speaker, in_quote: bytearray
) -> Speaker:
    """"A spokeswoman" with no one named for her, right after a sentence whose
    subject is an organisation: that organisation's ("Britain's Treasury said …
    “…,” a spokeswoman said" → "a spokeswoman for Treasury")."""
    head = doc[mention.head]
    if head.lemma_.lower() not in SPOKESPERSON_NOUNS or any(
        c.dep_ in ("prep", "poss", "compound", "amod", "nmod") for c in head.children
    ):
        return found
    here = table.sentence_of(head.i)
    lo = table.sentence_start(here - 1)
    first = bisect.bisect_left(table.mentions, lo, key=lambda m: m.token)
    last = bisect.bisect_left(table.mentions, mention.start, key=lambda m: m.token)
    subjects = [m for m in table.mentions[first:last] if m.subject and not in_quote[m.token]]
    if not subjects or subjects[-1].entity.type != "organisation" or not subjects[-1].entity.named:
        return found
    return attrs.evolve(found, name=f"{found.name} for {subjects[-1].entity.name}")


def _kept_anonymous(doc: Doc, mention: Mention) -> bool:
    """Whether the sentence of a description says its source goes unnamed
    ("speaking on condition of anonymity", "who asked not to be identified")."""
    sent = doc[mention.head].sent
    for tok in sent:
        if tok.lemma_.lower() in ANONYMITY_WORDS:
            return True
        if tok.lemma_.lower() in UNNAMED_PARTICIPLES and tok.tag_ == "VBN" and tok.i >= sent.start + 2 \
                and doc[tok.i - 1].lower_ == "be" and doc[tok.i - 2].lower_ == "to":
            return True  # "asked not to be named", "declined to be identified"
    return False


def _sharing_surname(table: ArticleEntities, mention: Mention, run: Sequence[Token]) -> Token | None:
    """The first name joined by "and" to a full name it shares the surname of
    ("*Khizr* and Ghazala Khan", "*Bill* and Hillary Clinton"), or None."""
    if len(run) < 2 or run[0].i - 2 < mention.start:
        return None
    doc = run[0].doc
    joint, first = doc[run[0].i - 1], doc[run[0].i - 2]
    lone = first.i == 0 or not doc[first.i - 1].text[:1].isupper() or doc[first.i - 1].is_sent_start
    if joint.lower_ != "and" or not first.is_title or not lone:
        return None
    return first if _first_name_of(table, first, _surname(run)) else None


def _surname(run: Sequence[Token]) -> Token:
    """The surname of a full name: its last word that is no suffix ("Jr.")."""
    return next((t for t in reversed(run) if not name_suffix(t.text)), run[-1])


def _surname_partner(table: ArticleEntities, head: Token) -> list[Token] | None:
    """The full name a lone first name is joined to by "and" when the parse hangs
    it on that first name ("Bill and *Hillary Clinton*"), or None."""
    doc = head.doc
    if head.i + 3 >= len(doc) or doc[head.i + 1].lower_ != "and":
        return None
    for conj in head.children:
        if conj.dep_ == "conj" and conj.pos_ == "PROPN":
            run = name_tokens(conj)
            if len(run) >= 2 and run[0].i == head.i + 2 and run[-1].i == conj.i \
                    and _first_name_of(table, head, _surname(run)):
                return run
    return None


def _with_conjoined(table: ArticleEntities, head: Token, first: Speaker) -> Speaker:
    """``first`` joined with the names conjoined to ``head`` ("Charles Glynn and
    Richard Jones"): both speak, both are named."""
    names = [first.name]
    types = {first.type}
    chain = [c for c in head.children if c.dep_ == "conj"]
    for prep in head.children:  # "Johnny Isakson of Georgia and John Boozman": the parser joins Boozman to Georgia
        if prep.dep_ == "prep" and prep.lower_ in ("of", "from"):
            for place in prep.children:
                if place.dep_ == "pobj" and place.ent_type_ == "GPE":
                    chain += [c for c in place.children if c.dep_ == "conj" and c.ent_type_ == "PERSON"]
    conjoined = []
    while chain:  # "A, B and C": each name is a conj of the one before
        tok = chain.pop(0)
        before = tok.doc[tok.left_edge.i - 1] if tok.left_edge.i > 0 else None
        if tok.pos_ == "NOUN" and before is not None and before.text == ",":
            continue  # "China, Pyongyang's only ally and its …": an apposition the parse took for a conjunct
        if any(t.tag_ == "." and t.whitespace_ for t in tok.doc[min(tok.head.i, tok.i) + 1:tok.left_edge.i]):
            continue  # "Doug Purdy, who lost 16 lbs. “and two belt loops” …": a conjunct across a full stop
        conjoined.append(tok)
        chain.extend(c for c in tok.children if c.dep_ == "conj")
    for tok in conjoined:
        if tok.pos_ == "PROPN":
            run = name_tokens(tok)
            if run and run[-1].i == tok.i and not title_only(run):
                other = _proper_name(table, run)
                names.append(other.name)
                types.add(other.type)
        elif tok.pos_ == "NOUN" and bare(tok.lemma_.lower()) in TITLES and tok.i + 1 < len(tok.doc) \
                and tok.doc[tok.i + 1].ent_type_ == "PERSON" and tok.doc[tok.i + 1].pos_ == "PROPN":
            # "Stone and Republican vice presidential candidate Mike Pence": the name after the title
            stop = tok.i + 1
            while stop < len(tok.doc) and tok.doc[stop].ent_type_ == "PERSON" and tok.doc[stop].pos_ == "PROPN":
                stop += 1
            other = _proper_name(table, list(tok.doc[tok.i + 1:stop]))
            names.append(other.name)
            types.add(other.type)
        elif tok.pos_ == "NOUN" and (owner := _named_compound(tok)) is not None:
            # "Reuters and the Microsoft software company": the organisation it names
            other = _proper_name(table, name_tokens(owner))
            names.append(other.name)
            types.add(other.type)
        elif _joined_group(tok):
            # "Sanders and his supporters", "Comey and other law enforcement
            # officials", "Mrs. Clinton … as well as her campaign": a group that
            # speaks too, by its words.
            words = conjunct_description(tok)
            if words and (first.named or words not in str(first.name)):
                names.append(words)
                types.add("group")
    if len(names) == 1:
        return first
    joined = ", ".join(str(n) for n in names[:-1]) + " and " + str(names[-1])
    kind = "person" if types == {"person"} else "group"
    return attrs.evolve(first, name=joined, type=kind, role=None)


def _named_compound(tok: Token) -> Token | None:
    """The organisation's name compounded to a conjoined noun ("Microsoft" in
    "the Microsoft software company"; "Gannett" in "the Gannett newspaper
    chain", whatever NER typed it, before a noun for a kind of organisation),
    or None."""
    org_noun = tok.lemma_.lower() in ORG_ROLE_NOUNS
    for c in tok.lefts:
        if c.dep_ != "compound":
            continue
        if c.pos_ == "PROPN" and (c.ent_type_ == "ORG" or org_noun):
            return c
        if c.pos_ == "NOUN":  # "Gannett newspaper" in "the Gannett newspaper chain"
            inner = next((d for d in c.lefts if d.dep_ == "compound" and d.pos_ == "PROPN"), None)
            if inner is not None and (inner.ent_type_ == "ORG" or org_noun):
                return inner
    return None


def _joined_group(tok: Token) -> bool:
    """Whether a conjunct is a group or a pronoun's organisation joined by "and"
    ("his supporters", "other officials"), not a list inside an apposition."""
    before = tok.doc[tok.left_edge.i - 1] if tok.left_edge.i > 0 else None
    if tok.pos_ != "NOUN" or before is None or before.dep_ != "cc":
        return False
    return tok.tag_ == "NNS" or any(c.dep_ == "poss" and c.pos_ == "PRON" for c in tok.children)


def _country_of_people(table: ArticleEntities, head: Token) -> Entity | None:
    """The country the article names whose people "the Russians", "the Saudis"
    speak for (a plural nationality after "the"), or None."""
    definite = any(c.dep_ == "det" and c.lower_ == "the" for c in head.children)
    if head.ent_type_ != "NORP" or head.tag_ != "NNPS" or not definite:
        return None
    people = head.text.lower().removesuffix("s")
    for ent in table.entities:
        if ent.type != "country":
            continue
        name = ent.name.lower()
        stems = {name, name.rstrip("aey")}
        if name.split()[0] == people or any(people == s + e for s in stems for e in DEMONYM_ENDINGS):
            return ent
    return None


def _misplaced_apposition(head: Token, tok: Token, mention: Mention) -> bool:
    """Whether ``tok`` is a person's name in apposition that the parse hung on
    another name inside the description ``head`` heads: in "One pastor
    supporting Mr. Cruz, Darran Whiting of …", Darran Whiting is the pastor."""
    other = tok.head
    after_comma = tok.left_edge.i > 0 and tok.doc[tok.left_edge.i - 1].text == ","
    if not (tok.dep_ == "appos" and tok.pos_ == "PROPN" and after_comma and head.i < other.i < tok.i):
        return False
    if head.pos_ != "NOUN" or head.lemma_.lower() in DOCUMENT_NOUNS or other.pos_ != "PROPN":
        return False
    return all(label_of(name_tokens(t)) == "person" for t in (tok, other))




def _person_after_title(head: Token, mention: Mention) -> Token | None:
    """The last word of a person's name that ends a capitalised title headed by
    ``head`` ("Speaker of the House Rep. Paul Ryan", "Governor of the Central
    Bank of Iran Mohammad Reza Farzin"), or None.

    The name must be two words or more, tagged PERSON, inside the mention,
    and follow a capitalised word of the title: "the lawyer of John Smith" and
    "Spokesman for Senator John McCain" are not their names.
    """
    if not head.text[:1].isupper() or head.ent_type_ == "PERSON" or head.tag_ in PLURAL_NOUN_TAGS:
        return None
    if head.pos_ != "PROPN" and bare(head.lower_) not in TITLES:
        return None  # "Supporters of Republican Donald Trump" are not Trump
    for name in head.children:  # "UMWA Director of Government Affairs Phil Smith": no comma before the name
        edge = name.left_edge
        if name.dep_ == "appos" and name.ent_type_ == "PERSON" and mention.start <= edge.i and name.i < mention.end \
                and name.i > edge.i and edge.i > 0 and not edge.nbor(-1).is_punct and bare(head.lower_) in TITLES:
            return name
    for prep in head.children:
        if prep.dep_ != "prep" or prep.lower_ not in TITLE_PREPOSITIONS:
            continue
        for obj in prep.children:
            if obj.dep_ != "pobj" or obj.ent_type_ != "PERSON" or not mention.start <= obj.i < mention.end:
                continue
            first = obj.i
            while first > 0 and obj.doc[first].ent_iob_ == "I":
                first -= 1
            before = obj.doc[first - 1] if first > 0 else None
            if obj.i - first < 1 or before is None or before.i <= prep.i:
                continue
            if obj.i + 1 < len(obj.doc) and obj.doc[obj.i + 1].ent_iob_ == "I":
                continue  # the name goes on past the object
            if before.text[:1].isupper() and (before.pos_ == "PROPN" or bare(before.lower_) in TITLES):
                return obj
    return None


def _resolve_one(
    doc: Doc, table: ArticleEntities, mention: Mention, history, in_quote: bytearray, ranker: Ranker,
    own: tuple[int, int] = (0, 0),
) -> Speaker:
    pair = numbered_group(doc, table, mention, in_quote)
    if pair is not None:  # "Both lawmakers", "the two", "each" after "Mr. Clyburn and Mr. Butterfield"
        return pair
    antecedent = relative_antecedent(doc, mention)
    if antecedent is not None:  # "retired generals and admirals, most of whom said …"
        return _resolve_one(doc, table, antecedent, history, in_quote, ranker)
    if of_group(doc, mention):  # "some of her supporters": no one entity, but a group
        group = unnamed_source(doc, mention)
        group = attrs.evolve(group, type="group") if group.name else group
        return _spelled_out(doc, table, mention, group, history, in_quote, ranker)
    share = share_of_group(doc, table, mention, in_quote)
    if share is not None:  # "Two in three said …" after "84 percent of Latino voters in Florida"
        return share
    head = doc[mention.head]
    span = [doc[i] for i in range(mention.start, mention.end)]
    # 1. A coreference cluster from a statistical component.
    ent = table.cluster_name(mention.head)
    if ent is not None:
        return ent.speaker(Resolution.CLUSTER)
    # 2. A proper name, and the names conjoined to it ("Both Sandmann and Phillips").
    titled = _person_after_title(head, mention)
    if titled is not None:  # "Governor of the Central Bank of Iran Mohammad Reza Farzin"
        run = name_tokens(titled)
        role = span_text(doc, mention.start, run[0].i).strip() or None
        return _with_conjoined(table, titled, _proper_name(table, run, role))
    full = name_run(head) if not nationality_description(head) else []  # not "the Kentucky Republican"
    titles, run = split_title(full)
    country = _country_of_people(table, head) if len(run) == 1 else None
    if country is not None:  # "The Russians said …" after "Russia …"
        return country.speaker(Resolution.ARTICLE_NAME)
    family = family_members(table, head) if len(run) == 1 else None
    if family is not None:  # "The Khans said …" after "Khizr Khan and Ghazala Khan"
        return joined_people(family)
    shared = _sharing_surname(table, mention, run)
    if shared is not None:  # "Khizr and Ghazala Khan, the Gold Star parents, say …"
        first, second = _proper_name(table, [shared, _surname(run)]), _proper_name(table, run)
        return joined_people([str(first.name), str(second.name)])
    partner = _surname_partner(table, head) if len(run) == 1 else None
    if partner is not None:  # "Bill and Hillary Clinton said …", the parse joining the full name to "Bill"
        first, second = _proper_name(table, [head, _surname(partner)]), _proper_name(table, partner)
        return joined_people([str(first.name), str(second.name)])
    if run and not title_only(run):
        role = text_of(titles) if titles else None
        honorific = {bare(t.lower_) for t in titles}
        gender = "m" if honorific & MALE_WORDS else "f" if honorific & FEMALE_WORDS else None  # "Mr. Khan"
        return _with_conjoined(table, head, _proper_name(table, run, role, gender))
    # A capitalised word the parser did not tag as a name ("Pence demands …").
    if head.text[:1].isupper() and head.pos_ not in ("PRON", "DET") and bare(head.lower_) not in TITLES:
        ent = table.lookup([head])
        if ent is not None and ent.type == "person" and len(ent.tokens) > 1:
            return _with_conjoined(table, head, ent.speaker(Resolution.CAPITALISED))
    # 3. A name in apposition, or after from/by ("a report from … IRNA").
    for tok in span:
        # "the chief of staff, Gen. Mohammad Bagheri"; "actors and spouses Nick
        # Offerman and Megan Mullally" (the names parsed as conjuncts of the noun).
        named = tok.dep_ == "appos" or tok.dep_ == "conj" and head.pos_ == "NOUN" and tok.ent_type_ == "PERSON"
        if tok.head.i != head.i and not _misplaced_apposition(head, tok, mention):
            continue
        if named and tok.pos_ == "PROPN":
            ent = table.lookup(name_tokens(tok))
            if ent is not None:
                found = ent.speaker(Resolution.APPOSITION, span_text(doc, mention.start, tok.left_edge.i))
                return _with_conjoined(table, tok, found)
    for tok in span:
        prep = tok.head
        if tok.dep_ != "pobj" or prep.lower_ not in ("from", "by"):
            continue
        if (
            prep.head.i == head.i and not _speaks_for_itself(head)
            or prep.head.head.i == head.i and _made_by(prep.head, head)
        ) and not (tok.ent_type_ in ("GPE", "LOC", "FAC") and head.lemma_.lower() not in DOCUMENT_NOUNS):
            # "a report from IRNA"; not "a gynecologist from Englewood", "The investigators, from … Bureau"
            run = name_tokens(tok)
            if run:
                ent = table.lookup(run)
                if ent is not None:
                    return ent.speaker(Resolution.FROM_BY)
                return Speaker(text_of(run), label_of(run), Resolution.FROM_BY_NEW, named=True)
    # 3a. "The Clinton campaign", "his campaign": an organisation named by the person who heads it.
    owned = _owned_by(head)
    if owned is not None:
        sub = Mention(owned.left_edge.i, owned.i + 1, owned.i, mention.method)
        found = _resolve_one(doc, table, sub, history, in_quote, ranker)
        if found.named and found.type == "person":
            return _with_conjoined(table, head, _organisation_of(found, head))
    if head.lemma_.lower() in OWNED_ORGANISATION_NOUNS and any(c.lower_ == "the" for c in head.lefts):
        # "The campaign": the one the article's quotes last named.
        noun = " " + head.lemma_.lower()
        for _, said, _ in reversed(history):
            if said.named and said.type == "organisation" and str(said.name).endswith(noun):
                return attrs.evolve(said, path=Resolution.OWNER)
    # 3b. A document or statement of someone's: "her statement", "Foster’s book",
    # "the RCMP statement" speak for their author.
    author = _author_of(head, table)
    if author is not None:
        sub = Mention(author.left_edge.i, author.i + 1, author.i, mention.method)
        found = _resolve_one(doc, table, sub, history, in_quote, ranker)
        if found.name is not None and found.named:
            return attrs.evolve(found, path=Resolution.AUTHOR)
    # 3b'. "The email said" after "Clinton's campaign sent out an email": its sender.
    sender = _sender_of(doc, table, head, mention, in_quote)
    if sender is not None:
        sub = Mention(sender.left_edge.i, sender.i + 1, sender.i, mention.method)
        found = _resolve_one(doc, table, sub, history, in_quote, ranker)
        by_name = any(c.dep_ == "poss" and c.pos_ == "PROPN" for c in sender.lefts)
        if found.name is not None and (found.named or by_name and found.path is Resolution.DESCRIPTION):
            return attrs.evolve(found, path=Resolution.AUTHOR)  # "Colin Powell’s office" too
    # 3c. "I" in the article's own voice (an op-ed, a letter): its writer.
    if head.lower_ in WRITER_PRONOUNS and not in_quote[head.i]:
        writer = table.writer_at(head.i)
        return Speaker(writer or WRITER_UNKNOWN, "person", Resolution.WRITER, named=writer is not None)
    cascade = hand_rules(doc, table, mention, history, in_quote)
    kind = mention_kind(doc, mention)
    if kind is None:
        return _spelled_out(doc, table, mention, cascade, history, in_quote, ranker)
    # 4. A pronoun or a description: the learned ranking of the article's entities.
    candidates = antecedents(doc, table, mention, kind, history, in_quote, cascade, own)
    found = ranker.resolve(kind, candidates, cascade, unnamed_source(doc, mention), mention)
    if kind == DESCRIPTION and found.named and _kept_anonymous(doc, mention):
        # "“…,” a spokeswoman said, speaking on condition of anonymity": no one the article names.
        found = unnamed_source(doc, mention)
    person_noun = bare(head.lemma_.lower()) in TITLES or head.lemma_.lower() in _LEAD_PERSON_NOUNS
    if kind == DESCRIPTION and not found.named and person_noun and head.tag_ == "NN":
        lead = _headline_lead(doc, table, mention)
        if lead is not None:  # "NATO chief urges Europe …" over "Mark Rutte said …"
            return lead.speaker(Resolution.HEADLINE_LEAD, span_text(doc, mention.start, mention.end))
    if kind == DESCRIPTION and found.path is Resolution.DESCRIPTION and cascade.path is Resolution.REPEATED \
            and not cascade.named and _bare_definite(head):
        found = cascade  # "The sources said" after "Sources familiar with the effort said": the same source
    if kind == DESCRIPTION and found.named and _possessor(doc, table, head, history, in_quote, ranker) == found.name:
        found = unnamed_source(doc, mention)  # "His wife" is not he, nor "her spokesman" she
    found = _spelled_out(doc, table, mention, found, history, in_quote, ranker)
    if kind == DESCRIPTION and not found.named and found.name is not None:
        found = _spokesperson_of(doc, table, mention, found, in_quote)
    if kind == DESCRIPTION and found.path is Resolution.RANKED and found.type == "person":
        if head.lemma_.lower() in OWNED_ORGANISATION_NOUNS:  # "the campaign" of the candidate it binds to
            return _with_conjoined(table, head, _organisation_of(found, head))
        found = attrs.evolve(found, role=span_text(doc, mention.start, mention.end))  # "the Iranian president"
    return _with_conjoined(table, head, found) if found.name else found  # "he and Mr. Allen"


def _bare_definite(head: Token) -> bool:
    """Whether a noun has only a definite or demonstrative determiner before it
    ("the sources", "These people"; not "Pentagon officials", "the senior aides")."""
    lefts = list(head.lefts)
    return len(lefts) == 1 and lefts[0].dep_ == "det" and lefts[0].lower_ in ("the", "this", "that", "these", "those")


def _possessor(
    doc: Doc, table: ArticleEntities, head: Token, history, in_quote: bytearray, ranker: Ranker,
) -> str | None:
    """The named person a person noun's "his" or "her" stands for ("his" in "His
    wife"), or None."""
    noun = head.lemma_.lower()
    if noun not in PEOPLE_NOUNS and noun not in KIN_NOUNS and bare(noun) not in PERSON_TITLE_NOUNS:
        return None
    owner = next((c for c in head.lefts if c.dep_ == "poss" and c.lower_ in OWNER_GENDER), None)
    if owner is None:
        return None
    who = _resolve_one(doc, table, Mention(owner.i, owner.i + 1, owner.i, "subject"), history, in_quote, ranker)
    return who.name if who.named and who.type == "person" else None


def _spelled_out(
    doc: Doc, table: ArticleEntities, mention: Mention, found: Speaker, history, in_quote: bytearray, ranker: Ranker,
) -> Speaker:
    """An unnamed source's description with the people it is about named in
    full: "those around him" → "those around Bernie Sanders", "His wife" →
    "Donald Trump's wife", "Powell’s office" → "Colin Powell’s office". A
    pronoun stays when it stands for no named person. Other speakers are
    returned as they are."""
    if found.path is not Resolution.DESCRIPTION or found.named or not found.name or not (
        found.type in ("person", "group") or doc[mention.head].lemma_.lower() in ENTOURAGE_NOUNS
    ):
        return found
    start, stop = description_bounds(doc, mention)
    if span_text(doc, start, stop) != found.name:
        start, stop = mention.start, mention.end  # "those around him": the whole mention
        if span_text(doc, start, stop) != found.name:
            return found
    owned = _owners_people(doc, table, mention, start, stop, history, in_quote, ranker)
    if owned is not None:
        return attrs.evolve(found, name=owned)
    words: dict[int, str] = {}
    skip: set[int] = set()
    for tok in doc[start:stop]:
        if tok.lower_ in ABOUT_PRONOUNS and tok.dep_ in ("poss", "pobj", "dobj"):
            sub = Mention(tok.i, tok.i + 1, tok.i, mention.method)
            who = _resolve_one(doc, table, sub, history, in_quote, ranker)
            if who.named and who.type == "person" and who.name:
                words[tok.i] = who.name + ("'s" if tok.dep_ == "poss" else "") + tok.whitespace_
        elif tok.pos_ == "PROPN" and tok.dep_ == "poss":  # "Powell’s office", "Mr. Sanders's aides"
            full = [t for t in name_run(tok) if t.i >= start]
            sub = Mention(full[0].i, tok.i + 1, tok.i, mention.method)
            who = _resolve_one(doc, table, sub, history, in_quote, ranker)
            if who.named and who.type == "person" and who.name and who.name.split()[-1] == tok.text:
                words[full[0].i] = who.name + tok.whitespace_
                skip.update(t.i for t in full[1:])
    if not words:
        return found
    spelled = "".join(
        "" if t.i in skip else words.get(t.i, t.text_with_ws) for t in doc[start:stop]
    ).strip()
    return attrs.evolve(found, name=spelled)


def _owners_people(
    doc: Doc, table: ArticleEntities, mention: Mention, start: int, stop: int, history, in_quote: bytearray,
    ranker: Ranker,
) -> str | None:
    """People of a named entity, named the way the name sets name them: "Aides to
    Clinton" → "Hillary Clinton's aides", "supporters of Democrat Hillary
    Clinton" → "Hillary Clinton's supporters", "Executives for Mondelez" →
    "Mondelez executives"; None for any other description. The people are a
    plural noun for people, and the entity its only modifier after it."""
    head = doc[mention.head]
    if head.tag_ != "NNS" or head.lemma_.lower() not in PEOPLE_NOUNS or head.lemma_.lower() == "member":
        return None  # "Members of Parliament" stay as they are
    after = [c for c in head.rights if c.i < stop]
    if len(after) != 1 or after[0].dep_ != "prep" or after[0].lower_ not in ("of", "to", "for"):
        return None
    objs = [c for c in after[0].children if c.dep_ == "pobj" and c.pos_ == "PROPN"]
    if len(objs) != 1 or any(t.pos_ != "PUNCT" for t in doc[objs[0].right_edge.i + 1:stop]):
        return None  # "Supporters of Republican Donald Trump for president": more than the entity
    obj = objs[0]
    sub = Mention(obj.left_edge.i, obj.i + 1, obj.i, mention.method)
    who = _resolve_one(doc, table, sub, history, in_quote, ranker)
    if not who.named or not who.name or who.type not in ("person", "organisation"):
        return None
    first = start
    while first < head.i and doc[first].dep_ == "det":
        first += 1
    people = span_text(doc, first, head.i + 1)
    if doc[first].i < head.i and first == start and doc[first].is_title and not doc[first].pos_ == "PROPN":
        people = people[:1].lower() + people[1:]  # "Aides" → "aides" inside the name
    elif first == head.i:
        people = head.lower_
    return f"{who.name}'s {people}" if who.type == "person" else f"{who.name} {people}"




#: A headline has at most this many words.
HEADLINE_WORDS = 15
#: The lines of an article's head (its headline and deck), by index.
HEAD_LINES = 2
#: How far after a headline its lead names the person it describes.
LEAD_TOKENS = 80
#: The article's first sentences (a headline line counts as one), where an
#: indefinite description may stand for the person the lead goes on to name.
LEAD_SENTENCES = 5
#: Head nouns of a description that a headline or lead may name ("official", "woman").
_LEAD_PERSON_NOUNS = PEOPLE_NOUNS | MALE_NOUNS | FEMALE_NOUNS


def _headline_lead(doc: Doc, table: ArticleEntities, mention: Mention) -> Entity | None:
    """The person a description in the article's head describes, named as a
    subject by the lead under it: a headline's title ("NATO chief urges Europe
    …" over "Mark Rutte said …"; "Member of House panel says …" over "Rep. Adam
    Schiff … called on …"), or an indefinite description in the article's
    first sentences ("A New York judge has rejected …" over "Manhattan Supreme
    Court Justice Frank Nervo rejected …"). A headline is a short line in the
    article's head or without a full stop; the person is the first named as a
    clause's subject within `LEAD_TOKENS` after it and first named there (not
    in its line or sentence, nor before), and not of the other gender than a
    gendered noun ("A woman who …"). None when there is no such person."""
    block = _headline_around(doc, table, mention)
    # Below a headline, a subject; after a sentence, the subject of a sentence
    # ("Juanita Broaddrick … recounted", not "… meant Hillary Clinton knew").
    main = block is None
    block = block or _opening_sentence(doc, table, mention)
    if block is None:
        return None
    first, last = block
    head = doc[mention.head]
    lemma = head.lemma_.lower()
    gender = "m" if lemma in MALE_NOUNS else "f" if lemma in FEMALE_NOUNS else None
    mentions = table.mentions  # in text order, this description's own resolutions too
    here = bisect.bisect_left(mentions, first, key=lambda m: m.token)
    lead = bisect.bisect_left(mentions, last, key=lambda m: m.token)
    named = {id(m.entity) for m in mentions[here:lead] if not mention.start <= m.token < mention.end}
    for seen in mentions[lead:]:
        if seen.token >= last + LEAD_TOKENS:
            break
        ent = seen.entity
        if ent.type != "person" or len(ent.tokens) < 2 or id(ent) in named or ent.first < first:
            continue  # one the article names before, or the headline or sentence itself
        opening = table.sentence_start(table.sentence_of(seen.start))
        titled = all(bare(t.lower_) in TITLES for t in doc[opening:seen.start])
        if (seen.main_subject if main else seen.subject) or titled:
            # "Mark Rutte said …", "Rep. Adam Schiff, the top Democrat …, called on …"
            return ent if gender is None or ent.gender in (None, gender) else None
    return None


def _headline_around(doc: Doc, table: ArticleEntities, mention: Mention) -> tuple[int, int] | None:
    """The tokens of the headline a mention stands in, or None."""
    first, last = mention.start, mention.end
    while first > 0 and "\n" not in doc[first - 1].text_with_ws:
        first -= 1
    while last < len(doc) and "\n" not in doc[last - 1].text_with_ws:
        last += 1
    words = [t for t in doc[first:last] if t.is_alpha]
    ending = [t for t in doc[first:last] if not t.is_space]
    if not words or len(words) > HEADLINE_WORDS:
        return None
    if table.paragraph_of(first) >= HEAD_LINES and ending[-1].text in (".", "!", "?", "”", '"', ":"):
        return None
    return first, last


def _opening_sentence(doc: Doc, table: ArticleEntities, mention: Mention) -> tuple[int, int] | None:
    """The tokens of the sentence an indefinite description is a subject in
    ("A New York judge has rejected …"), when it is one of the article's first
    `LEAD_SENTENCES`; else None."""
    head = doc[mention.head]
    indefinite = any(c.dep_ == "det" and c.lower_ in ("a", "an") for c in head.children)
    if head.dep_ not in SUBJECT_DEPS or not indefinite:
        return None
    k = table.sentence_of(mention.start)
    if k >= LEAD_SENTENCES:
        return None
    last = table.sentence_start(k + 1) if table.sentence_of(len(doc) - 1) > k else len(doc)
    return table.sentence_start(k), last


def _owned_by(head: Token) -> Token | None:
    """The person's word before an organisation a person heads ("Clinton" in "the
    Clinton campaign", "his" in "his campaign", "Rubio’s" in "Marco Rubio’s
    campaign"), or None."""
    if head.lemma_.lower() not in OWNED_ORGANISATION_NOUNS:
        return None
    for child in head.lefts:
        if child.dep_ == "poss" and (child.pos_ == "PROPN" or child.lower_ in OWNER_GENDER):
            return child
        if child.dep_ == "compound" and child.pos_ == "PROPN":
            return child
    return None


def _organisation_of(person: Speaker, head: Token) -> Speaker:
    """The organisation ``head`` names, headed by ``person``: "Hillary Clinton campaign"."""
    return Speaker(f"{person.name} {head.lemma_.lower()}", "organisation", Resolution.OWNER, named=True)


def _speaks_for_itself(head: Token) -> bool:
    """Whether a noun names people, who speak themselves, not the body they come
    from ("investigators from the Bureau", "a user from Hanover")."""
    lemma = head.lemma_.lower()
    return bare(lemma) in TITLES or lemma in PEOPLE_NOUNS or lemma in KIN_NOUNS


def _made_by(verb: Token, head: Token) -> bool:
    """Whether "by"/"from" under ``verb``, a modifier of ``head``, names who
    made ``head``: a document issued or released by someone ("a statement
    issued by the ministry", "figures released by …"); not people or a body
    someone appointed or reached ("a commission appointed by …", "Powell’s
    office, when contacted by Reuters")."""
    if verb.pos_ not in VERB_POS:
        return True
    lemma = head.lemma_.lower()
    if _speaks_for_itself(head) or lemma in SPEAKING_BODY_NOUNS:  # "a commission appointed by …"
        return False
    return not any(c.dep_ == "mark" or c.dep_ == "advmod" and c.lower_ in ("when", "while") for c in verb.children)


#: How far back (in sentences) a document's sender is looked for.
SENDER_SENTENCES = 3


def _sender_of(doc: Doc, table: ArticleEntities, head: Token, mention: Mention, in_quote: bytearray) -> Token | None:
    """Who sent the document a definite description names: the subject of the
    clause whose object was the same document shortly before ("the email" after
    "Clinton's campaign sent out an email fundraising appeal"; "the statement"
    after "the company released a statement" or "Powell’s office said in a
    statement"), or None."""
    lemma = head.lemma_.lower()
    if lemma not in DOCUMENT_NOUNS or not any(c.lower_ in ("the", "this", "that") for c in head.lefts):
        return None
    first = table.sentence_start(table.sentence_of(mention.start) - SENDER_SENTENCES)
    for i in range(mention.start - 1, first - 1, -1):
        tok = doc[i]
        if tok.lemma_.lower() != lemma or in_quote[i]:
            continue
        noun = tok
        while noun.dep_ == "compound" and noun.head.i > noun.i:  # "an email fundraising appeal"
            noun = noun.head
        verb = noun.head
        if noun.dep_ == "pobj" and verb.lower_ in ("in", "through"):  # "… said in a statement"
            verb = verb.head
            if not is_speech_verb(verb.lemma_):  # not "Johnson has 9 percent in the poll"
                continue
        elif noun.dep_ != "dobj":
            continue
        if verb.pos_ != "VERB":
            continue
        subjects = [c for c in verb.children if c.dep_ == "nsubj"]
        return subjects[0] if subjects and subjects[0].pos_ in NOUN_POS else None
    return None


#: NER labels of a name that can own a document ("Foster’s book", "the RCMP statement").
AUTHOR_LABELS = ("ORG", "PERSON", "GPE", "NORP")


def _author_of(head: Token, table: ArticleEntities | None = None) -> Token | None:
    """The owner of a document noun, when a name or he/she says who it is ("her"
    in "her statement", "Foster" in "Foster’s book", "RCMP" in "the RCMP
    statement"), or None."""
    if head.lemma_.lower() not in DOCUMENT_NOUNS and head.lemma_.lower() not in REPORTING_NOUNS:
        return None
    owners = [c for c in head.lefts if c.dep_ == "poss"]
    if owners:  # "her statement", "Foster’s book": the owner, or no one ("its FEC reports" is not the FEC's)
        owner = owners[0]
        named = owner.pos_ == "PROPN" and owner.ent_type_ in AUTHOR_LABELS
        return owner if named or owner.lower_ in OWNER_GENDER else None
    for child in head.children:
        if child.i > head.i:
            break
        known = table is not None and table.lookup([child]) is not None  # "Crowdpac data"
        named = child.pos_ == "PROPN" and (child.ent_type_ in AUTHOR_LABELS or known)
        if child.dep_ == "compound" and named:
            return child
        if child.dep_ == "compound" and child.pos_ == "NOUN":  # "the RBK news website"
            inner = [c for c in child.lefts if c.dep_ == "compound" and c.pos_ == "PROPN"]
            if inner and (inner[-1].ent_type_ in ("ORG", "GPE") or (table is not None and table.lookup(inner[-1:]))):
                return inner[-1]
    return None
