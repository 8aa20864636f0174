"""What `inkoopgraaf build` imports: the query layer (pandas, networkx, the API) only when a
command of it runs, so a build with nothing to do does not pay for their imports."""
from __future__ import annotations

import json
import subprocess
import sys

from click.testing import CliRunner

from inkoopgraaf.cli import main
from inkoopgraaf.query_cli import COMMANDS

STRATEGY = """Inkoopstrategie jeugdhulp regio Rivierenland 2025

De colleges van de gemeenten Tiel, Culemborg en Buren hebben op 12 maart 2024 besloten de jeugdhulp opnieuw in te kopen.
Voor het segment ambulante jeugdhulp kiezen de gemeenten voor lumpsumfinanciering.
"""

#: runs a build in a fresh interpreter and prints which of the heavy modules it imported
PROBE = """
import json, sys
from inkoopgraaf.cli import main
try:
    main(["build", sys.argv[1], "--out", sys.argv[2], "--jobs", "1"])
except SystemExit:
    pass
print(json.dumps(sorted(m for m in ("pandas", "networkx", "inkoopgraaf.query_cli") if m in sys.modules)))
"""


def _imports_of_build(corpus, out) -> list[str]:
    r = subprocess.run([sys.executable, "-c", PROBE, str(corpus), str(out)], capture_output=True, text=True,
                       timeout=300)
    assert r.returncode == 0, r.stderr
    return json.loads(r.stdout.strip().splitlines()[-1])


def test_a_build_with_nothing_changed_imports_no_query_layer(tmp_path):
    corpus, out = tmp_path / "corpus", tmp_path / "out"
    corpus.mkdir()
    (corpus / "rivierenland.txt").write_text(STRATEGY, encoding="utf-8")
    r = CliRunner().invoke(main, ["build", str(corpus), "--out", str(out)])
    assert r.exit_code == 0, r.output
    assert _imports_of_build(corpus, out) == []
    assert (out / "facts.jsonl").read_text(encoding="utf-8").strip()


def test_every_query_command_is_still_a_command_of_the_cli():
    runner = CliRunner()
    listed = runner.invoke(main, ["--help"])
    assert listed.exit_code == 0
    for cmd in COMMANDS:
        assert f"  {cmd.name}" in listed.output
        r = runner.invoke(main, [cmd.name, "--help"])
        assert r.exit_code == 0, (cmd.name, r.output)
        assert "Usage:" in r.output
