"""The article's entities: every name it uses, grouped, with what the article says of each.

Built once per Doc (`ArticleEntities`) from its proper-noun runs and named
entities, before any speaker is resolved:

* a name and its shorter forms are one entity: "Borshchevskaya" and "Anna"
  → "Anna Borshchevskaya", "Suncor" → "Suncor Energy"; an abbreviation the
  article defines ("Export Development Canada (EDC)") or spells with a name's
  capitals ("the PBO") is an alias;
* each entity keeps its type (person, organisation, country, group), its
  gender (from honorifics, first names and the he/she that follow it:
  `ArticleEntities.learn_genders`), and the roles and titles the article
  gives it ("Iranian President", "Iran's ambassador to Moscow", "the Ira
  Weiner Fellow at …"), which `ArticleEntities.by_role` matches against
  descriptions ("the Iranian president");
* its mentions: where each name of it stands, and in which syntactic role
  (`Entity.mentions`), the prominence the coreference stage weighs;
* clusters a coreference component left in ``doc.spans`` under a prefix
  (`COREF_PREFIX`), for `ArticleEntities.cluster_name`.
"""

from __future__ import annotations

import bisect
import functools
import itertools
from collections.abc import Sequence

import attrs
import numpy
from spacy.attrs import DEP, IS_SPACE, LOWER, POS, SENT_START
from spacy.tokens import Doc, Token

from quotebank.detect.base import is_speech_verb, span_text
from quotebank.detect.headline import title_case_common_words
from quotebank.lexicons import (
    ABBREVIATION_LINKS,
    FEMALE_FIRST_NAMES,
    FEMALE_WORDS,
    MALE_FIRST_NAMES,
    MALE_WORDS,
    NAME_PARTICLES,
    ORG_HEAD_NOUNS,
    ORG_ROLE_NOUNS,
    PAST_ROLE_WORDS,
    PRONOUN_GENDER,
    ROLE_FILLER_WORDS,
    ROLE_SYNONYMS,
    SUBJECT_DEPS,
    TITLES,
    WRITER_NOTE_NOUNS,
    bare,
)
from quotebank.lexicons.syntax import NAME_WORD_POS, NOUN_MODIFIER_DEPS, NOUN_POS, PLACE_LABELS, PLURAL_NOUN_TAGS
from quotebank.speakers.base import Resolution, Speaker
from quotebank.speakers.names import (
    apposition_host,
    hyphen,
    is_proper_modifier,
    joiner_width,
    label_of,
    name_part,
    name_run,
    name_suffix,
    name_tokens,
    org_inner,
    proper,
    split_title,
    stem,
    text_of,
    title_only,
)

__all__ = ["ArticleEntities", "Entity", "EntityMention", "COREF_PREFIX", "CLUSTER_SOURCE_ATTR", "write_clusters"]

#: The ``doc.spans`` key prefix under which a coreference component leaves its
#: clusters (spacy-experimental's ``coref_clusters_1``, ``coref_clusters_2`` …).
COREF_PREFIX = "coref_clusters"
#: The span group attribute that marks the clusters quotebank wrote.
CLUSTER_SOURCE_ATTR = "quotebank"
#: The longest abbreviation read as defined in brackets ("(EDC)"); the
#: lower-case words its long form may hold are `ABBREVIATION_LINKS`.
ABBREVIATION_CHARS = 6
#: Pronoun votes that give a person a gender (`ArticleEntities.learn_genders`):
#: at least this many, and this many times the votes for the other gender.
GENDER_VOTES = 2
GENDER_MAJORITY = 3
# Matching a description to a named entity's role (`ArticleEntities.by_role`).
#: The description's head noun is one of the entity's role nouns.
ROLE_SAME_NOUN = 3.0
#: It is a synonym of one ("the Russian leader" for a president).
ROLE_SYNONYM = 1.5
#: The entity was named before the description.
ROLE_NAMED_BEFORE = 0.5


@attrs.define
class Entity:
    """One entity of the article; what the article says of it is learned as it is read.

    Attributes:
        name: its fullest name in the article ("Vladimir Putin").
        tokens: the name's words, lower case.
        type: "person", "organisation", "country", "group" or "unknown".
        first: the token where it is first named.
        gender: "m", "f" or None.
        role: the longest title or description the article gives it.
        role_words: stems of the words of its roles.
        role_nouns: its roles' head nouns, lower case ("president", "ambassador").
        role_proper: stems of the names and nationalities in its roles ("iran", "russ").
        named: False for a group the article only describes ("F.B.I. agents"),
            which a plural pronoun may stand for.
    """

    name: str
    tokens: tuple[str, ...]
    type: str
    first: int
    gender: str | None = None
    role: str | None = None
    role_words: set[str] = attrs.Factory(set)
    role_nouns: set[str] = attrs.Factory(set)
    role_proper: set[str] = attrs.Factory(set)
    named: bool = True
    #: The gender came from a first name alone ("Lindsey"), which an honorific
    #: ("Mr. Graham") outweighs.
    gender_by_name: bool = False

    def speaker(self, path: Resolution, role: str | None = None) -> Speaker:
        """This entity as a quote's speaker, found by ``path``."""
        return Speaker(self.name, self.type, path, role or self.role, named=self.named)


