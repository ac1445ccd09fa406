<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="es_ES">
<context>
    <name>AccountForm</name>
    <message>
        <source>First and last name, as colleagues know them</source>
        <translation>Nombre y apellido, como lo conocen sus colegas</translation>
    </message>
    <message>
        <source>Empty keeps the PIN; or a new one</source>
        <translation>Vacío conserva el PIN; o escriba uno nuevo</translation>
    </message>
    <message>
        <source>4 to 8 digits</source>
        <translation>De 4 a 8 dígitos</translation>
    </message>
    <message>
        <source>The same PIN again</source>
        <translation>El mismo PIN otra vez</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nombre</translation>
    </message>
    <message>
        <source>Roles</source>
        <translation>Funciones</translation>
    </message>
    <message>
        <source>PIN</source>
        <translation>PIN</translation>
    </message>
    <message>
        <source>PIN again</source>
        <translation>Repetir PIN</translation>
    </message>
    <message>
        <source>Type the person's name.</source>
        <translation>Escriba el nombre de la persona.</translation>
    </message>
    <message>
        <source>Tick at least one role.</source>
        <translation>Marque al menos una función.</translation>
    </message>
    <message>
        <source>The two PINs are not the same; type them again.</source>
        <translation>Los dos PIN no coinciden; escríbalos de nuevo.</translation>
    </message>
</context>
<context>
    <name>AmendDialog</name>
    <message>
        <source>Correct an entry</source>
        <translation>Corregir una entrada</translation>
    </message>
    <message>
        <source>Now: {text}</source>
        <translation>Ahora: {text}</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Nota</translation>
    </message>
    <message>
        <source>Systolic BP</source>
        <translation>PA sistólica</translation>
    </message>
    <message>
        <source>Diastolic BP</source>
        <translation>PA diastólica</translation>
    </message>
    <message>
        <source>Heart rate</source>
        <translation>Frecuencia cardíaca</translation>
    </message>
    <message>
        <source>SpO2</source>
        <translation>SpO2</translation>
    </message>
    <message>
        <source>Respiratory rate</source>
        <translation>Frecuencia respiratoria</translation>
    </message>
    <message>
        <source>Temperature</source>
        <translation>Temperatura</translation>
    </message>
    <message>
        <source>Temperature ({unit})</source>
        <translation>Temperatura ({unit})</translation>
    </message>
    <message>
        <source>e.g. typed 170 for 70</source>
        <translation>p. ej., 170 por 70</translation>
    </message>
    <message>
        <source>Why</source>
        <translation>Motivo</translation>
    </message>
    <message>
        <source>Corrected by</source>
        <translation>Corregido por</translation>
    </message>
    <message>
        <source>Save correction</source>
        <translation>Guardar corrección</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>Cantidad</translation>
    </message>
    <message>
        <source>Weight ({unit})</source>
        <translation>Peso ({unit})</translation>
    </message>
    <message>
        <source>Lot number</source>
        <translation>Número de lote</translation>
    </message>
    <message>
        <source>Will not be saved: {why}.</source>
        <translation>No se guardará: {why}.</translation>
    </message>
    <message>
        <source>Outside the usual range: {why}. {refusal}.</source>
        <translation>Fuera del rango habitual: {why}. {refusal}.</translation>
    </message>
    <message>
        <source>Outside the usual range: {why}. Say why as the prescriber decides.</source>
        <translation>Fuera del rango habitual: {why}. Indique el motivo según decida el prescriptor.</translation>
    </message>
    <message>
        <source>= {total} mg total</source>
        <translation>= {total} mg en total</translation>
    </message>
    <message>
        <source>{total}. {verdict}</source>
        <translation>{total}. {verdict}</translation>
    </message>
    <message>
        <source>A dose needs an amount above zero.</source>
        <translation>Una dosis necesita una cantidad mayor que cero.</translation>
    </message>
    <message>
        <source>{why}.</source>
        <translation>{why}.</translation>
    </message>
    <message>
        <source>{refusal}. A prescriber corrects a dose to this amount.</source>
        <translation>{refusal}. Un prescriptor corrige una dosis a esta cantidad.</translation>
    </message>
    <message>
        <source>Say why the entry is being corrected.</source>
        <translation>Indique por qué se corrige la entrada.</translation>
    </message>
    <message>
        <source>A note cannot be corrected to nothing; say so in the reason instead.</source>
        <translation>Una nota no puede quedar vacía; indíquelo en el motivo.</translation>
    </message>
</context>
<context>
    <name>BackupSection</name>
    <message>
        <source>Anyone who has the drive or the share can read every patient's record in an unencrypted backup. Leave this off unless the backup folder is itself locked away.</source>
        <translation>Cualquiera que tenga la unidad o la carpeta compartida puede leer el expediente de cada paciente en una copia sin cifrar. Deje esto desactivado salvo que la carpeta de copias esté bajo llave.</translation>
    </message>
    <message>
        <source>No backup was made after the last session closed. {problem}</source>
        <translation>No se hizo ninguna copia al cerrarse la última sesión. {problem}</translation>
    </message>
    <message>
        <source>No backup was made today. {problem}</source>
        <translation>Hoy no se hizo ninguna copia. {problem}</translation>
    </message>
    <message>
        <source>No backup was made. {problem}</source>
        <translation>No se hizo ninguna copia. {problem}</translation>
    </message>
    <message>
        <source>No backup was made on {when}. {problem}</source>
        <translation>No se hizo ninguna copia el {when}. {problem}</translation>
    </message>
    <message>
        <source>Backed up and checked: {file}.</source>
        <translation>Copia hecha y verificada: {file}.</translation>
    </message>
    <message>
        <source>None yet.</source>
        <translation>Ninguna todavía.</translation>
    </message>
    <message numerus="yes">
        <source>{when} · {size} · %n session|{when} · {size} · %n sessions</source>
        <translation><numerusform>{when} · {size} · %n sesión</numerusform><numerusform>{when} · {size} · %n sesiones</numerusform></translation></message>
    <message>
        <source>{file}, in {folder}</source>
        <translation>{file}, en {folder}</translation>
    </message>
    <message>
        <source>Back up now</source>
        <translation>Hacer copia ahora</translation>
    </message>
    <message>
        <source>Backing up…</source>
        <translation>Haciendo copia…</translation>
    </message>
    <message>
        <source>The clinic server's own tools back up this room's records (see docs/backup.md).</source>
        <translation>Las herramientas del propio servidor de la clínica respaldan los registros de esta sala (vea docs/backup.md).</translation>
    </message>
    <message>
        <source>Backup folder</source>
        <translation>Carpeta de copias</translation>
    </message>
    <message>
        <source>Passphrase</source>
        <translation>Frase de contraseña</translation>
    </message>
    <message>
        <source>Backup passphrase</source>
        <translation>Frase de contraseña de las copias</translation>
    </message>
    <message>
        <source>Backups are encrypted with this passphrase. Keep a copy on paper somewhere safe: a backup cannot be restored without it.</source>
        <translation>Las copias se cifran con esta frase de contraseña. Guarde una copia en papel en un lugar seguro: sin ella no se puede restaurar una copia.</translation>
    </message>
    <message>
        <source>Again</source>
        <translation>Repetir</translation>
    </message>
    <message>
        <source>Keep</source>
        <translation>Guardar</translation>
    </message>
    <message>
        <source>The two passphrases are not the same.</source>
        <translation>Las dos frases de contraseña no coinciden.</translation>
    </message>
    <message>
        <source>e.g. /media/usb/kapdesk (empty: no backups)</source>
        <translation>p. ej. /media/usb/kapdesk (vacío: sin copias)</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>Elegir…</translation>
    </message>
    <message>
        <source>Keep backups unencrypted</source>
        <translation>Guardar las copias sin cifrar</translation>
    </message>
    <message>
        <source>Set backup passphrase…</source>
        <translation>Definir frase de contraseña…</translation>
    </message>
    <message>
        <source>BACKUPS</source>
        <translation>COPIAS DE SEGURIDAD</translation>
    </message>
    <message>
        <source>Encryption</source>
        <translation>Cifrado</translation>
    </message>
    <message>
        <source>Backups kept</source>
        <translation>Copias guardadas</translation>
    </message>
    <message>
        <source>Last good backup</source>
        <translation>Última copia correcta</translation>
    </message>
    <message>
        <source> daily</source>
        <translation> diarias</translation>
    </message>
    <message>
        <source> weekly</source>
        <translation> semanales</translation>
    </message>
    <message>
        <source> monthly</source>
        <translation> mensuales</translation>
    </message>
    <message>
        <source>Making a backup and checking it. The session goes on meanwhile.</source>
        <translation>Haciendo una copia y verificándola. La sesión continúa mientras tanto.</translation>
    </message>
</context>
<context>
    <name>Backups</name>
    <message>
        <source>No backup of this PC's records has been made yet.</source>
        <translation>Todavía no se ha hecho ninguna copia de los registros de este PC.</translation>
    </message>
    <message>
        <source>The last good backup is {days} days old: check the backup folder is there and has room.</source>
        <translation>La última copia correcta tiene {days} días: compruebe que la carpeta de copias está disponible y tiene espacio.</translation>
    </message>
    <message>
        <source>No backup folder is set: an admin sets one on “This room PC”.</source>
        <translation>No hay carpeta de copias: un administrador la define en “Este PC de sala”.</translation>
    </message>
    <message>
        <source>This room's records are on the clinic server: the server's own tools back them up (see docs/backup.md).</source>
        <translation>Los registros de esta sala están en el servidor de la clínica: las herramientas del propio servidor hacen las copias (consulte docs/backup.md).</translation>
    </message>
    <message>
        <source>The backup could not be made because of an unexpected fault; kapdesk's log has the details. Earlier backups were kept.</source>
        <translation>No se pudo hacer la copia por un fallo inesperado; el registro de kapdesk tiene los detalles. Se conservaron las copias anteriores.</translation>
    </message>
    <message>
        <source>No backup passphrase is set: an admin sets one on “This room PC” (or chooses to keep backups unencrypted).</source>
        <translation>No hay frase de contraseña de copias: un administrador la define en “Este PC de sala” (o elige guardar las copias sin cifrar).</translation>
    </message>
    <message>
        <source>No backups are made on this PC yet: set a backup folder on “This room PC”.</source>
        <translation>Todavía no se hacen copias en este PC: defina una carpeta de copias en “Este PC de sala”.</translation>
    </message>
    <message>
        <source>The backup folder {folder} is not there (drive unplugged or share not mounted).</source>
        <translation>La carpeta de copias {folder} no está disponible (unidad desconectada o recurso compartido no montado).</translation>
    </message>
    <message>
        <source>The backup folder {folder} is not a folder.</source>
        <translation>La carpeta de copias {folder} no es una carpeta.</translation>
    </message>
    <message>
        <source>The backup folder {folder} cannot be reached ({error}).</source>
        <translation>No se puede acceder a la carpeta de copias {folder} ({error}).</translation>
    </message>
    <message>
        <source>The backup folder {folder} is on the same disk as the record: if that disk fails, the backups go with it (is the drive unplugged or the share not mounted?).</source>
        <translation>La carpeta de copias {folder} está en el mismo disco que los registros: si ese disco falla, las copias se pierden con él (¿está desconectada la unidad o sin montar el recurso compartido?).</translation>
    </message>
    <message>
        <source>The backup folder {folder} is full: make room there or choose another folder. The earlier backups were kept.</source>
        <translation>La carpeta de copias {folder} está llena: libere espacio o elija otra carpeta. Se conservaron las copias anteriores.</translation>
    </message>
    <message>
        <source>The backup folder {folder} cannot be written (it is read-only or kapdesk may not write there). The earlier backups were kept.</source>
        <translation>No se puede escribir en la carpeta de copias {folder} (es de solo lectura o kapdesk no tiene permiso). Se conservaron las copias anteriores.</translation>
    </message>
    <message>
        <source>The backup folder {folder} went away while the backup was written (drive unplugged or share lost). The earlier backups were kept.</source>
        <translation>La carpeta de copias {folder} dejó de estar disponible mientras se escribía la copia (unidad desconectada o recurso compartido perdido). Se conservaron las copias anteriores.</translation>
    </message>
    <message>
        <source>The backup to {folder} failed ({error}). The earlier backups were kept.</source>
        <translation>Falló la copia en {folder} ({error}). Se conservaron las copias anteriores.</translation>
    </message>
    <message>
        <source>This database is not backed up by kapdesk: {how}.</source>
        <translation>kapdesk no hace copias de esta base de datos: {how}.</translation>
    </message>
    <message>
        <source>on PostgreSQL the server's own tools back it up (pg_dump, pgBackRest): see docs/backup.md</source>
        <translation>en PostgreSQL, las herramientas del propio servidor hacen las copias (pg_dump, pgBackRest): consulte docs/backup.md</translation>
    </message>
    <message>
        <source>This database is not a file kapdesk can back up.</source>
        <translation>Esta base de datos no es un archivo del que kapdesk pueda hacer copia.</translation>
    </message>
    <message>
        <source>The database is not encrypted, so it has no key of its own: a backup passphrase is needed to encrypt its backups.</source>
        <translation>La base de datos no está cifrada, así que no tiene clave propia: se necesita una frase de contraseña de copias para cifrar sus copias.</translation>
    </message>
    <message>
        <source>The database is encrypted: its backups are encrypted with its own key (asked for {asked}).</source>
        <translation>La base de datos está cifrada: sus copias se cifran con su propia clave (se pidió {asked}).</translation>
    </message>
    <message>
        <source>No backup passphrase is set: an admin sets one on "This room PC" (or chooses unencrypted backups).</source>
        <translation>No hay frase de contraseña de copias: un administrador la define en "Este PC de sala" (o elige copias sin cifrar).</translation>
    </message>
    <message>
        <source>Another backup of this record has been under way for a long time; this one was not made.</source>
        <translation>Otra copia de estos registros lleva mucho tiempo en curso; esta no se hizo.</translation>
    </message>
    <message>
        <source>the OS keyring cannot keep it ({error})</source>
        <translation>el llavero del sistema no puede guardarla ({error})</translation>
    </message>
    <message>
        <source>The backup {name} cannot be opened ({error}).</source>
        <translation>No se puede abrir la copia {name} ({error}).</translation>
    </message>
    <message>
        <source>The backup {name} is damaged ({found}).</source>
        <translation>La copia {name} está dañada ({found}).</translation>
    </message>
    <message>
        <source>The backup {name} cannot be read ({error}).</source>
        <translation>No se puede leer la copia {name} ({error}).</translation>
    </message>
    <message>
        <source>the passphrase does not open it, or it is damaged</source>
        <translation>la frase de contraseña no la abre, o está dañada</translation>
    </message>
    <message>
        <source>The backup just written is not marked as encrypted the way it was asked ({asked}); it was not kept.</source>
        <translation>La copia recién escrita no está marcada como cifrada de la forma pedida ({asked}); no se conservó.</translation>
    </message>
    <message>
        <source>The backup just written does not hold what the database held ({found} instead of {expected}); it was not kept.</source>
        <translation>La copia recién escrita no contiene lo que contenía la base de datos ({found} en lugar de {expected}); no se conservó.</translation>
    </message>
</context>
<context>
    <name>Board</name>
    <message>
        <source>Patient hidden</source>
        <translation>Paciente oculto</translation>
    </message>
    <message>
        <source>Unnamed room</source>
        <translation>Sala sin nombre</translation>
    </message>
    <message>
        <source>Session open</source>
        <translation>Sesión abierta</translation>
    </message>
    <message>
        <source>The board cannot read this session's protocol: look on the room PC</source>
        <translation>El tablero no puede leer el protocolo de esta sesión: mire en el PC de la sala</translation>
    </message>
    <message>
        <source>Finished</source>
        <translation>Terminada</translation>
    </message>
    <message>
        <source>Not dosed yet</source>
        <translation>Sin dosis todavía</translation>
    </message>
    <message>
        <source>{check}: not taken</source>
        <translation>{check}: no tomados</translation>
    </message>
    <message>
        <source>{check}: overdue by {late}</source>
        <translation>{check}: con {late} de retraso</translation>
    </message>
    <message>
        <source>{check}: due now</source>
        <translation>{check}: toca ahora</translation>
    </message>
    <message>
        <source>Vitals: all checks done</source>
        <translation>Signos vitales: todos los controles hechos</translation>
    </message>
    <message>
        <source>Next {check}, in {wait}</source>
        <translation>Próximos {check}, en {wait}</translation>
    </message>
    <message>
        <source>Next: {check}</source>
        <translation>Siguiente: {check}</translation>
    </message>
    <message>
        <source>Vitals at {minutes} min</source>
        <translation>Signos vitales a los {minutes} min</translation>
    </message>
    <message>
        <source>vitals at {minutes} min</source>
        <translation>signos vitales a los {minutes} min</translation>
    </message>
    <message>
        <source>Vitals {when}</source>
        <translation>Signos vitales {when}</translation>
    </message>
    <message>
        <source>vitals {when}</source>
        <translation>signos vitales {when}</translation>
    </message>
    <message>
        <source>{label} before dosing</source>
        <translation>{label} antes de la dosis</translation>
    </message>
    <message>
        <source>{label} before discharge</source>
        <translation>{label} antes del alta</translation>
    </message>
    <message>
        <source>just now</source>
        <translation>ahora mismo</translation>
    </message>
    <message>
        <source>{minutes} ago</source>
        <translation>hace {minutes}</translation>
    </message>
    <message>
        <source>{what} ({ago})</source>
        <translation>{what} ({ago})</translation>
    </message>
    <message>
        <source>No vitals yet</source>
        <translation>Sin signos vitales todavía</translation>
    </message>
    <message>
        <source>Quiet</source>
        <translation>Silencio</translation>
    </message>
    <message>
        <source>Music: {title}</source>
        <translation>Música: {title}</translation>
    </message>
    <message>
        <source>No music</source>
        <translation>Sin música</translation>
    </message>
    <message>
        <source>a track</source>
        <translation>una pista</translation>
    </message>
    <message>
        <source>No word from this room's PC for {minutes}: it may be offline. What is shown may be behind.</source>
        <translation>Sin noticias del PC de esta sala desde hace {minutes}: puede estar sin conexión. Lo que se muestra puede estar atrasado.</translation>
    </message>
    <message numerus="yes">
        <source>This room's PC has %n entry waiting to reach the server.|This room's PC has %n entries waiting to reach the server.</source>
        <translation><numerusform>El PC de esta sala tiene %n registro pendiente de llegar al servidor.</numerusform><numerusform>El PC de esta sala tiene %n registros pendientes de llegar al servidor.</numerusform></translation></message>
    <message>
        <source>The clinic board cannot reach the clinic server.</source>
        <translation>El tablero de la clínica no puede conectar con el servidor de la clínica.</translation>
    </message>
    <message>
        <source>The clinic board finds no kapdesk records yet: they appear once a room PC has started on them.</source>
        <translation>El tablero de la clínica aún no encuentra registros de kapdesk: aparecen en cuanto un PC de sala empieza a usarlos.</translation>
    </message>
    <message>
        <source>The clinic board cannot read the database: it is damaged or not a kapdesk database.</source>
        <translation>El tablero de la clínica no puede leer la base de datos: está dañada o no es una base de datos de kapdesk.</translation>
    </message>
    <message>
        <source>The clinic board cannot read the database: it has become read-only.</source>
        <translation>El tablero de la clínica no puede leer la base de datos: ha pasado a ser de solo lectura.</translation>
    </message>
    <message>
        <source>The clinic board cannot read the database: it is on a full disk.</source>
        <translation>El tablero de la clínica no puede leer la base de datos: está en un disco lleno.</translation>
    </message>
    <message>
        <source>The clinic board cannot read the database: it is busy.</source>
        <translation>El tablero de la clínica no puede leer la base de datos: está ocupada.</translation>
    </message>
    <message>
        <source>The clinic board cannot read the database: it failed.</source>
        <translation>El tablero de la clínica no puede leer la base de datos: ha fallado.</translation>
    </message>
</context>
<context>
    <name>BoardWindow</name>
    <message>
        <source>Free</source>
        <translation>Libre</translation>
    </message>
    <message>
        <source>Last vitals: {vitals}</source>
        <translation>Últimos signos vitales: {vitals}</translation>
    </message>
    <message>
        <source>⚑ {flag}</source>
        <translation>⚑ {flag}</translation>
    </message>
    <message>
        <source>{problem} Showing the rooms as they were at {time}; trying again.</source>
        <translation>{problem} Se muestran las salas como estaban a las {time}; se vuelve a intentar.</translation>
    </message>
    <message>
        <source>Live</source>
        <translation>En vivo</translation>
    </message>
    <message>
        <source>Live (updates as rooms record)</source>
        <translation>En vivo (se actualiza cuando las salas registran)</translation>
    </message>
    <message numerus="yes">
        <source>%n session cannot be shown.|%n sessions cannot be shown.</source>
        <translation><numerusform>%n sesión no se puede mostrar.</numerusform><numerusform>%n sesiones no se pueden mostrar.</numerusform></translation></message>
    <message>
        <source>kapdesk · Clinic board</source>
        <translation>kapdesk · Tablero de la clínica</translation>
    </message>
    <message>
        <source>Clinic board</source>
        <translation>Tablero de la clínica</translation>
    </message>
    <message>
        <source>Reading the rooms…</source>
        <translation>Leyendo las salas…</translation>
    </message>
    <message>
        <source>No room has run a session in the last 30 days. Rooms appear here as soon as they open one.</source>
        <translation>Ninguna sala ha tenido una sesión en los últimos 30 días. Las salas aparecen aquí en cuanto abren una.</translation>
    </message>
    <message>
        <source>Read-only: sessions are run in their rooms.   Esc closes · F11 full screen</source>
        <translation>Solo lectura: las sesiones se llevan en sus salas.   Esc cierra · F11 pantalla completa</translation>
    </message>
</context>
<context>
    <name>Breathwork</name>
    <message>
        <source>Breathe in</source>
        <translation>Inhale</translation>
    </message>
    <message>
        <source>Hold</source>
        <translation>Sostenga</translation>
    </message>
    <message>
        <source>Breathe out</source>
        <translation>Exhale</translation>
    </message>
    <message>
        <source>Rest</source>
        <translation>Descanse</translation>
    </message>
    <message>
        <source>Box breathing 4-4-4-4</source>
        <translation>Respiración cuadrada 4-4-4-4</translation>
    </message>
    <message>
        <source>In for 4, hold for 4, out for 4, rest for 4.</source>
        <translation>Inhale en 4, sostenga 4, exhale en 4, descanse 4.</translation>
    </message>
    <message>
        <source>4-7-8 breathing</source>
        <translation>Respiración 4-7-8</translation>
    </message>
    <message>
        <source>In through the nose for 4, hold for 7, out through the mouth for 8.</source>
        <translation>Inhale por la nariz en 4, sostenga 7, exhale por la boca en 8.</translation>
    </message>
    <message>
        <source>Slow even breathing 5-5</source>
        <translation>Respiración lenta y pareja 5-5</translation>
    </message>
    <message>
        <source>In for 5, out for 5: six breaths a minute.</source>
        <translation>Inhale en 5, exhale en 5: seis respiraciones por minuto.</translation>
    </message>
    <message>
        <source>Breathwork</source>
        <translation>Respiración guiada</translation>
    </message>
    <message numerus="yes">
        <source>{time} · %n breath|{time} · %n breaths</source>
        <translation><numerusform>{time} · %n respiración</numerusform><numerusform>{time} · %n respiraciones</numerusform></translation></message>
    <message>
        <source>Cancel</source>
        <translation>Cancelar</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>Listo</translation>
    </message>
</context>
<context>
    <name>CalmScreen</name>
    <message>
        <source>Tap or press a key to unlock</source>
        <translation>Toque la pantalla o pulse una tecla para desbloquear</translation>
    </message>
    <message>
        <source>Tap or press a key to return</source>
        <translation>Toque la pantalla o pulse una tecla para volver</translation>
    </message>
    <message>
        <source>Staff accounts cannot be read right now. Tap to try again.</source>
        <translation>No se pueden leer las cuentas del personal en este momento. Toque para intentarlo de nuevo.</translation>
    </message>
    <message>
        <source>Tap your name and type your PIN</source>
        <translation>Toque su nombre y escriba su PIN</translation>
    </message>
    <message>
        <source>PIN</source>
        <translation>PIN</translation>
    </message>
    <message>
        <source>Tap your name first.</source>
        <translation>Primero toque su nombre.</translation>
    </message>
    <message>
        <source>Type your PIN.</source>
        <translation>Escriba su PIN.</translation>
    </message>
</context>
<context>
    <name>ClinicSettings</name>
    <message>
        <source>a number of minutes from 0 (never) to 120</source>
        <translation>un número de minutos de 0 (nunca) a 120</translation>
    </message>
    <message>
        <source>a loudness in LUFS from {low} (quieter) to {high} (louder), such as {usual}</source>
        <translation>una sonoridad en LUFS de {low} (más bajo) a {high} (más alto), por ejemplo {usual}</translation>
    </message>
    <message>
        <source>one of {allowed}</source>
        <translation>uno de {allowed}</translation>
    </message>
    <message>
        <source>"{first}" or "{second}"</source>
        <translation>"{first}" o "{second}"</translation>
    </message>
    <message>
        <source>must be {expected}; "{value}" is not</source>
        <translation>debe ser {expected}; "{value}" no lo es</translation>
    </message>
    <message>
        <source>must be a locale name like "en_US"; "{region}" is not</source>
        <translation>debe ser un nombre de configuración regional como "en_US"; "{region}" no lo es</translation>
    </message>
    <message>
        <source>must be a list of days like ["mon", "tue", "wed", "thu", "fri"]</source>
        <translation>debe ser una lista de días como ["mon", "tue", "wed", "thu", "fri"]</translation>
    </message>
    <message>
        <source>{day} is not a day: write mon, tue, wed, thu, fri, sat, sun</source>
        <translation>{day} no es un día: escriba mon, tue, wed, thu, fri, sat, sun</translation>
    </message>
    <message>
        <source>must be a slug like "{example}"; "{id}" is not</source>
        <translation>debe ser un identificador como "{example}"; "{id}" no lo es</translation>
    </message>
    <message>
        <source>"{id}" is used twice</source>
        <translation>"{id}" se usa dos veces</translation>
    </message>
    <message>
        <source>a whole number of days from 0 to 365</source>
        <translation>un número entero de días de 0 a 365</translation>
    </message>
    <message>
        <source>at most {most} follow-ups; there are {count}</source>
        <translation>como máximo {most} seguimientos; hay {count}</translation>
    </message>
    <message>
        <source>must be at least earliest_days ({earliest})</source>
        <translation>debe ser al menos earliest_days ({earliest})</translation>
    </message>
    <message>
        <source>must be a list of questions, as text</source>
        <translation>debe ser una lista de preguntas, como texto</translation>
    </message>
    <message>
        <source>at most {most} breathing patterns; there are {count}</source>
        <translation>como máximo {most} patrones de respiración; hay {count}</translation>
    </message>
    <message>
        <source>a list of [what, seconds] pairs like [["in", 4], ["out", 6]]; what is {allowed}</source>
        <translation>una lista de pares [what, seconds] como [["in", 4], ["out", 6]]; what es {allowed}</translation>
    </message>
    <message>
        <source>at most {most} steps; there are {count}</source>
        <translation>como máximo {most} pasos; hay {count}</translation>
    </message>
    <message>
        <source>must be a [what, seconds] pair; what is {allowed}</source>
        <translation>debe ser un par [what, seconds]; what es {allowed}</translation>
    </message>
    <message>
        <source>{what} is not one of {allowed}</source>
        <translation>{what} no es uno de {allowed}</translation>
    </message>
    <message>
        <source>the seconds must be a number from 0.5 to 60</source>
        <translation>los segundos deben ser un número de 0.5 a 60</translation>
    </message>
    <message>
        <source>needs a step breathing in</source>
        <translation>necesita un paso de inhalación</translation>
    </message>
