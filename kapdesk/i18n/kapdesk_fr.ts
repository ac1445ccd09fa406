<?xml version='1.0' encoding='utf-8'?>
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
        <source>Type the person's name.</source>
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
    <name>AmendDialog</name>
    <message>
        <source>Correct an entry</source>
        <translation>Corriger une entrée</translation>
    </message>
    <message>
        <source>Now: {text}</source>
        <translation>Actuellement : {text}</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Note</translation>
    </message>
    <message>
        <source>Systolic BP</source>
        <translation>PA systolique</translation>
    </message>
    <message>
        <source>Diastolic BP</source>
        <translation>PA diastolique</translation>
    </message>
    <message>
        <source>Heart rate</source>
        <translation>Fréquence cardiaque</translation>
    </message>
    <message>
        <source>SpO2</source>
        <translation>SpO2</translation>
    </message>
    <message>
        <source>Respiratory rate</source>
        <translation>Fréquence respiratoire</translation>
    </message>
    <message>
        <source>Temperature</source>
        <translation>Température</translation>
    </message>
    <message>
        <source>Temperature ({unit})</source>
        <translation>Température ({unit})</translation>
    </message>
    <message>
        <source>e.g. typed 170 for 70</source>
        <translation>ex. : 170 pour 70</translation>
    </message>
    <message>
        <source>Why</source>
        <translation>Motif</translation>
    </message>
    <message>
        <source>Corrected by</source>
        <translation>Corrigé par</translation>
    </message>
    <message>
        <source>Save correction</source>
        <translation>Enregistrer la correction</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>Quantité</translation>
    </message>
    <message>
        <source>Weight ({unit})</source>
        <translation>Poids ({unit})</translation>
    </message>
    <message>
        <source>Lot number</source>
        <translation>Numéro de lot</translation>
    </message>
    <message>
        <source>Will not be saved: {why}.</source>
        <translation>Ne sera pas enregistré : {why}.</translation>
    </message>
    <message>
        <source>Outside the usual range: {why}. {refusal}.</source>
        <translation>Hors de la plage habituelle : {why}. {refusal}.</translation>
    </message>
    <message>
        <source>Outside the usual range: {why}. Say why as the prescriber decides.</source>
        <translation>Hors de la plage habituelle : {why}. Indiquez le motif selon la décision du prescripteur.</translation>
    </message>
    <message>
        <source>= {total} mg total</source>
        <translation>= {total} mg au total</translation>
    </message>
    <message>
        <source>{total}. {verdict}</source>
        <translation>{total}. {verdict}</translation>
    </message>
    <message>
        <source>A dose needs an amount above zero.</source>
        <translation>Une dose doit avoir une quantité supérieure à zéro.</translation>
    </message>
    <message>
        <source>{why}.</source>
        <translation>{why}.</translation>
    </message>
    <message>
        <source>{refusal}. A prescriber corrects a dose to this amount.</source>
        <translation>{refusal}. Seul un prescripteur peut corriger une dose à cette quantité.</translation>
    </message>
    <message>
        <source>Say why the entry is being corrected.</source>
        <translation>Indiquez pourquoi l'entrée est corrigée.</translation>
    </message>
    <message>
        <source>A note cannot be corrected to nothing; say so in the reason instead.</source>
        <translation>Une note ne peut pas être vidée ; indiquez-le plutôt dans le motif.</translation>
    </message>
</context>
<context>
    <name>BackupSection</name>
    <message>
        <source>Anyone who has the drive or the share can read every patient's record in an unencrypted backup. Leave this off unless the backup folder is itself locked away.</source>
        <translation>Quiconque a le disque ou le partage peut lire le dossier de chaque patient dans une sauvegarde non chiffrée. Laissez ceci désactivé sauf si le dossier de sauvegarde est lui-même sous clé.</translation>
    </message>
    <message>
        <source>No backup was made after the last session closed. {problem}</source>
        <translation>Aucune sauvegarde n'a été faite après la clôture de la dernière séance. {problem}</translation>
    </message>
    <message>
        <source>No backup was made today. {problem}</source>
        <translation>Aucune sauvegarde n'a été faite aujourd'hui. {problem}</translation>
    </message>
    <message>
        <source>No backup was made. {problem}</source>
        <translation>Aucune sauvegarde n'a été faite. {problem}</translation>
    </message>
    <message>
        <source>No backup was made on {when}. {problem}</source>
        <translation>Aucune sauvegarde n'a été faite le {when}. {problem}</translation>
    </message>
    <message>
        <source>Backed up and checked: {file}.</source>
        <translation>Sauvegardé et vérifié : {file}.</translation>
    </message>
    <message>
        <source>None yet.</source>
        <translation>Aucune pour l'instant.</translation>
    </message>
    <message numerus="yes">
        <source>{when} · {size} · %n session|{when} · {size} · %n sessions</source>
        <translation><numerusform>{when} · {size} · %n séance</numerusform><numerusform>{when} · {size} · %n séances</numerusform></translation></message>
    <message>
        <source>{file}, in {folder}</source>
        <translation>{file}, dans {folder}</translation>
    </message>
    <message>
        <source>Back up now</source>
        <translation>Sauvegarder maintenant</translation>
    </message>
    <message>
        <source>Backing up…</source>
        <translation>Sauvegarde…</translation>
    </message>
    <message>
        <source>The clinic server's own tools back up this room's records (see docs/backup.md).</source>
        <translation>Les outils du serveur de la clinique sauvegardent les dossiers de cette salle (voir docs/backup.md).</translation>
    </message>
    <message>
        <source>Backup folder</source>
        <translation>Dossier de sauvegarde</translation>
    </message>
    <message>
        <source>Passphrase</source>
        <translation>Phrase secrète</translation>
    </message>
    <message>
        <source>Backup passphrase</source>
        <translation>Phrase secrète des sauvegardes</translation>
    </message>
    <message>
        <source>Backups are encrypted with this passphrase. Keep a copy on paper somewhere safe: a backup cannot be restored without it.</source>
        <translation>Les sauvegardes sont chiffrées avec cette phrase secrète. Gardez-en une copie papier en lieu sûr : sans elle, une sauvegarde ne peut pas être restaurée.</translation>
    </message>
    <message>
        <source>Again</source>
        <translation>Confirmer</translation>
    </message>
    <message>
        <source>Keep</source>
        <translation>Conserver</translation>
    </message>
    <message>
        <source>The two passphrases are not the same.</source>
        <translation>Les deux phrases secrètes ne sont pas identiques.</translation>
    </message>
    <message>
        <source>e.g. /media/usb/kapdesk (empty: no backups)</source>
        <translation>p. ex. /media/usb/kapdesk (vide : pas de sauvegarde)</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>Choisir…</translation>
    </message>
    <message>
        <source>Keep backups unencrypted</source>
        <translation>Garder les sauvegardes non chiffrées</translation>
    </message>
    <message>
        <source>Set backup passphrase…</source>
        <translation>Définir la phrase secrète…</translation>
    </message>
    <message>
        <source>BACKUPS</source>
        <translation>SAUVEGARDES</translation>
    </message>
    <message>
        <source>Encryption</source>
        <translation>Chiffrement</translation>
    </message>
    <message>
        <source>Backups kept</source>
        <translation>Sauvegardes gardées</translation>
    </message>
    <message>
        <source>Last good backup</source>
        <translation>Dernière sauvegarde valide</translation>
    </message>
    <message>
        <source> daily</source>
        <translation> quotidiennes</translation>
    </message>
    <message>
        <source> weekly</source>
        <translation> hebdo.</translation>
    </message>
    <message>
        <source> monthly</source>
        <translation> mensuelles</translation>
    </message>
    <message>
        <source>Making a backup and checking it. The session goes on meanwhile.</source>
        <translation>Sauvegarde et vérification en cours. La séance continue pendant ce temps.</translation>
    </message>
</context>
<context>
    <name>Backups</name>
    <message>
        <source>No backup of this PC's records has been made yet.</source>
        <translation>Aucune sauvegarde des dossiers de ce PC n'a encore été faite.</translation>
    </message>
    <message>
        <source>The last good backup is {days} days old: check the backup folder is there and has room.</source>
        <translation>La dernière sauvegarde valide date de {days} jours : vérifiez que le dossier de sauvegarde est là et a de la place.</translation>
    </message>
    <message>
        <source>No backup folder is set: an admin sets one on “This room PC”.</source>
        <translation>Aucun dossier de sauvegarde n'est défini : un administrateur en définit un dans « Ce PC de salle ».</translation>
    </message>
    <message>
        <source>This room's records are on the clinic server: the server's own tools back them up (see docs/backup.md).</source>
        <translation>Les dossiers de cette salle sont sur le serveur de la clinique : les outils du serveur les sauvegardent (voir docs/backup.md).</translation>
    </message>
    <message>
        <source>The backup could not be made because of an unexpected fault; kapdesk's log has the details. Earlier backups were kept.</source>
        <translation>La sauvegarde n'a pas pu être faite à cause d'une panne inattendue ; le journal de kapdesk donne les détails. Les sauvegardes précédentes sont conservées.</translation>
    </message>
    <message>
        <source>No backup passphrase is set: an admin sets one on “This room PC” (or chooses to keep backups unencrypted).</source>
        <translation>Aucune phrase secrète de sauvegarde n'est définie : un administrateur en définit une dans « Ce PC de salle » (ou choisit de garder les sauvegardes non chiffrées).</translation>
    </message>
    <message>
        <source>No backups are made on this PC yet: set a backup folder on “This room PC”.</source>
        <translation>Aucune sauvegarde n'est encore faite sur ce PC : définissez un dossier de sauvegarde dans « Ce PC de salle ».</translation>
    </message>
    <message>
        <source>The backup folder {folder} is not there (drive unplugged or share not mounted).</source>
        <translation>Le dossier de sauvegarde {folder} est absent (disque débranché ou partage non monté).</translation>
    </message>
    <message>
        <source>The backup folder {folder} is not a folder.</source>
        <translation>Le dossier de sauvegarde {folder} n'est pas un dossier.</translation>
    </message>
    <message>
        <source>The backup folder {folder} cannot be reached ({error}).</source>
        <translation>Le dossier de sauvegarde {folder} est inaccessible ({error}).</translation>
    </message>
    <message>
        <source>The backup folder {folder} is on the same disk as the record: if that disk fails, the backups go with it (is the drive unplugged or the share not mounted?).</source>
        <translation>Le dossier de sauvegarde {folder} est sur le même disque que les dossiers : si ce disque tombe en panne, les sauvegardes partent avec lui (le disque est-il débranché ou le partage non monté ?).</translation>
    </message>
    <message>
        <source>The backup folder {folder} is full: make room there or choose another folder. The earlier backups were kept.</source>
        <translation>Le dossier de sauvegarde {folder} est plein : libérez de la place ou choisissez un autre dossier. Les sauvegardes précédentes sont conservées.</translation>
    </message>
    <message>
        <source>The backup folder {folder} cannot be written (it is read-only or kapdesk may not write there). The earlier backups were kept.</source>
        <translation>Impossible d'écrire dans le dossier de sauvegarde {folder} (il est en lecture seule ou kapdesk n'a pas le droit d'y écrire). Les sauvegardes précédentes sont conservées.</translation>
    </message>
    <message>
        <source>The backup folder {folder} went away while the backup was written (drive unplugged or share lost). The earlier backups were kept.</source>
        <translation>Le dossier de sauvegarde {folder} a disparu pendant l'écriture de la sauvegarde (disque débranché ou partage perdu). Les sauvegardes précédentes sont conservées.</translation>
    </message>
    <message>
        <source>The backup to {folder} failed ({error}). The earlier backups were kept.</source>
        <translation>La sauvegarde dans {folder} a échoué ({error}). Les sauvegardes précédentes sont conservées.</translation>
    </message>
    <message>
        <source>This database is not backed up by kapdesk: {how}.</source>
        <translation>kapdesk ne sauvegarde pas cette base de données : {how}.</translation>
    </message>
    <message>
        <source>on PostgreSQL the server's own tools back it up (pg_dump, pgBackRest): see docs/backup.md</source>
        <translation>sous PostgreSQL, les outils du serveur la sauvegardent (pg_dump, pgBackRest) : voir docs/backup.md</translation>
    </message>
    <message>
        <source>This database is not a file kapdesk can back up.</source>
        <translation>Cette base de données n'est pas un fichier que kapdesk peut sauvegarder.</translation>
    </message>
    <message>
        <source>The database is not encrypted, so it has no key of its own: a backup passphrase is needed to encrypt its backups.</source>
        <translation>La base de données n'est pas chiffrée et n'a donc pas de clé propre : une phrase secrète de sauvegarde est nécessaire pour chiffrer ses sauvegardes.</translation>
    </message>
    <message>
        <source>The database is encrypted: its backups are encrypted with its own key (asked for {asked}).</source>
        <translation>La base de données est chiffrée : ses sauvegardes sont chiffrées avec sa propre clé (demandé : {asked}).</translation>
    </message>
    <message>
        <source>No backup passphrase is set: an admin sets one on "This room PC" (or chooses unencrypted backups).</source>
        <translation>Aucune phrase secrète de sauvegarde n'est définie : un administrateur en définit une dans « Ce PC de salle » (ou choisit des sauvegardes non chiffrées).</translation>
    </message>
    <message>
        <source>Another backup of this record has been under way for a long time; this one was not made.</source>
        <translation>Une autre sauvegarde de ces dossiers est en cours depuis longtemps ; celle-ci n'a pas été faite.</translation>
    </message>
    <message>
        <source>the OS keyring cannot keep it ({error})</source>
        <translation>le trousseau du système ne peut pas la garder ({error})</translation>
    </message>
    <message>
        <source>The backup {name} cannot be opened ({error}).</source>
        <translation>Impossible d'ouvrir la sauvegarde {name} ({error}).</translation>
    </message>
    <message>
        <source>The backup {name} is damaged ({found}).</source>
        <translation>La sauvegarde {name} est endommagée ({found}).</translation>
    </message>
    <message>
        <source>The backup {name} cannot be read ({error}).</source>
        <translation>Impossible de lire la sauvegarde {name} ({error}).</translation>
    </message>
    <message>
        <source>the passphrase does not open it, or it is damaged</source>
        <translation>la phrase secrète ne l'ouvre pas, ou elle est endommagée</translation>
    </message>
    <message>
        <source>The backup just written is not marked as encrypted the way it was asked ({asked}); it was not kept.</source>
        <translation>La sauvegarde qui vient d'être écrite n'est pas marquée comme chiffrée de la façon demandée ({asked}) ; elle n'a pas été conservée.</translation>
    </message>
    <message>
        <source>The backup just written does not hold what the database held ({found} instead of {expected}); it was not kept.</source>
        <translation>La sauvegarde qui vient d'être écrite ne contient pas ce que contenait la base de données ({found} au lieu de {expected}) ; elle n'a pas été conservée.</translation>
    </message>
</context>
<context>
    <name>Board</name>
    <message>
        <source>Patient hidden</source>
        <translation>Patient masqué</translation>
    </message>
    <message>
        <source>Unnamed room</source>
        <translation>Salle sans nom</translation>
    </message>
    <message>
        <source>Session open</source>
        <translation>Séance ouverte</translation>
    </message>
    <message>
        <source>The board cannot read this session's protocol: look on the room PC</source>
        <translation>Le tableau ne peut pas lire le protocole de cette séance : regardez sur le PC de la salle</translation>
    </message>
    <message>
        <source>Finished</source>
        <translation>Terminée</translation>
    </message>
    <message>
        <source>Not dosed yet</source>
        <translation>Pas encore de dose</translation>
    </message>
    <message>
        <source>{check}: not taken</source>
        <translation>{check} : non prises</translation>
    </message>
    <message>
        <source>{check}: overdue by {late}</source>
        <translation>{check} : en retard de {late}</translation>
    </message>
    <message>
        <source>{check}: due now</source>
        <translation>{check} : à faire maintenant</translation>
    </message>
    <message>
        <source>Vitals: all checks done</source>
        <translation>Constantes : tous les contrôles faits</translation>
    </message>
    <message>
        <source>Next {check}, in {wait}</source>
        <translation>Prochaines {check}, dans {wait}</translation>
    </message>
    <message>
        <source>Next: {check}</source>
        <translation>Ensuite : {check}</translation>
    </message>
    <message>
        <source>Vitals at {minutes} min</source>
        <translation>Constantes à {minutes} min</translation>
    </message>
    <message>
        <source>vitals at {minutes} min</source>
        <translation>constantes à {minutes} min</translation>
    </message>
    <message>
        <source>Vitals {when}</source>
        <translation>Constantes {when}</translation>
    </message>
    <message>
        <source>vitals {when}</source>
        <translation>constantes {when}</translation>
    </message>
    <message>
        <source>{label} before dosing</source>
        <translation>{label} avant la dose</translation>
    </message>
    <message>
        <source>{label} before discharge</source>
        <translation>{label} avant la sortie</translation>
    </message>
    <message>
        <source>just now</source>
        <translation>à l'instant</translation>
    </message>
    <message>
        <source>{minutes} ago</source>
        <translation>il y a {minutes}</translation>
    </message>
    <message>
        <source>{what} ({ago})</source>
        <translation>{what} ({ago})</translation>
    </message>
    <message>
        <source>No vitals yet</source>
        <translation>Pas encore de constantes</translation>
    </message>
    <message>
        <source>Quiet</source>
        <translation>Silence</translation>
    </message>
    <message>
        <source>Music: {title}</source>
        <translation>Musique : {title}</translation>
    </message>
    <message>
        <source>No music</source>
        <translation>Pas de musique</translation>
    </message>
    <message>
        <source>a track</source>
        <translation>un morceau</translation>
    </message>
    <message>
        <source>No word from this room's PC for {minutes}: it may be offline. What is shown may be behind.</source>
        <translation>Aucune nouvelle du PC de cette salle depuis {minutes} : il est peut-être hors ligne. L'affichage peut être en retard.</translation>
    </message>
    <message numerus="yes">
        <source>This room's PC has %n entry waiting to reach the server.|This room's PC has %n entries waiting to reach the server.</source>
        <translation><numerusform>Le PC de cette salle a %n entrée en attente d'envoi au serveur.</numerusform><numerusform>Le PC de cette salle a %n entrées en attente d'envoi au serveur.</numerusform></translation></message>
    <message>
        <source>The clinic board cannot reach the clinic server.</source>
        <translation>Le tableau de la clinique ne joint pas le serveur de la clinique.</translation>
    </message>
    <message>
        <source>The clinic board finds no kapdesk records yet: they appear once a room PC has started on them.</source>
        <translation>Le tableau de la clinique ne trouve encore aucun dossier kapdesk : ils apparaissent dès qu'un PC de salle a démarré dessus.</translation>
    </message>
    <message>
        <source>The clinic board cannot read the database: it is damaged or not a kapdesk database.</source>
        <translation>Le tableau de la clinique ne peut pas lire la base de données : elle est endommagée ou n'est pas une base de données kapdesk.</translation>
    </message>
    <message>
        <source>The clinic board cannot read the database: it has become read-only.</source>
        <translation>Le tableau de la clinique ne peut pas lire la base de données : elle est passée en lecture seule.</translation>
    </message>
    <message>
        <source>The clinic board cannot read the database: it is on a full disk.</source>
        <translation>Le tableau de la clinique ne peut pas lire la base de données : elle est sur un disque plein.</translation>
    </message>
    <message>
        <source>The clinic board cannot read the database: it is busy.</source>
        <translation>Le tableau de la clinique ne peut pas lire la base de données : elle est occupée.</translation>
    </message>
    <message>
        <source>The clinic board cannot read the database: it failed.</source>
        <translation>Le tableau de la clinique ne peut pas lire la base de données : elle a échoué.</translation>
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
        <translation>Dernières constantes : {vitals}</translation>
    </message>
    <message>
        <source>⚑ {flag}</source>
        <translation>⚑ {flag}</translation>
    </message>
    <message>
        <source>{problem} Showing the rooms as they were at {time}; trying again.</source>
        <translation>{problem} Les salles sont affichées telles qu'elles étaient à {time} ; nouvel essai en cours.</translation>
    </message>
    <message>
        <source>Live</source>
        <translation>En direct</translation>
    </message>
    <message>
        <source>Live (updates as rooms record)</source>
        <translation>En direct (mis à jour quand les salles enregistrent)</translation>
    </message>
    <message numerus="yes">
        <source>%n session cannot be shown.|%n sessions cannot be shown.</source>
        <translation><numerusform>%n séance ne peut pas être affichée.</numerusform><numerusform>%n séances ne peuvent pas être affichées.</numerusform></translation></message>
    <message>
        <source>kapdesk · Clinic board</source>
        <translation>kapdesk · Tableau de la clinique</translation>
    </message>
    <message>
        <source>Clinic board</source>
        <translation>Tableau de la clinique</translation>
    </message>
    <message>
        <source>Reading the rooms…</source>
        <translation>Lecture des salles…</translation>
    </message>
    <message>
        <source>No room has run a session in the last 30 days. Rooms appear here as soon as they open one.</source>
        <translation>Aucune salle n'a tenu de séance ces 30 derniers jours. Les salles apparaissent ici dès qu'elles en ouvrent une.</translation>
    </message>
    <message>
        <source>Read-only: sessions are run in their rooms.   Esc closes · F11 full screen</source>
        <translation>Lecture seule : les séances se mènent dans leurs salles.   Échap ferme · F11 plein écran</translation>
    </message>
</context>
<context>
    <name>Breathwork</name>
    <message>
        <source>Breathe in</source>
        <translation>Inspirez</translation>
    </message>
    <message>
        <source>Hold</source>
        <translation>Retenez</translation>
    </message>
    <message>
        <source>Breathe out</source>
        <translation>Expirez</translation>
    </message>
    <message>
        <source>Rest</source>
        <translation>Pause</translation>
    </message>
    <message>
        <source>Box breathing 4-4-4-4</source>
        <translation>Respiration carrée 4-4-4-4</translation>
    </message>
    <message>
        <source>In for 4, hold for 4, out for 4, rest for 4.</source>
        <translation>Inspirez sur 4, retenez 4, expirez sur 4, pause de 4.</translation>
    </message>
    <message>
        <source>4-7-8 breathing</source>
        <translation>Respiration 4-7-8</translation>
    </message>
    <message>
        <source>In through the nose for 4, hold for 7, out through the mouth for 8.</source>
        <translation>Inspirez par le nez sur 4, retenez 7, expirez par la bouche sur 8.</translation>
    </message>
    <message>
        <source>Slow even breathing 5-5</source>
        <translation>Respiration lente et régulière 5-5</translation>
    </message>
    <message>
        <source>In for 5, out for 5: six breaths a minute.</source>
        <translation>Inspirez sur 5, expirez sur 5 : six respirations par minute.</translation>
    </message>
    <message>
        <source>Breathwork</source>
        <translation>Respiration guidée</translation>
    </message>
    <message numerus="yes">
        <source>{time} · %n breath|{time} · %n breaths</source>
        <translation><numerusform>{time} · %n respiration</numerusform><numerusform>{time} · %n respirations</numerusform></translation></message>
    <message>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>Terminé</translation>
    </message>
</context>
<context>
    <name>CalmScreen</name>
    <message>
        <source>Tap or press a key to unlock</source>
        <translation>Touchez l'écran ou appuyez sur une touche pour déverrouiller</translation>
    </message>
    <message>
        <source>Tap or press a key to return</source>
        <translation>Touchez l'écran ou appuyez sur une touche pour revenir</translation>
    </message>
    <message>
        <source>Staff accounts cannot be read right now. Tap to try again.</source>
        <translation>Les comptes du personnel ne peuvent pas être lus pour l'instant. Touchez pour réessayer.</translation>
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
        <translation>Touchez d'abord votre nom.</translation>
    </message>
    <message>
        <source>Type your PIN.</source>
        <translation>Saisissez votre code.</translation>
    </message>
</context>
<context>
    <name>ClinicSettings</name>
    <message>
        <source>a number of minutes from 0 (never) to 120</source>
        <translation>un nombre de minutes de 0 (jamais) à 120</translation>
    </message>
    <message>
        <source>a loudness in LUFS from {low} (quieter) to {high} (louder), such as {usual}</source>
        <translation>une sonie en LUFS de {low} (plus doux) à {high} (plus fort), par exemple {usual}</translation>
    </message>
    <message>
        <source>one of {allowed}</source>
        <translation>l'un de {allowed}</translation>
    </message>
    <message>
        <source>"{first}" or "{second}"</source>
        <translation>« {first} » ou « {second} »</translation>
    </message>
    <message>
        <source>must be {expected}; "{value}" is not</source>
        <translation>doit être {expected} ; « {value} » ne l'est pas</translation>
    </message>
    <message>
        <source>must be a locale name like "en_US"; "{region}" is not</source>
        <translation>doit être un nom de paramètres régionaux comme « en_US » ; « {region} » n'en est pas un</translation>
    </message>
    <message>
        <source>must be a list of days like ["mon", "tue", "wed", "thu", "fri"]</source>
        <translation>doit être une liste de jours comme ["mon", "tue", "wed", "thu", "fri"]</translation>
    </message>
    <message>
        <source>{day} is not a day: write mon, tue, wed, thu, fri, sat, sun</source>
        <translation>{day} n'est pas un jour : écrivez mon, tue, wed, thu, fri, sat, sun</translation>
    </message>
    <message>
        <source>must be a slug like "{example}"; "{id}" is not</source>
        <translation>doit être un identifiant comme « {example} » ; « {id} » n'en est pas un</translation>
    </message>
    <message>
        <source>"{id}" is used twice</source>
        <translation>« {id} » est utilisé deux fois</translation>
    </message>
    <message>
        <source>a whole number of days from 0 to 365</source>
        <translation>un nombre entier de jours de 0 à 365</translation>
    </message>
    <message>
        <source>at most {most} follow-ups; there are {count}</source>
        <translation>au plus {most} suivis ; il y en a {count}</translation>
    </message>
    <message>
        <source>must be at least earliest_days ({earliest})</source>
        <translation>doit être au moins earliest_days ({earliest})</translation>
    </message>
    <message>
        <source>must be a list of questions, as text</source>
        <translation>doit être une liste de questions, sous forme de texte</translation>
    </message>
    <message>
        <source>at most {most} breathing patterns; there are {count}</source>
        <translation>au plus {most} rythmes de respiration ; il y en a {count}</translation>
    </message>
    <message>
        <source>a list of [what, seconds] pairs like [["in", 4], ["out", 6]]; what is {allowed}</source>
        <translation>une liste de paires [what, seconds] comme [["in", 4], ["out", 6]] ; what vaut {allowed}</translation>
    </message>
    <message>
        <source>at most {most} steps; there are {count}</source>
        <translation>au plus {most} étapes ; il y en a {count}</translation>
    </message>
    <message>
        <source>must be a [what, seconds] pair; what is {allowed}</source>
        <translation>doit être une paire [what, seconds] ; what vaut {allowed}</translation>
    </message>
    <message>
        <source>{what} is not one of {allowed}</source>
        <translation>{what} n'est pas l'un de {allowed}</translation>
    </message>
    <message>
        <source>the seconds must be a number from 0.5 to 60</source>
        <translation>les secondes doivent être un nombre de 0.5 à 60</translation>
    </message>
    <message>
        <source>needs a step breathing in</source>
        <translation>il faut une étape d'inspiration</translation>
    </message>
</context>
<context>
    <name>CloseDialog</name>
    <message>
        <source>Close the session early</source>
        <translation>Clôturer la séance plus tôt</translation>
    </message>
    <message>
        <source>Close the session</source>
        <translation>Clôturer la séance</translation>
    </message>
    <message>
        <source>Close the session early?</source>
        <translation>Clôturer la séance plus tôt ?</translation>
    </message>
    <message>
        <source>Close the session?</source>
        <translation>Clôturer la séance ?</translation>
    </message>
    <message>
        <source>Why it closes early (goes on the record)</source>
        <translation>Pourquoi elle est clôturée plus tôt (figure au dossier)</translation>
    </message>
    <message>
        <source>Reason (needed to close early)</source>
        <translation>Motif (requis pour clôturer plus tôt)</translation>
    </message>
    <message>
        <source>Note (optional)</source>
        <translation>Note (facultative)</translation>
    </message>
    <message>
        <source>Keep it open   Esc</source>
        <translation>La garder ouverte   Esc</translation>
    </message>
    <message>
        <source>Close early   Enter</source>
        <translation>Clôturer plus tôt   Enter</translation>
    </message>
    <message>
        <source>Close session   Enter</source>
        <translation>Clôturer la séance   Enter</translation>
    </message>
    <message>
        <source>{refusal}. Switch user (Ctrl+Shift+L): what is typed here is kept.</source>
        <translation>{refusal}. Changez d'utilisateur (Ctrl+Shift+L) : ce qui est saisi ici est conservé.</translation>
    </message>
    <message>
        <source>Say why the session ends early; it goes on the record.</source>
        <translation>Indiquez pourquoi la séance se termine plus tôt ; cela figure au dossier.</translation>
    </message>
