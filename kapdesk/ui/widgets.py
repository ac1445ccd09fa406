"""Small widgets shared by the screens: buttons that show their shortcut, and labels by role."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, TypeVar

from PySide6.QtCore import QEvent, QObject, QRect, QSize
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)
from shiboken6 import isValid

from kapdesk.core.words import QT_TRANSLATE_NOOP
from kapdesk.ui.words import say_button

if TYPE_CHECKING:
    from PySide6.QtGui import QPaintEvent, QShortcut
    from PySide6.QtWidgets import QBoxLayout, QDialog, QTableWidget, QTableWidgetItem

# PySide makes each Qt class (its enums with it) the first time it is named. The classes the
# start page does without (a button's key, a table, a size policy) are imported where they
# are used, not here: together some 3 ms of the first frame.


# What a refusal adds beside a Switch user button of its own, and where there is none (the
# lock key switches then).
SWITCH_OFFER = QT_TRANSLATE_NOOP("Widgets", "Switch user to let a colleague who may do it.")
CANCEL = QT_TRANSLATE_NOOP("Widgets", "Cancel")
SWITCH_HINT = "Switch user (Ctrl+Shift+L) to let a colleague who may."


def label(text: str = "", role: str = "", parent: QWidget | None = None) -> QLabel:
    """A label styled by its role in the theme (muted, title, section, error)."""
    widget = QLabel(text, parent)
    if role:
        widget.setProperty("role", role)
    widget.setWordWrap(role != "title")
    return widget


def centred(widget: QLabel) -> QLabel:
    """The label with its text centred across its width, by the theme (``Qt`` stays unloaded)."""
    widget.setProperty("centred", True)
    widget.ensurePolished()  # at once, not on the next turn of the event loop
    return widget


class ActionButton(QPushButton):
    """A large button that names its keyboard shortcut, and answers to it anywhere on its page."""

    def __init__(
        self,
        text: str,
        shortcut: str,
        handler: Callable[[], object],
        parent: QWidget,
        *,
        primary: bool = False,
        while_hidden: bool = False,
        own_shortcut: bool = True,
    ) -> None:
        """``while_hidden``: the key works while the button is not shown (Ready to leave?, which
        shows only in the last phase). ``own_shortcut``: False when the window catches the key
        itself (the lock key, which works over an open form): the button names the key but
        takes no shortcut of its own."""
        from PySide6.QtGui import QKeySequence, QShortcut  # noqa: PLC0415  (see the imports)

        self.sequence = QKeySequence(shortcut)
        shown = self.sequence.toString(QKeySequence.SequenceFormat.PortableText)  # words.key_name
        super().__init__(f"{text}   {shown}", parent)
        if primary:
            self.setProperty("role", "primary")
        self._handler = handler
        # Through a method of no arguments: connected directly, a handler with an optional
        # argument (a name, a path) would be handed the click's ``checked`` flag instead.
        self.clicked.connect(self._pressed)
        self._while_hidden = while_hidden
        self.key_shortcut: QShortcut | None = None
        if own_shortcut:
            self.key_shortcut = QShortcut(self.sequence, parent)
            self.key_shortcut.activated.connect(self._activate)

    def _pressed(self) -> None:
        self._handler()

    def acts_on_key(self) -> bool:
        """Whether its key does what a click would now: the button is enabled and shown, or
        its key is meant to work while it is hidden (the shortcut's page is on screen: Qt
        checks that before the key arrives)."""
        return self.isEnabled() and (self.isVisible() or self._while_hidden)

    def _activate(self) -> None:
        if self.acts_on_key():
            self.click()


def set_role(widget: QWidget, role: str) -> None:
    """Give ``widget`` its ``role`` in the theme; restyled only when the role changes (a tick
    that changes nothing sends no palette or font change through the window)."""
    if (widget.property("role") or "") == role:
        return
    widget.setProperty("role", role)
    widget.style().polish(widget)


def set_style(widget: QWidget, sheet: str) -> None:
    """``widget``'s own style sheet, set only when it changes (setting it restyles)."""
    if widget.styleSheet() != sheet:
        widget.setStyleSheet(sheet)


