"""The day and month reports: a PDF for the shift lead and the area manager (charts drawn by
reportlab, the clerk table, the performance sheet, the CJK font embedded) and a CSV of the
same figures for a spreadsheet."""

from __future__ import annotations

import csv
import datetime as dt
import io
import os
import re
import tempfile
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from reportlab.graphics.charts.barcharts import VerticalBarChart
from reportlab.graphics.charts.legends import Legend
from reportlab.graphics.charts.lineplots import LinePlot
from reportlab.graphics.shapes import Drawing, String
from reportlab.lib import colors
from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle
from sqlalchemy.orm import Session

from shared.archive.heads import PRINTED_DIGITS, ChainHeads, chain_heads
from shared.documents.campaign_text import CASE_HEADERS, FEEDBACK_HEADERS, case_rows, feedback_rows
from shared.documents.fonts import pdf_font
from shared.documents.report_text import (
    CLERK_HEADERS,
    clerk_row,
    level_text,
    seconds_text,
)
from shared.documents.score_text import PART_WORDS, points_text, sheet_rows, source_line
from shared.errors import Rejected
from shared.figures.campaigns import campaign_feedback
from shared.figures.cases import case_figures
from shared.figures.clerks import ClerkFigures, clerk_figures, hall_day_summary
from shared.figures.day_series import HANDLE_BAND_LABELS, DaySeries, day_series, handle_time_bands
from shared.figures.performance import PARTS, Score, day_sheet, month_days, month_sheet
from shared.figures.score_sheet import SHEET_PARTS, SheetRow, full_month_sheet
from shared.figures.shown import score_points
from shared.rules.input_text import check_day
from shared.store.database import Store
from shared.store.lookup import find_hall
from shared.store.models import Hall

MONTH = re.compile(r"\d{4}-(0[1-9]|1[0-2])")

SERIES_COLOURS = (
    colors.HexColor("#1f6fb2"),
    colors.HexColor("#e08a1e"),
    colors.HexColor("#3a9a5b"),
    colors.HexColor("#c0392b"),
    colors.HexColor("#7d5ba6"),
)
SCORE_HEADERS = [
    "营业员 Clerk", "天数 Days", "办结 Handled", "营销 Sales", "业务量 Volume",
    "满意度 Satisfaction", "服务质量 Quality", "得分 Score",
]  # fmt: skip
SUMMARY_HEADERS = [
    "日期 Day", "取号 Issued", "办结 Finished", "过号 No-show", "平均等候 Mean wait",
    "最长等候 Max wait", "服务水平 Service level", "应急变化 Alert changes",
]  # fmt: skip


# Each figure of the summary said once where it is shown (docs/rules.md, Other day figures).
SUMMARY_NOTE = (
    "服务水平：在队列目标等候时间内被叫号的比例；等候时间为分:秒；应急变化：客流应急级别的变化次数。"
    " Service level: the share of calls within the queue's target wait; waits are m:ss;"
    " alert changes: how often the crowding level (应急) changed."
)

_SHEET_NOTE = (
    "得分只含可计量部分（营销、业务量、满意度、服务质量），团队协作与学习不在其内；权重为营业厅设置。"
    " The score holds the measurable parts only (sales, volume, satisfaction, service "
    "quality); teamwork and learning are not included. The weights are hall settings."
)


@dataclass(frozen=True)
class ReportFiles:
    pdf: Path
    csv: Path


def _styles() -> dict[str, ParagraphStyle]:
    font = pdf_font()
    return {
        "title": ParagraphStyle("title", fontName=font, fontSize=16, leading=21, spaceAfter=4),
        "heading": ParagraphStyle(
            "heading", fontName=font, fontSize=11.5, leading=15, spaceBefore=8, spaceAfter=4
        ),
        "body": ParagraphStyle("body", fontName=font, fontSize=9, leading=12),
    }