@attrs.frozen(slots=True)
class EntityMention:
    """Where the article names an entity (or refers to it by a resolved pronoun).

    Attributes:
        token: the index of the mention's last (head) token.
        entity: the entity named.
        subject: the mention is a clause's subject.
        main_subject: it is the subject of its sentence's main verb.
        start: the index of the mention's first token (``token`` when it is one word).
    """

    token: int
    entity: Entity = attrs.field(eq=False)
    subject: bool
    main_subject: bool
    start: int = attrs.field(default=attrs.Factory(lambda self: self.token, takes_self=True))


def _mention_at(tok: Token, entity: Entity, start: int | None = None) -> EntityMention:
    subject = tok if tok.dep_ != "appos" else apposition_host(tok)
    is_subject = subject.dep_ in SUBJECT_DEPS
    first = tok.i if start is None else start
    return EntityMention(tok.i, entity, is_subject, is_subject and subject.head.dep_ == "ROOT", first)


class ArticleEntities:
    """The names an article uses, with their roles, to resolve surnames,
    pronouns and descriptions.

    Built once per Doc from its proper-noun runs and named entities.

    Args:
        doc: the parsed document.
        coref_prefix: the `doc.spans` prefix of a coreference model's clusters.
        skip: per token, 1 on page furniture, which names no entity.
        text: ``doc.text``, when the caller has it (spaCy rebuilds it on each access).
    """

    def __init__(
        self, doc: Doc, coref_prefix: str = COREF_PREFIX, skip: bytearray | None = None, text: str | None = None
    ) -> None:
        self.doc = doc
        self.entities: list[Entity] = []
        self._by_key: dict[tuple[str, ...], Entity] = {}
        self._misspelt: dict[str, Entity | None] = {}  # `_misspelt_person`'s answers
        self._by_end_word: dict[str, list[Entity]] = {}  # entities by their first and last words
        skip = skip or bytearray(len(doc))
        # Words of a title-case headline the article otherwise writes in lower
        # case break a run of proper nouns ("Offensive Things Donald Trump Said").
        common = title_case_common_words(doc, text)
        runs = self._runs(doc, bytearray(a | b for a, b in zip(skip, common, strict=True)))
        for run in runs:
            self._add(run)
        self._honorifics_outweigh_first_names()
        #: Abbreviations the article defines: "Export Development Canada (EDC)".
        self._aliases: dict[str, Entity] = {}
        self._fold_surnames()
        for short, long in _defined_abbreviations(doc):
            ent = self._add(long)
            if ent is not None:
                self._aliases.setdefault(short.lower(), ent)
        # An acronym the article never defines, but whose letters are the
        # capitals of one of its names: "the PBO" after "The Parliamentary Budget Officer".
        by_initials: dict[str, list[Entity]] = {}
        for ent in self.entities:
            words = [w for w in ent.name.split() if w[:1].isupper()]
            if len(words) >= 2:
                by_initials.setdefault("".join(w[0] for w in words).lower(), []).append(ent)
        for ent in self.entities:
            key = ent.tokens[0] if len(ent.tokens) == 1 else ""
            if ent.name.isupper() and 2 <= len(key) <= ABBREVIATION_CHARS and key not in self._aliases:
                longs = by_initials.get(key, [])
                if len(longs) == 1:
                    self._aliases[key] = longs[0]
        self.clusters = _coref_clusters(doc, coref_prefix)
        #: Every mention of an entity, in text order: its names (each resolved to
        #: the fullest form), then the pronouns and descriptions resolved to it.
        self.mentions: list[EntityMention] = []
        for run in runs:
            # The name as a mention's resolution reads it ("Roman Catholic Diocese
            # of Covington", where the run of proper nouns starts at "Catholic").
            root = next((t for t in run if not run[0].i <= t.head.i <= run[-1].i or t.head.i == t.i), run[-1])
            name = _after_common(name_tokens(root) if root.pos_ == "PROPN" else split_title(run)[1], common)
            if not name or title_only(name):
                continue
            ent = self.lookup(name) or self._add(_after_common(name_run(root), common))
            if ent is not None:
                self.mentions.append(_mention_at(name[-1], ent, start=name[0].i))
        # A person's surname the tagger read as a common word ("Sanders is
        # burrowing in …"): a mention too, when it is a clause's subject.
        #: Such surnames, by token index (the hand rules take them for names too).
        self.untagged_surnames: set[int] = set()
        for i in _subjects_of_pos(doc, ("NOUN", "ADJ", "VERB")):
            tok = doc[i]
            if tok.text[:1].isupper() and not skip[i]:
                ent = self.lookup([tok])
                if ent is not None and ent.type == "person" and len(ent.tokens) > 1 and ent.tokens[-1] == tok.lower_:
                    bisect.insort(self.mentions, _mention_at(tok, ent), key=lambda m: m.token)
                    self.untagged_surnames.add(tok.i)
        self._sent_starts = _sentence_starts(doc)
        self._line_breaks = _line_break_tokens(doc)

    def _people_with_surname(self, word: str) -> list[Entity]:
        """The people named in full whose surname is ``word``, a suffix aside."""
        return [e for e in self._by_end_word.get(word, ())
                if e.type == "person" and len(e.tokens) > 1 and _core(e.tokens)[-1] == word]

    def _fold_surnames(self) -> None:
        """A surname named alone ("Admiral Harris") is the one person whose full
        name ends with it, a suffix aside ("Adm. Harry B. Harris Jr."): one
        entity, with the roles of both."""
        for short in list(self.entities):
            if len(short.tokens) != 1 or short.type not in ("person", "unknown"):
                continue
            full = self._people_with_surname(short.tokens[0])
            if len(full) != 1 or short.gender is not None and full[0].gender not in (None, short.gender):
                continue
            person = full[0]
            if "former" in short.role_nouns and "former" not in person.role_nouns and person.role_nouns:
                continue  # "former Secretary Clinton" beside a present role: keep them apart
            person.role_nouns |= short.role_nouns
            person.role_words |= short.role_words
            person.role_proper |= short.role_proper
            person.role = person.role or short.role
            person.gender = person.gender or short.gender
            self.entities.remove(short)
            del self._by_key[short.tokens]
            self._by_end_word[short.tokens[0]].remove(short)
            self._aliases[short.tokens[0]] = person

    def _honorifics_outweigh_first_names(self) -> None:
        """A surname with an honorific ("Mr. Graham") gives its gender to the one
        person of that surname whose gender came from a first name alone
        ("Lindsey Graham"), unless another person of that surname already has it
        ("Mr. Clinton" leaves Hillary Clinton a woman when Bill Clinton is named)."""
        for short in self.entities:
            if len(short.tokens) != 1 or short.gender is None or short.gender_by_name:
                continue
            same = self._people_with_surname(short.tokens[0])
            if any(e.gender == short.gender for e in same):
                continue
            named = [e for e in same if e.gender_by_name]
            if len(named) == 1:
                named[0].gender, named[0].gender_by_name = short.gender, False

    @functools.cached_property
    def writer(self) -> str | None:
        """Who wrote the article, when a byline or an author's note names them
        (read only when an "I" outside quotes asks)."""
        return _writer(self.doc, self)

    @functools.cached_property
    def signatures(self) -> list[tuple[int, str]]:
        """The signatures of a letters page, in order: (first token, name) of
        each line that is only a person's name, followed by a line that is only
        a place ("Debby James. ¶ Mission Viejo, Calif.")."""
        return _signatures(self.doc, self)

    def writer_at(self, i: int) -> str | None:
        """Who wrote the words at token ``i``: on a letters page the signature
        that closes the letter, else the article's writer."""
        for start, name in self.signatures:
            if start > i:
                return name
        return self.writer

    def add_mention(self, token: Token, entity: Entity, start: int | None = None) -> None:
        """Count a pronoun or description resolved to ``entity`` as its mention
        (head ``token``, first token ``start``)."""
        mention = _mention_at(token, entity, start=start)
        bisect.insort(self.mentions, mention, key=lambda m: m.token)

    def cluster_spans(self) -> list[list[tuple[int, int]]]:
        """The article's coreference clusters: for each named entity mentioned
        twice or more, the ``(start, end)`` token spans of its mentions, in text
        order; clusters ordered by their first mention."""
        by_entity: dict[int, list[tuple[int, int]]] = {}
        for m in self.mentions:
            if m.entity.named:
                by_entity.setdefault(id(m.entity), []).append((m.start, m.token + 1))
        return [spans for spans in by_entity.values() if len(spans) > 1]

    def paragraph_of(self, token: int) -> int:
        """The index of the line (paragraph) holding token ``token``."""
        return bisect.bisect_left(self._line_breaks, token)

    def sentence_start(self, k: int) -> int:
        """The first token of sentence ``k`` (clamped to the article's sentences)."""
        return self._sent_starts[min(max(k, 0), len(self._sent_starts) - 1)]

    def sentence_of(self, token: int) -> int:
        """The index of the sentence holding token ``token``."""
        return bisect.bisect_right(self._sent_starts, token) - 1

    def entity_named(self, name: str | None) -> Entity | None:
        """The entity whose canonical name is ``name``."""
        return next((e for e in self.entities if e.name == name), None) if name else None

    @staticmethod
    def _runs(doc: Doc, skip: bytearray) -> list[list[Token]]:
        """Runs of proper nouns, not on skipped (furniture) tokens."""
        runs: list[list[Token]] = []
        cur: list[Token] = []
        joined = -1  # the article of a two-token joiner ("for a")
        for tok in doc:
            if skip[tok.i]:
                pass
            elif proper(tok) and tok.text[:1].isupper() or (cur and (tok.text in NAME_PARTICLES or org_inner(tok))):
                cur.append(tok)
                continue
            elif cur and (hyphen(doc, tok.i) or hyphen(doc, tok.i - 1) and cur[-1].i == tok.i - 1):
                cur.append(tok)  # "Kim Jong-un"
                continue
            elif cur and (joiner_width(doc, tok.i) or tok.i == joined):
                cur.append(tok)  # "Department of Community Services", "Committee for a Responsible …"
                if joiner_width(doc, tok.i) == 2:
                    joined = tok.i + 1
                continue
            if cur:
                runs.append(cur)
                cur = []
        if cur:
            runs.append(cur)
        return runs

    def _add(self, full_run: list[Token]) -> Entity | None:
        self._misspelt.clear()  # a new entity, or a new type, may change what a slip is of
        titles, run = split_title(full_run)
        if not run or title_only(run):
            return None
        if len(run) == 1 and len(run[0].text) <= 2 and run[0].text.endswith("."):
            return None  # an initial ("P.") names no one on its own
        key = tuple(t.text.lower() for t in run)
        label = label_of(run, titles)
        ent = self._by_key.get(key)
        if ent is None:
            ent = Entity(text_of(run), key, label, run[0].i)
            self._by_key[key] = ent
            self.entities.append(ent)
            for word in {key[0], key[-1], _core(key)[-1]}:  # what `lookup` may match a name by
                self._by_end_word.setdefault(word, []).append(ent)
        else:
            if label == "person" and titles:
                ent.type = "person"  # "Na'moks" (tagged ORG), then "Hereditary Chief Na'moks"
            if ent.name.isupper() and not text_of(run).isupper():
                ent.name = text_of(run)  # "CLINTON SAYS …" in a headline, then "Clinton" in the text
        prev = full_run[0].nbor(-1) if full_run[0].i > 0 else None
        if ent.gender is None:
            words = [bare(t.lower_) for t in titles] + ([bare(prev.lower_)] if prev is not None else [])
            first = run[0].lower_ if len(run) > 1 else ""
            if any(w in MALE_WORDS for w in words) or first in MALE_FIRST_NAMES:
                ent.gender = "m"
            elif any(w in FEMALE_WORDS for w in words) or first in FEMALE_FIRST_NAMES:
                ent.gender = "f"
            ent.gender_by_name = ent.gender is not None and not (set(words) & (MALE_WORDS | FEMALE_WORDS))
        self._add_role(ent, titles, run)
        return ent

    def _add_role(self, ent: Entity, titles: list[Token], run: list[Token]) -> None:
        """Collect the titles and descriptions the article gives an entity.

        ``role_nouns`` gets the role's head words (the titles, the head of an
        apposition, the nouns right before the name); ``role_words`` the stems
        of all its words, to match modifiers ("Iranian", "Russia's").
        """
        doc = self.doc
        head = run[-1]
        pieces: list[str] = []
        heads: list[Token] = list(titles)
        words: list[Token] = list(titles)
        first = titles[0] if titles else run[0]
        # "Secretary of State Antony Blinken": a title with "of" before the run.
        if titles and first.i >= 2 and doc[first.i - 1].lower_ == "of" and bare(doc[first.i - 2].lower_) in TITLES:
            first = doc[first.i - 2]
            heads.append(first)
            titles = [doc[k] for k in range(first.i, titles[-1].i + 1)]
        # "Russia's President Vladimir Putin": a possessive before the name.
        if first.i >= 2 and doc[first.i - 1].lower_ in ("'s", "’s"):
            owner = doc[first.i - 2]
            words.append(owner)
            if titles:
                pieces.append(text_of([owner, doc[first.i - 1]] + titles))
        elif titles:
            pieces.append(text_of(titles))
        # "Anna Borshchevskaya — the Ira Weiner Fellow …": an apposition.
        for child in head.children:
            if child.dep_ != "appos" or child.i <= head.i or child.pos_ not in NOUN_POS:
                continue
            if name_part(child) and not any(t.lower_ in ("the", "a", "an") for t in child.lefts):
                continue  # another name, not a description
            if any(t.dep_ == "nummod" for t in child.lefts):
                continue  # "Libertarian Gary Johnson 3 percent": a count, not a role
            lo, hi = child.left_edge.i, child.right_edge.i + 1
            pieces.append(span_text(doc, lo, hi))
            heads.append(child)
            words.extend(doc[lo:hi])
        # "the chief of staff …, Gen. Mohammad Bagheri": the name in apposition;
        # "An attorney for Pagliano, Mark MacDougall", where the parse hangs it on
        # the name in the description (two names in apposition are two people).
        noun = apposition_host(head)
        if head.dep_ == "appos" and noun.pos_ == "NOUN" and noun.i < run[0].i \
                and not any(t.dep_ == "nummod" for t in noun.lefts):
            lo, hi = noun.left_edge.i, min(noun.right_edge.i + 1, first.i)
            pieces.append(span_text(doc, lo, hi))
            heads.append(noun)
            words.extend(doc[lo:hi])
        # "Family Circle magazine": the common noun a name is a compound of.
        after = head.head
        if ent.type in ("organisation", "unknown") and head.ent_type_ not in ("GPE", "LOC", "NORP", "PERSON") \
                and head.dep_ == "compound" and after.pos_ == "NOUN" and after.i == head.i + 1 \
                and after.lower_ in ORG_ROLE_NOUNS:
            heads.append(after)
            words.append(after)
        # "Iran’s state media IRNA": nouns and modifiers right before the name.
        # "Iranian President …": modifiers before the titles or the name.
        lefts = [
            c for t in [*titles, *run] for c in t.lefts
            if c.i < first.i and c.dep_ in ("compound", "amod", "nmod", "poss")
        ]
        if lefts:
            lo = min(c.left_edge.i for c in lefts)
            words.extend(doc[lo:first.i])
            nouns = [doc[k] for k in range(lo, first.i) if doc[k].pos_ == "NOUN"]
            if titles:
                pieces.append(span_text(doc, lo, titles[-1].i + 1))
            elif nouns:
                pieces.append(span_text(doc, lo, run[0].i))
                heads.extend(nouns)
        for w in words:
            if w.is_alpha and w.lower_ not in ROLE_FILLER_WORDS:
                ent.role_words.add(stem(w.text))
                if is_proper_modifier(w):
                    ent.role_proper.add(stem(w.text))
        ent.role_nouns.update(bare(w.lower_) for w in heads if w.is_alpha or w.text.endswith("."))
        if any(w.lower_ in PAST_ROLE_WORDS for w in words):
            ent.role_nouns.add("former")
        if pieces:
            longest = max(pieces, key=len)
            if ent.role is None or len(longest) > len(ent.role):
                ent.role = longest

    def learn_genders(self, in_quote: bytearray) -> None:
        """Give a gender to the people the article refers to by pronoun.

        A person named as the subject of a narrative sentence gets a vote from
        each he/she that is the subject of a later clause of that sentence
        (when it names nobody else), and from the he/she that is the subject
        of the next sentence (when it names nobody before it): "Patterson
        dragged Jayme outside. He pulled her across the yard." A clear majority
        (`GENDER_VOTES` votes or more, `GENDER_MAJORITY` times the other) decides.
        """
        votes: dict[int, list[int]] = {}
        previous: Entity | None = None
        starts = self._sent_starts
        sents = [self.doc[a:b] for a, b in zip(starts, starts[1:] + [len(self.doc)], strict=True)]
        # Only sentences with a he/she, and those just before them, can vote.
        hashes = [self.doc.vocab.strings[w] for w in PRONOUN_GENDER]
        at = numpy.nonzero(numpy.isin(self.doc.to_array(LOWER), hashes))[0].tolist()
        with_pronoun = {bisect.bisect_right(starts, i) - 1 for i in at}
        for k, sent in enumerate(sents):
            if k not in with_pronoun and k + 1 not in with_pronoun:
                previous = None
                continue
            subject: Entity | None = None
            named: set[int] = set()
            carried = previous
            for tok in sent:
                if in_quote[tok.i]:
                    continue
                if tok.pos_ == "PROPN" and tok.dep_ not in NOUN_MODIFIER_DEPS:
                    ent = self.lookup(name_tokens(tok))
                    if ent is not None and ent.type == "person":
                        named.add(id(ent))
                        carried = None  # a name before the pronoun: centering no longer applies
                        if subject is None and tok.dep_ in SUBJECT_DEPS and tok.head.dep_ == "ROOT":
                            subject = ent
                    continue
                gender = PRONOUN_GENDER.get(tok.lower_) if tok.dep_ in SUBJECT_DEPS else None
                if gender is None:
                    continue
                if carried is not None and tok.head.dep_ == "ROOT":
                    votes.setdefault(id(carried), [0, 0])[gender == "f"] += 1
                    carried = None
                elif subject is not None and len(named) == 1:
                    votes.setdefault(id(subject), [0, 0])[gender == "f"] += 1
            previous = subject
        for ent in self.entities:
            male, female = votes.get(id(ent), (0, 0))
            if ent.gender is None and max(male, female) >= GENDER_VOTES:
                if male >= GENDER_MAJORITY * female:
                    ent.gender = "m"
                elif female >= GENDER_MAJORITY * male:
                    ent.gender = "f"

    def lookup(self, run: Sequence[Token], gender: str | None = None) -> Entity | None:
        """The fullest entity whose name ends with (or, for a first name,
        starts with) ``run``; for a single word that no longer name ends with,
        the one person whose name holds it inside ("Acosta" → "Melba Acosta Febo").
        With ``gender`` ("m", "f": an honorific's, "Mr. Khan"), a person known
        to be of the other gender is not taken."""
        key = tuple(t.text.lower() for t in run)
        if not key:
            return None
        if len(key) == 1 and key[0] in self._aliases:
            return self._aliases[key[0]]
        best: Entity | None = None
        n = len(key)
        # Only names that end with the run's last word (or start with its one word) can match.
        for ent in self._by_end_word.get(key[-1], []):
            if len(ent.tokens) < n or gender is not None and ent.gender not in (None, gender):
                continue
            suffix = ent.tokens[-n:] == key or _core(ent.tokens)[-n:] == key  # "Harris" for "Harry B. Harris Jr."
            prefix = n == 1 and ent.tokens[0] == key[0] and len(ent.tokens) > 1 and (
                ent.type == "person" or ent.type == "organisation" and run[0].ent_type_ in ("", "ORG")
            )  # "Chris" → "Chris Anderson"; "Suncor" → "Suncor Energy"
            if len(ent.tokens) > n and run[0].ent_type_ == "GPE" and not prefix and not (
                ent.type == "person" and _acts_as_person(run[-1])
            ):
                continue  # "US" is the country, not "The Week US"; but "Jordan" may be Jordan Stewart
            if suffix or prefix:
                if best is None or _rank(ent, suffix, n) > _rank(best, best.tokens[-n:] == key, n):
                    best = ent
        if n == 1 and (best is None or len(best.tokens) == 1):
            # "Ms. Acosta" for "Melba Acosta Febo": a surname inside a longer
            # name (the paternal one of two), when one person's name holds it.
            inner = [e for e in self.entities if e.type == "person" and key[0] in e.tokens[1:-1]]
            if len(inner) == 1:
                return inner[0]
        if n == 1 and (best is None or best.tokens == key) and run[0].text[:1].isupper():
            near = self._misspelt_person(key[0])  # "Labbot", "Keidis"
            if near is not None:
                return near
        return best

    def _misspelt_person(self, word: str) -> Entity | None:
        """The one person whose surname ``word`` is a slip of (`misspelt`), or None;
        remembered per word, as names are looked up many times."""
        if word not in self._misspelt:
            near = [e for e in self.entities if e.type == "person" and len(e.tokens) > 1
                    and e.tokens[-1] != word and misspelt(word, e.tokens[-1])]
            self._misspelt[word] = near[0] if len(near) == 1 else None
        return self._misspelt[word]

    def by_role(self, head: Token, position: int) -> Entity | None:
        """The entity whose titles and appositions fit a description:
        "the Iranian president", "the Russian leader", "Iranian state media".

        A plural description ("Russian officials") names no single entity.
        """
        noun = head.lower_
        if head.tag_ in PLURAL_NOUN_TAGS and noun not in ORG_HEAD_NOUNS:
            return None
        group = next((g for g in ROLE_SYNONYMS if noun in g), frozenset({noun}))
        mods = {
            stem(t.text) for t in head.subtree
            if t.i < head.i and t.is_alpha and t.lower_ not in ROLE_FILLER_WORDS and t.pos_ in NAME_WORD_POS
        }
        # Modifiers that name a place or body ("NATO chief", "Iranian president",
        # "the President of Russia").
        after = [t for c in head.children if c.dep_ == "prep" and c.lower_ == "of" for t in c.subtree]
        proper_mods = {
            stem(t.text) for t in [*(t for t in head.subtree if t.i < head.i), *after] if is_proper_modifier(t)
        }
        past = any(t.lower_ in PAST_ROLE_WORDS for t in head.subtree)
        org_head = noun in ORG_HEAD_NOUNS
        best, best_score = None, 0.0
        for ent in self.entities:
            if not ent.role_nouns:
                continue
            if org_head != (ent.type in ("organisation", "group")) and ent.type != "unknown":
                continue
            if not past and "former" in ent.role_nouns:
                continue
            if noun in ent.role_nouns:
                score = ROLE_SAME_NOUN
            elif ent.role_nouns & group and (not proper_mods or proper_mods & ent.role_proper):
                score = ROLE_SYNONYM  # a synonym needs its place to agree: "the Russian leader"
            else:
                continue
            if proper_mods and ent.role_proper and not proper_mods & ent.role_proper:
                continue  # "NATO chief" is not Iran's adviser
            score += len(mods & ent.role_words)
            score += ROLE_NAMED_BEFORE if ent.first < position else 0.0
            if score > best_score:
                best, best_score = ent, score
        return best

    def cluster_name(self, head: int) -> Entity | None:
        """The fullest named entity in the coreference cluster holding ``head``."""
        for cluster in self.clusters:
            if not any(s.start <= head < s.end for s in cluster):
                continue
            looked = [self.lookup(name_tokens(t)) for s in cluster for t in s if t.pos_ == "PROPN"]
            found = [e for e in looked if e is not None]
            if found:
                return max(found, key=lambda e: len(e.tokens))
        return None


