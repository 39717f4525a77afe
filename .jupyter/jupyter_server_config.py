"""JupyterLab settings for this project; `make lab` puts this folder on JUPYTER_CONFIG_PATH.

Saving a notebook keeps its outputs on disk, and git's nbstripout filter (set up by `make setup`)
keeps them out of commits. Git still lists a saved notebook as modified because its size changed, so
after each save of a tracked notebook whose committed content did not change (only outputs, counts
or the Python version differ) the notebook's index entry is refreshed: `git status` then shows only
real edits, and real edits are never staged.
"""
import subprocess
from pathlib import Path


def _git(os_path: str, *args: str) -> int:
    return subprocess.run(["git", *args, "--", os_path], cwd=Path(os_path).parent, capture_output=True).returncode


def refresh_git_index(model, os_path, contents_manager, **kwargs):
    """Post-save hook: ``git add`` a tracked notebook when ``git diff`` (through the filter) is empty."""
    if model.get("type") == "notebook" and _git(os_path, "ls-files", "--error-unmatch") == 0 \
            and _git(os_path, "diff", "--quiet") == 0:
        _git(os_path, "add")


c.FileContentsManager.post_save_hook = refresh_git_index  # noqa: F821  (c is the config object Jupyter provides)