def _table(headers: Sequence[str], rows: Sequence[Sequence[object]]) -> Table:
    cells = [list(headers)] + [["-" if v is None else str(v) for v in row] for row in rows]
    table = Table(cells, repeatRows=1, hAlign="LEFT")
    table.setStyle(
        TableStyle(
            [
                ("FONTNAME", (0, 0), (-1, -1), pdf_font()),
                ("FONTSIZE", (0, 0), (-1, -1), 7.5),
                ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#dfe8f1")),
                ("GRID", (0, 0), (-1, -1), 0.3, colors.HexColor("#9aa9b8")),
                ("ALIGN", (1, 1), (-1, -1), "RIGHT"),
                ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
            ]
        )
    )
    return table


def _titled(title: str, width: float, height: float) -> Drawing:
    drawing = Drawing(width, height)
    drawing.add(String(0, height - 12, title, fontName=pdf_font(), fontSize=10))
    return drawing


def _legend(drawing: Drawing, names: Sequence[str]) -> None:
    """One row of swatches under the chart's title, right of its middle."""
    legend = Legend()
    legend.x, legend.y = drawing.width * 0.45, drawing.height - 4
    legend.deltax = 80
    legend.fontName, legend.fontSize = pdf_font(), 8
    legend.alignment = "right"
    legend.columnMaximum = 1
    legend.colorNamePairs = list(zip(SERIES_COLOURS, names, strict=False))
    drawing.add(legend)


def _bar_chart(
    title: str,
    categories: Sequence[str],
    series: Sequence[Sequence[int]],
    names: Sequence[str],
    width: float = 250 * mm,
) -> Drawing:
    """Bars of one or more series over categories, with a legend naming the series."""
    drawing = _titled(title, width, 62 * mm)
    chart = VerticalBarChart()
    chart.x, chart.y, chart.width, chart.height = 30, 24, width - 40, 62 * mm - 60
    chart.data = [list(values) for values in series]
    if not any(chart.data):  # a day or month without events: an empty chart, not a crash
        chart.data = [[0]]
    chart.categoryAxis.categoryNames = list(categories) or [""]
    chart.categoryAxis.labels.fontName = pdf_font()
    chart.categoryAxis.labels.fontSize = 6.5
    chart.categoryAxis.labels.angle = 45 if len(categories) > 14 else 0
    chart.categoryAxis.labels.boxAnchor = "ne" if len(categories) > 14 else "n"
    chart.valueAxis.valueMin = 0
    chart.valueAxis.labels.fontSize = 7
    for index in range(len(chart.data)):
        chart.bars[index].fillColor = SERIES_COLOURS[index % len(SERIES_COLOURS)]
        chart.bars[index].strokeColor = None
    drawing.add(chart)
    _legend(drawing, names)
    return drawing


def _waiting_chart(series: DaySeries, width: float = 250 * mm) -> Drawing:
    """Waiting customers over the day as a step line, hours on the x axis."""
    drawing = _titled("等候人数 Customers waiting", width, 55 * mm)
    if not series.waiting:
        return drawing
    points: list[tuple[float, float]] = []
    previous = 0
    for at, count in series.waiting:
        hour = at.hour + at.minute / 60 + at.second / 3600
        points += [(hour, previous), (hour, count)]
        previous = count
    plot = LinePlot()
    plot.x, plot.y, plot.width, plot.height = 30, 18, width - 40, 55 * mm - 45
    plot.data = [points]
    plot.lines[0].strokeColor = SERIES_COLOURS[0]
    plot.lines[0].strokeWidth = 1.2
    plot.xValueAxis.valueMin = int(points[0][0])
    plot.xValueAxis.valueMax = int(points[-1][0]) + 1
    plot.xValueAxis.valueStep = 1
    plot.xValueAxis.labelTextFormat = "%d:00"
    plot.xValueAxis.labels.fontSize = 7
    plot.yValueAxis.valueMin = 0
    plot.yValueAxis.labels.fontSize = 7
    drawing.add(plot)
    return drawing


def _score_rows(sheet: Sequence[Score]) -> list[list[object]]:
    return [
        [
            f"{s.clerk} {s.name}",
            s.days,
            s.handled,
            level_text(s.sales),
            level_text(s.volume),
            level_text(s.satisfaction),
            level_text(s.quality),
            f"{score_points(s.points)} / {s.out_of:g}",
        ]
        for s in sheet
    ]