def card(parent: QWidget | None = None) -> QFrame:
    frame = QFrame(parent)
    frame.setProperty("role", "card")
    return frame


class ElidedLabel(QLabel):
    """One line that ends in "…" when it does not fit, with the whole text as its tooltip."""

    def __init__(self, role: str = "", parent: QWidget | None = None) -> None:
        from PySide6.QtWidgets import QSizePolicy  # noqa: PLC0415  (see the imports)

        super().__init__("", parent)
        if role:
            self.setProperty("role", role)
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.setMinimumWidth(120)

    def setText(self, text: str) -> None:
        if text == self.text():
            return  # the same line again (a tick) changes nothing: no tooltip event
        super().setText(text)
        self.setToolTip(text)

    def paintEvent(self, event: QPaintEvent) -> None:
        # Imported here: the first frame does not paint one, and ``Qt`` costs some 40 ms.
        from PySide6.QtCore import Qt  # noqa: PLC0415
        from PySide6.QtGui import QPainter  # noqa: PLC0415

        painter = QPainter(self)
        rect = self.contentsRect()
        shown = self.fontMetrics().elidedText(
            self.text(), Qt.TextElideMode.ElideRight, rect.width()
        )
        painter.setPen(self.palette().color(self.foregroundRole()))
        painter.drawText(
            rect, int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter), shown
        )


class WholeLabel(QLabel):
    """Text that is never cut short (a clinical cue): on one line, as wide as its text, when
    there is room; wrapped onto more lines when there is not. Beside an :class:`ElidedLabel` in
    a row, the elided one gives way first."""

    NARROWEST = 220  # px: below this it wraps rather than shrinks further

    def __init__(self, role: str = "", parent: QWidget | None = None) -> None:
        from PySide6.QtCore import Qt  # noqa: PLC0415  # (see ElidedLabel.paintEvent)
        from PySide6.QtWidgets import QSizePolicy  # noqa: PLC0415  (see the imports)

        super().__init__("", parent)
        if role:
            self.setProperty("role", role)
        self.setWordWrap(True)
        self.setTextFormat(Qt.TextFormat.PlainText)
        policy = QSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Preferred)
        policy.setHeightForWidth(True)
        self.setSizePolicy(policy)

    def _one_line(self) -> int:
        """The width the whole text takes on one line, margins included."""
        margins = self.contentsMargins()
        extra = margins.left() + margins.right() + 2 * self.margin()
        widest = max(
            (self.fontMetrics().horizontalAdvance(line) for line in self.lines()), default=0
        )
        return widest + extra + 2  # a pixel or two of rounding, so one line stays one line

    def lines(self) -> list[str]:
        return self.text().split("\n") if self.text() else []

    def sizeHint(self) -> QSize:
        width = self._one_line()
        return QSize(width, self.heightForWidth(width))

    def minimumSizeHint(self) -> QSize:
        width = min(self._one_line(), self.NARROWEST)
        return QSize(width, self.heightForWidth(width))

    def shows_all(self) -> bool:
        """Whether every word of the text is inside the label as laid out now."""
        from PySide6.QtCore import Qt  # noqa: PLC0415

        rect = self.contentsRect().adjusted(
            self.margin(), self.margin(), -self.margin(), -self.margin()
        )
        needed = self.fontMetrics().boundingRect(
            QRect(0, 0, rect.width(), 100_000),
            int(Qt.TextFlag.TextWordWrap | Qt.AlignmentFlag.AlignLeft),
            self.text(),
        )
        return needed.width() <= rect.width() and needed.height() <= rect.height()