</context>
<context>
    <name>ClosePolicy</name>
    <message>
        <source>A session is open: press Ctrl+Shift+Q again to close kapdesk. The session goes on when kapdesk starts again.</source>
        <translation>Une séance est ouverte : appuyez de nouveau sur Ctrl+Shift+Q pour fermer kapdesk. La séance reprend au prochain démarrage de kapdesk.</translation>
    </message>
    <message>
        <source>kapdesk runs full screen here: staff close it with Ctrl+Shift+Q.</source>
        <translation>kapdesk s'affiche ici en plein écran : le personnel le ferme avec Ctrl+Shift+Q.</translation>
    </message>
    <message>
        <source>Entries of this session are held only in memory (this PC cannot keep them on its disk): closing kapdesk now loses them. Close again to do so.</source>
        <translation>Les saisies de cette séance ne sont qu'en mémoire (ce PC ne peut pas les garder sur son disque) : fermer kapdesk maintenant les perd. Fermez de nouveau pour le faire.</translation>
    </message>
</context>
<context>
    <name>CourseChart</name>
    <message>
        <source>No PHQ-9 or GAD-7 yet</source>
        <translation>Pas encore de PHQ-9 ni de GAD-7</translation>
    </message>
</context>
<context>
    <name>CourseView</name>
    <message>
        <source>Date</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>Protocol</source>
        <translation>Protocole</translation>
    </message>
    <message>
        <source>State</source>
        <translation>État</translation>
    </message>
    <message>
        <source>Taken at</source>
        <translation>Moment</translation>
    </message>
    <message>
        <source>Questionnaire</source>
        <translation>Questionnaire</translation>
    </message>
    <message>
        <source>Score</source>
        <translation>Score</translation>
    </message>
    <message>
        <source>Band</source>
        <translation>Niveau</translation>
    </message>
    <message>
        <source>opened</source>
        <translation>ouverte, sans dose</translation>
    </message>
    <message>
        <source>running</source>
        <translation>en cours</translation>
    </message>
    <message>
        <source>closed</source>
        <translation>fermée</translation>
    </message>
    <message>
        <source>preparation</source>
        <translation>préparation</translation>
    </message>
    <message>
        <source>follow-up</source>
        <translation>suivi</translation>
    </message>
    <message>
        <source>Course · session {session}</source>
        <translation>Cycle · séance {session}</translation>
    </message>
    <message>
        <source>Questionnaires · {patient}</source>
        <translation>Questionnaires · {patient}</translation>
    </message>
    <message numerus="yes">
        <source>Course · {patient} · {held} of %n session|Course · {patient} · {held} of %n sessions</source>
        <translation><numerusform>Cycle · {patient} · {held} sur %n séance</numerusform><numerusform>Cycle · {patient} · {held} sur %n séances</numerusform></translation></message>
    <message numerus="yes">
        <source>Started {day}. %n session planned.|Started {day}. %n sessions planned.</source>
        <translation><numerusform>Commencé le {day}. %n séance prévue.</numerusform><numerusform>Commencé le {day}. %n séances prévues.</numerusform></translation></message>
    <message>
        <source>Not part of a course: the patient's sessions and questionnaires.</source>
        <translation>Hors cycle : les séances et les questionnaires du patient.</translation>
    </message>
    <message>
        <source>Loading the course…</source>
        <translation>Chargement du cycle…</translation>
    </message>
    <message>
        <source>{instrument} (corrected)</source>
        <translation>{instrument} (corrigé)</translation>
    </message>
    <message>
        <source>{total} of {most}</source>
        <translation>{total} sur {most}</translation>
    </message>
    <message>
        <source>Saved: {instrument} {total} of {most}, {band}.</source>
        <translation>Enregistré : {instrument} {total} sur {most}, {band}.</translation>
    </message>
    <message>
        <source>Saved: {instrument} {total} of {most}, {band}. {flags}</source>
        <translation>Enregistré : {instrument} {total} sur {most}, {band}. {flags}</translation>
    </message>
    <message>
        <source>{problem} Nothing was saved.</source>
        <translation>{problem} Rien n'a été enregistré.</translation>
    </message>
    <message>
        <source>Back</source>
        <translation>Retour</translation>
    </message>
    <message>
        <source>Sessions</source>
        <translation>Séances</translation>
    </message>
    <message>
        <source>Questionnaires</source>
        <translation>Questionnaires</translation>
    </message>
    <message>
        <source>Trend</source>
        <translation>Évolution</translation>
    </message>
    <message>
        <source>The course</source>
        <translation>Le cycle</translation>
    </message>
    <message>
        <source>The questionnaires</source>
        <translation>Les questionnaires</translation>
    </message>
    <message>
        <source>The questionnaire</source>
        <translation>Le questionnaire</translation>
    </message>
</context>
<context>
    <name>Coverage</name>
    <message>
        <source>{phases}: no music (bed only)</source>
        <translation>{phases} : pas de musique (nappe seule)</translation>
    </message>
    <message>
        <source>{phases} is {minutes} short</source>
        <translation>Il manque {minutes} à {phases}</translation>
    </message>
    <message>
        <source>{phases} are {minutes} short</source>
        <translation>Il manque {minutes} à {phases}</translation>
    </message>
    <message>
        <source>{phases}: {music} of music for {planned}</source>
        <translation>{phases} : {music} de musique pour {planned}</translation>
    </message>
    <message numerus="yes">
        <source>{line} (%n track of unknown length)|{line} (%n tracks of unknown length)</source>
        <translation><numerusform>{line} (%n piste de durée inconnue)</numerusform><numerusform>{line} (%n pistes de durée inconnue)</numerusform></translation></message>
</context>
<context>
    <name>DataFolder</name>
    <message>
        <source>user {uid}</source>
        <translation>utilisateur {uid}</translation>
    </message>
    <message>
        <source>this account</source>
        <translation>ce compte</translation>
    </message>
    <message>
        <source>The data folder {folder} is not a folder (a file has its name). IT support: move that file away, or start kapdesk with --data-dir elsewhere.</source>
        <translation>Le dossier de données {folder} n'est pas un dossier (un fichier porte son nom). Support informatique : déplacez ce fichier, ou lancez kapdesk avec --data-dir ailleurs.</translation>
    </message>
    <message>
        <source>The data folder {folder} cannot be opened: this account ({user}) is not allowed into it, so kapdesk cannot read or write its records. IT support: give {user} access to it (it should belong to {user}, readable by {user} only), or start kapdesk as the account that owns it.</source>
        <translation>Le dossier de données {folder} ne peut pas être ouvert : ce compte ({user}) n'a pas le droit d'y entrer, donc kapdesk ne peut ni lire ni écrire ses dossiers. Support informatique : donnez-en l'accès à {user} (il doit appartenir à {user} et n'être lisible que par {user}), ou lancez kapdesk avec le compte qui en est propriétaire.</translation>
    </message>
    <message>
        <source>The data folder {folder} cannot be read: {error}.</source>
        <translation>Le dossier de données {folder} ne peut pas être lu : {error}.</translation>
    </message>
    <message>
        <source>The disk holding kapdesk's data folder {folder} is read-only (mounted read-only, write-protected, or switched to read-only after a disk error): nothing new can be recorded, so kapdesk does not open. IT support: make that disk writable again (check it for errors first), then press Try again.</source>
        <translation>Le disque qui contient le dossier de données de kapdesk {folder} est en lecture seule (monté en lecture seule, protégé en écriture, ou passé en lecture seule après une erreur de disque) : rien de nouveau ne peut être enregistré, donc kapdesk ne s'ouvre pas. Support informatique : rendez ce disque de nouveau accessible en écriture (vérifiez d'abord ses erreurs), puis appuyez sur Réessayer.</translation>
    </message>
    <message>
        <source>The disk holding kapdesk's data folder {folder} is full: there is no room to record a session, so kapdesk does not open. Free space on that disk (IT support can: old downloads, the trash; never the files in the data folder), then press Try again.</source>
        <translation>Le disque qui contient le dossier de données de kapdesk {folder} est plein : il n'y a plus de place pour enregistrer une séance, donc kapdesk ne s'ouvre pas. Libérez de l'espace sur ce disque (le support informatique peut le faire : anciens téléchargements, la corbeille ; jamais les fichiers du dossier de données), puis appuyez sur Réessayer.</translation>
    </message>
    <message>
        <source>This account ({user}) may not write in the data folder {folder}: nothing new can be recorded, so kapdesk does not open. IT support: give {user} write access to the folder and the files in it, then press Try again.</source>
        <translation>Ce compte ({user}) n'a pas le droit d'écrire dans le dossier de données {folder} : rien de nouveau ne peut être enregistré, donc kapdesk ne s'ouvre pas. Support informatique : donnez à {user} le droit d'écrire dans le dossier et ses fichiers, puis appuyez sur Réessayer.</translation>
    </message>
    <message>
        <source>Nothing can be written in the data folder {folder}: {error}. IT support: check the disk and the folder, then press Try again.</source>
        <translation>Rien ne peut être écrit dans le dossier de données {folder} : {error}. Support informatique : vérifiez le disque et le dossier, puis appuyez sur Réessayer.</translation>
    </message>
</context>
<context>
    <name>Discharge</name>
    <message>
        <source>Vital signs</source>
        <translation>Signes vitaux</translation>
    </message>
    <message>
        <source>Within 20% of baseline</source>
        <translation>À moins de 20 % de la base</translation>
    </message>
    <message>
        <source>20-40% from baseline</source>
        <translation>À 20-40 % de la base</translation>
    </message>
    <message>
        <source>More than 40% from baseline</source>
        <translation>À plus de 40 % de la base</translation>
    </message>
    <message>
        <source>Alert and oriented</source>
        <translation>Éveillé et orienté</translation>
    </message>
    <message>
        <source>Drowsy, rouses easily</source>
        <translation>Somnolent, se réveille facilement</translation>
    </message>
    <message>
        <source>Confused or hard to rouse</source>
        <translation>Confus ou difficile à réveiller</translation>
    </message>
    <message>
        <source>Dissociation</source>
        <translation>Dissociation</translation>
    </message>
    <message>
        <source>Back to usual self</source>
        <translation>Redevenu lui-même</translation>
    </message>
    <message>
        <source>Some dreaminess left</source>
        <translation>Encore un peu rêveur</translation>
    </message>
    <message>
        <source>Still dissociated</source>
        <translation>Encore dissocié</translation>
    </message>
    <message>
        <source>Walking</source>
        <translation>Marche</translation>
    </message>
    <message>
        <source>Walks steadily</source>
        <translation>Marche d'un pas sûr</translation>
    </message>
    <message>
        <source>Walks with help</source>
        <translation>Marche avec aide</translation>
    </message>
    <message>
        <source>Cannot walk yet</source>
        <translation>Ne peut pas encore marcher</translation>
    </message>
    <message>
        <source>Nausea</source>
        <translation>Nausées</translation>
    </message>
    <message>
        <source>None or minimal</source>
        <translation>Aucune ou minimes</translation>
    </message>
    <message>
        <source>Moderate, treated</source>
        <translation>Modérées, traitées</translation>
    </message>
    <message>
        <source>Severe, vomiting</source>
        <translation>Fortes, vomissements</translation>
    </message>
    <message>
        <source>Comfort and mood</source>
        <translation>Confort et humeur</translation>
    </message>
    <message>
        <source>Settled, comfortable</source>
        <translation>Apaisé, à l'aise</translation>
    </message>
    <message>
        <source>Some distress</source>
        <translation>Un peu de détresse</translation>
    </message>
    <message>
        <source>Distressed, needs care</source>
        <translation>En détresse, a besoin de soins</translation>
    </message>
    <message>
        <source>Vital signs: more than 40% from baseline</source>
        <translation>Signes vitaux : à plus de 40 % de la base</translation>
    </message>
    <message>
        <source>Alert and oriented: confused or hard to rouse</source>
        <translation>Éveillé et orienté : confus ou difficile à réveiller</translation>
    </message>
    <message>
        <source>Dissociation: still dissociated</source>
        <translation>Dissociation : encore dissocié</translation>
    </message>
    <message>
        <source>Walking: cannot walk yet</source>
        <translation>Marche : ne peut pas encore marcher</translation>
    </message>
    <message>
        <source>Nausea: severe, vomiting</source>
        <translation>Nausées : fortes, vomissements</translation>
    </message>
    <message>
        <source>Comfort and mood: distressed, needs care</source>
        <translation>Confort et humeur : en détresse, a besoin de soins</translation>
    </message>
    <message>
        <source>{item}: not scored</source>
        <translation>{item} : non noté</translation>
    </message>
    <message>
        <source>Score {total} of {most}: {needed} needed</source>
        <translation>Score {total} sur {most} : {needed} requis</translation>
    </message>
    <message>
        <source>No escort present: the patient must not leave alone</source>
        <translation>Personne pour le raccompagner : le patient ne doit pas partir seul</translation>
    </message>
    <message>
        <source>No baseline reading before dosing to compare with.</source>
        <translation>Aucune mesure de base avant la dose pour comparer.</translation>
    </message>
    <message>
        <source>Take vital signs now: none since dosing.</source>
        <translation>Prenez les signes vitaux maintenant : aucun depuis la dose.</translation>
    </message>
    <message>
        <source>The readings share no blood pressure or pulse to compare.</source>
        <translation>Les mesures n'ont ni tension ni pouls en commun à comparer.</translation>
    </message>
    <message>
        <source>Now {latest}; baseline {baseline}: at most {change} off.</source>
        <translation>Maintenant {latest} ; base {baseline} : écart maximal de {change}.</translation>
    </message>
</context>
<context>
    <name>DischargeDialog</name>
    <message>
        <source>Ready to leave?</source>
        <translation>Prêt à partir ?</translation>
    </message>
    <message>
        <source>Each item scores 2, 1 or 0. Ready at {ready} of {most} with no item at 0 and an escort present.</source>
        <translation>Chaque critère vaut 2, 1 ou 0. Prêt à {ready} sur {most}, sans critère à 0 et avec quelqu'un pour le raccompagner.</translation>
    </message>
    <message>
        <source>Score it yourself: {why}</source>
        <translation>Notez-le vous-même : {why}</translation>
    </message>
    <message>
        <source>{total} of {most}: {verdict}.</source>
        <translation>{total} sur {most} : {verdict}.</translation>
    </message>
    <message>
        <source>{total} of {most}, not ready yet: {reasons}</source>
        <translation>{total} sur {most}, pas encore prêt : {reasons}</translation>
    </message>
    <message>
        <source>Answer the protocol's questions: {questions}</source>
        <translation>Répondez aux questions du protocole : {questions}</translation>
    </message>
    <message>
        <source>2 points</source>
        <translation>2 points</translation>
    </message>
    <message>
        <source>1 point</source>
        <translation>1 point</translation>
    </message>
    <message>
        <source>0 points</source>
        <translation>0 point</translation>
    </message>
    <message>
        <source>An escort is here to take the patient home</source>
        <translation>Quelqu'un est là pour raccompagner le patient chez lui</translation>
    </message>
    <message>
        <source>Save check</source>
        <translation>Enregistrer</translation>
    </message>
    <message>
        <source>Yes</source>
        <translation>Oui</translation>
    </message>
    <message>
        <source>No</source>
        <translation>Non</translation>
    </message>
    <message>
        <source>The protocol also asks</source>
        <translation>Le protocole demande aussi</translation>
    </message>
</context>
<context>
    <name>DoseDialog</name>
    <message>
        <source>{refusal}. Switch user (Ctrl+Shift+L): what is typed here is kept.</source>
        <translation>{refusal}. Changez d'utilisateur (Ctrl+Shift+L) : ce qui est saisi ici est conservé.</translation>
    </message>
    <message>
        <source>Record dose   Enter</source>
        <translation>Enregistrer la dose   Enter</translation>
    </message>
    <message>
        <source>Record the dose</source>
        <translation>Enregistrer la dose</translation>
    </message>
    <message>
        <source>Record an extra dose</source>
        <translation>Enregistrer une dose supplémentaire</translation>
    </message>
    <message>
        <source>Dose given</source>
        <translation>Dose donnée</translation>
    </message>
    <message>
        <source>Extra dose</source>
        <translation>Dose supplémentaire</translation>
    </message>
    <message>
        <source>The journey clock starts at 0:00 when you record it.</source>
        <translation>Le chrono de la séance démarre à 0:00 à l'enregistrement.</translation>
    </message>
    <message>
        <source>Given so far in this session: {amount} {unit}.</source>
        <translation>Donné jusqu'ici dans cette séance : {amount} {unit}.</translation>
    </message>
    <message>
        <source>Given so far in this session: nothing counted.</source>
        <translation>Donné jusqu'ici dans cette séance : rien de compté.</translation>
    </message>
    <message>
        <source>Not ticked before dosing: {steps}.</source>
        <translation>Non coché avant la dose : {steps}.</translation>
    </message>
    <message>
        <source>{concern}.</source>
        <translation>{concern}.</translation>
    </message>
    <message>
        <source>e.g. rechecked after 10 min of rest; agreed with Dr …</source>
        <translation>p. ex. recontrôlé après 10 min de repos ; convenu avec le Dr …</translation>
    </message>
    <message>
        <source>Amount in {unit}</source>
        <translation>Quantité en {unit}</translation>
    </message>
    <message>
        <source>Weight in {unit}</source>
        <translation>Poids en {unit}</translation>
    </message>
    <message>
        <source>Weight ({unit})</source>
        <translation>Poids ({unit})</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>Quantité</translation>
    </message>
    <message>
        <source>Switch user   Ctrl+Shift+L</source>
        <translation>Changer d'utilisateur   Ctrl+Shift+L</translation>
    </message>
    <message>
        <source>the prescriber's reason, e.g. partial response at 0.5</source>
        <translation>le motif du prescripteur, p. ex. réponse partielle à 0,5</translation>
    </message>
    <message>
        <source>Why outside the usual range</source>
        <translation>Motif hors plage habituelle</translation>
    </message>
    <message>
        <source>from the vial or device</source>
        <translation>sur le flacon ou le dispositif</translation>
    </message>
    <message>
        <source>Route</source>
        <translation>Voie</translation>
    </message>
    <message>
        <source>Lot number</source>
        <translation>Numéro de lot</translation>
    </message>
    <message>
        <source>Given by</source>
        <translation>Donnée par</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Note</translation>
    </message>
    <message>
        <source>Why dose anyway</source>
        <translation>Pourquoi doser quand même</translation>
    </message>
    <message>
        <source>Cancel   Esc</source>
        <translation>Annuler   Esc</translation>
    </message>
    <message>
        <source>Not recorded: over the {limit} {unit} limit</source>
        <translation>Non enregistrée : au-delà de la limite de {limit} {unit}</translation>
    </message>
    <message>
        <source>Needs a prescriber's decision</source>
        <translation>Décision d'un prescripteur requise</translation>
    </message>
    <message>
        <source>{refusal}.</source>
        <translation>{refusal}.</translation>
    </message>
    <message>
        <source>Enter the weight for the total in mg</source>
        <translation>Saisissez le poids pour le total en mg</translation>
    </message>
    <message>
        <source>Weight: {low}–{high}</source>
        <translation>Poids : {low}–{high}</translation>
    </message>
    <message>
        <source>= {total} {unit} total</source>
        <translation>= {total} {unit} au total</translation>
    </message>
    <message>
        <source>Will not be recorded: {why}.</source>
        <translation>Ne sera pas enregistrée : {why}.</translation>
    </message>
    <message>
        <source>Outside the usual range: {why}.</source>
        <translation>Hors plage habituelle : {why}.</translation>
    </message>
    <message>
        <source>Outside the usual range: {why}. A prescriber decides, with a reason.</source>
        <translation>Hors plage habituelle : {why}. Un prescripteur décide, avec un motif.</translation>
    </message>
    <message>
        <source>Enter the amount given.</source>
        <translation>Saisissez la quantité donnée.</translation>
    </message>
    <message>
        <source>Not recorded: {why}.</source>
        <translation>Non enregistrée : {why}.</translation>
    </message>
    <message>
        <source>Say why the dose goes ahead with this blood pressure, or cancel and check it again after a rest.</source>
        <translation>Indiquez pourquoi la dose est donnée avec cette tension, ou annulez et recontrôlez-la après un repos.</translation>
    </message>
    <message>
        <source>{refusal}. Switch user to a prescriber, or change the amount; what is typed here is kept.</source>
        <translation>{refusal}. Passez à un prescripteur ou changez la quantité ; ce qui est saisi ici est conservé.</translation>
    </message>
    <message>
        <source>Say why the dose goes outside the usual range: it goes on the record.</source>
        <translation>Indiquez pourquoi la dose sort de la plage habituelle : cela figure au dossier.</translation>
    </message>
</context>
<context>
    <name>Dosing</name>
    <message>
        <source>a dose needs an amount above zero</source>
        <translation>une dose demande une quantité supérieure à zéro</translation>
    </message>
    <message>
        <source>this protocol doses in {unit}; a dose in {given} cannot be recorded</source>
        <translation>ce protocole dose en {unit} ; une dose en {given} ne peut pas être enregistrée</translation>
    </message>
    <message>
        <source>this protocol doses in {unit}; a dose in no unit cannot be recorded</source>
        <translation>ce protocole dose en {unit} ; une dose sans unité ne peut pas être enregistrée</translation>
    </message>
    <message>
        <source>a dose in {unit} needs the patient's weight in {weight}</source>
        <translation>une dose en {unit} demande le poids du patient en {weight}</translation>
    </message>
    <message>
        <source>a weight of {weight} is not one kapdesk can dose by; it takes {low} to {high}</source>
        <translation>un poids de {weight} ne permet pas à kapdesk de calculer la dose ; il accepte de {low} à {high}</translation>
    </message>
    <message>
        <source>{session} {unit} in this session would pass the protocol's hard limit of {limit} {unit}</source>
        <translation>{session} {unit} dans cette séance dépasserait la limite maximale du protocole de {limit} {unit}</translation>
    </message>
    <message>
        <source>{amount} {unit} is below the usual {low}–{high} {unit}</source>
        <translation>{amount} {unit} est en dessous de la plage habituelle de {low}–{high} {unit}</translation>
    </message>
    <message>
        <source>{amount} {unit} is above the usual {low}–{high} {unit}</source>
        <translation>{amount} {unit} est au-dessus de la plage habituelle de {low}–{high} {unit}</translation>
    </message>
    <message>
        <source>{amount} {unit} more makes {session} {unit} in this session, which is below the usual {low}–{high} {unit}</source>
        <translation>{amount} {unit} de plus font {session} {unit} dans cette séance, en dessous de la plage habituelle de {low}–{high} {unit}</translation>
    </message>
    <message>
        <source>{amount} {unit} more makes {session} {unit} in this session, which is above the usual {low}–{high} {unit}</source>
        <translation>{amount} {unit} de plus font {session} {unit} dans cette séance, au-dessus de la plage habituelle de {low}–{high} {unit}</translation>
    </message>
    <message>
        <source>usual {low}–{high} {unit}, limit {limit} {unit}</source>
        <translation>habituel {low}–{high} {unit}, limite {limit} {unit}</translation>
    </message>
    <message>
        <source>usual {low}–{high} {unit}</source>
        <translation>habituel {low}–{high} {unit}</translation>
    </message>
    <message>
        <source>limit {limit} {unit}</source>
        <translation>limite {limit} {unit}</translation>
    </message>
