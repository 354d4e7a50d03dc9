"""The whole performance sheet and the shift lead's score entries as the command line prints
them (`hallq performance`, `hallq scores`)."""

from __future__ import annotations

from collections.abc import Sequence

from shared.documents.text_tables import render_table
from shared.figures.score_sheet import SHEET_PARTS, TEAM_PARTS, SheetRow

# The parts' names, Chinese then English, in the sheet's order.
PART_WORDS = {
    "sales": "业务推荐 Sales",
    "volume": "业务量 Volume",
    "satisfaction": "满意度 Satisfaction",
    "quality": "服务质量 Quality",
    "teamwork": "团队协作 Teamwork",
    "learning": "学习成长 Learning",
}
SHEET_HEADERS = [
    "名次 Rank",
    "营业员 Clerk",
    *(PART_WORDS[part] for part in SHEET_PARTS),
    "团队 Team",
    "个人 Personal",
    "总分 Total",
]


def points_text(value: float) -> str:
    return f"{value:.2f}"


def sheet_rows(sheet: Sequence[SheetRow]) -> list[list[object]]:
    return [
        [
            row.rank,
            f"{row.clerk} {row.name}",
            *(points_text(row.part(part).points) for part in SHEET_PARTS),
            points_text(row.team_points),
            points_text(row.personal_points),
            points_text(row.points),
        ]
        for row in sheet
    ]


def source_line(row: SheetRow) -> str:
    """Where each part of a clerk's sheet came from, with the figures behind it."""
    rate = "-" if row.complaint_rate is None else f"{row.complaint_rate:.3f}"
    said = []
    for part in SHEET_PARTS:
        detail = ""
        if part == "sales":
            detail = f" ({row.campaign_accepted} campaign offers accepted)"
        elif part == "quality":
            detail = f" ({row.mystery_checks} mystery checks, complaint rate {rate})"
        said.append(f"{part} {row.part(part).source}{detail}")
    return f"{row.clerk}: " + "; ".join(said)


def sheet_text(month: str, sheet: Sequence[SheetRow]) -> str:
    if not sheet:
        return f"{month}: 无考核数据 no clerk served or was scored that month"
    out_of = sheet[0].out_of
    team = sum(part.weight for part in sheet[0].parts if part.name in TEAM_PARTS)
    head = (
        f"业绩考核 Performance sheet  {month}  "
        f"(满分 out of {out_of:g}: 团队 team {team:g}, 个人 personal {out_of - team:g})"
    )
    sources = "\n".join(source_line(row) for row in sheet)
    return f"{head}\n\n{render_table(SHEET_HEADERS, sheet_rows(sheet))}\n\n来源 Sources\n{sources}"
