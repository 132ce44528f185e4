"""The files each platform reads to build and run the bot agree with the code and with each other.

Heroku reads the Procfile, app.json, .python-version and requirements.txt; Render reads
render.yaml; Fly.io and other container platforms read the Dockerfile. None of them can be run
here, so these tests check what a typo or a renamed setting would break only at deploy time.
"""

from __future__ import annotations

import base64
import json
import re
import secrets
import shlex
import tomllib
from functools import cache
from pathlib import Path
from typing import Any

import pytest
import yaml
from packaging.requirements import Requirement
from packaging.specifiers import SpecifierSet
from packaging.utils import canonicalize_name
from packaging.version import Version

from bot.config import DEFAULT_PORT, HEALTH_PATH, ConfigError, load_settings
from bot.paths import ARTICLE_PATH, KNOWLEDGE_DIR, PROJECT_DIR

ROOT = Path(__file__).resolve().parent.parent

# Read by the platform itself, not by the bot.
PLATFORM_ENV = {"PYTHON_VERSION"}

# os.environ.get("X"), env.get("X"), os.getenv("X"), os.environ["X"], config's _get(env, "X")
_ENV_READ = re.compile(
    r"""(?:(?:environ|env)\.get\(|getenv\(|environ\[|_get\(env,)\s*["']([A-Z][A-Z0-9_]*)["']"""
)
_LOCK_LINE = re.compile(r"([A-Za-z0-9][A-Za-z0-9._-]*)==([^\s;]+)(?:\s*;.*)?")


# --- what the files say ---------------------------------------------------------------------


@cache
def procfile() -> dict[str, str]:
    entries = {}
    for line in (ROOT / "Procfile").read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.lstrip().startswith("#"):
            name, command = line.split(":", 1)
            entries[name.strip()] = command.strip()
    return entries


@cache
def python_version() -> str:
    return (ROOT / ".python-version").read_text(encoding="utf-8").strip()


@cache
def pyproject() -> dict[str, Any]:
    return tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))


@cache
def lock() -> dict[str, Version]:
    """requirements.txt as {canonical name: pinned version}."""
    pins = {}
    for line in (ROOT / "requirements.txt").read_text(encoding="utf-8").splitlines():
        line = line.split("#", 1)[0].strip()
        if line:
            match = _LOCK_LINE.fullmatch(line)
            assert match, f"requirements.txt: not an exact pin: {line!r}"
            pins[canonicalize_name(match[1])] = Version(match[2])
    return pins


@cache
def app_json() -> dict[str, Any]:
    return json.loads((ROOT / "app.json").read_text(encoding="utf-8"))


@cache
def render_service() -> dict[str, Any]:
    services = render_yaml()["services"]
    assert len(services) == 1, "render.yaml: one service, the webhook bot"
    return services[0]


@cache
def render_yaml() -> dict[str, Any]:
    return yaml.safe_load((ROOT / "render.yaml").read_text(encoding="utf-8"))


@cache
def render_env() -> dict[str, dict[str, Any]]:
    return {entry["key"]: entry for entry in render_service()["envVars"]}


@cache
def dockerfile() -> list[tuple[str, str]]:
    """(INSTRUCTION, arguments) pairs, continuation lines joined and comments dropped."""
    instructions: list[tuple[str, str]] = []
    pending = ""
    for raw in (ROOT / "Dockerfile").read_text(encoding="utf-8").splitlines():
        line = raw.strip()
        if not pending and (not line or line.startswith("#")):
            continue
        if line.endswith("\\"):
            pending += line[:-1] + " "
            continue
        keyword, _, arguments = (pending + line).partition(" ")
        instructions.append((keyword.upper(), arguments.strip()))
        pending = ""
    assert not pending, "Dockerfile: the last line ends with a backslash"
    return instructions


def docker(keyword: str) -> list[str]:
    return [arguments for name, arguments in dockerfile() if name == keyword]


def docker_env() -> dict[str, str]:
    env = {}
    for arguments in docker("ENV"):
        for assignment in shlex.split(arguments):
            name, _, value = assignment.partition("=")
            env[name] = value
    return env


# --- what the code expects ------------------------------------------------------------------


@cache
def env_names_read_by_code() -> frozenset[str]:
    return frozenset(
        name
        for path in (ROOT / "bot").rglob("*.py")
        for name in _ENV_READ.findall(path.read_text(encoding="utf-8"))
    )


@cache
def required_for_webhook() -> frozenset[str]:
    """The variables the code itself refuses to start the webhook without."""
    try:
        load_settings({}, mode="webhook")
    except ConfigError as error:
        names = [re.match(r"[A-Z][A-Z0-9_]+", problem) for problem in error.problems]
        assert all(names), f"every problem names its variable first: {error.problems}"
        return frozenset(name[0] for name in names if name)
    raise AssertionError("an empty environment was accepted in webhook mode")


