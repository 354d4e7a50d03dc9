"""Campaign feedback and complaint figures as the command line prints them."""

from __future__ import annotations

from collections.abc import Sequence

from shared.documents.report_text import share_text
from shared.documents.text_tables import render_table
from shared.figures.campaigns import CampaignFeedback
from shared.figures.cases import CaseFigures

HALL = "全厅 hall"
FEEDBACK_HEADERS = [
    "活动 Campaign", "营业员 Clerk", "目标 Targets", "到厅 Seen", "已推荐 Offered",
    "接受 Accepted", "拒绝 Declined", "未推荐 Not offered", "成功率 Rate",
    "收入(元) Revenue (yuan)",
]  # fmt: skip
CASE_HEADERS = [
    "营业员 Clerk", "办结 Handled", "投诉 Cases", "投诉率 Rate", "按时办结 In time",
    "处理率 Share", "回访 Called back", "回访率 Share",
]  # fmt: skip


def feedback_rows(rows: Sequence[CampaignFeedback]) -> list[list[object]]:
    """Campaign feedback as the command line and the reports print it."""
    return [
        [
            row.campaign if row.clerk is None else "",
            row.clerk or HALL,
            row.targets if row.clerk is None else None,
            row.seen,
            row.offered,
            row.accepted,
            row.declined,
            row.not_offered,
            share_text(row.acceptance_rate),
            row.revenue,
        ]
        for row in rows
    ]


def case_rows(rows: Sequence[CaseFigures]) -> list[list[object]]:
    """Complaint and call-back figures as the command line and the reports print them."""
    return [
        [
            row.clerk or HALL,
            row.handled,
            row.cases,
            share_text(row.complaint_rate),
            row.closed_in_time,
            share_text(row.closed_in_time_rate),
            row.called_back,
            share_text(row.callback_rate),
        ]
        for row in rows
    ]


def feedback_text(rows: Sequence[CampaignFeedback]) -> str:
    if not rows:
        return "无营销活动 no campaign"
    return "活动执行反馈 Campaign feedback\n\n" + render_table(
        FEEDBACK_HEADERS, feedback_rows(rows)
    )


def cases_text(since: object, until: object, rows: Sequence[CaseFigures]) -> str:
    title = f"投诉与回访 Complaints and call-backs  {since} – {until}"
    return f"{title}\n\n" + render_table(CASE_HEADERS, case_rows(rows))
