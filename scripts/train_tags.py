#!/usr/bin/env python3
"""Derives the word lists behind event-mention detection from WordNet 3.0.

Writes, into crates/dateline-core/data/:
  verbs.txt        common English verb lemmas (WordNet verbs whose senses were
                   tagged at least MIN_VERB_TAGS times in the SemCor sense
                   counts WordNet ships), for telling a base-form verb from a noun;
  irregular.txt    the irregular past and participle forms of those verbs
                   (WordNet's verb.exc, forms the engine's -ed rules cannot derive);
  event_nouns.txt  nouns that usually denote an event, an act, a process or a
                   happening (rank-weighted share of their senses in WordNet's
                   noun.act / noun.event / noun.process / noun.phenomenon files
                   >= EVENT_SHARE, tagged at least once), minus those the
                   engine's suffix rules already find (-tion, -ment, ...).

Standard library only. WordNet comes from Debian's `wordnet-base` package
(`apt-get install wordnet-base`, files in /usr/share/wordnet), WordNet 3.0
license (Princeton University; permissive, with its copyright notice kept).

Usage: python3 scripts/train_tags.py [--wordnet /usr/share/wordnet] [--out crates/dateline-core/data]
The thresholds below were chosen by the event-mention F1 of the engine on
three of MEANTIME's four sub-corpora (airbus, apple, gm); nothing is copied
from any corpus. The hand-written lists (word_classes.txt,
news_event_nouns.txt, event_classes.txt) are not produced here.
"""
import argparse
import os
import re

MIN_VERB_COUNT = 8      # a verb lemma's sense-tagged occurrences (SemCor counts in cntlist.rev)
MIN_NOUN_COUNT = 3      # likewise for a noun lemma
EVENT_SHARE = 0.5       # share of a noun's tagged occurrences in the eventive files
VERB_SHARE = 1.5        # or: verb occurrences >= VERB_SHARE x noun occurrences, the noun's mostly
                        # not a person, thing or group (a deverbal noun: "plan", "cut")
EVENTIVE = {"act", "event", "process", "phenomenon"}
CONCRETE = {"person", "artifact", "object", "animal", "body", "food", "plant", "substance", "location", "group"}
LEXNAMES = ("tops act animal artifact attribute body cognition communication event feeling food group location "
            "motive object person phenomenon plant possession process quantity relation shape state substance time").split()
# Suffixes the engine treats as eventive by rule (keep in step with events/mentions.rs: EVENT_SUFFIXES).
EVENT_SUFFIXES = ("tion", "sion", "ment", "ance", "ence", "ure", "sis", "ing", "ism")

HEADER_WN = ("# {what}, derived from WordNet 3.0 (Copyright 2006 by Princeton University, WordNet 3.0 license:\n"
             "# use, copy, modify and distribute with this notice; provided AS IS) by scripts/train_tags.py\n"
             "# (`apt-get install wordnet-base; python3 scripts/train_tags.py`). {fmt}\n")


def counts(path):
    """(lemma, pos digit) -> {lexfile name: tagged occurrences} from cntlist.rev."""
    out = {}
    for line in open(path, encoding="latin-1"):
        key, _, n = line.split()
        lemma, rest = key.split("%", 1)
        pos, lexfile = rest.split(":")[:2]
        d = out.setdefault((lemma, pos), {})
        name = LEXNAMES[int(lexfile) - 3] if pos == "1" else lexfile
        d[name] = d.get(name, 0) + int(n)
    return out


def index(path):
    """lemma -> (tagsense_cnt, synset offsets in sense order) for one-word lower-case lemmas."""
    out = {}
    for line in open(path, encoding="latin-1"):
        if line.startswith(" "):
            continue
        f = line.split()
        lemma = f[0]
        if not re.fullmatch(r"[a-z][a-z-]*[a-z]", lemma):
            continue
        p = int(f[3])
        out[lemma] = (int(f[5 + p]), f[6 + p:])
    return out


def _unused_lexfiles(path):
    out = {}
    for line in open(path, encoding="latin-1"):
        if not line.startswith(" "):
            f = line.split(" ", 3)
            out[f[0]] = LEXNAMES[int(f[1]) - 3]
    return out


def regular_forms(lemma):
    """What the engine's suffix rules derive from a lemma (past/participle)."""
    e = lemma[:-1] if lemma.endswith("e") else lemma
    forms = {lemma + "ed", e + "ed", lemma + lemma[-1] + "ed"}
    if lemma.endswith("y"):
        forms.add(lemma[:-1] + "ied")
    return forms


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--wordnet", default="/usr/share/wordnet")
    ap.add_argument("--out", default=os.path.join(os.path.dirname(__file__), "..", "crates", "dateline-core", "data"))
    args = ap.parse_args()
    wn = args.wordnet

    cnt = counts(os.path.join(wn, "cntlist.rev"))
    verb_count = {l: sum(d.values()) for (l, p), d in cnt.items() if p == "2"}
    verbs = sorted(v for v in index(os.path.join(wn, "index.verb")) if verb_count.get(v, 0) >= MIN_VERB_COUNT and "-" not in v)
    verb_set = set(verbs)
    with open(os.path.join(args.out, "verbs.txt"), "w") as f:
        f.write(HEADER_WN.format(what="Common English verb lemmas", fmt="Lemmas, several per line."))
        for i in range(0, len(verbs), 12):
            f.write(" ".join(verbs[i:i + 12]) + "\n")

    irregular = {}
    for line in open(os.path.join(wn, "verb.exc"), encoding="latin-1"):
        form, lemma = line.split()[:2]
        if lemma in verb_set and re.fullmatch(r"[a-z]+", form) and not form.endswith(("ing", "s")) \
                and form not in regular_forms(lemma):
            irregular.setdefault(lemma, []).append(form)
    with open(os.path.join(args.out, "irregular.txt"), "w") as f:
        f.write(HEADER_WN.format(what="Irregular past and participle forms of common verbs",
                                 fmt="One verb a line: lemma form..."))
        for lemma in sorted(irregular):
            f.write(lemma + " " + " ".join(sorted(set(irregular[lemma]))) + "\n")

    nouns = []
    for lemma in index(os.path.join(wn, "index.noun")):
        by_file = cnt.get((lemma, "1"), {})
        total = sum(by_file.values())
        if total < MIN_NOUN_COUNT or lemma.endswith(EVENT_SUFFIXES) or "-" in lemma:
            continue
        share = sum(n for f, n in by_file.items() if f in EVENTIVE) / total
        concrete = sum(n for f, n in by_file.items() if f in CONCRETE) / total
        deverbal = verb_count.get(lemma, 0) >= VERB_SHARE * total and concrete < 0.5
        if share >= EVENT_SHARE or deverbal:
            nouns.append(lemma)
    nouns.sort()
    with open(os.path.join(args.out, "event_nouns.txt"), "w") as f:
        f.write(HEADER_WN.format(what="Nouns that usually denote an event, act or process",
                                 fmt="Singular lemmas, several per line."))
        for i in range(0, len(nouns), 12):
            f.write(" ".join(nouns[i:i + 12]) + "\n")
    print(f"verbs {len(verbs)}, irregular {len(irregular)}, event nouns {len(nouns)}")


if __name__ == "__main__":
    main()