def test_the_code_reads_the_variables_the_platforms_set() -> None:
    assert {"TELEGRAM_BOT_TOKEN", "WEBHOOK_URL", "WEBHOOK_SECRET", "PORT", "DATABASE_URL"} <= (
        env_names_read_by_code()
    )
    assert required_for_webhook() == {"TELEGRAM_BOT_TOKEN", "WEBHOOK_URL", "WEBHOOK_SECRET"}


def test_the_procfile_runs_the_webhook_on_web_and_polling_on_worker() -> None:
    assert procfile() == {
        "web": "python -m bot telegram --webhook",
        "worker": "python -m bot telegram --polling --take-over",
    }


# --- the lock ---------------------------------------------------------------------------------


@pytest.mark.parametrize("requirement", pyproject()["project"]["dependencies"])
def test_the_lock_pins_each_runtime_dependency_within_its_range(requirement: str) -> None:
    wanted = Requirement(requirement)
    name = canonicalize_name(wanted.name)
    assert name in lock(), f"{wanted.name} is missing from requirements.txt: regenerate it"
    assert lock()[name] in wanted.specifier, (
        f"requirements.txt pins {wanted.name} {lock()[name]}, outside pyproject's {wanted.specifier}"
    )


def test_the_lock_holds_nothing_from_the_test_or_bench_extras() -> None:
    extras = pyproject()["project"]["optional-dependencies"]
    runtime = {
        canonicalize_name(Requirement(r).name) for r in pyproject()["project"]["dependencies"]
    }
    leaked = {
        canonicalize_name(Requirement(r).name)
        for group in extras.values()
        for r in group
        if canonicalize_name(Requirement(r).name) not in runtime
    } & set(lock())
    assert not leaked, f"requirements.txt installs development tools on the server: {leaked}"


def test_the_lock_does_not_install_the_project_itself() -> None:
    # The platforms run `python -m bot` from the checkout; an installed copy could shadow it.
    text = (ROOT / "requirements.txt").read_text(encoding="utf-8")
    assert canonicalize_name(pyproject()["project"]["name"]) not in lock()
    assert not re.search(r"^\s*(-e|--editable|\.)", text, re.MULTILINE)


def test_the_lock_suits_the_python_the_platforms_install() -> None:
    requires = SpecifierSet(pyproject()["project"]["requires-python"])
    assert Version(python_version()) in requires
    header = (ROOT / "requirements.txt").read_text(encoding="utf-8")
    assert f"--python-version {python_version()}" in header, (
        "requirements.txt was compiled for another Python than .python-version names"
    )


def test_the_readme_names_the_command_that_regenerates_the_lock() -> None:
    header = (ROOT / "requirements.txt").read_text(encoding="utf-8").splitlines()[:3]
    command = next(line.lstrip("# ").strip() for line in header if "compile" in line)
    assert command in (ROOT / "README.md").read_text(encoding="utf-8")


# --- Heroku: app.json -------------------------------------------------------------------------


def test_app_json_builds_with_the_python_buildpack_and_a_postgres() -> None:
    app = app_json()
    assert app["name"] and app["description"]
    assert "repository" not in app, "the Deploy button fills in the repository it was pressed on"
    assert app["buildpacks"] == [{"url": "heroku/python"}]
    assert [addon["plan"].split(":")[0] for addon in app["addons"]] == ["heroku-postgresql"]


def test_app_json_runs_one_web_dyno_and_no_worker() -> None:
    formation = app_json()["formation"]
    assert set(formation) <= set(procfile()), "app.json scales a process the Procfile lacks"
    assert formation["web"]["quantity"] == 1
    assert formation["worker"]["quantity"] == 0, "polling beside the webhook gets 409 Conflict"


def test_app_json_asks_for_every_setting_the_webhook_needs() -> None:
    env = app_json()["env"]
    assert required_for_webhook() <= set(env)
    assert env["TELEGRAM_BOT_TOKEN"]["required"] is True
    assert "value" not in env["TELEGRAM_BOT_TOKEN"], "a token in the repository is a leaked token"
    assert env["WEBHOOK_SECRET"]["generator"] == "secret"
    for name, spec in env.items():
        assert spec.get("description"), f"app.json: {name} has no description"


def test_app_json_sets_only_variables_the_code_reads() -> None:
    unknown = set(app_json()["env"]) - env_names_read_by_code() - PLATFORM_ENV
    assert not unknown, f"app.json sets variables no code reads: {unknown}"


def test_the_secret_heroku_generates_passes_the_config_check() -> None:
    # Heroku's `generator: secret` gives 64 hex characters.
    settings = _webhook_settings(secrets.token_hex(32))
    assert settings.webhook_secret


