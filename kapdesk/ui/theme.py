"""The dark, low-glare look: soft contrast, no pure white, large touch targets.

Type grows with the window: at 1280x800 and below it is as written here; on a larger screen
every size in the style sheet grows in step (:func:`scale_for`), so a 1920x1080 room PC is read
from the chair as easily as a small one from the desk.
"""

from __future__ import annotations

import os
import re
from typing import TYPE_CHECKING

from PySide6.QtGui import QColor, QFont, QPalette
from PySide6.QtWidgets import QApplication

from kapdesk.paths import ASSETS_DIR

if TYPE_CHECKING:
    from PySide6.QtCore import QSize
    from PySide6.QtWidgets import QWidget

BACKGROUND = "#0f1317"
SURFACE = "#181e24"
SURFACE_RAISED = "#212932"
BORDER = "#2b3540"
TEXT = "#c5ccd3"
TEXT_MUTED = "#7f8a95"
ACCENT = "#6fa8a0"  # soft teal: the current phase, the primary action
ACCENT_DIM = "#2f4c48"
OVERRUN = "#c2a15f"  # soft amber: a phase past its plan
PROBLEM = "#c47b74"  # muted red: something staff must act on
PROBLEM_BG = "#3a2424"

STYLE = f"""
QWidget {{ background: {BACKGROUND}; color: {TEXT}; font-size: 17px; }}
QLabel {{ background: transparent; }}
QLabel[role="muted"] {{ color: {TEXT_MUTED}; }}
QLabel[role="title"] {{ font-size: 26px; color: {TEXT}; }}
QLabel[role="section"] {{ color: {TEXT_MUTED}; font-size: 15px; letter-spacing: 1px; }}
QLabel[role="error"] {{ color: {PROBLEM}; }}
QLabel[role="notice"] {{ color: {OVERRUN}; }}
QLabel[centred="true"] {{ qproperty-alignment: AlignHCenter; }}
QFrame[role="banner"] {{
    background: {PROBLEM_BG}; border: 1px solid {PROBLEM}; border-radius: 8px;
}}
QFrame[role="banner"][tone="calm"] {{
    background: {SURFACE}; border: 1px solid {ACCENT_DIM};
}}
QFrame[role="card"] {{ background: {SURFACE}; border: 1px solid {BORDER}; border-radius: 10px; }}
QFrame[role="flag"] {{
    background: {PROBLEM_BG}; border: 2px solid {PROBLEM}; border-radius: 10px;
}}
QLabel[role="flag-words"] {{ color: {TEXT}; }}
QLabel[role="flag-title"] {{ color: {PROBLEM}; font-weight: 600; }}
QPushButton {{
    background: {SURFACE_RAISED}; color: {TEXT}; border: 1px solid {BORDER};
    border-radius: 10px; padding: 10px 16px; min-height: 44px;
}}
QPushButton:hover {{ border-color: {ACCENT}; }}
QPushButton:focus {{ border: 2px solid {ACCENT}; }}
QPushButton:pressed {{ background: {ACCENT_DIM}; }}
QPushButton:disabled {{ color: #4d5660; border-color: #222a31; }}
QPushButton[role="primary"] {{ background: {ACCENT_DIM}; border-color: {ACCENT}; }}
QPushButton:checked {{ background: {ACCENT_DIM}; border: 2px solid {ACCENT}; color: {TEXT}; }}
QPushButton[role="compact"] {{ min-height: 30px; padding: 6px 14px; }}
QPushButton[role="tag"] {{ min-height: 34px; padding: 4px 8px; }}
QPushButton[role="key"] {{ min-height: 30px; padding: 4px 8px; }}
QPushButton[role="rating"] {{ min-height: 34px; min-width: 30px; padding: 2px; }}
QLineEdit, QComboBox, QDoubleSpinBox, QSpinBox, QPlainTextEdit {{
    background: {SURFACE}; color: {TEXT}; border: 1px solid {BORDER}; border-radius: 8px;
    padding: 8px 10px; min-height: 36px; selection-background-color: {ACCENT_DIM};
}}
QLineEdit:focus, QComboBox:focus, QDoubleSpinBox:focus, QSpinBox:focus, QPlainTextEdit:focus {{
    border: 2px solid {ACCENT};
}}
QComboBox QAbstractItemView {{ background: {SURFACE}; selection-background-color: {ACCENT_DIM}; }}
QCheckBox {{ spacing: 12px; background: transparent; min-height: 34px; }}
QCheckBox::indicator {{
    width: 24px; height: 24px; border: 2px solid {TEXT_MUTED}; border-radius: 6px;
    background: {SURFACE};
}}
QCheckBox::indicator:checked {{ background: {ACCENT}; border-color: {ACCENT}; }}
QCheckBox::indicator:focus {{ border-color: {ACCENT}; }}
QTableView::indicator {{
    width: 20px; height: 20px; border: 2px solid {TEXT_MUTED}; border-radius: 5px;
    background: {SURFACE};
}}
QTableView::indicator:checked {{ background: {ACCENT}; border-color: {ACCENT}; }}
QListWidget, QTableWidget {{
    background: {SURFACE}; border: 1px solid {BORDER}; border-radius: 8px;
    alternate-background-color: #1c232a; gridline-color: {BORDER};
}}
QListWidget::item {{ padding: 12px; border-bottom: 1px solid {BORDER}; }}
QListWidget::item:selected, QTableWidget::item:selected {{
    background: {ACCENT_DIM}; color: {TEXT};
}}
QHeaderView::section {{
    background: {SURFACE_RAISED}; color: {TEXT_MUTED}; border: none; padding: 8px;
}}
QScrollBar:vertical {{ background: {SURFACE}; width: 14px; }}
QScrollBar::handle:vertical {{ background: {BORDER}; border-radius: 6px; min-height: 40px; }}
QDialog {{ background: {BACKGROUND}; }}
QTabWidget::pane {{ border: none; }}
QTabBar::tab {{
    background: {SURFACE}; color: {TEXT_MUTED}; border: 1px solid {BORDER};
    padding: 10px 14px; margin-right: 6px; border-radius: 8px; min-height: 24px;
}}
QTabBar::tab:selected {{ background: {ACCENT_DIM}; color: {TEXT}; border-color: {ACCENT}; }}
QSlider {{ background: transparent; }}
QSlider::groove:horizontal {{ background: {BORDER}; height: 6px; border-radius: 3px; }}
QSlider::sub-page:horizontal {{ background: {ACCENT_DIM}; border-radius: 3px; }}
QSlider::handle:horizontal {{
    background: {TEXT_MUTED}; width: 22px; margin: -9px 0; border-radius: 11px;
}}
QSlider::handle:horizontal:focus {{ background: {ACCENT}; }}
QProgressBar {{
    background: {SURFACE}; border: 1px solid {BORDER}; border-radius: 6px; text-align: center;
    min-height: 22px;
}}
QProgressBar::chunk {{ background: {ACCENT_DIM}; border-radius: 6px; }}
"""

