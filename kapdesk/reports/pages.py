"""Printed pages: the records' HTML laid out once with Qt's text layout, then cut into pages at
places that split no table row and no line, with a running header and "Page n of m" on each.

Every page names the clinic, the patient's code and the session's date, so a page that comes
loose from the others still says whose it is. A table that goes on over a page break repeats
its header row. A heading stays with what follows it. The same pages are painted on a PDF
writer or on a printer (any ``QPagedPaintDevice``): the layout is made at one fixed
resolution and scaled to the device's, so a PDF and a printout break their pages alike.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import cast

from PySide6.QtCore import QMarginsF, QPointF, QRectF, Qt, QUrl
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontMetricsF,
    QImage,
    QPagedPaintDevice,
    QPageLayout,
    QPainter,
    QPen,
    QTextCursor,
    QTextDocument,
    QTextTable,
)

from kapdesk.core.words import QT_TRANSLATE_NOOP

PRINTER_NOT_STARTED = QT_TRANSLATE_NOOP("Printing", "the printer could not be started")
PRINTER_NO_PAGE = QT_TRANSLATE_NOOP("Printing", "the printer could not start a new page")
PRINTER_NOT_FINISHED = QT_TRANSLATE_NOOP(
    "Printing", "the printer could not finish the pages, so they may not have printed"
)

PATIENT = QT_TRANSLATE_NOOP("PageHeader", "Patient {code}")
SESSION = QT_TRANSLATE_NOOP("PageHeader", "Session {day}")  # the session's date
PAGE = QT_TRANSLATE_NOOP("PageHeader", "Page {number} of {count}")
MARGIN_MM = 16.0  # around the page; within what any printer can reach
HEADER_MM = 11.0  # the running header, above the text
FOOTER_MM = 9.0  # "Page n of m", below it
RUNNING_POINTS = 8.0
LAYOUT_DPI = 96  # the layout's own resolution: CSS pixels are pixels, as on a screen
LEFT = int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
RIGHT = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)


@dataclass(frozen=True)
class PageHeader:
    """What every page says at its top and foot."""

    clinic: str  # the clinic's name
    patient_code: str
    day: str  # the session's date, as printed
    title: str  # what the document is: "Session record", "After your session"
    mark: str = ""  # a word every page carries in its header when set (e.g. "Practice")
    # The words' language: English, or the patient's on the handout (reports.handout_words).
    words: Callable[[str], str] = str

    def line(self, clinic: str | None = None) -> str:
        """Clinic, patient and date; ``clinic`` in place of the clinic's name (shortened)."""
        name = (self.clinic or "kapdesk") if clinic is None else clinic
        patient = self.words(PATIENT.format(code=self.patient_code))
        return "  ·  ".join([name, patient, self.words(SESSION.format(day=self.day))])

    def page(self, number: int, count: int) -> str:
        """Page 2 of 3."""
        return self.words(PAGE.format(number=number, count=count))


@dataclass(frozen=True)
class Printed:
    """A document ready to print: its HTML, the images it names, its header and type size."""

    html: str
    header: PageHeader
    images: tuple[tuple[str, QImage], ...] = ()
    points: float = 9.0  # the body text's size unless the HTML styles it
    pdf_title: str = ""

    def paint(self, device: QPagedPaintDevice) -> int:
        """Lay the document out for ``device`` and paint every page on it; the page count."""
        return paint_pages(self, device)


@dataclass(frozen=True)
class _Cut:
    """A place a page may end: ``y`` in the laid-out document, and the table it falls in (its
    header row is repeated at the top of the next page)."""

    y: float
    table: QTextTable | None = None


@dataclass
class _Page:
    bands: list[tuple[float, float]] = field(default_factory=list)  # (top, bottom) of the text


def _reference() -> QImage:
    """A paint device at LAYOUT_DPI, whatever the screen's: the same layout on every PC."""
    image = QImage(4, 4, QImage.Format.Format_RGB32)
    per_metre = round(LAYOUT_DPI / 0.0254)
    image.setDotsPerMeterX(per_metre)
    image.setDotsPerMeterY(per_metre)
    return image


def _layout(printed: Printed, reference: QImage, width: float) -> QTextDocument:
    document = QTextDocument()
    document.documentLayout().setPaintDevice(reference)
    document.setUseDesignMetrics(True)  # widths as printed, not as hinted for a screen
    document.setDocumentMargin(0)
    for name, image in printed.images:
        document.addResource(QTextDocument.ResourceType.ImageResource.value, QUrl(name), image)
    font = QFont("DejaVu Sans")
    font.setPointSizeF(printed.points)
    document.setDefaultFont(font)
    document.setHtml(printed.html)
    document.setTextWidth(width)
    return document


