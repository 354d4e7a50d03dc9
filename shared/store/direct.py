"""Run an action's hot statements on its transaction's own driver connection.

Every action runs a dozen statements built once (module constants with bound parameters).
Through SQLAlchemy's `Connection.execute` each one pays for a cache key, an execution
context and a result object, some ten times what the driver spends running it. Here a
statement is compiled once per dialect and set of parameter names, exactly as SQLAlchemy
would compile it, with which of the caller's values or the statement's own feeds each of
the driver's parameters worked out then (a constant IN list expanded then too), and then
each run only converts the parameters with SQLAlchemy's own bind processors (dates,
fixed words, JSON), hands the SQL to the driver's cursor of the
session's connection (so it runs inside the action's transaction, after its BEGIN
IMMEDIATE or the hall's row lock), and converts the rows with SQLAlchemy's own result
processors. A driver error is raised as SQLAlchemy raises it (`sqlalchemy.exc`), and a
lost connection is invalidated as SQLAlchemy would. SQLite's BEGIN runs the same way
(`begin`), and rows read as objects (`instances`) skip the model's constructor.

A statement whose compilation asks for more than that (values computed in Python for
columns left out of an insert, a schema translation) runs through SQLAlchemy instead.
"""

from __future__ import annotations

from collections import namedtuple
from collections.abc import Callable, Mapping, Sequence
from typing import Any, TypeVar

from sqlalchemy import Connection, Executable, Integer, bindparam, inspect, select
from sqlalchemy.engine import Dialect
from sqlalchemy.orm import Session, make_transient_to_detached
from sqlalchemy.orm.attributes import instance_state, manager_of_class
from sqlalchemy.orm.util import identity_key
from sqlalchemy.sql.compiler import SQLCompiler

_Processor = Callable[[Any], Any]
# A statement's SQL, whether its driver takes a list, and per parameter: its name, the
# caller's key it comes from, else the statement's bind parameter, else a constant, and
# the bind processor converting it.
_Plan = tuple[str, bool, list[tuple[str, str | None, Any, Any, _Processor | None]]]


