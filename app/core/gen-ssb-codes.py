#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Generates hw-ssb-codes.c from SSB's code lists (Kodelister.md).

SSB's code lists are vendored unchanged in data/exchange/ssb/ (MIT); this script turns them
into a C table that is committed, so the program carries no Markdown parser.

  gen-ssb-codes.py KODELISTER.md OUTPUT.c        write the table
  gen-ssb-codes.py --check KODELISTER.md FILE.c  exit 1 if FILE.c is out of date
"""

import re
import sys

# "Brukes på stien …" → the list's enum name in hw-ssb-codes.h. A new list in Kodelister.md
# stops the script until it is added here (and to the header).
PATHS = {
    "/Barnevern/Sak/Melding/Melder/@Kode": "HW_SSB_LIST_MELDER",
    "/Barnevern/Sak/Melding/Saksinnhold/@Kode": "HW_SSB_LIST_SAKSINNHOLD",
    "/Barnevern/Sak/Melding/Konklusjon/@Kode": "HW_SSB_LIST_MELDING_KONKLUSJON",
    "/Barnevern/Sak/Undersokelse/BarnetsMedvirkning/MedvirkningType":
        "HW_SSB_LIST_MEDVIRKNING",
    "/Barnevern/Sak/Undersokelse/UtvidetFrist/@Innvilget": "HW_SSB_LIST_UTVIDET_FRIST",
    "/Barnevern/Sak/Undersokelse/Konklusjon/@Kode": "HW_SSB_LIST_UNDERSOKELSE_KONKLUSJON",
    "/Barnevern/Sak/Plan/@Plantype": "HW_SSB_LIST_PLANTYPE",
    "/Barnevern/Sak/Tiltak/Kategori/@Kode": "HW_SSB_LIST_KATEGORI",
    "/Barnevern/Sak/Tiltak/Opphevelse/@Kode": "HW_SSB_LIST_OPPHEVELSE",
    "/Barnevern/Sak/Vedtak/Status/@Kode": "HW_SSB_LIST_VEDTAK_STATUS",
    "/Barnevern/Sak/Vedtak/Krav/Konklusjon/@Kode": "HW_SSB_LIST_KRAV_KONKLUSJON",
    "/Barnevern/Sak/Ettervern/Konklusjon/@Kode": "HW_SSB_LIST_ETTERVERN_KONKLUSJON",
    "/Barnevern/Sak/Flytting/ArsakFra/@Kode": "HW_SSB_LIST_ARSAK_FRA",
    "/Barnevern/Sak/Flytting/FlyttingTil/@Kode": "HW_SSB_LIST_FLYTTING_TIL",
}

# Lists that Barnevern_v4.xsd declares as enumerations but Kodelister.md does not describe.
XSD_LISTS = [
    ("HW_SSB_LIST_KJONN", "/Barnevern/Sak/Personalia/@Kjonn",
     [("0", "Ufødt"), ("1", "Mann / Gutt"), ("2", "Kvinne / Jente")], "2022-01-01"),
    ("HW_SSB_LIST_LOV", "Lovhjemmel/Lov",
     [("BVL", "Barnevernloven fra 1992"), ("BVL2021", "Barnevernloven fra 2021"),
      ("BL1981", "Barneloven fra 1981")], "2013-01-01"),
    ("HW_SSB_LIST_OPPFOLGING_HYPPIGHET", "/Barnevern/Sak/Tiltak/Oppfolging/Hyppighet/@Kode",
     [("4", "4 oppfølgingsbesøk pr. år (standard)"), ("2", "2 oppfølgingsbesøk pr. år (redusert)")],
     "2022-01-01"),
    ("HW_SSB_LIST_TILSYN_HYPPIGHET", "/Barnevern/Sak/Tiltak/Tilsyn/Hyppighet/@Kode",
     [("4", "4 tilsyn pr. år (standard)"), ("2", "2 tilsyn pr. år (redusert)")], "2022-01-01"),
    ("HW_SSB_LIST_BEGREPSTYPE", "BegrepsType",
     [(t, t) for t in ("Personalia", "Melding", "Undersokelse", "Plan", "Tiltak", "Vedtak",
                       "Ettervern", "OversendelseFylkesnemnd", "Flytting", "Relasjon")],
     "2022-01-01"),
]

ORDER = list(PATHS.values()) + [x[0] for x in XSD_LISTS]


def clean(text):
    text = re.sub(r"<br\s*/?>", " ", text)
    text = text.replace("*", "")
    return re.sub(r"\s+", " ", text).strip()


def parse_date(text, where):
    text = text.strip()
    if not text:
        return 0
    m = re.fullmatch(r"(\d{4})-(\d{2})-(\d{2})", text)
    if not m:
        raise SystemExit(f"{where}: not a date: {text!r}")
    y, a, b = (int(g) for g in m.groups())
    if a > 12 and b <= 12:
        a, b = b, a   # SSB wrote one date as YYYY-DD-MM ("2025-31-12")
    return y * 10000 + a * 100 + b


def parse(markdown):
    lists = {}
    path = None
    header = None
    for n, line in enumerate(markdown.splitlines(), 1):
        m = re.match(r"Brukes på stien\s+(\S+)", line.strip())
        if m:
            path = m.group(1)
            header = None
            continue
        if not line.startswith("|"):
            if line.startswith("#"):
                header = None
            continue
        cells = [c.strip() for c in line.strip().strip("|").split("|")]
        if header is None:
            header = cells
            continue
        if all(re.fullmatch(r":?-+:?", c) for c in cells if c):
            continue
        if path is None:
            continue
        if path not in PATHS:
            raise SystemExit(f"Kodelister.md:{n}: unknown list {path}: add it to PATHS")
        row = dict(zip(header, cells))
        code = row.get("Kode", "").strip()
        valid_from = parse_date(row.get("Gyldig fra", ""), f"Kodelister.md:{n}")
        if not code or not valid_from:
            continue   # a heading row ("1 Institusjoner"), not a code
        title = clean(row.get("Betydning", ""))
        valid_to = parse_date(row.get("Gyldig til", ""), f"Kodelister.md:{n}")
        lists.setdefault(PATHS[path], (path, []))[1].append((code, title, valid_from, valid_to))
    for path, name in PATHS.items():
        if name not in lists:
            raise SystemExit(f"Kodelister.md: no table for {path}")
    for name, path, codes, valid_from in XSD_LISTS:
        lists[name] = (path, [(c, t, parse_date(valid_from, name), 0) for c, t in codes])
    return lists


def c_string(text, indent="    ", width=88):
    """A C string literal, split into adjacent literals to keep lines under 100 columns."""
    words = text.replace("\\", "\\\\").replace('"', '\\"').split(" ")
    lines, current = [], ""
    for w in words:
        if current and len(current) + 1 + len(w) > width:
            lines.append(current + " ")
            current = w
        else:
            current = f"{current} {w}" if current else w
    lines.append(current)
    return f"\n{indent}".join(f'"{part}"' for part in lines)


def var(name):
    return name[len("HW_SSB_LIST_"):].lower()


def needs_note(title):
    t = title.lower()
    return "krever presisering" in t or "(spesifiser)" in t


def render(lists):
    out = []
    out.append("/* SPDX-License-Identifier: GPL-3.0-or-later */")
    out.append("/* GENERATED by gen-ssb-codes.py from Statistics Norway's Kodelister.md (Barnevern v4,")
    out.append(" * MIT licence) and the enumerations of Barnevern_v4.xsd. Do not edit: run")
    out.append(" *   app/core/gen-ssb-codes.py data/exchange/ssb/Kodelister.md \\")
    out.append(" *     app/core/hw-ssb-codes.c")
    out.append(" * Titles are SSB's, in Norwegian; dates are YYYYMMDD, 0 = open. */")
    out.append("#include \"config.h\"")
    out.append("")
    out.append("#include \"hw-ssb-codes.h\"")
    out.append("")
    for name in ORDER:
        path, codes = lists[name]
        out.append(f"static const HwSsbCode {var(name)}[] = {{")
        for code, title, vf, vt in codes:
            out.append(f"  {{ {c_string(code)}, {vf}, {vt}, {'TRUE' if needs_note(title) else 'FALSE'},")
            out.append(f"    {c_string(title)} }},")
        out.append("};")
        out.append("")
    out.append("const HwSsbCodeList hw_ssb_code_lists[HW_SSB_N_LISTS] = {")
    for name in ORDER:
        path, _ = lists[name]
        out.append(f"  [{name}] = {{ {c_string(path)},")
        out.append(f"    {var(name)}, G_N_ELEMENTS ({var(name)}) }},")
    out.append("};")
    return "\n".join(out) + "\n"


def main(argv):
    check = len(argv) > 1 and argv[1] == "--check"
    args = argv[2:] if check else argv[1:]
    if len(args) != 2:
        print(__doc__, file=sys.stderr)
        return 2
    source, target = args
    with open(source, encoding="utf-8") as f:
        markdown = f.read()
    text = render(parse(markdown))
    if check:
        with open(target, encoding="utf-8") as f:
            if f.read() != text:
                print(f"{target} is out of date with {source}: run {argv[0]} {source} {target}")
                return 1
        print(f"{target} matches {source}")
        return 0
    with open(target, "w", encoding="utf-8") as f:
        f.write(text)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