#: What an author's note calls its writer: a title or a writer's role.
WRITER_ROLES = TITLES | WRITER_NOTE_NOUNS
#: Paragraphs at the end of an article searched for an author's note.
WRITER_NOTE_PARAGRAPHS = 3
#: Tokens at most in an author's note or a byline line.
WRITER_LINE_TOKENS = 60
#: Most words of a letter's signature line, and of the place line under it.
SIGNATURE_WORDS = 5


def _acts_as_person(tok: Token) -> bool:
    """Whether a name is used as a person's, whatever NER typed it: "who"
    stands for it, or it says something ("Bamberg, who is 28, said …")."""
    if any(c.dep_ == "relcl" and any(w.lower_ == "who" for w in c.children) for c in tok.children):
        return True
    return tok.dep_ == "nsubj" and is_speech_verb(tok.head.lemma_.lower())


def _lines(doc: Doc) -> list[tuple[int, int]]:
    """(first token, end) of each non-empty line."""
    lines = []
    start = None
    for tok in doc:
        if tok.is_space and "\n" in tok.text or "\n" in tok.whitespace_:
            end = tok.i if tok.is_space else tok.i + 1
            if start is not None and end > start:
                lines.append((start, end))
            start = None
        elif start is None and not tok.is_space:
            start = tok.i
    if start is not None:
        lines.append((start, len(doc)))
    return lines