def _line_tops(document: QTextDocument) -> list[float]:
    """The top of every line, table cells' too: where a row taller than a page may be cut."""
    layout = document.documentLayout()
    tops: list[float] = []
    block = document.begin()
    while block.isValid():
        top = layout.blockBoundingRect(block).top()
        text_layout = block.layout()
        tops.extend(top + text_layout.lineAt(n).y() for n in range(1, text_layout.lineCount()))
        block = block.next()
    return sorted(tops)


def _cuts(document: QTextDocument) -> tuple[list[_Cut], dict[int, tuple[float, float]]]:
    """Where pages may end, and each table's header band (keyed by the table's position)."""
    layout = document.documentLayout()
    cuts: list[_Cut] = []
    headers: dict[int, tuple[float, float]] = {}
    seen: set[int] = set()
    last_bottom = 0.0
    keep_with_next = True  # nothing before the first element to break from
    block = document.begin()
    while block.isValid():
        table = cast("QTextTable | None", QTextCursor(block).currentTable())  # None outside
        if table is not None:
            key = table.firstPosition()
            if key not in seen:
                seen.add(key)
                last_bottom = _table_cuts(
                    document,
                    table,
                    cuts=cuts,
                    headers=headers,
                    before=last_bottom,
                    keep_with_previous=keep_with_next,
                )
                keep_with_next = False
        elif block.text():
            rect = layout.blockBoundingRect(block)
            top = block.layout().position().y()
            if not keep_with_next:
                cuts.append(_Cut(min(top, rect.top())))
            heading = block.blockFormat().headingLevel() > 0
            text_layout = block.layout()
            if not heading:
                for n in range(1, text_layout.lineCount()):
                    cuts.append(_Cut(top + text_layout.lineAt(n).y()))
            keep_with_next = heading
            last_bottom = rect.bottom()
        block = block.next()
    return sorted(cuts, key=lambda c: c.y), headers


def _table_cuts(
    document: QTextDocument,
    table: QTextTable,
    *,
    cuts: list[_Cut],
    headers: dict[int, tuple[float, float]],
    before: float,
    keep_with_previous: bool,
) -> float:
    """A table's row boundaries as places to cut; returns the bottom of its last row."""
    layout = document.documentLayout()
    tops: list[float] = []
    bottoms: list[float] = []
    for row in range(table.rows()):
        cells = [table.cellAt(row, column) for column in range(table.columns())]
        first = [layout.blockBoundingRect(c.firstCursorPosition().block()) for c in cells]
        last = [layout.blockBoundingRect(c.lastCursorPosition().block()) for c in cells]
        tops.append(min(r.top() for r in first))
        bottoms.append(max(r.bottom() for r in last))
    if not tops:
        return before
    start = (before + tops[0]) / 2 if before < tops[0] else tops[0]
    if not keep_with_previous:
        cuts.append(_Cut(start))
    header_rows = min(table.format().headerRowCount(), table.rows() - 1)
    bounds = [start] + [(bottoms[r - 1] + tops[r]) / 2 for r in range(1, table.rows())]
    if header_rows > 0:
        headers[table.firstPosition()] = (start, bounds[header_rows])
    # The header stays with the first row after it; every other row boundary may end a page.
    for row in range(max(header_rows, 0) + 1, table.rows()):
        cuts.append(_Cut(bounds[row], table))
    return bottoms[-1]


def _paginate(
    height: float,
    body: float,
    cuts: list[_Cut],
    headers: dict[int, tuple[float, float]],
    lines: list[float],
) -> list[_Page]:
    pages: list[_Page] = []
    y = 0.0
    carried: tuple[float, float] | None = None  # the header of a table going on over a break
    while y < height - 0.5 or not pages:
        page = _Page()
        room = body
        if carried is not None:
            page.bands.append(carried)
            room -= carried[1] - carried[0]
        limit = y + max(room, body / 4)
        if limit >= height:
            end, carried = height, None
        else:
            fitting = [c for c in cuts if y + 0.5 < c.y <= limit]
            if fitting:
                chosen = fitting[-1]
                end = chosen.y
                table = chosen.table
                carried = headers.get(table.firstPosition()) if table is not None else None
            else:  # one row taller than a whole page: it goes on over the break, at a line
                between = [top for top in lines if y + body / 4 < top <= limit]
                end, carried = (between[-1] if between else limit), None
        page.bands.append((y, end))
        pages.append(page)
        y = end
    return pages


