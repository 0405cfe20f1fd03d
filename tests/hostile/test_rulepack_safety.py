"""Loading a rule pack never runs code: python tags are data at most, and the pack is refused."""

from __future__ import annotations

from pathlib import Path

import pytest

from hostile.helpers import EXAMPLE, run_cli
from hulifa.errors import InputError
from hulifa.rulepack import load_pack

TAGS = [
    '!!python/object/apply:os.system ["touch {marker}"]',
    "!!python/object/apply:subprocess.call [[touch, {marker}]]",
    '!!python/object/new:os.system ["touch {marker}"]',
    "!!python/name:os.system",
    "!!python/module:os",
]


@pytest.mark.parametrize("tag", TAGS)
@pytest.mark.parametrize("where", ["pack", "indicators", "title"])
def test_python_tags_in_a_pack_never_execute(tmp_path: Path, tag: str, where: str) -> None:
    marker = tmp_path / "pwned"
    value = tag.format(marker=marker)
    pack = tmp_path / "pack.yaml"
    fields = {"pack": "evil", "title": "t", "indicators": "[]"}
    fields[where] = value
    pack.write_text("".join(f"{k}: {v}\n" for k, v in fields.items()), encoding="utf-8")
    try:
        loaded = load_pack(pack)
    except InputError:
        pass  # refused: a list or a tagged node where text belongs
    else:  # or kept as the plain text it is (`!!python/name:os.system` is the empty string)
        assert isinstance(loaded.title, str) and isinstance(loaded.id, str)
    run = run_cli("check", str(EXAMPLE), "--rules", str(pack), "--lang", "en")
    assert run.exit_code == 2  # refused, or an empty pack that applies to nothing
    assert f"{pack}:" in run.stderr or "no rule of the pack applies" in run.stderr
    assert "Traceback" not in run.output
    assert not marker.exists()


def test_pack_extending_a_hostile_file(tmp_path: Path) -> None:
    marker = tmp_path / "pwned"
    (tmp_path / "base.yaml").write_text(f'pack: !!python/object/apply:os.system ["touch {marker}"]\n', "utf-8")
    (tmp_path / "pack.yaml").write_text("pack: child\nextends: base.yaml\n", "utf-8")
    run = run_cli("check", str(EXAMPLE), "--rules", str(tmp_path / "pack.yaml"), "--lang", "en")
    assert run.exit_code == 2
    assert not marker.exists()