def _signatures(doc: Doc, table: ArticleEntities) -> list[tuple[int, str]]:
    """The letters page's signatures (`ArticleEntities.signatures`)."""
    found = []
    lines = _lines(doc)
    for (lo, hi), (p_lo, p_hi) in itertools.pairwise(lines):
        name = [t for t in doc[lo:hi] if not t.is_punct]
        place = [t for t in doc[p_lo:p_hi] if not t.is_punct]
        if len(name) < 2 or len(name) > SIGNATURE_WORDS or not all(t.pos_ == "PROPN" for t in name):
            continue
        if not any(t.ent_type_ == "PERSON" for t in name) or not place or len(place) > SIGNATURE_WORDS:
            continue
        if all(t.ent_type_ in PLACE_LABELS or t.pos_ == "PROPN" for t in place) and any(
            t.ent_type_ == "GPE" for t in place
        ):
            found.append((lo, _writer_name(table, doc[name[0].i:name[-1].i + 1])))
    return found


def _writer(doc: Doc, table: ArticleEntities) -> str | None:
    """The article's author, from a byline line ("By Jane Doe") near its start or
    an author's note at its end ("Rick Scott is the Republican governor of
    Florida.", "Glenn Harlan Reynolds, a law professor, is …"): a person's name
    of two words or more opening the line. None when neither is there."""
    lines = _lines(doc)
    persons = {e.start: e for e in doc.ents if e.label_ == "PERSON" and len(e) >= 2}
    for lo, hi in lines[:5]:
        first = doc[lo]
        if first.lower_ == "by" and hi - lo <= 8 and lo + 1 in persons and persons[lo + 1].end >= hi - 1:
            return _writer_name(table, persons[lo + 1])
    for lo, hi in lines[-WRITER_NOTE_PARAGRAPHS:]:
        end = lo
        while end < hi and doc[end].pos_ == "PROPN":
            end += 1
        if end - lo < 2 or hi - lo > WRITER_LINE_TOKENS:
            continue
        root = doc[end - 1]
        if root.dep_ != "nsubj" or root.head.lemma_ != "be":  # "X is …", "X, a …, is …"
            continue
        roles = [c for c in root.children if c.dep_ == "appos"] + [c for c in root.head.children if c.dep_ == "attr"]
        if root.ent_type_ == "PERSON" or any(bare(c.lemma_.lower()) in WRITER_ROLES for c in roles):
            return _writer_name(table, doc[lo:end])
    return None