def fit_columns_on_fill(table: QTableWidget, columns: Sequence[int]) -> None:
    """Columns that :func:`fill_table` sizes to their contents (once per fill, not per cell)."""
    from PySide6.QtWidgets import QHeaderView  # noqa: PLC0415  (see the imports above)

    header = table.horizontalHeader()
    for column in columns:
        header.setSectionResizeMode(column, QHeaderView.ResizeMode.Interactive)
    table.setProperty("fit_columns", list(columns))


def read_only_table(
    headers: Sequence[str], parent: QWidget, *, rows_selectable: bool
) -> QTableWidget:
    """A table to read: headers, no editing, alternate rows, columns fitted to their contents
    and the last one stretched."""
    from PySide6.QtWidgets import QAbstractItemView, QTableWidget  # noqa: PLC0415

    table = QTableWidget(0, len(headers), parent)
    table.setHorizontalHeaderLabels(list(headers))
    table.verticalHeader().hide()
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    if rows_selectable:
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    else:
        table.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
    table.setAlternatingRowColors(True)
    fit_columns_on_fill(table, range(len(headers) - 1))
    table.horizontalHeader().setStretchLastSection(True)
    return table


def fill_table(
    table: QTableWidget,
    rows: Sequence[Sequence[str]],
    decorate: Callable[[int, QTableWidgetItem], None] | None = None,
) -> None:
    """Replace the table's rows in one go; ``decorate(row, item)`` may colour or tag each cell.

    Qt's "resize to contents" measures every row again on every cell set, which makes filling
    thousands of rows take seconds; here the fitted columns are measured once at the end.
    """
    from PySide6.QtWidgets import QTableWidgetItem  # noqa: PLC0415  (see the imports above)

    table.setUpdatesEnabled(False)
    try:
        table.setRowCount(0)
        table.setRowCount(len(rows))
        for r, row in enumerate(rows):
            for c, value in enumerate(row):
                item = QTableWidgetItem(value)
                if decorate is not None:
                    decorate(r, item)
                table.setItem(r, c, item)
        for column in table.property("fit_columns") or ():
            table.resizeColumnToContents(int(column))
    finally:
        table.setUpdatesEnabled(True)


FORM_BODY = "form-body"  # the object name of a form's scrolling body
SHORTEST_BODY = 120  # px: the least of a form's body shown above its buttons


class FormBody(QScrollArea):
    """A form's body, scrolling when the screen is shorter than the form: as wide as what it
    holds (never a sideways scroll bar), as tall as it asks when there is room."""

    def __init__(self, parent: QWidget) -> None:
        from PySide6.QtCore import Qt  # noqa: PLC0415  # (see ElidedLabel.paintEvent)

        super().__init__(parent)
        self.setObjectName(FORM_BODY)
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.widget() and event.type() is QEvent.Type.LayoutRequest:
            self.updateGeometry()  # what it holds asks for more (or less): so does the form
        return super().eventFilter(watched, event)

    def _extra(self) -> QSize:
        frame = 2 * self.frameWidth()
        return QSize(frame + self.verticalScrollBar().sizeHint().width(), frame)

    def sizeHint(self) -> QSize:
        inner = self.widget()
        return inner.sizeHint() + self._extra() if inner is not None else super().sizeHint()

    def minimumSizeHint(self) -> QSize:
        inner = self.widget()
        if inner is None:
            return super().minimumSizeHint()
        least = inner.minimumSizeHint()
        return QSize(least.width(), min(least.height(), SHORTEST_BODY)) + self._extra()


class _KeepInRoom(QObject):
    """Keeps a form no taller than the window it belongs to (or the screen) when it shows."""

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() is QEvent.Type.Show and isinstance(watched, QWidget):
            fit_in_room(watched)
        return False


def room_for(dialog: QWidget) -> int:
    """How tall a form may be: the height of its window, or of the screen without one."""
    parent = dialog.parentWidget()
    if parent is not None and parent.window().isVisible():
        return parent.window().height()
    screen = dialog.screen()
    return screen.availableGeometry().height() if screen is not None else 600