def _sheet_part(
    title: str, sheet: Sequence[Score], styles: dict[str, ParagraphStyle]
) -> list[object]:
    """The performance sheet with its heading and the note on what it leaves out."""
    return [
        Paragraph(title, styles["heading"]),
        _table(SCORE_HEADERS, _score_rows(sheet)),
        Paragraph(_SHEET_NOTE, styles["body"]),
    ]


def _whole_sheet_part(
    title: str, sheet: Sequence[SheetRow], styles: dict[str, ParagraphStyle]
) -> list[object]:
    """The month's whole sheet (100 points), ranked, and each clerk's sources."""
    if not sheet:
        return [
            Paragraph(title, styles["heading"]),
            Paragraph("本月无考核数据 No clerk served or was scored this month.", styles["body"]),
        ]
    headers = [
        "名次\nRank",
        "营业员\nClerk",
        *(PART_WORDS[part].replace(" ", "\n") for part in SHEET_PARTS),
        "团队\nTeam",
        "个人\nPersonal",
        "总分\nTotal",
    ]
    weights = [points_text(part.weight) for part in sheet[0].parts]
    out_of = [
        "",
        "满分 Out of",
        *weights,
        *(points_text(v) for v in _team_personal(sheet[0])),
        points_text(sheet[0].out_of),
    ]
    return [
        Paragraph(title, styles["heading"]),
        _table(headers, [out_of, *sheet_rows(sheet)]),
        Paragraph(
            "来源 Sources: measured = 系统计量; entered by = 值班长录入 (神秘顾客、团队协作、"
            "学习成长). 同分同名次，下一名次顺延 Equal points share a rank; the next rank skips.",
            styles["body"],
        ),
        *(Paragraph(source_line(row), styles["body"]) for row in sheet),
    ]


def _team_personal(row: SheetRow) -> tuple[float, float]:
    team = sum(part.weight for part in row.parts if part.name == "teamwork")
    return team, row.out_of - team


def _campaign_part(
    session: Session,
    hall: Hall,
    since: dt.date,
    until: dt.date,
    styles: dict[str, ParagraphStyle],
) -> list[object]:
    """The feedback of the campaigns running in the span (over each one's own days), and
    the complaint and call-back figures of the span's tickets."""
    feedback = campaign_feedback(session, hall, running=(since, until))
    cases = case_figures(session, hall, since, until)
    part: list[object] = []
    if feedback:
        part += [
            Paragraph("活动执行反馈 Campaign feedback", styles["heading"]),
            _table(FEEDBACK_HEADERS, feedback_rows(feedback)),
        ]
    if cases[0].cases:
        part += [
            Paragraph("投诉与回访 Complaints and call-backs", styles["heading"]),
            _table(CASE_HEADERS, case_rows(cases)),
        ]
    return part


def _summary_row(day: object, summary: dict[str, object]) -> list[object]:
    return [
        day,
        summary["issued"],
        summary["finished"],
        summary["no_shows"],
        seconds_text(summary["mean_wait_s"]),  # type: ignore[arg-type]
        seconds_text(summary["max_wait_s"]),  # type: ignore[arg-type]
        level_text(summary["service_level"]),  # type: ignore[arg-type]
        summary["alert_changes"],
    ]


def heads_line(heads: ChainHeads) -> str:
    """The chains' heads as printed: a paper report kept outside the store then pins them."""
    return (
        f"链头 Chain heads: 服务单 service forms #{heads.form_sequence} "
        f"{heads.form_hash[:PRINTED_DIGITS]}, 审计日志 audit log #{heads.audit_sequence} "
        f"{heads.audit_hash[:PRINTED_DIGITS]}"
    )


def _heading(hall: Hall, what: str) -> str:
    return f"{hall.name} {hall.name_en} — {what}"


def _build_pdf(path: Path, story: list[object]) -> None:
    pdf = io.BytesIO()
    document = SimpleDocTemplate(
        pdf,
        pagesize=landscape(A4),
        leftMargin=14 * mm,
        rightMargin=14 * mm,
        topMargin=12 * mm,
        bottomMargin=12 * mm,
        title=path.stem,
    )
    document.build(story)
    _write_file(path, pdf.getvalue())