def _writer_name(table: ArticleEntities, span) -> str:
    """The name of a byline's person as the article's entities give it."""
    run = split_title(list(span))[1] or list(span)
    ent = table.lookup(run)
    return ent.name if ent is not None else span.text


def _subjects_of_pos(doc: Doc, tags: Sequence[str]) -> list[int]:
    """The tokens that are a clause's subject (nsubj, nsubjpass) with one of
    these parts of speech, read from the Doc's arrays."""
    if len(doc) == 0:
        return []
    arr = doc.to_array([POS, DEP])
    strings = doc.vocab.strings
    pos = numpy.isin(arr[:, 0], [strings[t] for t in tags])
    dep = numpy.isin(arr[:, 1], [strings["nsubj"], strings["nsubjpass"]])
    return numpy.nonzero(pos & dep)[0].tolist()


def _line_break_tokens(doc: Doc) -> list[int]:
    """The tokens that hold a line break, in order (only whitespace tokens can:
    a token's own trailing whitespace is one space at most)."""
    if len(doc) == 0:
        return []
    spaces = numpy.nonzero(doc.to_array(IS_SPACE))[0].tolist()
    return [i for i in spaces if "\n" in doc[i].text_with_ws]


def _sentence_starts(doc: Doc) -> list[int]:
    """The first token of each sentence, as ``doc.sents`` gives them, read from
    the Doc's array (building the Span objects costs more than the rest)."""
    if len(doc) == 0:
        return [0]
    starts = numpy.nonzero(doc.to_array(SENT_START) == 1)[0].tolist()
    return starts if starts and starts[0] == 0 else [0] + starts


