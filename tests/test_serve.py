"""``make serve`` rebuilds only edited pages, except after a data or package edit."""

from __future__ import annotations

import importlib.util
import types

from truce.paths import ROOT


def _site_meta():
    spec = importlib.util.spec_from_file_location("site_meta_hook", ROOT / "hooks" / "site_meta.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


class _Files:
    def __init__(self, n: int):
        self.pages = [types.SimpleNamespace(is_modified=lambda: False) for _ in range(n)]

    def documentation_pages(self):
        return self.pages


def test_data_edit_marks_every_page_for_rebuild(monkeypatch):
    hook = _site_meta()
    state = {"data": "a"}
    monkeypatch.setattr(hook.data, "data_fingerprint", lambda *a, **k: state["data"])
    monkeypatch.setattr(hook.registry, "package_fingerprint", lambda: "p")
    first = _Files(3)
    hook._rebuild_everything_after_a_data_edit(first)  # first build: nothing to compare with
    assert not any(p.is_modified() for p in first.pages)
    prose_only = _Files(3)
    hook._rebuild_everything_after_a_data_edit(prose_only)  # data unchanged: dirty rules apply
    assert not any(p.is_modified() for p in prose_only.pages)
    state["data"] = "b"
    after_data_edit = _Files(3)
    hook._rebuild_everything_after_a_data_edit(after_data_edit)
    assert all(p.is_modified() for p in after_data_edit.pages)
