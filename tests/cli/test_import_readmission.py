"""`vigil import` of a file that lists a discharged patient again ahead of the SMS patient who
took their number meanwhile: refused whole, with the reason, and nothing written (a dry run
says the same)."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import yaml

from vigil.clinic.export import to_yaml

from ..conftest import DEMO
from .test_commands import vigil

ANN = {"external_id": "MRN-001", "name": "Ann One", "phone": "+13125550142", "channel": "simulator"}
BO = {"external_id": "MRN-002", "name": "Bo Two", "phone": "+13125550142", "channel": "sms"}


def _file(tmp_path: Path, name: str, *patients: dict[str, Any]) -> str:
    data = yaml.safe_load(DEMO.read_text())
    data["patients"] = [*data["patients"], *patients]
    path = tmp_path / name
    path.write_text(to_yaml(data))
    return str(path)


def test_importing_a_file_that_readmits_a_patient_ahead_of_the_sms_patient_on_their_number_is_refused(
    tmp_path: Path,
) -> None:
    env = {k: v for k, v in os.environ.items() if not k.startswith("VIGIL_")}
    env["VIGIL_DATABASE_URL"] = f"sqlite+aiosqlite:///{tmp_path / 'cli.db'}"
    assert vigil("db", "upgrade", env=env).returncode == 0
    assert vigil("import", _file(tmp_path, "ann.yaml", ANN), env=env).returncode == 0
    done = vigil("import", _file(tmp_path, "bo.yaml", BO), env=env)  # Ann off the list, Bo on her number
    assert done.returncode == 0, done.stderr
    assert "discharged 1 patient no longer listed (MRN-001)" in done.stdout
    both = _file(tmp_path, "both.yaml", BO, ANN)
    for dry in ([], ["--dry-run"]):
        r = vigil("import", *dry, both, env=env)
        assert r.returncode == 1
        assert r.stderr.strip() == (
            f"vigil: {both}: patients.MRN-002.phone: +13125550142 is already patient MRN-001's "
            "(MRN-001 was added here before MRN-002)"
        )
    again = vigil("import", "--dry-run", _file(tmp_path, "bo.yaml", BO), env=env)
    assert "nothing changed" in again.stdout  # the refused imports wrote nothing
