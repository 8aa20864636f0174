"""Run the question bank (tests/data/answers.json) end to end through the CLI.

    .venv/bin/python scripts/answer_bank.py                 # this checkout's CLI, in-process
    .venv/bin/python scripts/answer_bank.py --exe /other/checkout/.venv/bin/inkoopgraaf
                                                            # another checkout's CLI (e.g. the code before a fix)

Builds each corpus the bank names once (`inkoopgraaf build CORPUS --out TMP --no-report`),
asks every question (`inkoopgraaf <command> --outputs TMP --format json`), turns the
answer rows into comparable rows (region, segment, value, date, status, ...) and
compares them with the expected rows. Prints one line per question and the share
answered right. The test (tests/test_answer_bank.py) uses :func:`run_bank` in-process.
"""
from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Callable

ROOT = Path(__file__).resolve().parents[1]
BANK = ROOT / "tests" / "data" / "answers.json"
UNKNOWN = (None, "", "onbekend", "nan", "None")

Invoke = Callable[[list[str]], tuple[int, str]]


# --------------------------------------------------------------------------- answer rows
def _date_of_detail(detail: str | None, aspect: str | None) -> str | None:
    """Profile rows keep dates in 'detail': 'start..end' for events, 'from -> to (n d)' for plan changes."""
    if not detail or aspect not in ("event", "plan_change"):
        return None
    if aspect == "plan_change" and "->" in detail:
        return detail.split("->", 1)[1].split("(")[0].strip() or None
    return detail.split("..", 1)[0].strip() or None


def normalise(command: list[str], rows: list[dict]) -> list[dict]:
    """Answer rows as {region, segment, value, date, status, year, onzeker, ...} whatever the command."""
    verb = command[0]
    out = []
    for r in rows:
        row = dict(r)
        if verb in ("query", "compare"):
            by_procedure = "--procedure" in command and "--financing" not in command
            row["value"] = r.get("procedure") if by_procedure else r.get("financing")
            row["date"] = None if by_procedure else r.get("contract_start")
        elif verb == "timeline":
            row["value"], row["date"] = r.get("event"), r.get("start")
        elif verb == "region":
            row["region"] = command[1]
            row["date"] = _date_of_detail(r.get("detail"), r.get("aspect"))
        out.append(row)
    return out


def _same(expected, actual) -> bool:
    if expected in UNKNOWN or expected == "onbekend":
        return actual in UNKNOWN or (isinstance(actual, float) and actual != actual)
    if isinstance(expected, bool) or isinstance(actual, bool):
        return bool(expected) == bool(actual) and actual not in UNKNOWN
    if isinstance(expected, list):  # any of
        return any(_same(e, actual) for e in expected)
    if isinstance(actual, str) and "; " in actual and isinstance(expected, str) and "; " not in expected:
        return expected in actual.split("; ")   # a row about several segments answers for each
    return str(expected) == str(actual)


def _matches(expected: dict, row: dict) -> bool:
    return all(_same(v, row.get(k)) for k, v in expected.items())


def judge(question: dict, rows: list[dict]) -> list[str]:
    """Reasons the answer is wrong ([] = right)."""
    problems = []
    for exp in question.get("expect", []):
        if not any(_matches(exp, r) for r in rows):
            problems.append(f"missing {exp}")
    for bad in question.get("absent", []):
        hits = [r for r in rows if _matches(bad, r)]
        if hits:
            problems.append(f"should not answer {bad} ({len(hits)} row(s))")
    if question.get("only"):
        keys = sorted({k for e in question.get("expect", []) for k in e}) or ["region", "value"]
        extra = [r for r in rows if not any(_matches(e, r) for e in question.get("expect", []))]
        if extra:
            problems.append(f"{len(extra)} unexpected row(s), e.g. " + str({k: extra[0].get(k) for k in keys}))
    return problems


# --------------------------------------------------------------------------- running
def load_bank(path: Path = BANK) -> dict:
    return json.loads(Path(path).read_text("utf-8"))


def corpus_path(spec: dict) -> Path:
    return (ROOT / spec["path"]).resolve()


def run_bank(invoke: Invoke, workdir: Path, bank: dict | None = None, only: set[str] | None = None) -> list[dict]:
    """[{id, ok, problems, rows}] for every question (or those in ``only``)."""
    bank = bank or load_bank()
    built: dict[str, Path] = {}
    results = []
    for q in bank["questions"]:
        if only and q["id"] not in only:
            continue
        name = q["corpus"]
        if name not in built:
            out = Path(workdir) / name
            code, text = invoke(["build", str(corpus_path(bank["corpora"][name])), "--out", str(out), "--no-report"])
            if code not in (0, 1):
                raise RuntimeError(f"build of {name} failed ({code}): {text[-500:]}")
            built[name] = out
        code, text = invoke([*q["command"], "--outputs", str(built[name]), "--format", "json"])
        if code != 0:
            results.append({"id": q["id"], "ok": False, "problems": [f"exit {code}: {text.strip()[-300:]}"], "rows": []})
            continue
        rows = normalise(q["command"], json.loads(text) if text.strip() else [])
        problems = judge(q, rows)
        results.append({"id": q["id"], "ok": not problems, "problems": problems, "rows": rows})
    return results


def subprocess_invoker(exe: str) -> Invoke:
    def invoke(args: list[str]) -> tuple[int, str]:
        p = subprocess.run([exe, *args], capture_output=True, text=True, cwd=ROOT)
        return p.returncode, p.stdout if p.returncode == 0 else p.stdout + p.stderr
    return invoke


def inprocess_invoker() -> Invoke:
    from click.testing import CliRunner
    from inkoopgraaf.cli import main
    runner = CliRunner()

    def invoke(args: list[str]) -> tuple[int, str]:
        res = runner.invoke(main, args, catch_exceptions=False)
        return res.exit_code, res.stdout
    return invoke


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--exe", help="inkoopgraaf executable to ask (default: this checkout, in-process)")
    ap.add_argument("--bank", default=str(BANK))
    ap.add_argument("-v", "--verbose", action="store_true", help="print the problems of each wrong answer")
    args = ap.parse_args(argv)
    invoke = subprocess_invoker(args.exe) if args.exe else inprocess_invoker()
    with tempfile.TemporaryDirectory(prefix="answer_bank_") as tmp:
        results = run_bank(invoke, Path(tmp), load_bank(Path(args.bank)))
    for r in results:
        print(f"{'ok   ' if r['ok'] else 'WRONG'} {r['id']}")
        if args.verbose and not r["ok"]:
            for p in r["problems"]:
                print(f"        {p}")
    right = sum(r["ok"] for r in results)
    print(f"{right}/{len(results)} answered right ({right / max(1, len(results)):.0%})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