@pytest.mark.parametrize(
    "secret",
    [
        base64.b64encode(bytes(range(220, 252))).decode(),  # Render's generateValue: + / =
        "has spaces and ünïcode",
        "a" * 300,
    ],
)
def test_any_secret_is_accepted_and_telegram_gets_one_in_its_alphabet(secret: str) -> None:
    settings = _webhook_settings(secret)
    token = settings.secret_token
    assert token is not None and re.fullmatch(r"[A-Za-z0-9_-]{1,256}", token)
    assert token == _webhook_settings(secret).secret_token  # every process derives the same
    assert token in settings.secrets


def test_a_secret_already_in_telegrams_alphabet_is_sent_as_it_is() -> None:
    secret = secrets.token_urlsafe(32)
    assert _webhook_settings(secret).secret_token == secret


def _webhook_settings(secret: str):
    return load_settings(
        {
            "TELEGRAM_BOT_TOKEN": "123:abc",
            "WEBHOOK_URL": "https://bot.example.com/tg-hook",
            "WEBHOOK_SECRET": secret,
        },
        mode="webhook",
    )


# --- Render: render.yaml ----------------------------------------------------------------------


def test_render_builds_from_the_lock_and_starts_the_procfiles_web_command() -> None:
    service = render_service()
    assert service["type"] == "web"
    assert service["runtime"] == "python"
    assert service["buildCommand"] == "pip install -r requirements.txt"
    assert service["startCommand"] == procfile()["web"]


def test_render_checks_the_health_path_the_bot_serves() -> None:
    assert render_service()["healthCheckPath"] == HEALTH_PATH


def test_render_asks_for_the_token_and_generates_the_secret() -> None:
    env = render_env()
    assert required_for_webhook() <= set(env)
    assert env["TELEGRAM_BOT_TOKEN"] == {"key": "TELEGRAM_BOT_TOKEN", "sync": False}
    assert env["WEBHOOK_URL"] == {"key": "WEBHOOK_URL", "sync": False}
    assert env["WEBHOOK_SECRET"]["generateValue"] is True


def test_render_wires_its_postgres_to_database_url() -> None:
    source = render_env()["DATABASE_URL"]["fromDatabase"]
    assert source["property"] == "connectionString"
    assert source["name"] in {database["name"] for database in render_yaml()["databases"]}


def test_render_sets_only_variables_the_code_reads() -> None:
    unknown = set(render_env()) - env_names_read_by_code() - PLATFORM_ENV
    assert not unknown, f"render.yaml sets variables no code reads: {unknown}"


def test_render_installs_the_python_that_python_version_names() -> None:
    # Render wants a full version in PYTHON_VERSION; .python-version names the minor one.
    pinned = str(render_env()["PYTHON_VERSION"]["value"])
    assert re.fullmatch(r"\d+\.\d+\.\d+", pinned), "Render needs a full version, e.g. 3.12.12"
    assert pinned.startswith(python_version() + ".")


# --- containers: Dockerfile -------------------------------------------------------------------


def test_the_image_is_slim_python_of_the_pinned_version() -> None:
    assert docker("FROM") == [f"python:{python_version()}-slim"]


def test_the_image_installs_the_lock_before_copying_the_app() -> None:
    steps = [f"{name} {arguments}" for name, arguments in dockerfile()]
    copy_lock = steps.index("COPY requirements.txt ./")
    install = steps.index("RUN pip install -r requirements.txt")
    first_app_copy = min(i for i, step in enumerate(steps) if step.startswith("COPY bot/"))
    assert copy_lock < install < first_app_copy


def test_the_image_holds_the_package_and_the_data_it_reads() -> None:
    copied = {shlex.split(arguments)[0].rstrip("/") for arguments in docker("COPY")}
    needed = {"bot", *(p.relative_to(PROJECT_DIR).parts[0] for p in (KNOWLEDGE_DIR, ARTICLE_PATH))}
    assert needed <= copied
    ignored = {
        line.strip().rstrip("/")
        for line in (ROOT / ".dockerignore").read_text(encoding="utf-8").splitlines()
        if line.strip() and not line.startswith("#")
    }
    assert not needed & ignored, ".dockerignore drops what the image copies"
    assert {".git", ".venv", ".env*"} <= ignored, "keep secrets and local state out of the context"


def test_the_image_runs_as_a_user_other_than_root() -> None:
    users = docker("USER")
    assert users and users[-1] not in {"root", "0", "0:0"}


def test_the_image_starts_the_procfiles_web_command() -> None:
    (command,) = docker("CMD")
    assert json.loads(command) == shlex.split(procfile()["web"]), "exec form, so SIGTERM reaches it"


def test_the_image_listens_where_it_says() -> None:
    assert docker("EXPOSE") == [str(DEFAULT_PORT)]
    assert docker_env()["PORT"] == str(DEFAULT_PORT)
