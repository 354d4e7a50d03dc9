"""A list of customers' mobile numbers as a spreadsheet exports it (a campaign's targets, a
special list): CSV in UTF-8 with or without a byte-order mark, or in GBK (GB18030), read
whole or refused whole, each refused row named by its line, so no list is half imported.
"""

from __future__ import annotations

import csv
import io
import json
import re
from dataclasses import dataclass

from shared.errors import Rejected
from shared.rules.input_text import text_problem

MAX_LIST_BYTES = 16 * 1024 * 1024  # a 10 MB export of ~750 000 numbers fits
MOBILE = re.compile(r"1[3-9][0-9]{9}")
# Spaces and hyphens a person writes inside a number (138 0013 8000, 138-0013-8000).
_SEPARATORS = re.compile(r"[ \-]")
# A first row naming its columns rather than holding a number.
_HEADINGS = frozenset(("mobile", "phone", "number", "手机号", "手机号码", "号码", "电话", "手机"))
MAX_SEGMENT = 40
MAX_SCRIPT = 200
SHOWN_PROBLEMS = 5  # refused rows named in the one-line reason; all are in `problems`


@dataclass(frozen=True)
class ListRow:
    line: int
    phone: str
    segment: str = ""
    script: str = ""


@dataclass(frozen=True)
class RowProblem:
    """Why one row is refused: in English, and as a code with its values for a window to
    say in its own language (columns, not_mobile, repeats; others only in English)."""

    line: int
    said: str
    code: str = ""
    values: tuple[str, ...] = ()

    def __str__(self) -> str:
        return f"line {self.line}: {self.said}"


class ListRefused(Rejected):
    """A list with refused rows: every problem, by line, and a one-line reason naming the
    first few (with the code `list_refused`, the first few rows as JSON in `rows`)."""

    def __init__(self, name: str, refused: list[RowProblem]) -> None:
        shown = refused[:SHOWN_PROBLEMS]
        left = len(refused) - len(shown)
        more = f" (and {left} more)" if left else ""
        super().__init__(
            f"{name}: {len(refused)} rows refused, nothing imported: "
            + "; ".join(map(str, shown))
            + more,
            "list_refused",
            list=name,
            count=len(refused),
            rows=json.dumps([[row.line, row.code, *row.values, row.said] for row in shown]),
            more=left,
        )
        self.problems = [str(row) for row in refused]


def decode_list(content: bytes, name: str) -> str:
    """The file's text: UTF-8 (its BOM dropped) when it reads as such, else GBK's superset
    GB18030, as Chinese spreadsheets save it."""
    if len(content) > MAX_LIST_BYTES:
        raise Rejected(
            f"{name} is {len(content) / 2**20:.1f} MB; a list is at most "
            f"{MAX_LIST_BYTES // 2**20} MB: split it"
        )
    try:
        return content.decode("utf-8-sig")
    except UnicodeDecodeError:
        pass
    try:
        return content.decode("gb18030")
    except UnicodeDecodeError as error:
        line = content[: error.start].count(b"\n") + 1
        raise Rejected(f"{name}: line {line} is neither UTF-8 nor GBK text") from error


def mobile_number(text: str) -> str | None:
    """The mobile number `text` writes (spaces, hyphens and a +86 prefix allowed), or None."""
    number = _SEPARATORS.sub("", text.strip())
    if number.startswith("+86"):
        number = number[3:]
    elif len(number) == 13 and number.startswith("86"):
        number = number[2:]
    return number if MOBILE.fullmatch(number) else None


def read_number_list(content: bytes, name: str, *, columns: int) -> list[ListRow]:
    """The rows of a list of `columns` columns at most (1: the number; 3: the number, a
    segment and a script line), or ListRefused naming every bad row: a malformed number, a
    number twice, too many columns, text too long or not printable."""
    text = decode_list(content, name)
    rows: list[ListRow] = []
    problems: list[RowProblem] = []
    seen: dict[str, int] = {}
    reader = csv.reader(io.StringIO(text, newline=""))
    try:
        for cells in reader:
            line = reader.line_num
            cells = [cell.strip() for cell in cells]
            if not any(cells):
                continue
            if not rows and not problems and not seen and cells[0].lower() in _HEADINGS:
                continue
            phone, problem = _read_row(cells, columns, seen)
            if problem:
                problems.append(RowProblem(line, *problem))
                continue
            seen[phone] = line
            extra = [*cells[1:], "", ""]
            rows.append(ListRow(line, phone, extra[0], extra[1]))
    except csv.Error as error:
        problems.append(RowProblem(reader.line_num, str(error)))
    if problems:
        raise ListRefused(name, problems)
    if not rows:
        raise Rejected(f"{name} holds no mobile number")
    return rows


Problem = tuple[str, str, tuple[str, ...]]  # RowProblem's said, code and values


def _read_row(cells: list[str], columns: int, seen: dict[str, int]) -> tuple[str, Problem | None]:
    """The row's number, and why the row is refused (None: it is not)."""
    if len(cells) > columns:
        said = f"{len(cells)} columns; this list has at most {columns}"
        return "", (said, "columns", (str(len(cells)), str(columns)))
    for cell in cells:
        # Plain ASCII (every number) needs no closer look: the check is a list's hot path.
        if not (cell.isascii() and cell.isprintable()) and (problem := text_problem(cell)):
            return "", (f"the row {problem}", "", ())
    phone = mobile_number(cells[0])
    if phone is None:
        return "", (f"{cells[0][:20]!r} is not a mobile number", "not_mobile", (cells[0][:20],))
    if phone in seen:
        return phone, (f"{phone} repeats line {seen[phone]}", "repeats", (phone, str(seen[phone])))
    if len(cells) > 1 and len(cells[1]) > MAX_SEGMENT:
        return phone, (f"the segment is over {MAX_SEGMENT} characters", "", ())
    if len(cells) > 2 and len(cells[2]) > MAX_SCRIPT:
        return phone, (f"the script line is over {MAX_SCRIPT} characters", "", ())
    return phone, None
