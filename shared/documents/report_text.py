"""Human-readable command-line output: tables with Chinese and English labels."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import fields
from typing import TYPE_CHECKING, Any

from shared.documents.text_tables import render_table
from shared.figures.shown import CLERK_FIGURE_TEXT, minutes_seconds, percent
from shared.rules.hall_settings import HallSettings
from shared.views.status import LEVEL_NAMES, HallNow
from shared.vocabulary import CounterState

if TYPE_CHECKING:  # `hallq status` prints its text without loading the store's layer
    from shared.services.alerts import AlertRecord
    from shared.store.backup import BackupReport

STATE_NAMES = {
    CounterState.OPEN: "开放 open",
    CounterState.PAUSED: "暂停 paused",
    CounterState.CLOSED: "关闭 closed",
}


def seconds_text(value: float | None) -> str | None:
    """A time as every screen shows it (minutes:seconds); None stays empty in a table."""
    return None if value is None else minutes_seconds(value)


def level_text(value: float | None) -> str | None:
    """A service level (or another clerk or hall share) as every screen shows it."""
    return None if value is None else percent(value)


def share_text(value: float | None) -> str | None:
    return None if value is None else f"{value * 100:.1f}%"


def _level(level: int) -> str:
    chinese, english = LEVEL_NAMES[level]
    return f"{level} {chinese} {english}"


def _clock(at: dt.datetime | None) -> str | None:
    return at.strftime("%H:%M:%S") if at else None


def status_text(now: HallNow) -> str:
    ratio = "-" if now.ratio is None else f"{now.ratio:.2f}"
    head = [
        f"{now.name}  {now.name_en}  ({now.hall})   营业日 business day {now.business_day or '-'}",
        f"应急级别 Alert level: {_level(now.level)}   "
        f"等候 waiting {now.waiting_total} ÷ 开放窗口 open {now.open_counters} = {ratio}   "
        f"(阈值 thresholds {now.thresholds[0]} / {now.thresholds[1]}, 回差 margin {now.margin})",
        "",
    ]
    queues = render_table(
        ["队列 Queue", "名称 Name", "等候 Waiting", "最早取号 Oldest"],
        [[q.queue, f"{q.name} {q.name_en}", q.waiting, _clock(q.oldest_since)] for q in now.queues],
    )
    counters = render_table(
        [
            "窗口 Counter",
            "状态 State",
            "营业员 Clerk",
            "队列 Queues",
            "当前 Serving",
            "叫号 Called",
        ],
        [
            [
                c.counter,
                STATE_NAMES[c.state],
                f"{c.clerk} {c.clerk_name}" if c.clerk else None,
                "".join(c.queues),
                c.ticket,
                _clock(c.called_at),
            ]
            for c in now.counters
        ],
    )
    return "\n".join(head) + queues + "\n\n" + counters


# The figures of `CLERK_FIGURE_TEXT` under their printed headings, in that order.
CLERK_HEADERS = [
    "营业员 Clerk", "叫号 Called", "办结 Handled", "过号 No-shows", "转移 Transfers",
    "平均等候 Mean wait", "平均办理 Mean handling", "办理时长P90 P90 handling",
    "三分钟达标 Within norm", "评价 Rated", "满意度 Satisfaction", "满意积分 Points",
    "推荐/成功 Recommended/accepted", "签单率 Signed", "利用率 Busy",
]  # fmt: skip


def clerk_row(f: Any) -> list[object]:
    """One clerk's figures as the command line and the day report print them: each as the
    screens show it (shared/figures/shown.py)."""
    return [f"{f.clerk} {f.name}", *(text(f) for text in CLERK_FIGURE_TEXT.values())]


def metrics_text(day: dt.date, figures: Sequence[Any]) -> str:
    if not figures:
        return f"{day}: 无营业员数据 no clerk served that day"
    rows = [clerk_row(f) for f in figures]
    return f"营业员业绩 Clerk figures  {day}\n\n" + render_table(CLERK_HEADERS, rows)


SERVICE_LEVEL_NOTE = (
    "服务水平 Service level = 在队列目标等候时间内被叫号的比例 "
    "the share of calls within the queue's target wait"
)


def queues_text(day: dt.date, summary: dict[str, Any], rows: Sequence[Any]) -> str:
    head = (
        f"全厅 Hall  {day}: 取号 issued {summary['issued']}, 叫号 called {summary['called']}, "
        f"办结 finished {summary['finished']}, 过号 no-shows {summary['no_shows']}, "
        f"平均等候 mean wait {seconds_text(summary['mean_wait_s']) or '-'}, "
        f"最长等候 max wait {seconds_text(summary['max_wait_s']) or '-'}, "
        f"服务水平 service level {level_text(summary['service_level']) or '-'}"
    )
    table = render_table(
        ["队列 Queue", "时段 Hour", "到达 Arrivals", "办结 Served", "过号 No-show",
         "平均等候 Mean wait", "最长等候 Max wait", "服务水平 Service level"],
        [
            [r.queue, f"{r.hour:02d}:00", r.arrivals, r.served, r.no_shows,
             seconds_text(r.mean_wait_s), seconds_text(r.max_wait_s), level_text(r.service_level)]
            for r in rows
        ],
    )  # fmt: skip
    return head + "\n\n" + table + "\n" + SERVICE_LEVEL_NOTE


def alerts_text(day: dt.date, changes: Sequence[AlertRecord]) -> str:
    if not changes:
        return f"{day}: 无应急变化 no change of alert level"
    return f"应急记录 Alert level changes  {day}\n\n" + render_table(
        [
            "时间 Time",
            "级别 Level",
            "之前 Before",
            "等候 Waiting",
            "开放窗口 Open",
            "确认 Acknowledged",
        ],
        [
            [
                _clock(c.at),
                _level(c.level),
                c.previous_level,
                c.waiting,
                c.open_counters,
                f"{c.acknowledged_by} {_clock(c.acknowledged_at)}" if c.acknowledged_by else None,
            ]
            for c in changes
        ],
    )


def backup_text(title: str, report: BackupReport) -> str:
    return (
        f"{title}: {report.path}\n"
        f"  {report.size_bytes} bytes, schema {report.schema_revision}, sha256 {report.sha256}\n"
        f"  取号 tickets {report.tickets}, 事件 events {report.events}, "
        f"业务 transactions {report.transactions}, 评价 ratings {report.ratings}, "
        f"{report.duration_s:.2f} s"
    )


def settings_text(settings: HallSettings) -> str:
    docs = {
        "alert_level1": "一级应急阈值", "alert_level2": "二级应急阈值", "alert_margin": "回差",
        "routine_norm_s": "三分钟受理(秒)", "ageing_cap": "超时优先",
        "green_ratio": "绿色通道连叫上限",
        "vip_queue": "绿色通道队列", "group_queue": "集团业务队列",
    }  # fmt: skip
    return render_table(
        ["设置 Setting", "说明 Meaning", "值 Value"],
        [[f.name, docs.get(f.name, ""), getattr(settings, f.name)] for f in fields(settings)],
    )
