#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Extract SSB's Barnevern v4 schema test suite into stand-alone fixture files.

SSB's repository statisticsnorway/barn-barnevern-xsd (MIT) tests its XSD with Kotlin specs
(src/test/kotlin/no/ssb/barn/xsd/*TypeTest.kt): each case builds an XML string and expects the
schema to accept it (shouldNotThrowAny) or to reject it (shouldThrow, with Xerces' message).
This script evaluates the few Kotlin string expressions those specs use (string templates,
`+`, `.repeat(n)`, the specs' own builder functions) and writes one file per case plus
MANIFEST (tab separated: file, expected verdict, SSB's test name, SSB's expected message).

Usage: extract-ssb-xsd-tests.py SSB_REPO_CHECKOUT OUTPUT_DIR [REVISION]

SSB's LICENSE.md is copied beside the cases. Every case was checked against SSB's verdict and
message with Java's own validator (Xerces, as SSB's tests use) on Barnevern_v4.xsd.
"""
import os
import shutil
import re
import sys
import xml.dom.minidom
from xml.parsers.expat import ExpatError


class Src:
    def __init__(self, text):
        self.t = text

    def skip(self, p):
        t = self.t
        while p < len(t):
            if t[p].isspace():
                p += 1
            elif t.startswith('//', p):
                p = t.index('\n', p) if '\n' in t[p:] else len(t)
            elif t.startswith('/*', p):
                p = t.index('*/', p) + 2
            else:
                break
        return p


class Evaluator:
    """Just enough of Kotlin's expressions for SSB's test specs."""

    def __init__(self, src, env, funcs):
        self.s = src
        self.env = env          # name -> list of (pos, expression position, Src)
        self.funcs = funcs      # name -> (param, expression position, Src)
        self.bound = {}

    def lookup(self, name, at):
        if name in self.bound:
            return self.bound[name]
        defs = self.env.get(name)
        if not defs:
            raise KeyError(name)
        # the nearest definition before the use, else the first (companion objects come last)
        before = [d for d in defs if d[0] < at and d[2] is self.s]
        pos, epos, src = (before[-1] if before else defs[0])
        ev = Evaluator(src, self.env, self.funcs)
        return ev.expr(epos)[0]

    def expr(self, p):
        v, p = self.term(p)
        while True:
            q = self.s.skip(p)
            if q < len(self.s.t) and self.s.t[q] == '+' and not self.s.t.startswith('+=', q):
                w, p = self.term(q + 1)
                v = v + w if not isinstance(v, str) or isinstance(w, str) else v + str(w)
            else:
                return v, p

    def term(self, p):
        v, p = self.primary(p)
        t = self.s.t
        while True:
            q = self.s.skip(p)
            m = re.match(r'\.(\w+)\(', t[q:])
            if not m:
                return v, p
            name = m.group(1)
            args, p = self.args(q + m.end())
            if name == 'repeat':
                v = v * args[0]
            elif name in ('toStreamSource', 'trimIndent'):
                pass
            else:
                raise ValueError('method ' + name)

    def args(self, p):
        out = []
        t = self.s.t
        p = self.s.skip(p)
        if t[p] == ')':
            return out, p + 1
        while True:
            v, p = self.expr(p)
            out.append(v)
            p = self.s.skip(p)
            if t[p] == ',':
                p = self.s.skip(p + 1)
                if t[p] == ')':
                    return out, p + 1
                continue
            if t[p] == ')':
                return out, p + 1
            raise ValueError('bad argument list at %r' % t[p:p + 40])

    def string(self, p):
        t = self.s.t
        assert t[p] == '"'
        p += 1
        out = []
        esc = {'n': '\n', 't': '\t', '"': '"', '\\': '\\', '$': '$', "'": "'"}
        while t[p] != '"':
            c = t[p]
            if c == '\\':
                out.append(esc[t[p + 1]])
                p += 2
            elif c == '$' and t[p + 1] == '{':
                v, p = self.expr(p + 2)
                p = self.s.skip(p)
                assert t[p] == '}'
                out.append(str(v))
                p += 1
            elif c == '$' and (t[p + 1].isalpha() or t[p + 1] == '_'):
                m = re.match(r'\$(\w+)', t[p:])
                out.append(str(self.lookup(m.group(1), p)))
                p += m.end()
            else:
                out.append(c)
                p += 1
        return ''.join(out), p + 1

    def primary(self, p):
        t = self.s.t
        p = self.s.skip(p)
        if t[p] == '"':
            return self.string(p)
        if t[p] == '(':
            v, p = self.expr(p + 1)
            p = self.s.skip(p)
            assert t[p] == ')'
            return v, p + 1
        m = re.match(r'\d[\d_]*', t[p:])
        if m:
            return int(m.group().replace('_', '')), p + m.end()
        m = re.match(r'Year\.now|(?:TestUtils\.)?[A-Za-z_]\w*', t[p:])
        if not m:
            raise ValueError('cannot read %r' % t[p:p + 40])
        name = m.group().replace('TestUtils.', '')
        q = p + m.end()
        if q < len(t) and t[q] == '(':
            args, q = self.args(q + 1)
            if m.group() == 'Year.now':
                # SSB uses the current year; a fixed one keeps the fixtures reproducible
                return 2023, q
            if name not in self.funcs:
                raise KeyError('function ' + name)
            param, epos, src = self.funcs[name]
            ev = Evaluator(src, self.env, self.funcs)
            ev.bound = {param: args[0]}
            return ev.expr(epos)[0], q
        return self.lookup(name, p), q


def definitions(src, env, funcs):
    t = src.t
    for m in re.finditer(r'\b(?:const\s+)?val\s+(\w+)(?:\s*:\s*\w+)?\s*=\s*', t):
        if m.group(1) in ('thrown', 'result'):
            continue
        env.setdefault(m.group(1), []).append((m.start(), m.end(), src))
    for m in re.finditer(r'\bfun\s+(\w+)\(\s*(\w+)\s*:\s*String\s*\)\s*(?::\s*String\s*)?=\s*', t):
        funcs[m.group(1)] = (m.group(2), m.end(), src)


def matching(t, p, open_, close):
    """Index after the bracket closing the one at p (strings skipped)."""
    depth = 0
    i = p
    while i < len(t):
        c = t[i]
        if c == '"':
            i += 1
            while t[i] != '"':
                i += 2 if t[i] == '\\' else 1
        elif c == open_:
            depth += 1
        elif c == close:
            depth -= 1
            if depth == 0:
                return i + 1
        i += 1
    raise ValueError('unbalanced')


def well_formed(text):
    try:
        xml.dom.minidom.parseString(text)
        return True
    except ExpatError:
        return False


def cases_of(path, env, funcs):
    src = Src(open(path, encoding='utf-8').read())
    definitions(src, env, funcs)
    t = src.t
    lambdas = []
    out = []
    for m in re.finditer(r'\bforAll\(', t):
        end = matching(t, m.end() - 1, '(', ')')
        rows = []
        ev = Evaluator(src, env, funcs)
        for r in re.finditer(r'\brow\(', t[m.end():end]):
            rp = m.end() + r.end()
            args, _ = ev.args(rp)
            rows.append((args, t.count('\n', 0, rp) + 1))
        lm = re.compile(r'\s*\{\s*([\w\s,]+)->').match(t, end)
        params = [x.strip() for x in lm.group(1).split(',')]
        body_end = matching(t, end + t[end:].index('{'), '{', '}')
        lambdas.append((end, body_end))
        body = t[end:body_end]
        v = re.search(r'validate\(', body)
        expect = 'invalid' if 'shouldThrow<' in body[:v.start()] else 'valid'
        for args, line in rows:
            ev = Evaluator(src, env, funcs)
            ev.bound = dict(zip(params, args))
            doc, _ = ev.expr(end + v.end())
            message = args[2] if len(args) > 2 and expect == 'invalid' else ''
            out.append((line, expect, args[0], doc, message, args[1], ev.bound))
    for m in re.finditer(r'\bvalidate\(', t):
        if any(a <= m.start() < b for a, b in lambdas):
            continue
        before = t[:m.start()]
        k_ok = before.rfind('shouldNotThrowAny')
        k_bad = before.rfind('shouldThrow<')
        expect = 'valid' if k_ok > k_bad else 'invalid'
        when = re.findall(r'When\("((?:[^"\\]|\\.)*)"\)', before)
        ev = Evaluator(src, env, funcs)
        doc, _ = ev.expr(m.end())
        message = ''
        sb = re.compile(r'thrown\.message\s+shouldBe\s+').search(t, m.end())
        if expect == 'invalid' and sb:
            message = ev.expr(sb.end())[0]
        out.append((t.count('\n', 0, m.start()) + 1, expect, when[-1] if when else 'valid XML',
                    doc, message, None, {}))
    return out


def close_start_tag(doc, fragment):
    """SSB's fixture is an unclosed start tag; close it as an empty element."""
    fixed = fragment[:-1] + '/>' if fragment.endswith('>') and not fragment.endswith('/>') else None
    if fixed and fixed != fragment:
        candidate = doc.replace(fragment, fixed, 1)
        if well_formed(candidate):
            return candidate
    return None


def main():
    repo, outdir = sys.argv[1], sys.argv[2]
    revision = sys.argv[3] if len(sys.argv) > 3 else 'unknown revision'
    testdir = os.path.join(repo, 'src/test/kotlin/no/ssb/barn/xsd')
    env, funcs = {}, {}
    definitions(Src(open(os.path.join(repo, 'src/test/kotlin/no/ssb/barn/TestUtils.kt'),
                         encoding='utf-8').read()), env, funcs)
    os.makedirs(outdir, exist_ok=True)
    shutil.copy(os.path.join(repo, 'LICENSE.md'), os.path.join(outdir, 'LICENSE.md'))
    manifest = []
    for name in sorted(os.listdir(testdir)):
        if not name.endswith('TypeTest.kt'):
            continue
        # each spec's builders are private to it: reset them, keep TestUtils'
        fenv = {k: v for k, v in env.items()}
        ffuncs = {k: v for k, v in funcs.items()}
        for n, (line, expect, desc, doc, message, fragment, bound) in enumerate(
                cases_of(os.path.join(testdir, name), fenv, ffuncs), 1):
            note = ''
            if not well_formed(doc):
                # SSB's validator reports the schema error before the parser reaches the
                # unclosed tag; close it (as the spec's own builder would) to test what it means
                fixed = None
                for frag in [fragment] + [v for v in bound.values() if isinstance(v, str)]:
                    if isinstance(frag, str):
                        fixed = close_start_tag(doc, frag)
                        if fixed:
                            break
                if not fixed:
                    sys.exit('%s:%d: cannot make the case well-formed' % (name, line))
                doc, note = fixed, 'start tag closed'
            base = '%s-%03d.xml' % (name[:-len('TypeTest.kt')], n)
            with open(os.path.join(outdir, base), 'w', encoding='utf-8') as f:
                f.write('<?xml version="1.0" encoding="UTF-8"?>\n' + doc + '\n')
            clean = lambda s: re.sub(r'\s+', ' ', s).replace('\t', ' ')
            manifest.append('\t'.join([base, expect, '%s:%d' % (name, line), clean(desc),
                                       note, clean(message)[:400]]))
    with open(os.path.join(outdir, 'MANIFEST'), 'w', encoding='utf-8') as f:
        f.write('# Generated by build-aux/extract-ssb-xsd-tests.py from '
                'statisticsnorway/barn-barnevern-xsd %s (MIT, see LICENSE.md).\n' % revision +
                '# file\tSSB verdict\tSSB spec:line\tSSB case\tnote\tSSB expected message\n')
        f.write('\n'.join(manifest) + '\n')
    print('%d cases (%d valid, %d invalid)' % (
        len(manifest), sum('\tvalid\t' in m for m in manifest),
        sum('\tinvalid\t' in m for m in manifest)))


if __name__ == '__main__':
    main()