class _Prepared:
    """One statement compiled for one dialect and one set of parameter names."""

    __slots__ = (
        "compiled",
        "expanding",
        "plan",
        "positions",
        "processors",
        "results",
        "returns_rows",
        "row",
        "sql",
        "statement",
    )

    def __init__(self, statement: Executable, dialect: Dialect, keys: tuple[str, ...]) -> None:
        compiled = statement.compile(dialect=dialect, column_keys=list(keys))  # type: ignore[attr-defined]
        assert isinstance(compiled, SQLCompiler)
        self.statement = statement  # kept, so its id is never reused while cached
        self.compiled = compiled
        self.sql = compiled.string
        self.positions = compiled.positiontup if compiled.positional else None
        self.processors: Mapping[str, _Processor] = compiled._bind_processors  # type: ignore[assignment]
        self.expanding = bool(compiled.post_compile_params or compiled.literal_execute_params)
        self.plan = self._plan(keys)
        columns = compiled._result_columns
        self.returns_rows = bool(columns)
        self.row = (
            namedtuple("Row", [column.keyname for column in columns], rename=True)
            if columns
            else None
        )
        self.results: list[_Processor | None] | None = None  # set at the first run

    @staticmethod
    def fits(compiled: SQLCompiler) -> bool:
        """Whether running the SQL with converted parameters is all SQLAlchemy would do."""
        return not (
            compiled.insert_prefetch
            or compiled.update_prefetch
            or compiled.escaped_bind_names
            or compiled.schema_translate_map
            or compiled.for_executemany
        )

    def _plan(self, keys: tuple[str, ...]) -> _Plan | None:
        """Where each of the driver's parameters comes from, worked out once for this set of
        parameter names as `construct_params` works it out on every run: the caller's value
        (by the parameter's key, else by its compiled name), else the statement's own value
        (a callable's, `BindParameter.effective_value`, is taken at each run). A statement
        whose expanding parameters (`IN` lists) are all its own constants is expanded once,
        as `construct_expanded_state` would expand it on every run; one expanding a caller's
        values has no plan. The SQL, whether the driver takes a list, and the entries in the
        driver's order, each with the bind processor that converts it."""
        compiled = self.compiled
        if compiled._collected_params:
            return None
        late = compiled.post_compile_params | compiled.literal_execute_params
        sources: dict[str, tuple[str | None, Any]] = {}
        for bind, name in compiled.bind_names.items():
            if bind in late:
                if bind.key in keys or name in keys or bind.callable:
                    return None
            elif bind.key in keys:
                sources[name] = (bind.key, None)
            elif name in keys:
                sources[name] = (name, None)
            else:
                sources[name] = (None, bind)
        positions: Sequence[str] | None = self.positions
        sql, processors = self.sql, self.processors
        constants: Mapping[str, Any] = {}
        if late:
            state = compiled.construct_expanded_state({key: None for key in keys})
            sql, positions = state.statement, state.positiontup
            processors = {**processors, **state.processors}
            constants = state.parameters
        order = positions if positions is not None else list(constants or sources)
        entries = [
            (name, *sources.get(name, (None, None)), constants.get(name), processors.get(name))
            for name in order
        ]
        return sql, positions is not None, entries

    def parameters(self, params: Mapping[str, Any]) -> tuple[str, Sequence[Any] | dict[str, Any]]:
        plan = self.plan
        if plan is not None:
            sql, positional, entries = plan
            converted = []
            for _name, key, bind, constant, process in entries:
                if key is not None:
                    value = params[key]
                elif bind is None:
                    value = constant
                elif bind.callable:
                    value = bind.effective_value
                else:
                    value = bind.value
                converted.append(value if process is None else process(value))
            if positional:
                return sql, converted
            return sql, {entry[0]: value for entry, value in zip(entries, converted, strict=True)}
        compiled = self.compiled
        if self.expanding:
            state = compiled.construct_expanded_state(params)
            values = state.parameters
            processors: Mapping[str, _Processor] = {**self.processors, **state.processors}
            sql, positions = state.statement, state.positiontup
        else:
            values = compiled.construct_params(params, _check=False)
            processors, sql, positions = self.processors, self.sql, self.positions
        if positions is not None:
            return sql, [
                processors[name](values[name]) if name in processors else values[name]
                for name in positions
            ]
        return sql, {
            name: processors[name](value) if name in processors else value
            for name, value in values.items()
        }

    def result_processors(self, dialect: Dialect, description: Any) -> list[_Processor | None]:
        processors: list[_Processor | None] = [
            column.type._cached_result_processor(dialect, described[1])
            for column, described in zip(self.compiled._result_columns, description, strict=True)
        ]
        self.results = processors
        return processors


_PREPARED: dict[tuple[int, str, tuple[str, ...]], _Prepared | None] = {}


def _prepared(statement: Executable, dialect: Dialect, keys: tuple[str, ...]) -> _Prepared | None:
    key = (id(statement), dialect.name, keys)
    try:
        return _PREPARED[key]
    except KeyError:
        pass
    prepared: _Prepared | None = _Prepared(statement, dialect, keys)
    assert prepared is not None
    if not _Prepared.fits(prepared.compiled):
        prepared = None
        _PREPARED[key] = None
        # Keep the statement alive so its id stays its own while the entry exists.
        _KEPT.append(statement)
    else:
        _PREPARED[key] = prepared
    return prepared


_KEPT: list[Executable] = []


_HELD = "hallq_direct_connection"  # session.info: (its transaction, that one's connection)


def _connection(session: Session) -> Connection:
    """The connection of the session's transaction (begun here when it has not been): asked
    of the session once per transaction, as asking costs more than a statement."""
    transaction = session._transaction
    held = session.info.get(_HELD)
    if held is not None and held[0] is transaction is not None and transaction.is_active:
        return held[1]
    connection = session.connection()
    session.info[_HELD] = (session._transaction, connection)
    return connection