def _defined_abbreviations(doc: Doc) -> list[tuple[str, list[Token]]]:
    """Abbreviations defined in brackets after the name they stand for, whose
    letters are its capitals in order: "Export Development Canada (EDC)", "the
    Assembly of First Nations (AFN)" → ``[("EDC", [Export, Development, Canada]), …]``."""
    found = []
    for i in range(2, len(doc) - 2):
        short = doc[i + 1]
        if doc[i].text != "(" or doc[i + 2].text != ")" or not (
            short.is_alpha and short.is_upper and 2 <= len(short.text) <= ABBREVIATION_CHARS
        ):
            continue
        start = i
        while start > 0 and i - start < 2 * ABBREVIATION_CHARS and (
            doc[start - 1].text[:1].isupper() or doc[start - 1].lower_ in ABBREVIATION_LINKS
        ):
            start -= 1
        while start < i and (not doc[start].text[:1].isupper() or doc[start].lower_ == "the"):
            start += 1
        long = [doc[k] for k in range(start, i)]
        capitals = "".join(t.text[0] for t in long if t.text[:1].isupper())
        if long and _initials_match(short.text, capitals):
            found.append((short.text, long))
    return found


def _initials_match(short: str, capitals: str) -> bool:
    """"EDC" for "EDC"; "AFN" for "TAFN" (a leading "The")."""
    return short == capitals or (len(capitals) == len(short) + 1 and capitals[1:] == short)