# A ticked box shows a tick, drawn dark on the accent (a style sheet cannot draw one itself).
TICK_IMAGE = ASSETS_DIR / "tick.svg"
STYLE += f"""
QCheckBox::indicator:checked, QTableView::indicator:checked {{
    image: url({TICK_IMAGE.as_posix()});
}}
"""


USUAL_SIZE = (1280, 800)  # the window the style sheet's sizes are written for
LARGEST_SCALE = 1.5  # type grows up to half as large again; never smaller than written
_SCALE_PROPERTY = "kapdesk_type_scale"  # a window's: the scale of its type (the app's: styled)
_FONT_SIZE = re.compile(r"font-size: (\d+)px")


def scale_of(width: int, height: int) -> float:
    """How much larger than written the type is in a window this size: in step with the
    window past 1280x800 (the narrower way decides), rounded so a window dragged wider
    restyles only now and then."""
    grown = min(width / USUAL_SIZE[0], height / USUAL_SIZE[1])
    return round(min(max(grown, 1.0), LARGEST_SCALE) * 10) / 10


def style(scale: float = 1.0) -> str:
    """The style sheet with every font size ``scale`` times as large."""
    if scale == 1.0:
        return STYLE
    return _FONT_SIZE.sub(lambda m: f"font-size: {round(int(m.group(1)) * scale)}px", STYLE)


