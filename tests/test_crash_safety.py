"""A process killed in the middle of saving leaves the last saved state intact."""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import textwrap
from pathlib import Path

from wedsync_desktop import jsondoc
from wedsync_desktop.paths import portable_paths
from wedsync_desktop.store.integrity import check_workspace
from wedsync_desktop.store.records import SupplierDraft
from wedsync_desktop.store.workspace import open_workspace

# The child saves ever larger counters and prints each one after its commit
# returned, so a printed counter is one the program reported as saved.
CHILD = textwrap.dedent(
    """
    import sys
    from pathlib import Path
    from wedsync_desktop.paths import portable_paths
    from wedsync_desktop.store.workspace import open_workspace

    workspace = open_workspace(portable_paths(Path(sys.argv[1])))
    service = workspace.service
    supplier_id = sys.argv[2]
    padding = "x" * 200_000
    counter = 0
    while True:
        counter += 1
        config = '{"counter": %d, "padding": "%s"}' % (counter, padding)
        payload = '{"counter": %d}' % counter
        service.save_documents(
            supplier_id, feature_config=config, data_payload=payload
        )
        print(counter, flush=True)
    """
)
ROUNDS = 4


def test_kill_during_save_keeps_last_save(tmp_path: Path) -> None:
    profile = tmp_path / "profile"
    workspace = open_workspace(portable_paths(profile))
    supplier_id = workspace.service.create_supplier(SupplierDraft("Crash Test Cakes"))
    workspace.close()
    randomness = random.Random(359)

    for _round in range(ROUNDS):
        last_printed = _run_and_kill(profile, supplier_id, randomness)
        workspace = open_workspace(portable_paths(profile))
        try:
            detail = workspace.service.get_supplier(supplier_id)
            report = check_workspace(workspace.service.engine)
        finally:
            workspace.close()
        config = jsondoc.parse_document(detail.feature_config)
        payload = jsondoc.parse_document(detail.data_payload)
        stored = int(config["counter"].text)
        assert report.ok, report.problems
        assert stored >= last_printed
        assert stored <= last_printed + 1
        assert int(payload["counter"].text) == stored


def _run_and_kill(profile: Path, supplier_id: str, randomness: random.Random) -> int:
    child = subprocess.Popen(
        [sys.executable, "-c", CHILD, str(profile), supplier_id],
        stdout=subprocess.PIPE,
        text=True,
        env={**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parent.parent)},
    )
    assert child.stdout is not None
    kill_after = randomness.randint(3, 25)
    last = 0
    for line in child.stdout:
        last = int(line)
        if last >= kill_after:
            break
    os.kill(child.pid, signal.SIGKILL)
    child.wait(timeout=30)
    assert child.returncode == -signal.SIGKILL
    for line in child.stdout:
        last = max(last, int(line))
    return last
