<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr_FR">
<context>
    <name>AccountForm</name>
    <message>
        <source>First and last name, as colleagues know them</source>
        <translation>Prénom et nom, tels que les collègues les connaissent</translation>
    </message>
    <message>
        <source>Empty keeps the PIN; or a new one</source>
        <translation>Vide : le code reste le même ; ou un nouveau code</translation>
    </message>
    <message>
        <source>4 to 8 digits</source>
        <translation>4 à 8 chiffres</translation>
    </message>
    <message>
        <source>The same PIN again</source>
        <translation>Le même code encore une fois</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nom</translation>
    </message>
    <message>
        <source>Roles</source>
        <translation>Rôles</translation>
    </message>
    <message>
        <source>PIN</source>
        <translation>Code</translation>
    </message>
    <message>
        <source>PIN again</source>
        <translation>Code encore</translation>
    </message>
    <message>
        <source>Type the person&apos;s name.</source>
        <translation>Saisissez le nom de la personne.</translation>
    </message>
    <message>
        <source>Tick at least one role.</source>
        <translation>Cochez au moins un rôle.</translation>
    </message>
    <message>
        <source>The two PINs are not the same; type them again.</source>
        <translation>Les deux codes ne sont pas identiques ; saisissez-les de nouveau.</translation>
    </message>
</context>
<context>
    <name>CalmScreen</name>
    <message>
        <source>Tap or press a key to unlock</source>
        <translation>Touchez l&apos;écran ou appuyez sur une touche pour déverrouiller</translation>
    </message>
    <message>
        <source>Tap or press a key to return</source>
        <translation>Touchez l&apos;écran ou appuyez sur une touche pour revenir</translation>
    </message>
    <message>
        <source>Staff accounts cannot be read right now. Tap to try again.</source>
        <translation>Les comptes du personnel ne peuvent pas être lus pour l&apos;instant. Touchez pour réessayer.</translation>
    </message>
    <message>
        <source>Tap your name and type your PIN</source>
        <translation>Touchez votre nom et saisissez votre code</translation>
    </message>
    <message>
        <source>PIN</source>
        <translation>Code</translation>
    </message>
    <message>
        <source>Tap your name first.</source>
        <translation>Touchez d&apos;abord votre nom.</translation>
    </message>
    <message>
        <source>Type your PIN.</source>
        <translation>Saisissez votre code.</translation>
    </message>
</context>
<context>
    <name>EarlyPage</name>
    <message>
        <source>Opening the records…</source>
        <translation>Ouverture des dossiers…</translation>
    </message>
</context>
<context>
    <name>FirstAdminView</name>
    <message>
        <source>Welcome to kapdesk</source>
        <translation>Bienvenue dans kapdesk</translation>
    </message>
    <message>
        <source>First, the clinic&apos;s admin account. The admin adds the rest of the staff, each with their own PIN, and can read the audit trail. Tick the roles this person also has in the room: recording a dose takes a nurse or a prescriber.</source>
        <translation>D&apos;abord, le compte d&apos;administration de la clinique. L&apos;administrateur ajoute le reste du personnel, chacun avec son propre code, et peut lire le journal d&apos;audit. Cochez aussi les rôles de cette personne dans la salle : enregistrer une dose demande un infirmier ou un prescripteur.</translation>
    </message>
    <message>
        <source>Create the admin account</source>
        <translation>Créer le compte d&apos;administration</translation>
    </message>
</context>
<context>
    <name>Roles</name>
    <message>
        <source>Sitter</source>
        <translation>Accompagnant</translation>
    </message>
    <message>
        <source>Nurse</source>
        <translation>Infirmier</translation>
    </message>
    <message>
        <source>Prescriber</source>
        <translation>Prescripteur</translation>
    </message>
    <message>
        <source>Therapist</source>
        <translation>Thérapeute</translation>
    </message>
    <message>
        <source>Admin</source>
        <translation>Administration</translation>
    </message>
</context>
<context>
    <name>SignIn</name>
    <message>
        <source>That name and PIN do not match an account.</source>
        <translation>Ce nom et ce code ne correspondent à aucun compte.</translation>
    </message>
    <message>
        <source>That name and PIN do not match an account. Try again in {seconds} s.</source>
        <translation>Ce nom et ce code ne correspondent à aucun compte. Réessayez dans {seconds} s.</translation>
    </message>
    <message>
        <source>Too many wrong PINs: try again in {seconds} s.</source>
        <translation>Trop de codes erronés : réessayez dans {seconds} s.</translation>
    </message>
</context>
<context>
    <name>Staff</name>
    <message>
        <source>A PIN is digits only.</source>
        <translation>Un code ne contient que des chiffres.</translation>
    </message>
    <message>
        <source>A PIN has {low} to {high} digits.</source>
        <translation>Un code compte de {low} à {high} chiffres.</translation>
    </message>
    <message>
        <source>A PIN of one digit repeated is too easy to guess.</source>
        <translation>Un code fait d&apos;un seul chiffre répété est trop facile à deviner.</translation>
    </message>
    <message>
        <source>A PIN of digits in a row (like 1234) is too easy to guess.</source>
        <translation>Un code de chiffres qui se suivent (comme 1234) est trop facile à deviner.</translation>
    </message>
    <message>
        <source>A PIN must not be part of the name.</source>
        <translation>Le code ne doit pas faire partie du nom.</translation>
    </message>
</context>
<context>
    <name>StartView</name>
    <message>
        <source>Opening the record…</source>
        <translation>Ouverture du dossier…</translation>
    </message>
    <message>
        <source>Opening the records…</source>
        <translation>Ouverture des dossiers…</translation>
    </message>
    <message>
        <source>kapdesk cannot open its records</source>
        <translation>kapdesk ne peut pas ouvrir ses dossiers</translation>
    </message>
    <message>
        <source>Nothing was changed: what is already saved stays in the database.</source>
        <translation>Rien n&apos;a été modifié : ce qui est déjà enregistré reste dans la base de données.</translation>
    </message>
    <message>
        <source>Put right what is named above and try again (a clinic server that was away may be back), or close kapdesk. If it keeps happening, give your clinic&apos;s IT support this message and the log in {folder}.</source>
        <translation>Corrigez ce qui est indiqué ci-dessus et réessayez (un serveur de la clinique indisponible peut être revenu), ou fermez kapdesk. Si cela se reproduit, transmettez au support informatique de votre clinique ce message et le journal dans {folder}.</translation>
    </message>
    <message>
        <source>Passphrase</source>
        <translation>Phrase secrète</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Ouvrir</translation>
    </message>
    <message>
        <source>Try again</source>
        <translation>Réessayer</translation>
    </message>
    <message>
        <source>Close kapdesk</source>
        <translation>Fermer kapdesk</translation>
    </message>
</context>
</TS>
