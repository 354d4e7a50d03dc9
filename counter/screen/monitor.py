"""The shift lead's monitor: the crowding level with what to do about it, waiting per queue,
every counter's state, the day's alerts, incidents and early warnings, every clerk's
figures and performance sheet, and the day's charts. Opens only for a shift lead."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from PySide6.QtCore import (
    QObject,
    QRunnable,
    QSortFilterProxyModel,
    Qt,
    QThreadPool,
    QTimer,
    Signal,
)
from PySide6.QtWidgets import (
    QFileDialog,
    QFrame,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QStackedWidget,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from counter.screen import named
from counter.screen.cases_panel import ServicePanel
from counter.screen.charts import BarChart, StepChart
from counter.screen.floor_orders import OrdersPanel
from counter.screen.score_entry import ScoreSheetPanel
from counter.screen.service_sources import service_source_for
from counter.screen.sources import CounterOrder, Lead, ScreenSource
from counter.screen.tables import (
    SORT_ROLE,
    Column,
    RowsModel,
    figure_columns,
    seconds,
    wait_shade,
)
from counter.screen.warnings_panel import WarningsPanel
from counter.screen.words import (
    LEVEL_COLOURS,
    counter_state,
    lead_actions,
    level_text,
    level_title,
)
from counter.sign_in import SignInForm
from shared.client.http import ServerError
from shared.errors import Rejected
from shared.figures.day_series import HANDLE_BAND_LABELS, handle_time_bands
from shared.qt import codes
from shared.rules.floor_alerts import CounterSeen, FloorAlert, FloorAlertKind, floor_alerts
from shared.services.alerts import awaiting_acknowledgement, latest_rise
from shared.store.database import EVERYTHING
from shared.views.floor import Floor
from shared.vocabulary import CounterState

MONITOR_FOLLOWS = EVERYTHING - {"forms", "appointments"}  # what read_floor shows


def _clock_text(value: object) -> str:
    return value.strftime("%H:%M:%S") if isinstance(value, dt.datetime) else "-"


def _incident_text(incident: object) -> str:
    """What happened, in the monitor's language. The kiosk's own words (a printer driver's
    message, the page the customer was on) stay in the incident's record and the kiosk's
    log, for whoever mends it; the kiosk is the Where column."""
    return codes.name("incident_kind", getattr(incident, "kind", ""))


def _table(model: RowsModel, sortable: bool = False) -> QTableView:
    view = QTableView()
    if sortable:
        proxy = QSortFilterProxyModel(view)
        proxy.setSourceModel(model)
        proxy.setSortRole(SORT_ROLE)
        view.setModel(proxy)
        view.setSortingEnabled(True)
        view.sortByColumn(0, Qt.SortOrder.AscendingOrder)  # by staff id, as the report lists
    else:
        view.setModel(model)
    view.verticalHeader().hide()
    view.verticalHeader().setDefaultSectionSize(view.fontMetrics().height() + 8)
    view.setAlternatingRowColors(True)
    view.setSelectionMode(QTableView.SelectionMode.NoSelection)
    view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    view.horizontalHeader().setStretchLastSection(True)
    return view


def _boxed(title: str, widget: QWidget) -> QGroupBox:
    box = QGroupBox(title)
    QVBoxLayout(box).addWidget(widget)
    return box


class _ReportSignals(QObject):
    done = Signal(str)


class _ReportJob(QRunnable):
    """Writes the day's report off the GUI thread: a PDF with charts takes a moment."""

    def __init__(self, source: ScreenSource, lead: Lead, day: dt.date, folder: Path) -> None:
        super().__init__()
        self.signals = _ReportSignals()
        self._source, self._lead, self._day, self._folder = source, lead, day, folder

    def run(self) -> None:
        try:
            pdf = self._source.write_report(self._lead, self._day, self._folder)
            self.signals.done.emit(str(pdf))
        except (Rejected, ServerError, OSError) as error:
            self.signals.done.emit(f"! {error}")