</context>
<context>
    <name>CloseDialog</name>
    <message>
        <source>Close the session early</source>
        <translation>Cerrar la sesión antes de tiempo</translation>
    </message>
    <message>
        <source>Close the session</source>
        <translation>Cerrar la sesión</translation>
    </message>
    <message>
        <source>Close the session early?</source>
        <translation>¿Cerrar la sesión antes de tiempo?</translation>
    </message>
    <message>
        <source>Close the session?</source>
        <translation>¿Cerrar la sesión?</translation>
    </message>
    <message>
        <source>Why it closes early (goes on the record)</source>
        <translation>Por qué se cierra antes (queda en el registro)</translation>
    </message>
    <message>
        <source>Reason (needed to close early)</source>
        <translation>Motivo (necesario para cerrar antes)</translation>
    </message>
    <message>
        <source>Note (optional)</source>
        <translation>Nota (opcional)</translation>
    </message>
    <message>
        <source>Keep it open   Esc</source>
        <translation>Mantenerla abierta   Esc</translation>
    </message>
    <message>
        <source>Close early   Enter</source>
        <translation>Cerrar antes   Enter</translation>
    </message>
    <message>
        <source>Close session   Enter</source>
        <translation>Cerrar sesión   Enter</translation>
    </message>
    <message>
        <source>{refusal}. Switch user (Ctrl+Shift+L): what is typed here is kept.</source>
        <translation>{refusal}. Cambie de usuario (Ctrl+Shift+L): lo escrito aquí se conserva.</translation>
    </message>
    <message>
        <source>Say why the session ends early; it goes on the record.</source>
        <translation>Indique por qué la sesión termina antes; queda en el registro.</translation>
    </message>
</context>
<context>
    <name>ClosePolicy</name>
    <message>
        <source>A session is open: press Ctrl+Shift+Q again to close kapdesk. The session goes on when kapdesk starts again.</source>
        <translation>Hay una sesión abierta: pulse Ctrl+Shift+Q de nuevo para cerrar kapdesk. La sesión continúa cuando kapdesk vuelva a iniciarse.</translation>
    </message>
    <message>
        <source>kapdesk runs full screen here: staff close it with Ctrl+Shift+Q.</source>
        <translation>kapdesk funciona aquí a pantalla completa: el personal lo cierra con Ctrl+Shift+Q.</translation>
    </message>
    <message>
        <source>Entries of this session are held only in memory (this PC cannot keep them on its disk): closing kapdesk now loses them. Close again to do so.</source>
        <translation>Las anotaciones de esta sesión solo están en la memoria (este PC no puede guardarlas en su disco): si cierra kapdesk ahora, se pierden. Cierre de nuevo para hacerlo.</translation>
    </message>
</context>
<context>
    <name>CourseChart</name>
    <message>
        <source>No PHQ-9 or GAD-7 yet</source>
        <translation>Aún no hay PHQ-9 ni GAD-7</translation>
    </message>
</context>
<context>
    <name>CourseView</name>
    <message>
        <source>Date</source>
        <translation>Fecha</translation>
    </message>
    <message>
        <source>Protocol</source>
        <translation>Protocolo</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Estado</translation>
    </message>
    <message>
        <source>Taken at</source>
        <translation>Momento</translation>
    </message>
    <message>
        <source>Questionnaire</source>
        <translation>Cuestionario</translation>
    </message>
    <message>
        <source>Score</source>
        <translation>Puntuación</translation>
    </message>
    <message>
        <source>Band</source>
        <translation>Nivel</translation>
    </message>
    <message>
        <source>opened</source>
        <translation>abierta, sin dosis</translation>
    </message>
    <message>
        <source>running</source>
        <translation>en curso</translation>
    </message>
    <message>
        <source>closed</source>
        <translation>cerrada</translation>
    </message>
    <message>
        <source>preparation</source>
        <translation>preparación</translation>
    </message>
    <message>
        <source>follow-up</source>
        <translation>seguimiento</translation>
    </message>
    <message>
        <source>Course · session {session}</source>
        <translation>Ciclo · sesión {session}</translation>
    </message>
    <message>
        <source>Questionnaires · {patient}</source>
        <translation>Cuestionarios · {patient}</translation>
    </message>
    <message numerus="yes">
        <source>Course · {patient} · {held} of %n session|Course · {patient} · {held} of %n sessions</source>
        <translation><numerusform>Ciclo · {patient} · {held} de %n sesión</numerusform><numerusform>Ciclo · {patient} · {held} de %n sesiones</numerusform></translation></message>
    <message numerus="yes">
        <source>Started {day}. %n session planned.|Started {day}. %n sessions planned.</source>
        <translation><numerusform>Iniciado el {day}. %n sesión prevista.</numerusform><numerusform>Iniciado el {day}. %n sesiones previstas.</numerusform></translation></message>
    <message>
        <source>Not part of a course: the patient's sessions and questionnaires.</source>
        <translation>Fuera de un ciclo: las sesiones y los cuestionarios del paciente.</translation>
    </message>
    <message>
        <source>Loading the course…</source>
        <translation>Cargando el ciclo…</translation>
    </message>
    <message>
        <source>{instrument} (corrected)</source>
        <translation>{instrument} (corregido)</translation>
    </message>
    <message>
        <source>{total} of {most}</source>
        <translation>{total} de {most}</translation>
    </message>
    <message>
        <source>Saved: {instrument} {total} of {most}, {band}.</source>
        <translation>Guardado: {instrument} {total} de {most}, {band}.</translation>
    </message>
    <message>
        <source>Saved: {instrument} {total} of {most}, {band}. {flags}</source>
        <translation>Guardado: {instrument} {total} de {most}, {band}. {flags}</translation>
    </message>
    <message>
        <source>{problem} Nothing was saved.</source>
        <translation>{problem} No se guardó nada.</translation>
    </message>
    <message>
        <source>Back</source>
        <translation>Volver</translation>
    </message>
    <message>
        <source>Sessions</source>
        <translation>Sesiones</translation>
    </message>
    <message>
        <source>Questionnaires</source>
        <translation>Cuestionarios</translation>
    </message>
    <message>
        <source>Trend</source>
        <translation>Evolución</translation>
    </message>
    <message>
        <source>The course</source>
        <translation>El ciclo</translation>
    </message>
    <message>
        <source>The questionnaires</source>
        <translation>Los cuestionarios</translation>
    </message>
    <message>
        <source>The questionnaire</source>
        <translation>El cuestionario</translation>
    </message>
</context>
<context>
    <name>Coverage</name>
    <message>
        <source>{phases}: no music (bed only)</source>
        <translation>{phases}: sin música (solo fondo)</translation>
    </message>
    <message>
        <source>{phases} is {minutes} short</source>
        <translation>A {phases} le faltan {minutes}</translation>
    </message>
    <message>
        <source>{phases} are {minutes} short</source>
        <translation>A {phases} les faltan {minutes}</translation>
    </message>
    <message>
        <source>{phases}: {music} of music for {planned}</source>
        <translation>{phases}: {music} de música para {planned}</translation>
    </message>
    <message numerus="yes">
        <source>{line} (%n track of unknown length)|{line} (%n tracks of unknown length)</source>
        <translation><numerusform>{line} (%n pista de duración desconocida)</numerusform><numerusform>{line} (%n pistas de duración desconocida)</numerusform></translation></message>
</context>
<context>
    <name>DataFolder</name>
    <message>
        <source>user {uid}</source>
        <translation>usuario {uid}</translation>
    </message>
    <message>
        <source>this account</source>
        <translation>esta cuenta</translation>
    </message>
    <message>
        <source>The data folder {folder} is not a folder (a file has its name). IT support: move that file away, or start kapdesk with --data-dir elsewhere.</source>
        <translation>La carpeta de datos {folder} no es una carpeta (un archivo tiene su nombre). Soporte informático: mueva ese archivo a otro lugar, o inicie kapdesk con --data-dir en otra ubicación.</translation>
    </message>
    <message>
        <source>The data folder {folder} cannot be opened: this account ({user}) is not allowed into it, so kapdesk cannot read or write its records. IT support: give {user} access to it (it should belong to {user}, readable by {user} only), or start kapdesk as the account that owns it.</source>
        <translation>No se puede abrir la carpeta de datos {folder}: esta cuenta ({user}) no tiene permiso para entrar en ella, así que kapdesk no puede leer ni escribir sus registros. Soporte informático: dé acceso a {user} (la carpeta debe pertenecer a {user} y solo {user} debe poder leerla), o inicie kapdesk con la cuenta propietaria.</translation>
    </message>
    <message>
        <source>The data folder {folder} cannot be read: {error}.</source>
        <translation>No se puede leer la carpeta de datos {folder}: {error}.</translation>
    </message>
    <message>
        <source>The disk holding kapdesk's data folder {folder} is read-only (mounted read-only, write-protected, or switched to read-only after a disk error): nothing new can be recorded, so kapdesk does not open. IT support: make that disk writable again (check it for errors first), then press Try again.</source>
        <translation>El disco que contiene la carpeta de datos de kapdesk {folder} es de solo lectura (montado como solo lectura, protegido contra escritura o pasado a solo lectura tras un error de disco): no se puede registrar nada nuevo, así que kapdesk no se abre. Soporte informático: vuelva a permitir la escritura en ese disco (primero revise si tiene errores) y luego pulse Intentar de nuevo.</translation>
    </message>
    <message>
        <source>The disk holding kapdesk's data folder {folder} is full: there is no room to record a session, so kapdesk does not open. Free space on that disk (IT support can: old downloads, the trash; never the files in the data folder), then press Try again.</source>
        <translation>El disco que contiene la carpeta de datos de kapdesk {folder} está lleno: no hay espacio para registrar una sesión, así que kapdesk no se abre. Libere espacio en ese disco (el soporte informático puede hacerlo: descargas antiguas, la papelera; nunca los archivos de la carpeta de datos) y luego pulse Intentar de nuevo.</translation>
    </message>
    <message>
        <source>This account ({user}) may not write in the data folder {folder}: nothing new can be recorded, so kapdesk does not open. IT support: give {user} write access to the folder and the files in it, then press Try again.</source>
        <translation>Esta cuenta ({user}) no puede escribir en la carpeta de datos {folder}: no se puede registrar nada nuevo, así que kapdesk no se abre. Soporte informático: dé a {user} permiso de escritura en la carpeta y en sus archivos y luego pulse Intentar de nuevo.</translation>
    </message>
    <message>
        <source>Nothing can be written in the data folder {folder}: {error}. IT support: check the disk and the folder, then press Try again.</source>
        <translation>No se puede escribir nada en la carpeta de datos {folder}: {error}. Soporte informático: revise el disco y la carpeta y luego pulse Intentar de nuevo.</translation>
    </message>
</context>
<context>
    <name>Discharge</name>
    <message>
        <source>Vital signs</source>
        <translation>Signos vitales</translation>
    </message>
    <message>
        <source>Within 20% of baseline</source>
        <translation>Dentro del 20% del basal</translation>
    </message>
    <message>
        <source>20-40% from baseline</source>
        <translation>A 20-40% del basal</translation>
    </message>
    <message>
        <source>More than 40% from baseline</source>
        <translation>A más del 40% del basal</translation>
    </message>
    <message>
        <source>Alert and oriented</source>
        <translation>Alerta y orientado</translation>
    </message>
    <message>
        <source>Drowsy, rouses easily</source>
        <translation>Somnoliento, despierta con facilidad</translation>
    </message>
    <message>
        <source>Confused or hard to rouse</source>
        <translation>Confundido o difícil de despertar</translation>
    </message>
    <message>
        <source>Dissociation</source>
        <translation>Disociación</translation>
    </message>
    <message>
        <source>Back to usual self</source>
        <translation>Como de costumbre</translation>
    </message>
    <message>
        <source>Some dreaminess left</source>
        <translation>Aún algo soñador</translation>
    </message>
    <message>
        <source>Still dissociated</source>
        <translation>Aún disociado</translation>
    </message>
    <message>
        <source>Walking</source>
        <translation>Marcha</translation>
    </message>
    <message>
        <source>Walks steadily</source>
        <translation>Camina con firmeza</translation>
    </message>
    <message>
        <source>Walks with help</source>
        <translation>Camina con ayuda</translation>
    </message>
    <message>
        <source>Cannot walk yet</source>
        <translation>Aún no puede caminar</translation>
    </message>
    <message>
        <source>Nausea</source>
        <translation>Náuseas</translation>
    </message>
    <message>
        <source>None or minimal</source>
        <translation>Ninguna o mínimas</translation>
    </message>
    <message>
        <source>Moderate, treated</source>
        <translation>Moderadas, tratadas</translation>
    </message>
    <message>
        <source>Severe, vomiting</source>
        <translation>Intensas, vómitos</translation>
    </message>
    <message>
        <source>Comfort and mood</source>
        <translation>Comodidad y ánimo</translation>
    </message>
    <message>
        <source>Settled, comfortable</source>
        <translation>Tranquilo, cómodo</translation>
    </message>
    <message>
        <source>Some distress</source>
        <translation>Algo de malestar</translation>
    </message>
    <message>
        <source>Distressed, needs care</source>
        <translation>Angustiado, necesita atención</translation>
    </message>
    <message>
        <source>Vital signs: more than 40% from baseline</source>
        <translation>Signos vitales: a más del 40% del basal</translation>
    </message>
    <message>
        <source>Alert and oriented: confused or hard to rouse</source>
        <translation>Alerta y orientado: confundido o difícil de despertar</translation>
    </message>
    <message>
        <source>Dissociation: still dissociated</source>
        <translation>Disociación: aún disociado</translation>
    </message>
    <message>
        <source>Walking: cannot walk yet</source>
        <translation>Marcha: aún no puede caminar</translation>
    </message>
    <message>
        <source>Nausea: severe, vomiting</source>
        <translation>Náuseas: intensas, vómitos</translation>
    </message>
    <message>
        <source>Comfort and mood: distressed, needs care</source>
        <translation>Comodidad y ánimo: angustiado, necesita atención</translation>
    </message>
    <message>
        <source>{item}: not scored</source>
        <translation>{item}: sin puntuar</translation>
    </message>
    <message>
        <source>Score {total} of {most}: {needed} needed</source>
        <translation>Puntuación {total} de {most}: se necesitan {needed}</translation>
    </message>
    <message>
        <source>No escort present: the patient must not leave alone</source>
        <translation>Nadie lo lleva a casa: el paciente no debe irse solo</translation>
    </message>
    <message>
        <source>No baseline reading before dosing to compare with.</source>
        <translation>No hay lectura basal antes de la dosis para comparar.</translation>
    </message>
    <message>
        <source>Take vital signs now: none since dosing.</source>
        <translation>Tome los signos vitales ahora: ninguno desde la dosis.</translation>
    </message>
    <message>
        <source>The readings share no blood pressure or pulse to compare.</source>
        <translation>Las lecturas no tienen presión arterial ni pulso en común para comparar.</translation>
    </message>
    <message>
        <source>Now {latest}; baseline {baseline}: at most {change} off.</source>
        <translation>Ahora {latest}; basal {baseline}: diferencia máxima {change}.</translation>
    </message>
</context>
<context>
    <name>DischargeDialog</name>
    <message>
        <source>Ready to leave?</source>
        <translation>¿Listo para irse?</translation>
    </message>
    <message>
        <source>Each item scores 2, 1 or 0. Ready at {ready} of {most} with no item at 0 and an escort present.</source>
        <translation>Cada punto vale 2, 1 o 0. Listo con {ready} de {most}, ningún punto en 0 y alguien que lo lleve a casa.</translation>
    </message>
    <message>
        <source>Score it yourself: {why}</source>
        <translation>Puntúelo usted: {why}</translation>
    </message>
    <message>
        <source>{total} of {most}: {verdict}.</source>
        <translation>{total} de {most}: {verdict}.</translation>
    </message>
    <message>
        <source>{total} of {most}, not ready yet: {reasons}</source>
        <translation>{total} de {most}, aún no está listo: {reasons}</translation>
    </message>
    <message>
        <source>Answer the protocol's questions: {questions}</source>
        <translation>Responda las preguntas del protocolo: {questions}</translation>
    </message>
    <message>
        <source>2 points</source>
        <translation>2 puntos</translation>
    </message>
    <message>
        <source>1 point</source>
        <translation>1 punto</translation>
    </message>
    <message>
        <source>0 points</source>
        <translation>0 puntos</translation>
    </message>
    <message>
        <source>An escort is here to take the patient home</source>
        <translation>Hay alguien aquí para llevar al paciente a casa</translation>
    </message>
    <message>
        <source>Save check</source>
        <translation>Guardar evaluación</translation>
    </message>
    <message>
        <source>Yes</source>
        <translation>Sí</translation>
    </message>
    <message>
        <source>No</source>
        <translation>No</translation>
    </message>
    <message>
        <source>The protocol also asks</source>
        <translation>El protocolo también pregunta</translation>
    </message>
</context>
<context>
    <name>DoseDialog</name>
    <message>
        <source>{refusal}. Switch user (Ctrl+Shift+L): what is typed here is kept.</source>
        <translation>{refusal}. Cambie de usuario (Ctrl+Shift+L): lo escrito aquí se conserva.</translation>
    </message>
    <message>
        <source>Record dose   Enter</source>
        <translation>Registrar dosis   Enter</translation>
    </message>
    <message>
        <source>Record the dose</source>
        <translation>Registrar la dosis</translation>
    </message>
    <message>
        <source>Record an extra dose</source>
        <translation>Registrar una dosis adicional</translation>
    </message>
    <message>
        <source>Dose given</source>
        <translation>Dosis administrada</translation>
    </message>
    <message>
        <source>Extra dose</source>
        <translation>Dosis adicional</translation>
    </message>
    <message>
        <source>The journey clock starts at 0:00 when you record it.</source>
        <translation>El reloj de la sesión empieza en 0:00 al registrarla.</translation>
    </message>
    <message>
        <source>Given so far in this session: {amount} {unit}.</source>
        <translation>Administrado en esta sesión: {amount} {unit}.</translation>
    </message>
    <message>
        <source>Given so far in this session: nothing counted.</source>
        <translation>Administrado en esta sesión: nada registrado.</translation>
    </message>
    <message>
        <source>Not ticked before dosing: {steps}.</source>
        <translation>Sin marcar antes de la dosis: {steps}.</translation>
    </message>
    <message>
        <source>{concern}.</source>
        <translation>{concern}.</translation>
    </message>
    <message>
        <source>e.g. rechecked after 10 min of rest; agreed with Dr …</source>
        <translation>p. ej., nueva toma tras 10 min de reposo; acordado con el Dr. …</translation>
    </message>
    <message>
        <source>Amount in {unit}</source>
        <translation>Cantidad en {unit}</translation>
    </message>
    <message>
        <source>Weight in {unit}</source>
        <translation>Peso en {unit}</translation>
    </message>
    <message>
        <source>Weight ({unit})</source>
        <translation>Peso ({unit})</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>Cantidad</translation>
    </message>
    <message>
        <source>Switch user   Ctrl+Shift+L</source>
        <translation>Cambiar de usuario   Ctrl+Shift+L</translation>
    </message>
    <message>
        <source>the prescriber's reason, e.g. partial response at 0.5</source>
        <translation>el motivo del prescriptor, p. ej., respuesta parcial con 0.5</translation>
    </message>
    <message>
        <source>Why outside the usual range</source>
        <translation>Motivo fuera del rango habitual</translation>
    </message>
    <message>
        <source>from the vial or device</source>
        <translation>del vial o dispositivo</translation>
    </message>
    <message>
        <source>Route</source>
        <translation>Vía</translation>
    </message>
    <message>
        <source>Lot number</source>
        <translation>Número de lote</translation>
    </message>
    <message>
        <source>Given by</source>
        <translation>Administrada por</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Nota</translation>
    </message>
    <message>
        <source>Why dose anyway</source>
        <translation>Por qué administrar igual</translation>
    </message>
    <message>
        <source>Cancel   Esc</source>
        <translation>Cancelar   Esc</translation>
    </message>
    <message>
        <source>Not recorded: over the {limit} {unit} limit</source>
        <translation>No registrada: supera el límite de {limit} {unit}</translation>
    </message>
    <message>
        <source>Needs a prescriber's decision</source>
        <translation>Requiere decisión del prescriptor</translation>
    </message>
    <message>
        <source>{refusal}.</source>
        <translation>{refusal}.</translation>
    </message>
    <message>
        <source>Enter the weight for the total in mg</source>
        <translation>Escriba el peso para el total en mg</translation>
    </message>
    <message>
        <source>Weight: {low}–{high}</source>
        <translation>Peso: {low}–{high}</translation>
    </message>
    <message>
        <source>= {total} {unit} total</source>
        <translation>= {total} {unit} en total</translation>
    </message>
    <message>
        <source>Will not be recorded: {why}.</source>
        <translation>No se registrará: {why}.</translation>
    </message>
    <message>
        <source>Outside the usual range: {why}.</source>
        <translation>Fuera del rango habitual: {why}.</translation>
    </message>
    <message>
        <source>Outside the usual range: {why}. A prescriber decides, with a reason.</source>
        <translation>Fuera del rango habitual: {why}. Decide un prescriptor, con un motivo.</translation>
    </message>
    <message>
        <source>Enter the amount given.</source>
        <translation>Escriba la cantidad administrada.</translation>
    </message>
    <message>
        <source>Not recorded: {why}.</source>
        <translation>No registrada: {why}.</translation>
    </message>
    <message>
        <source>Say why the dose goes ahead with this blood pressure, or cancel and check it again after a rest.</source>
        <translation>Indique por qué se administra la dosis con esta presión arterial, o cancele y vuelva a medirla tras un reposo.</translation>
    </message>
    <message>
        <source>{refusal}. Switch user to a prescriber, or change the amount; what is typed here is kept.</source>
        <translation>{refusal}. Cambie a un usuario prescriptor o cambie la cantidad; lo escrito aquí se conserva.</translation>
    </message>
    <message>
        <source>Say why the dose goes outside the usual range: it goes on the record.</source>
        <translation>Indique por qué la dosis sale del rango habitual: queda en el registro.</translation>
    </message>
</context>
<context>
    <name>Dosing</name>
    <message>
        <source>a dose needs an amount above zero</source>
        <translation>una dosis necesita una cantidad mayor que cero</translation>
    </message>
    <message>
        <source>this protocol doses in {unit}; a dose in {given} cannot be recorded</source>
        <translation>este protocolo dosifica en {unit}; no se puede registrar una dosis en {given}</translation>
    </message>
    <message>
        <source>this protocol doses in {unit}; a dose in no unit cannot be recorded</source>
        <translation>este protocolo dosifica en {unit}; no se puede registrar una dosis sin unidad</translation>
    </message>
    <message>
        <source>a dose in {unit} needs the patient's weight in {weight}</source>
        <translation>una dosis en {unit} necesita el peso del paciente en {weight}</translation>
    </message>
    <message>
        <source>a weight of {weight} is not one kapdesk can dose by; it takes {low} to {high}</source>
        <translation>un peso de {weight} no permite a kapdesk calcular la dosis; acepta de {low} a {high}</translation>
    </message>
    <message>
        <source>{session} {unit} in this session would pass the protocol's hard limit of {limit} {unit}</source>
        <translation>{session} {unit} en esta sesión superaría el límite máximo del protocolo de {limit} {unit}</translation>
    </message>
    <message>
        <source>{amount} {unit} is below the usual {low}–{high} {unit}</source>
        <translation>{amount} {unit} está por debajo del rango habitual de {low}–{high} {unit}</translation>
    </message>
    <message>
        <source>{amount} {unit} is above the usual {low}–{high} {unit}</source>
        <translation>{amount} {unit} está por encima del rango habitual de {low}–{high} {unit}</translation>
    </message>
    <message>
        <source>{amount} {unit} more makes {session} {unit} in this session, which is below the usual {low}–{high} {unit}</source>
        <translation>{amount} {unit} más suma {session} {unit} en esta sesión, por debajo del rango habitual de {low}–{high} {unit}</translation>
    </message>
    <message>
        <source>{amount} {unit} more makes {session} {unit} in this session, which is above the usual {low}–{high} {unit}</source>
        <translation>{amount} {unit} más suma {session} {unit} en esta sesión, por encima del rango habitual de {low}–{high} {unit}</translation>
    </message>
    <message>
        <source>usual {low}–{high} {unit}, limit {limit} {unit}</source>
        <translation>habitual {low}–{high} {unit}, límite {limit} {unit}</translation>
    </message>
    <message>
        <source>usual {low}–{high} {unit}</source>
        <translation>habitual {low}–{high} {unit}</translation>
    </message>
    <message>
        <source>limit {limit} {unit}</source>
        <translation>límite {limit} {unit}</translation>
    </message>