def scale_for(window: QWidget, size: QSize) -> None:
    """Size the type of ``window`` (and its forms) for its size (its resize calls this)."""
    app = QApplication.instance()
    if not isinstance(app, QApplication) or app.property(_SCALE_PROPERTY) is None:
        return  # not styled by :func:`apply` (a tool, a test of something else)
    scale = scale_of(size.width(), size.height())
    if scale != (window.property(_SCALE_PROPERTY) or 1.0):
        window.setProperty(_SCALE_PROPERTY, scale)
        # On the window, not the application: only its own widgets are styled again.
        window.setStyleSheet("" if scale == 1.0 else style(scale))


class _FusionAsked:
    """Fusion, the style the look is written over, asked of Qt before the application is made.

    ``QApplication.setStyle("Fusion")`` hands the new style back, and for that PySide builds
    QStyle's Python class (hundreds of enum members): some 5 ms of the first frame, for a
    value nobody reads. So when this module is imported before the application is made, as
    :mod:`kapdesk.app` does, ``QT_STYLE_OVERRIDE`` asks Qt for Fusion, which the application
    reads as it is made; :func:`apply` then puts the variable back as it was (what kapdesk
    opens, a file manager or a PDF viewer, keeps its own style). An application made before
    this import (a test's) gets Fusion from :func:`apply`, as before.
    """

    VARIABLE = "QT_STYLE_OVERRIDE"

    def __init__(self) -> None:
        self._before = os.environ.get(self.VARIABLE)
        self.pending = QApplication.instance() is None
        if self.pending:
            os.environ[self.VARIABLE] = "Fusion"

    def made_in_fusion(self) -> bool:
        """Whether the application (made since) is in Fusion already; the variable is as it
        was before, from the first call on."""
        if not self.pending:
            return False
        self.pending = False
        if self._before is None:
            os.environ.pop(self.VARIABLE, None)
        else:
            os.environ[self.VARIABLE] = self._before
        return QApplication.instance() is not None


_FUSION = _FusionAsked()


def apply(app: QApplication) -> None:
    """Give the whole application the kapdesk look."""
    if not _FUSION.made_in_fusion():
        app.setStyle("Fusion")
    palette = QPalette()
    for role, colour in (
        (QPalette.ColorRole.Window, BACKGROUND),
        (QPalette.ColorRole.WindowText, TEXT),
        (QPalette.ColorRole.Base, SURFACE),
        (QPalette.ColorRole.AlternateBase, SURFACE_RAISED),
        (QPalette.ColorRole.Text, TEXT),
        (QPalette.ColorRole.Button, SURFACE_RAISED),
        (QPalette.ColorRole.ButtonText, TEXT),
        (QPalette.ColorRole.Highlight, ACCENT_DIM),
        (QPalette.ColorRole.HighlightedText, TEXT),
        (QPalette.ColorRole.PlaceholderText, TEXT_MUTED),
        (QPalette.ColorRole.ToolTipBase, SURFACE_RAISED),
        (QPalette.ColorRole.ToolTipText, TEXT),
    ):
        palette.setColor(role, QColor(colour))
    app.setPalette(palette)
    font = QFont(app.font())
    font.setPointSizeF(max(font.pointSizeF(), 11.0))
    app.setFont(font)
    app.setStyleSheet(STYLE)
    app.setProperty(_SCALE_PROPERTY, 1.0)  # styled: windows may scale their type