def _coref_clusters(doc: Doc, prefix: str) -> list[list]:
    """Clusters a coreference component left in ``doc.spans`` (keys starting
    with ``prefix``, one span group per cluster, as spacy-experimental does);
    not those quotebank wrote itself (`write_clusters`)."""
    return [
        list(group) for key, group in doc.spans.items()
        if key.startswith(prefix) and not group.attrs.get(CLUSTER_SOURCE_ATTR)
    ]


def write_clusters(doc: Doc, table: ArticleEntities, prefix: str = COREF_PREFIX) -> int:
    """Write the article's clusters (`ArticleEntities.cluster_spans`) into
    ``doc.spans`` as spaCy's coreference component does: one span group per
    cluster, keyed ``{prefix}_1``, ``{prefix}_2`` …, each group marked as
    quotebank's (``group.attrs["quotebank"] = True``). Nothing is written when
    another component's clusters are already there.

    Returns:
        How many clusters were written.
    """
    if table.clusters:
        return 0
    for key in [k for k, g in doc.spans.items() if k.startswith(prefix) and g.attrs.get(CLUSTER_SOURCE_ATTR)]:
        del doc.spans[key]
    clusters = table.cluster_spans()
    for k, spans in enumerate(clusters, start=1):
        doc.spans[f"{prefix}_{k}"] = [doc[a:b] for a, b in spans]
        doc.spans[f"{prefix}_{k}"].attrs[CLUSTER_SOURCE_ATTR] = True
    return len(clusters)


