#!/usr/bin/env python3
"""Write a generated multi-page MediaWiki dump (schema 0.10) for tests and smoke runs.

Usage: gen-dump.py OUT.xml [--pages 200] [--revisions 6] [--seed 1]

Each page is a small invented article whose revisions edit one figure, add a sentence, fix it
back or get vandalised and reverted, so `crosscheck history` has findings to introduce, resolve
and blame. Deterministic for a given seed.
"""
import argparse, random
from xml.sax.saxutils import escape

WORDS = "river valley council market bridge school harbour station library museum garden".split()


def article(rng, name, year, people, figure, extra):
    lines = [
        "{{Infobox settlement",
        f"| name = {name}",
        f"| population_total = {figure}",
        f"| established_date = {year}",
        "}}",
        f"'''{name}''' is a town by the {rng.choice(WORDS)}. It was founded in {year}.<ref>{{{{cite web |title=History of {name} |date=2019}}}}</ref>",
        "",
        "== History ==",
        f"The town grew around its {rng.choice(WORDS)} after {year + 20}. Its first mayor was {people}.",
    ]
    lines += extra
    lines += ["", "== Economy ==", f"The {rng.choice(WORDS)} employs many residents.", ""]
    return "\n".join(lines)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("out")
    ap.add_argument("--pages", type=int, default=200)
    ap.add_argument("--revisions", type=int, default=6)
    ap.add_argument("--seed", type=int, default=1)
    a = ap.parse_args()
    rng = random.Random(a.seed)
    rev_id = 1000
    with open(a.out, "w", encoding="utf-8") as f:
        f.write('<mediawiki xmlns="http://www.mediawiki.org/xml/export-0.10/" version="0.10" xml:lang="en">\n'
                '  <siteinfo>\n    <sitename>Testwiki</sitename>\n    <dbname>testwiki</dbname>\n'
                '    <base>https://test.example.org/wiki/Main_Page</base>\n    <generator>gen-dump.py</generator>\n'
                '    <case>first-letter</case>\n    <namespaces>\n      <namespace key="0" case="first-letter" />\n'
                '    </namespaces>\n  </siteinfo>\n')
        for p in range(a.pages):
            name = f"{rng.choice(WORDS).capitalize()}{rng.choice(WORDS)}ton {p}"
            year = rng.randint(1700, 1950)
            figure = rng.randint(1000, 90000)
            person = f"{rng.choice(['Anna', 'Boris', 'Chen', 'Dana'])} {rng.choice(['Smith', 'Okafor', 'Novak', 'Lindqvist'])}"
            extra = []
            f.write(f"  <page>\n    <title>{escape(name)}</title>\n    <ns>0</ns>\n    <id>{p + 1}</id>\n")
            parent = None
            texts = []
            for r in range(a.revisions):
                kind = r % 3
                if r == 0:
                    text = article(rng, name, year, person, figure, extra)
                elif kind == 1:
                    extra = extra + [f"In {year + 50 + r} the town had about {figure + r * 10} residents."]
                    text = article(rng, name, year, person, figure, extra)
                elif kind == 2:
                    # Vandalism (a second History section), reverted by the next revision.
                    text = texts[-1] + "\n== History ==\nThis town is the best town.\n"
                else:
                    text = texts[-2]  # the revert
                texts.append(text)
                rev_id += 1
                f.write(f"    <revision>\n      <id>{rev_id}</id>\n")
                if parent:
                    f.write(f"      <parentid>{parent}</parentid>\n")
                f.write(f"      <timestamp>20{10 + r:02d}-0{1 + p % 9}-1{p % 10}T12:00:00Z</timestamp>\n"
                        f"      <contributor>\n        <username>Editor{r}</username>\n        <id>{r + 1}</id>\n      </contributor>\n"
                        f"      <comment>edit {r}</comment>\n      <model>wikitext</model>\n      <format>text/x-wiki</format>\n"
                        f'      <text xml:space="preserve">{escape(text)}</text>\n    </revision>\n')
                parent = rev_id
            f.write("  </page>\n")
        f.write("</mediawiki>\n")


if __name__ == "__main__":
    main()
