"""kapdesk's words in Spanish and French: the catalogues are whole and are what ships, the
pages translated so far speak the language chosen and switch without losing anything, and no
page gains words that do not go through the translation system."""

from __future__ import annotations

import ast
import importlib.util
import shutil
from pathlib import Path
from types import ModuleType

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from kapdesk.core.clock import FakeClock
from kapdesk.core.units import environment_language
from kapdesk.core.words import QT_TRANSLATE_NOOP
from kapdesk.storage.first_look import FirstLook
from kapdesk.storage.staff import TOO_MANY
from kapdesk.ui import theme
from kapdesk.ui.calm_screen import CalmScreen
from kapdesk.ui.early_page import EarlyPage
from kapdesk.ui.first_admin_view import FirstAdminView
from kapdesk.ui.language import Language, language_of
from kapdesk.ui.start_view import StartView
from kapdesk.ui.start_window import StartWindow
from kapdesk.ui.words import translated

ROOT = Path(__file__).resolve().parents[2]


def _tool() -> ModuleType:
    """packaging/catalogues.py: the catalogues' own tool (not a package of its own)."""
    spec = importlib.util.spec_from_file_location(
        "catalogues", ROOT / "packaging" / "catalogues.py"
    )
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


i18n = _tool()

LEFT = Qt.MouseButton.LeftButton


def test_the_compiled_catalogues_are_those_their_sources_make(tmp_path: Path) -> None:
    for made in i18n.release(tmp_path):
        shipped = i18n.CATALOGUES / made.name
        assert shipped.read_bytes() == made.read_bytes(), (
            f"run: python packaging/catalogues.py release ({made.name})"
        )


def test_every_word_marked_in_the_code_has_its_spanish_and_french(tmp_path: Path) -> None:
    """lupdate run afresh over the code into copies of the catalogues finds nothing new and
    nothing left untranslated (a word added without a translation fails here)."""
    copies = tmp_path / "i18n"
    shutil.copytree(i18n.CATALOGUES, copies)
    i18n.update(copies)
    for language in i18n.LANGUAGES:
        assert i18n.missing(language, copies) == [], (
            f"run: python packaging/catalogues.py update, then fill the {language} words"
        )


def test_the_language_is_the_clinics_else_the_pcs_else_english() -> None:
    from PySide6.QtCore import QLocale  # noqa: PLC0415

    assert language_of("fr", QLocale("es_MX")) == "fr"
    assert language_of("", QLocale("es_MX")) == "es"
    assert language_of("", QLocale("de_DE")) == "en"
    assert environment_language({"LANG": "es_ES.UTF-8"}) == "es"
    assert environment_language({"LANGUAGE": "fr_CA:en", "LANG": "en_US.UTF-8"}) == "fr"
    assert environment_language({"LC_ALL": "C"}) == "en"
    assert environment_language({}) == "en"


def test_the_sign_in_speaks_spanish_and_switches_without_losing_what_is_typed(
    qtbot: QtBot, language: Language, clock: FakeClock
) -> None:
    calm = CalmScreen(clock)
    qtbot.addWidget(calm)
    calm.names_of = lambda: ["Robin Hale", "Ana Moreno"]
    calm.resize(1024, 600)
    calm.show()
    calm.start()
    qtbot.mouseClick(calm, LEFT)  # the pad
    assert calm.hint.text() == "Tap your name and type your PIN"
    assert language.speak("es")
    assert calm.hint.text() == "Toque su nombre y escriba su PIN"
    assert calm.pin.placeholderText() == "PIN"
    qtbot.keyClicks(calm.pin, "48")
    qtbot.keyClick(calm.pin, Qt.Key.Key_Return)
    assert calm.message.text() == "Primero toque su nombre."
    assert language.speak("fr")  # switched with the pad open: what is typed stays
    assert calm.message.text() == "Touchez d'abord votre nom."
    assert calm.hint.text() == "Touchez votre nom et saisissez votre code"
    assert calm.pin.text() == "48"
    assert language.speak("en")
    assert calm.message.text() == "Tap your name first."


def test_the_cores_messages_are_said_in_the_language_with_their_values(
    qtbot: QtBot, language: Language, clock: FakeClock
) -> None:
    calm = CalmScreen(clock)
    qtbot.addWidget(calm)
    refusal = TOO_MANY.format(seconds="30")
    assert refusal == "Too many wrong PINs: try again in 30 s."  # English to logs and callers
    calm.refuse(refusal)
    language.speak("es")
    assert calm.message.text() == "Demasiados PIN incorrectos: inténtelo de nuevo en 30 s."
    unknown = QT_TRANSLATE_NOOP("Nowhere", "Words no catalogue has")
    assert translated(unknown) == "Words no catalogue has"  # said in English, never lost


def test_the_first_admins_page_and_the_start_page_speak_french(
    qtbot: QtBot, language: Language
) -> None:
    language.speak("fr")
    page = FirstAdminView()
    qtbot.addWidget(page)
    start = StartView()
    qtbot.addWidget(start)
    page.show()
    assert "Créer le compte d'administration" in page.create_button.text()
    assert page.create_button.text().endswith("Ctrl+S")  # the key's name as ever
    assert page.form.roles[next(iter(page.form.roles))].text() == "Accompagnant"
    qtbot.keyClicks(page.form.name, "Ana Moreno")
    qtbot.keyClicks(page.form.pin, "1234")
    qtbot.keyClicks(page.form.again, "1234")
    qtbot.mouseClick(page.create_button, LEFT)
    assert page.error.text() == (
        "Un code de chiffres qui se suivent (comme 1234) est trop facile à deviner."
    )
    assert start.status.text() == "Ouverture du dossier…"
    start.show_problem("the disk is full", "/var/log/kapdesk")
    assert start.title.text() == "kapdesk ne peut pas ouvrir ses dossiers"
    advice = start.advice
    assert advice is not None
    assert advice.text().endswith("le journal dans /var/log/kapdesk.")