class LeadMonitor(QWidget):
    """Re-reads the floor when the feed reports a change; the 'for how long' column ticks
    every second from the times already read."""

    def __init__(
        self,
        source: ScreenSource,
        language: str = "zh",
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("monitor")
        self.setWindowTitle(self.tr("Shift lead's monitor"))
        self.source, self._clock = source, source.clock
        self._chinese = language == "zh"
        self.lead: Lead | None = None
        self._report_job: _ReportJob | None = None
        self.floor: Floor | None = None
        self._reachable = True  # the hall server answers (always, on the store)
        self._level_shown: int | None = None
        self.sign_in_page = SignInForm(self.tr("Shift lead's monitor"), self.sign_in, width=420)
        self.pages = QStackedWidget()
        self.pages.addWidget(self.sign_in_page)
        self.pages.addWidget(self._build_floor_page())
        QVBoxLayout(self).addWidget(self.pages)
        self._tick = QTimer(self)
        self._tick.timeout.connect(self._tick_durations)
        self._tick.start(1000)

    def _tick_durations(self) -> None:
        self.clock_label.setText(self._clock.now().strftime("%H:%M:%S"))
        self.queues_model.refresh_column(4)
        self.counters_model.refresh_column(6)
        if self.floor is not None:
            self.floor_alerts_model.set_rows(self._floor_alerts(self.floor))

    # ----- sign-in -----

    def sign_in(self, staff_id: str, pin: str) -> None:
        """Open the monitor for a shift lead or administrator; anyone else, or a wrong PIN,
        reads why on the sign-in page."""
        self.source.sign_in(staff_id, pin, self._open_for, self.sign_in_page.refused)

    def _open_for(self, person: Lead) -> None:
        if not person.leads:
            self.source.sign_out(person)
            self.sign_in_page.refused(
                self.tr("Only a shift lead or an administrator opens the monitor.")
            )
            return
        self.sign_in_page.opened()
        self.lead = person
        self.lead_label.setText(f"{person.staff_id} {person.name}")
        self.pages.setCurrentIndex(1)
        self.refresh()
        self.score_sheet.open_for(person)

    def _session_ended(self, reason: str) -> None:
        """The server no longer knows the lead's session: back to the sign-in page."""
        self.lead = None
        self.score_sheet.open_for(None)
        self.pages.setCurrentIndex(0)
        self.sign_in_page.refused(reason)

    # ----- layout -----

    def _build_floor_page(self) -> QWidget:
        page = QWidget()
        layout = QVBoxLayout(page)
        self.service_panel = ServicePanel(service_source_for(self.source))
        layout.addWidget(self._build_banner())
        layout.addWidget(self.service_panel.flag_line)
        tabs = QTabWidget()
        tabs.addTab(self._build_floor_tab(), self.tr("Floor"))
        tabs.addTab(self._build_clerks_tab(), self.tr("Clerks"))
        tabs.addTab(self._build_charts_tab(), self.tr("Charts"))
        tabs.addTab(self.service_panel, self.service_panel.title())
        self.service_panel.attention.connect(
            lambda title: tabs.setTabText(tabs.indexOf(self.service_panel), title)
        )
        self.tabs = tabs
        layout.addWidget(tabs, 1)
        return page

    def _build_banner(self) -> QFrame:
        self.banner = named(QFrame(), "levelBanner")
        self.level_label = named(QLabel(), "levelTitle")
        self.actions_label = named(QLabel(), "levelActions")
        self.actions_label.setWordWrap(True)
        self.ack_label = named(QLabel(), "ackState")
        self.ack_button = named(QPushButton(self.tr("Acknowledge")), "ackButton")
        self.ack_button.clicked.connect(self.acknowledge)
        self.ack_button.setEnabled(False)  # until a floor read says what awaits acknowledging
        self.lead_label = named(QLabel(), "leadName")
        self.clock_label = named(QLabel(self._clock.now().strftime("%H:%M:%S")), "monitorClock")
        self.report_button = QPushButton(self.tr("Day report…"))
        self.report_button.clicked.connect(self._choose_report_folder)
        self.report_button.setVisible(self.source.writes_reports)
        self.report_label = named(QLabel(), "reportState")
        words = QVBoxLayout()
        for label in (self.level_label, self.actions_label, self.ack_label):
            words.addWidget(label)
        side = QVBoxLayout()
        side.addWidget(self.clock_label, 0, Qt.AlignmentFlag.AlignRight)
        side.addWidget(self.lead_label, 0, Qt.AlignmentFlag.AlignRight)
        side.addWidget(self.ack_button)
        side.addWidget(self.report_button)
        side.addWidget(self.report_label, 0, Qt.AlignmentFlag.AlignRight)
        row = QHBoxLayout(self.banner)
        row.addLayout(words, 1)
        row.addLayout(side)
        return self.banner

    def _build_floor_tab(self) -> QWidget:
        self.queues_model = RowsModel(
            [
                Column(self.tr("Queue"), lambda q: q.queue),
                Column(self.tr("Name"), lambda q: q.name if self._chinese else q.name_en),
                Column(self.tr("Waiting"), lambda q: q.waiting),
                Column(self.tr("Target"), lambda q: q.target_wait_s, seconds),
                Column(
                    self.tr("Longest wait"),
                    self._waited,
                    seconds,
                    tip=self.tr(
                        "Green within ¾ of the queue's target, amber up to it, red past it"
                    ),
                    row_shade=lambda q: wait_shade(self._waited(q), q.target_wait_s),
                ),
            ]
        )
        self.counters_model = RowsModel(
            [
                Column(self.tr("Counter"), lambda c: c.counter),
                Column(self.tr("State"), lambda c: c.state, counter_state),
                Column(self.tr("Pause reason"), lambda c: self._pause_reason(c)),
                Column(
                    self.tr("Clerk"), lambda c: f"{c.clerk} {c.clerk_name}" if c.clerk else None
                ),
                Column(self.tr("Queues"), lambda c: "".join(c.queues)),
                Column(self.tr("Serving"), lambda c: c.ticket),
                Column(self.tr("For"), self._serving_for, seconds),
            ]
        )
        self.alerts_model = RowsModel(
            [
                Column(self.tr("Time"), lambda a: a.at, _clock_text),
                Column(self.tr("Level"), lambda a: a.level, level_text),
                Column(self.tr("Waiting"), lambda a: a.waiting),
                Column(self.tr("Open"), lambda a: a.open_counters),
                Column(self.tr("Acknowledged by"), lambda a: a.acknowledged_by),
                Column(self.tr("At"), lambda a: a.acknowledged_at, _clock_text),
            ]
        )
        self.warnings_panel = WarningsPanel(self.source)
        self.floor_alerts_model = RowsModel(
            [
                Column(self.tr("Counter"), lambda a: a.counter),
                Column(self.tr("What"), self._floor_alert_text),
                Column(self.tr("For"), lambda a: a.seconds, seconds),
            ]
        )
        self.orders = OrdersPanel()
        self.orders.ordered.connect(self.order)
        self.orders.notice_posted.connect(self.post_notice)
        self.incidents_model = RowsModel(
            [
                Column(self.tr("Time"), lambda i: i.at, _clock_text),
                Column(self.tr("Where"), lambda i: i.source),
                Column(self.tr("What"), _incident_text),
                Column(self.tr("Resolved"), lambda i: i.resolved_at, _clock_text),
            ]
        )
        tab = QWidget()
        grid = QGridLayout(tab)
        self.queues_view = _table(self.queues_model)
        self.counters_view = _table(self.counters_model)
        left = QVBoxLayout()
        left.addWidget(_boxed(self.tr("Waiting per queue"), self.queues_view))
        left.addWidget(_boxed(self.tr("Counters"), self.counters_view))
        left.addWidget(self.orders)
        left.addStretch(1)
        right = QVBoxLayout()
        right.addWidget(_boxed(self.tr("Floor alerts"), _table(self.floor_alerts_model)), 1)
        right.addWidget(_boxed(self.tr("Alert levels today"), _table(self.alerts_model)), 1)
        right.addWidget(self.warnings_panel, 1)
        right.addWidget(_boxed(self.tr("Incidents"), _table(self.incidents_model)), 1)
        grid.addLayout(left, 0, 0)
        grid.addLayout(right, 0, 1)
        grid.setColumnStretch(0, 3)
        grid.setColumnStretch(1, 2)
        return tab

    def _build_clerks_tab(self) -> QWidget:
        self.figures_model = RowsModel(figure_columns())
        self.figures_view = _table(self.figures_model, sortable=True)
        self.score_sheet = ScoreSheetPanel(self.source)
        tab = QWidget()
        layout = QVBoxLayout(tab)
        layout.addWidget(_boxed(self.tr("Clerk figures today"), self.figures_view), 3)
        layout.addWidget(_boxed(self.tr("Performance sheet (100 points)"), self.score_sheet), 2)
        return tab

    def _build_charts_tab(self) -> QWidget:
        self.flow_chart = BarChart()
        self.waiting_chart = StepChart()
        self.handling_chart = BarChart()
        tab = QWidget()
        grid = QGridLayout(tab)
        grid.addWidget(self.flow_chart, 0, 0, 1, 2)
        grid.addWidget(self.waiting_chart, 1, 0)
        grid.addWidget(self.handling_chart, 1, 1)
        return tab

    @staticmethod
    def _fit_rows(view: QTableView, rows: int) -> None:
        """Tall enough for every row: a queue hidden behind a scroll bar is a queue missed."""
        height = view.horizontalHeader().sizeHint().height() + view.verticalHeader().length()
        view.setMinimumHeight(height + 2 * view.frameWidth() + 2)

    # ----- values that depend on the time or the floor -----

    def _waited(self, queue: object) -> float | None:
        since = getattr(queue, "oldest_since", None)
        return (self._clock.now() - since).total_seconds() if since else None

    def _serving_for(self, counter: object) -> float | None:
        since = getattr(counter, "called_at", None)
        return max((self._clock.now() - since).total_seconds(), 0.0) if since else None

    def _floor_alerts(self, floor: Floor) -> list[FloorAlert]:
        counters = [
            CounterSeen(
                c.counter,
                c.state == CounterState.OPEN,
                tuple(c.queues),
                c.ticket,
                c.called_at,
                floor.idle_since.get(c.counter),
            )
            for c in floor.now.counters
        ]
        return floor_alerts(
            counters,
            {queue.queue: queue.waiting for queue in floor.now.queues},
            self._clock.now(),
            idle_after_s=floor.idle_alert_s,
            long_after_s=floor.long_service_alert_s,
        )

    def _floor_alert_text(self, alert: FloorAlert) -> str:
        if alert.kind == FloorAlertKind.IDLE:
            return self.tr("Idle while %1 wait in its queues").replace("%1", str(alert.waiting))
        return self.tr("Serving %1 for long").replace("%1", alert.ticket or "")

    def _pause_reason(self, counter: object) -> str | None:
        if self.floor is None or getattr(counter, "state", "") != CounterState.PAUSED:
            return None
        reason = self.floor.pauses.get(getattr(counter, "counter", 0))
        return codes.name("pause_reason", reason) if reason else None

    # ----- live -----

    def refresh(self, kinds: frozenset[str] = EVERYTHING) -> None:
        """Re-read the floor when a kind it shows changed (forms and bookings it does not);
        while the reading fails the figures stay as last read and the banner's note says why."""
        if self.lead is not None and kinds & MONITOR_FOLLOWS:  # nothing read for no one
            self.source.read_floor(
                self.lead, self.present, self.ack_label.setText, self._session_ended
            )
            self.warnings_panel.read(self.lead)
            self.service_panel.read(self.lead)

    def present(self, floor: Floor) -> None:
        if self.lead is None:
            return  # an answer for a session that has since ended
        self.floor = floor
        self._show_banner(floor)
        self.queues_model.set_rows(floor.now.queues)
        self._fit_rows(self.queues_view, len(floor.now.queues))
        self._fit_rows(self.counters_view, len(floor.now.counters))
        self.counters_model.set_rows(floor.now.counters)
        self.floor_alerts_model.set_rows(self._floor_alerts(floor))
        self.orders.show_counters(floor.now.counters)
        if not self.orders.notice.hasFocus():
            self.orders.notice.setText(floor.notice)
        self.alerts_model.set_rows(list(reversed(floor.alerts)))
        self.incidents_model.set_rows(floor.incidents)
        self.figures_model.set_rows(floor.figures)
        self._show_charts(floor)

    def _show_banner(self, floor: Floor) -> None:
        now = floor.now
        ratio = "-" if now.ratio is None else f"{now.ratio:.2f}"
        self.level_label.setText(
            self.tr("%1 · %2 waiting ÷ %3 open counters = %4 (thresholds %5 / %6)")
            .replace("%1", level_title(now.level))
            .replace("%2", str(now.waiting_total))
            .replace("%3", str(now.open_counters))
            .replace("%4", ratio)
            .replace("%5", f"{now.thresholds[0]:g}")
            .replace("%6", f"{now.thresholds[1]:g}")
        )
        self.actions_label.setText(lead_actions(now.level))
        self._show_acknowledgement(floor)
        if now.level != self._level_shown:
            self._level_shown = now.level
            self.banner.setStyleSheet(
                f"QFrame#levelBanner {{ background: {LEVEL_COLOURS[now.level]}; }}"
            )

    def _show_acknowledgement(self, floor: Floor) -> None:
        """The button offers what `acknowledge_alert` takes: today's latest rise, while
        unacknowledged; a floor still showing a past day offers nothing."""
        today = floor.day == self._clock.now().date()
        rise = latest_rise(floor.alerts)
        if not today:
            text = self.tr("Nothing to acknowledge: business day %1 is not today.").replace(
                "%1", floor.day.isoformat()
            )
        elif rise is None:
            text = self.tr("No rise of level today.")
        elif rise.acknowledged_by:
            text = (
                self.tr("Rise to %1 at %2 acknowledged by %3 at %4.")
                .replace("%1", level_title(rise.level))
                .replace("%2", _clock_text(rise.at))
                .replace("%3", rise.acknowledged_by)
                .replace("%4", _clock_text(rise.acknowledged_at))
            )
        else:
            text = (
                self.tr("Rise to %1 at %2 not yet acknowledged.")
                .replace("%1", level_title(rise.level))
                .replace("%2", _clock_text(rise.at))
            )
        self.ack_label.setText(text)
        awaiting = awaiting_acknowledgement(floor.alerts) is not None
        self.ack_button.setEnabled(self._reachable and today and awaiting)

    def server_reachable(self, reachable: bool) -> None:
        """While the server is lost nothing can be acknowledged: the button says so by
        being off, the banner above says why."""
        self._reachable = reachable
        if self.floor is not None:
            self._show_acknowledgement(self.floor)

    def _show_charts(self, floor: Floor) -> None:
        series = floor.series
        self.flow_chart.set_data(
            self.tr("Arrivals and finishes per half hour"),
            [slot.strftime("%H:%M") for slot in series.slots],
            [(self.tr("Arrivals"), series.arrivals), (self.tr("Finished"), series.finishes)],
        )
        self.waiting_chart.set_data(
            self.tr("Customers waiting"), self.tr("Waiting"), series.waiting
        )
        clerks = sorted(series.handle_times)
        bands = [handle_time_bands(series.handle_times[clerk]) for clerk in clerks]
        self.handling_chart.set_data(
            self.tr("Handling time per clerk (minutes)"),
            clerks,
            [
                (f"{label} min", [counts[band] for counts in bands])
                for band, label in enumerate(HANDLE_BAND_LABELS)
            ],
        )

    # ----- actions -----

    def acknowledge(self) -> None:
        """The lead confirms they have seen today's latest rise of level (who and when
        stored); the floor is read again once the store or the server took it."""
        if self.lead is None:
            return
        self.ack_button.setEnabled(False)  # one acknowledgement under way at a time

        def refused(words: str) -> None:
            self.ack_label.setText(words)
            self.ack_button.setEnabled(True)

        self.source.acknowledge(self.lead, self.refresh, refused)

    def order(self, order: CounterOrder) -> None:
        """Send the lead's order for a counter; the floor is read again once it is taken."""
        if self.lead is None:
            return
        message = self.orders.message

        def done() -> None:
            message.setText(self.tr("Counter %1: done.").replace("%1", str(order.counter)))
            self.refresh()

        message.setText(self.tr("Sending…"))
        self.source.order(self.lead, order, done, message.setText)

    def post_notice(self, text: str) -> None:
        """Put the line on the calling board (an empty one takes it down)."""
        if self.lead is None:
            return
        message = self.orders.message

        def done() -> None:
            message.setText(
                self.tr("The board shows the notice.") if text else self.tr("Notice taken down.")
            )
            self.refresh()

        message.setText(self.tr("Sending…"))
        self.source.post_notice(self.lead, text, done, message.setText)

    def _choose_report_folder(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, self.tr("Folder for the day report"))
        if folder:
            self.write_report(Path(folder))

    def write_report(self, folder: Path) -> _ReportJob:
        """Start writing the day's report into `folder`; the label says where it went."""
        assert self.lead is not None, "the report button shows only to a signed-in lead"
        day = self.floor.day if self.floor else self._clock.now().date()
        job = _ReportJob(self.source, self.lead, day, folder)
        job.signals.done.connect(self._report_done)
        self.report_label.setText(self.tr("Writing the report…"))
        self.report_button.setEnabled(False)
        self._report_job = job  # kept until the next report: its signals must outlive run()
        QThreadPool.globalInstance().start(job)
        return job

    def _report_done(self, outcome: str) -> None:
        self.report_button.setEnabled(True)
        if outcome.startswith("! "):
            self.report_label.setText(self.tr("Report failed: %1").replace("%1", outcome[2:]))
        else:
            self.report_label.setText(self.tr("Report written: %1").replace("%1", outcome))
