#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""app/store/gen-migrations.py: a new migration is one new .sql file, and a misnumbered one
stops the build naming the file.

  test-gen-migrations.py GEN-MIGRATIONS.py MIGRATIONS-DIR
"""

import os
import shutil
import subprocess
import sys
import tempfile


def run(gen, folder, out):
    paths = [os.path.join(out, n) for n in ("res.xml", "schema.h", "migrations.h", "deps.d")]
    proc = subprocess.run([sys.executable, gen, folder] + paths, capture_output=True, text=True)
    texts = {}
    if proc.returncode == 0:
        for p in paths:
            with open(p, encoding="utf-8") as f:
                texts[os.path.basename(p)] = f.read()
    return proc, texts


def main(argv):
    gen, real = argv[1], argv[2]
    failures = []

    def check(ok, what):
        print(("ok    " if ok else "FAIL  ") + what)
        if not ok:
            failures.append(what)

    with tempfile.TemporaryDirectory() as tmp:
        folder = os.path.join(tmp, "migrations")
        shutil.copytree(real, folder)
        count = len(os.listdir(folder))

        proc, texts = run(gen, folder, tmp)
        check(proc.returncode == 0, f"the project's {count} migrations generate")
        check(f"#define HW_STORE_SCHEMA_VERSION {count}\n" in texts.get("schema.h", ""),
              f"HW_STORE_SCHEMA_VERSION is {count}")

        new = f"{count + 1:03d}-added-by-the-test.sql"
        with open(os.path.join(folder, new), "w", encoding="utf-8") as f:
            f.write("CREATE TABLE t (x);\n")
        proc, texts = run(gen, folder, tmp)
        check(proc.returncode == 0, f"one new file {new} is enough")
        check(f"#define HW_STORE_SCHEMA_VERSION {count + 1}\n" in texts.get("schema.h", ""),
              "the schema version follows it")
        check(f"<file>migrations/{new}</file>" in texts.get("res.xml", ""),
              "the resource list carries it")
        check(texts.get("migrations.h", "").rstrip().endswith(f'"/no/homeward/store/migrations/{new}",\n}};'),
              "it runs last")
        check(os.path.abspath(folder) in texts.get("deps.d", ""),
              "the depfile names the folder (a new file reruns the script)")

        for bad, why in ((f"{count + 3:03d}-gap.sql", "a gap"),
                         (f"{count + 1:03d}-twin.sql", "a twin number"),
                         ("8-short.sql", "a misnamed file")):
            path = os.path.join(folder, bad)
            with open(path, "w", encoding="utf-8") as f:
                f.write("SELECT 1;\n")
            proc, _ = run(gen, folder, tmp)
            check(proc.returncode != 0 and bad in proc.stderr, f"{why} ({bad}) stops the build, named")
            os.remove(path)

    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
