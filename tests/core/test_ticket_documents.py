"""The printed ticket and slip: the PDF's words read back, its QR decoded from a rendered
page, the ESC/POS bytes a thermal printer receives, and the printer the setting names."""

from __future__ import annotations

import io
import shutil
import subprocess

import pytest
import zxingcpp
from escpos.printer import Dummy
from PIL import Image
from pypdf import PdfReader
from sqlalchemy import select

from shared.documents.printing import (
    EscposPrinter,
    NoPrinter,
    PdfPrinter,
    PrintFailed,
    open_printer,
    write_escpos,
)
from shared.documents.ticket import ROLL_WIDTH, ticket_pdf
from shared.rules.slip_codes import read_slip_code, verified
from shared.services.incidents import record_incident
from shared.store.models import Hall, Incident
from shared.views.kiosk_menu import kiosk_menu

PHONE = "13812345678"
RESIDENT_ID = "11010519491231002X"
SLIP = {"name": "张三丰", "id_number": RESIDENT_ID, "reason": "丢失"}


@pytest.fixture
def printed(store, hall):
    issued = hall.issue("sim_replace", phone=PHONE, slip=SLIP)
    return kiosk_menu(store, "demo").ticket_print(issued, PHONE, SLIP)


def pdf_text(pdf: bytes) -> str:
    return "".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages)


def test_the_ticket_pdf_carries_what_the_customer_needs_and_no_personal_data(printed):
    pdf = ticket_pdf(printed)
    text = pdf_text(pdf)
    for words in (
        "B001",
        "长时间业务",
        "中国移动 示范营业厅",
        "138****5678",
        "2026-11-23 08:30",
        "补换卡",
        "1101**********002X",
        "张**",
        "业务预处理单",
        "前面等候",
    ):
        assert words in text, words
    for secret in (PHONE, RESIDENT_ID, "张三丰"):
        assert secret not in text
    page = PdfReader(io.BytesIO(pdf)).pages[0]
    assert float(page.mediabox.width) == pytest.approx(ROLL_WIDTH)
    fonts = {str(font["/BaseFont"]) for font in page["/Resources"]["/Font"].values()}
    assert any("HallqCJK" in name or "WenQuanYi" in name for name in fonts), fonts


def test_the_slip_qr_decoded_from_the_rendered_page_is_the_halls_signed_code(
    printed, store, tmp_path
):
    if shutil.which("pdftoppm") is None:
        pytest.skip("needs pdftoppm to render the page (Debian package poppler-utils)")
    (tmp_path / "ticket.pdf").write_bytes(ticket_pdf(printed))
    subprocess.run(
        [
            "pdftoppm",
            "-png",
            "-r",
            "80",
            "-singlefile",
            str(tmp_path / "ticket.pdf"),
            str(tmp_path / "page"),
        ],
        check=True,
    )
    [code] = zxingcpp.read_barcodes(Image.open(tmp_path / "page.png"))
    assert code.text == printed.slip_code
    with store.read() as session:
        secret = session.scalars(select(Hall.secret)).one()
    assert verified(read_slip_code(code.text), secret)


def test_a_ticket_without_a_slip_prints_no_qr(store, hall):
    issued = hall.issue("topup")
    printed = kiosk_menu(store, "demo").ticket_print(issued, None, None)
    text = pdf_text(ticket_pdf(printed))
    assert "A001" in text and "业务预处理单" not in text and "手机" not in text


def test_escpos_bytes_carry_the_number_chinese_in_gb18030_and_the_printer_drawn_qr(printed):
    printer = Dummy()
    write_escpos(printer, printed)
    data = printer.output
    assert data.startswith(b"\x1b@\x1c&")  # initialise, then Chinese character mode
    assert b"B001" in data
    assert "中国移动 示范营业厅".encode("gb18030") in data
    assert b"138****5678" in data and PHONE.encode() not in data
    assert RESIDENT_ID.encode() not in data and "张三丰".encode("gb18030") not in data
    assert b"\x1d(k" in data and printed.slip_code.encode() in data  # native QR, GS ( k
    assert data.rstrip(b"\n").endswith(b"\x1dV\x00")  # full cut


def test_each_printer_setting_opens_its_printer(tmp_path):
    assert isinstance(open_printer("none", tmp_path), NoPrinter)
    assert isinstance(open_printer("pdf", tmp_path), PdfPrinter)
    for setting in ("file:/dev/usb/lp0", "usb:0416:5011", "network:192.168.1.50:9100"):
        printer = open_printer(setting, tmp_path)
        assert isinstance(printer, EscposPrinter) and printer.name == setting


def test_a_file_printer_receives_the_escpos_bytes(printed, tmp_path):
    open_printer(f"file:{tmp_path / 'lp0'}", tmp_path, str(tmp_path)).print_ticket(printed)
    assert b"B001" in (tmp_path / "lp0").read_bytes()


@pytest.mark.parametrize("target", ["/etc/passwd", "/dev/sda", "{tmp}/spool/../../lp0", "lp0"])
def test_a_file_printer_outside_its_places_is_refused_at_print_time(printed, tmp_path, target):
    (tmp_path / "spool").mkdir()
    setting = "file:" + target.format(tmp=tmp_path)
    printer = open_printer(setting, tmp_path, str(tmp_path / "spool"))
    with pytest.raises(PrintFailed, match=r"^printer file:\S+ must be (a printer device|an abs)"):
        printer.print_ticket(printed)


