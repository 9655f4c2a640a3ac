"""Which files of a plan folder are read: every file and folder is either read or reported.

A file saved as plan.yml or plan.yaml.txt (Notepad adds .txt), a folder named 1-1.yaml, a
broken link or one that points outside the repository would otherwise vanish from the site
without a word. Names beginning with "." and the files the operating system leaves
(Thumbs.db, desktop.ini) are not the authors' and are passed over.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Optional

from ..base.urls import EDITIONS_DIR
from ..base.errors import DataError, DataWarning

PLAN_FILES = ("plan.yaml", "tree.yaml", "lineage.yaml", "glossary.yaml", "comments.yaml")
PROJECTS_DIR, CHAPTERS_DIR = "projects", "chapters"
PLAN_FOLDERS = (PROJECTS_DIR, CHAPTERS_DIR, EDITIONS_DIR)
SYSTEM_FILES = {"thumbs.db", "desktop.ini"}
_TEXT_LIKE = (".yaml", ".yml", ".md", ".markdown", ".txt", ".json", ".csv")

Show = Callable[[Path], str]


@dataclass
class PlanFolder:
    files: dict[str, Path] = field(default_factory=dict)  # "plan.yaml" -> its path, for those present
    projects: list[Path] = field(default_factory=list)
    chapters: list[Path] = field(default_factory=list)
    editions: list[Path] = field(default_factory=list)
    misnamed: set[str] = field(default_factory=set)  # plan files already reported (plan.yml, a folder plan.yaml)
    problems: list[DataError] = field(default_factory=list)


class Boundary:
    """The repository: links that lead out of it are refused."""

    def __init__(self, data_dir: Path):
        project = Path(os.path.abspath(data_dir)).parent
        self.inside = (project.resolve(), Path(data_dir).resolve())

    def problem(self, path: Path, show: Show) -> Optional[DataError]:
        """Why path cannot be read as it stands (a broken link, a link out of the repository), or None."""
        if not path.is_symlink():
            return None
        target = path.resolve()
        if not target.exists():
            return DataError(show(path), 1, 1, "", f"「{path.name}」はリンク（シンボリックリンク）ですが、リンク先がありません。リンクを消すか、ファイルそのものを置いてください")
        if not any(target.is_relative_to(inside) for inside in self.inside):
            return DataError(show(path), 1, 1, "", f"「{path.name}」はリポジトリの外（{target}）を指すリンクなので読みません。ファイルそのものをここに置いてください")
        return None


def ignored(path: Path) -> bool:
    return path.name.startswith(".") or path.name.lower() in SYSTEM_FILES


def entries(folder: Path) -> list[Path]:
    return sorted(path for path in folder.iterdir() if not ignored(path))


def read_plan_folder(plan_dir: Path, boundary: Boundary, show: Show) -> PlanFolder:
    found = PlanFolder()
    for path in entries(plan_dir):
        problem = boundary.problem(path, show)
        if problem:
            found.problems.append(problem)
        elif path.name in PLAN_FILES:
            if path.is_file():
                found.files[path.name] = path
            else:
                found.misnamed.add(path.name)
                found.problems.append(_folder_not_file(path, show))
        elif path.name in PLAN_FOLDERS:
            if not path.is_dir():
                found.problems.append(DataError(show(path), 1, 1, "", f"「{path.name}」はフォルダにしてください（ファイルになっています）"))
            elif path.name == EDITIONS_DIR:
                found.editions = _editions(path, boundary, show, found.problems)
            else:
                suffix = ".yaml" if path.name == PROJECTS_DIR else ".md"
                chosen = _named_files(path, suffix, boundary, show, found.problems)
                setattr(found, path.name, chosen)
        else:
            intended = (intended_name(path.name, ".yaml") or "").lower()
            if intended in PLAN_FILES:
                found.misnamed.add(intended)
            found.problems.append(_unread(path, PLAN_FILES, show, [f"{name}/" for name in PLAN_FOLDERS]))
    return found


def _editions(folder: Path, boundary: Boundary, show: Show, problems: list[DataError]) -> list[Path]:
    snapshots = []
    for path in entries(folder):
        problem = boundary.problem(path, show)
        if problem:
            problems.append(problem)
        elif path.is_dir():
            snapshots.append(path)
        else:
            problems.append(DataError(show(path), 1, 1, "", f"{EDITIONS_DIR}/ には過去の版のフォルダだけを置きます。「{path.name}」は読みません"))
    return snapshots


def _named_files(folder: Path, suffix: str, boundary: Boundary, show: Show, problems: list[DataError]) -> list[Path]:
    """The files of projects/ (.yaml) or chapters/ (.md); everything else there is reported."""
    chosen = []
    present = {path.name for path in entries(folder)}
    for path in entries(folder):
        problem = boundary.problem(path, show)
        if problem:
            problems.append(problem)
        elif path.name.endswith(suffix) and path.is_file():
            chosen.append(path)
        elif path.name.endswith(suffix):
            problems.append(_folder_not_file(path, show))
        elif path.is_dir():
            problems.append(DataError(show(path), 1, 1, "", f"{folder.name}/ の中のフォルダ「{path.name}」は読みません。ファイルは {folder.name}/ のすぐ下に置いてください"))
        else:
            problems.append(_misnamed(path, suffix, present, show) or _unread(path, (), show, [f"{folder.name}/ の *{suffix}"]))
    return chosen


def _folder_not_file(path: Path, show: Show) -> DataError:
    return DataError(show(path), 1, 1, "", f"「{path.name}」はフォルダになっているので読めません。同じ名前のファイルにしてください")


def _misnamed(path: Path, suffix: str, present: set[str], show: Show) -> Optional[DataError]:
    """A data file saved under another ending: 1-1.yml, 1-1.YAML, 1-1.yaml.txt, 01-intro.markdown."""
    intended = intended_name(path.name, suffix)
    if intended is None:
        return None
    clash = f"同じ名前の {intended} もあるので、1つにまとめてください" if intended in present else f"名前を {intended} にしてください"
    return DataError(show(path), 1, 1, "", f"「{path.name}」は読みません。{clash}（拡張子は {suffix} です）")


def intended_name(name: str, suffix: str) -> Optional[str]:
    """The name an author meant, when only the ending is off; None if it is not a data file."""
    lowered = name.lower().rstrip(" .").removesuffix(".txt")  # Windows drops trailing dots; Notepad adds .txt
    stem, dot, ending = lowered.rpartition(".")
    if not dot:
        return None
    if suffix == ".yaml" and ending in ("yaml", "yml"):
        return name[: len(stem)] + suffix
    if suffix == ".md" and ending in ("md", "markdown", "mdown"):
        return name[: len(stem)] + suffix
    return None


def _unread(path: Path, names: tuple, show: Show, folders: list[str]) -> DataError:
    """A file or folder that is not part of the data contract: misnamed data is an error, anything
    else a warning (it is not published, and the author should know)."""
    for known in names:
        if (intended_name(path.name, ".yaml") or "").lower() == known:
            return DataError(show(path), 1, 1, "", f"「{path.name}」は読みません。名前を {known} にしてください（拡張子は .yaml です）")
    listing = "、".join([*names, *folders])
    message = f"「{path.name}」は読みません（このフォルダで読むのは {listing}）"
    if path.is_dir() or path.suffix.lower() in _TEXT_LIKE:
        return DataError(show(path), 1, 1, "", message + "。置く場所か名前を確かめてください")
    return DataWarning(show(path), 1, 1, "", message + "。サイトには載りません")