#: A surname this short is never taken for a misspelling ("Rubin" is not "Rubio").
MISSPELT_MIN_CHARS = 6


def misspelt(word: str, name: str) -> bool:
    """Whether ``word`` is one slip from the surname ``name``: one letter added,
    dropped, changed or swapped with its neighbour, doubled letters read as one
    ("Sharption", "Keidis" for "Kiedis", "Labbot" for "Labott"); same first
    letter, and both `MISSPELT_MIN_CHARS` long or more.

    >>> misspelt("labbot", "labott"), misspelt("keidis", "kiedis"), misspelt("rubin", "rubio")
    (True, True, False)
    """
    if min(len(word), len(name)) < MISSPELT_MIN_CHARS or word[0] != name[0] or not word.isalpha():
        return False
    a, b = _single_letters(word), _single_letters(name)
    if a == b:
        return True
    if abs(len(a) - len(b)) > 1:
        return False
    if len(a) == len(b):
        diff = [k for k in range(len(a)) if a[k] != b[k]]
        return len(diff) == 1 or (len(diff) == 2 and diff[1] == diff[0] + 1
                                  and a[diff[0]] == b[diff[1]] and a[diff[1]] == b[diff[0]])
    short, long_ = (a, b) if len(a) < len(b) else (b, a)
    return any(long_[:k] + long_[k + 1:] == short for k in range(len(long_)))


def _single_letters(word: str) -> str:
    return "".join(c for k, c in enumerate(word) if k == 0 or c != word[k - 1])


def _after_common(run: list[Token], common: bytearray) -> list[Token]:
    """The words of a name after the last one marked as a headline's common word."""
    cut = max((k + 1 for k, t in enumerate(run) if common[t.i]), default=0)
    return run[cut:]


def _core(words: tuple[str, ...]) -> tuple[str, ...]:
    """A name's words without a suffix after the surname ("jr.", "iii")."""
    if len(words) > 1 and name_suffix(words[-1]):
        return words[:-1]
    return words


def _rank(ent: Entity, suffix: bool, n: int) -> tuple:
    """How good a match of ``n`` words is: a person first, then a fuller name
    than the words themselves ("Jordan" → "Jordan Stewart"), then one that ends
    with them (a surname), then the longest."""
    return (ent.type == "person", len(ent.tokens) > n, suffix, len(ent.tokens))

