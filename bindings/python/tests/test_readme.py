"""The READMEs' Python code blocks run: bindings/python/README.md and, when it has them, the
repository's README.md."""

from __future__ import annotations

import os
import re
from pathlib import Path

import pytest

from conftest import BINDING, ROOT

READMES = [p for p in (BINDING / "README.md", ROOT / "README.md") if p.exists()]
BLOCK = re.compile(r"^```python\n(.*?)^```", re.MULTILINE | re.DOTALL)


def blocks(path: Path) -> list[str]:
    return BLOCK.findall(path.read_text(encoding="utf-8"))


def test_the_binding_readme_has_blocks() -> None:
    assert len(blocks(BINDING / "README.md")) >= 5


@pytest.mark.parametrize("readme", READMES, ids=lambda p: str(p.relative_to(ROOT)))
def test_readme_blocks_run(readme: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                           capsys: pytest.CaptureFixture[str]) -> None:
    found = blocks(readme)
    if not found:
        pytest.skip(f"{readme.name} has no python blocks")
    monkeypatch.chdir(tmp_path)  # blocks may write files
    namespace: dict[str, object] = {"__name__": "__readme__"}
    for i, code in enumerate(found):
        exec(compile(code, f"{readme}:block{i + 1}", "exec"), namespace)  # noqa: S102
    assert os.getcwd() == str(tmp_path)
    capsys.readouterr()