def _write_csv(path: Path, headers: Sequence[str], rows: Sequence[Sequence[object]]) -> None:
    text = io.StringIO(newline="")
    writer = csv.writer(text)
    writer.writerow(headers)
    writer.writerows(["" if value is None else value for value in row] for row in rows)
    # utf-8-sig: a spreadsheet opened by double-click then reads the Chinese correctly.
    _write_file(path, text.getvalue().encode("utf-8-sig"))


def check_folder(folder: Path) -> None:
    """A report goes into a folder of ordinary files: not a file, a device or the kernel's
    /proc and /sys (memory in /dev/shm is a folder like any other)."""
    place = folder.resolve()
    kernel = str(place).startswith(("/proc/", "/sys/", "/dev/")) or str(place) in ("/proc", "/sys")
    if kernel and not str(place).startswith("/dev/shm"):
        raise Rejected(f"{folder} is not a folder for reports")
    if place.exists() and not place.is_dir():
        raise Rejected(f"{folder} is not a folder")
    try:
        place.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise Rejected(f"cannot make the folder {folder}: {error.strerror}") from None


def _write_file(path: Path, data: bytes) -> None:
    """Write a report whole under its name: through a new file renamed over the name, so a
    symbolic link or another file planted there is never written through."""
    if path.is_symlink() or (path.exists() and not path.is_file()):
        raise Rejected(f"{path} is a link or not an ordinary file; not overwritten")
    try:
        descriptor, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.")
        try:
            with os.fdopen(descriptor, "wb") as file:
                file.write(data)
                file.flush()
                os.fsync(file.fileno())
            os.replace(temporary, path)
        except BaseException:
            Path(temporary).unlink(missing_ok=True)
            raise
    except OSError as error:
        raise Rejected(f"cannot write {path}: {error.strerror}") from None


def _figures_csv_rows(
    figures: Sequence[ClerkFigures], sheet: Sequence[Score]
) -> tuple[list[str], list[list[object]]]:
    points = {score.clerk: round(score.points, 2) for score in sheet}
    headers = [*ClerkFigures.__dataclass_fields__, "score_points"]
    rows = [[*map(csv_cell, f.as_json().values()), points.get(f.clerk)] for f in figures]
    return headers, rows


def csv_cell(value: object) -> object:
    """A figure as one spreadsheet cell: counts by reason as "long_wait 2; attitude 1"."""
    if isinstance(value, dict):
        return "; ".join(f"{key} {count}" for key, count in value.items())
    return value


def write_day_report(session: Session, hall: Hall, day: dt.date, folder: Path) -> ReportFiles:
    """`hallq-day-D.pdf` and `.csv` in `folder`."""
    check_day("the day", day)
    check_folder(folder)
    styles = _styles()
    figures = clerk_figures(session, hall, day)
    sheet = day_sheet(session, hall, day)
    series = day_series(session, hall, day)
    summary = hall_day_summary(session, hall, day)
    clerks = sorted(series.handle_times)
    story: list[object] = [
        Paragraph(_heading(hall, f"营业日报 Day report {day.isoformat()}"), styles["title"]),
        _table(SUMMARY_HEADERS, [_summary_row(day.isoformat(), summary)]),
        Paragraph(SUMMARY_NOTE, styles["body"]),
        Spacer(1, 4 * mm),
        _bar_chart(
            "到达与办结（每半小时） Arrivals and finishes per half hour",
            [slot.strftime("%H:%M") for slot in series.slots],
            [series.arrivals, series.finishes],
            ["到达 Arrivals", "办结 Finished"],
        ),
        _waiting_chart(series),
        _bar_chart(
            "办理时长分布（分钟） Handling time per clerk (minutes)",
            clerks,
            list(zip(*(handle_time_bands(series.handle_times[c]) for c in clerks), strict=True))
            if clerks
            else [],
            [f"{label} min" for label in HANDLE_BAND_LABELS],
        ),
        Paragraph("营业员业绩 Clerk figures", styles["heading"]),
        _table(CLERK_HEADERS, [clerk_row(f) for f in figures])
        if figures
        else Paragraph("无营业员数据 No clerk served that day.", styles["body"]),
        *_sheet_part("绩效表 Performance sheet", sheet, styles),
        *_campaign_part(session, hall, day, day, styles),
        Spacer(1, 3 * mm),
        Paragraph(heads_line(chain_heads(session, hall)), styles["body"]),
    ]
    files = ReportFiles(folder / f"hallq-day-{day}.pdf", folder / f"hallq-day-{day}.csv")
    _build_pdf(files.pdf, story)
    _write_csv(files.csv, *_figures_csv_rows(figures, sheet))
    return files