def paint_pages(printed: Printed, device: QPagedPaintDevice) -> int:
    """Paint ``printed`` on ``device`` page by page; returns how many pages it took."""
    device.setPageLayout(
        QPageLayout(
            device.pageLayout().pageSize(),
            QPageLayout.Orientation.Portrait,
            QMarginsF(0, 0, 0, 0),
            QPageLayout.Unit.Millimeter,
        )
    )
    paper = device.pageLayout().fullRect(QPageLayout.Unit.Millimeter)
    dots = LAYOUT_DPI / 25.4  # per millimetre, in the layout's units
    margin = MARGIN_MM * dots
    width = paper.width() * dots - 2 * margin
    top = margin + HEADER_MM * dots
    body = paper.height() * dots - top - margin - FOOTER_MM * dots
    reference = _reference()
    document = _layout(printed, reference, width)
    cuts, headers = _cuts(document)
    pages = _paginate(document.size().height(), body, cuts, headers, _line_tops(document))
    painter = QPainter()
    if not painter.begin(device):
        raise OSError(PRINTER_NOT_STARTED)
    try:
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.scale(device.logicalDpiX() / LAYOUT_DPI, device.logicalDpiY() / LAYOUT_DPI)
        for number, page in enumerate(pages, start=1):
            if number > 1 and not device.newPage():
                raise OSError(PRINTER_NO_PAGE)
            _running(
                painter,
                printed.header,
                number=number,
                count=len(pages),
                margin=margin,
                width=width,
                dots=dots,
                paper=paper,
            )
            at = top
            for band_top, band_bottom in page.bands:
                painter.save()
                painter.translate(margin, at - band_top)
                clip = QRectF(-margin, band_top, width + 2 * margin, band_bottom - band_top)
                document.drawContents(painter, clip)
                painter.restore()
                at += band_bottom - band_top
    finally:
        ended = painter.end()
    if not ended:  # the pages never reached the printer or the file whole
        raise OSError(PRINTER_NOT_FINISHED)
    return len(pages)


def _head_line(header: PageHeader, metrics: QFontMetricsF, width: float) -> str:
    """The header's line within ``width``: the clinic's name shortened if it must be, the
    patient's code and the date always whole."""
    line = header.line()
    if metrics.horizontalAdvance(line) <= width:
        return line
    rest = metrics.horizontalAdvance(header.line(clinic=""))
    name = header.clinic or "kapdesk"
    return header.line(
        metrics.elidedText(name, Qt.TextElideMode.ElideRight, max(0.0, width - rest))
    )


def _running(
    painter: QPainter,
    header: PageHeader,
    *,
    number: int,
    count: int,
    margin: float,
    width: float,
    dots: float,
    paper: QRectF,
) -> None:
    """The running header (clinic, patient, date, any mark) and foot (title, page n of m)."""
    font = QFont("DejaVu Sans")
    font.setPixelSize(round(RUNNING_POINTS * LAYOUT_DPI / 72))  # in the layout's units
    painter.setFont(font)
    line_height = QFontMetricsF(font).height() * 1.4
    painter.setPen(QColor("#333333"))
    head = QRectF(margin, margin, width, line_height)
    painter.drawText(head, LEFT, _head_line(header, QFontMetricsF(font), width))
    if header.mark:
        bold = QFont(font)
        bold.setBold(True)
        gap = 6 * dots  # millimetres between the line and the mark
        beside = QFontMetricsF(font).horizontalAdvance(header.line())
        if beside + gap + QFontMetricsF(bold).horizontalAdvance(header.mark) > width:
            # Its own line, close under (the header's room holds two): nothing drawn over.
            head = head.translated(0, QFontMetricsF(font).height() * 1.1)
        painter.setFont(bold)
        painter.drawText(head, RIGHT, header.mark)
        painter.setFont(font)
    rule = head.bottom() + 1.5 * dots
    painter.setPen(QPen(QColor("#999999"), 0.6))
    painter.drawLine(QPointF(margin, rule), QPointF(margin + width, rule))
    foot_y = paper.height() * dots - margin - line_height
    foot = QRectF(margin, foot_y, width, line_height)
    painter.setPen(QColor("#333333"))
    painter.drawText(foot, LEFT, header.title)
    painter.drawText(foot, RIGHT, header.page(number, count))
