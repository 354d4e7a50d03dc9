"""Fixtures every test shares: a fresh store holding the demo hall, on SQLite (default) or
on a real PostgreSQL server (`--backend postgresql` or HALLQ_TEST_BACKEND=postgresql).

Every test that touches a store takes it from these fixtures (`store`, `store_target`,
`empty_store_target`, `module_store_target`), so the one option moves the whole suite,
GUI tests included, onto the chosen backend. Without a server the PostgreSQL tests skip
with the reason; with HALLQ_REQUIRE_POSTGRES set (CI) they fail instead.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import os
import shutil
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url

from shared.services.hall import HallService
from shared.services.hall_config import demo_definition, load_hall
from shared.store.clock import FixedClock
from shared.store.database import Store, open_store

DEFAULT_POSTGRES_URL = "postgresql+psycopg://postgres@127.0.0.1:5432/postgres"
DAY = dt.date(2026, 11, 23)


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--backend",
        choices=("sqlite", "postgresql"),
        default=os.environ.get("HALLQ_TEST_BACKEND", "sqlite"),
        help="the store the tests run on (default: a temporary SQLite file per test)",
    )


def pytest_report_header(config: pytest.Config) -> str:
    return f"hallq store backend: {config.getoption('--backend')}"


def pytest_sessionstart(session: pytest.Session) -> None:
    """Where a server is required, a PostgreSQL run without one stops before it starts."""
    required = os.environ.get("HALLQ_REQUIRE_POSTGRES")
    if (
        required
        and session.config.getoption("--backend") == "postgresql"
        and (problem := postgres_problem())
    ):
        raise pytest.UsageError(problem + "; HALLQ_REQUIRE_POSTGRES is set")


def postgres_admin_url() -> str:
    return os.environ.get("HALLQ_TEST_POSTGRES_URL", DEFAULT_POSTGRES_URL)


def postgres_problem() -> str | None:
    """Why no PostgreSQL server can be used, or None when one answers."""
    try:
        engine = create_engine(postgres_admin_url(), connect_args={"connect_timeout": 3})
        with engine.connect() as connection:
            connection.execute(text("SELECT 1"))
        engine.dispose()
    except Exception as error:
        return f"no PostgreSQL server answers at {postgres_admin_url()} ({type(error).__name__})"
    return None


@pytest.fixture(scope="session")
def postgres_server() -> str:
    """The admin URL of a live PostgreSQL server; skips (fails where it is required) if none."""
    problem = postgres_problem()
    if problem:
        if os.environ.get("HALLQ_REQUIRE_POSTGRES"):
            pytest.fail(problem + "; HALLQ_REQUIRE_POSTGRES is set")
        pytest.skip(problem + "; set HALLQ_TEST_POSTGRES_URL or start one to run these tests")
    return postgres_admin_url()


@contextlib.contextmanager
def temporary_database(admin_url: str, template: str | None = None) -> Iterator[str]:
    """A new PostgreSQL database (a copy of `template`, if named), dropped afterwards."""
    name = f"hallq_test_{uuid.uuid4().hex[:12]}"
    admin = create_engine(admin_url, isolation_level="AUTOCOMMIT")
    clause = f' TEMPLATE "{template}"' if template else ""
    with admin.connect() as connection:
        connection.execute(text(f'CREATE DATABASE "{name}"{clause}'))
    try:
        yield make_url(admin_url).set(database=name).render_as_string(hide_password=False)
    finally:
        with admin.connect() as connection:
            connection.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()


def _is_postgresql(request: pytest.FixtureRequest) -> bool:
    return request.config.getoption("--backend") == "postgresql"


@pytest.fixture
def sqlite_only(request: pytest.FixtureRequest) -> None:
    """For what exists on SQLite alone (a store file, its backup and restore): skipped on
    PostgreSQL, whose run covers the same rules through the server's own tools."""
    if _is_postgresql(request):
        pytest.skip("concerns SQLite store files only; the SQLite run covers it")


@pytest.fixture
def postgres_only(request: pytest.FixtureRequest) -> None:
    """For what exists on PostgreSQL alone (several PCs on one server): skipped on SQLite,
    whose store is one file on one PC; the PostgreSQL run covers it."""
    if not _is_postgresql(request):
        pytest.skip("concerns a PostgreSQL store shared by several PCs; run --backend postgresql")


def _load_demo(target: str) -> None:
    opened = open_store(target)
    with opened.write() as session:
        load_hall(session, demo_definition())
    opened.close()


@pytest.fixture
def fresh_postgres_url(postgres_server: str) -> Iterator[str]:
    """A new, empty PostgreSQL database, dropped after the test."""
    with temporary_database(postgres_server) as url:
        yield url


@pytest.fixture(scope="module")
def module_store_target(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[str]:
    """A new, empty store location that a whole test module shares (read-only tests)."""
    if _is_postgresql(request):
        with temporary_database(request.getfixturevalue("postgres_server")) as url:
            yield url
    else:
        yield str(tmp_path_factory.mktemp("module") / "hall.sqlite3")


@pytest.fixture
def empty_store_target(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """Where a new, empty store may be made: a SQLite path, or a new PostgreSQL database."""
    if _is_postgresql(request):
        return str(request.getfixturevalue("fresh_postgres_url"))
    return str(tmp_path / "empty.sqlite3")


@pytest.fixture(scope="session")
def demo_template(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[str]:
    """One migrated store holding the demo hall, made once and copied for each test
    (PostgreSQL: the template database's name)."""
    if _is_postgresql(request):
        with temporary_database(request.getfixturevalue("postgres_server")) as url:
            _load_demo(url)
            yield make_url(url).database or ""
    else:
        path = tmp_path_factory.mktemp("template") / "demo.sqlite3"
        _load_demo(str(path))
        yield str(path)


@pytest.fixture
def store_target(
    request: pytest.FixtureRequest, demo_template: str, tmp_path: Path
) -> Iterator[str]:
    """A new store holding the demo hall: a SQLite file, or a PostgreSQL database."""
    if _is_postgresql(request):
        server = request.getfixturevalue("postgres_server")
        with temporary_database(server, template=demo_template) as url:
            yield url
    else:
        path = tmp_path / "hall.sqlite3"
        shutil.copyfile(demo_template, path)
        yield str(path)


@pytest.fixture
def store(store_target: str) -> Iterator[Store]:
    """A fresh store at the current schema, holding the demo hall."""
    opened = open_store(store_target)
    yield opened
    opened.close()


@pytest.fixture
def clock() -> FixedClock:
    return FixedClock(dt.datetime.combine(DAY, dt.time(8, 30)))


@pytest.fixture
def hall(store: Store, clock: FixedClock) -> HallService:
    return HallService(store, "demo", clock)


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Tests that start real processes (a hall server, the programs) are in the full loop
    only: each costs seconds, and together they would take the everyday loop
    (`-m "not slow"`) far past its three minutes."""
    for item in items:
        in_integration = "tests/integration/" in str(item.path).replace(os.sep, "/")
        if in_integration or item.get_closest_marker("integration"):
            item.add_marker(pytest.mark.slow)