</context>
<context>
    <name>Downtime</name>
    <message>
        <source>The PC's clock moved {span} forward while kapdesk was closed; the journey time is kept from the PC's uptime (closed {closed}).</source>
        <translation>El reloj del PC se adelantó {span} mientras kapdesk estaba cerrado; el tiempo de la sesión se mantiene según el tiempo de actividad del PC (cerrado {closed}).</translation>
    </message>
    <message>
        <source>The PC's clock moved {span} back while kapdesk was closed; the journey time is kept from the PC's uptime (closed {closed}).</source>
        <translation>El reloj del PC se atrasó {span} mientras kapdesk estaba cerrado; el tiempo de la sesión se mantiene según el tiempo de actividad del PC (cerrado {closed}).</translation>
    </message>
    <message>
        <source>The PC's clock was set back: it reads {span} before kapdesk's last entry. How long kapdesk was closed is unknown; the time goes on from the last entry.</source>
        <translation>El reloj del PC se atrasó: marca {span} antes de la última entrada de kapdesk. No se sabe cuánto tiempo estuvo cerrado kapdesk; el tiempo sigue desde la última entrada.</translation>
    </message>
    <message>
        <source>The PC's clock was set back: it reads {span} before kapdesk's last entry. How long kapdesk was closed is unknown (at least {least}); the time goes on from the last entry.</source>
        <translation>El reloj del PC se atrasó: marca {span} antes de la última entrada de kapdesk. No se sabe cuánto tiempo estuvo cerrado kapdesk (al menos {least}); el tiempo sigue desde la última entrada.</translation>
    </message>
    <message>
        <source>The PC restarted while kapdesk was closed; its clock says {span} passed, which nothing can check.</source>
        <translation>El PC se reinició mientras kapdesk estaba cerrado; su reloj indica que pasaron {span}, algo que nada puede comprobar.</translation>
    </message>
    <message>
        <source>Nothing can check the PC's clock, which says kapdesk was closed {span}.</source>
        <translation>Nada puede comprobar el reloj del PC, que indica que kapdesk estuvo cerrado {span}.</translation>
    </message>
    <message>
        <source>Its clock was then set forward {span}; the journey time followed it.</source>
        <translation>Después su reloj se adelantó {span}; el tiempo de la sesión lo siguió.</translation>
    </message>
    <message>
        <source>Its clock was then set back {span}; the journey time followed it.</source>
        <translation>Después su reloj se atrasó {span}; el tiempo de la sesión lo siguió.</translation>
    </message>
    <message>
        <source>kapdesk restarted and picked the session up again ({span} after the last event)</source>
        <translation>kapdesk se reinició y retomó la sesión ({span} después del último evento)</translation>
    </message>
    <message>
        <source>kapdesk restarted and picked the session up again</source>
        <translation>kapdesk se reinició y retomó la sesión</translation>
    </message>
    <message>
        <source>kapdesk restarted and picked the session up again after {closed} closed (by the PC's uptime)</source>
        <translation>kapdesk se reinició y retomó la sesión tras {closed} de cierre (según el tiempo de actividad del PC)</translation>
    </message>
    <message>
        <source>kapdesk restarted and picked the session up again after {closed} closed, by the PC's clock, which nothing could check</source>
        <translation>kapdesk se reinició y retomó la sesión tras {closed} de cierre, según el reloj del PC, que nada pudo comprobar</translation>
    </message>
    <message>
        <source>the PC's clock had moved {span} forward</source>
        <translation>el reloj del PC se había adelantado {span}</translation>
    </message>
    <message>
        <source>the PC's clock had moved {span} back</source>
        <translation>el reloj del PC se había atrasado {span}</translation>
    </message>
    <message>
        <source>the PC's clock had been set back, so how long it was closed is unknown (at least {closed})</source>
        <translation>el reloj del PC se había atrasado, así que no se sabe cuánto tiempo estuvo cerrado (al menos {closed})</translation>
    </message>
    <message>
        <source>the PC's clock had been set back {span} or more, so how long it was closed is unknown (at least {closed})</source>
        <translation>el reloj del PC se había atrasado {span} o más, así que no se sabe cuánto tiempo estuvo cerrado (al menos {closed})</translation>
    </message>
    <message>
        <source>journey time not vouched</source>
        <translation>tiempo de la sesión sin garantía</translation>
    </message>
</context>
<context>
    <name>EarlyPage</name>
    <message>
        <source>Opening the records…</source>
        <translation>Abriendo los registros…</translation>
    </message>
</context>
<context>
    <name>FirstAdminView</name>
    <message>
        <source>Welcome to kapdesk</source>
        <translation>Bienvenido a kapdesk</translation>
    </message>
    <message>
        <source>First, the clinic's admin account. The admin adds the rest of the staff, each with their own PIN, and can read the audit trail. Tick the roles this person also has in the room: recording a dose takes a nurse or a prescriber.</source>
        <translation>Primero, la cuenta de administración de la clínica. Quien administra añade al resto del personal, cada persona con su propio PIN, y puede leer el registro de auditoría. Marque también las funciones que esta persona tiene en la sala: para registrar una dosis hace falta una enfermera o un prescriptor.</translation>
    </message>
    <message>
        <source>Create the admin account</source>
        <translation>Crear la cuenta de administración</translation>
    </message>
</context>
<context>
    <name>FollowUpsView</name>
    <message>
        <source>Due</source>
        <translation>Fecha</translation>
    </message>
    <message>
        <source>Patient</source>
        <translation>Paciente</translation>
    </message>
    <message>
        <source>Item</source>
        <translation>Tarea</translation>
    </message>
    <message>
        <source>Assigned to</source>
        <translation>Asignado a</translation>
    </message>
    <message>
        <source>Session</source>
        <translation>Sesión</translation>
    </message>
    <message>
        <source>Follow-ups</source>
        <translation>Seguimientos</translation>
    </message>
    <message>
        <source>Loading follow-ups…</source>
        <translation>Cargando seguimientos…</translation>
    </message>
    <message>
        <source>booked {day}</source>
        <translation>reservado: {day}</translation>
    </message>
    <message>
        <source>{window} (past)</source>
        <translation>{window} (vencido)</translation>
    </message>
    <message>
        <source>any time</source>
        <translation>en cualquier momento</translation>
    </message>
    <message>
        <source>Follow-ups not done yet</source>
        <translation>Seguimientos pendientes</translation>
    </message>
    <message>
        <source>Back</source>
        <translation>Volver</translation>
    </message>
    <message>
        <source>Nothing is waiting: every plan is done.</source>
        <translation>No hay nada pendiente: todos los planes están completos.</translation>
    </message>
    <message>
        <source>Open the plan</source>
        <translation>Abrir el plan</translation>
    </message>
</context>
<context>
    <name>Handout</name>
    <message>
        <source>After your session</source>
        <translation>Después de su sesión</translation>
    </message>
    <message>
        <source>After your session · {day}</source>
        <translation>Después de su sesión · {day}</translation>
    </message>
    <message>
        <source>Your intention</source>
        <translation>Su intención</translation>
    </message>
    <message>
        <source>You did not write one down this time.</source>
        <translation>Esta vez no anotó ninguna.</translation>
    </message>
    <message>
        <source>For your journal</source>
        <translation>Para su diario</translation>
    </message>
    <message>
        <source>Tonight or tomorrow, take a quiet moment with these:</source>
        <translation>Esta noche o mañana, tómese un momento tranquilo con estas preguntas:</translation>
    </message>
    <message>
        <source>booked for {day}</source>
        <translation>reservada para el {day}</translation>
    </message>
    <message>
        <source>booked for {day}, {booking}</source>
        <translation>reservada para el {day}, {booking}</translation>
    </message>
    <message>
        <source>to book for {days}</source>
        <translation>para reservar: {days}</translation>
    </message>
    <message>
        <source>{first} to {last}</source>
        <translation>del {first} al {last}</translation>
    </message>
    <message>
        <source>When</source>
        <translation>Cuándo</translation>
    </message>
    <message>
        <source>With</source>
        <translation>Con</translation>
    </message>
    <message>
        <source>Your next appointments</source>
        <translation>Sus próximas citas</translation>
    </message>
    <message>
        <source>Looking after yourself</source>
        <translation>Cuidar de usted</translation>
    </message>
    <message>
        <source>Staying safe today</source>
        <translation>Su seguridad hoy</translation>
    </message>
    <message>
        <source>Do not drive, cycle or operate machinery until the next day, after a restful sleep.</source>
        <translation>No conduzca, no ande en bicicleta ni opere maquinaria hasta el día siguiente, después de dormir bien.</translation>
    </message>
    <message>
        <source>Do not drink alcohol or make important decisions today.</source>
        <translation>Hoy no beba alcohol ni tome decisiones importantes.</translation>
    </message>
    <message>
        <source>Let someone you trust keep you company for the rest of the day.</source>
        <translation>Pida a alguien de confianza que le acompañe el resto del día.</translation>
    </message>
    <message>
        <source>Who to call</source>
        <translation>A quién llamar</translation>
    </message>
    <message>
        <source>your clinic</source>
        <translation>su clínica</translation>
    </message>
    <message>
        <source>Questions? Call {clinic}.</source>
        <translation>¿Preguntas? Llame a {clinic}.</translation>
    </message>
    <message>
        <source>Questions? Call {clinic} on {phone}.</source>
        <translation>¿Preguntas? Llame a {clinic} al {phone}.</translation>
    </message>
    <message>
        <source>Patient {code} · printed {moment}</source>
        <translation>Paciente {code} · impreso el {moment}</translation>
    </message>
</context>
<context>
    <name>HistoryView</name>
    <message>
        <source>open, not dosed</source>
        <translation>abierta, sin dosis</translation>
    </message>
    <message>
        <source>open</source>
        <translation>abierta</translation>
    </message>
    <message>
        <source>closed</source>
        <translation>cerrada</translation>
    </message>
    <message>
        <source>Patient</source>
        <translation>Paciente</translation>
    </message>
    <message>
        <source>Protocol</source>
        <translation>Protocolo</translation>
    </message>
    <message>
        <source>Started</source>
        <translation>Inicio</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Estado</translation>
    </message>
    <message>
        <source>Past sessions</source>
        <translation>Sesiones anteriores</translation>
    </message>
    <message>
        <source>Loading past sessions…</source>
        <translation>Cargando sesiones anteriores…</translation>
    </message>
    <message>
        <source>No sessions yet.</source>
        <translation>Todavía no hay sesiones.</translation>
    </message>
    <message>
        <source>No session matches that code.</source>
        <translation>Ninguna sesión coincide con ese código.</translation>
    </message>
    <message>
        <source>Back</source>
        <translation>Volver</translation>
    </message>
    <message>
        <source>Find by patient code</source>
        <translation>Buscar por código de paciente</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Abrir</translation>
    </message>
</context>
<context>
    <name>Integration</name>
    <message>
        <source>Journal prompts</source>
        <translation>Preguntas para el diario</translation>
    </message>
    <message>
        <source>{first} to {last}</source>
        <translation>{first} a {last}</translation>
    </message>
</context>
<context>
    <name>IntegrationView</name>
    <message>
        <source>Done</source>
        <translation>Hecho</translation>
    </message>
    <message>
        <source>Item</source>
        <translation>Tarea</translation>
    </message>
    <message>
        <source>When</source>
        <translation>Cuándo</translation>
    </message>
    <message>
        <source>Assigned to</source>
        <translation>Asignado a</translation>
    </message>
    <message>
        <source>Booked</source>
        <translation>Cita</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Notas</translation>
    </message>
    <message>
        <source>Note, printed on the patient's handout with the booking</source>
        <translation>Nota, impresa en la hoja para el paciente con la cita</translation>
    </message>
    <message>
        <source>time, place, with whom</source>
        <translation>hora, lugar, con quién</translation>
    </message>
    <message>
        <source>A note saved with the booking date is printed on the handout.</source>
        <translation>Una nota guardada con la fecha de la cita se imprime en la hoja para el paciente.</translation>
    </message>
    <message>
        <source>Session {number} of {total}</source>
        <translation>Sesión {number} de {total}</translation>
    </message>
    <message>
        <source>Integration · {patient}</source>
        <translation>Integración · {patient}</translation>
    </message>
    <message>
        <source>Integration · session {session}</source>
        <translation>Integración · sesión {session}</translation>
    </message>
    <message>
        <source>The integration plan</source>
        <translation>El plan de integración</translation>
    </message>
    <message>
        <source>Loading the integration plan…</source>
        <translation>Cargando el plan de integración…</translation>
    </message>
    <message>
        <source>The plan's change</source>
        <translation>El cambio en el plan</translation>
    </message>
    <message>
        <source>{problem} Nothing was changed.</source>
        <translation>{problem} No se cambió nada.</translation>
    </message>
    <message>
        <source>Nothing to save: change the assignee, the date or add a note.</source>
        <translation>Nada que guardar: cambie la persona asignada, la fecha o añada una nota.</translation>
    </message>
    <message>
        <source>Saved: {item}</source>
        <translation>Guardado: {item}</translation>
    </message>
    <message>
        <source>Done by {name}</source>
        <translation>Hecho por {name}</translation>
    </message>
    <message>
        <source>handout</source>
        <translation>la hoja para el paciente</translation>
    </message>
    <message>
        <source>Save the patient's handout</source>
        <translation>Guardar la hoja para el paciente</translation>
    </message>
    <message>
        <source>Session record</source>
        <translation>Registro de la sesión</translation>
    </message>
    <message>
        <source>Print handout…</source>
        <translation>Imprimir hoja…</translation>
    </message>
    <message>
        <source>Handout PDF…</source>
        <translation>Hoja PDF…</translation>
    </message>
    <message>
        <source>Course</source>
        <translation>Ciclo</translation>
    </message>
    <message>
        <source>Back</source>
        <translation>Volver</translation>
    </message>
    <message>
        <source>Journal prompts for the patient</source>
        <translation>Preguntas para el diario del paciente</translation>
    </message>
    <message>
        <source>The plan</source>
        <translation>El plan</translation>
    </message>
    <message>
        <source>Assign to</source>
        <translation>Asignar a</translation>
    </message>
    <message>
        <source>Booked on</source>
        <translation>Cita el</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Guardar</translation>
    </message>
    <message>
        <source>New session</source>
        <translation>Nueva sesión</translation>
    </message>
</context>
<context>
    <name>Journey</name>
    <message>
        <source>the session is closed; no dose can be recorded</source>
        <translation>la sesión está cerrada; no se puede registrar ninguna dosis</translation>
    </message>
    <message>
        <source>{concern}: record the decision to dose, with its reason, first</source>
        <translation>{concern}: registre antes la decisión de administrar la dosis, con su motivo</translation>
    </message>
    <message>
        <source>{why}: say why the dose goes ahead</source>
        <translation>{why}: indique por qué se administra la dosis</translation>
    </message>
    <message>
        <source>A dose outside the usual range takes {who}'s decision; {name} is {held}</source>
        <translation>Una dosis fuera del rango habitual requiere la decisión de {who}; {name} es {held}</translation>
    </message>
    <message>
        <source>the journey time needs no confirming</source>
        <translation>el tiempo de la sesión no necesita confirmación</translation>
    </message>
    <message>
        <source>phases start with the first dose</source>
        <translation>las fases empiezan con la primera dosis</translation>
    </message>
    <message>
        <source>{phase} is the last phase</source>
        <translation>{phase} es la última fase</translation>
    </message>
    <message>
        <source>the session is closed; its sound is no longer recorded</source>
        <translation>la sesión está cerrada; su sonido ya no se registra</translation>
    </message>
    <message>
        <source>the session is closed; correct its record with an amendment</source>
        <translation>la sesión está cerrada; corrija su registro con una enmienda</translation>
    </message>
    <message>
        <source>the session is closed</source>
        <translation>la sesión está cerrada</translation>
    </message>
    <message>
        <source>the dose has been given already</source>
        <translation>la dosis ya se administró</translation>
    </message>
    <message>
        <source>say why the dose goes ahead</source>
        <translation>indique por qué se administra la dosis</translation>
    </message>
    <message>
        <source>the discharge check comes after the dose and before the session closes</source>
        <translation>la evaluación de alta va después de la dosis y antes de cerrar la sesión</translation>
    </message>
    <message>
        <source>there is no flag to acknowledge</source>
        <translation>no hay ninguna alerta que confirmar</translation>
    </message>
    <message>
        <source>say why the entry is being corrected</source>
        <translation>indique por qué se corrige la entrada</translation>
    </message>
    <message>
        <source>the dose was recorded in {unit}; its unit cannot be corrected</source>
        <translation>la dosis se registró en {unit}; su unidad no se puede corregir</translation>
    </message>
    <message>
        <source>the session is already closed</source>
        <translation>la sesión ya está cerrada</translation>
    </message>
    <message>
        <source>Closing early needs a reason on the record: {concerns}</source>
        <translation>Cerrar antes de tiempo requiere un motivo en el registro: {concerns}</translation>
    </message>
    <message>
        <source>{dose} ({weight}, {total} total)</source>
        <translation>{dose} ({weight}, {total} en total)</translation>
    </message>
    <message>
        <source>{dose} (no weight)</source>
        <translation>{dose} (sin peso)</translation>
    </message>
    <message>
        <source>{dose} (no weight, {total} total)</source>
        <translation>{dose} (sin peso, {total} en total)</translation>
    </message>
    <message>
        <source>{dose}, lot {lot}</source>
        <translation>{dose}, lote {lot}</translation>
    </message>
    <message>
        <source>protocol {protocol} has no phases</source>
        <extracomment>How late a reading may come and still count for a named check at a minute, when closing.</extracomment>
        <translation>el protocolo {protocol} no tiene fases</translation>
    </message>
    <message>
        <source>Baseline blood pressure {reading} is above the protocol's {systolic}/{diastolic}</source>
        <translation>La presión arterial basal {reading} supera el límite del protocolo de {systolic}/{diastolic}</translation>
    </message>
    <message>
        <source>{elapsed} since dosing, of the {least} the protocol asks in the room</source>
        <translation>{elapsed} desde la dosis; el protocolo pide {least} en la sala</translation>
    </message>
    <message>
        <source>still in {phase}, before the last phase</source>
        <translation>aún en {phase}, antes de la última fase</translation>
    </message>
    <message>
        <source>vital-signs check not taken: {checks}</source>
        <translation>control de signos vitales no tomado: {checks}</translation>
    </message>
    <message>
        <source>vital-signs checks not taken: {checks}</source>
        <translation>controles de signos vitales no tomados: {checks}</translation>
    </message>
    <message>
        <source>no discharge check recorded</source>
        <translation>no hay ninguna evaluación de alta registrada</translation>
    </message>
    <message>
        <source>the last discharge check found the patient not ready</source>
        <translation>la última evaluación de alta determinó que el paciente no estaba listo</translation>
    </message>
</context>
<context>
    <name>JourneyCards</name>
    <message>
        <source>Past sessions</source>
        <translation>Sesiones previas</translation>
    </message>
    <message>
        <source>Timeline</source>
        <translation>Cronología</translation>
    </message>
    <message>
        <source>Flagged</source>
        <translation>Alerta</translation>
    </message>
    <message>
        <source>Seen</source>
        <translation>Visto</translation>
    </message>
    <message>
        <source>Record, under your name, that you have seen these flags</source>
        <translation>Registrar, con su nombre, que ha visto estas alertas</translation>
    </message>
    <message>
        <source>Journey time is right</source>
        <translation>El tiempo es correcto</translation>
    </message>
    <message>
        <source>Switch user</source>
        <translation>Cambiar de usuario</translation>
    </message>
    <message>
        <source>Close session</source>
        <translation>Cerrar sesión</translation>
    </message>
    <message>
        <source>Dose given</source>
        <translation>Dosis administrada</translation>
    </message>
    <message>
        <source>Next phase</source>
        <translation>Siguiente fase</translation>
    </message>
    <message>
        <source>Ready to leave?</source>
        <translation>¿Listo para irse?</translation>
    </message>
</context>
<context>
    <name>JourneyScreen</name>
    <message>
        <source>Patient {code}</source>
        <translation>Paciente {code}</translation>
    </message>
    <message>
        <source>Sitter {name}</source>
        <translation>Acompañante {name}</translation>
    </message>
    <message>
        <source>Sitter {name} (signed in)</source>
        <translation>Acompañante {name} (con sesión)</translation>
    </message>
    <message>
        <source>Signed in: {name}</source>
        <translation>Con sesión: {name}</translation>
    </message>
    <message>
        <source>Preparation · the journey clock starts with the dose</source>
        <translation>Preparación · el reloj de la sesión empieza con la dosis</translation>
    </message>
    <message>
        <source>Not dosed yet</source>
        <translation>Aún sin dosis</translation>
    </message>
    <message>
        <source>Since dosing · not vouched: kapdesk could not check it</source>
        <translation>Desde la dosis · sin garantía: kapdesk no pudo comprobarlo</translation>
    </message>
    <message>
        <source>Since dosing</source>
        <translation>Desde la dosis</translation>
    </message>
    <message>
        <source>Before dosing</source>
        <translation>Antes de la dosis</translation>
    </message>
    <message numerus="yes">
        <source>planned {length} in %n phase|planned {length} in %n phases</source>
        <translation><numerusform>previsto {length} en %n fase</numerusform><numerusform>previsto {length} en %n fases</numerusform></translation></message>
    <message>
        <source>Record the dose when it is given; the journey clock starts then.</source>
        <translation>Registre la dosis al administrarla; el reloj de la sesión empieza entonces.</translation>
    </message>
    <message>
        <source>First phase: {phase} · {length}</source>
        <translation>Primera fase: {phase} · {length}</translation>
    </message>
    <message>
        <source>{over} over its planned {length}</source>
        <translation>{over} más de lo previsto ({length})</translation>
    </message>
    <message>
        <source>{shown} of {planned}</source>
        <translation>{shown} de {planned}</translation>
    </message>
    <message>
        <source>Last phase. Close the session when the patient is ready.</source>
        <translation>Última fase. Cierre la sesión cuando el paciente esté listo.</translation>
    </message>
    <message>
        <source>Next: {phase} · {length} (when you confirm)</source>
        <translation>Sigue: {phase} · {length} (cuando usted confirme)</translation>
    </message>
    <message>
        <source>Next: {phase} · {length} (starts by itself at its time)</source>
        <translation>Sigue: {phase} · {length} (empieza sola a su hora)</translation>
    </message>
    <message>
        <source>Next: {phase} · {length} (waits for you: journey time not vouched)</source>
        <translation>Sigue: {phase} · {length} (espera por usted: tiempo sin garantía)</translation>
    </message>
    <message>
        <source>Ready since {ready}, may leave from {free}</source>
        <translation>Listo desde las {ready}, puede irse a partir de las {free}</translation>
    </message>
    <message>
        <source>Ready to leave since {time}</source>
        <translation>Listo para irse desde las {time}</translation>
    </message>
    <message>
        <source>In the room: {left} to go of {stay}</source>
        <translation>En la sala: faltan {left} de {stay}</translation>
    </message>
    <message>
        <source>Time in the room of {stay} reached</source>
        <translation>Tiempo en la sala de {stay} cumplido</translation>
    </message>
    <message>
        <source>kapdesk could not check how long it was closed.</source>
        <translation>kapdesk no pudo comprobar cuánto tiempo estuvo cerrado.</translation>
    </message>
    <message>
        <source>{said} Journey time not vouched: phases by time wait. Check it, then confirm.</source>
        <translation>{said} Tiempo de la sesión sin garantía: las fases por tiempo esperan. Compruébelo y luego confirme.</translation>
    </message>
    <message>
        <source>{said} Journey time not vouched: phases by time wait ({phase} is due by it). Check it, then confirm.</source>
        <translation>{said} Tiempo de la sesión sin garantía: las fases por tiempo esperan ({phase} debería empezar ya). Compruébelo y luego confirme.</translation>
    </message>
    <message>
        <source>Journey time is right   {key}</source>
        <translation>El tiempo es correcto   {key}</translation>
    </message>
    <message>
        <source>Noted   {key}</source>
        <translation>Entendido   {key}</translation>
    </message>
    <message>
        <source>Extra dose   {key}</source>
        <translation>Dosis adicional   {key}</translation>
    </message>
    <message>
        <source>Dose given   {key}</source>
        <translation>Dosis administrada   {key}</translation>
    </message>
    <message>
        <source>Next phase   {key}</source>
        <translation>Siguiente fase   {key}</translation>
    </message>
    <message>
        <source>End {phase} early?{gap}{key} again</source>
        <translation>¿Terminar {phase} antes?{gap}{key} otra vez</translation>
    </message>
    <message>
        <source>Press Next phase again to end {phase} at {at} of {planned}; the record will say so.</source>
        <translation>Pulse Siguiente fase otra vez para terminar {phase} en {at} de {planned}; el registro lo indicará.</translation>
    </message>
    <message>
        <source>A flagged reading waits to be seen</source>
        <translation>Una lectura señalada espera revisión</translation>
    </message>
    <message>
        <source>This would close the session early. The record and the printed record will say so, with your reason and your name.</source>
        <translation>Esto cerraría la sesión antes de tiempo. El registro y el registro impreso lo indicarán, con su motivo y su nombre.</translation>
    </message>
    <message>
        <source>No dose has been recorded. Closing now cancels the session; its record is kept.</source>
        <translation>No se ha registrado ninguna dosis. Cerrar ahora cancela la sesión; su registro se conserva.</translation>
    </message>
    <message>
        <source>The journey ends here and its record is kept. Integration follows.</source>
        <translation>La sesión termina aquí y su registro se conserva. Sigue la integración.</translation>
    </message>
    <message>
        <source>The journey ends here and its record is kept. Integration follows. No discharge check has found the patient ready to leave yet.</source>
        <translation>La sesión termina aquí y su registro se conserva. Sigue la integración. Ninguna evaluación de alta ha encontrado al paciente listo para irse todavía.</translation>
    </message>
</context>
<context>
    <name>JourneyView</name>
    <message>
        <source>{refusal}. Switch user to let a colleague who may do it.</source>
        <translation>{refusal}. Cambie de usuario para que lo haga un colega autorizado.</translation>
    </message>
    <message>
        <source>{why}. {refusal}. Switch user to let a colleague who may do it.</source>
        <translation>{why}. {refusal}. Cambie de usuario para que lo haga un colega autorizado.</translation>
    </message>
    <message>
        <source>It would close early: {concerns}</source>
        <translation>Se cerraría antes de tiempo: {concerns}</translation>
    </message>
</context>
<context>
    <name>JourneyWords</name>
    <message>
        <source>Session opened</source>
        <translation>Sesión abierta</translation>
    </message>
    <message>
        <source>Phase: {name}</source>
        <translation>Fase: {name}</translation>
    </message>
    <message>
        <source>Phase: {name} (by time)</source>
        <translation>Fase: {name} (por tiempo)</translation>
    </message>
    <message>
        <source>{phase}; {early}</source>
        <translation>{phase}; {early}</translation>
    </message>
    <message>
        <source>Journey time confirmed</source>
        <translation>Tiempo de sesión confirmado</translation>
    </message>
    <message>
        <source>Journey time confirmed by {by}</source>
        <translation>Tiempo de sesión confirmado por {by}</translation>
    </message>
    <message>
        <source>Note: {text}</source>
        <translation>Nota: {text}</translation>
    </message>
    <message>
        <source>Vital signs: {reading}</source>
        <translation>Signos vitales: {reading}</translation>
    </message>
    <message>
        <source>Vital signs: {reading}. Flagged: {flags}</source>
        <translation>Signos vitales: {reading}. Alertas: {flags}</translation>
    </message>
    <message>
        <source>{scale}: {value} of 10</source>
        <translation>{scale}: {value} de 10</translation>
    </message>
    <message>
        <source>Correction of entry {entry}: {reason}</source>
        <translation>Corrección de la entrada {entry}: {reason}</translation>
    </message>
    <message>
        <source>Session closed</source>
        <translation>Sesión cerrada</translation>
    </message>
    <message>
        <source>Session closed: {reason}</source>
        <translation>Sesión cerrada: {reason}</translation>
    </message>
    <message>
        <source>Session cancelled before dosing</source>
        <translation>Sesión cancelada antes de la dosis</translation>
    </message>
    <message>
        <source>Session cancelled before dosing: {reason}</source>
        <translation>Sesión cancelada antes de la dosis: {reason}</translation>
    </message>
    <message>
        <source>Session closed early ({early})</source>
        <translation>Sesión cerrada antes de tiempo ({early})</translation>
    </message>
    <message>
        <source>Session closed early ({early}): {reason}</source>
        <translation>Sesión cerrada antes de tiempo ({early}): {reason}</translation>
    </message>
    <message>
        <source>Dose: {dose}</source>
        <translation>Dosis: {dose}</translation>
    </message>
    <message>
        <source>Extra dose: {dose}</source>
        <translation>Dosis adicional: {dose}</translation>
    </message>
    <message>
        <source>{dose}, given by {by}</source>
        <translation>{dose}, administrada por {by}</translation>
    </message>
    <message>
        <source>{dose}. Outside the usual range: {why}</source>
        <translation>{dose}. Fuera del rango habitual: {why}</translation>
    </message>
    <message>
        <source>{dose}; given because: {reason}</source>
        <translation>{dose}; administrada porque: {reason}</translation>
    </message>
    <message>
        <source>Rating {scale}: {value}</source>
        <translation>Valoración {scale}: {value}</translation>
    </message>
    <message>
        <source>{scale}: {value}, {words}</source>
        <translation>{scale}: {value}, {words}</translation>
    </message>
    <message>
        <source>{scale}: {value}, responds readily to name</source>
        <translation>{scale}: {value}, responde enseguida a su nombre</translation>
    </message>
    <message>
        <source>{scale}: {value}, slow to respond to name</source>
        <translation>{scale}: {value}, tarda en responder a su nombre</translation>
    </message>
    <message>
        <source>{scale}: {value}, responds only to loud or repeated name</source>
        <translation>{scale}: {value}, responde solo si se le llama fuerte o varias veces</translation>
    </message>
    <message>
        <source>{scale}: {value}, responds only to a touch on the shoulder</source>
        <translation>{scale}: {value}, responde solo al tocarle el hombro</translation>
    </message>
    <message>
        <source>{scale}: {value}, no response to voice or touch</source>
        <translation>{scale}: {value}, no responde a la voz ni al tacto</translation>
    </message>
    <message>
        <source>Flag seen: {words} (the reading of entry {entry})</source>
        <translation>Alerta vista: {words} (la lectura de la entrada {entry})</translation>
    </message>
    <message>
        <source>Flag seen by {by}: {words} (the reading of entry {entry})</source>
        <translation>Alerta vista por {by}: {words} (la lectura de la entrada {entry})</translation>
    </message>
    <message>
        <source>{phase} ended early by hand</source>
        <translation>{phase} terminó antes de tiempo, a mano</translation>
    </message>
    <message>
        <source>{phase} ended early by hand at {at}</source>
        <translation>{phase} terminó antes de tiempo, a mano, en {at}</translation>
    </message>
    <message>
        <source>{phase} ended early by hand of {planned}</source>
        <translation>{phase} terminó antes de tiempo, a mano, de {planned} previstos</translation>
    </message>
    <message>
        <source>{phase} ended early by hand at {at} of {planned}</source>
        <translation>{phase} terminó antes de tiempo, a mano, en {at} de {planned} previstos</translation>
    </message>
    <message>
        <source>the phase</source>
        <translation>la fase</translation>
    </message>
    <message>
        <source>The PC's clock was set forward {span}; the journey time followed it</source>
        <translation>El reloj del PC se adelantó {span}; el tiempo de la sesión lo siguió</translation>
    </message>
    <message>
        <source>The PC's clock was set back {span}; the journey time followed it</source>
        <translation>El reloj del PC se atrasó {span}; el tiempo de la sesión lo siguió</translation>
    </message>
    <message>
        <source>The PC's clock was set forward {span}; the journey time followed it (it read {read})</source>
        <translation>El reloj del PC se adelantó {span}; el tiempo de la sesión lo siguió (marcaba {read})</translation>
    </message>
    <message>
        <source>The PC's clock was set back {span}; the journey time followed it (it read {read})</source>
        <translation>El reloj del PC se atrasó {span}; el tiempo de la sesión lo siguió (marcaba {read})</translation>
    </message>
    <message>
        <source>Intention: “{text}”</source>
        <translation>Intención: «{text}»</translation>
    </message>
    <message>
        <source>Checklist: {item}: done</source>
        <translation>Lista de verificación: {item}: hecho</translation>
    </message>
    <message>
        <source>Checklist: {item}: not done</source>
        <translation>Lista de verificación: {item}: no hecho</translation>
    </message>
    <message>
        <source>Breathwork: {pattern}, {minutes} min</source>
        <translation>Respiración guiada: {pattern}, {minutes} min</translation>
    </message>
    <message>
        <source>Decision to dose with baseline blood pressure {reading}: {reason}</source>
        <translation>Decisión de administrar la dosis con presión arterial basal {reading}: {reason}</translation>
    </message>
    <message>
        <source>not ready yet</source>
        <translation>aún no está listo</translation>
    </message>
    <message>
        <source>ready to leave</source>
        <translation>listo para irse</translation>
    </message>
    <message>
        <source>ready, may leave from {time}</source>
        <translation>listo, puede irse a partir de las {time}</translation>
    </message>
    <message>
        <source>Discharge check: {total} of {most}, {verdict}</source>
        <translation>Evaluación de alta: {total} de {most}, {verdict}</translation>
    </message>
    <message>
        <source>Discharge check: {total} of {most}, {verdict} ({reasons})</source>
        <translation>Evaluación de alta: {total} de {most}, {verdict} ({reasons})</translation>
    </message>
    <message>
        <source>{question} yes</source>
        <translation>{question} sí</translation>
    </message>
    <message>
        <source>{question} no</source>
        <translation>{question} no</translation>
    </message>
    <message>
        <source>Soundtrack: {name}</source>
        <translation>Banda sonora: {name}</translation>
    </message>
    <message>
        <source>Soundtrack: {name}, every track brought to {target} LUFS</source>
        <translation>Banda sonora: {name}, cada pista llevada a {target} LUFS</translation>
    </message>
    <message>
        <source>Soundtrack: {name}, every track brought to {target} LUFS (bed {bed}: played at {level})</source>
        <translation>Banda sonora: {name}, cada pista llevada a {target} LUFS (fondo {bed}: sonó a {level})</translation>
    </message>
    <message>
        <source>Soundtrack: {name}, every track brought to {target} LUFS (bed {bed}: not measured yet, played at {level})</source>
        <translation>Banda sonora: {name}, cada pista llevada a {target} LUFS (fondo {bed}: aún sin medir, sonó a {level})</translation>
    </message>
    <message>
        <source>Music: {title}</source>
        <translation>Música: {title}</translation>
    </message>
    <message>
        <source>Music: {title} (played at {level})</source>
        <translation>Música: {title} (sonó a {level})</translation>
    </message>
    <message>
        <source>Music: {title} (loudness not measured yet: played at {level}, as the loudest master would be)</source>
        <translation>Música: {title} (volumen aún sin medir: sonó a {level}, como sonaría el máster más fuerte)</translation>
    </message>
    <message>
        <source>Track skipped: {title}</source>
        <translation>Pista omitida: {title}</translation>
    </message>
    <message>
        <source>Track could not play: {title} ({reason})</source>
        <translation>No se pudo reproducir la pista: {title} ({reason})</translation>
    </message>
    <message>
        <source>Music ran out: {playlist}</source>
        <translation>La música se acabó: {playlist}</translation>
    </message>
    <message>
        <source>Quiet on</source>
        <translation>Silencio activado</translation>
    </message>
    <message>
        <source>Quiet off</source>
        <translation>Silencio desactivado</translation>
    </message>
</context>
<context>
    <name>LibraryFiles</name>
    <message numerus="yes">
        <source>Imported %n entry from {file}.|Imported %n entries from {file}.</source>
        <translation><numerusform>Se importó %n entrada de {file}.</numerusform><numerusform>Se importaron %n entradas de {file}.</numerusform></translation></message>
    <message numerus="yes">
        <source>Imported %n entry from {file}; {missing} cannot be played (marked in the list).|Imported %n entries from {file}; {missing} cannot be played (marked in the list).</source>
        <translation><numerusform>Se importó %n entrada de {file}; {missing} no se puede reproducir (marcada en la lista).</numerusform><numerusform>Se importaron %n entradas de {file}; {missing} no se pueden reproducir (marcadas en la lista).</numerusform></translation></message>
    <message>
        <source>The playlist could not be exported: {problem}</source>
        <translation>No se pudo exportar la lista de reproducción: {problem}</translation>
    </message>
    <message numerus="yes">
        <source>Exported %n entry to {target}.|Exported %n entries to {target}.</source>
        <translation><numerusform>Se exportó %n entrada a {target}.</numerusform><numerusform>Se exportaron %n entradas a {target}.</numerusform></translation></message>
</context>
<context>
    <name>LibraryMeasure</name>
    <message>
        <source>Loudness could not be measured: something unexpected went wrong (the log says what).</source>
        <translation>No se pudo medir la sonoridad: ocurrió algo inesperado (el registro indica qué).</translation>
    </message>
    <message>
        <source>Loudness could not be measured: kapdesk could not start measuring.</source>
        <translation>No se pudo medir la sonoridad: kapdesk no pudo iniciar la medición.</translation>
    </message>
    <message>
        <source>Loudness could not be measured: kapdesk's measuring stopped unexpectedly.</source>
        <translation>No se pudo medir la sonoridad: la medición de kapdesk se detuvo de forma inesperada.</translation>
    </message>
</context>
<context>
    <name>LibraryScan</name>
    <message>
        <source>The files could not be read: {reason}</source>
        <translation>No se pudieron leer los archivos: {reason}</translation>
    </message>
</context>
<context>
    <name>LibrarySoundtracks</name>
    <message>
        <source>Pick the soundtrack to edit, or make a new one.</source>
        <translation>Elija la banda sonora que desea editar o cree una nueva.</translation>
    </message>
    <message>
        <source>Soundtrack “{name}” saved; pick it when you set up a session.</source>
        <translation>Banda sonora «{name}» guardada; elíjala al preparar una sesión.</translation>
    </message>
</context>
<context>
    <name>LibraryView</name>
    <message>
        <source>Playlists (*.m3u *.m3u8 *.pls *.xspf)</source>
        <translation>Listas de reproducción (*.m3u *.m3u8 *.pls *.xspf)</translation>
    </message>
    <message>
        <source>Sound files ({suffixes})</source>
        <translation>Archivos de sonido ({suffixes})</translation>
    </message>
    <message>
        <source>No music files yet. Add files or a folder (WAV, OGG, MP3, FLAC); the bundled beds play without any.</source>
        <translation>Aún no hay archivos de música. Agregue archivos o una carpeta (WAV, OGG, MP3, FLAC); los fondos incluidos suenan sin ellos.</translation>
    </message>
    <message>
        <source>Make a playlist with New, or import one.</source>
        <translation>Cree una lista con Nueva o importe una.</translation>
    </message>
    <message>
        <source>Looking for sound files…</source>
        <translation>Buscando archivos de sonido…</translation>
    </message>
    <message>
        <source>Pick the files to add in the list on the left first.</source>
        <translation>Primero elija en la lista de la izquierda los archivos que desea agregar.</translation>
    </message>
    <message>
        <source>Pick the playlist to export first.</source>
        <translation>Primero elija la lista que desea exportar.</translation>
    </message>
    <message numerus="yes">
        <source>%n file|%n files</source>
        <translation><numerusform>%n archivo</numerusform><numerusform>%n archivos</numerusform></translation></message>
    <message numerus="yes">
        <source>%n file, {bad} cannot be played (marked in the list)|%n files, {bad} cannot be played (marked in the list)</source>
        <translation><numerusform>%n archivo, {bad} no se puede reproducir (marcado en la lista)</numerusform><numerusform>%n archivos, {bad} no se pueden reproducir (marcados en la lista)</numerusform></translation></message>
    <message numerus="yes">
        <source>Reading {done} of %n file|Reading {done} of %n files</source>
        <translation><numerusform>Leyendo {done} de %n archivo</numerusform><numerusform>Leyendo {done} de %n archivos</numerusform></translation></message>
    <message numerus="yes">
        <source>Added %n file.|Added %n files.</source>
        <translation><numerusform>Se agregó %n archivo.</numerusform><numerusform>Se agregaron %n archivos.</numerusform></translation></message>
    <message numerus="yes">
        <source>Added %n file; {bad} cannot be played (marked in the list).|Added %n files; {bad} cannot be played (marked in the list).</source>
        <translation><numerusform>Se agregó %n archivo; {bad} no se puede reproducir (marcado en la lista).</numerusform><numerusform>Se agregaron %n archivos; {bad} no se pueden reproducir (marcados en la lista).</numerusform></translation></message>
    <message numerus="yes">
        <source>Measuring loudness: {done} of %n track|Measuring loudness: {done} of %n tracks</source>
        <translation><numerusform>Midiendo la sonoridad: {done} de %n pista</numerusform><numerusform>Midiendo la sonoridad: {done} de %n pistas</numerusform></translation></message>
    <message>
        <source>Loading the library…</source>
        <translation>Cargando la biblioteca…</translation>
    </message>
    <message>
        <source>Playlists</source>
        <translation>Listas</translation>
    </message>
    <message>
        <source>Soundtracks</source>
        <translation>Bandas sonoras</translation>
    </message>
    <message>
        <source>Sound library</source>
        <translation>Biblioteca de sonido</translation>
    </message>
    <message>
        <source>Back</source>
        <translation>Volver</translation>
    </message>
    <message>
        <source>MUSIC FILES</source>
        <translation>ARCHIVOS DE MÚSICA</translation>
    </message>
    <message>
        <source>Add files…</source>
        <translation>Archivos…</translation>
    </message>
    <message>
        <source>Folder…</source>
        <translation>Carpeta…</translation>
    </message>
    <message>
        <source>Add to playlist</source>
        <translation>Agregar a la lista</translation>
    </message>
    <message>
        <source>New</source>
        <translation>Nueva</translation>
    </message>
    <message>
        <source>Import…</source>
        <translation>Importar…</translation>
    </message>
    <message>
        <source>Export…</source>
        <translation>Exportar…</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Borrar</translation>
    </message>
    <message>
        <source>Up</source>
        <translation>Subir</translation>
    </message>
    <message>
        <source>Down</source>
        <translation>Bajar</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Quitar</translation>
    </message>
    <message>
        <source>A soundtrack is a bed and a playlist for each phase. Sessions pick one at set-up.</source>
        <translation>Una banda sonora es un fondo y una lista para cada fase. Cada sesión elige una al prepararse.</translation>
    </message>
    <message>
        <source>New soundtrack…</source>
        <translation>Nueva banda sonora…</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>Editar…</translation>
    </message>
    <message>
        <source>Add music files</source>
        <translation>Agregar archivos de música</translation>
    </message>
    <message>
        <source>Add a folder of music</source>
        <translation>Agregar una carpeta de música</translation>
    </message>
    <message numerus="yes">
        <source>{name}   ·   %n track, {length}|{name}   ·   %n tracks, {length}</source>
        <translation><numerusform>{name}   ·   %n pista, {length}</numerusform><numerusform>{name}   ·   %n pistas, {length}</numerusform></translation></message>
    <message numerus="yes">
        <source>%n track · {minutes} of playable music|%n tracks · {minutes} of playable music</source>
        <translation><numerusform>%n pista · {minutes} de música reproducible</numerusform><numerusform>%n pistas · {minutes} de música reproducible</numerusform></translation></message>
    <message>
        <source>New playlist</source>
        <translation>Nueva lista de reproducción</translation>
    </message>
    <message>
        <source>Name of the playlist:</source>
        <translation>Nombre de la lista:</translation>
    </message>
    <message>
        <source>Import a playlist</source>
        <translation>Importar una lista de reproducción</translation>
    </message>
    <message>
        <source>Export the playlist</source>
        <translation>Exportar la lista de reproducción</translation>
    </message>
</context>
<context>
    <name>LoudnessWords</name>
    <message>
        <source>not measured yet</source>
        <translation>sin medir</translation>
    </message>
    <message>
        <source>From the file's ReplayGain or R128 tags: {loudness} LUFS, true peak {peak} dBTP.</source>
        <translation>De las etiquetas ReplayGain o R128 del archivo: {loudness} LUFS, pico real {peak} dBTP.</translation>
    </message>
    <message>
        <source>From the file's ReplayGain or R128 tags: {loudness} LUFS, range {range} LU, true peak {peak} dBTP.</source>
        <translation>De las etiquetas ReplayGain o R128 del archivo: {loudness} LUFS, rango {range} LU, pico real {peak} dBTP.</translation>
    </message>
    <message>
        <source>Measured (EBU R128): {loudness} LUFS, true peak {peak} dBTP.</source>
        <translation>Medido (EBU R128): {loudness} LUFS, pico real {peak} dBTP.</translation>
    </message>
    <message>
        <source>Measured (EBU R128): {loudness} LUFS, range {range} LU, true peak {peak} dBTP.</source>
        <translation>Medido (EBU R128): {loudness} LUFS, rango {range} LU, pico real {peak} dBTP.</translation>
    </message>
    <message>
        <source>{gain}, {short} LU short</source>
        <translation>{gain}, faltan {short} LU</translation>
    </message>
    <message>
        <source>{gain}, peak-limited</source>
        <translation>{gain}, limitado por picos</translation>
    </message>
    <message>
        <source>{gain}, {short} LU short, peak-limited</source>
        <translation>{gain}, faltan {short} LU, limitado por picos</translation>
    </message>
    <message>
        <source>Not measured: it plays as the loudest track would, quieter rather than louder.</source>
        <translation>Sin medir: suena como sonaría la pista más fuerte, más bajo en lugar de más alto.</translation>
    </message>
    <message>
        <source>Quieter than the clinic's target of {target} LUFS: kapdesk never raises a track, so it plays {short} LU under the others.</source>
        <translation>Más bajo que el objetivo de la clínica de {target} LUFS: kapdesk nunca sube una pista, así que suena {short} LU por debajo de las demás.</translation>
    </message>
    <message>
        <source>Held down so that its peaks stay under {ceiling} dBTP.</source>
        <translation>Bajado para que sus picos queden por debajo de {ceiling} dBTP.</translation>
    </message>
    <message>
        <source>Lowered to the clinic's target of {target} LUFS.</source>
        <translation>Bajado al objetivo de la clínica de {target} LUFS.</translation>
    </message>
    <message>
        <source>1 track is too quiet for the clinic's target of {target} LUFS: “{first}” plays {first_short} LU under it.</source>
        <translation>1 pista suena demasiado baja para el objetivo de la clínica de {target} LUFS: «{first}» suena {first_short} LU por debajo.</translation>
    </message>
    <message>
        <source>{tracks} tracks are too quiet for the clinic's target of {target} LUFS: “{first}” plays {first_short} LU under it, “{second}” {second_short} LU.</source>
        <translation>{tracks} pistas suenan demasiado bajas para el objetivo de la clínica de {target} LUFS: «{first}» suena {first_short} LU por debajo, «{second}» {second_short} LU.</translation>
    </message>
    <message numerus="yes">
        <source>{tracks} tracks are too quiet for the clinic's target of {target} LUFS: “{first}” plays {first_short} LU under it, “{second}” {second_short} LU and %n more.|{tracks} tracks are too quiet for the clinic's target of {target} LUFS: “{first}” plays {first_short} LU under it, “{second}” {second_short} LU and %n more.</source>
        <translation><numerusform>{tracks} pistas suenan demasiado bajas para el objetivo de la clínica de {target} LUFS: «{first}» suena {first_short} LU por debajo, «{second}» {second_short} LU y %n más.</numerusform><numerusform>{tracks} pistas suenan demasiado bajas para el objetivo de la clínica de {target} LUFS: «{first}» suena {first_short} LU por debajo, «{second}» {second_short} LU y %n más.</numerusform></translation></message>
    <message numerus="yes">
        <source>Held down to keep peaks under {ceiling} dBTP: “{first}”, “{second}” and %n more.|Held down to keep peaks under {ceiling} dBTP: “{first}”, “{second}” and %n more.</source>
        <translation><numerusform>Bajadas para mantener los picos por debajo de {ceiling} dBTP: «{first}», «{second}» y %n más.</numerusform><numerusform>Bajadas para mantener los picos por debajo de {ceiling} dBTP: «{first}», «{second}» y %n más.</numerusform></translation></message>
    <message>
        <source>Held down to keep peaks under {ceiling} dBTP: “{first}”.</source>
        <translation>Bajado para mantener los picos por debajo de {ceiling} dBTP: «{first}».</translation>
    </message>
    <message>
        <source>Held down to keep peaks under {ceiling} dBTP: “{first}”, “{second}”.</source>
        <translation>Bajadas para mantener los picos por debajo de {ceiling} dBTP: «{first}», «{second}».</translation>
    </message>
    <message numerus="yes">
        <source>%n sound not measured (played softer, as the loudest master would be; the library says why)|%n sounds not measured (played softer, as the loudest master would be; the library says why)</source>
        <translation><numerusform>%n sonido sin medir (suena más bajo, como sonaría el máster más fuerte; la biblioteca indica por qué)</numerusform><numerusform>%n sonidos sin medir (suenan más bajo, como sonaría el máster más fuerte; la biblioteca indica por qué)</numerusform></translation></message>
    <message numerus="yes">
        <source>%n sound under the clinic's loudness (up to {most} LU)|%n sounds under the clinic's loudness (up to {most} LU)</source>
        <translation><numerusform>%n sonido por debajo de la sonoridad de la clínica (hasta {most} LU)</numerusform><numerusform>%n sonidos por debajo de la sonoridad de la clínica (hasta {most} LU)</numerusform></translation></message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Practice does not start at login: set autostart in kapdesk without --practice.</source>
        <translation>La práctica no se inicia al iniciar sesión: configure el inicio automático en kapdesk sin --practice.</translation>
    </message>
</context>
<context>
    <name>Measuring</name>
    <message>
        <source>the file is damaged or is not a sound file kapdesk can measure</source>
        <translation>el archivo está dañado o no es un archivo de sonido que kapdesk pueda medir</translation>
    </message>
    <message>
        <source>the file is damaged or cut short</source>
        <translation>el archivo está dañado o incompleto</translation>
    </message>
    <message>
        <source>this PC's sound library cannot read {format} files to measure them</source>
        <translation>la biblioteca de sonido de este PC no puede leer archivos {format} para medirlos</translation>
    </message>
    <message>
        <source>this PC's sound library cannot read the kind of sound in this file to measure it</source>
        <translation>la biblioteca de sonido de este PC no puede leer el tipo de sonido de este archivo para medirlo</translation>
    </message>
    <message>
        <source>the track is silent</source>
        <translation>la pista está en silencio</translation>
    </message>
    <message>
        <source>the track is too short to measure (under half a second)</source>
        <translation>la pista es demasiado corta para medirla (menos de medio segundo)</translation>
    </message>
    <message>
        <source>kapdesk cannot measure loudness on this computer: the sound libraries libebur128 and libsndfile are not installed</source>
        <translation>kapdesk no puede medir la sonoridad en este equipo: las bibliotecas de sonido libebur128 y libsndfile no están instaladas</translation>
    </message>
    <message>
        <source>kapdesk cannot measure loudness on this computer: the sound library {library} is not installed</source>
        <translation>kapdesk no puede medir la sonoridad en este equipo: la biblioteca de sonido {library} no está instalada</translation>
    </message>
    <message>
        <source>kapdesk cannot measure loudness on this computer: its sound libraries libebur128 and libsndfile are too old</source>
        <translation>kapdesk no puede medir la sonoridad en este equipo: sus bibliotecas de sonido libebur128 y libsndfile son demasiado antiguas</translation>
    </message>
    <message>
        <source>measuring was stopped before this file</source>
        <translation>la medición se detuvo antes de este archivo</translation>
    </message>
    <message>
        <source>measuring stopped unexpectedly before this file</source>
        <translation>la medición se detuvo inesperadamente antes de este archivo</translation>
    </message>
    <message>
        <source>measuring stopped unexpectedly on this file</source>
        <translation>la medición se detuvo inesperadamente en este archivo</translation>
    </message>
    <message>
        <source>kapdesk could not start measuring</source>
        <translation>kapdesk no pudo empezar a medir</translation>
    </message>
    <message>
        <source>the file could not be measured</source>
        <translation>no se pudo medir el archivo</translation>
    </message>
    <message>
        <source>measuring this file took far too long (it may be damaged)</source>
        <translation>medir este archivo llevó demasiado tiempo (puede estar dañado)</translation>
    </message>
</context>
<context>
    <name>MusicOutlook</name>
    <message>
        <source>The music runs out {minutes} before this phase ends</source>
        <translation>La música se acaba {minutes} antes de que termine esta fase</translation>
    </message>
    <message numerus="yes">
        <source>The music runs out {minutes} before this phase ends (%n track of unknown length)|The music runs out {minutes} before this phase ends (%n tracks of unknown length)</source>
        <translation><numerusform>La música se acaba {minutes} antes de que termine esta fase (%n pista de duración desconocida)</numerusform><numerusform>La música se acaba {minutes} antes de que termine esta fase (%n pistas de duración desconocida)</numerusform></translation></message>
    <message numerus="yes">
        <source>The music runs out under a minute before this phase ends (%n track of unknown length)|The music runs out under a minute before this phase ends (%n tracks of unknown length)</source>
        <translation><numerusform>La música se acaba menos de un minuto antes de que termine esta fase (%n pista de duración desconocida)</numerusform><numerusform>La música se acaba menos de un minuto antes de que termine esta fase (%n pistas de duración desconocida)</numerusform></translation></message>
    <message numerus="yes">
        <source>Enough music for this phase; it runs out {minutes} before {phase} ends (%n track of unknown length)|Enough music for this phase; it runs out {minutes} before {phase} ends (%n tracks of unknown length)</source>
        <translation><numerusform>Hay música suficiente para esta fase; se acaba {minutes} antes de que termine {phase} (%n pista de duración desconocida)</numerusform><numerusform>Hay música suficiente para esta fase; se acaba {minutes} antes de que termine {phase} (%n pistas de duración desconocida)</numerusform></translation></message>
    <message numerus="yes">
        <source>Enough music for this phase; it runs out under a minute before {phase} ends (%n track of unknown length)|Enough music for this phase; it runs out under a minute before {phase} ends (%n tracks of unknown length)</source>
        <translation><numerusform>Hay música suficiente para esta fase; se acaba menos de un minuto antes de que termine {phase} (%n pista de duración desconocida)</numerusform><numerusform>Hay música suficiente para esta fase; se acaba menos de un minuto antes de que termine {phase} (%n pistas de duración desconocida)</numerusform></translation></message>
    <message>
        <source>The music runs out under a minute before this phase ends</source>
        <translation>La música se acaba menos de un minuto antes de que termine esta fase</translation>
    </message>
    <message>
        <source>Enough music for this phase; it runs out {minutes} before {phase} ends</source>
        <translation>Hay música suficiente para esta fase; se acaba {minutes} antes de que termine {phase}</translation>
    </message>
    <message>
        <source>Enough music for this phase; it runs out under a minute before {phase} ends</source>
        <translation>Hay música suficiente para esta fase; se acaba menos de un minuto antes de que termine {phase}</translation>
    </message>
    <message>
        <source>Enough music for this phase</source>
        <translation>Hay música suficiente para esta fase</translation>
    </message>
</context>
<context>
    <name>Notice</name>
    <message>
        <source>Noted</source>
        <translation>Entendido</translation>
    </message>
    <message>
        <source>Known: put it away until it changes or the session ends</source>
        <translation>Sabido: ocultarlo hasta que cambie o termine la sesión</translation>
    </message>
</context>
<context>
    <name>ObservationPanel</name>
    <message>
        <source>Vital signs</source>
        <translation>Signos vitales</translation>
    </message>
    <message>
        <source>Record vital signs</source>
        <translation>Registrar signos vitales</translation>
    </message>
    <message>
        <source>Note: start typing anywhere on this screen; Enter saves</source>
        <translation>Nota: escriba en cualquier parte de esta pantalla; Intro guarda</translation>
    </message>
    <message>
        <source>{check} {when}</source>
        <translation>{check} {when}</translation>
    </message>
    <message>
        <source>{check} {when}, {late} late</source>
        <translation>{check} {when}, {late} de retraso</translation>
    </message>
    <message>
        <source>Vital signs overdue: {check}</source>
        <translation>Signos vitales atrasados: {check}</translation>
    </message>
    <message>
        <source>Vital signs due: {check}</source>
        <translation>Toca tomar signos vitales: {check}</translation>
    </message>
    <message>
        <source>Overdue: {check}</source>
        <translation>Atrasado: {check}</translation>
    </message>
    <message>
        <source>Due now: {check}</source>
        <translation>Toca ahora: {check}</translation>
    </message>
    <message numerus="yes">
        <source>and %n more check not taken|and %n more checks not taken</source>
        <translation><numerusform>y %n control más sin tomar</numerusform><numerusform>y %n controles más sin tomar</numerusform></translation></message>
    <message>
        <source>Next: {check}</source>
        <translation>Siguiente: {check}</translation>
    </message>
    <message>
        <source>No more checks planned</source>
        <translation>No hay más controles previstos</translation>
    </message>
    <message>
        <source>{done} of {total} done</source>
        <translation>{done} de {total} hechos</translation>
    </message>
    <message>
        <source>Last: {at}  {reading}</source>
        <translation>Último: {at}  {reading}</translation>
    </message>
    <message>
        <source>No reading yet</source>
        <translation>Aún no hay mediciones</translation>
    </message>
    <message>
        <source>Saved {at}: {what}</source>
        <translation>Guardado {at}: {what}</translation>
    </message>
    <message>
        <source>Kept on this PC {at} (offline): {what}</source>
        <translation>Guardado en este equipo {at} (sin conexión): {what}</translation>
    </message>
    <message>
        <source>{what}: {problem}</source>
        <translation>{what}: {problem}</translation>
    </message>
    <message>
        <source>Not saved yet.</source>
        <translation>Aún no se ha guardado.</translation>
    </message>
    <message>
        <source>Saving… {what}</source>
        <translation>Guardando… {what}</translation>
    </message>
    <message>
        <source>{reading} (flagged)</source>
        <translation>{reading} (señalado)</translation>
    </message>
    <message>
        <source>{scale}: {words}</source>
        <translation>{scale}: {words}</translation>
    </message>
</context>
<context>
    <name>Observations</name>
    <message>
        <source>Calm</source>
        <translation>Calma</translation>
    </message>
    <message>
        <source>Talking</source>
        <translation>Hablando</translation>
    </message>
    <message>
        <source>Crying</source>
        <translation>Llorando</translation>
    </message>
    <message>
        <source>Laughing</source>
        <translation>Riendo</translation>
    </message>
    <message>
        <source>Restless</source>
        <translation>Inquietud</translation>
    </message>
    <message>
        <source>Nausea</source>
        <translation>Náuseas</translation>
    </message>
    <message>
        <source>Vomited</source>
        <translation>Vomitó</translation>
    </message>
    <message>
        <source>Unresponsive to voice</source>
        <translation>No responde a la voz</translation>
    </message>
    <message>
        <source>Wants music changed</source>
        <translation>Quiere otra música</translation>
    </message>
    <message>
        <source>Bathroom</source>
        <translation>Baño</translation>
    </message>
    <message>
        <source>Type a note or pick a tag first.</source>
        <translation>Primero escriba una nota o elija una etiqueta.</translation>
    </message>
    <message>
        <source>none</source>
        <translation>nada</translation>
    </message>
    <message>
        <source>worst</source>
        <translation>máxima</translation>
    </message>
    <message>
        <source>Responsiveness to voice</source>
        <translation>Respuesta a la voz</translation>
    </message>
    <message>
        <source>Responds readily to name</source>
        <translation>Responde enseguida a su nombre</translation>
    </message>
    <message>
        <source>Slow to respond to name</source>
        <translation>Tarda en responder a su nombre</translation>
    </message>
    <message>
        <source>Responds only to loud or repeated name</source>
        <translation>Responde solo si se le llama fuerte o varias veces</translation>
    </message>
    <message>
        <source>Responds only to a touch on the shoulder</source>
        <translation>Responde solo al tocarle el hombro</translation>
    </message>
    <message>
        <source>No response to voice or touch</source>
        <translation>No responde a la voz ni al tacto</translation>
    </message>
    <message>
        <source>Distress</source>
        <translation>Angustia</translation>
    </message>
    <message>
        <source>Say why the entry is being corrected.</source>
        <translation>Indique por qué se corrige la entrada.</translation>
    </message>
</context>
<context>
    <name>PageHeader</name>
    <message>
        <source>Patient {code}</source>
        <translation>Paciente {code}</translation>
    </message>
    <message>
        <source>Session {day}</source>
        <translation>Sesión del {day}</translation>
    </message>
    <message>
        <source>Page {number} of {count}</source>
        <translation>Página {number} de {count}</translation>
    </message>
</context>
<context>
    <name>PageRoutes</name>
    <message>
        <source>Who sits with the patient</source>
        <translation>Quién acompaña al paciente</translation>
    </message>
    <message>
        <source>Who sits with the patient (empty: {name})</source>
        <translation>Quién acompaña al paciente (vacío: {name})</translation>
    </message>
    <message>
        <source>That protocol is no longer available; pick another.</source>
        <translation>Ese protocolo ya no está disponible; elija otro.</translation>
    </message>
    <message>
        <source>Sign in first (Ctrl+Shift+L).</source>
        <translation>Primero inicie sesión (Ctrl+Shift+L).</translation>
    </message>
    <message>
        <source>{problem}.</source>
        <translation>{problem}.</translation>
    </message>
    <message>
        <source>{problem}. Try again.</source>
        <translation>{problem}. Inténtelo de nuevo.</translation>
    </message>
    <message>
        <source>{problem}. The session is open; add it to the course later.</source>
        <translation>{problem}. La sesión está abierta; añádala al ciclo más tarde.</translation>
    </message>
    <message>
        <source>{problem} (kapdesk's defaults apply)</source>
        <translation>{problem} (se aplican los valores predeterminados de kapdesk)</translation>
    </message>
    <message>
        <source>Kept in {file}.</source>
        <translation>Se guarda en {file}.</translation>
    </message>
    <message>
        <source>Session {number} of {total}</source>
        <translation>Sesión {number} de {total}</translation>
    </message>
    <message>
        <source>The course</source>
        <translation>El ciclo</translation>
    </message>
    <message>
        <source>A ketamine-assisted therapy session is running</source>
        <translation>Hay una sesión de terapia asistida con ketamina en curso</translation>
    </message>
    <message>
        <source>{problems} Check the PC's power settings during this session.</source>
        <translation>{problems} Revise la configuración de energía del PC durante esta sesión.</translation>
    </message>
</context>
<context>
    <name>PhaseBar</name>
    <message>
        <source>Phases: planned above, as they ran below</source>
        <translation>Fases: previstas arriba, como transcurrieron abajo</translation>
    </message>
</context>
<context>
    <name>Player</name>
    <message>
        <source>The bed “{bed}” cannot play: {reason}</source>
        <translation>El fondo «{bed}» no se puede reproducir: {reason}</translation>
    </message>
    <message>
        <source>“{track}” was skipped: {reason}</source>
        <translation>Se omitió «{track}»: {reason}</translation>
    </message>
</context>
<context>
    <name>PlaylistFiles</name>
    <message>
        <source>{name} is empty</source>
        <extracomment>A file larger than this is not read as a playlist at all.</extracomment>
        <translation>{name} está vacío</translation>
    </message>
    <message>
        <source>{name} is an audio file, not a playlist</source>
        <translation>{name} es un archivo de audio, no una lista de reproducción</translation>
    </message>
    <message>
        <source>{name} does not look like a playlist: {count} of its lines are no file names ({first})</source>
        <translation>{name} no parece una lista de reproducción: {count} de sus líneas no son nombres de archivo ({first})</translation>
    </message>
    <message>
        <source>{name} does not look like a playlist: no [playlist] and no File1=</source>
        <translation>{name} no parece una lista de reproducción: no tiene [playlist] ni File1=</translation>
    </message>
    <message>
        <source>{name} is not valid XML: line {line}: {reason}</source>
        <translation>{name} no es un XML válido: línea {line}: {reason}</translation>
    </message>
    <message>
        <source>{name} declares a text encoding kapdesk does not know ({error})</source>
        <translation>{name} declara una codificación de texto que kapdesk no conoce ({error})</translation>
    </message>
    <message>
        <source>{name} cannot be read as XML: {error}</source>
        <translation>{name} no se puede leer como XML: {error}</translation>
    </message>
    <message>
        <source>{name} nests its XML more than {levels} levels deep (line {line}); it is not an XSPF playlist</source>
        <translation>{name} anida su XML a más de {levels} niveles de profundidad (línea {line}); no es una lista XSPF</translation>
    </message>
    <message>
        <source>{name} is XML but not an XSPF playlist (it starts with &lt;{element}&gt;)</source>
        <translation>{name} es XML, pero no una lista XSPF (empieza con &lt;{element}&gt;)</translation>
    </message>
    <message>
        <source>playlist file</source>
        <translation>archivo de lista de reproducción</translation>
    </message>
    <message>
        <source>a line of {count} characters, too long to be a file name; skipped</source>
        <translation>una línea de {count} caracteres, demasiado larga para ser un nombre de archivo; se omitió</translation>
    </message>
    <message>
        <source>control characters (binary data?) where a file name should be; skipped</source>
        <translation>caracteres de control (¿datos binarios?) donde debería haber un nombre de archivo; se omitió</translation>
    </message>
    <message>
        <source>{name} declares XML entities, which kapdesk does not read</source>
        <translation>{name} declara entidades XML, que kapdesk no lee</translation>
    </message>
</context>
<context>
    <name>PlaylistWriting</name>
    <message>
        <source>cannot tell the playlist format from the name {name}; use .m3u, .m3u8, .pls or .xspf</source>
        <translation>no se puede saber el formato de la lista por el nombre {name}; use .m3u, .m3u8, .pls o .xspf</translation>
    </message>
</context>
<context>
    <name>Playlists</name>
    <message>
        <source>a stream URL; kapdesk plays files only</source>
        <extracomment>File extensions (lower case, with the dot) and the format each stands for. The problem of an entry that names a stream rather than a file.</extracomment>
        <translation>una URL de streaming; kapdesk solo reproduce archivos</translation>
    </message>
    <message>
        <source>missing: {path}</source>
        <extracomment>The start of the problem of an entry whose file does not exist.</extracomment>
        <translation>falta: {path}</translation>
    </message>
    <message>
        <source>a relative path, and the playlist has no folder to find it from</source>
        <translation>una ruta relativa, y la lista de reproducción no tiene carpeta desde la que encontrarla</translation>
    </message>
    <message>
        <source>a folder, not a file: {folder}</source>
        <translation>una carpeta, no un archivo: {folder}</translation>
    </message>
    <message>
        <source>a Windows network path ({path}) that this computer cannot open</source>
        <translation>una ruta de red de Windows ({path}) que este equipo no puede abrir</translation>
    </message>
    <message>
        <source>a Windows path ({path}) that does not exist on this computer</source>
        <translation>una ruta de Windows ({path}) que no existe en este equipo</translation>
    </message>
    <message>
        <source>not found</source>
        <translation>no encontrado</translation>
    </message>
    <message>
        <source>line {line}: {message}</source>
        <translation>línea {line}: {message}</translation>
    </message>
</context>
<context>
    <name>PracticeBand</name>
    <message>
        <source>Practice · not a clinical record</source>
        <translation>Práctica · no es un registro clínico</translation>
    </message>
    <message>
        <source>Practice mode: nothing here is a clinical record</source>
        <translation>Modo de práctica: nada aquí es un registro clínico</translation>
    </message>
    <message>
        <source>speed</source>
        <translation>velocidad</translation>
    </message>
    <message>
        <source>{speed}x</source>
        <translation>{speed}x</translation>
    </message>
    <message>
        <source>Practice time runs {speed} times as fast as real time</source>
        <translation>El tiempo de práctica corre {speed} veces más rápido que el real</translation>
    </message>
</context>
<context>
    <name>PreparationPanel</name>
    <message>
        <source>{step} (if it applies)</source>
        <translation>{step} (si corresponde)</translation>
    </message>
    <message>
        <source>Ticked by {name}</source>
        <translation>Marcado por {name}</translation>
    </message>
    <message>
        <source>Done: {minutes} min.</source>
        <translation>Hecho: {minutes} min.</translation>
    </message>
    <message>
        <source>A few calm minutes before the dose.</source>
        <translation>Unos minutos tranquilos antes de la dosis.</translation>
    </message>
    <message>
        <source>No baseline vital signs yet.</source>
        <translation>Aún no hay signos vitales basales.</translation>
    </message>
    <message>
        <source>{concern}. Dosing will ask for a decision with a reason.</source>
        <translation>{concern}. La dosis pedirá una decisión con su motivo.</translation>
    </message>
    <message>
        <source>Baseline: {reading}.</source>
        <translation>Basal: {reading}.</translation>
    </message>
    <message>
        <source>Baseline: {reading}. Decision: {decision}</source>
        <translation>Basal: {reading}. Decisión: {decision}</translation>
    </message>
    <message>
        <source>Not written yet.</source>
        <translation>Aún no escrita.</translation>
    </message>
    <message>
        <source>Saved.</source>
        <translation>Guardada.</translation>
    </message>
    <message>
        <source>Saved by {name}.</source>
        <translation>Guardada por {name}.</translation>
    </message>
    <message>
        <source>Kept on this PC (offline): sent when the server is back.</source>
        <translation>Guardada en este equipo (sin conexión): se enviará cuando vuelva el servidor.</translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation>Guardando…</translation>
    </message>
    <message>
        <source>Not saved yet: see the message at the top.</source>
        <translation>Aún no guardada: vea el mensaje de arriba.</translation>
    </message>
    <message>
        <source>Write the intention first.</source>
        <translation>Primero escriba la intención.</translation>
    </message>
    <message>
        <source>Intention, in the patient's own words</source>
        <translation>Intención, en palabras del paciente</translation>
    </message>
    <message>
        <source>What the patient hopes to explore or let go of today</source>
        <translation>Lo que el paciente espera explorar o soltar hoy</translation>
    </message>
    <message>
        <source>Save intention</source>
        <translation>Guardar intención</translation>
    </message>
    <message>
        <source>Breathwork</source>
        <translation>Respiración guiada</translation>
    </message>
    <message>
        <source>Breathe together</source>
        <translation>Respirar juntos</translation>
    </message>
    <message>
        <source>Questionnaires</source>
        <translation>Cuestionarios</translation>
    </message>
    <message>
        <source>PHQ-9 and GAD-7</source>
        <translation>PHQ-9 y GAD-7</translation>
    </message>
    <message>
        <source>Before dosing</source>
        <translation>Antes de la dosis</translation>
    </message>
    <message>
        <source>Baseline vital signs</source>
        <translation>Signos vitales basales</translation>
    </message>
</context>
<context>
    <name>PrintJob</name>
    <message>
        <source>The {what} could not be written to {path}: {reason}. Nothing else was changed.</source>
        <translation>No se pudo escribir {what} en {path}: {reason}. No se cambió nada más.</translation>
    </message>
    <message>
        <source>The {what} could not be made: {error}.</source>
        <translation>No se pudo preparar {what}: {error}.</translation>
    </message>
    <message>
        <source>The {what} could not be printed: {error}.</source>
        <translation>No se pudo imprimir {what}: {error}.</translation>
    </message>
    <message>
        <source>The {what} could not be made because of an unexpected problem; it is described in kapdesk's log.</source>
        <translation>No se pudo preparar {what} por un problema inesperado; se describe en el archivo de registro de kapdesk.</translation>
    </message>
    <message>
        <source>The {what} is saved as {path}.</source>
        <translation>Se guardó {what} como {path}.</translation>
    </message>
    <message numerus="yes">
        <source>The {what} went to {where}: %n page.|The {what} went to {where}: %n pages.</source>
        <translation><numerusform>Se envió {what} a {where}: %n página.</numerusform><numerusform>Se envió {what} a {where}: %n páginas.</numerusform></translation></message>
    <message>
        <source>the printer</source>
        <translation>la impresora</translation>
    </message>
    <message>
        <source>the printer reported a problem, so it may not have printed; check the printer and print it again</source>
        <translation>la impresora informó de un problema, así que puede que no haya impreso; revise la impresora y vuelva a imprimir</translation>
    </message>
    <message>
        <source>Print the {what}</source>
        <translation>Imprimir {what}</translation>
    </message>
    <message>
        <source>Making the {what}…</source>
        <translation>Preparando {what}…</translation>
    </message>
    <message>
        <source>Printing the {what}…</source>
        <translation>Imprimiendo {what}…</translation>
    </message>
    <message>
        <source>{refusal}. {hint}</source>
        <translation>{refusal}. {hint}</translation>
    </message>
</context>
<context>
    <name>Printer</name>
    <message>
        <source>Session {number} of {planned}</source>
        <translation>Sesión {number} de {planned}</translation>
    </message>
</context>
<context>
    <name>Printing</name>
    <message>
        <source>the printer could not be started</source>
        <translation>no se pudo iniciar la impresora</translation>
    </message>
    <message>
        <source>the printer could not start a new page</source>
        <translation>la impresora no pudo empezar una página nueva</translation>
    </message>
    <message>
        <source>the printer could not finish the pages, so they may not have printed</source>
        <translation>la impresora no pudo terminar las páginas, así que puede que no se hayan impreso</translation>
    </message>
</context>
<context>
    <name>ProtocolFiles</name>
    <message>
        <source>a number of minutes from {low} to {high}</source>
        <translation>un número de minutos de {low} a {high}</translation>
    </message>
    <message>
        <source>a whole number of points from 1 to 12</source>
        <translation>un número entero de puntos de 1 a 12</translation>
    </message>
    <message>
        <source>a number above 0 and at most {most}</source>
        <translation>un número mayor que 0 y de {most} como máximo</translation>
    </message>
    <message>
        <source>a minute from 0 to {most}</source>
        <translation>un minuto de 0 a {most}</translation>
    </message>
    <message>
        <source>a number of minutes after dosing from 0 to {most}</source>
        <translation>un número de minutos después de la dosis, de 0 a {most}</translation>
    </message>
    <message>
        <source>a number from {low} to {high}</source>
        <translation>un número de {low} a {high}</translation>
    </message>
    <message>
        <source>at most {most} checklist steps; there are {count}</source>
        <translation>como máximo {most} pasos de la lista de verificación; hay {count}</translation>
    </message>
    <message>
        <source>at most {most} questions; there are {count}</source>
        <translation>como máximo {most} preguntas; hay {count}</translation>
    </message>
    <message>
        <source>at most {most} phases; there are {count}</source>
        <translation>como máximo {most} fases; hay {count}</translation>
    </message>
    <message>
        <source>at most {most} intervals; there are {count}</source>
        <translation>como máximo {most} intervalos; hay {count}</translation>
    </message>
    <message>
        <source>at most {most} checks; there are {count}</source>
        <translation>como máximo {most} controles; hay {count}</translation>
    </message>
    <message>
        <source>a [protocol] table with id, name and route is required</source>
        <translation>se necesita una tabla [protocol] con id, name y route</translation>
    </message>
    <message>
        <source>must be lowercase letters, digits and single hyphens (like "iv-ketamine"); "{id}" is not</source>
        <translation>debe tener solo minúsculas, dígitos y guiones sueltos (como "iv-ketamine"); "{id}" no cumple</translation>
    </message>
    <message>
        <source>must be a slug like "ride-home"; "{id}" is not</source>
        <translation>debe ser un identificador como "ride-home"; "{id}" no lo es</translation>
    </message>
    <message>
        <source>"{id}" is already the id of another step</source>
        <translation>"{id}" ya es el id de otro paso</translation>
    </message>
    <message>
        <source>must be a slug like "sedation"; "{id}" is not</source>
        <translation>debe ser un identificador como "sedation"; "{id}" no lo es</translation>
    </message>
    <message>
        <source>"{id}" is already the id of another question</source>
        <translation>"{id}" ya es el id de otra pregunta</translation>
    </message>
    <message>
        <source>needs {other} too: the usual range has two ends</source>
        <translation>también necesita {other}: el rango habitual tiene dos extremos</translation>
    </message>
    <message>
        <source>must be at least {key} ({amount} {unit})</source>
        <translation>debe ser al menos {key} ({amount} {unit})</translation>
    </message>
    <message>
        <source>must be within the usual range, {low} to {high} {unit}</source>
        <translation>debe estar dentro del rango habitual, de {low} a {high} {unit}</translation>
    </message>
    <message>
        <source>must be at most the hard limit ({limit} {unit})</source>
        <translation>debe ser como máximo el límite absoluto ({limit} {unit})</translation>
    </message>
    <message>
        <source>at least one phase is required: add a [[phases]] table</source>
        <translation>se necesita al menos una fase: añada una tabla [[phases]]</translation>
    </message>
    <message>
        <source>at least one phase is required</source>
        <translation>se necesita al menos una fase</translation>
    </message>
    <message>
        <source>"{name}" is already the name of {other}</source>
        <translation>"{name}" ya es el nombre de {other}</translation>
    </message>
    <message>
        <source>the phases add up to {total} minutes; together they may last at most {most}</source>
        <translation>las fases suman {total} minutos; juntas pueden durar como máximo {most}</translation>
    </message>
    <message>
        <source>must be a non-empty array of: {allowed}</source>
        <translation>debe ser una lista no vacía de: {allowed}</translation>
    </message>
    <message>
        <source>"{measure}" is listed twice</source>
        <translation>"{measure}" aparece dos veces</translation>
    </message>
    <message>
        <source>must be after from_minute ({start})</source>
        <translation>debe ser posterior a from_minute ({start})</translation>
    </message>
    <message>
        <source>needs exactly one of at_minute or moment</source>
        <translation>necesita exactamente uno de at_minute o moment</translation>
    </message>
    <message>
        <source>needs exactly one of at_minute or moment, not both</source>
        <translation>necesita exactamente uno de at_minute o moment, no ambos</translation>
    </message>
    <message>
        <source>must be below {other} ({value})</source>
        <translation>debe ser menor que {other} ({value})</translation>
    </message>
    <message>
        <source>must be at most {other} ({value})</source>
        <translation>debe ser como máximo {other} ({value})</translation>
    </message>
    <message>
        <source>must be above {other} ({value})</source>
        <translation>debe ser mayor que {other} ({value})</translation>
    </message>
    <message>
        <source>must be at least {other} ({value})</source>
        <translation>debe ser al menos {other} ({value})</translation>
    </message>
    <message>
        <source>protocol folder not found</source>
        <translation>no se encontró la carpeta de protocolos</translation>
    </message>
    <message>
        <source>cannot read the folder: {error}</source>
        <translation>no se puede leer la carpeta: {error}</translation>
    </message>
    <message>
        <source>id "{id}" is already used by {file}</source>
        <translation>el id "{id}" ya lo usa {file}</translation>
    </message>
</context>
<context>
    <name>QuestionnaireDialog</name>
    <message>
        <source>preparation</source>
        <translation>preparación</translation>
    </message>
    <message>
        <source>follow-up</source>
        <translation>seguimiento</translation>
    </message>
    <message numerus="yes">
        <source>{total} so far; %n question to answer|{total} so far; %n questions to answer</source>
        <translation><numerusform>{total} por ahora; falta %n pregunta</numerusform><numerusform>{total} por ahora; faltan %n preguntas</numerusform></translation></message>
    <message>
        <source>{total} of {most}: {band}</source>
        <translation>{total} de {most}: {band}</translation>
    </message>
    <message>
        <source>{problem}.</source>
        <translation>{problem}.</translation>
    </message>
    <message>
        <source>The {instrument} has no published form in this language here: it is asked in English.</source>
        <translation>El {instrument} no tiene aquí un formulario publicado en español: se pregunta en inglés.</translation>
    </message>
    <message>
        <source>Form in</source>
        <translation>Formulario en</translation>
    </message>
    <message>
        <source>Taken at</source>
        <translation>Momento</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Guardar</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancelar</translation>
    </message>
</context>
<context>
    <name>Questionnaires</name>
    <message>
        <source>PHQ-9 item 9 (thoughts of being better off dead or of self-harm) was answered above “Not at all”: the clinician must assess safety today.</source>
        <translation>En el ítem 9 del PHQ-9 (pensamientos de que estaría mejor muerto o de hacerse daño) la respuesta fue superior a “Ningún día”: el clínico debe evaluar la seguridad hoy.</translation>
    </message>
    <message>
        <source>{name} has {count} questions, not {given}</source>
        <translation>{name} tiene {count} preguntas, no {given}</translation>
    </message>
    <message>
        <source>{name}: answer question {listed}</source>
        <translation>{name}: responda la pregunta {listed}</translation>
    </message>
    <message>
        <source>{name}: question {number} is answered 0-3</source>
        <translation>{name}: la pregunta {number} se responde de 0 a 3</translation>
    </message>
</context>
<context>
    <name>Recording</name>
    <message>
        <source>Offline: {why}. The timer, the music and everything you record go on; entries are kept on this PC and sent, in order, when the server is back.</source>
        <translation>Sin conexión: {why}. El temporizador, la música y todo lo que registre continúan; las entradas se guardan en este PC y se envían, en orden, cuando vuelva el servidor.</translation>
    </message>
    <message>
        <source>the clinic server does not answer</source>
        <translation>el servidor de la clínica no responde</translation>
    </message>
    <message>
        <source>the clinic server cannot be reached</source>
        <translation>no se puede acceder al servidor de la clínica</translation>
    </message>
    <message>
        <source>the clinic server holds no kapdesk records yet</source>
        <translation>el servidor de la clínica aún no tiene registros de kapdesk</translation>
    </message>
    <message>
        <source>the clinic server is damaged or not a kapdesk database</source>
        <translation>el servidor de la clínica está dañado o no es una base de datos de kapdesk</translation>
    </message>
    <message>
        <source>the clinic server has become read-only</source>
        <translation>el servidor de la clínica ha pasado a ser de solo lectura</translation>
    </message>
    <message>
        <source>the clinic server is on a full disk</source>
        <translation>el servidor de la clínica está en un disco lleno</translation>
    </message>
    <message>
        <source>the clinic server is busy</source>
        <translation>el servidor de la clínica está ocupado</translation>
    </message>
    <message>
        <source>the clinic server could not be read</source>
        <translation>no se pudo leer el servidor de la clínica</translation>
    </message>
    <message>
        <source>the clinic server cannot be written</source>
        <translation>no se puede escribir en el servidor de la clínica</translation>
    </message>
    <message numerus="yes">
        <source>Not saved: %n entry could not be added to this session's record, because another kapdesk wrote to the same place in it (two kapdesks on one database).|Not saved: %n entries could not be added to this session's record, because another kapdesk wrote to the same place in it (two kapdesks on one database).</source>
        <translation><numerusform>No guardado: %n entrada no se pudo añadir al registro de esta sesión porque otro kapdesk escribió en el mismo lugar (dos kapdesk en una base de datos).</numerusform><numerusform>No guardado: %n entradas no se pudieron añadir al registro de esta sesión porque otro kapdesk escribió en el mismo lugar (dos kapdesk en una base de datos).</numerusform></translation></message>
    <message>
        <source>{lost} of them could not be kept on disk either and are held in memory only: keep kapdesk open and tell an admin now.</source>
        <translation>{lost} de ellas tampoco se pudieron guardar en el disco y solo están en la memoria: mantenga kapdesk abierto y avise ahora a un administrador.</translation>
    </message>
    <message>
        <source>They are set aside in {path} for an admin: record in one kapdesk only.</source>
        <translation>Están apartadas en {path} para un administrador: registre en un solo kapdesk.</translation>
    </message>
    <message>
        <source>They are set aside for an admin: record in one kapdesk only.</source>
        <translation>Están apartadas para un administrador: registre en un solo kapdesk.</translation>
    </message>
    <message numerus="yes">
        <source>Not saved yet: the disk is full and %n entry waits to be saved. Free space on {disk}; kapdesk tries again every second. Until then they are held in memory only, not on disk: keep kapdesk open.|Not saved yet: the disk is full and %n entries wait to be saved. Free space on {disk}; kapdesk tries again every second. Until then they are held in memory only, not on disk: keep kapdesk open.</source>
        <translation><numerusform>Aún no guardado: el disco está lleno y %n entrada espera ser guardada. Libere espacio en {disk}; kapdesk lo intenta de nuevo cada segundo. Mientras tanto solo están en la memoria, no en el disco: mantenga kapdesk abierto.</numerusform><numerusform>Aún no guardado: el disco está lleno y %n entradas esperan ser guardadas. Libere espacio en {disk}; kapdesk lo intenta de nuevo cada segundo. Mientras tanto solo están en la memoria, no en el disco: mantenga kapdesk abierto.</numerusform></translation></message>
    <message>
        <source>Not saved yet: the disk is full and entries wait to be saved. Free space on {disk}; kapdesk tries again every second. Until then they are held in memory only, not on disk: keep kapdesk open.</source>
        <translation>Aún no guardado: el disco está lleno y hay entradas esperando ser guardadas. Libere espacio en {disk}; kapdesk lo intenta de nuevo cada segundo. Mientras tanto solo están en la memoria, no en el disco: mantenga kapdesk abierto.</translation>
    </message>
    <message>
        <source>the disk holding {where}</source>
        <translation>el disco que contiene {where}</translation>
    </message>
    <message>
        <source>the database's disk</source>
        <translation>el disco de la base de datos</translation>
    </message>
    <message numerus="yes">
        <source>Not saved yet: {reason} and %n entry waits to be saved. Until they are, they are held in memory only, not on disk: keep kapdesk open.|Not saved yet: {reason} and %n entries wait to be saved. Until they are, they are held in memory only, not on disk: keep kapdesk open.</source>
        <translation><numerusform>Aún no guardado: {reason} y %n entrada espera ser guardada. Hasta entonces solo están en la memoria, no en el disco: mantenga kapdesk abierto.</numerusform><numerusform>Aún no guardado: {reason} y %n entradas esperan ser guardadas. Hasta entonces solo están en la memoria, no en el disco: mantenga kapdesk abierto.</numerusform></translation></message>
    <message>
        <source>Not saved yet: {reason} and entries wait to be saved. Until they are, they are held in memory only, not on disk: keep kapdesk open.</source>
        <translation>Aún no guardado: {reason} y hay entradas esperando ser guardadas. Hasta entonces solo están en la memoria, no en el disco: mantenga kapdesk abierto.</translation>
    </message>
    <message>
        <source>Working offline, and this PC cannot keep entries on its disk either: they are held in memory until the clinic server is back. Keep kapdesk open.</source>
        <translation>Sin conexión, y este PC tampoco puede guardar entradas en su disco: se mantienen en la memoria hasta que vuelva el servidor de la clínica. Mantenga kapdesk abierto.</translation>
    </message>
    <message numerus="yes">
        <source>%n entry could not be added to this session's record: another PC recorded at the same place in it (two PCs with one room name?). Kept on this PC for an admin; see the log.|%n entries could not be added to this session's record: another PC recorded at the same place in it (two PCs with one room name?). Kept on this PC for an admin; see the log.</source>
        <translation><numerusform>%n entrada no se pudo añadir al registro de esta sesión: otro PC registró en el mismo lugar (¿dos PC con el mismo nombre de sala?). Se guarda en este PC para un administrador; vea el registro del sistema.</numerusform><numerusform>%n entradas no se pudieron añadir al registro de esta sesión: otro PC registró en el mismo lugar (¿dos PC con el mismo nombre de sala?). Se guardan en este PC para un administrador; vea el registro del sistema.</numerusform></translation></message>
</context>
<context>
    <name>Records</name>
    <message>
        <source>{problem}. A room on a clinic server needs it to keep what is recorded while the server cannot be reached</source>
        <translation>{problem}. Una sala con un servidor de la clínica lo necesita para guardar lo que se registra mientras no se puede acceder al servidor</translation>
    </message>
    <message numerus="yes">
        <source>%n entry kept on this PC while offline could not be added to the record and is set aside in {path}: tell an admin.|%n entries kept on this PC while offline could not be added to the record and are set aside in {path}: tell an admin.</source>
        <translation><numerusform>%n entrada guardada en este PC sin conexión no se pudo añadir al registro y está apartada en {path}: avise a un administrador.</numerusform><numerusform>%n entradas guardadas en este PC sin conexión no se pudieron añadir al registro y están apartadas en {path}: avise a un administrador.</numerusform></translation></message>
    <message numerus="yes">
        <source>%n entry kept on this PC waits for another database than this one (in {path}): tell an admin.|%n entries kept on this PC wait for another database than this one (in {path}): tell an admin.</source>
        <translation><numerusform>%n entrada guardada en este PC espera otra base de datos distinta de esta (en {path}): avise a un administrador.</numerusform><numerusform>%n entradas guardadas en este PC esperan otra base de datos distinta de esta (en {path}): avise a un administrador.</numerusform></translation></message>
    <message numerus="yes">
        <source>%n entry could not be added to the record (another kapdesk wrote in their place) and is set aside in {path}: tell an admin.|%n entries could not be added to the record (another kapdesk wrote in their place) and are set aside in {path}: tell an admin.</source>
        <translation><numerusform>%n entrada no se pudo añadir al registro (otro kapdesk escribió en su lugar) y está apartada en {path}: avise a un administrador.</numerusform><numerusform>%n entradas no se pudieron añadir al registro (otro kapdesk escribió en su lugar) y están apartadas en {path}: avise a un administrador.</numerusform></translation></message>
    <message>
        <source>The file of entries set aside, {path}, cannot be read: tell an admin.</source>
        <translation>No se puede leer el archivo de entradas apartadas, {path}: avise a un administrador.</translation>
    </message>
</context>
<context>
    <name>Roles</name>
    <message>
        <source>Sitter</source>
        <translation>Acompañante</translation>
    </message>
    <message>
        <source>Nurse</source>
        <translation>Enfermería</translation>
    </message>
    <message>
        <source>Prescriber</source>
        <translation>Prescriptor</translation>
    </message>
    <message>
        <source>Therapist</source>
        <translation>Terapeuta</translation>
    </message>
    <message>
        <source>Admin</source>
        <translation>Administración</translation>
    </message>
</context>
<context>
    <name>RoomBackups</name>
    <message>
        <source>Keeping it in the OS keyring…</source>
        <translation>Guardándola en el llavero del sistema…</translation>
    </message>
    <message>
        <source>Kept in the OS keyring.</source>
        <translation>Guardada en el llavero del sistema.</translation>
    </message>
    <message>
        <source>Not kept: {problem}. Without a keyring on this PC kapdesk cannot make encrypted backups by itself; ask IT to set KAPDESK_BACKUP_PASSPHRASE for kapdesk.</source>
        <translation>No se guardó: {problem}. Sin un llavero en este PC, kapdesk no puede hacer copias cifradas por sí solo; pida a informática que defina KAPDESK_BACKUP_PASSPHRASE para kapdesk.</translation>
    </message>
    <message>
        <source>None set yet: no encrypted backup can be made until one is.</source>
        <translation>Ninguna definida todavía: no se puede hacer ninguna copia cifrada hasta que se defina.</translation>
    </message>
</context>
<context>
    <name>RoomPC</name>
    <message>
        <source>Saved, but the autostart entry could not be written: {why}.</source>
        <translation>Guardado, pero no se pudo escribir la entrada de inicio automático: {why}.</translation>
    </message>
    <message>
        <source>This room's settings cannot be saved here.</source>
        <translation>La configuración de esta sala no se puede guardar aquí.</translation>
    </message>
    <message>
        <source>The room's name can change once no session is open in it.</source>
        <translation>El nombre de la sala puede cambiar cuando no haya ninguna sesión abierta en ella.</translation>
    </message>
    <message>
        <source>{reason}.</source>
        <translation>{reason}.</translation>
    </message>
    <message>
        <source>The settings could not be written to {file}: {error}.</source>
        <translation>No se pudo escribir la configuración en {file}: {error}.</translation>
    </message>
</context>
<context>
    <name>RoomSettings</name>
    <message>
        <source>A room name has at most {count} characters.</source>
        <translation>El nombre de una sala tiene como máximo {count} caracteres.</translation>
    </message>
    <message>
        <source>The idle lock is 0 (never) to 240 minutes.</source>
        <translation>El bloqueo por inactividad va de 0 (nunca) a 240 minutos.</translation>
    </message>
    <message>
        <source>The volume limit is 5% to 100%.</source>
        <translation>El límite de volumen va del 5 % al 100 %.</translation>
    </message>
    <message>
        <source>The backup folder is a whole path, such as /media/usb/kapdesk.</source>
        <translation>La carpeta de copias es una ruta completa, como /media/usb/kapdesk.</translation>
    </message>
    <message>
        <source>Backups kept are 0 to {count} of each kind.</source>
        <translation>Las copias guardadas van de 0 a {count} de cada tipo.</translation>
    </message>
    <message>
        <source>At least one backup is kept: daily, weekly or monthly.</source>
        <translation>Se guarda al menos una copia: diaria, semanal o mensual.</translation>
    </message>
    <message>
        <source>must have at most {count} characters</source>
        <translation>debe tener como máximo {count} caracteres</translation>
    </message>
    <message>
        <source>0 (never) to 240 minutes</source>
        <translation>de 0 (nunca) a 240 minutos</translation>
    </message>
    <message>
        <source>{low} to {high}</source>
        <translation>de {low} a {high}</translation>
    </message>
    <message>
        <source>must be a whole path (/media/usb/kapdesk), or empty for none</source>
        <translation>debe ser una ruta completa (/media/usb/kapdesk), o quedar vacío si no hay ninguna</translation>
    </message>
    <message>
        <source>must be a whole number, 0 to {most}</source>
        <translation>debe ser un número entero, de 0 a {most}</translation>
    </message>
    <message>
        <source>must be 0 to {most}, not {value}</source>
        <translation>debe ser de 0 a {most}, no {value}</translation>
    </message>
    <message>
        <source>must be a PostgreSQL URL (postgresql://user@server/database)</source>
        <translation>debe ser una URL de PostgreSQL (postgresql://user@server/database)</translation>
    </message>
    <message>
        <source>must not hold the password: kapdesk connect keeps it in the OS keyring</source>
        <translation>no debe contener la contraseña: kapdesk connect la guarda en el llavero del sistema</translation>
    </message>
</context>
<context>
    <name>SafeFiles</name>
    <message>
        <source>file</source>
        <translation>archivo</translation>
    </message>
    <message>
        <source>it is {kind}, not a {what}</source>
        <translation>es {kind}, no un {what}</translation>
    </message>
    <message>
        <source>the name holds a NUL character</source>
        <translation>el nombre contiene un carácter NUL</translation>
    </message>
    <message>
        <source>it is too large to be a {what} (over {size})</source>
        <translation>es demasiado grande para ser un {what} (más de {size})</translation>
    </message>
    <message>
        <source>{count} bytes</source>
        <translation>{count} bytes</translation>
    </message>
    <message>
        <source>it is inside kapdesk's own data ({place}), which an export never writes over; choose a place outside it</source>
        <translation>está dentro de los datos propios de kapdesk ({place}), que una exportación nunca sobrescribe; elija un lugar fuera de ellos</translation>
    </message>
    <message>
        <source>it is a link to a file that does not exist</source>
        <translation>es un enlace a un archivo que no existe</translation>
    </message>
    <message>
        <source>it is {kind}, not a file kapdesk may replace</source>
        <translation>es {kind}, no un archivo que kapdesk pueda reemplazar</translation>
    </message>
    <message>
        <source>it is kapdesk's own file {place} under another name</source>
        <translation>es el archivo propio de kapdesk {place} con otro nombre</translation>
    </message>
    <message>
        <source>the folder {folder} does not exist</source>
        <translation>la carpeta {folder} no existe</translation>
    </message>
    <message>
        <source>{folder} is not a folder</source>
        <translation>{folder} no es una carpeta</translation>
    </message>
    <message>
        <source>cannot write {path}: {reason}</source>
        <translation>no se puede escribir {path}: {reason}</translation>
    </message>
    <message>
        <source>cannot write {path}: {reason}; the file there before is unchanged</source>
        <translation>no se puede escribir {path}: {reason}; el archivo anterior no ha cambiado</translation>
    </message>
    <message>
        <source>a folder</source>
        <translation>una carpeta</translation>
    </message>
    <message>
        <source>a device</source>
        <translation>un dispositivo</translation>
    </message>
    <message>
        <source>a pipe (FIFO)</source>
        <translation>una tubería (FIFO)</translation>
    </message>
    <message>
        <source>a socket</source>
        <translation>un socket</translation>
    </message>
    <message>
        <source>not a regular file</source>
        <translation>no es un archivo normal</translation>
    </message>
    <message>
        <source>its links go round in a loop</source>
        <translation>sus enlaces forman un bucle</translation>
    </message>
    <message>
        <source>no such file</source>
        <translation>el archivo no existe</translation>
    </message>
    <message>
        <source>permission denied</source>
        <translation>permiso denegado</translation>
    </message>
    <message>
        <source>the name is too long</source>
        <translation>el nombre es demasiado largo</translation>
    </message>
</context>
<context>
    <name>SessionRecord</name>
    <message>
        <source>Session record</source>
        <translation>Registro de la sesión</translation>
    </message>
    <message>
        <source>Session record · {code}</source>
        <translation>Registro de la sesión · {code}</translation>
    </message>
    <message>
        <source>Session {session}</source>
        <translation>Sesión {session}</translation>
    </message>
    <message>
        <source>Session {session} · {code}</source>
        <translation>Sesión {session} · {code}</translation>
    </message>
    <message>
        <source>Printed {moment} by kapdesk {version}. Corrections are shown with the original; nothing in the record is overwritten.</source>
        <translation>Impreso el {moment} por kapdesk {version}. Las correcciones se muestran junto al original; nada del registro se sobrescribe.</translation>
    </message>
    <message>
        <source>Integration plan</source>
        <translation>Plan de integración</translation>
    </message>
    <message>
        <source>Patient (clinic code)</source>
        <translation>Paciente (código de la clínica)</translation>
    </message>
    <message>
        <source>Session</source>
        <translation>Sesión</translation>
    </message>
    <message>
        <source>{session} · {course}</source>
        <translation>{session} · {course}</translation>
    </message>
    <message>
        <source>Protocol</source>
        <translation>Protocolo</translation>
    </message>
    <message>
        <source>Sitter</source>
        <translation>Acompañante</translation>
    </message>
    <message>
        <source>Staff in the record</source>
        <translation>Personal en el registro</translation>
    </message>
    <message>
        <source>Opened</source>
        <translation>Abierta</translation>
    </message>
    <message>
        <source>Dosed</source>
        <translation>Dosificada</translation>
    </message>
    <message>
        <source>Closed</source>
        <translation>Cerrada</translation>
    </message>
    <message>
        <source>Closed early</source>
        <translation>Cerrada antes de tiempo</translation>
    </message>
    <message>
        <source>Why closed early</source>
        <translation>Por qué se cerró antes</translation>
    </message>
    <message>
        <source>Early close decided by</source>
        <translation>Cierre anticipado decidido por</translation>
    </message>
    <message>
        <source>Closed because</source>
        <translation>Cerrada porque</translation>
    </message>
    <message>
        <source>Signed</source>
        <translation>Firma</translation>
    </message>
    <message>
        <source>The clinician responsible for this session signs the printed record.</source>
        <translation>El clínico responsable de esta sesión firma el registro impreso.</translation>
    </message>
    <message>
        <source>The clinician responsible for this session signs the printed record. Sitter in the record: {sitter}.</source>
        <translation>El clínico responsable de esta sesión firma el registro impreso. Acompañante en el registro: {sitter}.</translation>
    </message>
    <message>
        <source>Clinician (name)</source>
        <translation>Clínico (nombre)</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>Función</translation>
    </message>
    <message>
        <source>Signature</source>
        <translation>Firma</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Fecha</translation>
    </message>
    <message>
        <source>Preparation</source>
        <translation>Preparación</translation>
    </message>
    <message>
        <source>done</source>
        <translation>hecho</translation>
    </message>
    <message>
        <source>not done</source>
        <translation>no hecho</translation>
    </message>
    <message>
        <source>(not recorded)</source>
        <translation>(no registrada)</translation>
    </message>
    <message>
        <source>&lt;b&gt;Intention&lt;/b&gt; (the patient's words): {intention}</source>
        <translation>&lt;b&gt;Intención&lt;/b&gt; (en palabras del paciente): {intention}</translation>
    </message>
    <message>
        <source>&lt;b&gt;Baseline vital signs:&lt;/b&gt; {reading}</source>
        <translation>&lt;b&gt;Signos vitales basales:&lt;/b&gt; {reading}</translation>
    </message>
    <message>
        <source>Dosed after a high baseline because: {reason}</source>
        <translation>Dosificada tras una presión basal alta porque: {reason}</translation>
    </message>
    <message>
        <source>Breathwork: {minutes} min</source>
        <translation>Respiración guiada: {minutes} min</translation>
    </message>
    <message>
        <source>Checklist step</source>
        <translation>Paso de la lista</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Hora</translation>
    </message>
    <message>
        <source>Journey</source>
        <translation>Tiempo</translation>
    </message>
    <message>
        <source>By</source>
        <translation>Por</translation>
    </message>
    <message>
        <source>What</source>
        <translation>Qué</translation>
    </message>
    <message>
        <source>Doses</source>
        <translation>Dosis</translation>
    </message>
    <message>
        <source>No dose was recorded.</source>
        <translation>No se registró ninguna dosis.</translation>
    </message>
    <message>
        <source>Outside the usual range: {why}</source>
        <translation>Fuera del rango habitual: {why}</translation>
    </message>
    <message>
        <source>Outside the usual range: {why}; given because: {reason}</source>
        <translation>Fuera del rango habitual: {why}; administrada porque: {reason}</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>Cantidad</translation>
    </message>
    <message>
        <source>Weight</source>
        <translation>Peso</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>Total</translation>
    </message>
    <message>
        <source>Route</source>
        <translation>Vía</translation>
    </message>
    <message>
        <source>Lot</source>
        <translation>Lote</translation>
    </message>
    <message>
        <source>Given by</source>
        <translation>Administrada por</translation>
    </message>
    <message>
        <source>Phases</source>
        <translation>Fases</translation>
    </message>
    <message>
        <source>ended early by hand</source>
        <translation>terminada antes a mano</translation>
    </message>
    <message>
        <source>Phase</source>
        <translation>Fase</translation>
    </message>
    <message>
        <source>Planned</source>
        <translation>Prevista</translation>
    </message>
    <message>
        <source>Actual</source>
        <translation>Real</translation>
    </message>
    <message>
        <source>Started at</source>
        <translation>Inicio</translation>
    </message>
    <message>
        <source>Original ({when}): {text}</source>
        <translation>Original ({when}): {text}</translation>
    </message>
    <message>
        <source>Original ({when} by {by}): {text}</source>
        <translation>Original ({when}, por {by}): {text}</translation>
    </message>
    <message>
        <source>Corrected {when}, because “{reason}”: {text}</source>
        <translation>Corregido el {when}, porque «{reason}»: {text}</translation>
    </message>
    <message>
        <source>Corrected {when} by {by}, because “{reason}”: {text}</source>
        <translation>Corregido el {when} por {by}, porque «{reason}»: {text}</translation>
    </message>
    <message>
        <source>Vital signs</source>
        <translation>Signos vitales</translation>
    </message>
    <message>
        <source>No vital signs were recorded.</source>
        <translation>No se registraron signos vitales.</translation>
    </message>
    <message>
        <source>before dose</source>
        <translation>antes de la dosis</translation>
    </message>
    <message>
        <source>Left axis: blood pressure (mmHg) and heart rate (/min). Right axis: SpO2 (%). Shaded strip: baseline, before dosing. Red rings: flagged readings.</source>
        <translation>Eje izquierdo: presión arterial (mmHg) y frecuencia cardíaca (/min). Eje derecho: SpO2 (%). Franja sombreada: valores basales, antes de la dosis. Círculos rojos: lecturas señaladas.</translation>
    </message>
    <message>
        <source>Reading</source>
        <translation>Lectura</translation>
    </message>
    <message>
        <source>Flagged</source>
        <translation>Señalada</translation>
    </message>
    <message>
        <source>Notes and ratings</source>
        <translation>Notas y valoraciones</translation>
    </message>
    <message>
        <source>None.</source>
        <translation>Ninguna.</translation>
    </message>
    <message>
        <source>Entry</source>
        <translation>Anotación</translation>
    </message>
    <message>
        <source>Music and sound</source>
        <translation>Música y sonido</translation>
    </message>
    <message>
        <source>No sound was played.</source>
        <translation>No se reprodujo ningún sonido.</translation>
    </message>
    <message>
        <source>Discharge</source>
        <translation>Alta</translation>
    </message>
    <message>
        <source>&lt;b&gt;Ready to leave:&lt;/b&gt; {moment}</source>
        <translation>&lt;b&gt;Listo para irse:&lt;/b&gt; {moment}</translation>
    </message>
    <message>
        <source>&lt;b&gt;Ready to leave:&lt;/b&gt; {moment} ({journey} after dosing)</source>
        <translation>&lt;b&gt;Listo para irse:&lt;/b&gt; {moment} ({journey} tras la dosis)</translation>
    </message>
    <message>
        <source>&lt;b&gt;Ready to leave:&lt;/b&gt; {moment}; may leave from {time}</source>
        <translation>&lt;b&gt;Listo para irse:&lt;/b&gt; {moment}; puede irse a partir de las {time}</translation>
    </message>
    <message>
        <source>&lt;b&gt;Ready to leave:&lt;/b&gt; {moment} ({journey} after dosing); may leave from {time}</source>
        <translation>&lt;b&gt;Listo para irse:&lt;/b&gt; {moment} ({journey} tras la dosis); puede irse a partir de las {time}</translation>
    </message>
    <message>
        <source>No discharge check found the patient ready to leave.</source>
        <translation>Ninguna evaluación de alta encontró al paciente listo para irse.</translation>
    </message>
    <message>
        <source>&lt;b&gt;Total monitoring time&lt;/b&gt; (dose to close): {time}</source>
        <translation>&lt;b&gt;Tiempo total de vigilancia&lt;/b&gt; (de la dosis al cierre): {time}</translation>
    </message>
    <message>
        <source>{total} of {most}</source>
        <translation>{total} de {most}</translation>
    </message>
    <message>
        <source>{item} {score} ({words})</source>
        <translation>{item} {score} ({words})</translation>
    </message>
    <message>
        <source>Score</source>
        <translation>Puntuación</translation>
    </message>
    <message>
        <source>Items</source>
        <translation>Criterios</translation>
    </message>
    <message>
        <source>Why not ready</source>
        <translation>Por qué no está listo</translation>
    </message>
    <message>
        <source>Timeline</source>
        <translation>Cronología</translation>
    </message>
    <message>
        <source>Item</source>
        <translation>Elemento</translation>
    </message>
    <message>
        <source>When</source>
        <translation>Cuándo</translation>
    </message>
    <message>
        <source>With</source>
        <translation>Con</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Notas</translation>
    </message>
    <message>
        <source>Systolic</source>
        <translation>Sistólica</translation>
    </message>
    <message>
        <source>Diastolic</source>
        <translation>Diastólica</translation>
    </message>
    <message>
        <source>Heart rate</source>
        <translation>Frecuencia cardíaca</translation>
    </message>
    <message>
        <source>Baseline</source>
        <translation>Basal</translation>
    </message>
    <message>
        <source>minutes since dosing</source>
        <translation>minutos desde la dosis</translation>
    </message>
</context>
<context>
    <name>SettingsFiles</name>
    <message>
        <source>line {line}, {field}: {message}</source>
        <translation>línea {line}, {field}: {message}</translation>
    </message>
    <message>
        <source>line {line}: {message}</source>
        <translation>línea {line}: {message}</translation>
    </message>
    <message>
        <source>settings file</source>
        <translation>archivo de configuración</translation>
    </message>
    <message numerus="yes">
        <source>{source}: %n problem|{source}: %n problems</source>
        <translation><numerusform>{source}: %n problema</numerusform><numerusform>{source}: %n problemas</numerusform></translation></message>
    <message>
        <source>true/false</source>
        <translation>true/false</translation>
    </message>
    <message>
        <source>text</source>
        <translation>texto</translation>
    </message>
    <message>
        <source>a number</source>
        <translation>un número</translation>
    </message>
    <message>
        <source>an array</source>
        <translation>una lista</translation>
    </message>
    <message>
        <source>a table</source>
        <translation>una tabla</translation>
    </message>
    <message>
        <source>a date/time</source>
        <translation>una fecha/hora</translation>
    </message>
    <message>
        <source>must be a table, not {kind}</source>
        <translation>debe ser una tabla, no {kind}</translation>
    </message>
    <message>
        <source>must be an array of tables, not {kind}: write {header}</source>
        <translation>debe ser una lista de tablas, no {kind}: escriba {header}</translation>
    </message>
    <message>
        <source>unknown key "{key}"</source>
        <translation>clave desconocida "{key}"</translation>
    </message>
    <message>
        <source>unknown key "{key}" (did you mean "{close}"?)</source>
        <translation>clave desconocida "{key}" (¿quiso decir "{close}"?)</translation>
    </message>
    <message>
        <source>is required</source>
        <translation>es obligatorio</translation>
    </message>
    <message>
        <source>is required: {expected}</source>
        <translation>es obligatorio: {expected}</translation>
    </message>
    <message>
        <source>must be text, not {kind}</source>
        <translation>debe ser texto, no {kind}</translation>
    </message>
    <message>
        <source>must not be empty</source>
        <translation>no debe estar vacío</translation>
    </message>
    <message>
        <source>must be {expected}</source>
        <translation>debe ser {expected}</translation>
    </message>
    <message>
        <source>must be {expected}, not {kind}</source>
        <translation>debe ser {expected}, no {kind}</translation>
    </message>
    <message>
        <source>must be true or false, not {kind}</source>
        <translation>debe ser true o false, no {kind}</translation>
    </message>
    <message>
        <source>must be one of: {allowed}; "{value}" is not</source>
        <translation>debe ser uno de: {allowed}; "{value}" no lo es</translation>
    </message>
    <message>
        <source>must be one of: {allowed}; not {kind}</source>
        <translation>debe ser uno de: {allowed}; no {kind}</translation>
    </message>
    <message>
        <source>{error} at the end of the file</source>
        <translation>{error} al final del archivo</translation>
    </message>
    <message>
        <source>values are nested too deeply</source>
        <translation>los valores están anidados a demasiada profundidad</translation>
    </message>
    <message>
        <source>cannot read the file: {reason}</source>
        <translation>no se puede leer el archivo: {reason}</translation>
    </message>
    <message>
        <source>not UTF-8 text (byte 0x{byte}); save the file with UTF-8 encoding</source>
        <translation>no es texto UTF-8 (byte 0x{byte}); guarde el archivo con codificación UTF-8</translation>
    </message>
</context>
<context>
    <name>SetupView</name>
    <message>
        <source>HANDOUT LANGUAGE</source>
        <translation>IDIOMA DE LA HOJA</translation>
    </message>
    <message>
        <source>No sound</source>
        <translation>Sin sonido</translation>
    </message>
    <message>
        <source>New course of</source>
        <translation>Nuevo ciclo de</translation>
    </message>
    <message>
        <source>Not part of a course</source>
        <translation>Fuera de un ciclo</translation>
    </message>
    <message>
        <source>Course from {day}: session {number} of {planned}</source>
        <translation>Ciclo del {day}: sesión {number} de {planned}</translation>
    </message>
    <message>
        <source> sessions</source>
        <translation> sesiones</translation>
    </message>
    <message numerus="yes">
        <source>{name}
{route} · %n phase · {planned}|{name}
{route} · %n phases · {planned}</source>
        <translation><numerusform>{name}
{route} · %n fase · {planned}</numerusform><numerusform>{name}
{route} · %n fases · {planned}</numerusform></translation></message>
    <message numerus="yes">
        <source>{name}
{route} · %n phase · {planned} · at least {room} in the room|{name}
{route} · %n phases · {planned} · at least {room} in the room</source>
        <translation><numerusform>{name}
{route} · %n fase · {planned} · al menos {room} en la sala</numerusform><numerusform>{name}
{route} · %n fases · {planned} · al menos {room} en la sala</numerusform></translation></message>
    <message>
        <source>Some of the clinic's files could not be used (kapdesk's own stand in for them): {problems}</source>
        <translation>No se pudieron usar algunos archivos de la clínica (kapdesk usa los suyos en su lugar): {problems}</translation>
    </message>
    <message>
        <source>Silence: no bed and no music.</source>
        <translation>Silencio: sin fondo y sin música.</translation>
    </message>
    <message>
        <source>Bed: {title}</source>
        <translation>Fondo: {title}</translation>
    </message>
    <message>
        <source>No bed</source>
        <translation>Sin fondo</translation>
    </message>
    <message>
        <source>{bed}; no music</source>
        <translation>{bed}; sin música</translation>
    </message>
    <message>
        <source>{bed}. {stretches}</source>
        <translation>{bed}. {stretches}</translation>
    </message>
    <message>
        <source>{coverage}.</source>
        <translation>{coverage}.</translation>
    </message>
    <message>
        <source>{coverage}. Loudness: {note}.</source>
        <translation>{coverage}. Sonoridad: {note}.</translation>
    </message>
    <message>
        <source>Enter the patient's clinic code.</source>
        <translation>Escriba el código clínico del paciente.</translation>
    </message>
    <message>
        <source>Pick the protocol for this session.</source>
        <translation>Elija el protocolo de esta sesión.</translation>
    </message>
    <message>
        <source>New session</source>
        <translation>Nueva sesión</translation>
    </message>
    <message>
        <source>Past sessions</source>
        <translation>Historial</translation>
    </message>
    <message>
        <source>Library</source>
        <translation>Biblioteca</translation>
    </message>
    <message>
        <source>Follow-ups</source>
        <translation>Seguimientos</translation>
    </message>
    <message>
        <source>Staff</source>
        <translation>Personal</translation>
    </message>
    <message>
        <source>PATIENT CLINIC CODE</source>
        <translation>CÓDIGO CLÍNICO DEL PACIENTE</translation>
    </message>
    <message>
        <source>Type or pick the code, e.g. P-0042</source>
        <translation>Escriba o elija el código, p. ej. P-0042</translation>
    </message>
    <message>
        <source>PROTOCOL</source>
        <translation>PROTOCOLO</translation>
    </message>
    <message>
        <source>SITTER</source>
        <translation>ACOMPAÑANTE</translation>
    </message>
    <message>
        <source>Who sits with the patient</source>
        <translation>Quién acompaña al paciente</translation>
    </message>
    <message>
        <source>SOUNDTRACK</source>
        <translation>BANDA SONORA</translation>
    </message>
    <message>
        <source>COURSE</source>
        <translation>CICLO</translation>
    </message>
    <message>
        <source>Open session</source>
        <translation>Abrir sesión</translation>
    </message>
    <message>
        <source>Patient codes</source>
        <translation>Los códigos de pacientes</translation>
    </message>
    <message>
        <source>Soundtracks</source>
        <translation>Las bandas sonoras</translation>
    </message>
    <message>
        <source>The patient's courses</source>
        <translation>Los ciclos del paciente</translation>
    </message>
</context>
<context>
    <name>SignIn</name>
    <message>
        <source>That name and PIN do not match an account.</source>
        <translation>Ese nombre y ese PIN no corresponden a ninguna cuenta.</translation>
    </message>
    <message>
        <source>That name and PIN do not match an account. Try again in {seconds} s.</source>
        <translation>Ese nombre y ese PIN no corresponden a ninguna cuenta. Inténtelo de nuevo en {seconds} s.</translation>
    </message>
    <message>
        <source>Too many wrong PINs: try again in {seconds} s.</source>
        <translation>Demasiados PIN incorrectos: inténtelo de nuevo en {seconds} s.</translation>
    </message>
    <message>
        <source>Signed in: {name} ({roles})</source>
        <translation>Usuario: {name} ({roles})</translation>
    </message>
    <message>
        <source>{problem}.</source>
        <translation>{problem}.</translation>
    </message>
    <message>
        <source>{refusal}. {offer}</source>
        <translation>{refusal}. {offer}</translation>
    </message>
    <message>
        <source>admin</source>
        <translation>admin</translation>
    </message>
    <message>
        <source>nurse</source>
        <translation>enfermería</translation>
    </message>
    <message>
        <source>prescriber</source>
        <translation>prescriptor</translation>
    </message>
    <message>
        <source>sitter</source>
        <translation>acompañante</translation>
    </message>
    <message>
        <source>therapist</source>
        <translation>terapeuta</translation>
    </message>
    <message>
        <source>The words in {language} could not be loaded; kapdesk keeps the language it speaks.</source>
        <translation>No se pudieron cargar las palabras en {language}; kapdesk mantiene el idioma que usa.</translation>
    </message>
    <message>
        <source>Clinic board</source>
        <translation>Tablero clínico</translation>
    </message>
    <message>
        <source>Lock or switch user</source>
        <translation>Bloquear o cambiar usuario</translation>
    </message>
</context>
<context>
    <name>SoundDevice</name>
    <message>
        <source>the sound device is closed</source>
        <translation>el dispositivo de sonido está cerrado</translation>
    </message>
    <message>
        <source>nothing is loaded to play</source>
        <translation>no hay nada cargado para reproducir</translation>
    </message>
    <message>
        <source>the file is too large to load</source>
        <translation>el archivo es demasiado grande para cargarlo</translation>
    </message>
    <message>
        <source>kapdesk cannot start this file part-way through</source>
        <translation>kapdesk no puede empezar este archivo a mitad</translation>
    </message>
    <message>
        <source>the sound device is already open in kapdesk</source>
        <translation>el dispositivo de sonido ya está abierto en kapdesk</translation>
    </message>
    <message>
        <source>the sound device could not be opened ({error})</source>
        <translation>no se pudo abrir el dispositivo de sonido ({error})</translation>
    </message>
</context>
<context>
    <name>SoundFiles</name>
    <message>
        <source>the file is missing</source>
        <translation>falta el archivo</translation>
    </message>
    <message>
        <source>this is a folder, not a sound file</source>
        <translation>es una carpeta, no un archivo de sonido</translation>
    </message>
    <message>
        <source>a compressed WAV kapdesk cannot play; save it as plain (PCM) WAV</source>
        <translation>un WAV comprimido que kapdesk no puede reproducir; guárdelo como WAV simple (PCM)</translation>
    </message>
    <message>
        <source>this is not an ordinary file</source>
        <translation>no es un archivo normal</translation>
    </message>
    <message>
        <source>the file cannot be read (permission denied)</source>
        <translation>no se puede leer el archivo (permiso denegado)</translation>
    </message>
    <message>
        <source>the file is empty</source>
        <translation>el archivo está vacío</translation>
    </message>
    <message>
        <source>not a sound file kapdesk can play</source>
        <translation>no es un archivo de sonido que kapdesk pueda reproducir</translation>
    </message>
    <message>
        <source>not a sound file kapdesk can play ({kind})</source>
        <translation>no es un archivo de sonido que kapdesk pueda reproducir ({kind})</translation>
    </message>
    <message>
        <source>the file is damaged or is not really a sound file</source>
        <translation>el archivo está dañado o no es realmente un archivo de sonido</translation>
    </message>
    <message>
        <source>the file is damaged or cut short</source>
        <translation>el archivo está dañado o incompleto</translation>
    </message>
    <message>
        <source>the file holds no sound (its length is zero)</source>
        <translation>el archivo no contiene sonido (su duración es cero)</translation>
    </message>
    <message>
        <source>the file is named {suffix} but holds {format} sound; rename it to {right}</source>
        <translation>el archivo se llama {suffix} pero contiene sonido {format}; cámbiele el nombre a {right}</translation>
    </message>
    <message>
        <source>the file cannot be read ({detail})</source>
        <translation>no se puede leer el archivo ({detail})</translation>
    </message>
</context>
<context>
    <name>SoundPanel</name>
    <message>
        <source>Skip</source>
        <translation>Saltar</translation>
    </message>
    <message>
        <source>Skip to the next track</source>
        <translation>Pasar a la siguiente pista</translation>
    </message>
    <message>
        <source>Quiet</source>
        <translation>Silencio</translation>
    </message>
    <message>
        <source>Sound back up</source>
        <translation>Activar sonido</translation>
    </message>
    <message>
        <source>Music volume</source>
        <translation>Volumen de la música</translation>
    </message>
    <message>
        <source>Bed volume</source>
        <translation>Volumen del fondo</translation>
    </message>
    <message>
        <source>No sound for this session.</source>
        <translation>Sin sonido en esta sesión.</translation>
    </message>
    <message>
        <source>No sound: sound is turned off for this room. The journey goes on without it.</source>
        <translation>Sin sonido: el sonido está desactivado en esta sala. La sesión continúa sin él.</translation>
    </message>
    <message>
        <source>No sound: {reason}. The journey goes on without it.</source>
        <translation>Sin sonido: {reason}. La sesión continúa sin él.</translation>
    </message>
    <message>
        <source>The sound fades out: the session is closed.</source>
        <translation>El sonido se desvanece: la sesión está cerrada.</translation>
    </message>
    <message>
        <source>The music has run out. Bed: {bed} goes on.</source>
        <translation>La música se acabó. El fondo {bed} continúa.</translation>
    </message>
    <message>
        <source>The music has run out. No bed goes on.</source>
        <translation>La música se acabó. No hay fondo.</translation>
    </message>
    <message>
        <source>No music for this phase. Bed: {bed}.</source>
        <translation>Sin música en esta fase. Fondo: {bed}.</translation>
    </message>
    <message>
        <source>No music for this phase. No bed.</source>
        <translation>Sin música en esta fase. Sin fondo.</translation>
    </message>
    <message>
        <source>Next: {track}   ·   Bed: {bed}</source>
        <translation>Siguiente: {track}   ·   Fondo: {bed}</translation>
    </message>
    <message>
        <source>Next: {track}   ·   No bed</source>
        <translation>Siguiente: {track}   ·   Sin fondo</translation>
    </message>
    <message>
        <source>Nothing queued after this   ·   Bed: {bed}</source>
        <translation>Nada más en cola   ·   Fondo: {bed}</translation>
    </message>
    <message>
        <source>Nothing queued after this   ·   No bed</source>
        <translation>Nada más en cola   ·   Sin fondo</translation>
    </message>
</context>
<context>
    <name>SoundtrackDialog</name>
    <message>
        <source>No music (bed only)</source>
        <translation>Sin música (solo fondo)</translation>
    </message>
    <message>
        <source>Same as any other phase</source>
        <translation>Igual que cualquier otra fase</translation>
    </message>
    <message>
        <source>Give the soundtrack a name.</source>
        <translation>Póngale un nombre a la banda sonora.</translation>
    </message>
    <message>
        <source>Soundtrack</source>
        <translation>Banda sonora</translation>
    </message>
    <message>
        <source>e.g. Evening, ocean and strings</source>
        <translation>p. ej., Tarde, mar y cuerdas</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nombre</translation>
    </message>
    <message>
        <source>No bed</source>
        <translation>Sin fondo</translation>
    </message>
    <message>
        <source>Bed</source>
        <translation>Fondo</translation>
    </message>
    <message>
        <source>Settling (before the dose)</source>
        <translation>Preparación (antes de la dosis)</translation>
    </message>
    <message>
        <source>Any other phase</source>
        <translation>Cualquier otra fase</translation>
    </message>
    <message>
        <source>Fade across when the phase changes</source>
        <translation>Fundido al cambiar de fase</translation>
    </message>
    <message>
        <source>Let the track finish, then change</source>
        <translation>Terminar la pista y luego cambiar</translation>
    </message>
    <message>
        <source>Phase change</source>
        <translation>Cambio de fase</translation>
    </message>
    <message>
        <source>Fade</source>
        <translation>Fundido</translation>
    </message>
    <message>
        <source>Music volume</source>
        <translation>Volumen de la música</translation>
    </message>
    <message>
        <source>Bed volume</source>
        <translation>Volumen del fondo</translation>
    </message>
    <message>
        <source>PLAYLIST FOR EACH PHASE</source>
        <translation>LISTA PARA CADA FASE</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Guardar</translation>
    </message>
</context>
<context>
    <name>Staff</name>
    <message>
        <source>Opening a session</source>
        <translation>Abrir una sesión</translation>
    </message>
    <message>
        <source>Preparation</source>
        <translation>La preparación</translation>
    </message>
    <message>
        <source>Recording in the journey</source>
        <translation>Anotar en el recorrido</translation>
    </message>
    <message>
        <source>Correcting the record</source>
        <translation>Corregir el registro</translation>
    </message>
    <message>
        <source>Closing a session</source>
        <translation>Cerrar una sesión</translation>
    </message>
    <message>
        <source>Closing a session early</source>
        <translation>Cerrar una sesión antes de tiempo</translation>
    </message>
    <message>
        <source>The integration plan</source>
        <translation>El plan de integración</translation>
    </message>
    <message>
        <source>Recording a dose</source>
        <translation>Registrar una dosis</translation>
    </message>
    <message>
        <source>Deciding to dose after a high baseline</source>
        <translation>Decidir la dosis tras una medición basal alta</translation>
    </message>
    <message>
        <source>The discharge check</source>
        <translation>La verificación del alta</translation>
    </message>
    <message>
        <source>Printing or exporting a record</source>
        <translation>Imprimir o exportar un registro</translation>
    </message>
    <message>
        <source>Editing protocols</source>
        <translation>Editar los protocolos</translation>
    </message>
    <message>
        <source>Editing staff</source>
        <translation>Editar el personal</translation>
    </message>
    <message>
        <source>Editing the clinic's settings</source>
        <translation>Editar la configuración de la clínica</translation>
    </message>
    <message>
        <source>Reading the audit trail</source>
        <translation>Leer el registro de auditoría</translation>
    </message>
    <message>
        <source>a sitter</source>
        <translation>un acompañante</translation>
    </message>
    <message>
        <source>a nurse</source>
        <translation>personal de enfermería</translation>
    </message>
    <message>
        <source>a prescriber</source>
        <translation>un prescriptor</translation>
    </message>
    <message>
        <source>a therapist</source>
        <translation>un terapeuta</translation>
    </message>
    <message>
        <source>an admin</source>
        <translation>un administrador</translation>
    </message>
    <message>
        <source>{first} or {last}</source>
        <translation>{first} o {last}</translation>
    </message>
    <message>
        <source>{first} and {second}</source>
        <translation>{first} y {second}</translation>
    </message>
    <message>
        <source>no role</source>
        <translation>sin función asignada</translation>
    </message>
    <message>
        <source>{name} is no longer active here</source>
        <translation>{name} ya no está activo aquí</translation>
    </message>
    <message>
        <source>{what} takes {who}; {name} is {held}</source>
        <translation>{what} requiere {who}; {name} es {held}</translation>
    </message>
    <message>
        <source>A PIN is digits only.</source>
        <translation>Un PIN solo lleva dígitos.</translation>
    </message>
    <message>
        <source>A PIN has {low} to {high} digits.</source>
        <translation>Un PIN tiene de {low} a {high} dígitos.</translation>
    </message>
    <message>
        <source>A PIN of one digit repeated is too easy to guess.</source>
        <translation>Un PIN de un mismo dígito repetido es demasiado fácil de adivinar.</translation>
    </message>
    <message>
        <source>A PIN of digits in a row (like 1234) is too easy to guess.</source>
        <translation>Un PIN de dígitos seguidos (como 1234) es demasiado fácil de adivinar.</translation>
    </message>
    <message>
        <source>A PIN must not be part of the name.</source>
        <translation>El PIN no debe formar parte del nombre.</translation>
    </message>
    <message>
        <source>{name} has no account here</source>
        <translation>{name} no tiene cuenta aquí</translation>
    </message>
    <message>
        <source>An account needs the person's name.</source>
        <translation>Una cuenta necesita el nombre de la persona.</translation>
    </message>
    <message>
        <source>An account needs at least one role.</source>
        <translation>Una cuenta necesita al menos un rol.</translation>
    </message>
    <message>
        <source>The first account is the clinic's admin.</source>
        <translation>La primera cuenta es la del administrador de la clínica.</translation>
    </message>
    <message>
        <source>Adding staff takes an admin</source>
        <translation>Añadir personal requiere un administrador</translation>
    </message>
    <message>
        <source>{name} has an account already.</source>
        <translation>{name} ya tiene una cuenta.</translation>
    </message>
    <message>
        <source>{name} has no account.</source>
        <translation>{name} no tiene cuenta.</translation>
    </message>
    <message>
        <source>The clinic must keep an active admin: make someone else admin first.</source>
        <translation>La clínica debe conservar un administrador activo: primero haga administrador a otra persona.</translation>
    </message>
</context>
<context>
    <name>StaffView</name>
    <message>
        <source>Name</source>
        <translation>Nombre</translation>
    </message>
    <message>
        <source>Roles</source>
        <translation>Funciones</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Estado</translation>
    </message>
    <message>
        <source>When</source>
        <translation>Cuándo</translation>
    </message>
    <message>
        <source>Who</source>
        <translation>Quién</translation>
    </message>
    <message>
        <source>What</source>
        <translation>Qué</translation>
    </message>
    <message>
        <source>Subject</source>
        <translation>Sobre</translation>
    </message>
    <message>
        <source>Detail</source>
        <translation>Detalle</translation>
    </message>
    <message>
        <source>Accounts</source>
        <translation>Cuentas</translation>
    </message>
    <message>
        <source>Audit trail</source>
        <translation>Registro de auditoría</translation>
    </message>
    <message>
        <source>This room PC</source>
        <translation>Este PC de sala</translation>
    </message>
    <message>
        <source>active</source>
        <translation>activa</translation>
    </message>
    <message>
        <source>inactive</source>
        <translation>inactiva</translation>
    </message>
    <message>
        <source>On the clinic server {database} (an admin changes it with kapdesk connect)</source>
        <translation>En el servidor de la clínica {database} (un administrador lo cambia con kapdesk connect)</translation>
    </message>
    <message>
        <source>On this PC (kapdesk connect points a room at the clinic's server)</source>
        <translation>En este PC (kapdesk connect conecta una sala al servidor de la clínica)</translation>
    </message>
    <message>
        <source>Saved. It applies now (the volume from the next session).</source>
        <translation>Guardado. Se aplica ahora (el volumen, desde la próxima sesión).</translation>
    </message>
    <message>
        <source>{reason}.</source>
        <translation>{reason}.</translation>
    </message>
    <message>
        <source>Saved: {name}'s account.</source>
        <translation>Guardado: la cuenta de {name}.</translation>
    </message>
    <message>
        <source>Saved: {name} is active.</source>
        <translation>Guardado: la cuenta de {name} está activa.</translation>
    </message>
    <message>
        <source>Saved: {name} is inactive.</source>
        <translation>Guardado: la cuenta de {name} está inactiva.</translation>
    </message>
    <message>
        <source>Staff accounts</source>
        <translation>Las cuentas del personal</translation>
    </message>
    <message>
        <source>The audit trail</source>
        <translation>El registro de auditoría</translation>
    </message>
    <message>
        <source>The account</source>
        <translation>La cuenta</translation>
    </message>
    <message>
        <source>Change account</source>
        <translation>Cambiar cuenta</translation>
    </message>
    <message>
        <source>Add account</source>
        <translation>Añadir cuenta</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Guardar</translation>
    </message>
    <message>
        <source>Staff and audit trail</source>
        <translation>Personal y registro de auditoría</translation>
    </message>
    <message>
        <source>Back</source>
        <translation>Volver</translation>
    </message>
    <message>
        <source>From</source>
        <translation>Desde</translation>
    </message>
    <message>
        <source>Change roles or PIN</source>
        <translation>Cambiar funciones o PIN</translation>
    </message>
    <message>
        <source>Make inactive / active</source>
        <translation>Desactivar / activar</translation>
    </message>
    <message>
        <source>e.g. Room 2 (shown in the title bar)</source>
        <translation>p. ej. Sala 2 (se muestra en la barra de título)</translation>
    </message>
    <message>
        <source>Room name</source>
        <translation>Nombre de la sala</translation>
    </message>
    <message>
        <source>Fill the screen, no window frame (staff leave with Ctrl+Shift+Q)</source>
        <translation>Pantalla completa, sin marco (el personal sale con Ctrl+Shift+Q)</translation>
    </message>
    <message>
        <source>Kiosk</source>
        <translation>Quiosco</translation>
    </message>
    <message>
        <source>Start kapdesk when this PC's account logs in</source>
        <translation>Iniciar kapdesk al iniciar sesión la cuenta de este PC</translation>
    </message>
    <message>
        <source>Autostart</source>
        <translation>Inicio automático</translation>
    </message>
    <message>
        <source>Not the clinic's, but:</source>
        <translation>No el de la clínica, sino:</translation>
    </message>
    <message>
        <source> min (0: never)</source>
        <translation> min (0: nunca)</translation>
    </message>
    <message>
        <source>Idle lock</source>
        <translation>Bloqueo por inactividad</translation>
    </message>
    <message>
        <source> % of full volume</source>
        <translation> % del volumen máximo</translation>
    </message>
    <message>
        <source>Loudest sound</source>
        <translation>Sonido máximo</translation>
    </message>
    <message>
        <source>Show patient codes on this PC's clinic board</source>
        <translation>Mostrar los códigos de paciente en el tablero de este PC</translation>
    </message>
    <message>
        <source>Clinic board</source>
        <translation>Tablero de la clínica</translation>
    </message>
    <message>
        <source>Records kept</source>
        <translation>Registros guardados</translation>
    </message>
</context>
<context>
    <name>Start</name>
    <message>
        <source>Another kapdesk took the data folder {folder} meanwhile: use its window, or close it and try again.</source>
        <translation>Otro kapdesk tomó mientras tanto la carpeta de datos {folder}: use su ventana, o ciérrelo e inténtelo de nuevo.</translation>
    </message>
    <message>
        <source>The record is encrypted. Type its passphrase to open it.</source>
        <translation>El registro está cifrado. Escriba su frase de contraseña para abrirlo.</translation>
    </message>
    <message>
        <source>{reason}. Try again.</source>
        <translation>{reason}. Inténtelo de nuevo.</translation>
    </message>
    <message>
        <source>kapdesk met an unexpected problem while opening its records ({name}).</source>
        <translation>kapdesk encontró un problema inesperado al abrir sus registros ({name}).</translation>
    </message>
    <message>
        <source>kapdesk cannot write its lock file in its data folder {folder}. IT support: check the folder and its disk, then press Try again.</source>
        <translation>kapdesk no puede escribir su archivo de bloqueo en su carpeta de datos {folder}. Soporte informático: revise la carpeta y su disco y luego pulse Intentar de nuevo.</translation>
    </message>
    <message>
        <source>This kapdesk was started with a password in its --db URL, which an autostart entry would keep in plain text: set autostart with kapdesk install-desktop and a URL without the password.</source>
        <translation>Este kapdesk se inició con una contraseña en su URL de --db, que una entrada de inicio automático guardaría en texto sin cifrar: configure el inicio automático con kapdesk install-desktop y una URL sin la contraseña.</translation>
    </message>
</context>
<context>
    <name>StartView</name>
    <message>
        <source>Opening the record…</source>
        <translation>Abriendo el registro…</translation>
    </message>
    <message>
        <source>Opening the records…</source>
        <translation>Abriendo los registros…</translation>
    </message>
    <message>
        <source>kapdesk cannot open its records</source>
        <translation>kapdesk no puede abrir sus registros</translation>
    </message>
    <message>
        <source>Nothing was changed: what is already saved stays in the database.</source>
        <translation>No se ha cambiado nada: lo que ya está guardado sigue en la base de datos.</translation>
    </message>
    <message>
        <source>Put right what is named above and try again (a clinic server that was away may be back), or close kapdesk. If it keeps happening, give your clinic's IT support this message and the log in {folder}.</source>
        <translation>Corrija lo indicado arriba e inténtelo de nuevo (un servidor de la clínica que no respondía puede haber vuelto), o cierre kapdesk. Si sigue ocurriendo, entregue al soporte informático de su clínica este mensaje y el registro de {folder}.</translation>
    </message>
    <message>
        <source>Passphrase</source>
        <translation>Frase de contraseña</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Abrir</translation>
    </message>
    <message>
        <source>Try again</source>
        <translation>Intentar de nuevo</translation>
    </message>
    <message>
        <source>Close kapdesk</source>
        <translation>Cerrar kapdesk</translation>
    </message>
</context>
<context>
    <name>Storage</name>
    <message>
        <source>a course has from 1 to 50 sessions</source>
        <translation>un ciclo tiene de 1 a 50 sesiones</translation>
    </message>
    <message>
        <source>The course could not be started</source>
        <translation>No se pudo iniciar el ciclo</translation>
    </message>
    <message>
        <source>The session could not join the course</source>
        <translation>La sesión no pudo unirse al ciclo</translation>
    </message>
    <message>
        <source>The course cannot be read</source>
        <translation>No se puede leer el ciclo</translation>
    </message>
    <message>
        <source>Courses cannot be read</source>
        <translation>No se pueden leer los ciclos</translation>
    </message>
    <message>
        <source>say why the earlier answers are corrected</source>
        <translation>indique por qué se corrigen las respuestas anteriores</translation>
    </message>
    <message>
        <source>The questionnaire could not be saved</source>
        <translation>No se pudo guardar el cuestionario</translation>
    </message>
    <message>
        <source>Questionnaires cannot be read</source>
        <translation>No se pueden leer los cuestionarios</translation>
    </message>
    <message>
        <source>the database cannot be reached</source>
        <translation>no se puede acceder a la base de datos</translation>
    </message>
    <message>
        <source>the database holds no kapdesk records yet</source>
        <translation>la base de datos aún no contiene registros de kapdesk</translation>
    </message>
    <message>
        <source>the database is damaged or not a kapdesk database</source>
        <translation>la base de datos está dañada o no es una base de datos de kapdesk</translation>
    </message>
    <message>
        <source>the database has become read-only</source>
        <translation>la base de datos pasó a ser de solo lectura</translation>
    </message>
    <message>
        <source>the database is on a full disk</source>
        <translation>la base de datos está en un disco lleno</translation>
    </message>
    <message>
        <source>the database is busy</source>
        <translation>la base de datos está ocupada</translation>
    </message>
    <message>
        <source>the database could not be read</source>
        <translation>no se pudo leer la base de datos</translation>
    </message>
    <message>
        <source>the database cannot be written</source>
        <translation>no se puede escribir en la base de datos</translation>
    </message>
    <message>
        <source>{action}: {reason}</source>
        <translation>{action}: {reason}</translation>
    </message>
    <message>
        <source>The integration plan could not be saved</source>
        <translation>No se pudo guardar el plan de integración</translation>
    </message>
    <message>
        <source>The integration plan cannot be read</source>
        <translation>No se puede leer el plan de integración</translation>
    </message>
    <message>
        <source>The change could not be saved</source>
        <translation>No se pudo guardar el cambio</translation>
    </message>
    <message>
        <source>Open integration items cannot be read</source>
        <translation>No se pueden leer las tareas de integración pendientes</translation>
    </message>
    <message>
        <source>the text {message}</source>
        <translation>el texto: {message}</translation>
    </message>
    <message>
        <source>it cannot be read</source>
        <translation>no se puede leer</translation>
    </message>
    <message numerus="yes">
        <source>{reason}; and %n more problem|{reason}; and %n more problems</source>
        <translation><numerusform>{reason}; y %n problema más</numerusform><numerusform>{reason}; y %n problemas más</numerusform></translation></message>
    <message>
        <source>the session's record names phases it does not have</source>
        <translation>el registro de la sesión nombra fases que el protocolo no tiene</translation>
    </message>
    <message>
        <source>This session's protocol cannot be used ({reason}). The timer and the record go on; move through the phases by hand; no vital signs fall due by schedule, and kapdesk's default limits flag the readings.</source>
        <translation>No se puede usar el protocolo de esta sesión ({reason}). El temporizador y el registro continúan; avance por las fases a mano; no habrá signos vitales programados, y los límites predeterminados de kapdesk marcan las lecturas.</translation>
    </message>
    <message>
        <source>Entries kept on this PC while offline cannot be sent yet</source>
        <translation>Las anotaciones guardadas en este PC sin conexión aún no se pueden enviar</translation>
    </message>
    <message>
        <source>a session needs the patient's clinic code</source>
        <translation>una sesión necesita el código clínico del paciente</translation>
    </message>
    <message>
        <source>The session could not be opened</source>
        <translation>No se pudo abrir la sesión</translation>
    </message>
    <message>
        <source>Sessions left open cannot be read</source>
        <translation>No se pueden leer las sesiones que quedaron abiertas</translation>
    </message>
    <message>
        <source>Session {number} cannot be read</source>
        <translation>No se puede leer la sesión {number}</translation>
    </message>
    <message>
        <source>Past sessions cannot be read</source>
        <translation>No se pueden leer las sesiones anteriores</translation>
    </message>
    <message>
        <source>Patient codes cannot be read</source>
        <translation>No se pueden leer los códigos de paciente</translation>
    </message>
    <message>
        <source>Staff names cannot be read</source>
        <translation>No se pueden leer los nombres del personal</translation>
    </message>
    <message>
        <source>Staff accounts cannot be read</source>
        <translation>No se pueden leer las cuentas del personal</translation>
    </message>
    <message>
        <source>The account could not be saved</source>
        <translation>No se pudo guardar la cuenta</translation>
    </message>
    <message>
        <source>Signing in is not possible right now</source>
        <translation>Ahora no es posible iniciar sesión</translation>
    </message>
    <message>
        <source>The audit log could not be written</source>
        <translation>No se pudo escribir el registro de auditoría</translation>
    </message>
    <message>
        <source>The audit trail cannot be read</source>
        <translation>No se puede leer el historial de auditoría</translation>
    </message>
    <message>
        <source>The audit log cannot be read</source>
        <translation>No se puede leer el registro de auditoría</translation>
    </message>
    <message>
        <source>There is already a playlist called “{name}”</source>
        <translation>Ya existe una lista de reproducción llamada “{name}”</translation>
    </message>
    <message>
        <source>The sound files could not be saved</source>
        <translation>No se pudieron guardar los archivos de sonido</translation>
    </message>
    <message>
        <source>The sound library cannot be read</source>
        <translation>No se puede leer la biblioteca de sonidos</translation>
    </message>
    <message>
        <source>The loudness could not be saved</source>
        <translation>No se pudo guardar la sonoridad</translation>
    </message>
    <message>
        <source>Playlists cannot be read</source>
        <translation>No se pueden leer las listas de reproducción</translation>
    </message>
    <message>
        <source>The playlist cannot be read</source>
        <translation>No se puede leer la lista de reproducción</translation>
    </message>
    <message>
        <source>A playlist needs a name</source>
        <translation>Una lista de reproducción necesita un nombre</translation>
    </message>
    <message>
        <source>The playlist could not be saved</source>
        <translation>No se pudo guardar la lista de reproducción</translation>
    </message>
    <message>
        <source>That playlist no longer exists</source>
        <translation>Esa lista de reproducción ya no existe</translation>
    </message>
    <message>
        <source>The playlist could not be deleted</source>
        <translation>No se pudo eliminar la lista de reproducción</translation>
    </message>
    <message>
        <source>A soundtrack needs a name</source>
        <translation>Una banda sonora necesita un nombre</translation>
    </message>
    <message>
        <source>The soundtrack could not be saved</source>
        <translation>No se pudo guardar la banda sonora</translation>
    </message>
    <message>
        <source>The soundtrack could not be deleted</source>
        <translation>No se pudo eliminar la banda sonora</translation>
    </message>
    <message>
        <source>Soundtracks cannot be read</source>
        <translation>No se pueden leer las bandas sonoras</translation>
    </message>
    <message>
        <source>cannot use the database file {path}: {error}</source>
        <translation>no se puede usar el archivo de base de datos {path}: {error}</translation>
    </message>
    <message>
        <source>kapdesk cannot talk to {kind}: {error}</source>
        <translation>kapdesk no puede comunicarse con {kind}: {error}</translation>
    </message>
    <message>
        <source>the database has no identity (its schema is incomplete)</source>
        <translation>la base de datos no tiene identidad (su esquema está incompleto)</translation>
    </message>
    <message>
        <source>the database was written by a newer kapdesk (schema {revision}); this version knows schemas up to {head}. It was left untouched: update kapdesk.</source>
        <translation>la base de datos fue escrita por un kapdesk más reciente (esquema {revision}); esta versión conoce esquemas hasta {head}. No se modificó: actualice kapdesk.</translation>
    </message>
    <message>
        <source>{table} ({before} rows before, {after} after)</source>
        <translation>{table} ({before} filas antes, {after} después)</translation>
    </message>
    <message>
        <source>the database upgrade would have lost rows of {tables}; it was not made and the database is as it was. Keep kapdesk's older version and call IT</source>
        <translation>la actualización de la base de datos habría perdido filas de {tables}; no se hizo y la base de datos sigue como estaba. Conserve la versión anterior de kapdesk y llame al soporte informático</translation>
    </message>
    <message>
        <source>the database holds tables kapdesk did not make ({tables}): it is not a kapdesk record. It was left untouched.</source>
        <translation>la base de datos contiene tablas que kapdesk no creó ({tables}): no es un registro de kapdesk. No se modificó.</translation>
    </message>
    <message>
        <source>the database holds records ({table}) but no schema version: kapdesk cannot tell what made it. It was left untouched.</source>
        <translation>la base de datos contiene registros ({table}) pero ninguna versión de esquema: kapdesk no puede saber qué la creó. No se modificó.</translation>
    </message>
    <message>
        <source>cannot use the database at {where}: {error}</source>
        <translation>no se puede usar la base de datos en {where}: {error}</translation>
    </message>
    <message>
        <source>the database at {where} cannot be reached. It was left untouched.</source>
        <translation>no se puede acceder a la base de datos en {where}. No se modificó.</translation>
    </message>
    <message>
        <source>the database at {where} holds no kapdesk records yet. It was left untouched.</source>
        <translation>la base de datos en {where} aún no contiene registros de kapdesk. No se modificó.</translation>
    </message>
    <message>
        <source>the database at {where} is damaged or not a kapdesk database. It was left untouched.</source>
        <translation>la base de datos en {where} está dañada o no es una base de datos de kapdesk. No se modificó.</translation>
    </message>
    <message>
        <source>the database at {where} has become read-only. It was left untouched.</source>
        <translation>la base de datos en {where} ha pasado a ser de solo lectura. No se modificó.</translation>
    </message>
    <message>
        <source>the database at {where} is on a full disk. It was left untouched.</source>
        <translation>la base de datos en {where} está en un disco lleno. No se modificó.</translation>
    </message>
    <message>
        <source>the database at {where} is busy. It was left untouched.</source>
        <translation>la base de datos en {where} está ocupada. No se modificó.</translation>
    </message>
    <message>
        <source>kapdesk's full check found the record file {path} damaged ({problem}). Keep kapdesk open and call IT: the record must be restored from a backup.</source>
        <translation>la revisión completa de kapdesk encontró dañado el archivo del registro {path} ({problem}). Mantenga kapdesk abierto y llame al soporte informático: el registro debe restaurarse desde una copia de seguridad.</translation>
    </message>
    <message>
        <source>cannot use the data folder {folder}: {error}</source>
        <translation>no se puede usar la carpeta de datos {folder}: {error}</translation>
    </message>
    <message>
        <source>the database at {path} is encrypted, and {problem}</source>
        <translation>la base de datos en {path} está cifrada, y {problem}</translation>
    </message>
    <message>
        <source>the database at {path} is encrypted: its passphrase is needed</source>
        <translation>la base de datos en {path} está cifrada: se necesita su frase de contraseña</translation>
    </message>
    <message>
        <source>that passphrase does not open the database (or the file is damaged)</source>
        <translation>esa frase de contraseña no abre la base de datos (o el archivo está dañado)</translation>
    </message>
    <message>
        <source>not a database URL: {url}</source>
        <translation>no es una URL de base de datos: {url}</translation>
    </message>
    <message>
        <source>not a database URL: {url} (is the port a number, and is an IPv6 address closed with ']'?)</source>
        <translation>no es una URL de base de datos: {url} (¿el puerto es un número, y la dirección IPv6 está cerrada con ']'?)</translation>
    </message>
    <message>
        <source>the port {port} in {url} is not between 1 and {highest}</source>
        <translation>el puerto {port} de {url} no está entre 1 y {highest}</translation>
    </message>
    <message>
        <source>kapdesk cannot talk to {kind}: there is no such database kind or driver (for a clinic server use postgresql://…)</source>
        <translation>kapdesk no puede comunicarse con {kind}: no existe ese tipo de base de datos ni ese controlador (para un servidor de la clínica use postgresql://…)</translation>
    </message>
    <message>
        <source>the driver for {kind} is not installed on this PC (for a clinic server use postgresql://…)</source>
        <translation>el controlador para {kind} no está instalado en este PC (para un servidor de la clínica use postgresql://…)</translation>
    </message>
    <message>
        <source>an SQLite database in memory keeps nothing once kapdesk closes: give a file (sqlite:////path/to/kapdesk.sqlite3), or leave --db out to use the data folder</source>
        <translation>una base de datos SQLite en memoria no guarda nada al cerrarse kapdesk: indique un archivo (sqlite:////path/to/kapdesk.sqlite3), u omita --db para usar la carpeta de datos</translation>
    </message>
    <message>
        <source>kapdesk takes an SQLite database as a path, not a file: URI: give {url}</source>
        <translation>kapdesk acepta una base de datos SQLite como ruta, no como URI file:: indique {url}</translation>
    </message>
    <message>
        <source>the database path {path} holds a NUL character</source>
        <translation>la ruta de la base de datos {path} contiene un carácter NUL</translation>
    </message>
    <message>
        <source>cannot use {path} as a database: {error}</source>
        <translation>no se puede usar {path} como base de datos: {error}</translation>
    </message>
    <message>
        <source>cannot use {path} as a database: it is not a regular file (a device, a pipe or a folder); kapdesk has left it as it was</source>
        <translation>no se puede usar {path} como base de datos: no es un archivo normal (es un dispositivo, una tubería o una carpeta); kapdesk lo dejó como estaba</translation>
    </message>
    <message>
        <source>cannot create the database {path}: the folder {folder} does not exist (kapdesk does not create folders for --db)</source>
        <translation>no se puede crear la base de datos {path}: la carpeta {folder} no existe (kapdesk no crea carpetas para --db)</translation>
    </message>
    <message>
        <source>a clinic server is PostgreSQL: postgresql://user@server/database</source>
        <translation>un servidor de la clínica es PostgreSQL: postgresql://user@server/database</translation>
    </message>
    <message>
        <source>the URL names no server or no database</source>
        <translation>la URL no indica ningún servidor o ninguna base de datos</translation>
    </message>
    <message>
        <source>the clinic server cannot be used: {problem}</source>
        <translation>no se puede usar el servidor de la clínica: {problem}</translation>
    </message>
    <message>
        <source>the database at {path} {why}. It was left untouched, and kapdesk will not open it: put back the record from a backup, or move the file away to start a new, empty record.</source>
        <translation>la base de datos en {path} {why}. No se modificó, y kapdesk no la abrirá: restaure el registro desde una copia de seguridad, o mueva el archivo a otro lugar para empezar un registro nuevo y vacío.</translation>
    </message>
    <message>
        <source>the database at {path} {why}. It could not be moved aside ({error}): it was left as it was, and kapdesk will not open it.</source>
        <translation>la base de datos en {path} {why}. No se pudo apartar ({error}): se dejó como estaba, y kapdesk no la abrirá.</translation>
    </message>
    <message>
        <source>the database at {path} {why}. Nothing was written to it: it was moved, with the files beside it, to {folder}, where README.txt says what to do.</source>
        <translation>la base de datos en {path} {why}. No se escribió nada en ella: se movió, con los archivos que la acompañan, a {folder}, donde README.txt explica qué hacer.</translation>
    </message>
    <message>
        <source>the record that was at {path} was set aside in {folder} (README.txt there says why). kapdesk does not start a new, empty record in its place until {hold} in that folder is deleted.</source>
        <translation>el registro que estaba en {path} se apartó en {folder} (README.txt allí explica por qué). kapdesk no empieza un registro nuevo y vacío en su lugar hasta que se borre {hold} en esa carpeta.</translation>
    </message>
    <message>
        <source>the database at {path} is encrypted; kapdesk opens an encrypted database only as its data folder's own. It was left untouched.</source>
        <translation>la base de datos en {path} está cifrada; kapdesk solo abre una base de datos cifrada si es la de su propia carpeta de datos. No se modificó.</translation>
    </message>
    <message>
        <source>is missing, but a WAL of it was found beside where it should be</source>
        <translation>no está, pero se encontró un WAL suyo junto a donde debería estar</translation>
    </message>
    <message>
        <source>is an empty file (0 bytes): what it held is lost from it</source>
        <translation>es un archivo vacío (0 bytes): lo que contenía se ha perdido</translation>
    </message>
    <message>
        <source>is damaged or not a kapdesk database: its first bytes are not those of a SQLite file (zeroed or overwritten), and it does not look encrypted either</source>
        <translation>está dañada o no es una base de datos de kapdesk: sus primeros bytes no son los de un archivo SQLite (puestos a cero o sobrescritos), y tampoco parece cifrada</translation>
    </message>
    <message>
        <source>is damaged: it is not made of whole pages (cut short?)</source>
        <translation>está dañada: no está hecha de páginas completas (¿cortada?)</translation>
    </message>
    <message>
        <source>is not the file its WAL (the file of its latest changes) was written on: an older copy put back in its place? Merging them would falsify the record</source>
        <translation>no es el archivo sobre el que se escribió su WAL (el archivo de sus últimos cambios): ¿una copia anterior puesta en su lugar? Unirlos falsearía el registro</translation>
    </message>
    <message>
        <source>has a WAL beside it (the file of its latest changes) that another database wrote: merging it would replace records</source>
        <translation>tiene al lado un WAL (el archivo de sus últimos cambios) que escribió otra base de datos: unirlo reemplazaría registros</translation>
    </message>
    <message>
        <source>has a WAL beside it (the file of its latest changes) that does not belong to it (merged into a copy, {problem}): merging it would replace records</source>
        <translation>tiene al lado un WAL (el archivo de sus últimos cambios) que no le pertenece (unido a una copia, {problem}): unirlo reemplazaría registros</translation>
    </message>
    <message>
        <source>is damaged (SQLite's check says: {problem})</source>
        <translation>está dañada (la revisión de SQLite dice: {problem})</translation>
    </message>
    <message>
        <source>SQLCipher is not installed with this kapdesk (the sqlcipher3-binary package; its wheels are for Linux on x86_64)</source>
        <translation>SQLCipher no está instalado con este kapdesk (el paquete sqlcipher3-binary; sus wheels son para Linux en x86_64)</translation>
    </message>
    <message>
        <source>A passphrase has at least {shortest} characters.</source>
        <translation>Una frase de contraseña tiene al menos {shortest} caracteres.</translation>
    </message>
    <message>
        <source>A passphrase of so few different characters is too easy to guess.</source>
        <translation>Una frase de contraseña con tan pocos caracteres distintos es demasiado fácil de adivinar.</translation>
    </message>
    <message>
        <source>the outbox {path} cannot be used: {error}</source>
        <translation>no se puede usar la bandeja de salida {path}: {error}</translation>
    </message>
    <message>
        <source>the outbox {path} cannot be written: {error}</source>
        <translation>no se puede escribir en la bandeja de salida {path}: {error}</translation>
    </message>
    <message>
        <source>the outbox {path} cannot be read: {error}</source>
        <translation>no se puede leer la bandeja de salida {path}: {error}</translation>
    </message>
    <message>
        <source>the lock file {path} cannot be made ({error}): kapdesk cannot make sure it is the only one writing to the database</source>
        <translation>no se puede crear el archivo de bloqueo {path} ({error}): kapdesk no puede asegurarse de ser el único que escribe en la base de datos</translation>
    </message>
    <message>
        <source>the lock file {path} cannot be locked ({error})</source>
        <translation>no se puede bloquear el archivo de bloqueo {path} ({error})</translation>
    </message>
    <message>
        <source>the database {path} is in use by another kapdesk ({who}): only one kapdesk may write to it at a time. Use that kapdesk's window, or close it and try again</source>
        <translation>la base de datos {path} está en uso por otro kapdesk ({who}): solo un kapdesk puede escribir en ella a la vez. Use la ventana de ese kapdesk, o ciérrelo e inténtelo de nuevo</translation>
    </message>
    <message>
        <source>a process</source>
        <translation>un proceso</translation>
    </message>
    <message>
        <source>a process on {host}</source>
        <translation>un proceso en {host}</translation>
    </message>
    <message>
        <source>process {pid}</source>
        <translation>proceso {pid}</translation>
    </message>
    <message>
        <source>process {pid} on {host}</source>
        <translation>proceso {pid} en {host}</translation>
    </message>
    <message>
        <source>another process</source>
        <translation>otro proceso</translation>
    </message>
</context>
<context>
    <name>StorageOps</name>
    <message>
        <source>{what} could not be loaded: {why}.</source>
        <translation>{what}: no se pudo cargar ({why}).</translation>
    </message>
    <message>
        <source>{what} could not be saved: {why}.</source>
        <translation>{what}: no se pudo guardar ({why}).</translation>
    </message>
    <message>
        <source>{what} could not be loaded: the records are not answering.</source>
        <translation>{what}: no se pudo cargar (los registros no responden).</translation>
    </message>
    <message>
        <source>{what}: not confirmed yet: the records are not answering; kapdesk is still trying.</source>
        <translation>{what}: aún sin confirmar: los registros no responden; kapdesk sigue intentándolo.</translation>
    </message>
    <message>
        <source>{what} could not be shown (the log says why).</source>
        <translation>{what}: no se pudo mostrar (el archivo de registro indica por qué).</translation>
    </message>
    <message>
        <source>{reason}.</source>
        <translation>{reason}.</translation>
    </message>
    <message>
        <source>the records could not be read</source>
        <translation>no se pudieron leer los registros</translation>
    </message>
    <message>
        <source>something unexpected went wrong (the log says what)</source>
        <translation>ocurrió algo inesperado (el archivo de registro indica qué)</translation>
    </message>
    <message>
        <source>The page</source>
        <translation>La página</translation>
    </message>
</context>
<context>
    <name>SummaryView</name>
    <message>
        <source>Past sessions</source>
        <translation>Sesiones previas</translation>
    </message>
    <message>
        <source>Timeline</source>
        <translation>Cronología</translation>
    </message>
    <message>
        <source>Integration</source>
        <translation>Integración</translation>
    </message>
    <message>
        <source>Print…</source>
        <translation>Imprimir…</translation>
    </message>
    <message>
        <source>Save PDF…</source>
        <translation>Guardar PDF…</translation>
    </message>
    <message>
        <source>New session</source>
        <translation>Nueva sesión</translation>
    </message>
    <message>
        <source>session record</source>
        <translation>el registro de la sesión</translation>
    </message>
    <message>
        <source>Save the session record</source>
        <translation>Guardar el registro de la sesión</translation>
    </message>
    <message>
        <source>PHASES</source>
        <translation>FASES</translation>
    </message>
    <message>
        <source>EVENTS</source>
        <translation>EVENTOS</translation>
    </message>
    <message>
        <source>Phase</source>
        <translation>Fase</translation>
    </message>
    <message>
        <source>Planned</source>
        <translation>Prevista</translation>
    </message>
    <message>
        <source>Actual</source>
        <translation>Real</translation>
    </message>
    <message>
        <source>Started at</source>
        <translation>Inicio</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Hora</translation>
    </message>
    <message>
        <source>Journey</source>
        <translation>Tiempo</translation>
    </message>
    <message>
        <source>What</source>
        <translation>Qué</translation>
    </message>
    <message>
        <source>Session {session}</source>
        <translation>Sesión {session}</translation>
    </message>
    <message>
        <source>Session {session} · {patient} · {state}</source>
        <translation>Sesión {session} · {patient} · {state}</translation>
    </message>
    <message>
        <source>closed</source>
        <translation>cerrada</translation>
    </message>
    <message>
        <source>open, running</source>
        <translation>abierta, en curso</translation>
    </message>
    <message>
        <source>open, not dosed</source>
        <translation>abierta, sin dosis</translation>
    </message>
    <message>
        <source>The session record</source>
        <translation>El registro de la sesión</translation>
    </message>
    <message>
        <source>Loading the session record…</source>
        <translation>Cargando el registro de la sesión…</translation>
    </message>
    <message>
        <source>Protocol: {protocol}</source>
        <translation>Protocolo: {protocol}</translation>
    </message>
    <message>
        <source>Sitter: {sitter}</source>
        <translation>Acompañante: {sitter}</translation>
    </message>
    <message>
        <source>Opened: {time}</source>
        <translation>Abierta: {time}</translation>
    </message>
    <message>
        <source>Dosed: {time}</source>
        <translation>Dosificada: {time}</translation>
    </message>
    <message>
        <source>Closed: {time}</source>
        <translation>Cerrada: {time}</translation>
    </message>
    <message>
        <source>Journey: {time}</source>
        <translation>Tiempo: {time}</translation>
    </message>
    <message>
        <source>Doses: {doses}</source>
        <translation>Dosis: {doses}</translation>
    </message>
    <message>
        <source>Closed because: {reason}</source>
        <translation>Cerrada porque: {reason}</translation>
    </message>
    <message>
        <source>Intention: “{intention}”</source>
        <translation>Intención: «{intention}»</translation>
    </message>
    <message>
        <source>Ready to leave: {time} ({journey} after dosing)</source>
        <translation>Listo para irse: {time} ({journey} tras la dosis)</translation>
    </message>
    <message>
        <source>Ready to leave: {time} ({journey} after dosing), may leave from {free}</source>
        <translation>Listo para irse: {time} ({journey} tras la dosis), puede irse desde {free}</translation>
    </message>
    <message>
        <source>Ready to leave: no discharge check found the patient ready</source>
        <translation>Listo para irse: ninguna evaluación de alta encontró al paciente listo</translation>
    </message>
    <message>
        <source>Total monitoring time: {time}</source>
        <translation>Tiempo total de vigilancia: {time}</translation>
    </message>
</context>
<context>
    <name>TimelineView</name>
    <message>
        <source>Time</source>
        <translation>Hora</translation>
    </message>
    <message>
        <source>Journey</source>
        <translation>Tiempo</translation>
    </message>
    <message>
        <source>Phase</source>
        <translation>Fase</translation>
    </message>
    <message>
        <source>What</source>
        <translation>Qué</translation>
    </message>
    <message>
        <source>By</source>
        <translation>Por</translation>
    </message>
    <message>
        <source>{text}   (corrected)</source>
        <translation>{text}   (corregido)</translation>
    </message>
    <message>
        <source>Back</source>
        <translation>Volver</translation>
    </message>
    <message>
        <source>Correct…</source>
        <translation>Corregir…</translation>
    </message>
    <message>
        <source>Timeline</source>
        <translation>Cronología</translation>
    </message>
    <message>
        <source>Vital signs chart</source>
        <translation>Gráfico de signos vitales</translation>
    </message>
    <message>
        <source>Timeline · session {session}</source>
        <translation>Cronología · sesión {session}</translation>
    </message>
    <message>
        <source>Timeline · session {session} · {patient}</source>
        <translation>Cronología · sesión {session} · {patient}</translation>
    </message>
    <message>
        <source>The timeline</source>
        <translation>La cronología</translation>
    </message>
    <message>
        <source>Loading the timeline…</source>
        <translation>Cargando la cronología…</translation>
    </message>
    <message>
        <source>Pick an entry to see its history or to correct it.</source>
        <translation>Elija una entrada para ver su historial o corregirla.</translation>
    </message>
    <message>
        <source>Original ({when}): {text}</source>
        <translation>Original ({when}): {text}</translation>
    </message>
    <message>
        <source>Original ({when} by {by}): {text}</source>
        <translation>Original ({when}, por {by}): {text}</translation>
    </message>
    <message>
        <source>Corrected {when}, because “{reason}”: {text}</source>
        <translation>Corregido el {when}, porque «{reason}»: {text}</translation>
    </message>
    <message>
        <source>Corrected {when} by {by}, because “{reason}”: {text}</source>
        <translation>Corregido el {when} por {by}, porque «{reason}»: {text}</translation>
    </message>
    <message>
        <source>{refusal}. {hint}</source>
        <translation>{refusal}. {hint}</translation>
    </message>
    <message>
        <source>{error}.</source>
        <translation>{error}.</translation>
    </message>
</context>
<context>
    <name>TrackTable</name>
    <message>
        <source>Title</source>
        <translation>Título</translation>
    </message>
    <message>
        <source>Artist</source>
        <translation>Artista</translation>
    </message>
    <message>
        <source>Length</source>
        <translation>Duración</translation>
    </message>
    <message>
        <source>Loudness</source>
        <translation>Sonoridad</translation>
    </message>
    <message>
        <source>Gain</source>
        <translation>Ganancia</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Estado</translation>
    </message>
    <message>
        <source>cannot play</source>
        <translation>no se puede reproducir</translation>
    </message>
    <message>
        <source>ok</source>
        <translation>correcto</translation>
    </message>
</context>
<context>
    <name>Upgrades</name>
    <message numerus="yes">
        <source>The record holds %n session.|The record holds %n sessions.</source>
        <translation><numerusform>El registro contiene %n sesión.</numerusform><numerusform>El registro contiene %n sesiones.</numerusform></translation></message>
    <message>
        <source>This is kapdesk {current}; these records were last opened by kapdesk {previous}, a newer version.</source>
        <translation>Este es kapdesk {current}; estos registros los abrió por última vez kapdesk {previous}, una versión más reciente.</translation>
    </message>
    <message>
        <source>Ask IT before recording here.</source>
        <translation>Consulte a informática antes de registrar aquí.</translation>
    </message>
    <message>
        <source>kapdesk was updated from {previous} to {current}.</source>
        <translation>kapdesk se actualizó de {previous} a {current}.</translation>
    </message>
    <message>
        <source>kapdesk was updated from an earlier version of kapdesk to {current}.</source>
        <translation>kapdesk se actualizó de una versión anterior de kapdesk a {current}.</translation>
    </message>
    <message>
        <source>Nothing was lost.</source>
        <translation>No se perdió nada.</translation>
    </message>
</context>
<context>
    <name>Vitals</name>
    <message>
        <source>Systolic BP</source>
        <translation>PA sistólica</translation>
    </message>
    <message>
        <source>Diastolic BP</source>
        <translation>PA diastólica</translation>
    </message>
    <message>
        <source>Heart rate</source>
        <translation>Frecuencia cardiaca</translation>
    </message>
    <message>
        <source>Respiratory rate</source>
        <translation>Frecuencia respiratoria</translation>
    </message>
    <message>
        <source>Temperature</source>
        <translation>Temperatura</translation>
    </message>
    <message>
        <source>BP {systolic}/{diastolic} mmHg</source>
        <translation>PA {systolic}/{diastolic} mmHg</translation>
    </message>
    <message>
        <source>HR {value}</source>
        <translation>FC {value}</translation>
    </message>
    <message>
        <source>SpO2 {value}</source>
        <translation>SpO2 {value}</translation>
    </message>
    <message>
        <source>RR {value}</source>
        <translation>FR {value}</translation>
    </message>
    <message>
        <source>T {value}</source>
        <translation>T {value}</translation>
    </message>
    <message>
        <source>no values</source>
        <translation>sin valores</translation>
    </message>
    <message>
        <source>{measure}: “{typed}” is not a number.</source>
        <translation>{measure}: «{typed}» no es un número.</translation>
    </message>
    <message>
        <source>{measure} {typed} is not possible: it must be between {low} and {high}.</source>
        <translation>{measure} {typed} no es posible: debe estar entre {low} y {high}.</translation>
    </message>
    <message>
        <source>{measure} {value} is unusual.</source>
        <translation>{measure} {value} es inusual.</translation>
    </message>
    <message>
        <source>Blood pressure needs both numbers, systolic and diastolic.</source>
        <translation>La presión arterial necesita ambos valores, sistólica y diastólica.</translation>
    </message>
    <message>
        <source>Diastolic must be lower than systolic; check the two numbers.</source>
        <translation>La diastólica debe ser menor que la sistólica; revise ambos valores.</translation>
    </message>
    <message>
        <source>Enter at least one measure.</source>
        <translation>Ingrese al menos una medida.</translation>
    </message>
    <message>
        <source>before dosing</source>
        <translation>antes de la dosis</translation>
    </message>
    <message>
        <source>before discharge</source>
        <translation>antes del alta</translation>
    </message>
    <message>
        <source>at {minutes} min</source>
        <translation>a los {minutes} min</translation>
    </message>
    <message>
        <source>Vital signs</source>
        <translation>Signos vitales</translation>
    </message>
    <message>
        <source>{measure} {value} is at or above {limit}</source>
        <translation>{measure} {value} es igual o superior a {limit}</translation>
    </message>
    <message>
        <source>{measure} {value} is above {limit}</source>
        <translation>{measure} {value} es superior a {limit}</translation>
    </message>
    <message>
        <source>{measure} {value} is below {limit}</source>
        <translation>{measure} {value} es inferior a {limit}</translation>
    </message>
    <message>
        <source>{measure} {value} is at or above {limit} before dosing</source>
        <translation>{measure} {value} es igual o superior a {limit} antes de la dosis</translation>
    </message>
    <message>
        <source>{measure} {value} is above {limit} before dosing</source>
        <translation>{measure} {value} es superior a {limit} antes de la dosis</translation>
    </message>
    <message>
        <source>{measure} {value} is below {limit} before dosing</source>
        <translation>{measure} {value} es inferior a {limit} antes de la dosis</translation>
    </message>
    <message>
        <source>BP {reading} above {limit}</source>
        <translation>PA {reading} por encima de {limit}</translation>
    </message>
    <message>
        <source>BP {reading} at or above {limit}</source>
        <translation>PA {reading} igual o por encima de {limit}</translation>
    </message>
    <message>
        <source>BP {reading} above {limit} before dosing</source>
        <translation>PA {reading} por encima de {limit} antes de la dosis</translation>
    </message>
    <message>
        <source>BP {reading} at or above {limit} before dosing</source>
        <translation>PA {reading} igual o por encima de {limit} antes de la dosis</translation>
    </message>
    <message>
        <source>BP {reading}, systolic below {limit}</source>
        <translation>PA {reading}, sistólica por debajo de {limit}</translation>
    </message>
    <message>
        <source>HR {value} above {limit}</source>
        <translation>FC {value} por encima de {limit}</translation>
    </message>
    <message>
        <source>HR {value} below {limit}</source>
        <translation>FC {value} por debajo de {limit}</translation>
    </message>
    <message>
        <source>SpO2 {value} below {limit}</source>
        <translation>SpO2 {value} por debajo de {limit}</translation>
    </message>
    <message>
        <source>RR {value} above {limit}</source>
        <translation>FR {value} por encima de {limit}</translation>
    </message>
    <message>
        <source>RR {value} below {limit}</source>
        <translation>FR {value} por debajo de {limit}</translation>
    </message>
    <message>
        <source>T {value} above {limit}</source>
        <translation>T {value} por encima de {limit}</translation>
    </message>
</context>
<context>
    <name>VitalsChart</name>
    <message>
        <source>No vital signs recorded yet.</source>
        <translation>Aún no hay signos vitales registrados.</translation>
    </message>
    <message>
        <source>Baseline</source>
        <translation>Basal</translation>
    </message>
    <message>
        <source>Not dosed yet</source>
        <translation>Aún sin dosis</translation>
    </message>
    <message>
        <source>Minutes after dose</source>
        <translation>Minutos tras la dosis</translation>
    </message>
    <message>
        <source>mmHg · beats/min</source>
        <translation>mmHg · latidos/min</translation>
    </message>
    <message>
        <source>Flagged readings</source>
        <translation>Mediciones señaladas</translation>
    </message>
    <message>
        <source>None.</source>
        <translation>Ninguna.</translation>
    </message>
    <message>
        <source>Systolic</source>
        <translation>Sistólica</translation>
    </message>
    <message>
        <source>Diastolic</source>
        <translation>Diastólica</translation>
    </message>
    <message>
        <source>Heart rate</source>
        <translation>Frecuencia cardiaca</translation>
    </message>
    <message>
        <source>Flagged</source>
        <translation>Señalada</translation>
    </message>
    <message>
        <source>Flagged SpO2</source>
        <translation>SpO2 señalada</translation>
    </message>
    <message>
        <source>At {minutes} min: {flags}</source>
        <translation>A los {minutes} min: {flags}</translation>
    </message>
    <message>
        <source>At {minutes} min, corrected: {flags}</source>
        <translation>A los {minutes} min, corregida: {flags}</translation>
    </message>
    <message>
        <source>Baseline: {flags}</source>
        <translation>Basal: {flags}</translation>
    </message>
    <message>
        <source>Baseline, corrected: {flags}</source>
        <translation>Basal, corregida: {flags}</translation>
    </message>
</context>
<context>
    <name>VitalsDialog</name>
    <message>
        <source>Vital signs</source>
        <translation>Signos vitales</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Guardar</translation>
    </message>
    <message>
        <source>{measure} ({unit})</source>
        <translation>{measure} ({unit})</translation>
    </message>
    <message>
        <source>{measure} in {unit}</source>
        <translation>{measure} en {unit}</translation>
    </message>
    <message>
        <source>{unit}  (optional)</source>
        <translation>{unit}  (opcional)</translation>
    </message>
    <message>
        <source>{unusual} Check it, then press Save again to record it.</source>
        <translation>{unusual} Revise y pulse Guardar de nuevo para confirmar.</translation>
    </message>
</context>
<context>
    <name>Widgets</name>
    <message>
        <source>Switch user to let a colleague who may do it.</source>
        <translation>Cambie de usuario para que lo haga un colega autorizado.</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancelar</translation>
    </message>
</context>
</TS>