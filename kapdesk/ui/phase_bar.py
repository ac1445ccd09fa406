"""The phase bar: the planned phases above, what actually happened below, on one time scale."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFont, QFontMetrics, QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget

from kapdesk.core.words import QT_TRANSLATE_NOOP
from kapdesk.ui import theme
from kapdesk.ui.words import say

LABEL_PX_LEAST = 16  # the phase names' type, in pixels, on the smallest screen
LABEL_PX_MOST = 30


@dataclass(frozen=True)
class BarSpan:
    """A stretch on the actual row: a phase from ``start`` to ``end`` journey seconds."""

    index: int
    start: float
    end: float
    planned: float


class PhaseBar(QWidget):
    """Planned phases against the phases as they ran, with the present moment marked."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._plan: list[tuple[str, float]] = []
        self._spans: list[BarSpan] = []
        self._now: float | None = None
        self._current: int | None = None
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.setMinimumHeight(56)
        say(
            self,
            QT_TRANSLATE_NOOP("PhaseBar", "Phases: planned above, as they ran below"),
            "setAccessibleName",
        )

    def sizeHint(self) -> QSize:
        return QSize(600, 64)

    def set_state(
        self,
        plan: list[tuple[str, float]],
        spans: list[BarSpan],
        now: float | None,
        current: int | None,
    ) -> None:
        self._plan, self._spans, self._now, self._current = plan, spans, now, current
        self.update()

    def paintEvent(self, event: QPaintEvent) -> None:
        if not self._plan:
            return
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        width = float(self.width() - 2)
        planned_total = sum(seconds for _, seconds in self._plan)
        scale_total = max(planned_total, self._now or 0.0, 1.0)
        per_second = width / scale_total
        plan_h = self.height() * 0.55
        actual_top = plan_h + 6
        actual_h = self.height() - actual_top - 1
        # Read from across the room: large, light type on the dark boxes (the current phase's
        # in bold), sized with the bar.
        font = QFont(self.font())
        font.setPixelSize(min(LABEL_PX_MOST, max(LABEL_PX_LEAST, int(plan_h * 0.55))))
        bold = QFont(font)
        bold.setBold(True)

        x = 1.0
        for index, (name, seconds) in enumerate(self._plan):
            rect = QRectF(x, 1, max(seconds * per_second - 3, 2), plan_h - 2)
            current = index == self._current
            painter.setPen(
                QPen(QColor(theme.ACCENT if current else theme.BORDER), 2 if current else 1)
            )
            painter.setBrush(QColor(theme.SURFACE_RAISED if current else theme.SURFACE))
            painter.drawRoundedRect(rect, 6, 6)
            painter.setFont(bold if current else font)
            metrics = QFontMetrics(bold if current else font)
            text = metrics.elidedText(name, Qt.TextElideMode.ElideRight, int(rect.width() - 12))
            if len(text) > 1:
                painter.setPen(QColor(theme.TEXT))
                painter.drawText(rect.adjusted(6, 0, -6, 0), Qt.AlignmentFlag.AlignVCenter, text)
            x += seconds * per_second

        painter.setPen(Qt.PenStyle.NoPen)
        for span in self._spans:
            left = 1 + span.start * per_second
            within = min(span.end, span.start + span.planned)
            is_current = span.index == self._current and span.end == self._now
            painter.setBrush(QColor(theme.ACCENT if is_current else theme.ACCENT_DIM))
            painter.drawRect(
                QRectF(left, actual_top, max((within - span.start) * per_second, 1), actual_h)
            )
            if span.end > within:
                painter.setBrush(QColor(theme.OVERRUN))
                painter.drawRect(
                    QRectF(
                        1 + within * per_second,
                        actual_top,
                        (span.end - within) * per_second,
                        actual_h,
                    )
                )
        if self._now is not None:
            painter.setPen(QPen(QColor(theme.TEXT), 2))
            now_x = 1 + self._now * per_second
            painter.drawLine(int(now_x), 0, int(now_x), self.height())
        painter.end()