def fit_in_room(dialog: QWidget) -> None:
    """As tall as the form asks, up to :func:`room_for` (its body scrolls for the rest)."""
    for body in dialog.findChildren(FormBody):
        inner = body.widget()
        if inner is not None and inner.layout() is not None:
            inner.layout().activate()  # type: ignore[union-attr]  # what just appeared counts
    layout = dialog.layout()
    if layout is not None:
        layout.activate()
        # A width the form set itself is no narrower than its body needs (larger type).
        dialog.setMinimumWidth(max(dialog.minimumWidth(), layout.minimumSize().width()))
    wanted = max(dialog.sizeHint().height(), dialog.height())
    height = max(min(wanted, room_for(dialog)), dialog.minimumSizeHint().height())
    width = max(dialog.width(), dialog.minimumWidth())
    if height != dialog.height() or width != dialog.width():
        dialog.resize(width, height)


Form = TypeVar("Form", bound=QWidget)


def in_place_of(previous: QWidget | None, form: Form) -> Form:
    """``form``, which takes the place of ``previous`` (the last form of its kind, or None):
    a closed ``previous`` is released now, an open one once it closes (one deleted already is
    left be), so the forms a page keeps never grow with use. The page keeps ``form``
    (readable after it closes) until the next one opens."""
    if previous is not None and previous is not form and isValid(previous):
        if previous.isVisible():
            from PySide6.QtCore import Qt  # noqa: PLC0415  # (see ElidedLabel.paintEvent)

            previous.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        else:
            previous.deleteLater()
    return form


def scrolling_form(dialog: QDialog, layout: QBoxLayout) -> QVBoxLayout:
    """Move everything ``layout`` (the form's own) holds into a :class:`FormBody`, and return
    the form's new layout below it, for the lines and buttons that stay in view."""
    if dialog.layout() is not layout:
        raise ValueError("the form's body must be the dialog's own layout")
    margins = layout.contentsMargins()
    spacing = layout.spacing()
    body = FormBody(dialog)
    inner = QWidget()
    inner.setLayout(layout)  # takes the layout, and its widgets, off the dialog
    layout.setContentsMargins(0, 0, 0, 0)
    body.setWidget(inner)
    outer = QVBoxLayout(dialog)
    outer.setContentsMargins(margins)
    outer.setSpacing(spacing if spacing >= 0 else 10)
    outer.addWidget(body, 1)
    keeper = _KeepInRoom(dialog)
    dialog.installEventFilter(keeper)
    return outer


def dialog_footer(
    dialog: QDialog,
    layout: QBoxLayout,
    save_text: str,
    submit: Callable[[], object],
    *,
    status: QWidget | None = None,
) -> tuple[QLabel, ActionButton]:
    """The bottom of a form dialog, always in view under the form's body (``layout``, which
    scrolls when the screen is short): ``status`` (a verdict the form keeps up to date), a line
    for what is wrong (hidden until needed), then Cancel (Esc) and the primary Save (Ctrl+S,
    and Enter). Returns the line and the Save button."""
    footer = scrolling_form(dialog, layout)
    if status is not None:
        footer.addWidget(status)
    problems = label("", "error")
    problems.hide()
    footer.addWidget(problems)
    buttons = QHBoxLayout()
    buttons.addStretch()
    cancel = ActionButton("", "Esc", dialog.reject, dialog)
    say_button(cancel, CANCEL)
    buttons.addWidget(cancel)
    save = ActionButton("", "Ctrl+S", submit, dialog, primary=True)
    say_button(save, save_text)  # the form's own words, in the language spoken
    buttons.addWidget(save)
    # Enter in a field saves (and says what is wrong); it never cancels the form and loses
    # what was typed, as it did when Cancel, the first button, was the dialog's default.
    cancel.setAutoDefault(False)
    save.setDefault(True)
    footer.addLayout(buttons)
    return problems, save
