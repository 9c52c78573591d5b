"""Config files: discovery, validation with file:line, globs, severities, `claimlint init`."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from claimlint import config as config_module
from claimlint.config import KEYS, STARTER, Config, find_config, load_config, write_starter
from claimlint.errors import ClaimlintError


@pytest.fixture(autouse=True)
def fresh_cache():
    find_config.cache_clear()
    yield
    find_config.cache_clear()


def write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def error_of(path: Path) -> str:
    with pytest.raises(ClaimlintError) as caught:
        load_config(path)
    return str(caught.value)


# -- discovery ------------------------------------------------------------------


def test_nearest_config_wins_walking_up(tmp_path):
    top = write(tmp_path / ".claimlint.yaml", "select: top\n")
    sub = write(tmp_path / "site" / "blog" / ".claimlint.yaml", "select: blog\n")
    assert find_config(tmp_path / "site" / "blog" / "2024" / "post.md").path == sub
    assert find_config(tmp_path / "site" / "blog").select == ("blog",)
    assert find_config(tmp_path / "site" / "faq.md").path == top


def test_in_one_folder_yaml_beats_yml_beats_pyproject(tmp_path):
    write(tmp_path / "pyproject.toml", '[tool.claimlint]\nselect = "toml"\n')
    assert find_config(tmp_path / "a.md").select == ("toml",)
    find_config.cache_clear()
    write(tmp_path / ".claimlint.yml", "select: yml\n")
    assert find_config(tmp_path / "a.md").select == ("yml",)
    find_config.cache_clear()
    write(tmp_path / ".claimlint.yaml", "select: yaml\n")
    assert find_config(tmp_path / "a.md").select == ("yaml",)


def test_pyproject_without_table_is_skipped(tmp_path):
    top = write(tmp_path / ".claimlint.yaml", "fail_on: never\n")
    write(tmp_path / "pkg" / "pyproject.toml", '[project]\nname = "claimlint-docs"\n[tool.ruff]\nline-length = 99\n')
    assert find_config(tmp_path / "pkg" / "README.md").path == top


def test_pyproject_table_is_read(tmp_path):
    path = write(
        tmp_path / "pyproject.toml",
        '[project]\nname = "x"\n\n[tool.claimlint]\nignore = ["efficacy", "risk/harmless"]\n'
        '[tool.claimlint.severity]\n"efficacy/cure" = "warning"\n',
    )
    config = load_config(path)
    assert config.ignore == ("efficacy", "risk/harmless")
    assert config.severity == {"efficacy/cure": "warning"}
    assert config.root == tmp_path


def test_explicit_pyproject_without_table_is_an_error(tmp_path):
    path = write(tmp_path / "pyproject.toml", '[project]\nname = "x"\n')
    assert error_of(path) == f"{path}: no [tool.claimlint] table"


def test_find_config_reads_each_file_once(tmp_path, monkeypatch):
    write(tmp_path / ".claimlint.yaml", "exclude: [drafts/]\n")
    reads = []
    real_read = config_module._read
    monkeypatch.setattr(config_module, "_read", lambda path: reads.append(path) or real_read(path))
    configs = {find_config(tmp_path / folder / f"page-{n}.md") for folder in ("", "a", "a/b") for n in range(500)}
    assert len(configs) == 1
    assert reads == [tmp_path / ".claimlint.yaml"]


# -- loading and validation ---------------------------------------------------


def test_empty_file_is_the_default_config(tmp_path):
    path = write(tmp_path / ".claimlint.yaml", "# nothing yet\n")
    assert load_config(path) == Config(path=path, root=tmp_path)


def test_values_are_normalized(tmp_path):
    path = write(
        tmp_path / ".claimlint.yaml",
        "select: efficacy, risk/harmless\nignore: [a/b, 'c,d']\nexclude: drafts/\n"
        "per_file_ignores: {'legacy/**': 'efficacy, risk'}\nrequire_reason: true\n"
        "disclosures: {off-label: This use is off-label.}\n",
    )
    config = load_config(path)
    assert config.select == ("efficacy", "risk/harmless")
    assert config.ignore == ("a/b", "c", "d")
    assert config.exclude == ("drafts/",)
    assert config.per_file_ignores == {"legacy/**": ("efficacy", "risk")}
    assert config.require_reason is True
    assert config.disclosures == {"off-label": "This use is off-label."}


@pytest.mark.parametrize(
    ("text", "line", "message"),
    [
        ("fail_on: error\nselct: efficacy\n", 2, "unknown key 'selct' (expected one of: select, ignore"),
        ("- select\n", 1, "a config must be a mapping of settings (got a list)"),
        ("select: [efficacy, 3]\n", 1, "'select' must be text or a list of texts (got a list)"),
        ("ignore: 3\n", 1, "'ignore' must be text or a list of texts (got a number)"),
        ("exclude: {a: b}\n", 1, "'exclude' must be text or a list of texts (got a mapping)"),
        ("severity:\n  efficacy: fatal\n", 2, "severity of 'efficacy' must be one of: error, warning, info"),
        ("severity: warning\n", 1, "'severity' must be a mapping (got text)"),
        ("\nfail_on: sometimes\n", 2, "'fail_on' must be one of: error, warning, info, never (got 'sometimes')"),
        ("rules: [missing]\n", 1, "rules folder 'missing' not found"),
        ("rules: {a: b}\n", 1, "'rules' must be a list of folder names (got a mapping)"),
        ("per_file_ignores:\n  a.md: [x]\n  b.md: 7\n", 3, "per_file_ignores['b.md'] must be text or a list"),
        ("disclosures:\n  boxed-warning: Text.\n", 2, "unknown disclosure 'boxed-warning' (expected one of:"),
        ("disclosures:\n  off-label: ''\n", 2, "disclosure 'off-label' must be non-empty text"),
        ("require_reason: 'yes'\n", 1, "'require_reason' must be true or false (got 'yes')"),
        ("select: [a\nignore: b\n", 2, "invalid YAML:"),
    ],
)
def test_invalid_yaml_config_names_file_and_line(tmp_path, text, line, message):
    path = write(tmp_path / ".claimlint.yaml", text)
    assert error_of(path).startswith(f"{path}:{line}: {message}")


def test_unknown_key_suggests_the_close_one(tmp_path):
    path = write(tmp_path / ".claimlint.yaml", "per-file-ignores: {}\n")
    assert error_of(path).endswith("did you mean 'per_file_ignores'?")


@pytest.mark.parametrize(
    ("text", "line", "message"),
    [
        ('[project]\nname = "x"\n[tool.claimlint]\nselect = "a"\nfail-on = "never"\n', 5, "unknown key 'fail-on'"),
        ('[tool.claimlint]\nselect = "a"\n\n[tool.claimlint.severity]\nrisk = "loud"\n', 5, "severity of 'risk'"),
        ('[tool.claimlint]\nrequire_reason = "no"\n', 2, "'require_reason' must be true or false"),
        ("[tool]\nclaimlint = 3\n", 2, "[tool.claimlint] must be a table"),
        ('[tool.claimlint]\nselect = [\n"a",\n', 3, "invalid TOML: Invalid value"),
        ('[tool.claimlint]\nselect = = "a"\n', 2, "invalid TOML: Invalid value"),
    ],
)
def test_invalid_pyproject_names_file_and_line(tmp_path, text, line, message):
    path = write(tmp_path / "pyproject.toml", text)
    assert error_of(path).startswith(f"{path}:{line}: {message}")


def test_unreadable_config_is_an_error_not_a_traceback(tmp_path):
    path = tmp_path / ".claimlint.yaml"
    path.write_bytes(b"select: caf\xe9\n")
    assert error_of(path) == f"{path}: cannot read config: not valid UTF-8 (byte 0xe9)"
    assert error_of(tmp_path / "missing.yaml").startswith(f"{tmp_path / 'missing.yaml'}: cannot read config:")


def test_rules_folders_are_relative_to_the_config_folder(tmp_path, monkeypatch):
    (tmp_path / "site" / "house-rules").mkdir(parents=True)
    path = write(tmp_path / "site" / ".claimlint.yaml", "rules: [house-rules]\n")
    monkeypatch.chdir(tmp_path)
    assert load_config(Path("site/.claimlint.yaml")).rules == (tmp_path / "site" / "house-rules",)
    monkeypatch.chdir(tmp_path / "site")
    assert find_config(Path("draft.md")).rules == (tmp_path / "site" / "house-rules",)
    assert path.exists()


# -- globs ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("glob", "skipped", "kept"),
    [
        ("drafts", ["drafts/a.md", "x/drafts/y/a.md"], ["drafts.md", "x/my-drafts/a.md"]),
        ("*.draft.md", ["a.draft.md", "x/y/a.draft.md"], ["a.md", "a.draft.md.bak"]),
        ("legacy/", ["legacy/a.md", "x/legacy/y/a.md"], ["legacy.md", "x/legacyold/a.md"]),
        ("archive/**", ["archive/a.md", "archive/2020/a.md"], ["x/archive/a.md", "archives/a.md"]),
        ("docs/*.md", ["docs/a.md"], ["docs/x/a.md", "x/docs/a.md"]),
        ("**/faq/*.md", ["faq/a.md", "x/y/faq/a.md"], ["faq.md", "x/faq/y/a.md"]),
        ("blog/**/old-*.md", ["blog/old-1.md", "blog/2019/03/old-2.md"], ["old-1.md", "blog/new.md"]),
    ],
)
def test_exclude_globs(tmp_path, glob, skipped, kept):
    config = Config(root=tmp_path, exclude=(glob,))
    assert [p for p in skipped if not config.excludes(tmp_path / p, is_dir=False)] == []
    assert [p for p in kept if config.excludes(tmp_path / p, is_dir=False)] == []


def test_exclude_folder_glob_matches_the_folder_itself(tmp_path):
    (tmp_path / "legacy").mkdir()
    (tmp_path / "legacy.md").write_text("x\n")
    config = Config(root=tmp_path, exclude=("legacy/",))
    assert config.excludes(tmp_path / "legacy")
    assert not config.excludes(tmp_path / "legacy.md")


def test_include_keeps_only_matching_files_but_never_skips_folders(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    config = Config(root=tmp_path, include=("content/**/*.md",), exclude=("content/private/",))
    assert not config.excludes(Path("content/a/b.md"), is_dir=False)
    assert config.excludes(Path("README.md"), is_dir=False)
    assert not config.excludes(Path("other"), is_dir=True)
    assert config.excludes(Path("content/private"), is_dir=True)


def test_per_file_ignores_collects_every_matching_glob(tmp_path):
    config = Config(
        root=tmp_path,
        per_file_ignores={"legacy/": ("efficacy",), "**/faq.md": ("risk", "efficacy"), "*.txt": ("x",)},
    )
    assert config.ignored_for(tmp_path / "legacy" / "faq.md") == ("efficacy", "risk")
    assert config.ignored_for(tmp_path / "faq.md") == ("risk", "efficacy")
    assert config.ignored_for(tmp_path / "blog" / "post.md") == ()


# -- severities -----------------------------------------------------------------


def test_severity_for_most_specific_key_wins():
    config = Config(
        severity={
            "overstated-efficacy": "info",
            "efficacy": "warning",
            "efficacy/cure": "info",
            "efficacy/cure-claim": "error",
        }
    )
    category = "overstated-efficacy"
    assert config.severity_for("efficacy/cure-claim", category, "warning") == "error"
    assert config.severity_for("efficacy/cure-all", category, "error") == "info"
    assert config.severity_for("efficacy/hype", category, "error") == "warning"
    assert config.severity_for("house/miracle", category, "error") == "info"
    assert config.severity_for("risk/harmless", "minimized-risk", "error") == "error"


# -- claimlint init ---------------------------------------------------------------


def test_starter_lists_every_key_and_loads(tmp_path):
    assert set(yaml.safe_load(STARTER)) == set(KEYS)
    path = write_starter(tmp_path)
    assert path == tmp_path / ".claimlint.yaml"
    assert load_config(path).fail_on == "error"
    assert [p.name for p in tmp_path.iterdir()] == [".claimlint.yaml"]


def test_write_starter_refuses_to_overwrite_unless_forced(tmp_path):
    path = write(tmp_path / ".claimlint.yaml", "select: mine\n")
    with pytest.raises(ClaimlintError, match="already exists") as caught:
        write_starter(tmp_path)
    assert str(caught.value).startswith(f"{path}: ")
    assert path.read_text() == "select: mine\n"
    write_starter(tmp_path, force=True)
    assert path.read_text() == STARTER