</context>
<context>
    <name>Downtime</name>
    <message>
        <source>The PC's clock moved {span} forward while kapdesk was closed; the journey time is kept from the PC's uptime (closed {closed}).</source>
        <translation>L'horloge du PC a avancé de {span} pendant que kapdesk était fermé ; le temps de séance est tenu d'après le temps de fonctionnement du PC (fermé {closed}).</translation>
    </message>
    <message>
        <source>The PC's clock moved {span} back while kapdesk was closed; the journey time is kept from the PC's uptime (closed {closed}).</source>
        <translation>L'horloge du PC a reculé de {span} pendant que kapdesk était fermé ; le temps de séance est tenu d'après le temps de fonctionnement du PC (fermé {closed}).</translation>
    </message>
    <message>
        <source>The PC's clock was set back: it reads {span} before kapdesk's last entry. How long kapdesk was closed is unknown; the time goes on from the last entry.</source>
        <translation>L'horloge du PC a été reculée : elle indique {span} avant la dernière entrée de kapdesk. On ne sait pas combien de temps kapdesk est resté fermé ; le temps reprend à partir de la dernière entrée.</translation>
    </message>
    <message>
        <source>The PC's clock was set back: it reads {span} before kapdesk's last entry. How long kapdesk was closed is unknown (at least {least}); the time goes on from the last entry.</source>
        <translation>L'horloge du PC a été reculée : elle indique {span} avant la dernière entrée de kapdesk. On ne sait pas combien de temps kapdesk est resté fermé (au moins {least}) ; le temps reprend à partir de la dernière entrée.</translation>
    </message>
    <message>
        <source>The PC restarted while kapdesk was closed; its clock says {span} passed, which nothing can check.</source>
        <translation>Le PC a redémarré pendant que kapdesk était fermé ; son horloge indique une durée de {span}, que rien ne peut vérifier.</translation>
    </message>
    <message>
        <source>Nothing can check the PC's clock, which says kapdesk was closed {span}.</source>
        <translation>Rien ne peut vérifier l'horloge du PC, selon laquelle kapdesk est resté fermé {span}.</translation>
    </message>
    <message>
        <source>Its clock was then set forward {span}; the journey time followed it.</source>
        <translation>Son horloge a ensuite été avancée de {span} ; le temps de séance a suivi.</translation>
    </message>
    <message>
        <source>Its clock was then set back {span}; the journey time followed it.</source>
        <translation>Son horloge a ensuite été reculée de {span} ; le temps de séance a suivi.</translation>
    </message>
    <message>
        <source>kapdesk restarted and picked the session up again ({span} after the last event)</source>
        <translation>kapdesk a redémarré et repris la séance ({span} après le dernier événement)</translation>
    </message>
    <message>
        <source>kapdesk restarted and picked the session up again</source>
        <translation>kapdesk a redémarré et repris la séance</translation>
    </message>
    <message>
        <source>kapdesk restarted and picked the session up again after {closed} closed (by the PC's uptime)</source>
        <translation>kapdesk a redémarré et repris la séance après {closed} de fermeture (d'après le temps de fonctionnement du PC)</translation>
    </message>
    <message>
        <source>kapdesk restarted and picked the session up again after {closed} closed, by the PC's clock, which nothing could check</source>
        <translation>kapdesk a redémarré et repris la séance après {closed} de fermeture, d'après l'horloge du PC, que rien n'a pu vérifier</translation>
    </message>
    <message>
        <source>the PC's clock had moved {span} forward</source>
        <translation>l'horloge du PC avait avancé de {span}</translation>
    </message>
    <message>
        <source>the PC's clock had moved {span} back</source>
        <translation>l'horloge du PC avait reculé de {span}</translation>
    </message>
    <message>
        <source>the PC's clock had been set back, so how long it was closed is unknown (at least {closed})</source>
        <translation>l'horloge du PC avait été reculée, donc la durée de fermeture est inconnue (au moins {closed})</translation>
    </message>
    <message>
        <source>the PC's clock had been set back {span} or more, so how long it was closed is unknown (at least {closed})</source>
        <translation>l'horloge du PC avait été reculée de {span} ou plus, donc la durée de fermeture est inconnue (au moins {closed})</translation>
    </message>
    <message>
        <source>journey time not vouched</source>
        <translation>temps de séance non garanti</translation>
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
        <source>First, the clinic's admin account. The admin adds the rest of the staff, each with their own PIN, and can read the audit trail. Tick the roles this person also has in the room: recording a dose takes a nurse or a prescriber.</source>
        <translation>D'abord, le compte d'administration de la clinique. L'administrateur ajoute le reste du personnel, chacun avec son propre code, et peut lire le journal d'audit. Cochez aussi les rôles de cette personne dans la salle : enregistrer une dose demande un infirmier ou un prescripteur.</translation>
    </message>
    <message>
        <source>Create the admin account</source>
        <translation>Créer le compte d'administration</translation>
    </message>
</context>
<context>
    <name>FollowUpsView</name>
    <message>
        <source>Due</source>
        <translation>Échéance</translation>
    </message>
    <message>
        <source>Patient</source>
        <translation>Patient</translation>
    </message>
    <message>
        <source>Item</source>
        <translation>Élément</translation>
    </message>
    <message>
        <source>Assigned to</source>
        <translation>Attribué à</translation>
    </message>
    <message>
        <source>Session</source>
        <translation>Séance</translation>
    </message>
    <message>
        <source>Follow-ups</source>
        <translation>Suivis</translation>
    </message>
    <message>
        <source>Loading follow-ups…</source>
        <translation>Chargement des suivis…</translation>
    </message>
    <message>
        <source>booked {day}</source>
        <translation>réservé : {day}</translation>
    </message>
    <message>
        <source>{window} (past)</source>
        <translation>{window} (dépassé)</translation>
    </message>
    <message>
        <source>any time</source>
        <translation>à tout moment</translation>
    </message>
    <message>
        <source>Follow-ups not done yet</source>
        <translation>Suivis en attente</translation>
    </message>
    <message>
        <source>Back</source>
        <translation>Retour</translation>
    </message>
    <message>
        <source>Nothing is waiting: every plan is done.</source>
        <translation>Rien en attente : tous les plans sont terminés.</translation>
    </message>
    <message>
        <source>Open the plan</source>
        <translation>Ouvrir le plan</translation>
    </message>
</context>
<context>
    <name>Handout</name>
    <message>
        <source>After your session</source>
        <translation>Après votre séance</translation>
    </message>
    <message>
        <source>After your session · {day}</source>
        <translation>Après votre séance · {day}</translation>
    </message>
    <message>
        <source>Your intention</source>
        <translation>Votre intention</translation>
    </message>
    <message>
        <source>You did not write one down this time.</source>
        <translation>Vous n’en avez pas noté cette fois-ci.</translation>
    </message>
    <message>
        <source>For your journal</source>
        <translation>Pour votre journal</translation>
    </message>
    <message>
        <source>Tonight or tomorrow, take a quiet moment with these:</source>
        <translation>Ce soir ou demain, prenez un moment au calme avec ces questions :</translation>
    </message>
    <message>
        <source>booked for {day}</source>
        <translation>prévu le {day}</translation>
    </message>
    <message>
        <source>booked for {day}, {booking}</source>
        <translation>prévu le {day}, {booking}</translation>
    </message>
    <message>
        <source>to book for {days}</source>
        <translation>à réserver : {days}</translation>
    </message>
    <message>
        <source>{first} to {last}</source>
        <translation>du {first} au {last}</translation>
    </message>
    <message>
        <source>When</source>
        <translation>Quand</translation>
    </message>
    <message>
        <source>With</source>
        <translation>Avec</translation>
    </message>
    <message>
        <source>Your next appointments</source>
        <translation>Vos prochains rendez-vous</translation>
    </message>
    <message>
        <source>Looking after yourself</source>
        <translation>Prendre soin de vous</translation>
    </message>
    <message>
        <source>Staying safe today</source>
        <translation>Votre sécurité aujourd’hui</translation>
    </message>
    <message>
        <source>Do not drive, cycle or operate machinery until the next day, after a restful sleep.</source>
        <translation>Ne conduisez pas, ne faites pas de vélo et n’utilisez pas de machines avant le lendemain, après une bonne nuit de sommeil.</translation>
    </message>
    <message>
        <source>Do not drink alcohol or make important decisions today.</source>
        <translation>Ne buvez pas d’alcool et ne prenez pas de décision importante aujourd’hui.</translation>
    </message>
    <message>
        <source>Let someone you trust keep you company for the rest of the day.</source>
        <translation>Restez en compagnie d’une personne de confiance pour le reste de la journée.</translation>
    </message>
    <message>
        <source>Who to call</source>
        <translation>Qui appeler</translation>
    </message>
    <message>
        <source>your clinic</source>
        <translation>votre clinique</translation>
    </message>
    <message>
        <source>Questions? Call {clinic}.</source>
        <translation>Des questions ? Appelez {clinic}.</translation>
    </message>
    <message>
        <source>Questions? Call {clinic} on {phone}.</source>
        <translation>Des questions ? Appelez {clinic} au {phone}.</translation>
    </message>
    <message>
        <source>Patient {code} · printed {moment}</source>
        <translation>Patient {code} · imprimé le {moment}</translation>
    </message>
</context>
<context>
    <name>HistoryView</name>
    <message>
        <source>open, not dosed</source>
        <translation>ouverte, sans dose</translation>
    </message>
    <message>
        <source>open</source>
        <translation>ouverte</translation>
    </message>
    <message>
        <source>closed</source>
        <translation>close</translation>
    </message>
    <message>
        <source>Patient</source>
        <translation>Patient</translation>
    </message>
    <message>
        <source>Protocol</source>
        <translation>Protocole</translation>
    </message>
    <message>
        <source>Started</source>
        <translation>Début</translation>
    </message>
    <message>
        <source>State</source>
        <translation>État</translation>
    </message>
    <message>
        <source>Past sessions</source>
        <translation>Séances passées</translation>
    </message>
    <message>
        <source>Loading past sessions…</source>
        <translation>Chargement des séances passées…</translation>
    </message>
    <message>
        <source>No sessions yet.</source>
        <translation>Aucune séance pour l'instant.</translation>
    </message>
    <message>
        <source>No session matches that code.</source>
        <translation>Aucune séance ne correspond à ce code.</translation>
    </message>
    <message>
        <source>Back</source>
        <translation>Retour</translation>
    </message>
    <message>
        <source>Find by patient code</source>
        <translation>Rechercher par code patient</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Ouvrir</translation>
    </message>
</context>
<context>
    <name>Integration</name>
    <message>
        <source>Journal prompts</source>
        <translation>Questions pour le journal</translation>
    </message>
    <message>
        <source>{first} to {last}</source>
        <translation>{first} au {last}</translation>
    </message>
</context>
<context>
    <name>IntegrationView</name>
    <message>
        <source>Done</source>
        <translation>Fait</translation>
    </message>
    <message>
        <source>Item</source>
        <translation>Élément</translation>
    </message>
    <message>
        <source>When</source>
        <translation>Quand</translation>
    </message>
    <message>
        <source>Assigned to</source>
        <translation>Attribué à</translation>
    </message>
    <message>
        <source>Booked</source>
        <translation>Réservé</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Notes</translation>
    </message>
    <message>
        <source>Note, printed on the patient's handout with the booking</source>
        <translation>Note, imprimée sur la fiche du patient avec le rendez-vous</translation>
    </message>
    <message>
        <source>time, place, with whom</source>
        <translation>heure, lieu, avec qui</translation>
    </message>
    <message>
        <source>A note saved with the booking date is printed on the handout.</source>
        <translation>Une note enregistrée avec la date du rendez-vous est imprimée sur la fiche du patient.</translation>
    </message>
    <message>
        <source>Session {number} of {total}</source>
        <translation>Séance {number} sur {total}</translation>
    </message>
    <message>
        <source>Integration · {patient}</source>
        <translation>Intégration · {patient}</translation>
    </message>
    <message>
        <source>Integration · session {session}</source>
        <translation>Intégration · séance {session}</translation>
    </message>
    <message>
        <source>The integration plan</source>
        <translation>Le plan d'intégration</translation>
    </message>
    <message>
        <source>Loading the integration plan…</source>
        <translation>Chargement du plan d'intégration…</translation>
    </message>
    <message>
        <source>The plan's change</source>
        <translation>La modification du plan</translation>
    </message>
    <message>
        <source>{problem} Nothing was changed.</source>
        <translation>{problem} Rien n'a été modifié.</translation>
    </message>
    <message>
        <source>Nothing to save: change the assignee, the date or add a note.</source>
        <translation>Rien à enregistrer : changez l'attribution, la date ou ajoutez une note.</translation>
    </message>
    <message>
        <source>Saved: {item}</source>
        <translation>Enregistré : {item}</translation>
    </message>
    <message>
        <source>Done by {name}</source>
        <translation>Fait par {name}</translation>
    </message>
    <message>
        <source>handout</source>
        <translation>la fiche du patient</translation>
    </message>
    <message>
        <source>Save the patient's handout</source>
        <translation>Enregistrer la fiche du patient</translation>
    </message>
    <message>
        <source>Session record</source>
        <translation>Dossier de séance</translation>
    </message>
    <message>
        <source>Print handout…</source>
        <translation>Imprimer fiche…</translation>
    </message>
    <message>
        <source>Handout PDF…</source>
        <translation>Fiche PDF…</translation>
    </message>
    <message>
        <source>Course</source>
        <translation>Cycle</translation>
    </message>
    <message>
        <source>Back</source>
        <translation>Retour</translation>
    </message>
    <message>
        <source>Journal prompts for the patient</source>
        <translation>Questions pour le journal du patient</translation>
    </message>
    <message>
        <source>The plan</source>
        <translation>Le plan</translation>
    </message>
    <message>
        <source>Assign to</source>
        <translation>Attribuer à</translation>
    </message>
    <message>
        <source>Booked on</source>
        <translation>Réservé le</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Enregistrer</translation>
    </message>
    <message>
        <source>New session</source>
        <translation>Nouvelle séance</translation>
    </message>
</context>
<context>
    <name>Journey</name>
    <message>
        <source>the session is closed; no dose can be recorded</source>
        <translation>la séance est close ; aucune dose ne peut être enregistrée</translation>
    </message>
    <message>
        <source>{concern}: record the decision to dose, with its reason, first</source>
        <translation>{concern} : enregistrez d'abord la décision d'administrer la dose, avec son motif</translation>
    </message>
    <message>
        <source>{why}: say why the dose goes ahead</source>
        <translation>{why} : indiquez pourquoi la dose est administrée</translation>
    </message>
    <message>
        <source>A dose outside the usual range takes {who}'s decision; {name} is {held}</source>
        <translation>Une dose hors de la plage habituelle doit être décidée par {who} ; {name} est {held}</translation>
    </message>
    <message>
        <source>the journey time needs no confirming</source>
        <translation>le temps de la séance n'a pas besoin d'être confirmé</translation>
    </message>
    <message>
        <source>phases start with the first dose</source>
        <translation>les phases commencent avec la première dose</translation>
    </message>
    <message>
        <source>{phase} is the last phase</source>
        <translation>{phase} est la dernière phase</translation>
    </message>
    <message>
        <source>the session is closed; its sound is no longer recorded</source>
        <translation>la séance est close ; son son n'est plus enregistré</translation>
    </message>
    <message>
        <source>the session is closed; correct its record with an amendment</source>
        <translation>la séance est close ; corrigez son dossier par une rectification</translation>
    </message>
    <message>
        <source>the session is closed</source>
        <translation>la séance est close</translation>
    </message>
    <message>
        <source>the dose has been given already</source>
        <translation>la dose a déjà été administrée</translation>
    </message>
    <message>
        <source>say why the dose goes ahead</source>
        <translation>indiquez pourquoi la dose est administrée</translation>
    </message>
    <message>
        <source>the discharge check comes after the dose and before the session closes</source>
        <translation>l'évaluation de sortie se fait après la dose et avant la clôture de la séance</translation>
    </message>
    <message>
        <source>there is no flag to acknowledge</source>
        <translation>il n'y a aucune alerte à confirmer</translation>
    </message>
    <message>
        <source>say why the entry is being corrected</source>
        <translation>indiquez pourquoi l'entrée est corrigée</translation>
    </message>
    <message>
        <source>the dose was recorded in {unit}; its unit cannot be corrected</source>
        <translation>la dose a été enregistrée en {unit} ; son unité ne peut pas être corrigée</translation>
    </message>
    <message>
        <source>the session is already closed</source>
        <translation>la séance est déjà close</translation>
    </message>
    <message>
        <source>Closing early needs a reason on the record: {concerns}</source>
        <translation>Clôturer plus tôt demande un motif au dossier : {concerns}</translation>
    </message>
    <message>
        <source>{dose} ({weight}, {total} total)</source>
        <translation>{dose} ({weight}, {total} au total)</translation>
    </message>
    <message>
        <source>{dose} (no weight)</source>
        <translation>{dose} (sans poids)</translation>
    </message>
    <message>
        <source>{dose} (no weight, {total} total)</source>
        <translation>{dose} (sans poids, {total} au total)</translation>
    </message>
    <message>
        <source>{dose}, lot {lot}</source>
        <translation>{dose}, lot {lot}</translation>
    </message>
    <message>
        <source>protocol {protocol} has no phases</source>
        <extracomment>How late a reading may come and still count for a named check at a minute, when closing.</extracomment>
        <translation>le protocole {protocol} n'a aucune phase</translation>
    </message>
    <message>
        <source>Baseline blood pressure {reading} is above the protocol's {systolic}/{diastolic}</source>
        <translation>La tension artérielle de base {reading} dépasse la limite du protocole de {systolic}/{diastolic}</translation>
    </message>
    <message>
        <source>{elapsed} since dosing, of the {least} the protocol asks in the room</source>
        <translation>{elapsed} depuis la dose ; le protocole demande {least} en salle</translation>
    </message>
    <message>
        <source>still in {phase}, before the last phase</source>
        <translation>encore en {phase}, avant la dernière phase</translation>
    </message>
    <message>
        <source>vital-signs check not taken: {checks}</source>
        <translation>contrôle des signes vitaux non pris : {checks}</translation>
    </message>
    <message>
        <source>vital-signs checks not taken: {checks}</source>
        <translation>contrôles des signes vitaux non pris : {checks}</translation>
    </message>
    <message>
        <source>no discharge check recorded</source>
        <translation>aucune évaluation de sortie enregistrée</translation>
    </message>
    <message>
        <source>the last discharge check found the patient not ready</source>
        <translation>la dernière évaluation de sortie a conclu que le patient n'était pas prêt</translation>
    </message>
</context>
<context>
    <name>JourneyCards</name>
    <message>
        <source>Past sessions</source>
        <translation>Séances passées</translation>
    </message>
    <message>
        <source>Timeline</source>
        <translation>Chronologie</translation>
    </message>
    <message>
        <source>Flagged</source>
        <translation>Alerte</translation>
    </message>
    <message>
        <source>Seen</source>
        <translation>Vu</translation>
    </message>
    <message>
        <source>Record, under your name, that you have seen these flags</source>
        <translation>Enregistrer, à votre nom, que vous avez vu ces alertes</translation>
    </message>
    <message>
        <source>Journey time is right</source>
        <translation>Le temps est juste</translation>
    </message>
    <message>
        <source>Switch user</source>
        <translation>Changer d'utilisateur</translation>
    </message>
    <message>
        <source>Close session</source>
        <translation>Clôturer la séance</translation>
    </message>
    <message>
        <source>Dose given</source>
        <translation>Dose donnée</translation>
    </message>
    <message>
        <source>Next phase</source>
        <translation>Phase suivante</translation>
    </message>
    <message>
        <source>Ready to leave?</source>
        <translation>Prêt à partir ?</translation>
    </message>
</context>
<context>
    <name>JourneyScreen</name>
    <message>
        <source>Patient {code}</source>
        <translation>Patient {code}</translation>
    </message>
    <message>
        <source>Sitter {name}</source>
        <translation>Accompagnant {name}</translation>
    </message>
    <message>
        <source>Sitter {name} (signed in)</source>
        <translation>Accompagnant {name} (connecté)</translation>
    </message>
    <message>
        <source>Signed in: {name}</source>
        <translation>Connecté : {name}</translation>
    </message>
    <message>
        <source>Preparation · the journey clock starts with the dose</source>
        <translation>Préparation · le chrono de la séance démarre avec la dose</translation>
    </message>
    <message>
        <source>Not dosed yet</source>
        <translation>Pas encore de dose</translation>
    </message>
    <message>
        <source>Since dosing · not vouched: kapdesk could not check it</source>
        <translation>Depuis la dose · non garanti : kapdesk n'a pas pu le vérifier</translation>
    </message>
    <message>
        <source>Since dosing</source>
        <translation>Depuis la dose</translation>
    </message>
    <message>
        <source>Before dosing</source>
        <translation>Avant la dose</translation>
    </message>
    <message numerus="yes">
        <source>planned {length} in %n phase|planned {length} in %n phases</source>
        <translation><numerusform>prévu {length} en %n phase</numerusform><numerusform>prévu {length} en %n phases</numerusform></translation></message>
    <message>
        <source>Record the dose when it is given; the journey clock starts then.</source>
        <translation>Enregistrez la dose quand elle est donnée ; le chrono de la séance démarre alors.</translation>
    </message>
    <message>
        <source>First phase: {phase} · {length}</source>
        <translation>Première phase : {phase} · {length}</translation>
    </message>
    <message>
        <source>{over} over its planned {length}</source>
        <translation>{over} de plus que prévu ({length})</translation>
    </message>
    <message>
        <source>{shown} of {planned}</source>
        <translation>{shown} sur {planned}</translation>
    </message>
    <message>
        <source>Last phase. Close the session when the patient is ready.</source>
        <translation>Dernière phase. Clôturez la séance quand le patient est prêt.</translation>
    </message>
    <message>
        <source>Next: {phase} · {length} (when you confirm)</source>
        <translation>Ensuite : {phase} · {length} (quand vous confirmez)</translation>
    </message>
    <message>
        <source>Next: {phase} · {length} (starts by itself at its time)</source>
        <translation>Ensuite : {phase} · {length} (démarre seule à l'heure)</translation>
    </message>
    <message>
        <source>Next: {phase} · {length} (waits for you: journey time not vouched)</source>
        <translation>Ensuite : {phase} · {length} (vous attend : temps non garanti)</translation>
    </message>
    <message>
        <source>Ready since {ready}, may leave from {free}</source>
        <translation>Prêt depuis {ready}, peut partir à partir de {free}</translation>
    </message>
    <message>
        <source>Ready to leave since {time}</source>
        <translation>Prêt à partir depuis {time}</translation>
    </message>
    <message>
        <source>In the room: {left} to go of {stay}</source>
        <translation>En salle : encore {left} sur {stay}</translation>
    </message>
    <message>
        <source>Time in the room of {stay} reached</source>
        <translation>Temps en salle de {stay} atteint</translation>
    </message>
    <message>
        <source>kapdesk could not check how long it was closed.</source>
        <translation>kapdesk n'a pas pu vérifier combien de temps il est resté fermé.</translation>
    </message>
    <message>
        <source>{said} Journey time not vouched: phases by time wait. Check it, then confirm.</source>
        <translation>{said} Temps de séance non garanti : les phases minutées attendent. Vérifiez-le, puis confirmez.</translation>
    </message>
    <message>
        <source>{said} Journey time not vouched: phases by time wait ({phase} is due by it). Check it, then confirm.</source>
        <translation>{said} Temps de séance non garanti : les phases minutées attendent ({phase} devrait commencer). Vérifiez-le, puis confirmez.</translation>
    </message>
    <message>
        <source>Journey time is right   {key}</source>
        <translation>Le temps est juste   {key}</translation>
    </message>
    <message>
        <source>Noted   {key}</source>
        <translation>Vu   {key}</translation>
    </message>
    <message>
        <source>Extra dose   {key}</source>
        <translation>Dose supplémentaire   {key}</translation>
    </message>
    <message>
        <source>Dose given   {key}</source>
        <translation>Dose donnée   {key}</translation>
    </message>
    <message>
        <source>Next phase   {key}</source>
        <translation>Phase suivante   {key}</translation>
    </message>
    <message>
        <source>End {phase} early?{gap}{key} again</source>
        <translation>Finir {phase} plus tôt ?{gap}{key} à nouveau</translation>
    </message>
    <message>
        <source>Press Next phase again to end {phase} at {at} of {planned}; the record will say so.</source>
        <translation>Appuyez à nouveau sur Phase suivante pour finir {phase} à {at} sur {planned} ; le dossier l'indiquera.</translation>
    </message>
    <message>
        <source>A flagged reading waits to be seen</source>
        <translation>Une mesure signalée attend d'être vue</translation>
    </message>
    <message>
        <source>This would close the session early. The record and the printed record will say so, with your reason and your name.</source>
        <translation>Cela clôturerait la séance plus tôt. Le dossier et le dossier imprimé l'indiqueront, avec votre motif et votre nom.</translation>
    </message>
    <message>
        <source>No dose has been recorded. Closing now cancels the session; its record is kept.</source>
        <translation>Aucune dose n'a été enregistrée. Clôturer maintenant annule la séance ; son dossier est conservé.</translation>
    </message>
    <message>
        <source>The journey ends here and its record is kept. Integration follows.</source>
        <translation>La séance s'arrête ici et son dossier est conservé. L'intégration suit.</translation>
    </message>
    <message>
        <source>The journey ends here and its record is kept. Integration follows. No discharge check has found the patient ready to leave yet.</source>
        <translation>La séance s'arrête ici et son dossier est conservé. L'intégration suit. Aucune évaluation de sortie n'a encore trouvé le patient prêt à partir.</translation>
    </message>
</context>
<context>
    <name>JourneyView</name>
    <message>
        <source>{refusal}. Switch user to let a colleague who may do it.</source>
        <translation>{refusal}. Changez d'utilisateur pour laisser faire un collègue autorisé.</translation>
    </message>
    <message>
        <source>{why}. {refusal}. Switch user to let a colleague who may do it.</source>
        <translation>{why}. {refusal}. Changez d'utilisateur pour laisser faire un collègue autorisé.</translation>
    </message>
    <message>
        <source>It would close early: {concerns}</source>
        <translation>La séance serait clôturée plus tôt : {concerns}</translation>
    </message>
</context>
<context>
    <name>JourneyWords</name>
    <message>
        <source>Session opened</source>
        <translation>Séance ouverte</translation>
    </message>
    <message>
        <source>Phase: {name}</source>
        <translation>Phase : {name}</translation>
    </message>
    <message>
        <source>Phase: {name} (by time)</source>
        <translation>Phase : {name} (selon l'horaire)</translation>
    </message>
    <message>
        <source>{phase}; {early}</source>
        <translation>{phase} ; {early}</translation>
    </message>
    <message>
        <source>Journey time confirmed</source>
        <translation>Temps de séance confirmé</translation>
    </message>
    <message>
        <source>Journey time confirmed by {by}</source>
        <translation>Temps de séance confirmé par {by}</translation>
    </message>
    <message>
        <source>Note: {text}</source>
        <translation>Note : {text}</translation>
    </message>
    <message>
        <source>Vital signs: {reading}</source>
        <translation>Signes vitaux : {reading}</translation>
    </message>
    <message>
        <source>Vital signs: {reading}. Flagged: {flags}</source>
        <translation>Signes vitaux : {reading}. Alertes : {flags}</translation>
    </message>
    <message>
        <source>{scale}: {value} of 10</source>
        <translation>{scale} : {value} sur 10</translation>
    </message>
    <message>
        <source>Correction of entry {entry}: {reason}</source>
        <translation>Correction de l'entrée {entry} : {reason}</translation>
    </message>
    <message>
        <source>Session closed</source>
        <translation>Séance fermée</translation>
    </message>
    <message>
        <source>Session closed: {reason}</source>
        <translation>Séance fermée : {reason}</translation>
    </message>
    <message>
        <source>Session cancelled before dosing</source>
        <translation>Séance annulée avant la dose</translation>
    </message>
    <message>
        <source>Session cancelled before dosing: {reason}</source>
        <translation>Séance annulée avant la dose : {reason}</translation>
    </message>
    <message>
        <source>Session closed early ({early})</source>
        <translation>Séance fermée plus tôt que prévu ({early})</translation>
    </message>
    <message>
        <source>Session closed early ({early}): {reason}</source>
        <translation>Séance fermée plus tôt que prévu ({early}) : {reason}</translation>
    </message>
    <message>
        <source>Dose: {dose}</source>
        <translation>Dose : {dose}</translation>
    </message>
    <message>
        <source>Extra dose: {dose}</source>
        <translation>Dose supplémentaire : {dose}</translation>
    </message>
    <message>
        <source>{dose}, given by {by}</source>
        <translation>{dose}, administrée par {by}</translation>
    </message>
    <message>
        <source>{dose}. Outside the usual range: {why}</source>
        <translation>{dose}. Hors de la plage habituelle : {why}</translation>
    </message>
    <message>
        <source>{dose}; given because: {reason}</source>
        <translation>{dose} ; administrée car : {reason}</translation>
    </message>
    <message>
        <source>Rating {scale}: {value}</source>
        <translation>Évaluation {scale} : {value}</translation>
    </message>
    <message>
        <source>{scale}: {value}, {words}</source>
        <translation>{scale} : {value}, {words}</translation>
    </message>
    <message>
        <source>{scale}: {value}, responds readily to name</source>
        <translation>{scale} : {value}, répond aussitôt à son nom</translation>
    </message>
    <message>
        <source>{scale}: {value}, slow to respond to name</source>
        <translation>{scale} : {value}, répond lentement à son nom</translation>
    </message>
    <message>
        <source>{scale}: {value}, responds only to loud or repeated name</source>
        <translation>{scale} : {value}, ne répond qu’à son nom dit fort ou répété</translation>
    </message>
    <message>
        <source>{scale}: {value}, responds only to a touch on the shoulder</source>
        <translation>{scale} : {value}, ne répond qu’à un contact sur l’épaule</translation>
    </message>
    <message>
        <source>{scale}: {value}, no response to voice or touch</source>
        <translation>{scale} : {value}, aucune réponse à la voix ni au toucher</translation>
    </message>
    <message>
        <source>Flag seen: {words} (the reading of entry {entry})</source>
        <translation>Alerte vue : {words} (la mesure de l'entrée {entry})</translation>
    </message>
    <message>
        <source>Flag seen by {by}: {words} (the reading of entry {entry})</source>
        <translation>Alerte vue par {by} : {words} (la mesure de l'entrée {entry})</translation>
    </message>
    <message>
        <source>{phase} ended early by hand</source>
        <translation>{phase} : fin anticipée à la main</translation>
    </message>
    <message>
        <source>{phase} ended early by hand at {at}</source>
        <translation>{phase} : fin anticipée à la main à {at}</translation>
    </message>
    <message>
        <source>{phase} ended early by hand of {planned}</source>
        <translation>{phase} : fin anticipée à la main, sur {planned} prévues</translation>
    </message>
    <message>
        <source>{phase} ended early by hand at {at} of {planned}</source>
        <translation>{phase} : fin anticipée à la main à {at}, sur {planned} prévues</translation>
    </message>
    <message>
        <source>the phase</source>
        <translation>la phase</translation>
    </message>
    <message>
        <source>The PC's clock was set forward {span}; the journey time followed it</source>
        <translation>L'horloge du PC a été avancée de {span} ; le temps de séance a suivi</translation>
    </message>
    <message>
        <source>The PC's clock was set back {span}; the journey time followed it</source>
        <translation>L'horloge du PC a été reculée de {span} ; le temps de séance a suivi</translation>
    </message>
    <message>
        <source>The PC's clock was set forward {span}; the journey time followed it (it read {read})</source>
        <translation>L'horloge du PC a été avancée de {span} ; le temps de séance a suivi (il indiquait {read})</translation>
    </message>
    <message>
        <source>The PC's clock was set back {span}; the journey time followed it (it read {read})</source>
        <translation>L'horloge du PC a été reculée de {span} ; le temps de séance a suivi (il indiquait {read})</translation>
    </message>
    <message>
        <source>Intention: “{text}”</source>
        <translation>Intention : « {text} »</translation>
    </message>
    <message>
        <source>Checklist: {item}: done</source>
        <translation>Liste de contrôle : {item} : fait</translation>
    </message>
    <message>
        <source>Checklist: {item}: not done</source>
        <translation>Liste de contrôle : {item} : non fait</translation>
    </message>
    <message>
        <source>Breathwork: {pattern}, {minutes} min</source>
        <translation>Respiration guidée : {pattern}, {minutes} min</translation>
    </message>
    <message>
        <source>Decision to dose with baseline blood pressure {reading}: {reason}</source>
        <translation>Décision de donner la dose avec une pression artérielle de base {reading} : {reason}</translation>
    </message>
    <message>
        <source>not ready yet</source>
        <translation>pas encore prêt</translation>
    </message>
    <message>
        <source>ready to leave</source>
        <translation>prêt à partir</translation>
    </message>
    <message>
        <source>ready, may leave from {time}</source>
        <translation>prêt, peut partir dès {time}</translation>
    </message>
    <message>
        <source>Discharge check: {total} of {most}, {verdict}</source>
        <translation>Évaluation de sortie : {total} sur {most}, {verdict}</translation>
    </message>
    <message>
        <source>Discharge check: {total} of {most}, {verdict} ({reasons})</source>
        <translation>Évaluation de sortie : {total} sur {most}, {verdict} ({reasons})</translation>
    </message>
    <message>
        <source>{question} yes</source>
        <translation>{question} oui</translation>
    </message>
    <message>
        <source>{question} no</source>
        <translation>{question} non</translation>
    </message>
    <message>
        <source>Soundtrack: {name}</source>
        <translation>Bande sonore : {name}</translation>
    </message>
    <message>
        <source>Soundtrack: {name}, every track brought to {target} LUFS</source>
        <translation>Bande sonore : {name}, chaque morceau ramené à {target} LUFS</translation>
    </message>
    <message>
        <source>Soundtrack: {name}, every track brought to {target} LUFS (bed {bed}: played at {level})</source>
        <translation>Bande sonore : {name}, chaque morceau ramené à {target} LUFS (nappe {bed} : lecture à {level})</translation>
    </message>
    <message>
        <source>Soundtrack: {name}, every track brought to {target} LUFS (bed {bed}: not measured yet, played at {level})</source>
        <translation>Bande sonore : {name}, chaque morceau ramené à {target} LUFS (nappe {bed} : pas encore mesurée, lecture à {level})</translation>
    </message>
    <message>
        <source>Music: {title}</source>
        <translation>Musique : {title}</translation>
    </message>
    <message>
        <source>Music: {title} (played at {level})</source>
        <translation>Musique : {title} (lecture à {level})</translation>
    </message>
    <message>
        <source>Music: {title} (loudness not measured yet: played at {level}, as the loudest master would be)</source>
        <translation>Musique : {title} (volume pas encore mesuré : lecture à {level}, comme le serait le master le plus fort)</translation>
    </message>
    <message>
        <source>Track skipped: {title}</source>
        <translation>Morceau passé : {title}</translation>
    </message>
    <message>
        <source>Track could not play: {title} ({reason})</source>
        <translation>Morceau illisible : {title} ({reason})</translation>
    </message>
    <message>
        <source>Music ran out: {playlist}</source>
        <translation>Musique terminée : {playlist}</translation>
    </message>
    <message>
        <source>Quiet on</source>
        <translation>Silence activé</translation>
    </message>
    <message>
        <source>Quiet off</source>
        <translation>Silence désactivé</translation>
    </message>
</context>
<context>
    <name>LibraryFiles</name>
    <message numerus="yes">
        <source>Imported %n entry from {file}.|Imported %n entries from {file}.</source>
        <translation><numerusform>%n entrée importée depuis {file}.</numerusform><numerusform>%n entrées importées depuis {file}.</numerusform></translation></message>
    <message numerus="yes">
        <source>Imported %n entry from {file}; {missing} cannot be played (marked in the list).|Imported %n entries from {file}; {missing} cannot be played (marked in the list).</source>
        <translation><numerusform>%n entrée importée depuis {file} ; {missing} ne peut pas être lue (signalée dans la liste).</numerusform><numerusform>%n entrées importées depuis {file} ; {missing} ne peuvent pas être lues (signalées dans la liste).</numerusform></translation></message>
    <message>
        <source>The playlist could not be exported: {problem}</source>
        <translation>La playlist n'a pas pu être exportée : {problem}</translation>
    </message>
    <message numerus="yes">
        <source>Exported %n entry to {target}.|Exported %n entries to {target}.</source>
        <translation><numerusform>%n entrée exportée vers {target}.</numerusform><numerusform>%n entrées exportées vers {target}.</numerusform></translation></message>
</context>
<context>
    <name>LibraryMeasure</name>
    <message>
        <source>Loudness could not be measured: something unexpected went wrong (the log says what).</source>
        <translation>Le niveau sonore n'a pas pu être mesuré : un problème inattendu est survenu (le journal le précise).</translation>
    </message>
    <message>
        <source>Loudness could not be measured: kapdesk could not start measuring.</source>
        <translation>Le niveau sonore n'a pas pu être mesuré : kapdesk n'a pas pu lancer la mesure.</translation>
    </message>
    <message>
        <source>Loudness could not be measured: kapdesk's measuring stopped unexpectedly.</source>
        <translation>Le niveau sonore n'a pas pu être mesuré : la mesure de kapdesk s'est arrêtée de façon inattendue.</translation>
    </message>
</context>
<context>
    <name>LibraryScan</name>
    <message>
        <source>The files could not be read: {reason}</source>
        <translation>Les fichiers n'ont pas pu être lus : {reason}</translation>
    </message>
</context>
<context>
    <name>LibrarySoundtracks</name>
    <message>
        <source>Pick the soundtrack to edit, or make a new one.</source>
        <translation>Choisissez la bande sonore à modifier, ou créez-en une.</translation>
    </message>
    <message>
        <source>Soundtrack “{name}” saved; pick it when you set up a session.</source>
        <translation>Bande sonore « {name} » enregistrée ; choisissez-la en préparant une séance.</translation>
    </message>
</context>
<context>
    <name>LibraryView</name>
    <message>
        <source>Playlists (*.m3u *.m3u8 *.pls *.xspf)</source>
        <translation>Playlists (*.m3u *.m3u8 *.pls *.xspf)</translation>
    </message>
    <message>
        <source>Sound files ({suffixes})</source>
        <translation>Fichiers audio ({suffixes})</translation>
    </message>
    <message>
        <source>No music files yet. Add files or a folder (WAV, OGG, MP3, FLAC); the bundled beds play without any.</source>
        <translation>Aucun fichier de musique pour l'instant. Ajoutez des fichiers ou un dossier (WAV, OGG, MP3, FLAC) ; les nappes fournies fonctionnent sans.</translation>
    </message>
    <message>
        <source>Make a playlist with New, or import one.</source>
        <translation>Créez une playlist avec Nouvelle, ou importez-en une.</translation>
    </message>
    <message>
        <source>Looking for sound files…</source>
        <translation>Recherche des fichiers audio…</translation>
    </message>
    <message>
        <source>Pick the files to add in the list on the left first.</source>
        <translation>Choisissez d'abord les fichiers à ajouter dans la liste de gauche.</translation>
    </message>
    <message>
        <source>Pick the playlist to export first.</source>
        <translation>Choisissez d'abord la playlist à exporter.</translation>
    </message>
    <message numerus="yes">
        <source>%n file|%n files</source>
        <translation><numerusform>%n fichier</numerusform><numerusform>%n fichiers</numerusform></translation></message>
    <message numerus="yes">
        <source>%n file, {bad} cannot be played (marked in the list)|%n files, {bad} cannot be played (marked in the list)</source>
        <translation><numerusform>%n fichier, {bad} ne peut pas être lu (signalé dans la liste)</numerusform><numerusform>%n fichiers, {bad} ne peuvent pas être lus (signalés dans la liste)</numerusform></translation></message>
    <message numerus="yes">
        <source>Reading {done} of %n file|Reading {done} of %n files</source>
        <translation><numerusform>Lecture de {done} sur %n fichier</numerusform><numerusform>Lecture de {done} sur %n fichiers</numerusform></translation></message>
    <message numerus="yes">
        <source>Added %n file.|Added %n files.</source>
        <translation><numerusform>%n fichier ajouté.</numerusform><numerusform>%n fichiers ajoutés.</numerusform></translation></message>
    <message numerus="yes">
        <source>Added %n file; {bad} cannot be played (marked in the list).|Added %n files; {bad} cannot be played (marked in the list).</source>
        <translation><numerusform>%n fichier ajouté ; {bad} ne peut pas être lu (signalé dans la liste).</numerusform><numerusform>%n fichiers ajoutés ; {bad} ne peuvent pas être lus (signalés dans la liste).</numerusform></translation></message>
    <message numerus="yes">
        <source>Measuring loudness: {done} of %n track|Measuring loudness: {done} of %n tracks</source>
        <translation><numerusform>Mesure du niveau sonore : {done} sur %n morceau</numerusform><numerusform>Mesure du niveau sonore : {done} sur %n morceaux</numerusform></translation></message>
    <message>
        <source>Loading the library…</source>
        <translation>Chargement de la bibliothèque…</translation>
    </message>
    <message>
        <source>Playlists</source>
        <translation>Playlists</translation>
    </message>
    <message>
        <source>Soundtracks</source>
        <translation>Bandes sonores</translation>
    </message>
    <message>
        <source>Sound library</source>
        <translation>Bibliothèque sonore</translation>
    </message>
    <message>
        <source>Back</source>
        <translation>Retour</translation>
    </message>
    <message>
        <source>MUSIC FILES</source>
        <translation>FICHIERS DE MUSIQUE</translation>
    </message>
    <message>
        <source>Add files…</source>
        <translation>Fichiers…</translation>
    </message>
    <message>
        <source>Folder…</source>
        <translation>Dossier…</translation>
    </message>
    <message>
        <source>Add to playlist</source>
        <translation>Ajouter à la playlist</translation>
    </message>
    <message>
        <source>New</source>
        <translation>Nouvelle</translation>
    </message>
    <message>
        <source>Import…</source>
        <translation>Importer…</translation>
    </message>
    <message>
        <source>Export…</source>
        <translation>Exporter…</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Supprimer</translation>
    </message>
    <message>
        <source>Up</source>
        <translation>Haut</translation>
    </message>
    <message>
        <source>Down</source>
        <translation>Bas</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Retirer</translation>
    </message>
    <message>
        <source>A soundtrack is a bed and a playlist for each phase. Sessions pick one at set-up.</source>
        <translation>Une bande sonore, c'est une nappe et une playlist par phase. Chaque séance en choisit une à la préparation.</translation>
    </message>
    <message>
        <source>New soundtrack…</source>
        <translation>Nouvelle bande sonore…</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>Modifier…</translation>
    </message>
    <message>
        <source>Add music files</source>
        <translation>Ajouter des fichiers de musique</translation>
    </message>
    <message>
        <source>Add a folder of music</source>
        <translation>Ajouter un dossier de musique</translation>
    </message>
    <message numerus="yes">
        <source>{name}   ·   %n track, {length}|{name}   ·   %n tracks, {length}</source>
        <translation><numerusform>{name}   ·   %n morceau, {length}</numerusform><numerusform>{name}   ·   %n morceaux, {length}</numerusform></translation></message>
    <message numerus="yes">
        <source>%n track · {minutes} of playable music|%n tracks · {minutes} of playable music</source>
        <translation><numerusform>%n morceau · {minutes} de musique lisible</numerusform><numerusform>%n morceaux · {minutes} de musique lisible</numerusform></translation></message>
    <message>
        <source>New playlist</source>
        <translation>Nouvelle playlist</translation>
    </message>
    <message>
        <source>Name of the playlist:</source>
        <translation>Nom de la playlist :</translation>
    </message>
    <message>
        <source>Import a playlist</source>
        <translation>Importer une playlist</translation>
    </message>
    <message>
        <source>Export the playlist</source>
        <translation>Exporter la playlist</translation>
    </message>
</context>
<context>
    <name>LoudnessWords</name>
    <message>
        <source>not measured yet</source>
        <translation>non mesuré</translation>
    </message>
    <message>
        <source>From the file's ReplayGain or R128 tags: {loudness} LUFS, true peak {peak} dBTP.</source>
        <translation>D'après les balises ReplayGain ou R128 du fichier : {loudness} LUFS, crête réelle {peak} dBTP.</translation>
    </message>
    <message>
        <source>From the file's ReplayGain or R128 tags: {loudness} LUFS, range {range} LU, true peak {peak} dBTP.</source>
        <translation>D'après les balises ReplayGain ou R128 du fichier : {loudness} LUFS, plage {range} LU, crête réelle {peak} dBTP.</translation>
    </message>
    <message>
        <source>Measured (EBU R128): {loudness} LUFS, true peak {peak} dBTP.</source>
        <translation>Mesuré (EBU R128) : {loudness} LUFS, crête réelle {peak} dBTP.</translation>
    </message>
    <message>
        <source>Measured (EBU R128): {loudness} LUFS, range {range} LU, true peak {peak} dBTP.</source>
        <translation>Mesuré (EBU R128) : {loudness} LUFS, plage {range} LU, crête réelle {peak} dBTP.</translation>
    </message>
    <message>
        <source>{gain}, {short} LU short</source>
        <translation>{gain}, {short} LU en dessous</translation>
    </message>
    <message>
        <source>{gain}, peak-limited</source>
        <translation>{gain}, limité par les crêtes</translation>
    </message>
    <message>
        <source>{gain}, {short} LU short, peak-limited</source>
        <translation>{gain}, {short} LU en dessous, limité par les crêtes</translation>
    </message>
    <message>
        <source>Not measured: it plays as the loudest track would, quieter rather than louder.</source>
        <translation>Non mesuré : il est joué comme le serait le morceau le plus fort, plus bas plutôt que plus fort.</translation>
    </message>
    <message>
        <source>Quieter than the clinic's target of {target} LUFS: kapdesk never raises a track, so it plays {short} LU under the others.</source>
        <translation>Plus faible que la cible de la clinique, {target} LUFS : kapdesk n'augmente jamais un morceau, il est donc joué {short} LU en dessous des autres.</translation>
    </message>
    <message>
        <source>Held down so that its peaks stay under {ceiling} dBTP.</source>
        <translation>Abaissé pour que ses crêtes restent sous {ceiling} dBTP.</translation>
    </message>
    <message>
        <source>Lowered to the clinic's target of {target} LUFS.</source>
        <translation>Abaissé à la cible de la clinique, {target} LUFS.</translation>
    </message>
    <message>
        <source>1 track is too quiet for the clinic's target of {target} LUFS: “{first}” plays {first_short} LU under it.</source>
        <translation>1 morceau est trop faible pour la cible de la clinique, {target} LUFS : « {first} » est joué {first_short} LU en dessous.</translation>
    </message>
    <message>
        <source>{tracks} tracks are too quiet for the clinic's target of {target} LUFS: “{first}” plays {first_short} LU under it, “{second}” {second_short} LU.</source>
        <translation>{tracks} morceaux sont trop faibles pour la cible de la clinique, {target} LUFS : « {first} » est joué {first_short} LU en dessous, « {second} » {second_short} LU.</translation>
    </message>
    <message numerus="yes">
        <source>{tracks} tracks are too quiet for the clinic's target of {target} LUFS: “{first}” plays {first_short} LU under it, “{second}” {second_short} LU and %n more.|{tracks} tracks are too quiet for the clinic's target of {target} LUFS: “{first}” plays {first_short} LU under it, “{second}” {second_short} LU and %n more.</source>
        <translation><numerusform>{tracks} morceaux sont trop faibles pour la cible de la clinique, {target} LUFS : « {first} » est joué {first_short} LU en dessous, « {second} » {second_short} LU et %n autre.</numerusform><numerusform>{tracks} morceaux sont trop faibles pour la cible de la clinique, {target} LUFS : « {first} » est joué {first_short} LU en dessous, « {second} » {second_short} LU et %n autres.</numerusform></translation></message>
    <message numerus="yes">
        <source>Held down to keep peaks under {ceiling} dBTP: “{first}”, “{second}” and %n more.|Held down to keep peaks under {ceiling} dBTP: “{first}”, “{second}” and %n more.</source>
        <translation><numerusform>Abaissés pour garder les crêtes sous {ceiling} dBTP : « {first} », « {second} » et %n autre.</numerusform><numerusform>Abaissés pour garder les crêtes sous {ceiling} dBTP : « {first} », « {second} » et %n autres.</numerusform></translation></message>
    <message>
        <source>Held down to keep peaks under {ceiling} dBTP: “{first}”.</source>
        <translation>Abaissé pour garder les crêtes sous {ceiling} dBTP : « {first} ».</translation>
    </message>
    <message>
        <source>Held down to keep peaks under {ceiling} dBTP: “{first}”, “{second}”.</source>
        <translation>Abaissés pour garder les crêtes sous {ceiling} dBTP : « {first} », « {second} ».</translation>
    </message>
    <message numerus="yes">
        <source>%n sound not measured (played softer, as the loudest master would be; the library says why)|%n sounds not measured (played softer, as the loudest master would be; the library says why)</source>
        <translation><numerusform>%n son non mesuré (joué plus doucement, comme le serait le master le plus fort ; la bibliothèque dit pourquoi)</numerusform><numerusform>%n sons non mesurés (joués plus doucement, comme le serait le master le plus fort ; la bibliothèque dit pourquoi)</numerusform></translation></message>
    <message numerus="yes">
        <source>%n sound under the clinic's loudness (up to {most} LU)|%n sounds under the clinic's loudness (up to {most} LU)</source>
        <translation><numerusform>%n son sous le niveau sonore de la clinique (jusqu'à {most} LU)</numerusform><numerusform>%n sons sous le niveau sonore de la clinique (jusqu'à {most} LU)</numerusform></translation></message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Practice does not start at login: set autostart in kapdesk without --practice.</source>
        <translation>L'entraînement ne démarre pas à l'ouverture de session : configurez le démarrage automatique dans kapdesk sans --practice.</translation>
    </message>
</context>
<context>
    <name>Measuring</name>
    <message>
        <source>the file is damaged or is not a sound file kapdesk can measure</source>
        <translation>le fichier est endommagé ou n'est pas un fichier son que kapdesk peut mesurer</translation>
    </message>
    <message>
        <source>the file is damaged or cut short</source>
        <translation>le fichier est endommagé ou tronqué</translation>
    </message>
    <message>
        <source>this PC's sound library cannot read {format} files to measure them</source>
        <translation>la bibliothèque son de ce PC ne peut pas lire les fichiers {format} pour les mesurer</translation>
    </message>
    <message>
        <source>this PC's sound library cannot read the kind of sound in this file to measure it</source>
        <translation>la bibliothèque son de ce PC ne peut pas lire le type de son de ce fichier pour le mesurer</translation>
    </message>
    <message>
        <source>the track is silent</source>
        <translation>la piste est silencieuse</translation>
    </message>
    <message>
        <source>the track is too short to measure (under half a second)</source>
        <translation>la piste est trop courte pour être mesurée (moins d'une demi-seconde)</translation>
    </message>
    <message>
        <source>kapdesk cannot measure loudness on this computer: the sound libraries libebur128 and libsndfile are not installed</source>
        <translation>kapdesk ne peut pas mesurer la sonie sur cet ordinateur : les bibliothèques son libebur128 et libsndfile ne sont pas installées</translation>
    </message>
    <message>
        <source>kapdesk cannot measure loudness on this computer: the sound library {library} is not installed</source>
        <translation>kapdesk ne peut pas mesurer la sonie sur cet ordinateur : la bibliothèque son {library} n'est pas installée</translation>
    </message>
    <message>
        <source>kapdesk cannot measure loudness on this computer: its sound libraries libebur128 and libsndfile are too old</source>
        <translation>kapdesk ne peut pas mesurer la sonie sur cet ordinateur : ses bibliothèques son libebur128 et libsndfile sont trop anciennes</translation>
    </message>
    <message>
        <source>measuring was stopped before this file</source>
        <translation>la mesure a été arrêtée avant ce fichier</translation>
    </message>
    <message>
        <source>measuring stopped unexpectedly before this file</source>
        <translation>la mesure s'est arrêtée de façon inattendue avant ce fichier</translation>
    </message>
    <message>
        <source>measuring stopped unexpectedly on this file</source>
        <translation>la mesure s'est arrêtée de façon inattendue sur ce fichier</translation>
    </message>
    <message>
        <source>kapdesk could not start measuring</source>
        <translation>kapdesk n'a pas pu commencer la mesure</translation>
    </message>
    <message>
        <source>the file could not be measured</source>
        <translation>le fichier n'a pas pu être mesuré</translation>
    </message>
    <message>
        <source>measuring this file took far too long (it may be damaged)</source>
        <translation>la mesure de ce fichier a pris beaucoup trop de temps (il est peut-être endommagé)</translation>
    </message>
</context>
<context>
    <name>MusicOutlook</name>
    <message>
        <source>The music runs out {minutes} before this phase ends</source>
        <translation>La musique s'arrête {minutes} avant la fin de cette phase</translation>
    </message>
    <message numerus="yes">
        <source>The music runs out {minutes} before this phase ends (%n track of unknown length)|The music runs out {minutes} before this phase ends (%n tracks of unknown length)</source>
        <translation><numerusform>La musique s'arrête {minutes} avant la fin de cette phase (%n morceau de durée inconnue)</numerusform><numerusform>La musique s'arrête {minutes} avant la fin de cette phase (%n morceaux de durée inconnue)</numerusform></translation></message>
    <message numerus="yes">
        <source>The music runs out under a minute before this phase ends (%n track of unknown length)|The music runs out under a minute before this phase ends (%n tracks of unknown length)</source>
        <translation><numerusform>La musique s'arrête moins d'une minute avant la fin de cette phase (%n morceau de durée inconnue)</numerusform><numerusform>La musique s'arrête moins d'une minute avant la fin de cette phase (%n morceaux de durée inconnue)</numerusform></translation></message>
    <message numerus="yes">
        <source>Enough music for this phase; it runs out {minutes} before {phase} ends (%n track of unknown length)|Enough music for this phase; it runs out {minutes} before {phase} ends (%n tracks of unknown length)</source>
        <translation><numerusform>Assez de musique pour cette phase ; elle s'arrête {minutes} avant la fin de {phase} (%n morceau de durée inconnue)</numerusform><numerusform>Assez de musique pour cette phase ; elle s'arrête {minutes} avant la fin de {phase} (%n morceaux de durée inconnue)</numerusform></translation></message>
    <message numerus="yes">
        <source>Enough music for this phase; it runs out under a minute before {phase} ends (%n track of unknown length)|Enough music for this phase; it runs out under a minute before {phase} ends (%n tracks of unknown length)</source>
        <translation><numerusform>Assez de musique pour cette phase ; elle s'arrête moins d'une minute avant la fin de {phase} (%n morceau de durée inconnue)</numerusform><numerusform>Assez de musique pour cette phase ; elle s'arrête moins d'une minute avant la fin de {phase} (%n morceaux de durée inconnue)</numerusform></translation></message>
    <message>
        <source>The music runs out under a minute before this phase ends</source>
        <translation>La musique s'arrête moins d'une minute avant la fin de cette phase</translation>
    </message>
    <message>
        <source>Enough music for this phase; it runs out {minutes} before {phase} ends</source>
        <translation>Assez de musique pour cette phase ; elle s'arrête {minutes} avant la fin de {phase}</translation>
    </message>
    <message>
        <source>Enough music for this phase; it runs out under a minute before {phase} ends</source>
        <translation>Assez de musique pour cette phase ; elle s'arrête moins d'une minute avant la fin de {phase}</translation>
    </message>
    <message>
        <source>Enough music for this phase</source>
        <translation>Assez de musique pour cette phase</translation>
    </message>
</context>
<context>
    <name>Notice</name>
    <message>
        <source>Noted</source>
        <translation>Vu</translation>
    </message>
    <message>
        <source>Known: put it away until it changes or the session ends</source>
        <translation>Connu : le masquer jusqu'à ce qu'il change ou que la séance se termine</translation>
    </message>
</context>
<context>
    <name>ObservationPanel</name>
    <message>
        <source>Vital signs</source>
        <translation>Signes vitaux</translation>
    </message>
    <message>
        <source>Record vital signs</source>
        <translation>Noter les signes vitaux</translation>
    </message>
    <message>
        <source>Note: start typing anywhere on this screen; Enter saves</source>
        <translation>Note : tapez n’importe où sur cet écran ; Entrée enregistre</translation>
    </message>
    <message>
        <source>{check} {when}</source>
        <translation>{check} {when}</translation>
    </message>
    <message>
        <source>{check} {when}, {late} late</source>
        <translation>{check} {when}, {late} de retard</translation>
    </message>
    <message>
        <source>Vital signs overdue: {check}</source>
        <translation>Signes vitaux en retard : {check}</translation>
    </message>
    <message>
        <source>Vital signs due: {check}</source>
        <translation>Signes vitaux à prendre : {check}</translation>
    </message>
    <message>
        <source>Overdue: {check}</source>
        <translation>En retard : {check}</translation>
    </message>
    <message>
        <source>Due now: {check}</source>
        <translation>À faire maintenant : {check}</translation>
    </message>
    <message numerus="yes">
        <source>and %n more check not taken|and %n more checks not taken</source>
        <translation><numerusform>et %n autre contrôle non fait</numerusform><numerusform>et %n autres contrôles non faits</numerusform></translation></message>
    <message>
        <source>Next: {check}</source>
        <translation>Prochain : {check}</translation>
    </message>
    <message>
        <source>No more checks planned</source>
        <translation>Plus aucun contrôle prévu</translation>
    </message>
    <message>
        <source>{done} of {total} done</source>
        <translation>{done} sur {total} faits</translation>
    </message>
    <message>
        <source>Last: {at}  {reading}</source>
        <translation>Dernier : {at}  {reading}</translation>
    </message>
    <message>
        <source>No reading yet</source>
        <translation>Aucune mesure pour l’instant</translation>
    </message>
    <message>
        <source>Saved {at}: {what}</source>
        <translation>Enregistré {at} : {what}</translation>
    </message>
    <message>
        <source>Kept on this PC {at} (offline): {what}</source>
        <translation>Gardé sur ce PC {at} (hors ligne) : {what}</translation>
    </message>
    <message>
        <source>{what}: {problem}</source>
        <translation>{what} : {problem}</translation>
    </message>
    <message>
        <source>Not saved yet.</source>
        <translation>Pas encore enregistré.</translation>
    </message>
    <message>
        <source>Saving… {what}</source>
        <translation>Enregistrement… {what}</translation>
    </message>
    <message>
        <source>{reading} (flagged)</source>
        <translation>{reading} (signalé)</translation>
    </message>
    <message>
        <source>{scale}: {words}</source>
        <translation>{scale} : {words}</translation>
    </message>
</context>
<context>
    <name>Observations</name>
    <message>
        <source>Calm</source>
        <translation>Calme</translation>
    </message>
    <message>
        <source>Talking</source>
        <translation>Parle</translation>
    </message>
    <message>
        <source>Crying</source>
        <translation>Pleure</translation>
    </message>
    <message>
        <source>Laughing</source>
        <translation>Rit</translation>
    </message>
    <message>
        <source>Restless</source>
        <translation>Agitation</translation>
    </message>
    <message>
        <source>Nausea</source>
        <translation>Nausées</translation>
    </message>
    <message>
        <source>Vomited</source>
        <translation>A vomi</translation>
    </message>
    <message>
        <source>Unresponsive to voice</source>
        <translation>Ne répond pas à la voix</translation>
    </message>
    <message>
        <source>Wants music changed</source>
        <translation>Veut changer de musique</translation>
    </message>
    <message>
        <source>Bathroom</source>
        <translation>Toilettes</translation>
    </message>
    <message>
        <source>Type a note or pick a tag first.</source>
        <translation>Saisissez d’abord une note ou choisissez une étiquette.</translation>
    </message>
    <message>
        <source>none</source>
        <translation>aucune</translation>
    </message>
    <message>
        <source>worst</source>
        <translation>maximale</translation>
    </message>
    <message>
        <source>Responsiveness to voice</source>
        <translation>Réponse à la voix</translation>
    </message>
    <message>
        <source>Responds readily to name</source>
        <translation>Répond aussitôt à son nom</translation>
    </message>
    <message>
        <source>Slow to respond to name</source>
        <translation>Répond lentement à son nom</translation>
    </message>
    <message>
        <source>Responds only to loud or repeated name</source>
        <translation>Ne répond qu’à son nom dit fort ou répété</translation>
    </message>
    <message>
        <source>Responds only to a touch on the shoulder</source>
        <translation>Ne répond qu’à un contact sur l’épaule</translation>
    </message>
    <message>
        <source>No response to voice or touch</source>
        <translation>Aucune réponse à la voix ni au toucher</translation>
    </message>
    <message>
        <source>Distress</source>
        <translation>Détresse</translation>
    </message>
    <message>
        <source>Say why the entry is being corrected.</source>
        <translation>Indiquez pourquoi l'entrée est corrigée.</translation>
    </message>
</context>
<context>
    <name>PageHeader</name>
    <message>
        <source>Patient {code}</source>
        <translation>Patient {code}</translation>
    </message>
    <message>
        <source>Session {day}</source>
        <translation>Séance du {day}</translation>
    </message>
    <message>
        <source>Page {number} of {count}</source>
        <translation>Page {number} sur {count}</translation>
    </message>
</context>
<context>
    <name>PageRoutes</name>
    <message>
        <source>Who sits with the patient</source>
        <translation>Qui accompagne le patient</translation>
    </message>
    <message>
        <source>Who sits with the patient (empty: {name})</source>
        <translation>Qui accompagne le patient (vide : {name})</translation>
    </message>
    <message>
        <source>That protocol is no longer available; pick another.</source>
        <translation>Ce protocole n'est plus disponible ; choisissez-en un autre.</translation>
    </message>
    <message>
        <source>Sign in first (Ctrl+Shift+L).</source>
        <translation>Connectez-vous d'abord (Ctrl+Shift+L).</translation>
    </message>
    <message>
        <source>{problem}.</source>
        <translation>{problem}.</translation>
    </message>
    <message>
        <source>{problem}. Try again.</source>
        <translation>{problem}. Réessayez.</translation>
    </message>
    <message>
        <source>{problem}. The session is open; add it to the course later.</source>
        <translation>{problem}. La séance est ouverte ; ajoutez-la au cycle plus tard.</translation>
    </message>
    <message>
        <source>{problem} (kapdesk's defaults apply)</source>
        <translation>{problem} (les réglages par défaut de kapdesk s'appliquent)</translation>
    </message>
    <message>
        <source>Kept in {file}.</source>
        <translation>Conservé dans {file}.</translation>
    </message>
    <message>
        <source>Session {number} of {total}</source>
        <translation>Séance {number} sur {total}</translation>
    </message>
    <message>
        <source>The course</source>
        <translation>Le cycle</translation>
    </message>
    <message>
        <source>A ketamine-assisted therapy session is running</source>
        <translation>Une séance de thérapie assistée par kétamine est en cours</translation>
    </message>
    <message>
        <source>{problems} Check the PC's power settings during this session.</source>
        <translation>{problems} Vérifiez les réglages d'alimentation du PC pendant cette séance.</translation>
    </message>
</context>
<context>
    <name>PhaseBar</name>
    <message>
        <source>Phases: planned above, as they ran below</source>
        <translation>Phases : prévues en haut, telles qu'elles se sont déroulées en bas</translation>
    </message>
</context>
<context>
    <name>Player</name>
    <message>
        <source>The bed “{bed}” cannot play: {reason}</source>
        <translation>La nappe « {bed} » ne peut pas être lue : {reason}</translation>
    </message>
    <message>
        <source>“{track}” was skipped: {reason}</source>
        <translation>« {track} » a été passé : {reason}</translation>
    </message>
</context>
<context>
    <name>PlaylistFiles</name>
    <message>
        <source>{name} is empty</source>
        <extracomment>A file larger than this is not read as a playlist at all.</extracomment>
        <translation>{name} est vide</translation>
    </message>
    <message>
        <source>{name} is an audio file, not a playlist</source>
        <translation>{name} est un fichier audio, pas une playlist</translation>
    </message>
    <message>
        <source>{name} does not look like a playlist: {count} of its lines are no file names ({first})</source>
        <translation>{name} ne ressemble pas à une playlist : {count} de ses lignes ne sont pas des noms de fichier ({first})</translation>
    </message>
    <message>
        <source>{name} does not look like a playlist: no [playlist] and no File1=</source>
        <translation>{name} ne ressemble pas à une playlist : ni [playlist] ni File1=</translation>
    </message>
    <message>
        <source>{name} is not valid XML: line {line}: {reason}</source>
        <translation>{name} n'est pas un XML valide : ligne {line} : {reason}</translation>
    </message>
    <message>
        <source>{name} declares a text encoding kapdesk does not know ({error})</source>
        <translation>{name} déclare un encodage de texte que kapdesk ne connaît pas ({error})</translation>
    </message>
    <message>
        <source>{name} cannot be read as XML: {error}</source>
        <translation>{name} ne peut pas être lu comme du XML : {error}</translation>
    </message>
    <message>
        <source>{name} nests its XML more than {levels} levels deep (line {line}); it is not an XSPF playlist</source>
        <translation>{name} imbrique son XML sur plus de {levels} niveaux (ligne {line}) ; ce n'est pas une playlist XSPF</translation>
    </message>
    <message>
        <source>{name} is XML but not an XSPF playlist (it starts with &lt;{element}&gt;)</source>
        <translation>{name} est du XML, mais pas une playlist XSPF (il commence par &lt;{element}&gt;)</translation>
    </message>
    <message>
        <source>playlist file</source>
        <translation>fichier de playlist</translation>
    </message>
    <message>
        <source>a line of {count} characters, too long to be a file name; skipped</source>
        <translation>une ligne de {count} caractères, trop longue pour être un nom de fichier ; ignorée</translation>
    </message>
    <message>
        <source>control characters (binary data?) where a file name should be; skipped</source>
        <translation>des caractères de contrôle (données binaires ?) à la place d'un nom de fichier ; ligne ignorée</translation>
    </message>
    <message>
        <source>{name} declares XML entities, which kapdesk does not read</source>
        <translation>{name} déclare des entités XML, que kapdesk ne lit pas</translation>
    </message>
</context>
<context>
    <name>PlaylistWriting</name>
    <message>
        <source>cannot tell the playlist format from the name {name}; use .m3u, .m3u8, .pls or .xspf</source>
        <translation>impossible de déduire le format de la playlist du nom {name} ; utilisez .m3u, .m3u8, .pls ou .xspf</translation>
    </message>
</context>
<context>
    <name>Playlists</name>
    <message>
        <source>a stream URL; kapdesk plays files only</source>
        <extracomment>File extensions (lower case, with the dot) and the format each stands for. The problem of an entry that names a stream rather than a file.</extracomment>
        <translation>une URL de flux ; kapdesk ne lit que des fichiers</translation>
    </message>
    <message>
        <source>missing: {path}</source>
        <extracomment>The start of the problem of an entry whose file does not exist.</extracomment>
        <translation>introuvable : {path}</translation>
    </message>
    <message>
        <source>a relative path, and the playlist has no folder to find it from</source>
        <translation>un chemin relatif, et la playlist n'a pas de dossier d'où le retrouver</translation>
    </message>
    <message>
        <source>a folder, not a file: {folder}</source>
        <translation>un dossier, pas un fichier : {folder}</translation>
    </message>
    <message>
        <source>a Windows network path ({path}) that this computer cannot open</source>
        <translation>un chemin réseau Windows ({path}) que cet ordinateur ne peut pas ouvrir</translation>
    </message>
    <message>
        <source>a Windows path ({path}) that does not exist on this computer</source>
        <translation>un chemin Windows ({path}) qui n'existe pas sur cet ordinateur</translation>
    </message>
    <message>
        <source>not found</source>
        <translation>introuvable</translation>
    </message>
    <message>
        <source>line {line}: {message}</source>
        <translation>ligne {line} : {message}</translation>
    </message>
</context>
<context>
    <name>PracticeBand</name>
    <message>
        <source>Practice · not a clinical record</source>
        <translation>Entraînement · pas un dossier clinique</translation>
    </message>
    <message>
        <source>Practice mode: nothing here is a clinical record</source>
        <translation>Mode entraînement : rien ici n'est un dossier clinique</translation>
    </message>
    <message>
        <source>speed</source>
        <translation>vitesse</translation>
    </message>
    <message>
        <source>{speed}x</source>
        <translation>{speed}x</translation>
    </message>
    <message>
        <source>Practice time runs {speed} times as fast as real time</source>
        <translation>Le temps d'entraînement passe {speed} fois plus vite que le temps réel</translation>
    </message>
</context>
<context>
    <name>PreparationPanel</name>
    <message>
        <source>{step} (if it applies)</source>
        <translation>{step} (le cas échéant)</translation>
    </message>
    <message>
        <source>Ticked by {name}</source>
        <translation>Coché par {name}</translation>
    </message>
    <message>
        <source>Done: {minutes} min.</source>
        <translation>Fait : {minutes} min.</translation>
    </message>
    <message>
        <source>A few calm minutes before the dose.</source>
        <translation>Quelques minutes de calme avant la dose.</translation>
    </message>
    <message>
        <source>No baseline vital signs yet.</source>
        <translation>Pas encore de signes vitaux de base.</translation>
    </message>
    <message>
        <source>{concern}. Dosing will ask for a decision with a reason.</source>
        <translation>{concern}. La dose demandera une décision motivée.</translation>
    </message>
    <message>
        <source>Baseline: {reading}.</source>
        <translation>Base : {reading}.</translation>
    </message>
    <message>
        <source>Baseline: {reading}. Decision: {decision}</source>
        <translation>Base : {reading}. Décision : {decision}</translation>
    </message>
    <message>
        <source>Not written yet.</source>
        <translation>Pas encore écrite.</translation>
    </message>
    <message>
        <source>Saved.</source>
        <translation>Enregistrée.</translation>
    </message>
    <message>
        <source>Saved by {name}.</source>
        <translation>Enregistrée par {name}.</translation>
    </message>
    <message>
        <source>Kept on this PC (offline): sent when the server is back.</source>
        <translation>Conservée sur ce PC (hors ligne) : envoyée au retour du serveur.</translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation>Enregistrement…</translation>
    </message>
    <message>
        <source>Not saved yet: see the message at the top.</source>
        <translation>Pas encore enregistrée : voir le message en haut.</translation>
    </message>
    <message>
        <source>Write the intention first.</source>
        <translation>Écrivez d'abord l'intention.</translation>
    </message>
    <message>
        <source>Intention, in the patient's own words</source>
        <translation>Intention, dans les mots du patient</translation>
    </message>
    <message>
        <source>What the patient hopes to explore or let go of today</source>
        <translation>Ce que le patient souhaite explorer ou lâcher aujourd'hui</translation>
    </message>
    <message>
        <source>Save intention</source>
        <translation>Enregistrer l'intention</translation>
    </message>
    <message>
        <source>Breathwork</source>
        <translation>Respiration guidée</translation>
    </message>
    <message>
        <source>Breathe together</source>
        <translation>Respirer ensemble</translation>
    </message>
    <message>
        <source>Questionnaires</source>
        <translation>Questionnaires</translation>
    </message>
    <message>
        <source>PHQ-9 and GAD-7</source>
        <translation>PHQ-9 et GAD-7</translation>
    </message>
    <message>
        <source>Before dosing</source>
        <translation>Avant la dose</translation>
    </message>
    <message>
        <source>Baseline vital signs</source>
        <translation>Signes vitaux de base</translation>
    </message>
</context>
<context>
    <name>PrintJob</name>
    <message>
        <source>The {what} could not be written to {path}: {reason}. Nothing else was changed.</source>
        <translation>Impossible d'écrire {what} dans {path} : {reason}. Rien d'autre n'a été modifié.</translation>
    </message>
    <message>
        <source>The {what} could not be made: {error}.</source>
        <translation>Impossible de préparer {what} : {error}.</translation>
    </message>
    <message>
        <source>The {what} could not be printed: {error}.</source>
        <translation>Impossible d'imprimer {what} : {error}.</translation>
    </message>
    <message>
        <source>The {what} could not be made because of an unexpected problem; it is described in kapdesk's log.</source>
        <translation>Impossible de préparer {what} à cause d'un problème inattendu ; il est décrit dans le journal de kapdesk.</translation>
    </message>
    <message>
        <source>The {what} is saved as {path}.</source>
        <translation>Enregistrement terminé : {what}, sous {path}.</translation>
    </message>
    <message numerus="yes">
        <source>The {what} went to {where}: %n page.|The {what} went to {where}: %n pages.</source>
        <translation><numerusform>Envoi terminé vers {where} : {what}, %n page.</numerusform><numerusform>Envoi terminé vers {where} : {what}, %n pages.</numerusform></translation></message>
    <message>
        <source>the printer</source>
        <translation>l'imprimante</translation>
    </message>
    <message>
        <source>the printer reported a problem, so it may not have printed; check the printer and print it again</source>
        <translation>l'imprimante a signalé un problème, l'impression n'a peut-être pas eu lieu ; vérifiez l'imprimante et relancez l'impression</translation>
    </message>
    <message>
        <source>Print the {what}</source>
        <translation>Imprimer {what}</translation>
    </message>
    <message>
        <source>Making the {what}…</source>
        <translation>Préparation en cours : {what}…</translation>
    </message>
    <message>
        <source>Printing the {what}…</source>
        <translation>Impression en cours : {what}…</translation>
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
        <translation>Séance {number} sur {planned}</translation>
    </message>
</context>
<context>
    <name>Printing</name>
    <message>
        <source>the printer could not be started</source>
        <translation>l'imprimante n'a pas pu démarrer</translation>
    </message>
    <message>
        <source>the printer could not start a new page</source>
        <translation>l'imprimante n'a pas pu commencer une nouvelle page</translation>
    </message>
    <message>
        <source>the printer could not finish the pages, so they may not have printed</source>
        <translation>l'imprimante n'a pas pu terminer les pages : elles n'ont peut-être pas été imprimées</translation>
    </message>
</context>
<context>
    <name>ProtocolFiles</name>
    <message>
        <source>a number of minutes from {low} to {high}</source>
        <translation>un nombre de minutes de {low} à {high}</translation>
    </message>
    <message>
        <source>a whole number of points from 1 to 12</source>
        <translation>un nombre entier de points de 1 à 12</translation>
    </message>
    <message>
        <source>a number above 0 and at most {most}</source>
        <translation>un nombre supérieur à 0 et d'au plus {most}</translation>
    </message>
    <message>
        <source>a minute from 0 to {most}</source>
        <translation>une minute de 0 à {most}</translation>
    </message>
    <message>
        <source>a number of minutes after dosing from 0 to {most}</source>
        <translation>un nombre de minutes après la dose, de 0 à {most}</translation>
    </message>
    <message>
        <source>a number from {low} to {high}</source>
        <translation>un nombre de {low} à {high}</translation>
    </message>
    <message>
        <source>at most {most} checklist steps; there are {count}</source>
        <translation>au plus {most} étapes de la liste de contrôle ; il y en a {count}</translation>
    </message>
    <message>
        <source>at most {most} questions; there are {count}</source>
        <translation>au plus {most} questions ; il y en a {count}</translation>
    </message>
    <message>
        <source>at most {most} phases; there are {count}</source>
        <translation>au plus {most} phases ; il y en a {count}</translation>
    </message>
    <message>
        <source>at most {most} intervals; there are {count}</source>
        <translation>au plus {most} intervalles ; il y en a {count}</translation>
    </message>
    <message>
        <source>at most {most} checks; there are {count}</source>
        <translation>au plus {most} contrôles ; il y en a {count}</translation>
    </message>
    <message>
        <source>a [protocol] table with id, name and route is required</source>
        <translation>une table [protocol] avec id, name et route est obligatoire</translation>
    </message>
    <message>
        <source>must be lowercase letters, digits and single hyphens (like "iv-ketamine"); "{id}" is not</source>
        <translation>ne doit contenir que des minuscules, des chiffres et des tirets simples (comme « iv-ketamine ») ; « {id} » ne convient pas</translation>
    </message>
    <message>
        <source>must be a slug like "ride-home"; "{id}" is not</source>
        <translation>doit être un identifiant comme « ride-home » ; « {id} » n'en est pas un</translation>
    </message>
    <message>
        <source>"{id}" is already the id of another step</source>
        <translation>« {id} » est déjà l'id d'une autre étape</translation>
    </message>
    <message>
        <source>must be a slug like "sedation"; "{id}" is not</source>
        <translation>doit être un identifiant comme « sedation » ; « {id} » n'en est pas un</translation>
    </message>
    <message>
        <source>"{id}" is already the id of another question</source>
        <translation>« {id} » est déjà l'id d'une autre question</translation>
    </message>
    <message>
        <source>needs {other} too: the usual range has two ends</source>
        <translation>il faut aussi {other} : la plage habituelle a deux bornes</translation>
    </message>
    <message>
        <source>must be at least {key} ({amount} {unit})</source>
        <translation>doit être au moins {key} ({amount} {unit})</translation>
    </message>
    <message>
        <source>must be within the usual range, {low} to {high} {unit}</source>
        <translation>doit être dans la plage habituelle, de {low} à {high} {unit}</translation>
    </message>
    <message>
        <source>must be at most the hard limit ({limit} {unit})</source>
        <translation>doit être au plus la limite absolue ({limit} {unit})</translation>
    </message>
    <message>
        <source>at least one phase is required: add a [[phases]] table</source>
        <translation>au moins une phase est obligatoire : ajoutez une table [[phases]]</translation>
    </message>
    <message>
        <source>at least one phase is required</source>
        <translation>au moins une phase est obligatoire</translation>
    </message>
    <message>
        <source>"{name}" is already the name of {other}</source>
        <translation>« {name} » est déjà le nom de {other}</translation>
    </message>
    <message>
        <source>the phases add up to {total} minutes; together they may last at most {most}</source>
        <translation>les phases totalisent {total} minutes ; ensemble elles peuvent durer au plus {most}</translation>
    </message>
    <message>
        <source>must be a non-empty array of: {allowed}</source>
        <translation>doit être une liste non vide de : {allowed}</translation>
    </message>
    <message>
        <source>"{measure}" is listed twice</source>
        <translation>« {measure} » figure deux fois</translation>
    </message>
    <message>
        <source>must be after from_minute ({start})</source>
        <translation>doit être après from_minute ({start})</translation>
    </message>
    <message>
        <source>needs exactly one of at_minute or moment</source>
        <translation>il faut exactement l'un de at_minute ou moment</translation>
    </message>
    <message>
        <source>needs exactly one of at_minute or moment, not both</source>
        <translation>il faut exactement l'un de at_minute ou moment, pas les deux</translation>
    </message>
    <message>
        <source>must be below {other} ({value})</source>
        <translation>doit être inférieur à {other} ({value})</translation>
    </message>
    <message>
        <source>must be at most {other} ({value})</source>
        <translation>doit être au plus {other} ({value})</translation>
    </message>
    <message>
        <source>must be above {other} ({value})</source>
        <translation>doit être supérieur à {other} ({value})</translation>
    </message>
    <message>
        <source>must be at least {other} ({value})</source>
        <translation>doit être au moins {other} ({value})</translation>
    </message>
    <message>
        <source>protocol folder not found</source>
        <translation>dossier des protocoles introuvable</translation>
    </message>
    <message>
        <source>cannot read the folder: {error}</source>
        <translation>impossible de lire le dossier : {error}</translation>
    </message>
    <message>
        <source>id "{id}" is already used by {file}</source>
        <translation>l'id « {id} » est déjà utilisé par {file}</translation>
    </message>
</context>
<context>
    <name>QuestionnaireDialog</name>
    <message>
        <source>preparation</source>
        <translation>préparation</translation>
    </message>
    <message>
        <source>follow-up</source>
        <translation>suivi</translation>
    </message>
    <message numerus="yes">
        <source>{total} so far; %n question to answer|{total} so far; %n questions to answer</source>
        <translation><numerusform>{total} pour l'instant ; %n question restante</numerusform><numerusform>{total} pour l'instant ; %n questions restantes</numerusform></translation></message>
    <message>
        <source>{total} of {most}: {band}</source>
        <translation>{total} sur {most} : {band}</translation>
    </message>
    <message>
        <source>{problem}.</source>
        <translation>{problem}.</translation>
    </message>
    <message>
        <source>The {instrument} has no published form in this language here: it is asked in English.</source>
        <translation>Le {instrument} n'a pas ici de formulaire publié en français : il est posé en anglais.</translation>
    </message>
    <message>
        <source>Form in</source>
        <translation>Formulaire en</translation>
    </message>
    <message>
        <source>Taken at</source>
        <translation>Moment</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Enregistrer</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
</context>
<context>
    <name>Questionnaires</name>
    <message>
        <source>PHQ-9 item 9 (thoughts of being better off dead or of self-harm) was answered above “Not at all”: the clinician must assess safety today.</source>
        <translation>À l'item 9 du PHQ-9 (pensées qu'il vaudrait mieux être mort ou de se faire du mal), la réponse est au-delà de « Jamais » : le clinicien doit évaluer la sécurité aujourd'hui.</translation>
    </message>
    <message>
        <source>{name} has {count} questions, not {given}</source>
        <translation>{name} compte {count} questions, pas {given}</translation>
    </message>
    <message>
        <source>{name}: answer question {listed}</source>
        <translation>{name} : répondez à la question {listed}</translation>
    </message>
    <message>
        <source>{name}: question {number} is answered 0-3</source>
        <translation>{name} : la question {number} se répond de 0 à 3</translation>
    </message>
</context>
<context>
    <name>Recording</name>
    <message>
        <source>Offline: {why}. The timer, the music and everything you record go on; entries are kept on this PC and sent, in order, when the server is back.</source>
        <translation>Hors ligne : {why}. Le minuteur, la musique et tout ce que vous enregistrez continuent ; les entrées sont gardées sur ce PC et envoyées, dans l'ordre, au retour du serveur.</translation>
    </message>
    <message>
        <source>the clinic server does not answer</source>
        <translation>le serveur de la clinique ne répond pas</translation>
    </message>
    <message>
        <source>the clinic server cannot be reached</source>
        <translation>le serveur de la clinique est injoignable</translation>
    </message>
    <message>
        <source>the clinic server holds no kapdesk records yet</source>
        <translation>le serveur de la clinique ne contient encore aucun dossier kapdesk</translation>
    </message>
    <message>
        <source>the clinic server is damaged or not a kapdesk database</source>
        <translation>le serveur de la clinique est endommagé ou n'est pas une base de données kapdesk</translation>
    </message>
    <message>
        <source>the clinic server has become read-only</source>
        <translation>le serveur de la clinique est passé en lecture seule</translation>
    </message>
    <message>
        <source>the clinic server is on a full disk</source>
        <translation>le serveur de la clinique est sur un disque plein</translation>
    </message>
    <message>
        <source>the clinic server is busy</source>
        <translation>le serveur de la clinique est occupé</translation>
    </message>
    <message>
        <source>the clinic server could not be read</source>
        <translation>le serveur de la clinique n'a pas pu être lu</translation>
    </message>
    <message>
        <source>the clinic server cannot be written</source>
        <translation>le serveur de la clinique ne peut pas être écrit</translation>
    </message>
    <message numerus="yes">
        <source>Not saved: %n entry could not be added to this session's record, because another kapdesk wrote to the same place in it (two kapdesks on one database).|Not saved: %n entries could not be added to this session's record, because another kapdesk wrote to the same place in it (two kapdesks on one database).</source>
        <translation><numerusform>Non enregistré : %n entrée n'a pas pu être ajoutée au dossier de cette séance, car un autre kapdesk a écrit au même endroit (deux kapdesk sur une base de données).</numerusform><numerusform>Non enregistré : %n entrées n'ont pas pu être ajoutées au dossier de cette séance, car un autre kapdesk a écrit au même endroit (deux kapdesk sur une base de données).</numerusform></translation></message>
    <message>
        <source>{lost} of them could not be kept on disk either and are held in memory only: keep kapdesk open and tell an admin now.</source>
        <translation>{lost} d'entre elles n'ont pas pu être gardées sur le disque non plus et ne sont qu'en mémoire : gardez kapdesk ouvert et prévenez un administrateur maintenant.</translation>
    </message>
    <message>
        <source>They are set aside in {path} for an admin: record in one kapdesk only.</source>
        <translation>Elles sont mises de côté dans {path} pour un administrateur : n'enregistrez que dans un seul kapdesk.</translation>
    </message>
    <message>
        <source>They are set aside for an admin: record in one kapdesk only.</source>
        <translation>Elles sont mises de côté pour un administrateur : n'enregistrez que dans un seul kapdesk.</translation>
    </message>
    <message numerus="yes">
        <source>Not saved yet: the disk is full and %n entry waits to be saved. Free space on {disk}; kapdesk tries again every second. Until then they are held in memory only, not on disk: keep kapdesk open.|Not saved yet: the disk is full and %n entries wait to be saved. Free space on {disk}; kapdesk tries again every second. Until then they are held in memory only, not on disk: keep kapdesk open.</source>
        <translation><numerusform>Pas encore enregistré : le disque est plein et %n entrée attend d'être enregistrée. Libérez de l'espace sur {disk} ; kapdesk réessaie chaque seconde. D'ici là, elles ne sont qu'en mémoire, pas sur le disque : gardez kapdesk ouvert.</numerusform><numerusform>Pas encore enregistré : le disque est plein et %n entrées attendent d'être enregistrées. Libérez de l'espace sur {disk} ; kapdesk réessaie chaque seconde. D'ici là, elles ne sont qu'en mémoire, pas sur le disque : gardez kapdesk ouvert.</numerusform></translation></message>
    <message>
        <source>Not saved yet: the disk is full and entries wait to be saved. Free space on {disk}; kapdesk tries again every second. Until then they are held in memory only, not on disk: keep kapdesk open.</source>
        <translation>Pas encore enregistré : le disque est plein et des entrées attendent d'être enregistrées. Libérez de l'espace sur {disk} ; kapdesk réessaie chaque seconde. D'ici là, elles ne sont qu'en mémoire, pas sur le disque : gardez kapdesk ouvert.</translation>
    </message>
    <message>
        <source>the disk holding {where}</source>
        <translation>le disque qui contient {where}</translation>
    </message>
    <message>
        <source>the database's disk</source>
        <translation>le disque de la base de données</translation>
    </message>
    <message numerus="yes">
        <source>Not saved yet: {reason} and %n entry waits to be saved. Until they are, they are held in memory only, not on disk: keep kapdesk open.|Not saved yet: {reason} and %n entries wait to be saved. Until they are, they are held in memory only, not on disk: keep kapdesk open.</source>
        <translation><numerusform>Pas encore enregistré : {reason} et %n entrée attend d'être enregistrée. D'ici là, elles ne sont qu'en mémoire, pas sur le disque : gardez kapdesk ouvert.</numerusform><numerusform>Pas encore enregistré : {reason} et %n entrées attendent d'être enregistrées. D'ici là, elles ne sont qu'en mémoire, pas sur le disque : gardez kapdesk ouvert.</numerusform></translation></message>
    <message>
        <source>Not saved yet: {reason} and entries wait to be saved. Until they are, they are held in memory only, not on disk: keep kapdesk open.</source>
        <translation>Pas encore enregistré : {reason} et des entrées attendent d'être enregistrées. D'ici là, elles ne sont qu'en mémoire, pas sur le disque : gardez kapdesk ouvert.</translation>
    </message>
    <message>
        <source>Working offline, and this PC cannot keep entries on its disk either: they are held in memory until the clinic server is back. Keep kapdesk open.</source>
        <translation>Hors ligne, et ce PC ne peut pas non plus garder les entrées sur son disque : elles restent en mémoire jusqu'au retour du serveur de la clinique. Gardez kapdesk ouvert.</translation>
    </message>
    <message numerus="yes">
        <source>%n entry could not be added to this session's record: another PC recorded at the same place in it (two PCs with one room name?). Kept on this PC for an admin; see the log.|%n entries could not be added to this session's record: another PC recorded at the same place in it (two PCs with one room name?). Kept on this PC for an admin; see the log.</source>
        <translation><numerusform>%n entrée n'a pas pu être ajoutée au dossier de cette séance : un autre PC a enregistré au même endroit (deux PC avec le même nom de salle ?). Gardée sur ce PC pour un administrateur ; voir le journal.</numerusform><numerusform>%n entrées n'ont pas pu être ajoutées au dossier de cette séance : un autre PC a enregistré au même endroit (deux PC avec le même nom de salle ?). Gardées sur ce PC pour un administrateur ; voir le journal.</numerusform></translation></message>
</context>
<context>
    <name>Records</name>
    <message>
        <source>{problem}. A room on a clinic server needs it to keep what is recorded while the server cannot be reached</source>
        <translation>{problem}. Une salle sur un serveur de la clinique en a besoin pour garder ce qui est enregistré tant que le serveur est injoignable</translation>
    </message>
    <message numerus="yes">
        <source>%n entry kept on this PC while offline could not be added to the record and is set aside in {path}: tell an admin.|%n entries kept on this PC while offline could not be added to the record and are set aside in {path}: tell an admin.</source>
        <translation><numerusform>%n entrée gardée sur ce PC hors connexion n'a pas pu être ajoutée au dossier et est mise de côté dans {path} : prévenez un administrateur.</numerusform><numerusform>%n entrées gardées sur ce PC hors connexion n'ont pas pu être ajoutées au dossier et sont mises de côté dans {path} : prévenez un administrateur.</numerusform></translation></message>
    <message numerus="yes">
        <source>%n entry kept on this PC waits for another database than this one (in {path}): tell an admin.|%n entries kept on this PC wait for another database than this one (in {path}): tell an admin.</source>
        <translation><numerusform>%n entrée gardée sur ce PC attend une autre base de données que celle-ci (dans {path}) : prévenez un administrateur.</numerusform><numerusform>%n entrées gardées sur ce PC attendent une autre base de données que celle-ci (dans {path}) : prévenez un administrateur.</numerusform></translation></message>
    <message numerus="yes">
        <source>%n entry could not be added to the record (another kapdesk wrote in their place) and is set aside in {path}: tell an admin.|%n entries could not be added to the record (another kapdesk wrote in their place) and are set aside in {path}: tell an admin.</source>
        <translation><numerusform>%n entrée n'a pas pu être ajoutée au dossier (un autre kapdesk a écrit à sa place) et est mise de côté dans {path} : prévenez un administrateur.</numerusform><numerusform>%n entrées n'ont pas pu être ajoutées au dossier (un autre kapdesk a écrit à leur place) et sont mises de côté dans {path} : prévenez un administrateur.</numerusform></translation></message>
    <message>
        <source>The file of entries set aside, {path}, cannot be read: tell an admin.</source>
        <translation>Le fichier des entrées mises de côté, {path}, est illisible : prévenez un administrateur.</translation>
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
    <name>RoomBackups</name>
    <message>
        <source>Keeping it in the OS keyring…</source>
        <translation>Enregistrement dans le trousseau du système…</translation>
    </message>
    <message>
        <source>Kept in the OS keyring.</source>
        <translation>Conservée dans le trousseau du système.</translation>
    </message>
    <message>
        <source>Not kept: {problem}. Without a keyring on this PC kapdesk cannot make encrypted backups by itself; ask IT to set KAPDESK_BACKUP_PASSPHRASE for kapdesk.</source>
        <translation>Non conservée : {problem}. Sans trousseau sur ce PC, kapdesk ne peut pas faire seul de sauvegardes chiffrées ; demandez à l'informatique de définir KAPDESK_BACKUP_PASSPHRASE pour kapdesk.</translation>
    </message>
    <message>
        <source>None set yet: no encrypted backup can be made until one is.</source>
        <translation>Aucune définie : aucune sauvegarde chiffrée n'est possible avant cela.</translation>
    </message>
</context>
<context>
    <name>RoomPC</name>
    <message>
        <source>Saved, but the autostart entry could not be written: {why}.</source>
        <translation>Enregistré, mais l'entrée de démarrage automatique n'a pas pu être écrite : {why}.</translation>
    </message>
    <message>
        <source>This room's settings cannot be saved here.</source>
        <translation>Les réglages de cette salle ne peuvent pas être enregistrés ici.</translation>
    </message>
    <message>
        <source>The room's name can change once no session is open in it.</source>
        <translation>Le nom de la salle peut changer quand aucune séance n'y est ouverte.</translation>
    </message>
    <message>
        <source>{reason}.</source>
        <translation>{reason}.</translation>
    </message>
    <message>
        <source>The settings could not be written to {file}: {error}.</source>
        <translation>Les réglages n'ont pas pu être écrits dans {file} : {error}.</translation>
    </message>
</context>
<context>
    <name>RoomSettings</name>
    <message>
        <source>A room name has at most {count} characters.</source>
        <translation>Un nom de salle a au plus {count} caractères.</translation>
    </message>
    <message>
        <source>The idle lock is 0 (never) to 240 minutes.</source>
        <translation>Le verrouillage inactif va de 0 (jamais) à 240 minutes.</translation>
    </message>
    <message>
        <source>The volume limit is 5% to 100%.</source>
        <translation>La limite de volume va de 5 % à 100 %.</translation>
    </message>
    <message>
        <source>The backup folder is a whole path, such as /media/usb/kapdesk.</source>
        <translation>Le dossier de sauvegarde est un chemin complet, comme /media/usb/kapdesk.</translation>
    </message>
    <message>
        <source>Backups kept are 0 to {count} of each kind.</source>
        <translation>Les sauvegardes gardées vont de 0 à {count} de chaque type.</translation>
    </message>
    <message>
        <source>At least one backup is kept: daily, weekly or monthly.</source>
        <translation>Au moins une sauvegarde est gardée : quotidienne, hebdomadaire ou mensuelle.</translation>
    </message>
    <message>
        <source>must have at most {count} characters</source>
        <translation>doit avoir au plus {count} caractères</translation>
    </message>
    <message>
        <source>0 (never) to 240 minutes</source>
        <translation>de 0 (jamais) à 240 minutes</translation>
    </message>
    <message>
        <source>{low} to {high}</source>
        <translation>de {low} à {high}</translation>
    </message>
    <message>
        <source>must be a whole path (/media/usb/kapdesk), or empty for none</source>
        <translation>doit être un chemin complet (/media/usb/kapdesk), ou vide pour aucun</translation>
    </message>
    <message>
        <source>must be a whole number, 0 to {most}</source>
        <translation>doit être un nombre entier, de 0 à {most}</translation>
    </message>
    <message>
        <source>must be 0 to {most}, not {value}</source>
        <translation>doit être de 0 à {most}, pas {value}</translation>
    </message>
    <message>
        <source>must be a PostgreSQL URL (postgresql://user@server/database)</source>
        <translation>doit être une URL PostgreSQL (postgresql://user@server/database)</translation>
    </message>
    <message>
        <source>must not hold the password: kapdesk connect keeps it in the OS keyring</source>
        <translation>ne doit pas contenir le mot de passe : kapdesk connect le garde dans le trousseau du système</translation>
    </message>
</context>
<context>
    <name>SafeFiles</name>
    <message>
        <source>file</source>
        <translation>fichier</translation>
    </message>
    <message>
        <source>it is {kind}, not a {what}</source>
        <translation>c'est {kind}, pas un {what}</translation>
    </message>
    <message>
        <source>the name holds a NUL character</source>
        <translation>le nom contient un caractère NUL</translation>
    </message>
    <message>
        <source>it is too large to be a {what} (over {size})</source>
        <translation>il est trop grand pour être un {what} (plus de {size})</translation>
    </message>
    <message>
        <source>{count} bytes</source>
        <translation>{count} octets</translation>
    </message>
    <message>
        <source>it is inside kapdesk's own data ({place}), which an export never writes over; choose a place outside it</source>
        <translation>il se trouve dans les données propres de kapdesk ({place}), qu'une exportation n'écrase jamais ; choisissez un emplacement en dehors</translation>
    </message>
    <message>
        <source>it is a link to a file that does not exist</source>
        <translation>c'est un lien vers un fichier qui n'existe pas</translation>
    </message>
    <message>
        <source>it is {kind}, not a file kapdesk may replace</source>
        <translation>c'est {kind}, pas un fichier que kapdesk peut remplacer</translation>
    </message>
    <message>
        <source>it is kapdesk's own file {place} under another name</source>
        <translation>c'est le fichier propre de kapdesk {place} sous un autre nom</translation>
    </message>
    <message>
        <source>the folder {folder} does not exist</source>
        <translation>le dossier {folder} n'existe pas</translation>
    </message>
    <message>
        <source>{folder} is not a folder</source>
        <translation>{folder} n'est pas un dossier</translation>
    </message>
    <message>
        <source>cannot write {path}: {reason}</source>
        <translation>impossible d'écrire {path} : {reason}</translation>
    </message>
    <message>
        <source>cannot write {path}: {reason}; the file there before is unchanged</source>
        <translation>impossible d'écrire {path} : {reason} ; le fichier précédent est inchangé</translation>
    </message>
    <message>
        <source>a folder</source>
        <translation>un dossier</translation>
    </message>
    <message>
        <source>a device</source>
        <translation>un périphérique</translation>
    </message>
    <message>
        <source>a pipe (FIFO)</source>
        <translation>un tube (FIFO)</translation>
    </message>
    <message>
        <source>a socket</source>
        <translation>un socket</translation>
    </message>
    <message>
        <source>not a regular file</source>
        <translation>pas un fichier ordinaire</translation>
    </message>
    <message>
        <source>its links go round in a loop</source>
        <translation>ses liens tournent en boucle</translation>
    </message>
    <message>
        <source>no such file</source>
        <translation>fichier introuvable</translation>
    </message>
    <message>
        <source>permission denied</source>
        <translation>permission refusée</translation>
    </message>
    <message>
        <source>the name is too long</source>
        <translation>le nom est trop long</translation>
    </message>
</context>
<context>
    <name>SessionRecord</name>
    <message>
        <source>Session record</source>
        <translation>Dossier de séance</translation>
    </message>
    <message>
        <source>Session record · {code}</source>
        <translation>Dossier de séance · {code}</translation>
    </message>
    <message>
        <source>Session {session}</source>
        <translation>Séance {session}</translation>
    </message>
    <message>
        <source>Session {session} · {code}</source>
        <translation>Séance {session} · {code}</translation>
    </message>
    <message>
        <source>Printed {moment} by kapdesk {version}. Corrections are shown with the original; nothing in the record is overwritten.</source>
        <translation>Imprimé le {moment} par kapdesk {version}. Les corrections figurent avec l'original ; rien dans le dossier n'est écrasé.</translation>
    </message>
    <message>
        <source>Integration plan</source>
        <translation>Plan d'intégration</translation>
    </message>
    <message>
        <source>Patient (clinic code)</source>
        <translation>Patient (code de la clinique)</translation>
    </message>
    <message>
        <source>Session</source>
        <translation>Séance</translation>
    </message>
    <message>
        <source>{session} · {course}</source>
        <translation>{session} · {course}</translation>
    </message>
    <message>
        <source>Protocol</source>
        <translation>Protocole</translation>
    </message>
    <message>
        <source>Sitter</source>
        <translation>Accompagnant</translation>
    </message>
    <message>
        <source>Staff in the record</source>
        <translation>Personnel dans le dossier</translation>
    </message>
    <message>
        <source>Opened</source>
        <translation>Ouverte</translation>
    </message>
    <message>
        <source>Dosed</source>
        <translation>Dose donnée</translation>
    </message>
    <message>
        <source>Closed</source>
        <translation>Fermée</translation>
    </message>
    <message>
        <source>Closed early</source>
        <translation>Fermée plus tôt que prévu</translation>
    </message>
    <message>
        <source>Why closed early</source>
        <translation>Pourquoi fermée plus tôt</translation>
    </message>
    <message>
        <source>Early close decided by</source>
        <translation>Fermeture anticipée décidée par</translation>
    </message>
    <message>
        <source>Closed because</source>
        <translation>Fermée car</translation>
    </message>
    <message>
        <source>Signed</source>
        <translation>Signature</translation>
    </message>
    <message>
        <source>The clinician responsible for this session signs the printed record.</source>
        <translation>Le clinicien responsable de cette séance signe le dossier imprimé.</translation>
    </message>
    <message>
        <source>The clinician responsible for this session signs the printed record. Sitter in the record: {sitter}.</source>
        <translation>Le clinicien responsable de cette séance signe le dossier imprimé. Accompagnant dans le dossier : {sitter}.</translation>
    </message>
    <message>
        <source>Clinician (name)</source>
        <translation>Clinicien (nom)</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>Fonction</translation>
    </message>
    <message>
        <source>Signature</source>
        <translation>Signature</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>Preparation</source>
        <translation>Préparation</translation>
    </message>
    <message>
        <source>done</source>
        <translation>fait</translation>
    </message>
    <message>
        <source>not done</source>
        <translation>non fait</translation>
    </message>
    <message>
        <source>(not recorded)</source>
        <translation>(non consignée)</translation>
    </message>
    <message>
        <source>&lt;b&gt;Intention&lt;/b&gt; (the patient's words): {intention}</source>
        <translation>&lt;b&gt;Intention&lt;/b&gt; (les mots du patient) : {intention}</translation>
    </message>
    <message>
        <source>&lt;b&gt;Baseline vital signs:&lt;/b&gt; {reading}</source>
        <translation>&lt;b&gt;Signes vitaux de base :&lt;/b&gt; {reading}</translation>
    </message>
    <message>
        <source>Dosed after a high baseline because: {reason}</source>
        <translation>Dose donnée après une tension de base élevée car : {reason}</translation>
    </message>
    <message>
        <source>Breathwork: {minutes} min</source>
        <translation>Respiration guidée : {minutes} min</translation>
    </message>
    <message>
        <source>Checklist step</source>
        <translation>Étape de la liste</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Heure</translation>
    </message>
    <message>
        <source>Journey</source>
        <translation>Temps</translation>
    </message>
    <message>
        <source>By</source>
        <translation>Par</translation>
    </message>
    <message>
        <source>What</source>
        <translation>Quoi</translation>
    </message>
    <message>
        <source>Doses</source>
        <translation>Doses</translation>
    </message>
    <message>
        <source>No dose was recorded.</source>
        <translation>Aucune dose n'a été consignée.</translation>
    </message>
    <message>
        <source>Outside the usual range: {why}</source>
        <translation>Hors de la plage habituelle : {why}</translation>
    </message>
    <message>
        <source>Outside the usual range: {why}; given because: {reason}</source>
        <translation>Hors de la plage habituelle : {why} ; administrée car : {reason}</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>Quantité</translation>
    </message>
    <message>
        <source>Weight</source>
        <translation>Poids</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>Total</translation>
    </message>
    <message>
        <source>Route</source>
        <translation>Voie</translation>
    </message>
    <message>
        <source>Lot</source>
        <translation>Lot</translation>
    </message>
    <message>
        <source>Given by</source>
        <translation>Donnée par</translation>
    </message>
    <message>
        <source>Phases</source>
        <translation>Phases</translation>
    </message>
    <message>
        <source>ended early by hand</source>
        <translation>terminée plus tôt à la main</translation>
    </message>
    <message>
        <source>Phase</source>
        <translation>Phase</translation>
    </message>
    <message>
        <source>Planned</source>
        <translation>Prévue</translation>
    </message>
    <message>
        <source>Actual</source>
        <translation>Réelle</translation>
    </message>
    <message>
        <source>Started at</source>
        <translation>Début</translation>
    </message>
    <message>
        <source>Original ({when}): {text}</source>
        <translation>Original ({when}) : {text}</translation>
    </message>
    <message>
        <source>Original ({when} by {by}): {text}</source>
        <translation>Original ({when}, par {by}) : {text}</translation>
    </message>
    <message>
        <source>Corrected {when}, because “{reason}”: {text}</source>
        <translation>Corrigé le {when}, car « {reason} » : {text}</translation>
    </message>
    <message>
        <source>Corrected {when} by {by}, because “{reason}”: {text}</source>
        <translation>Corrigé le {when} par {by}, car « {reason} » : {text}</translation>
    </message>
    <message>
        <source>Vital signs</source>
        <translation>Signes vitaux</translation>
    </message>
    <message>
        <source>No vital signs were recorded.</source>
        <translation>Aucun signe vital n'a été consigné.</translation>
    </message>
    <message>
        <source>before dose</source>
        <translation>avant la dose</translation>
    </message>
    <message>
        <source>Left axis: blood pressure (mmHg) and heart rate (/min). Right axis: SpO2 (%). Shaded strip: baseline, before dosing. Red rings: flagged readings.</source>
        <translation>Axe de gauche : tension artérielle (mmHg) et fréquence cardiaque (/min). Axe de droite : SpO2 (%). Bande grisée : valeurs de base, avant la dose. Cercles rouges : mesures signalées.</translation>
    </message>
    <message>
        <source>Reading</source>
        <translation>Mesure</translation>
    </message>
    <message>
        <source>Flagged</source>
        <translation>Signalée</translation>
    </message>
    <message>
        <source>Notes and ratings</source>
        <translation>Notes et évaluations</translation>
    </message>
    <message>
        <source>None.</source>
        <translation>Aucune.</translation>
    </message>
    <message>
        <source>Entry</source>
        <translation>Entrée</translation>
    </message>
    <message>
        <source>Music and sound</source>
        <translation>Musique et son</translation>
    </message>
    <message>
        <source>No sound was played.</source>
        <translation>Aucun son n'a été diffusé.</translation>
    </message>
    <message>
        <source>Discharge</source>
        <translation>Sortie</translation>
    </message>
    <message>
        <source>&lt;b&gt;Ready to leave:&lt;/b&gt; {moment}</source>
        <translation>&lt;b&gt;Prêt à partir :&lt;/b&gt; {moment}</translation>
    </message>
    <message>
        <source>&lt;b&gt;Ready to leave:&lt;/b&gt; {moment} ({journey} after dosing)</source>
        <translation>&lt;b&gt;Prêt à partir :&lt;/b&gt; {moment} ({journey} après la dose)</translation>
    </message>
    <message>
        <source>&lt;b&gt;Ready to leave:&lt;/b&gt; {moment}; may leave from {time}</source>
        <translation>&lt;b&gt;Prêt à partir :&lt;/b&gt; {moment} ; peut partir à partir de {time}</translation>
    </message>
    <message>
        <source>&lt;b&gt;Ready to leave:&lt;/b&gt; {moment} ({journey} after dosing); may leave from {time}</source>
        <translation>&lt;b&gt;Prêt à partir :&lt;/b&gt; {moment} ({journey} après la dose) ; peut partir à partir de {time}</translation>
    </message>
    <message>
        <source>No discharge check found the patient ready to leave.</source>
        <translation>Aucune évaluation de sortie n'a trouvé le patient prêt à partir.</translation>
    </message>
    <message>
        <source>&lt;b&gt;Total monitoring time&lt;/b&gt; (dose to close): {time}</source>
        <translation>&lt;b&gt;Durée totale de surveillance&lt;/b&gt; (de la dose à la fermeture) : {time}</translation>
    </message>
    <message>
        <source>{total} of {most}</source>
        <translation>{total} sur {most}</translation>
    </message>
    <message>
        <source>{item} {score} ({words})</source>
        <translation>{item} {score} ({words})</translation>
    </message>
    <message>
        <source>Score</source>
        <translation>Score</translation>
    </message>
    <message>
        <source>Items</source>
        <translation>Critères</translation>
    </message>
    <message>
        <source>Why not ready</source>
        <translation>Pourquoi pas prêt</translation>
    </message>
    <message>
        <source>Timeline</source>
        <translation>Chronologie</translation>
    </message>
    <message>
        <source>Item</source>
        <translation>Élément</translation>
    </message>
    <message>
        <source>When</source>
        <translation>Quand</translation>
    </message>
    <message>
        <source>With</source>
        <translation>Avec</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Notes</translation>
    </message>
    <message>
        <source>Systolic</source>
        <translation>Systolique</translation>
    </message>
    <message>
        <source>Diastolic</source>
        <translation>Diastolique</translation>
    </message>
    <message>
        <source>Heart rate</source>
        <translation>Fréquence cardiaque</translation>
    </message>
    <message>
        <source>Baseline</source>
        <translation>Valeur de base</translation>
    </message>
    <message>
        <source>minutes since dosing</source>
        <translation>minutes depuis la dose</translation>
    </message>
</context>
<context>
    <name>SettingsFiles</name>
    <message>
        <source>line {line}, {field}: {message}</source>
        <translation>ligne {line}, {field} : {message}</translation>
    </message>
    <message>
        <source>line {line}: {message}</source>
        <translation>ligne {line} : {message}</translation>
    </message>
    <message>
        <source>settings file</source>
        <translation>fichier de réglages</translation>
    </message>
    <message numerus="yes">
        <source>{source}: %n problem|{source}: %n problems</source>
        <translation><numerusform>{source} : %n problème</numerusform><numerusform>{source} : %n problèmes</numerusform></translation></message>
    <message>
        <source>true/false</source>
        <translation>true/false</translation>
    </message>
    <message>
        <source>text</source>
        <translation>du texte</translation>
    </message>
    <message>
        <source>a number</source>
        <translation>un nombre</translation>
    </message>
    <message>
        <source>an array</source>
        <translation>une liste</translation>
    </message>
    <message>
        <source>a table</source>
        <translation>une table</translation>
    </message>
    <message>
        <source>a date/time</source>
        <translation>une date/heure</translation>
    </message>
    <message>
        <source>must be a table, not {kind}</source>
        <translation>doit être une table, pas {kind}</translation>
    </message>
    <message>
        <source>must be an array of tables, not {kind}: write {header}</source>
        <translation>doit être une liste de tables, pas {kind} : écrivez {header}</translation>
    </message>
    <message>
        <source>unknown key "{key}"</source>
        <translation>clé inconnue « {key} »</translation>
    </message>
    <message>
        <source>unknown key "{key}" (did you mean "{close}"?)</source>
        <translation>clé inconnue « {key} » (vouliez-vous dire « {close} » ?)</translation>
    </message>
    <message>
        <source>is required</source>
        <translation>est obligatoire</translation>
    </message>
    <message>
        <source>is required: {expected}</source>
        <translation>est obligatoire : {expected}</translation>
    </message>
    <message>
        <source>must be text, not {kind}</source>
        <translation>doit être du texte, pas {kind}</translation>
    </message>
    <message>
        <source>must not be empty</source>
        <translation>ne doit pas être vide</translation>
    </message>
    <message>
        <source>must be {expected}</source>
        <translation>doit être {expected}</translation>
    </message>
    <message>
        <source>must be {expected}, not {kind}</source>
        <translation>doit être {expected}, pas {kind}</translation>
    </message>
    <message>
        <source>must be true or false, not {kind}</source>
        <translation>doit être true ou false, pas {kind}</translation>
    </message>
    <message>
        <source>must be one of: {allowed}; "{value}" is not</source>
        <translation>doit être l'un de : {allowed} ; « {value} » n'en est pas</translation>
    </message>
    <message>
        <source>must be one of: {allowed}; not {kind}</source>
        <translation>doit être l'un de : {allowed} ; pas {kind}</translation>
    </message>
    <message>
        <source>{error} at the end of the file</source>
        <translation>{error} à la fin du fichier</translation>
    </message>
    <message>
        <source>values are nested too deeply</source>
        <translation>les valeurs sont imbriquées trop profondément</translation>
    </message>
    <message>
        <source>cannot read the file: {reason}</source>
        <translation>impossible de lire le fichier : {reason}</translation>
    </message>
    <message>
        <source>not UTF-8 text (byte 0x{byte}); save the file with UTF-8 encoding</source>
        <translation>ce n'est pas du texte UTF-8 (octet 0x{byte}) ; enregistrez le fichier en UTF-8</translation>
    </message>
</context>
<context>
    <name>SetupView</name>
    <message>
        <source>HANDOUT LANGUAGE</source>
        <translation>LANGUE DE LA FICHE</translation>
    </message>
    <message>
        <source>No sound</source>
        <translation>Sans son</translation>
    </message>
    <message>
        <source>New course of</source>
        <translation>Nouveau cycle de</translation>
    </message>
    <message>
        <source>Not part of a course</source>
        <translation>Hors cycle</translation>
    </message>
    <message>
        <source>Course from {day}: session {number} of {planned}</source>
        <translation>Cycle du {day} : séance {number} sur {planned}</translation>
    </message>
    <message>
        <source> sessions</source>
        <translation> séances</translation>
    </message>
    <message numerus="yes">
        <source>{name}
{route} · %n phase · {planned}|{name}
{route} · %n phases · {planned}</source>
        <translation><numerusform>{name}
{route} · %n phase · {planned}</numerusform><numerusform>{name}
{route} · %n phases · {planned}</numerusform></translation></message>
    <message numerus="yes">
        <source>{name}
{route} · %n phase · {planned} · at least {room} in the room|{name}
{route} · %n phases · {planned} · at least {room} in the room</source>
        <translation><numerusform>{name}
{route} · %n phase · {planned} · au moins {room} dans la salle</numerusform><numerusform>{name}
{route} · %n phases · {planned} · au moins {room} dans la salle</numerusform></translation></message>
    <message>
        <source>Some of the clinic's files could not be used (kapdesk's own stand in for them): {problems}</source>
        <translation>Certains fichiers de la clinique n'ont pas pu être utilisés (kapdesk utilise les siens à leur place) : {problems}</translation>
    </message>
    <message>
        <source>Silence: no bed and no music.</source>
        <translation>Silence : ni nappe ni musique.</translation>
    </message>
    <message>
        <source>Bed: {title}</source>
        <translation>Nappe : {title}</translation>
    </message>
    <message>
        <source>No bed</source>
        <translation>Sans nappe</translation>
    </message>
    <message>
        <source>{bed}; no music</source>
        <translation>{bed} ; pas de musique</translation>
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
        <translation>{coverage}. Niveau sonore : {note}.</translation>
    </message>
    <message>
        <source>Enter the patient's clinic code.</source>
        <translation>Saisissez le code clinique du patient.</translation>
    </message>
    <message>
        <source>Pick the protocol for this session.</source>
        <translation>Choisissez le protocole de cette séance.</translation>
    </message>
    <message>
        <source>New session</source>
        <translation>Nouvelle séance</translation>
    </message>
    <message>
        <source>Past sessions</source>
        <translation>Historique</translation>
    </message>
    <message>
        <source>Library</source>
        <translation>Bibliothèque</translation>
    </message>
    <message>
        <source>Follow-ups</source>
        <translation>Suivis</translation>
    </message>
    <message>
        <source>Staff</source>
        <translation>Personnel</translation>
    </message>
    <message>
        <source>PATIENT CLINIC CODE</source>
        <translation>CODE CLINIQUE DU PATIENT</translation>
    </message>
    <message>
        <source>Type or pick the code, e.g. P-0042</source>
        <translation>Saisissez ou choisissez le code, ex. P-0042</translation>
    </message>
    <message>
        <source>PROTOCOL</source>
        <translation>PROTOCOLE</translation>
    </message>
    <message>
        <source>SITTER</source>
        <translation>ACCOMPAGNANT</translation>
    </message>
    <message>
        <source>Who sits with the patient</source>
        <translation>Qui accompagne le patient</translation>
    </message>
    <message>
        <source>SOUNDTRACK</source>
        <translation>BANDE SONORE</translation>
    </message>
    <message>
        <source>COURSE</source>
        <translation>CYCLE</translation>
    </message>
    <message>
        <source>Open session</source>
        <translation>Ouvrir la séance</translation>
    </message>
    <message>
        <source>Patient codes</source>
        <translation>Les codes des patients</translation>
    </message>
    <message>
        <source>Soundtracks</source>
        <translation>Les bandes sonores</translation>
    </message>
    <message>
        <source>The patient's courses</source>
        <translation>Les cycles du patient</translation>
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
    <message>
        <source>Signed in: {name} ({roles})</source>
        <translation>Connecté : {name} ({roles})</translation>
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
        <translation>infirmier</translation>
    </message>
    <message>
        <source>prescriber</source>
        <translation>prescripteur</translation>
    </message>
    <message>
        <source>sitter</source>
        <translation>accompagnant</translation>
    </message>
    <message>
        <source>therapist</source>
        <translation>thérapeute</translation>
    </message>
    <message>
        <source>The words in {language} could not be loaded; kapdesk keeps the language it speaks.</source>
        <translation>Les mots en {language} n'ont pas pu être chargés ; kapdesk garde la langue qu'il parle.</translation>
    </message>
    <message>
        <source>Clinic board</source>
        <translation>Tableau clinique</translation>
    </message>
    <message>
        <source>Lock or switch user</source>
        <translation>Verrouiller ou changer d'utilisateur</translation>
    </message>
</context>
<context>
    <name>SoundDevice</name>
    <message>
        <source>the sound device is closed</source>
        <translation>le périphérique son est fermé</translation>
    </message>
    <message>
        <source>nothing is loaded to play</source>
        <translation>rien n'est chargé pour la lecture</translation>
    </message>
    <message>
        <source>the file is too large to load</source>
        <translation>le fichier est trop grand pour être chargé</translation>
    </message>
    <message>
        <source>kapdesk cannot start this file part-way through</source>
        <translation>kapdesk ne peut pas démarrer ce fichier en cours de route</translation>
    </message>
    <message>
        <source>the sound device is already open in kapdesk</source>
        <translation>le périphérique son est déjà ouvert dans kapdesk</translation>
    </message>
    <message>
        <source>the sound device could not be opened ({error})</source>
        <translation>le périphérique son n'a pas pu être ouvert ({error})</translation>
    </message>
</context>
<context>
    <name>SoundFiles</name>
    <message>
        <source>the file is missing</source>
        <translation>le fichier est introuvable</translation>
    </message>
    <message>
        <source>this is a folder, not a sound file</source>
        <translation>c'est un dossier, pas un fichier son</translation>
    </message>
    <message>
        <source>a compressed WAV kapdesk cannot play; save it as plain (PCM) WAV</source>
        <translation>un WAV compressé que kapdesk ne peut pas lire ; enregistrez-le en WAV simple (PCM)</translation>
    </message>
    <message>
        <source>this is not an ordinary file</source>
        <translation>ce n'est pas un fichier ordinaire</translation>
    </message>
    <message>
        <source>the file cannot be read (permission denied)</source>
        <translation>impossible de lire le fichier (permission refusée)</translation>
    </message>
    <message>
        <source>the file is empty</source>
        <translation>le fichier est vide</translation>
    </message>
    <message>
        <source>not a sound file kapdesk can play</source>
        <translation>ce n'est pas un fichier son que kapdesk peut lire</translation>
    </message>
    <message>
        <source>not a sound file kapdesk can play ({kind})</source>
        <translation>pas un fichier son que kapdesk peut lire ({kind})</translation>
    </message>
    <message>
        <source>the file is damaged or is not really a sound file</source>
        <translation>le fichier est endommagé ou n'est pas vraiment un fichier son</translation>
    </message>
    <message>
        <source>the file is damaged or cut short</source>
        <translation>le fichier est endommagé ou tronqué</translation>
    </message>
    <message>
        <source>the file holds no sound (its length is zero)</source>
        <translation>le fichier ne contient aucun son (sa durée est nulle)</translation>
    </message>
    <message>
        <source>the file is named {suffix} but holds {format} sound; rename it to {right}</source>
        <translation>le fichier porte l'extension {suffix} mais contient du son {format} ; renommez-le en {right}</translation>
    </message>
    <message>
        <source>the file cannot be read ({detail})</source>
        <translation>impossible de lire le fichier ({detail})</translation>
    </message>
</context>
<context>
    <name>SoundPanel</name>
    <message>
        <source>Skip</source>
        <translation>Passer</translation>
    </message>
    <message>
        <source>Skip to the next track</source>
        <translation>Passer au morceau suivant</translation>
    </message>
    <message>
        <source>Quiet</source>
        <translation>Silence</translation>
    </message>
    <message>
        <source>Sound back up</source>
        <translation>Rétablir le son</translation>
    </message>
    <message>
        <source>Music volume</source>
        <translation>Volume de la musique</translation>
    </message>
    <message>
        <source>Bed volume</source>
        <translation>Volume de la nappe</translation>
    </message>
    <message>
        <source>No sound for this session.</source>
        <translation>Pas de son pour cette séance.</translation>
    </message>
    <message>
        <source>No sound: sound is turned off for this room. The journey goes on without it.</source>
        <translation>Pas de son : le son est désactivé dans cette salle. La séance continue sans lui.</translation>
    </message>
    <message>
        <source>No sound: {reason}. The journey goes on without it.</source>
        <translation>Pas de son : {reason}. La séance continue sans lui.</translation>
    </message>
    <message>
        <source>The sound fades out: the session is closed.</source>
        <translation>Le son s'estompe : la séance est close.</translation>
    </message>
    <message>
        <source>The music has run out. Bed: {bed} goes on.</source>
        <translation>La musique est terminée. La nappe {bed} continue.</translation>
    </message>
    <message>
        <source>The music has run out. No bed goes on.</source>
        <translation>La musique est terminée. Pas de nappe.</translation>
    </message>
    <message>
        <source>No music for this phase. Bed: {bed}.</source>
        <translation>Pas de musique pour cette phase. Nappe : {bed}.</translation>
    </message>
    <message>
        <source>No music for this phase. No bed.</source>
        <translation>Pas de musique pour cette phase. Pas de nappe.</translation>
    </message>
    <message>
        <source>Next: {track}   ·   Bed: {bed}</source>
        <translation>Ensuite : {track}   ·   Nappe : {bed}</translation>
    </message>
    <message>
        <source>Next: {track}   ·   No bed</source>
        <translation>Ensuite : {track}   ·   Pas de nappe</translation>
    </message>
    <message>
        <source>Nothing queued after this   ·   Bed: {bed}</source>
        <translation>Rien d'autre en attente   ·   Nappe : {bed}</translation>
    </message>
    <message>
        <source>Nothing queued after this   ·   No bed</source>
        <translation>Rien d'autre en attente   ·   Pas de nappe</translation>
    </message>
</context>
<context>
    <name>SoundtrackDialog</name>
    <message>
        <source>No music (bed only)</source>
        <translation>Pas de musique (nappe seule)</translation>
    </message>
    <message>
        <source>Same as any other phase</source>
        <translation>Comme toute autre phase</translation>
    </message>
    <message>
        <source>Give the soundtrack a name.</source>
        <translation>Donnez un nom à la bande sonore.</translation>
    </message>
    <message>
        <source>Soundtrack</source>
        <translation>Bande sonore</translation>
    </message>
    <message>
        <source>e.g. Evening, ocean and strings</source>
        <translation>p. ex. Soirée, océan et cordes</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nom</translation>
    </message>
    <message>
        <source>No bed</source>
        <translation>Pas de nappe</translation>
    </message>
    <message>
        <source>Bed</source>
        <translation>Nappe</translation>
    </message>
    <message>
        <source>Settling (before the dose)</source>
        <translation>Installation (avant la dose)</translation>
    </message>
    <message>
        <source>Any other phase</source>
        <translation>Toute autre phase</translation>
    </message>
    <message>
        <source>Fade across when the phase changes</source>
        <translation>Fondu enchaîné au changement de phase</translation>
    </message>
    <message>
        <source>Let the track finish, then change</source>
        <translation>Finir le morceau, puis changer</translation>
    </message>
    <message>
        <source>Phase change</source>
        <translation>Changement de phase</translation>
    </message>
    <message>
        <source>Fade</source>
        <translation>Fondu</translation>
    </message>
    <message>
        <source>Music volume</source>
        <translation>Volume de la musique</translation>
    </message>
    <message>
        <source>Bed volume</source>
        <translation>Volume de la nappe</translation>
    </message>
    <message>
        <source>PLAYLIST FOR EACH PHASE</source>
        <translation>PLAYLIST DE CHAQUE PHASE</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Enregistrer</translation>
    </message>
</context>
<context>
    <name>Staff</name>
    <message>
        <source>Opening a session</source>
        <translation>Ouvrir une séance</translation>
    </message>
    <message>
        <source>Preparation</source>
        <translation>La préparation</translation>
    </message>
    <message>
        <source>Recording in the journey</source>
        <translation>Noter dans le parcours</translation>
    </message>
    <message>
        <source>Correcting the record</source>
        <translation>Corriger le dossier</translation>
    </message>
    <message>
        <source>Closing a session</source>
        <translation>Clore une séance</translation>
    </message>
    <message>
        <source>Closing a session early</source>
        <translation>Clore une séance plus tôt que prévu</translation>
    </message>
    <message>
        <source>The integration plan</source>
        <translation>Le plan d'intégration</translation>
    </message>
    <message>
        <source>Recording a dose</source>
        <translation>Enregistrer une dose</translation>
    </message>
    <message>
        <source>Deciding to dose after a high baseline</source>
        <translation>Décider de la dose après une mesure de base élevée</translation>
    </message>
    <message>
        <source>The discharge check</source>
        <translation>La vérification de sortie</translation>
    </message>
    <message>
        <source>Printing or exporting a record</source>
        <translation>Imprimer ou exporter un dossier</translation>
    </message>
    <message>
        <source>Editing protocols</source>
        <translation>Modifier les protocoles</translation>
    </message>
    <message>
        <source>Editing staff</source>
        <translation>Modifier le personnel</translation>
    </message>
    <message>
        <source>Editing the clinic's settings</source>
        <translation>Modifier les réglages de la clinique</translation>
    </message>
    <message>
        <source>Reading the audit trail</source>
        <translation>Lire le journal d'audit</translation>
    </message>
    <message>
        <source>a sitter</source>
        <translation>un accompagnant</translation>
    </message>
    <message>
        <source>a nurse</source>
        <translation>un infirmier</translation>
    </message>
    <message>
        <source>a prescriber</source>
        <translation>un prescripteur</translation>
    </message>
    <message>
        <source>a therapist</source>
        <translation>un thérapeute</translation>
    </message>
    <message>
        <source>an admin</source>
        <translation>un administrateur</translation>
    </message>
    <message>
        <source>{first} or {last}</source>
        <translation>{first} ou {last}</translation>
    </message>
    <message>
        <source>{first} and {second}</source>
        <translation>{first} et {second}</translation>
    </message>
    <message>
        <source>no role</source>
        <translation>sans rôle attribué</translation>
    </message>
    <message>
        <source>{name} is no longer active here</source>
        <translation>{name} n'est plus actif ici</translation>
    </message>
    <message>
        <source>{what} takes {who}; {name} is {held}</source>
        <translation>{what} demande {who} ; {name} est {held}</translation>
    </message>
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
        <translation>Un code fait d'un seul chiffre répété est trop facile à deviner.</translation>
    </message>
    <message>
        <source>A PIN of digits in a row (like 1234) is too easy to guess.</source>
        <translation>Un code de chiffres qui se suivent (comme 1234) est trop facile à deviner.</translation>
    </message>
    <message>
        <source>A PIN must not be part of the name.</source>
        <translation>Le code ne doit pas faire partie du nom.</translation>
    </message>
    <message>
        <source>{name} has no account here</source>
        <translation>{name} n'a pas de compte ici</translation>
    </message>
    <message>
        <source>An account needs the person's name.</source>
        <translation>Un compte doit porter le nom de la personne.</translation>
    </message>
    <message>
        <source>An account needs at least one role.</source>
        <translation>Un compte doit avoir au moins un rôle.</translation>
    </message>
    <message>
        <source>The first account is the clinic's admin.</source>
        <translation>Le premier compte est celui de l'administrateur de la clinique.</translation>
    </message>
    <message>
        <source>Adding staff takes an admin</source>
        <translation>Ajouter du personnel demande un administrateur</translation>
    </message>
    <message>
        <source>{name} has an account already.</source>
        <translation>{name} a déjà un compte.</translation>
    </message>
    <message>
        <source>{name} has no account.</source>
        <translation>{name} n'a pas de compte.</translation>
    </message>
    <message>
        <source>The clinic must keep an active admin: make someone else admin first.</source>
        <translation>La clinique doit garder un administrateur actif : nommez d'abord quelqu'un d'autre administrateur.</translation>
    </message>
</context>
<context>
    <name>StaffView</name>
    <message>
        <source>Name</source>
        <translation>Nom</translation>
    </message>
    <message>
        <source>Roles</source>
        <translation>Rôles</translation>
    </message>
    <message>
        <source>State</source>
        <translation>État</translation>
    </message>
    <message>
        <source>When</source>
        <translation>Quand</translation>
    </message>
    <message>
        <source>Who</source>
        <translation>Qui</translation>
    </message>
    <message>
        <source>What</source>
        <translation>Quoi</translation>
    </message>
    <message>
        <source>Subject</source>
        <translation>Objet</translation>
    </message>
    <message>
        <source>Detail</source>
        <translation>Détail</translation>
    </message>
    <message>
        <source>Accounts</source>
        <translation>Comptes</translation>
    </message>
    <message>
        <source>Audit trail</source>
        <translation>Journal d'audit</translation>
    </message>
    <message>
        <source>This room PC</source>
        <translation>Ce PC de salle</translation>
    </message>
    <message>
        <source>active</source>
        <translation>active</translation>
    </message>
    <message>
        <source>inactive</source>
        <translation>inactive</translation>
    </message>
    <message>
        <source>On the clinic server {database} (an admin changes it with kapdesk connect)</source>
        <translation>Sur le serveur de la clinique {database} (un administrateur le change avec kapdesk connect)</translation>
    </message>
    <message>
        <source>On this PC (kapdesk connect points a room at the clinic's server)</source>
        <translation>Sur ce PC (kapdesk connect relie une salle au serveur de la clinique)</translation>
    </message>
    <message>
        <source>Saved. It applies now (the volume from the next session).</source>
        <translation>Enregistré. S'applique dès maintenant (le volume, à la prochaine séance).</translation>
    </message>
    <message>
        <source>{reason}.</source>
        <translation>{reason}.</translation>
    </message>
    <message>
        <source>Saved: {name}'s account.</source>
        <translation>Enregistré : le compte de {name}.</translation>
    </message>
    <message>
        <source>Saved: {name} is active.</source>
        <translation>Enregistré : le compte de {name} est actif.</translation>
    </message>
    <message>
        <source>Saved: {name} is inactive.</source>
        <translation>Enregistré : le compte de {name} est inactif.</translation>
    </message>
    <message>
        <source>Staff accounts</source>
        <translation>Les comptes du personnel</translation>
    </message>
    <message>
        <source>The audit trail</source>
        <translation>Le journal d'audit</translation>
    </message>
    <message>
        <source>The account</source>
        <translation>Le compte</translation>
    </message>
    <message>
        <source>Change account</source>
        <translation>Modifier le compte</translation>
    </message>
    <message>
        <source>Add account</source>
        <translation>Ajouter un compte</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Enregistrer</translation>
    </message>
    <message>
        <source>Staff and audit trail</source>
        <translation>Personnel et journal d'audit</translation>
    </message>
    <message>
        <source>Back</source>
        <translation>Retour</translation>
    </message>
    <message>
        <source>From</source>
        <translation>Depuis le</translation>
    </message>
    <message>
        <source>Change roles or PIN</source>
        <translation>Changer rôles ou PIN</translation>
    </message>
    <message>
        <source>Make inactive / active</source>
        <translation>Désactiver / activer</translation>
    </message>
    <message>
        <source>e.g. Room 2 (shown in the title bar)</source>
        <translation>p. ex. Salle 2 (affiché dans la barre de titre)</translation>
    </message>
    <message>
        <source>Room name</source>
        <translation>Nom de la salle</translation>
    </message>
    <message>
        <source>Fill the screen, no window frame (staff leave with Ctrl+Shift+Q)</source>
        <translation>Plein écran, sans cadre (le personnel quitte avec Ctrl+Shift+Q)</translation>
    </message>
    <message>
        <source>Kiosk</source>
        <translation>Kiosque</translation>
    </message>
    <message>
        <source>Start kapdesk when this PC's account logs in</source>
        <translation>Lancer kapdesk à l'ouverture de session de ce PC</translation>
    </message>
    <message>
        <source>Autostart</source>
        <translation>Démarrage auto</translation>
    </message>
    <message>
        <source>Not the clinic's, but:</source>
        <translation>Pas celui de la clinique, mais :</translation>
    </message>
    <message>
        <source> min (0: never)</source>
        <translation> min (0 : jamais)</translation>
    </message>
    <message>
        <source>Idle lock</source>
        <translation>Verrouillage inactif</translation>
    </message>
    <message>
        <source> % of full volume</source>
        <translation> % du volume maximal</translation>
    </message>
    <message>
        <source>Loudest sound</source>
        <translation>Son maximal</translation>
    </message>
    <message>
        <source>Show patient codes on this PC's clinic board</source>
        <translation>Afficher les codes patients sur le tableau de ce PC</translation>
    </message>
    <message>
        <source>Clinic board</source>
        <translation>Tableau de la clinique</translation>
    </message>
    <message>
        <source>Records kept</source>
        <translation>Dossiers conservés</translation>
    </message>
</context>
<context>
    <name>Start</name>
    <message>
        <source>Another kapdesk took the data folder {folder} meanwhile: use its window, or close it and try again.</source>
        <translation>Un autre kapdesk a pris entre-temps le dossier de données {folder} : utilisez sa fenêtre, ou fermez-le et réessayez.</translation>
    </message>
    <message>
        <source>The record is encrypted. Type its passphrase to open it.</source>
        <translation>Le dossier est chiffré. Saisissez sa phrase secrète pour l'ouvrir.</translation>
    </message>
    <message>
        <source>{reason}. Try again.</source>
        <translation>{reason}. Réessayez.</translation>
    </message>
    <message>
        <source>kapdesk met an unexpected problem while opening its records ({name}).</source>
        <translation>kapdesk a rencontré un problème inattendu en ouvrant ses dossiers ({name}).</translation>
    </message>
    <message>
        <source>kapdesk cannot write its lock file in its data folder {folder}. IT support: check the folder and its disk, then press Try again.</source>
        <translation>kapdesk ne peut pas écrire son fichier de verrou dans son dossier de données {folder}. Support informatique : vérifiez le dossier et son disque, puis appuyez sur Réessayer.</translation>
    </message>
    <message>
        <source>This kapdesk was started with a password in its --db URL, which an autostart entry would keep in plain text: set autostart with kapdesk install-desktop and a URL without the password.</source>
        <translation>Ce kapdesk a été lancé avec un mot de passe dans son URL --db, qu'une entrée de démarrage automatique garderait en clair : configurez le démarrage automatique avec kapdesk install-desktop et une URL sans le mot de passe.</translation>
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
        <translation>Rien n'a été modifié : ce qui est déjà enregistré reste dans la base de données.</translation>
    </message>
    <message>
        <source>Put right what is named above and try again (a clinic server that was away may be back), or close kapdesk. If it keeps happening, give your clinic's IT support this message and the log in {folder}.</source>
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
<context>
    <name>Storage</name>
    <message>
        <source>a course has from 1 to 50 sessions</source>
        <translation>un cycle compte de 1 à 50 séances</translation>
    </message>
    <message>
        <source>The course could not be started</source>
        <translation>Impossible de commencer le cycle</translation>
    </message>
    <message>
        <source>The session could not join the course</source>
        <translation>Impossible d'ajouter la séance au cycle</translation>
    </message>
    <message>
        <source>The course cannot be read</source>
        <translation>Impossible de lire le cycle</translation>
    </message>
    <message>
        <source>Courses cannot be read</source>
        <translation>Impossible de lire les cycles</translation>
    </message>
    <message>
        <source>say why the earlier answers are corrected</source>
        <translation>indiquez pourquoi les réponses précédentes sont corrigées</translation>
    </message>
    <message>
        <source>The questionnaire could not be saved</source>
        <translation>Le questionnaire n'a pas pu être enregistré</translation>
    </message>
    <message>
        <source>Questionnaires cannot be read</source>
        <translation>Les questionnaires ne peuvent pas être lus</translation>
    </message>
    <message>
        <source>the database cannot be reached</source>
        <translation>la base de données est injoignable</translation>
    </message>
    <message>
        <source>the database holds no kapdesk records yet</source>
        <translation>la base de données ne contient encore aucun dossier kapdesk</translation>
    </message>
    <message>
        <source>the database is damaged or not a kapdesk database</source>
        <translation>la base de données est endommagée ou n'est pas une base kapdesk</translation>
    </message>
    <message>
        <source>the database has become read-only</source>
        <translation>la base de données est passée en lecture seule</translation>
    </message>
    <message>
        <source>the database is on a full disk</source>
        <translation>la base de données est sur un disque plein</translation>
    </message>
    <message>
        <source>the database is busy</source>
        <translation>la base de données est occupée</translation>
    </message>
    <message>
        <source>the database could not be read</source>
        <translation>la base de données n'a pas pu être lue</translation>
    </message>
    <message>
        <source>the database cannot be written</source>
        <translation>impossible d'écrire dans la base de données</translation>
    </message>
    <message>
        <source>{action}: {reason}</source>
        <translation>{action} : {reason}</translation>
    </message>
    <message>
        <source>The integration plan could not be saved</source>
        <translation>Impossible d'enregistrer le plan d'intégration</translation>
    </message>
    <message>
        <source>The integration plan cannot be read</source>
        <translation>Impossible de lire le plan d'intégration</translation>
    </message>
    <message>
        <source>The change could not be saved</source>
        <translation>Impossible d'enregistrer la modification</translation>
    </message>
    <message>
        <source>Open integration items cannot be read</source>
        <translation>Impossible de lire les éléments d'intégration en attente</translation>
    </message>
    <message>
        <source>the text {message}</source>
        <translation>le texte : {message}</translation>
    </message>
    <message>
        <source>it cannot be read</source>
        <translation>il est illisible</translation>
    </message>
    <message numerus="yes">
        <source>{reason}; and %n more problem|{reason}; and %n more problems</source>
        <translation><numerusform>{reason} ; et %n autre problème</numerusform><numerusform>{reason} ; et %n autres problèmes</numerusform></translation></message>
    <message>
        <source>the session's record names phases it does not have</source>
        <translation>le dossier de la séance nomme des phases que le protocole n'a pas</translation>
    </message>
    <message>
        <source>This session's protocol cannot be used ({reason}). The timer and the record go on; move through the phases by hand; no vital signs fall due by schedule, and kapdesk's default limits flag the readings.</source>
        <translation>Le protocole de cette séance ne peut pas être utilisé ({reason}). Le minuteur et le dossier continuent ; passez les phases à la main ; aucun signe vital n'est programmé, et les limites par défaut de kapdesk signalent les mesures.</translation>
    </message>
    <message>
        <source>Entries kept on this PC while offline cannot be sent yet</source>
        <translation>Les saisies gardées sur ce PC hors ligne ne peuvent pas encore être envoyées</translation>
    </message>
    <message>
        <source>a session needs the patient's clinic code</source>
        <translation>une séance a besoin du code clinique du patient</translation>
    </message>
    <message>
        <source>The session could not be opened</source>
        <translation>Impossible d'ouvrir la séance</translation>
    </message>
    <message>
        <source>Sessions left open cannot be read</source>
        <translation>Impossible de lire les séances restées ouvertes</translation>
    </message>
    <message>
        <source>Session {number} cannot be read</source>
        <translation>Impossible de lire la séance {number}</translation>
    </message>
    <message>
        <source>Past sessions cannot be read</source>
        <translation>Impossible de lire les séances passées</translation>
    </message>
    <message>
        <source>Patient codes cannot be read</source>
        <translation>Impossible de lire les codes patients</translation>
    </message>
    <message>
        <source>Staff names cannot be read</source>
        <translation>Impossible de lire les noms du personnel</translation>
    </message>
    <message>
        <source>Staff accounts cannot be read</source>
        <translation>Impossible de lire les comptes du personnel</translation>
    </message>
    <message>
        <source>The account could not be saved</source>
        <translation>Le compte n'a pas pu être enregistré</translation>
    </message>
    <message>
        <source>Signing in is not possible right now</source>
        <translation>Connexion impossible pour le moment</translation>
    </message>
    <message>
        <source>The audit log could not be written</source>
        <translation>Le journal d'audit n'a pas pu être écrit</translation>
    </message>
    <message>
        <source>The audit trail cannot be read</source>
        <translation>La piste d'audit ne peut pas être lue</translation>
    </message>
    <message>
        <source>The audit log cannot be read</source>
        <translation>Le journal d'audit ne peut pas être lu</translation>
    </message>
    <message>
        <source>There is already a playlist called “{name}”</source>
        <translation>Il existe déjà une liste de lecture nommée « {name} »</translation>
    </message>
    <message>
        <source>The sound files could not be saved</source>
        <translation>Les fichiers son n'ont pas pu être enregistrés</translation>
    </message>
    <message>
        <source>The sound library cannot be read</source>
        <translation>La bibliothèque sonore ne peut pas être lue</translation>
    </message>
    <message>
        <source>The loudness could not be saved</source>
        <translation>Le niveau sonore n'a pas pu être enregistré</translation>
    </message>
    <message>
        <source>Playlists cannot be read</source>
        <translation>Les listes de lecture ne peuvent pas être lues</translation>
    </message>
    <message>
        <source>The playlist cannot be read</source>
        <translation>La liste de lecture ne peut pas être lue</translation>
    </message>
    <message>
        <source>A playlist needs a name</source>
        <translation>Une liste de lecture doit avoir un nom</translation>
    </message>
    <message>
        <source>The playlist could not be saved</source>
        <translation>La liste de lecture n'a pas pu être enregistrée</translation>
    </message>
    <message>
        <source>That playlist no longer exists</source>
        <translation>Cette liste de lecture n'existe plus</translation>
    </message>
    <message>
        <source>The playlist could not be deleted</source>
        <translation>La liste de lecture n'a pas pu être supprimée</translation>
    </message>
    <message>
        <source>A soundtrack needs a name</source>
        <translation>Une bande sonore doit avoir un nom</translation>
    </message>
    <message>
        <source>The soundtrack could not be saved</source>
        <translation>La bande sonore n'a pas pu être enregistrée</translation>
    </message>
    <message>
        <source>The soundtrack could not be deleted</source>
        <translation>La bande sonore n'a pas pu être supprimée</translation>
    </message>
    <message>
        <source>Soundtracks cannot be read</source>
        <translation>Les bandes sonores ne peuvent pas être lues</translation>
    </message>
    <message>
        <source>cannot use the database file {path}: {error}</source>
        <translation>impossible d'utiliser le fichier de base de données {path} : {error}</translation>
    </message>
    <message>
        <source>kapdesk cannot talk to {kind}: {error}</source>
        <translation>kapdesk ne peut pas communiquer avec {kind} : {error}</translation>
    </message>
    <message>
        <source>the database has no identity (its schema is incomplete)</source>
        <translation>la base de données n'a pas d'identité (son schéma est incomplet)</translation>
    </message>
    <message>
        <source>the database was written by a newer kapdesk (schema {revision}); this version knows schemas up to {head}. It was left untouched: update kapdesk.</source>
        <translation>la base de données a été écrite par un kapdesk plus récent (schéma {revision}) ; cette version connaît les schémas jusqu'à {head}. Elle n'a pas été modifiée : mettez kapdesk à jour.</translation>
    </message>
    <message>
        <source>{table} ({before} rows before, {after} after)</source>
        <translation>{table} ({before} lignes avant, {after} après)</translation>
    </message>
    <message>
        <source>the database upgrade would have lost rows of {tables}; it was not made and the database is as it was. Keep kapdesk's older version and call IT</source>
        <translation>la mise à jour de la base de données aurait perdu des lignes de {tables} ; elle n'a pas été faite et la base de données est restée telle quelle. Gardez l'ancienne version de kapdesk et appelez le support informatique</translation>
    </message>
    <message>
        <source>the database holds tables kapdesk did not make ({tables}): it is not a kapdesk record. It was left untouched.</source>
        <translation>la base de données contient des tables que kapdesk n'a pas créées ({tables}) : ce n'est pas un dossier kapdesk. Elle n'a pas été modifiée.</translation>
    </message>
    <message>
        <source>the database holds records ({table}) but no schema version: kapdesk cannot tell what made it. It was left untouched.</source>
        <translation>la base de données contient des enregistrements ({table}) mais aucune version de schéma : kapdesk ne peut pas savoir ce qui l'a créée. Elle n'a pas été modifiée.</translation>
    </message>
    <message>
        <source>cannot use the database at {where}: {error}</source>
        <translation>impossible d'utiliser la base de données {where} : {error}</translation>
    </message>
    <message>
        <source>the database at {where} cannot be reached. It was left untouched.</source>
        <translation>la base de données {where} est injoignable. Elle n'a pas été modifiée.</translation>
    </message>
    <message>
        <source>the database at {where} holds no kapdesk records yet. It was left untouched.</source>
        <translation>la base de données {where} ne contient encore aucun dossier kapdesk. Elle n'a pas été modifiée.</translation>
    </message>
    <message>
        <source>the database at {where} is damaged or not a kapdesk database. It was left untouched.</source>
        <translation>la base de données {where} est endommagée ou n'est pas une base de données kapdesk. Elle n'a pas été modifiée.</translation>
    </message>
    <message>
        <source>the database at {where} has become read-only. It was left untouched.</source>
        <translation>la base de données {where} est passée en lecture seule. Elle n'a pas été modifiée.</translation>
    </message>
    <message>
        <source>the database at {where} is on a full disk. It was left untouched.</source>
        <translation>la base de données {where} est sur un disque plein. Elle n'a pas été modifiée.</translation>
    </message>
    <message>
        <source>the database at {where} is busy. It was left untouched.</source>
        <translation>la base de données {where} est occupée. Elle n'a pas été modifiée.</translation>
    </message>
    <message>
        <source>kapdesk's full check found the record file {path} damaged ({problem}). Keep kapdesk open and call IT: the record must be restored from a backup.</source>
        <translation>la vérification complète de kapdesk a trouvé le fichier du dossier {path} endommagé ({problem}). Gardez kapdesk ouvert et appelez le support informatique : le dossier doit être restauré depuis une sauvegarde.</translation>
    </message>
    <message>
        <source>cannot use the data folder {folder}: {error}</source>
        <translation>impossible d'utiliser le dossier de données {folder} : {error}</translation>
    </message>
    <message>
        <source>the database at {path} is encrypted, and {problem}</source>
        <translation>la base de données {path} est chiffrée, et {problem}</translation>
    </message>
    <message>
        <source>the database at {path} is encrypted: its passphrase is needed</source>
        <translation>la base de données {path} est chiffrée : sa phrase secrète est nécessaire</translation>
    </message>
    <message>
        <source>that passphrase does not open the database (or the file is damaged)</source>
        <translation>cette phrase secrète n'ouvre pas la base de données (ou le fichier est endommagé)</translation>
    </message>
    <message>
        <source>not a database URL: {url}</source>
        <translation>ce n'est pas une URL de base de données : {url}</translation>
    </message>
    <message>
        <source>not a database URL: {url} (is the port a number, and is an IPv6 address closed with ']'?)</source>
        <translation>ce n'est pas une URL de base de données : {url} (le port est-il un nombre, et l'adresse IPv6 est-elle fermée par ']' ?)</translation>
    </message>
    <message>
        <source>the port {port} in {url} is not between 1 and {highest}</source>
        <translation>le port {port} de {url} n'est pas compris entre 1 et {highest}</translation>
    </message>
    <message>
        <source>kapdesk cannot talk to {kind}: there is no such database kind or driver (for a clinic server use postgresql://…)</source>
        <translation>kapdesk ne peut pas communiquer avec {kind} : ce type de base de données ou ce pilote n'existe pas (pour un serveur de la clinique, utilisez postgresql://…)</translation>
    </message>
    <message>
        <source>the driver for {kind} is not installed on this PC (for a clinic server use postgresql://…)</source>
        <translation>le pilote pour {kind} n'est pas installé sur ce PC (pour un serveur de la clinique, utilisez postgresql://…)</translation>
    </message>
    <message>
        <source>an SQLite database in memory keeps nothing once kapdesk closes: give a file (sqlite:////path/to/kapdesk.sqlite3), or leave --db out to use the data folder</source>
        <translation>une base de données SQLite en mémoire ne garde rien une fois kapdesk fermé : indiquez un fichier (sqlite:////path/to/kapdesk.sqlite3), ou omettez --db pour utiliser le dossier de données</translation>
    </message>
    <message>
        <source>kapdesk takes an SQLite database as a path, not a file: URI: give {url}</source>
        <translation>kapdesk prend une base de données SQLite sous forme de chemin, pas d'URI file: : indiquez {url}</translation>
    </message>
    <message>
        <source>the database path {path} holds a NUL character</source>
        <translation>le chemin de la base de données {path} contient un caractère NUL</translation>
    </message>
    <message>
        <source>cannot use {path} as a database: {error}</source>
        <translation>impossible d'utiliser {path} comme base de données : {error}</translation>
    </message>
    <message>
        <source>cannot use {path} as a database: it is not a regular file (a device, a pipe or a folder); kapdesk has left it as it was</source>
        <translation>impossible d'utiliser {path} comme base de données : ce n'est pas un fichier ordinaire (un périphérique, un tube ou un dossier) ; kapdesk l'a laissé tel quel</translation>
    </message>
    <message>
        <source>cannot create the database {path}: the folder {folder} does not exist (kapdesk does not create folders for --db)</source>
        <translation>impossible de créer la base de données {path} : le dossier {folder} n'existe pas (kapdesk ne crée pas de dossiers pour --db)</translation>
    </message>
    <message>
        <source>a clinic server is PostgreSQL: postgresql://user@server/database</source>
        <translation>un serveur de la clinique est PostgreSQL : postgresql://user@server/database</translation>
    </message>
    <message>
        <source>the URL names no server or no database</source>
        <translation>l'URL n'indique aucun serveur ou aucune base de données</translation>
    </message>
    <message>
        <source>the clinic server cannot be used: {problem}</source>
        <translation>impossible d'utiliser le serveur de la clinique : {problem}</translation>
    </message>
    <message>
        <source>the database at {path} {why}. It was left untouched, and kapdesk will not open it: put back the record from a backup, or move the file away to start a new, empty record.</source>
        <translation>la base de données {path} {why}. Elle n'a pas été modifiée, et kapdesk ne l'ouvrira pas : restaurez le dossier depuis une sauvegarde, ou déplacez le fichier pour commencer un nouveau dossier vide.</translation>
    </message>
    <message>
        <source>the database at {path} {why}. It could not be moved aside ({error}): it was left as it was, and kapdesk will not open it.</source>
        <translation>la base de données {path} {why}. Elle n'a pas pu être mise de côté ({error}) : elle a été laissée telle quelle, et kapdesk ne l'ouvrira pas.</translation>
    </message>
    <message>
        <source>the database at {path} {why}. Nothing was written to it: it was moved, with the files beside it, to {folder}, where README.txt says what to do.</source>
        <translation>la base de données {path} {why}. Rien n'y a été écrit : elle a été déplacée, avec les fichiers à côté d'elle, vers {folder}, où README.txt explique quoi faire.</translation>
    </message>
    <message>
        <source>the record that was at {path} was set aside in {folder} (README.txt there says why). kapdesk does not start a new, empty record in its place until {hold} in that folder is deleted.</source>
        <translation>le dossier qui se trouvait en {path} a été mis de côté dans {folder} (README.txt y explique pourquoi). kapdesk ne commence pas de nouveau dossier vide à sa place tant que {hold} n'est pas supprimé de ce dossier.</translation>
    </message>
    <message>
        <source>the database at {path} is encrypted; kapdesk opens an encrypted database only as its data folder's own. It was left untouched.</source>
        <translation>la base de données {path} est chiffrée ; kapdesk n'ouvre une base de données chiffrée que si c'est celle de son propre dossier de données. Elle n'a pas été modifiée.</translation>
    </message>
    <message>
        <source>is missing, but a WAL of it was found beside where it should be</source>
        <translation>est introuvable, mais un WAL de celle-ci a été trouvé à l'endroit où elle devrait être</translation>
    </message>
    <message>
        <source>is an empty file (0 bytes): what it held is lost from it</source>
        <translation>est un fichier vide (0 octet) : ce qu'elle contenait y est perdu</translation>
    </message>
    <message>
        <source>is damaged or not a kapdesk database: its first bytes are not those of a SQLite file (zeroed or overwritten), and it does not look encrypted either</source>
        <translation>est endommagée ou n'est pas une base de données kapdesk : ses premiers octets ne sont pas ceux d'un fichier SQLite (mis à zéro ou écrasés), et elle ne semble pas non plus chiffrée</translation>
    </message>
    <message>
        <source>is damaged: it is not made of whole pages (cut short?)</source>
        <translation>est endommagée : elle n'est pas faite de pages entières (tronquée ?)</translation>
    </message>
    <message>
        <source>is not the file its WAL (the file of its latest changes) was written on: an older copy put back in its place? Merging them would falsify the record</source>
        <translation>n'est pas le fichier sur lequel son WAL (le fichier de ses dernières modifications) a été écrit : une copie plus ancienne remise à sa place ? Les fusionner falsifierait le dossier</translation>
    </message>
    <message>
        <source>has a WAL beside it (the file of its latest changes) that another database wrote: merging it would replace records</source>
        <translation>a à côté d'elle un WAL (le fichier de ses dernières modifications) écrit par une autre base de données : le fusionner remplacerait des enregistrements</translation>
    </message>
    <message>
        <source>has a WAL beside it (the file of its latest changes) that does not belong to it (merged into a copy, {problem}): merging it would replace records</source>
        <translation>a à côté d'elle un WAL (le fichier de ses dernières modifications) qui ne lui appartient pas (fusionné dans une copie, {problem}) : le fusionner remplacerait des enregistrements</translation>
    </message>
    <message>
        <source>is damaged (SQLite's check says: {problem})</source>
        <translation>est endommagée (la vérification de SQLite indique : {problem})</translation>
    </message>
    <message>
        <source>SQLCipher is not installed with this kapdesk (the sqlcipher3-binary package; its wheels are for Linux on x86_64)</source>
        <translation>SQLCipher n'est pas installé avec ce kapdesk (le paquet sqlcipher3-binary ; ses wheels sont pour Linux sur x86_64)</translation>
    </message>
    <message>
        <source>A passphrase has at least {shortest} characters.</source>
        <translation>Une phrase secrète compte au moins {shortest} caractères.</translation>
    </message>
    <message>
        <source>A passphrase of so few different characters is too easy to guess.</source>
        <translation>Une phrase secrète avec si peu de caractères différents est trop facile à deviner.</translation>
    </message>
    <message>
        <source>the outbox {path} cannot be used: {error}</source>
        <translation>la file d'attente {path} ne peut pas être utilisée : {error}</translation>
    </message>
    <message>
        <source>the outbox {path} cannot be written: {error}</source>
        <translation>la file d'attente {path} ne peut pas être écrite : {error}</translation>
    </message>
    <message>
        <source>the outbox {path} cannot be read: {error}</source>
        <translation>la file d'attente {path} ne peut pas être lue : {error}</translation>
    </message>
    <message>
        <source>the lock file {path} cannot be made ({error}): kapdesk cannot make sure it is the only one writing to the database</source>
        <translation>le fichier de verrou {path} ne peut pas être créé ({error}) : kapdesk ne peut pas s'assurer d'être le seul à écrire dans la base de données</translation>
    </message>
    <message>
        <source>the lock file {path} cannot be locked ({error})</source>
        <translation>le fichier de verrou {path} ne peut pas être verrouillé ({error})</translation>
    </message>
    <message>
        <source>the database {path} is in use by another kapdesk ({who}): only one kapdesk may write to it at a time. Use that kapdesk's window, or close it and try again</source>
        <translation>la base de données {path} est utilisée par un autre kapdesk ({who}) : un seul kapdesk peut y écrire à la fois. Utilisez la fenêtre de ce kapdesk, ou fermez-le et réessayez</translation>
    </message>
    <message>
        <source>a process</source>
        <translation>un processus</translation>
    </message>
    <message>
        <source>a process on {host}</source>
        <translation>un processus sur {host}</translation>
    </message>
    <message>
        <source>process {pid}</source>
        <translation>processus {pid}</translation>
    </message>
    <message>
        <source>process {pid} on {host}</source>
        <translation>processus {pid} sur {host}</translation>
    </message>
    <message>
        <source>another process</source>
        <translation>un autre processus</translation>
    </message>
</context>
<context>
    <name>StorageOps</name>
    <message>
        <source>{what} could not be loaded: {why}.</source>
        <translation>{what} : chargement impossible ({why}).</translation>
    </message>
    <message>
        <source>{what} could not be saved: {why}.</source>
        <translation>{what} : enregistrement impossible ({why}).</translation>
    </message>
    <message>
        <source>{what} could not be loaded: the records are not answering.</source>
        <translation>{what} : chargement impossible (les dossiers ne répondent pas).</translation>
    </message>
    <message>
        <source>{what}: not confirmed yet: the records are not answering; kapdesk is still trying.</source>
        <translation>{what} : pas encore confirmé : les dossiers ne répondent pas ; kapdesk continue d'essayer.</translation>
    </message>
    <message>
        <source>{what} could not be shown (the log says why).</source>
        <translation>{what} : affichage impossible (le journal indique pourquoi).</translation>
    </message>
    <message>
        <source>{reason}.</source>
        <translation>{reason}.</translation>
    </message>
    <message>
        <source>the records could not be read</source>
        <translation>les dossiers n'ont pas pu être lus</translation>
    </message>
    <message>
        <source>something unexpected went wrong (the log says what)</source>
        <translation>un problème inattendu est survenu (le journal indique lequel)</translation>
    </message>
    <message>
        <source>The page</source>
        <translation>La page</translation>
    </message>
</context>
<context>
    <name>SummaryView</name>
    <message>
        <source>Past sessions</source>
        <translation>Historique</translation>
    </message>
    <message>
        <source>Timeline</source>
        <translation>Chronologie</translation>
    </message>
    <message>
        <source>Integration</source>
        <translation>Intégration</translation>
    </message>
    <message>
        <source>Print…</source>
        <translation>Imprimer…</translation>
    </message>
    <message>
        <source>Save PDF…</source>
        <translation>Enregistrer en PDF…</translation>
    </message>
    <message>
        <source>New session</source>
        <translation>Nouvelle séance</translation>
    </message>
    <message>
        <source>session record</source>
        <translation>le dossier de séance</translation>
    </message>
    <message>
        <source>Save the session record</source>
        <translation>Enregistrer le dossier de séance</translation>
    </message>
    <message>
        <source>PHASES</source>
        <translation>PHASES</translation>
    </message>
    <message>
        <source>EVENTS</source>
        <translation>ÉVÉNEMENTS</translation>
    </message>
    <message>
        <source>Phase</source>
        <translation>Phase</translation>
    </message>
    <message>
        <source>Planned</source>
        <translation>Prévue</translation>
    </message>
    <message>
        <source>Actual</source>
        <translation>Réelle</translation>
    </message>
    <message>
        <source>Started at</source>
        <translation>Début</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Heure</translation>
    </message>
    <message>
        <source>Journey</source>
        <translation>Temps</translation>
    </message>
    <message>
        <source>What</source>
        <translation>Quoi</translation>
    </message>
    <message>
        <source>Session {session}</source>
        <translation>Séance {session}</translation>
    </message>
    <message>
        <source>Session {session} · {patient} · {state}</source>
        <translation>Séance {session} · {patient} · {state}</translation>
    </message>
    <message>
        <source>closed</source>
        <translation>fermée</translation>
    </message>
    <message>
        <source>open, running</source>
        <translation>ouverte, en cours</translation>
    </message>
    <message>
        <source>open, not dosed</source>
        <translation>ouverte, sans dose</translation>
    </message>
    <message>
        <source>The session record</source>
        <translation>Le dossier de séance</translation>
    </message>
    <message>
        <source>Loading the session record…</source>
        <translation>Chargement du dossier de séance…</translation>
    </message>
    <message>
        <source>Protocol: {protocol}</source>
        <translation>Protocole : {protocol}</translation>
    </message>
    <message>
        <source>Sitter: {sitter}</source>
        <translation>Accompagnant : {sitter}</translation>
    </message>
    <message>
        <source>Opened: {time}</source>
        <translation>Ouverte : {time}</translation>
    </message>
    <message>
        <source>Dosed: {time}</source>
        <translation>Dose donnée : {time}</translation>
    </message>
    <message>
        <source>Closed: {time}</source>
        <translation>Fermée : {time}</translation>
    </message>
    <message>
        <source>Journey: {time}</source>
        <translation>Temps : {time}</translation>
    </message>
    <message>
        <source>Doses: {doses}</source>
        <translation>Doses : {doses}</translation>
    </message>
    <message>
        <source>Closed because: {reason}</source>
        <translation>Fermée car : {reason}</translation>
    </message>
    <message>
        <source>Intention: “{intention}”</source>
        <translation>Intention : « {intention} »</translation>
    </message>
    <message>
        <source>Ready to leave: {time} ({journey} after dosing)</source>
        <translation>Prêt à partir : {time} ({journey} après la dose)</translation>
    </message>
    <message>
        <source>Ready to leave: {time} ({journey} after dosing), may leave from {free}</source>
        <translation>Prêt à partir : {time} ({journey} après la dose), peut partir à partir de {free}</translation>
    </message>
    <message>
        <source>Ready to leave: no discharge check found the patient ready</source>
        <translation>Prêt à partir : aucune évaluation de sortie n'a trouvé le patient prêt</translation>
    </message>
    <message>
        <source>Total monitoring time: {time}</source>
        <translation>Durée totale de surveillance : {time}</translation>
    </message>
</context>
<context>
    <name>TimelineView</name>
    <message>
        <source>Time</source>
        <translation>Heure</translation>
    </message>
    <message>
        <source>Journey</source>
        <translation>Temps</translation>
    </message>
    <message>
        <source>Phase</source>
        <translation>Phase</translation>
    </message>
    <message>
        <source>What</source>
        <translation>Quoi</translation>
    </message>
    <message>
        <source>By</source>
        <translation>Par</translation>
    </message>
    <message>
        <source>{text}   (corrected)</source>
        <translation>{text}   (corrigé)</translation>
    </message>
    <message>
        <source>Back</source>
        <translation>Retour</translation>
    </message>
    <message>
        <source>Correct…</source>
        <translation>Corriger…</translation>
    </message>
    <message>
        <source>Timeline</source>
        <translation>Chronologie</translation>
    </message>
    <message>
        <source>Vital signs chart</source>
        <translation>Graphique des signes vitaux</translation>
    </message>
    <message>
        <source>Timeline · session {session}</source>
        <translation>Chronologie · séance {session}</translation>
    </message>
    <message>
        <source>Timeline · session {session} · {patient}</source>
        <translation>Chronologie · séance {session} · {patient}</translation>
    </message>
    <message>
        <source>The timeline</source>
        <translation>La chronologie</translation>
    </message>
    <message>
        <source>Loading the timeline…</source>
        <translation>Chargement de la chronologie…</translation>
    </message>
    <message>
        <source>Pick an entry to see its history or to correct it.</source>
        <translation>Choisissez une entrée pour voir son historique ou la corriger.</translation>
    </message>
    <message>
        <source>Original ({when}): {text}</source>
        <translation>Original ({when}) : {text}</translation>
    </message>
    <message>
        <source>Original ({when} by {by}): {text}</source>
        <translation>Original ({when}, par {by}) : {text}</translation>
    </message>
    <message>
        <source>Corrected {when}, because “{reason}”: {text}</source>
        <translation>Corrigé le {when}, car « {reason} » : {text}</translation>
    </message>
    <message>
        <source>Corrected {when} by {by}, because “{reason}”: {text}</source>
        <translation>Corrigé le {when} par {by}, car « {reason} » : {text}</translation>
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
        <translation>Titre</translation>
    </message>
    <message>
        <source>Artist</source>
        <translation>Artiste</translation>
    </message>
    <message>
        <source>Length</source>
        <translation>Durée</translation>
    </message>
    <message>
        <source>Loudness</source>
        <translation>Niveau</translation>
    </message>
    <message>
        <source>Gain</source>
        <translation>Gain</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>État</translation>
    </message>
    <message>
        <source>cannot play</source>
        <translation>illisible</translation>
    </message>
    <message>
        <source>ok</source>
        <translation>ok</translation>
    </message>
</context>
<context>
    <name>Upgrades</name>
    <message numerus="yes">
        <source>The record holds %n session.|The record holds %n sessions.</source>
        <translation><numerusform>Le dossier contient %n séance.</numerusform><numerusform>Le dossier contient %n séances.</numerusform></translation></message>
    <message>
        <source>This is kapdesk {current}; these records were last opened by kapdesk {previous}, a newer version.</source>
        <translation>Ceci est kapdesk {current} ; ces dossiers ont été ouverts en dernier par kapdesk {previous}, une version plus récente.</translation>
    </message>
    <message>
        <source>Ask IT before recording here.</source>
        <translation>Demandez à l'informatique avant d'enregistrer ici.</translation>
    </message>
    <message>
        <source>kapdesk was updated from {previous} to {current}.</source>
        <translation>kapdesk a été mis à jour de {previous} vers {current}.</translation>
    </message>
    <message>
        <source>kapdesk was updated from an earlier version of kapdesk to {current}.</source>
        <translation>kapdesk a été mis à jour d'une version antérieure de kapdesk vers {current}.</translation>
    </message>
    <message>
        <source>Nothing was lost.</source>
        <translation>Rien n'a été perdu.</translation>
    </message>
</context>
<context>
    <name>Vitals</name>
    <message>
        <source>Systolic BP</source>
        <translation>PA systolique</translation>
    </message>
    <message>
        <source>Diastolic BP</source>
        <translation>PA diastolique</translation>
    </message>
    <message>
        <source>Heart rate</source>
        <translation>Fréquence cardiaque</translation>
    </message>
    <message>
        <source>Respiratory rate</source>
        <translation>Fréquence respiratoire</translation>
    </message>
    <message>
        <source>Temperature</source>
        <translation>Température</translation>
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
        <translation>aucune valeur</translation>
    </message>
    <message>
        <source>{measure}: “{typed}” is not a number.</source>
        <translation>{measure} : « {typed} » n’est pas un nombre.</translation>
    </message>
    <message>
        <source>{measure} {typed} is not possible: it must be between {low} and {high}.</source>
        <translation>{measure} {typed} est impossible : la valeur doit être entre {low} et {high}.</translation>
    </message>
    <message>
        <source>{measure} {value} is unusual.</source>
        <translation>{measure} {value} est inhabituelle.</translation>
    </message>
    <message>
        <source>Blood pressure needs both numbers, systolic and diastolic.</source>
        <translation>La tension artérielle demande les deux valeurs, systolique et diastolique.</translation>
    </message>
    <message>
        <source>Diastolic must be lower than systolic; check the two numbers.</source>
        <translation>La diastolique doit être inférieure à la systolique ; vérifiez les deux valeurs.</translation>
    </message>
    <message>
        <source>Enter at least one measure.</source>
        <translation>Saisissez au moins une mesure.</translation>
    </message>
    <message>
        <source>before dosing</source>
        <translation>avant la dose</translation>
    </message>
    <message>
        <source>before discharge</source>
        <translation>avant la sortie</translation>
    </message>
    <message>
        <source>at {minutes} min</source>
        <translation>à {minutes} min</translation>
    </message>
    <message>
        <source>Vital signs</source>
        <translation>Signes vitaux</translation>
    </message>
    <message>
        <source>{measure} {value} is at or above {limit}</source>
        <translation>{measure} {value} est supérieure ou égale à {limit}</translation>
    </message>
    <message>
        <source>{measure} {value} is above {limit}</source>
        <translation>{measure} {value} est supérieure à {limit}</translation>
    </message>
    <message>
        <source>{measure} {value} is below {limit}</source>
        <translation>{measure} {value} est inférieure à {limit}</translation>
    </message>
    <message>
        <source>{measure} {value} is at or above {limit} before dosing</source>
        <translation>{measure} {value} est supérieure ou égale à {limit} avant la dose</translation>
    </message>
    <message>
        <source>{measure} {value} is above {limit} before dosing</source>
        <translation>{measure} {value} est supérieure à {limit} avant la dose</translation>
    </message>
    <message>
        <source>{measure} {value} is below {limit} before dosing</source>
        <translation>{measure} {value} est inférieure à {limit} avant la dose</translation>
    </message>
    <message>
        <source>BP {reading} above {limit}</source>
        <translation>PA {reading} au-dessus de {limit}</translation>
    </message>
    <message>
        <source>BP {reading} at or above {limit}</source>
        <translation>PA {reading} égale ou supérieure à {limit}</translation>
    </message>
    <message>
        <source>BP {reading} above {limit} before dosing</source>
        <translation>PA {reading} au-dessus de {limit} avant la dose</translation>
    </message>
    <message>
        <source>BP {reading} at or above {limit} before dosing</source>
        <translation>PA {reading} égale ou supérieure à {limit} avant la dose</translation>
    </message>
    <message>
        <source>BP {reading}, systolic below {limit}</source>
        <translation>PA {reading}, systolique sous {limit}</translation>
    </message>
    <message>
        <source>HR {value} above {limit}</source>
        <translation>FC {value} au-dessus de {limit}</translation>
    </message>
    <message>
        <source>HR {value} below {limit}</source>
        <translation>FC {value} en dessous de {limit}</translation>
    </message>
    <message>
        <source>SpO2 {value} below {limit}</source>
        <translation>SpO2 {value} en dessous de {limit}</translation>
    </message>
    <message>
        <source>RR {value} above {limit}</source>
        <translation>FR {value} au-dessus de {limit}</translation>
    </message>
    <message>
        <source>RR {value} below {limit}</source>
        <translation>FR {value} en dessous de {limit}</translation>
    </message>
    <message>
        <source>T {value} above {limit}</source>
        <translation>T {value} au-dessus de {limit}</translation>
    </message>
</context>
<context>
    <name>VitalsChart</name>
    <message>
        <source>No vital signs recorded yet.</source>
        <translation>Aucun signe vital noté pour l’instant.</translation>
    </message>
    <message>
        <source>Baseline</source>
        <translation>Valeur de base</translation>
    </message>
    <message>
        <source>Not dosed yet</source>
        <translation>Pas encore de dose</translation>
    </message>
    <message>
        <source>Minutes after dose</source>
        <translation>Minutes après la dose</translation>
    </message>
    <message>
        <source>mmHg · beats/min</source>
        <translation>mmHg · battements/min</translation>
    </message>
    <message>
        <source>Flagged readings</source>
        <translation>Mesures signalées</translation>
    </message>
    <message>
        <source>None.</source>
        <translation>Aucune.</translation>
    </message>
    <message>
        <source>Systolic</source>
        <translation>Systolique</translation>
    </message>
    <message>
        <source>Diastolic</source>
        <translation>Diastolique</translation>
    </message>
    <message>
        <source>Heart rate</source>
        <translation>Fréquence cardiaque</translation>
    </message>
    <message>
        <source>Flagged</source>
        <translation>Signalée</translation>
    </message>
    <message>
        <source>Flagged SpO2</source>
        <translation>SpO2 signalée</translation>
    </message>
    <message>
        <source>At {minutes} min: {flags}</source>
        <translation>À {minutes} min : {flags}</translation>
    </message>
    <message>
        <source>At {minutes} min, corrected: {flags}</source>
        <translation>À {minutes} min, corrigée : {flags}</translation>
    </message>
    <message>
        <source>Baseline: {flags}</source>
        <translation>Valeur de base : {flags}</translation>
    </message>
    <message>
        <source>Baseline, corrected: {flags}</source>
        <translation>Valeur de base, corrigée : {flags}</translation>
    </message>
</context>
<context>
    <name>VitalsDialog</name>
    <message>
        <source>Vital signs</source>
        <translation>Signes vitaux</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Enregistrer</translation>
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
        <translation>{unit}  (facultatif)</translation>
    </message>
    <message>
        <source>{unusual} Check it, then press Save again to record it.</source>
        <translation>{unusual} Vérifiez, puis appuyez de nouveau sur Enregistrer pour confirmer.</translation>
    </message>
</context>
<context>
    <name>Widgets</name>
    <message>
        <source>Switch user to let a colleague who may do it.</source>
        <translation>Changez d'utilisateur pour laisser faire un collègue autorisé.</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
</context>
</TS>