# -- no new words around the translation system -------------------------------------------------

# Calls whose first argument is text staff read on screen.
TEXT_CALLS = frozenset(
    {
        "setText",
        "setPlaceholderText",
        "setToolTip",
        "setWindowTitle",
        "label",
        "QLabel",
        "QPushButton",
        "QCheckBox",
        "QRadioButton",
        "QGroupBox",
        "ActionButton",
        "addItem",
        "addRow",
        "setTabText",
        "addTab",
    }
)
# Pages whose words all go through the translation system: none may be added to this list
# without it, and none may lose it. The others are counted below until they join.
TRANSLATED = frozenset(
    {
        "account_form.py",
        "backup_section.py",
        "banner.py",
        "board_window.py",
        "breathing_dialog.py",
        "calm_screen.py",
        "close_dialog.py",
        "close_policy.py",
        "course_chart.py",
        "course_view.py",
        "dialogs.py",
        "discharge_dialog.py",
        "early_page.py",
        "first_admin_view.py",
        "followups_view.py",
        "history_view.py",
        "idle_lock.py",
        "integration_view.py",
        "journey_cards.py",
        "journey_refusals.py",
        "journey_view.py",
        "language.py",
        "library_files.py",
        "library_measure.py",
        "library_playlists.py",
        "library_read.py",
        "library_scan.py",
        "library_soundtracks.py",
        "library_tracks.py",
        "library_view.py",
        "notices.py",
        "observation_panel.py",
        "page_routes.py",
        "phase_bar.py",
        "practice_band.py",
        "preparation_panel.py",
        "print_job.py",
        "questionnaire_dialog.py",
        "room_backups.py",
        "setup_view.py",
        "sign_in.py",
        "sound_panel.py",
        "soundtrack_dialog.py",
        "staff_view.py",
        "start_view.py",
        "storage_ops.py",
        "summary_view.py",
        "text_rows.py",
        "timeline_view.py",
        "vitals_chart.py",
        "vitals_dialog.py",
        "widgets.py",
        "window_parts.py",
        "words.py",
    }
)


# Text that is the same in every language: the product's name, a key's letter.
NOT_WORDS = frozenset({"kapdesk", "C"})


def untranslated(source: str) -> list[int]:
    """Lines where a text call is given English words as they are (a literal or an f-string
    holding words), not through the translation system."""
    found = []
    for node in ast.walk(ast.parse(source)):
        if not isinstance(node, ast.Call) or not node.args:
            continue
        name = (
            node.func.attr if isinstance(node.func, ast.Attribute) else getattr(node.func, "id", "")
        )
        if name not in TEXT_CALLS:
            continue
        first = node.args[0]
        if isinstance(first, ast.Constant) and isinstance(first.value, str):
            words = first.value
        elif isinstance(first, ast.JoinedStr):
            words = "".join(
                str(part.value) for part in first.values if isinstance(part, ast.Constant)
            )
        else:
            continue
        if any(ch.isalpha() for ch in words) and words.strip() not in NOT_WORDS:
            found.append(node.lineno)
    return found


def test_the_check_finds_words_given_as_they_are() -> None:
    assert untranslated('label("Dose given")\nb.setText(f"Next: {x}")\n') == [1, 2]
    assert untranslated('say(w, QT_TRANSLATE_NOOP("X", "Dose"))\nlabel("")\nlabel("✓")\n') == []


def test_the_translated_pages_give_no_words_as_they_are() -> None:
    for name in sorted(TRANSLATED):
        lines = untranslated((ROOT / "kapdesk" / "ui" / name).read_text(encoding="utf-8"))
        assert lines == [], (
            f"kapdesk/ui/{name}: words not through the translation system at {lines}"
        )


# Words given as they are, file by file, in pages not yet translated: every page is now, so none
# may be given (a page added before its words are may be listed here with its count, which may
# then only go down).
NOT_YET: dict[str, int] = {}


def test_no_page_gains_words_outside_the_translation_system() -> None:
    counts = {}
    for path in sorted((ROOT / "kapdesk").rglob("*.py")):
        found = untranslated(path.read_text(encoding="utf-8"))
        if found:
            counts[str(path.relative_to(ROOT / "kapdesk"))] = len(found)
    grown = {name: n for name, n in counts.items() if n > NOT_YET.get(name, 0)}
    assert grown == {}, (
        "words added without going through the translation system (say/QT_TRANSLATE_NOOP)"
    )
    fewer = {name: n for name, n in NOT_YET.items() if counts.get(name, 0) < n}
    assert fewer == {}, "fewer words outside the translation system: lower NOT_YET to match"


def test_the_longer_spanish_words_fit_the_smallest_screen(
    qtbot: QtBot, qapp: QApplication, language: Language, clock: FakeClock
) -> None:
    """The first admin's form as the start window shows it, at 1024x600, in Spanish."""
    theme.apply(qapp)  # the room's type, as large as it is on screen
    language.speak("es")
    shell = StartWindow()
    qtbot.addWidget(shell)
    shell.show_early(EarlyPage(FirstLook(first_admin=True), clock, shell))
    shell.resize(1024, 600)
    shell.show()
    qtbot.waitExposed(shell)
    page = shell.centralWidget()
    assert isinstance(page, FirstAdminView)
    qtbot.waitUntil(lambda: page.width() == 1024)
    clipped = [
        box.text() for box in page.form.roles.values() if box.width() < box.sizeHint().width()
    ]
    assert clipped == []
    assert page.create_button.width() >= page.create_button.sizeHint().width()
