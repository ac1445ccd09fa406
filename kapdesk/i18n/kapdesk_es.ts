<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
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
        <source>Type the person&apos;s name.</source>
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
        <source>First, the clinic&apos;s admin account. The admin adds the rest of the staff, each with their own PIN, and can read the audit trail. Tick the roles this person also has in the room: recording a dose takes a nurse or a prescriber.</source>
        <translation>Primero, la cuenta de administración de la clínica. Quien administra añade al resto del personal, cada persona con su propio PIN, y puede leer el registro de auditoría. Marque también las funciones que esta persona tiene en la sala: para registrar una dosis hace falta una enfermera o un prescriptor.</translation>
    </message>
    <message>
        <source>Create the admin account</source>
        <translation>Crear la cuenta de administración</translation>
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
</context>
<context>
    <name>Staff</name>
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
        <source>Put right what is named above and try again (a clinic server that was away may be back), or close kapdesk. If it keeps happening, give your clinic&apos;s IT support this message and the log in {folder}.</source>
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
</TS>