def write_month_report(session: Session, hall: Hall, month: str, folder: Path) -> ReportFiles:
    """`hallq-month-YYYY-MM.pdf` and `.csv`: each day's totals and the month's sheet."""
    check_month(month)
    check_folder(folder)
    styles = _styles()
    days = [
        (day, summary)
        for day in month_days(month)
        if (summary := hall_day_summary(session, hall, day))["issued"]
    ]
    sheet = month_sheet(session, hall, month)
    whole = full_month_sheet(session, hall, month)
    story: list[object] = [
        Paragraph(_heading(hall, f"营业月报 Month report {month}"), styles["title"]),
        _bar_chart(
            "每日取号与办结 Tickets issued and finished per day",
            [day.strftime("%d") for day, _ in days],
            [[int(s["issued"]) for _, s in days], [int(s["finished"]) for _, s in days]],
            ["取号 Issued", "办结 Finished"],
        ),
        Paragraph("每日汇总 Days", styles["heading"]),
        _table(SUMMARY_HEADERS, [_summary_row(day.isoformat(), s) for day, s in days])
        if days
        else Paragraph("本月无营业数据 No business this month.", styles["body"]),
        Paragraph(SUMMARY_NOTE, styles["body"]),
        *_whole_sheet_part("月度绩效表 Performance sheet of the month (100)", whole, styles),
        *_campaign_part(session, hall, month_days(month)[0], month_days(month)[-1], styles),
    ]
    files = ReportFiles(folder / f"hallq-month-{month}.pdf", folder / f"hallq-month-{month}.csv")
    _build_pdf(files.pdf, story)
    measured = {s.clerk: s for s in sheet}
    _write_csv(
        files.csv,
        ["clerk", "name", "days", "handled", *PARTS, "points", "rank",
         *(f"{p}_points" for p in SHEET_PARTS), *(f"{p}_source" for p in SHEET_PARTS),
         "team_points", "personal_points", "total_points", "out_of"],
        [
            [w.clerk, w.name, w.days, w.handled,
             *((getattr(s, p) for p in PARTS) if (s := measured.get(w.clerk)) else
               (None for _ in PARTS)),
             round(s.points, 2) if s else None, w.rank,
             *(round(w.part(p).points, 2) for p in SHEET_PARTS),
             *(w.part(p).source for p in SHEET_PARTS),
             round(w.team_points, 2), round(w.personal_points, 2), round(w.points, 2), w.out_of]
            for w in whole
        ],
    )  # fmt: skip
    return files


def check_month(month: str) -> None:
    """A month written YYYY-MM whose days the hall may keep."""
    if not MONTH.fullmatch(month):
        raise Rejected(f"a month is written YYYY-MM, not {month!r}")
    try:
        first = dt.date.fromisoformat(f"{month}-01")
    except ValueError:
        raise Rejected(f"there is no month {month}") from None
    check_day("the month", first)


def write_reports(
    store: Store,
    hall_code: str | None,
    folder: Path,
    *,
    day: dt.date | None = None,
    month: str | None = None,
) -> list[ReportFiles]:
    """The day report, the month report, or both, from one read snapshot."""
    if day is None and month is None:
        raise Rejected("name a day (--date YYYY-MM-DD) or a month (--month YYYY-MM)")
    if month is not None:
        check_month(month)
    if day is not None:
        check_day("the day", day)
    check_folder(folder)
    written = []
    with store.read() as session:
        hall = find_hall(session, hall_code)
        if day is not None:
            written.append(write_day_report(session, hall, day, folder))
        if month is not None:
            written.append(write_month_report(session, hall, month, folder))
    return written