def test_a_link_in_the_print_folder_to_a_system_file_is_refused_at_print_time(printed, tmp_path):
    """The setting was fine when made; the place it names was swapped for a link since."""
    victim = tmp_path / "victim"
    victim.write_bytes(b"precious")
    spool = tmp_path / "spool"
    spool.mkdir()
    printer = open_printer(f"file:{spool / 'lp0'}", tmp_path, str(spool))
    (spool / "lp0").symlink_to(victim)
    with pytest.raises(PrintFailed, match="must be a printer device"):
        printer.print_ticket(printed)
    assert victim.read_bytes() == b"precious"


@pytest.mark.parametrize("setting", ["file:{tmp}/missing/lp0", "network:127.0.0.1:9"])
def test_an_unreachable_printer_fails_with_a_reason(printed, tmp_path, setting):
    printer = open_printer(setting.format(tmp=tmp_path), tmp_path)
    with pytest.raises(PrintFailed, match="printer"):
        printer.print_ticket(printed)


def test_a_pdf_printer_writes_one_file_per_ticket(printed, tmp_path):
    PdfPrinter(tmp_path / "spool").print_ticket(printed)
    assert "B001" in pdf_text((tmp_path / "spool" / "20261123-B001.pdf").read_bytes())


def test_an_incident_names_the_ticket_it_affected(store, hall, clock):
    hall.issue("topup")
    record_incident(
        store,
        "demo",
        source="kiosk",
        kind="printer",
        message="out of paper",
        ticket="A001",
        clock=clock,
    )
    with store.read() as session:
        incident = session.scalars(select(Incident)).one()
    assert (incident.message, incident.at, incident.ticket_id) == ("out of paper", clock.now(), 1)


def test_an_estimate_under_half_a_minute_is_very_soon_never_about_a_minute():
    from shared.documents.ticket_text import wait_words

    assert wait_words(0) == ("马上就到您", "very soon")
    assert wait_words(29.9) == ("马上就到您", "very soon")
    assert wait_words(30) == ("约 1 分钟", "about 1 min")
    assert wait_words(None) == ("暂无窗口开放", "no counter open yet")


def _longest_ticket():
    """Every printed field at the longest the hall's definition and the slip allow."""
    import datetime as dt

    from shared.documents.ticket_text import SlipLine, TicketPrint
    from shared.field_definitions import MAX_LABEL
    from shared.services.slips import MAX_TEXT

    def chinese(n: int, seed: str) -> str:
        return (seed * n)[:n]

    return TicketPrint(
        hall_name=chinese(100, "中国移动通信集团北京有限公司"),  # halls.name: 100
        hall_name_en=("China Mobile Beijing Wangfujing Flagship Business Hall " * 3)[:100],
        ticket="A999",
        queue_name=chinese(50, "个人客户常规业务"),  # queues.name: 50
        queue_name_en=("Personal customers everyday business " * 2)[:50],
        ahead=999,
        estimated_wait_s=999 * 60.0,
        issued_at=dt.datetime(2026, 11, 23, 8, 30),
        phone_masked="138****5678",
        business_name=chinese(50, "宽带与固话业务办理"),  # businesses.name: 50
        business_name_en="Broadband-and-landline-installation-and-relocation"[:50],
        slip_lines=[
            SlipLine(chinese(MAX_LABEL, "详细地址"), ("Address " * 20)[:MAX_LABEL], v)
            for v in (
                chinese(MAX_TEXT, "北京市东城区王府井大街"),
                ("Room 1203 Building 7 Wangfujing Street Dongcheng District " * 4)[:MAX_TEXT],
                "X" * MAX_TEXT,  # one word as long as a text field holds
            )
        ],
        slip_code="HQ1." + "A" * 120,
    )


@pytest.mark.skipif(
    shutil.which("pdftotext") is None or shutil.which("pdftoppm") is None,
    reason="poppler-utils is not installed",
)
def test_every_slip_value_at_its_longest_is_wrapped_on_the_roll_never_clipped(tmp_path):
    import re

    ticket = _longest_ticket()
    pdf = tmp_path / "longest.pdf"
    pdf.write_bytes(ticket_pdf(ticket))
    text = subprocess.run(
        ["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True
    ).stdout
    whole = "".join(text.split())
    values = [
        ticket.hall_name,
        ticket.hall_name_en,
        ticket.queue_name,
        ticket.business_name,
        ticket.business_name_en,
        *(line.label for line in ticket.slip_lines),
        *(line.label_en for line in ticket.slip_lines),
        *(line.value for line in ticket.slip_lines),
    ]
    for value in values:
        assert "".join(value.split()) in whole, value[:30]
    # Every word drawn lies inside the 80 mm roll, its margins kept.
    boxes = subprocess.run(
        ["pdftotext", "-bbox", str(pdf), "-"], capture_output=True, text=True, check=True
    ).stdout
    width = float(re.search(r'<page width="([\d.]+)"', boxes).group(1))
    assert width == pytest.approx(ROLL_WIDTH, abs=0.5)
    edges = [
        (float(a), float(b))
        for a, b in re.findall(r'<word xMin="([\d.]+)" yMin="[\d.]+" xMax="([\d.]+)"', boxes)
    ]
    assert len(edges) > 50
    assert all(left >= 0 and right <= width for left, right in edges)
    # The rendered roll: ink reaches neither edge.
    subprocess.run(
        ["pdftoppm", "-png", "-r", "100", "-singlefile", str(pdf), str(tmp_path / "roll")],
        check=True,
    )
    image = Image.open(tmp_path / "roll.png").convert("L")
    columns = [
        image.crop((x, 0, x + 1, image.height)).getextrema()[0] for x in (0, image.width - 1)
    ]
    assert all(darkest > 200 for darkest in columns)