def run(
    session: Session | Connection, statement: Executable, params: Mapping[str, Any] | None = None
) -> list[Any]:
    """Run `statement` (a module constant: it is compiled once) in the session's
    transaction; its rows as named tuples (empty for a statement returning none)."""
    connection = _connection(session) if isinstance(session, Session) else session
    params = params or {}
    dialect = connection.dialect
    prepared = _prepared(statement, dialect, tuple(sorted(params)))
    if prepared is None:
        result = connection.execute(statement, params)
        return list(result.all()) if result.returns_rows else []
    sql, values = prepared.parameters(params)
    driver = connection.connection.dbapi_connection
    assert driver is not None
    cursor = driver.cursor()
    try:
        cursor.execute(sql, values)
        rows = cursor.fetchall() if prepared.returns_rows else []
        if not rows:
            return []
        processors = prepared.results
        if processors is None:
            processors = prepared.result_processors(dialect, cursor.description)
    except dialect.loaded_dbapi.Error as error:
        connection._handle_dbapi_exception(error, sql, values, cursor, None)
    finally:
        cursor.close()
    make = prepared.row._make  # type: ignore[union-attr]
    if not any(processors):
        return [make(row) for row in rows]
    return [
        make(
            [
                process(value) if process is not None and value is not None else value
                for process, value in zip(processors, row, strict=True)
            ]
        )
        for row in rows
    ]


def begin(connection: Connection, sql: str) -> None:
    """Run a transaction's opening statement (no parameters, no rows) on the connection's
    driver cursor, as `Connection.exec_driver_sql` would run it: in the begin event, where
    SQLAlchemy's execution machinery would cost more than the statement."""
    driver = connection.connection.dbapi_connection
    assert driver is not None
    cursor = driver.cursor()
    try:
        cursor.execute(sql)
    except connection.dialect.loaded_dbapi.Error as error:
        connection._handle_dbapi_exception(error, sql, (), cursor, None)
    finally:
        cursor.close()


def first(
    session: Session | Connection, statement: Executable, params: Mapping[str, Any] | None = None
) -> Any:
    """The first row, or None."""
    rows = run(session, statement, params)
    return rows[0] if rows else None


def scalar(
    session: Session | Connection, statement: Executable, params: Mapping[str, Any] | None = None
) -> Any:
    """The first column of the first row, or None."""
    rows = run(session, statement, params)
    return rows[0][0] if rows else None


_T = TypeVar("_T")
_ATTRIBUTES: dict[type[Any], dict[str, str]] = {}
_BY_ID: dict[type[Any], Executable] = {}


def _attributes(model: type[Any]) -> dict[str, str]:
    """A model's attribute name for each of its columns' names."""
    names = _ATTRIBUTES.get(model)
    if names is None:
        mapper = inspect(model)
        names = {column.key: prop.key for prop in mapper.column_attrs for column in prop.columns}
        _ATTRIBUTES[model] = names
    return names


def instances(
    session: Session, model: type[_T], statement: Executable, params: Mapping[str, Any]
) -> list[_T]:
    """The session's objects of `model` for the rows of `statement` (a `select(model)`
    built once), as `session.scalars(statement, params).all()` would give them: pending
    changes are flushed first, and an object the session already holds is handed back as
    it is. A row new to the session becomes a persistent object without the ORM's
    loading machinery."""
    session._autoflush()
    rows = run(session, statement, params)
    if not rows:
        return []
    names = _attributes(model)
    manager = manager_of_class(model)
    found: list[_T] = []
    for row in rows:
        values = {names[column]: value for column, value in zip(row._fields, row, strict=True)}
        held = session.identity_map.get(identity_key(model, values["id"]))
        if held is not None:  # the session's own, maybe changed or expired: the ORM's way
            return list(session.scalars(statement, params).all())
        # A bare object holding the row's values, as the ORM's loading makes one: no
        # constructor and no attribute events (each would be reset as history anyway).
        instance = manager.new_instance()
        state = instance_state(instance)
        state.dict.update(values)
        make_transient_to_detached(instance)
        # `session.add`, less its cascade: the object's relationships are all unloaded.
        session._save_or_update_impl(state)
        found.append(instance)
    return found


def get(session: Session, model: type[_T], row_id: int) -> _T | None:
    """`session.get(model, row_id)`: the session's own object, else the row read as one."""
    held = session.identity_map.get(identity_key(model, row_id))
    if held is not None:
        return session.get(model, row_id)
    statement = _BY_ID.get(model)
    if statement is None:
        statement = select(model).where(model.id == bindparam("id", type_=Integer()))  # type: ignore[attr-defined]
        _BY_ID[model] = statement
    found = instances(session, model, statement, {"id": row_id})
    return found[0] if found else None
