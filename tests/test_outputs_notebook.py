"""notebooks/claims.ipynb runs top to bottom (nbclient) and produces the claims table and a plot."""
from __future__ import annotations

import time

import pytest
from conftest import ROOT

nbformat = pytest.importorskip("nbformat", reason="the notebook test needs the test extra (nbformat, nbclient, ipykernel)")
nbclient = pytest.importorskip("nbclient", reason="the notebook test needs the test extra (nbformat, nbclient, ipykernel)")

NOTEBOOK = ROOT / "notebooks" / "claims.ipynb"


def outputs(nb, kind=None):
    for cell in nb.cells:
        if cell.cell_type != "code":
            continue
        for out in cell.get("outputs", []):
            if kind is None or out.get("output_type") == kind:
                yield out


def test_notebook_is_committed_clean():
    nb = nbformat.read(NOTEBOOK, as_version=4)
    nbformat.validate(nb)
    assert not list(outputs(nb)), "commit the notebook without outputs"


def test_notebook_runs(tmp_path):
    nb = nbformat.read(NOTEBOOK, as_version=4)
    t0 = time.monotonic()
    client = nbclient.NotebookClient(nb, timeout=120, kernel_name="python3",
                                     resources={"metadata": {"path": str(NOTEBOOK.parent)}})
    client.execute()  # raises CellExecutionError on the first failing cell
    elapsed = time.monotonic() - t0
    text = "".join(o.get("text", "") for o in outputs(nb, "stream"))
    assert "2 articles, 0 errors" in text
    html = "".join(o["data"].get("text/html", "") for o in outputs(nb) if "data" in o)
    for column in ("surface", "value", "unit", "subject", "metric", "period_text", "verdict", "explanation"):
        assert f"<th>{column}</th>" in html
    pngs = [o for o in outputs(nb, "display_data") if "image/png" in o.get("data", {})]
    assert len(pngs) == 1
    assert elapsed < 90  # the notebook is meant to run in well under 30 s; generous for a loaded CI box
