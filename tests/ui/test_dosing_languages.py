"""The dose form in Spanish: the protocol's range, a dose outside it, one above the hard limit
and a missing weight are said in Spanish, typed and pressed as staff would."""

from __future__ import annotations

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from kapdesk.core.dosing import check_dose
from kapdesk.core.protocols import DoseDefaults
from kapdesk.ui.language import Language
from kapdesk.ui.main_window import MainWindow
from kapdesk.ui.words import translated
from tests.ui.test_dosing import _correct_dose, _dose_form, _type
from tests.ui.test_journey_flow import _give_dose, _open_session


def test_the_dose_form_says_its_range_and_refusals_in_spanish(
    qtbot: QtBot, window: MainWindow, language: Language
) -> None:
    _open_session(qtbot, window, protocol_id="iv-ketamine")
    language.speak("es")
    dialog = _dose_form(qtbot, window)
    assert dialog.rules_line.text() == "Habitual 0.5–0.75 mg/kg, límite 1 mg/kg"
    qtbot.keyClick(dialog.weight, Qt.Key.Key_Return)  # no weight yet
    assert dialog.error.text() == "Una dosis en mg/kg necesita el peso del paciente en kg."
    _type(qtbot, dialog.weight, "80")
    _type(qtbot, dialog.amount, "0.9")
    assert dialog.status.text() == (
        "Fuera del rango habitual: 0.9 mg/kg está por encima del rango habitual de "
        "0.5–0.75 mg/kg. Decide un prescriptor, con un motivo."
    )
    _type(qtbot, dialog.amount, "0.3")
    assert dialog.status.text().startswith(
        "Fuera del rango habitual: 0.3 mg/kg está por debajo del rango habitual"
    )
    _type(qtbot, dialog.amount, "1.5")
    assert dialog.status.text() == (
        "No se registrará: 1.5 mg/kg en esta sesión superaría el límite máximo del "
        "protocolo de 1 mg/kg."
    )
    qtbot.keyClick(dialog.amount, Qt.Key.Key_Return)  # refused: the form stays
    assert dialog.isVisible()
    language.speak("fr")
    assert dialog.status.text().startswith("Ne sera pas enregistrée")
    assert "dépasserait la limite maximale du protocole de 1 mg/kg" in dialog.status.text()
    assert dialog.rules_line.text() == "Habituel 0.5–0.75 mg/kg, limite 1 mg/kg"
    language.speak("en")
    assert dialog.rules_line.text() == "Usual 0.5–0.75 mg/kg, limit 1 mg/kg"
    assert dialog.status.text() == (
        "Will not be recorded: 1.5 mg/kg in this session would pass the protocol's hard "
        "limit of 1 mg/kg."
    )
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)


def test_every_reason_a_dose_check_gives_is_said_in_spanish(language: Language) -> None:
    rules = DoseDefaults(
        amount=0.5, unit="mg/kg", route="IV", usual_min=0.5, usual_max=0.75, hard_limit=1.0
    )
    language.speak("es")
    said = {
        translated(check_dose(rules, amount, weight, unit=unit, given=given).why)
        for amount, weight, unit, given in (
            (0, 70, None, 0),
            (0.5, 70, "mg", 0),
            (0.5, 70, "", 0),
            (0.5, 7, None, 0),
            (0.2, 70, None, 0.1),
            (0.3, 70, None, 0.5),
        )
    }
    assert said == {
        "una dosis necesita una cantidad mayor que cero",
        "este protocolo dosifica en mg/kg; no se puede registrar una dosis en mg",
        "este protocolo dosifica en mg/kg; no se puede registrar una dosis sin unidad",
        "un peso de 7 kg no permite a kapdesk calcular la dosis; acepta de 20 a 300 kg",
        "0.2 mg/kg más suma 0.3 mg/kg en esta sesión, por debajo del rango habitual de "
        "0.5–0.75 mg/kg",
        "0.3 mg/kg más suma 0.8 mg/kg en esta sesión, por encima del rango habitual de "
        "0.5–0.75 mg/kg",
    }


def test_the_dose_correction_says_its_refusals_in_spanish(
    qtbot: QtBot, window: MainWindow, language: Language
) -> None:
    _open_session(qtbot, window, protocol_id="iv-ketamine")
    _give_dose(qtbot, window, amount="0.5", weight="70", lot="KET-1")
    language.speak("es")
    dialog = _correct_dose(qtbot, window)
    _type(qtbot, dialog.amount, "1.5")
    assert "No se guardará: 1.5 mg/kg en esta sesión superaría el límite máximo del " in (
        dialog.dose_status.text()
    )
    assert not dialog.save.isEnabled()
    _type(qtbot, dialog.amount, "0.5")
    _type(qtbot, dialog.weight, "7")
    qtbot.keyClicks(dialog.reason, "pesado de nuevo")
    qtbot.mouseClick(dialog.save, Qt.MouseButton.LeftButton)
    assert dialog.isVisible()
    assert dialog.problems.text() == (
        "Un peso de 7 kg no permite a kapdesk calcular la dosis; acepta de 20 a 300 kg."
    )
    language.speak("en")
    assert dialog.problems.text() == (
        "A weight of 7 kg is not one kapdesk can dose by; it takes 20 to 300 kg."
    )
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
