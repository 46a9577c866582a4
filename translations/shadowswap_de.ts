<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
<context>
    <name>LagText</name>
    <message>
        <location filename="../ui/shared/lagtext.cpp" line="11"/>
        <source>n/a</source>
        <translation>k. A.</translation>
    </message>
    <message>
        <location filename="../ui/shared/lagtext.cpp" line="11"/>
        <source>%1 s</source>
        <translation>%1 s</translation>
    </message>
    <message>
        <location filename="../ui/shared/lagtext.cpp" line="17"/>
        <source>%1 (replica)</source>
        <translation>%1 (Replikat)</translation>
    </message>
    <message>
        <location filename="../ui/shared/lagtext.cpp" line="20"/>
        <source>unreadable (%1)</source>
        <translation>nicht lesbar (%1)</translation>
    </message>
    <message>
        <location filename="../ui/shared/lagtext.cpp" line="21"/>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <location filename="../ui/shared/lagtext.cpp" line="30"/>
        <source>%1: lag unreadable: %2</source>
        <translation>%1: Verzögerung nicht lesbar: %2</translation>
    </message>
    <message>
        <location filename="../ui/shared/lagtext.cpp" line="32"/>
        <source>(no reason given)</source>
        <translation>(kein Grund angegeben)</translation>
    </message>
</context>
<context>
    <name>ui::AttachDialog</name>
    <message>
        <location filename="../ui/watch/attachdialog.cpp" line="23"/>
        <source>Attach to a running migration</source>
        <translation>An laufende Migration anhängen</translation>
    </message>
    <message>
        <location filename="../ui/watch/attachdialog.cpp" line="26"/>
        <source>/tmp/gh-ost.shop.orders.sock  or  jumphost:9001</source>
        <translation>/tmp/gh-ost.shop.orders.sock  oder  jumphost:9001</translation>
    </message>
    <message>
        <location filename="../ui/watch/attachdialog.cpp" line="29"/>
        <source>only for a TCP port that requires one</source>
        <translation>nur für einen TCP-Port, der eines verlangt</translation>
    </message>
    <message>
        <location filename="../ui/watch/attachdialog.cpp" line="34"/>
        <source>From file…</source>
        <translation>Aus Datei …</translation>
    </message>
    <message>
        <location filename="../ui/watch/attachdialog.cpp" line="39"/>
        <source>Control socket:</source>
        <translation>Steuer-Socket:</translation>
    </message>
    <message>
        <location filename="../ui/watch/attachdialog.cpp" line="40"/>
        <source>Token:</source>
        <translation>Token:</translation>
    </message>
    <message>
        <location filename="../ui/watch/attachdialog.cpp" line="42"/>
        <source>Works with shadowswap-cli and gh-ost 1.1.x (--serve-socket-file, --serve-tcp-port). The console asks for &quot;status&quot; every second and sends the commands you choose.</source>
        <translation>Funktioniert mit shadowswap-cli und gh-ost 1.1.x (--serve-socket-file, --serve-tcp-port). Die Konsole fragt jede Sekunde „status“ ab und sendet die Befehle, die Sie wählen.</translation>
    </message>
    <message>
        <location filename="../ui/watch/attachdialog.cpp" line="47"/>
        <source>&amp;Attach</source>
        <translation>&amp;Anhängen</translation>
    </message>
    <message>
        <location filename="../ui/watch/attachdialog.cpp" line="77"/>
        <source>Token file (--serve-tcp-token-file)</source>
        <translation>Token-Datei (--serve-tcp-token-file)</translation>
    </message>
    <message>
        <location filename="../ui/watch/attachdialog.cpp" line="82"/>
        <source>%1 can&apos;t be read: %2</source>
        <translation>%1 ist nicht lesbar: %2</translation>
    </message>
</context>
<context>
    <name>ui::ConnectionsPage</name>
    <message>
        <location filename="../ui/connections/connectionspage.cpp" line="46"/>
        <source>Remember in the system keyring</source>
        <translation>Im Schlüsselbund des Systems speichern</translation>
    </message>
    <message>
        <location filename="../ui/connections/connectionspage.cpp" line="48"/>
        <source>This server is a replica: read its binlog (recommended)</source>
        <translation>Dieser Server ist ein Replikat: sein Binlog lesen (empfohlen)</translation>
    </message>
    <message>
        <location filename="../ui/connections/connectionspage.cpp" line="49"/>
        <source>This server is the primary: read its own binlog (--allow-on-master)</source>
        <translation>Dieser Server ist der Primärserver: sein eigenes Binlog lesen (--allow-on-master)</translation>
    </message>
    <message>
        <location filename="../ui/connections/connectionspage.cpp" line="50"/>
        <source>Use TLS</source>
        <translation>TLS verwenden</translation>
    </message>
    <message>
        <location filename="../ui/connections/connectionspage.cpp" line="54"/>
        <source>Verify the server certificate</source>
        <translation>Serverzertifikat prüfen</translation>
    </message>
    <message>
        <location filename="../ui/connections/connectionspage.cpp" line="55"/>
        <source>&amp;Test connection</source>
        <translation>Verbindung &amp;testen</translation>
    </message>
    <message>
        <location filename="../ui/connections/connectionspage.cpp" line="70"/>
        <source>Saved profiles</source>
        <translation>Gespeicherte Profile</translation>
    </message>
    <message>
        <location filename="../ui/connections/connectionspage.cpp" line="73"/>
        <source>&amp;New</source>
        <translation>&amp;Neu</translation>
    </message>
    <message>
        <location filename="../ui/connections/connectionspage.cpp" line="74"/>
        <source>&amp;Delete</source>
        <translation>&amp;Löschen</translation>
    </message>
    <message>
        <location filename="../ui/connections/connectionspage.cpp" line="81"/>
        <source>e.g. shop replica</source>
        <translation>z. B. Shop-Replikat</translation>
    </message>
    <message>
        <location filename="../ui/connections/connectionspage.cpp" line="82"/>
        <source>host name or IP address</source>
        <translation>Hostname oder IP-Adresse</translation>
    </message>
    <message>
        <location filename="../ui/connections/connectionspage.cpp" line="86"/>
        <source>asked each time unless remembered</source>
        <translation>wird jedes Mal abgefragt, wenn nicht gespeichert</translation>
    </message>
    <message>
        <location filename="../ui/connections/connectionspage.cpp" line="87"/>
        <source>Store the password in the operating system&apos;s keyring. It is never written to the settings file or to logs.</source>
        <translation>Das Passwort im Schlüsselbund des Betriebssystems speichern. Es wird nie in die Einstellungsdatei oder in Protokolle geschrieben.</translation>
    </message>
    <message>
        <location filename="../ui/connections/connectionspage.cpp" line="91"/>
        <source>Shadowswap reads the binlog from this replica and writes the new table on its primary, which it finds through the replica&apos;s replication settings.</source>
        <translation>Shadowswap liest das Binlog von diesem Replikat und schreibt die neue Tabelle auf dessen Primärserver, den es über die Replikationseinstellungen des Replikats findet.</translation>
    </message>
    <message>
        <location filename="../ui/connections/connectionspage.cpp" line="93"/>
        <source>No replica: the primary&apos;s own binlog is read. Adds a little load to the primary.</source>
        <translation>Kein Replikat: Das eigene Binlog des Primärservers wird gelesen. Das belastet den Primärserver etwas mehr.</translation>
    </message>
    <message>
        <location filename="../ui/connections/connectionspage.cpp" line="95"/>
        <source>Profile &amp;name:</source>
        <translation>Profil&amp;name:</translation>
    </message>
    <message>
        <location filename="../ui/connections/connectionspage.cpp" line="96"/>
        <source>&amp;Host:</source>
        <translation>&amp;Host:</translation>
    </message>
    <message>
        <location filename="../ui/connections/connectionspage.cpp" line="97"/>
        <source>&amp;Port:</source>
        <translation>&amp;Port:</translation>
    </message>
    <message>
        <location filename="../ui/connections/connectionspage.cpp" line="98"/>
        <source>&amp;User:</source>
        <translation>&amp;Benutzer:</translation>
    </message>
    <message>
        <location filename="../ui/connections/connectionspage.cpp" line="99"/>
        <source>Pass&amp;word:</source>
        <translation>Pass&amp;wort:</translation>
    </message>
    <message>
        <location filename="../ui/connections/connectionspage.cpp" line="102"/>
        <source>Binlog source</source>
        <translation>Binlog-Quelle</translation>
    </message>
    <message>
        <location filename="../ui/connections/connectionspage.cpp" line="110"/>
        <source>CA certificate file (PEM)</source>
        <translation>CA-Zertifikatsdatei (PEM)</translation>
    </message>
    <message>
        <location filename="../ui/connections/connectionspage.cpp" line="111"/>
        <source>client certificate file (optional)</source>
        <translation>Client-Zertifikatsdatei (optional)</translation>
    </message>
    <message>
        <location filename="../ui/connections/connectionspage.cpp" line="112"/>
        <source>client key file (optional)</source>
        <translation>Client-Schlüsseldatei (optional)</translation>
    </message>
    <message>
        <location filename="../ui/connections/connectionspage.cpp" line="113"/>
        <source>CA:</source>
        <translation>CA:</translation>
    </message>
    <message>
        <location filename="../ui/connections/connectionspage.cpp" line="114"/>
        <source>Certificate:</source>
        <translation>Zertifikat:</translation>
    </message>
    <message>
        <location filename="../ui/connections/connectionspage.cpp" line="115"/>
        <source>Key:</source>
        <translation>Schlüssel:</translation>
    </message>
    <message>
        <location filename="../ui/connections/connectionspage.cpp" line="119"/>
        <source>&amp;Save profile</source>
        <translation>Profil &amp;speichern</translation>
    </message>
    <message>
        <location filename="../ui/connections/connectionspage.cpp" line="126"/>
        <source>Test the connection to see the server&apos;s version, role and binlog settings.</source>
        <translation>Testen Sie die Verbindung, um Version, Rolle und Binlog-Einstellungen des Servers zu sehen.</translation>
    </message>
    <message>
        <location filename="../ui/connections/connectionspage.cpp" line="151"/>
        <source>No system keyring found: the password is asked each time and kept in memory only.</source>
        <translation>Kein Schlüsselbund gefunden: Das Passwort wird jedes Mal abgefragt und nur im Arbeitsspeicher gehalten.</translation>
    </message>
    <message>
        <location filename="../ui/connections/connectionspage.cpp" line="180"/>
        <source>Password read from the system keyring.</source>
        <translation>Passwort aus dem Schlüsselbund gelesen.</translation>
    </message>
    <message>
        <location filename="../ui/connections/connectionspage.cpp" line="235"/>
        <source>Save profile</source>
        <translation>Profil speichern</translation>
    </message>
    <message>
        <location filename="../ui/connections/connectionspage.cpp" line="235"/>
        <source>A profile needs a name and a host.</source>
        <translation>Ein Profil braucht einen Namen und einen Host.</translation>
    </message>
    <message>
        <location filename="../ui/connections/connectionspage.cpp" line="242"/>
        <source>Password stored in the system keyring.</source>
        <translation>Passwort im Schlüsselbund gespeichert.</translation>
    </message>
    <message>
        <location filename="../ui/connections/connectionspage.cpp" line="255"/>
        <source>Delete profile</source>
        <translation>Profil löschen</translation>
    </message>
    <message>
        <location filename="../ui/connections/connectionspage.cpp" line="255"/>
        <source>Delete the profile &quot;%1&quot;?</source>
        <translation>Profil „%1“ löschen?</translation>
    </message>
    <message>
        <location filename="../ui/connections/connectionspage.cpp" line="270"/>
        <source>&lt;p&gt;Connecting to %1…&lt;/p&gt;</source>
        <translation>&lt;p&gt;Verbinde mit %1 …&lt;/p&gt;</translation>
    </message>
    <message>
        <location filename="../ui/connections/connectionspage.cpp" line="291"/>
        <source>&lt;p&gt;&lt;b&gt;Could not connect.&lt;/b&gt;&lt;/p&gt;&lt;p&gt;%1&lt;/p&gt;</source>
        <translation>&lt;p&gt;&lt;b&gt;Verbindung fehlgeschlagen.&lt;/b&gt;&lt;/p&gt;&lt;p&gt;%1&lt;/p&gt;</translation>
    </message>
    <message>
        <location filename="../ui/connections/connectionspage.cpp" line="307"/>
        <source>ON</source>
        <translation>AN</translation>
    </message>
    <message>
        <location filename="../ui/connections/connectionspage.cpp" line="307"/>
        <source>OFF</source>
        <translation>AUS</translation>
    </message>
    <message>
        <location filename="../ui/connections/connectionspage.cpp" line="308"/>
        <source>Connected.</source>
        <translation>Verbunden.</translation>
    </message>
    <message>
        <location filename="../ui/connections/connectionspage.cpp" line="309"/>
        <source>Server</source>
        <translation>Server</translation>
    </message>
    <message>
        <location filename="../ui/connections/connectionspage.cpp" line="310"/>
        <source>Version</source>
        <translation>Version</translation>
    </message>
    <message>
        <location filename="../ui/connections/connectionspage.cpp" line="311"/>
        <source>Server id</source>
        <translation>Server-ID</translation>
    </message>
    <message>
        <location filename="../ui/connections/connectionspage.cpp" line="311"/>
        <source> (read only)</source>
        <translation> (schreibgeschützt)</translation>
    </message>
    <message>
        <location filename="../ui/connections/connectionspage.cpp" line="312"/>
        <source>Role</source>
        <translation>Rolle</translation>
    </message>
    <message>
        <location filename="../ui/connections/connectionspage.cpp" line="312"/>
        <source>replica of %1:%2</source>
        <translation>Replikat von %1:%2</translation>
    </message>
    <message>
        <location filename="../ui/connections/connectionspage.cpp" line="313"/>
        <source>primary (no replication source)</source>
        <translation>Primärserver (keine Replikationsquelle)</translation>
    </message>
    <message>
        <location filename="../ui/connections/connectionspage.cpp" line="314"/>
        <source>Binary log</source>
        <translation>Binärlog</translation>
    </message>
    <message>
        <location filename="../ui/connections/connectionspage.cpp" line="315"/>
        <source>Binlog format</source>
        <translation>Binlog-Format</translation>
    </message>
    <message>
        <location filename="../ui/connections/connectionspage.cpp" line="316"/>
        <source>Binlog row image</source>
        <translation>Binlog-Zeilenabbild</translation>
    </message>
    <message>
        <location filename="../ui/connections/connectionspage.cpp" line="317"/>
        <source>log_slave_updates</source>
        <translation>log_slave_updates</translation>
    </message>
    <message>
        <location filename="../ui/connections/connectionspage.cpp" line="318"/>
        <source>GTID</source>
        <translation>GTID</translation>
    </message>
    <message>
        <location filename="../ui/connections/connectionspage.cpp" line="322"/>
        <source>&lt;p&gt;&lt;b&gt;Note:&lt;/b&gt; this server is no replica. Choose &quot;read its own binlog&quot; to migrate on it directly.&lt;/p&gt;</source>
        <translation>&lt;p&gt;&lt;b&gt;Hinweis:&lt;/b&gt; Dieser Server ist kein Replikat. Wählen Sie „sein eigenes Binlog lesen“, um direkt auf ihm zu migrieren.&lt;/p&gt;</translation>
    </message>
    <message>
        <location filename="../ui/connections/connectionspage.cpp" line="325"/>
        <source>&lt;p&gt;&lt;b&gt;Note:&lt;/b&gt; this server is a replica; reading its binlog is the safer choice.&lt;/p&gt;</source>
        <translation>&lt;p&gt;&lt;b&gt;Hinweis:&lt;/b&gt; Dieser Server ist ein Replikat; sein Binlog zu lesen ist die sicherere Wahl.&lt;/p&gt;</translation>
    </message>
    <message>
        <location filename="../ui/connections/connectionspage.cpp" line="327"/>
        <source>&lt;p&gt;&lt;b&gt;Warning:&lt;/b&gt; a migration needs log_bin=ON and binlog_format=ROW here.&lt;/p&gt;</source>
        <translation>&lt;p&gt;&lt;b&gt;Warnung:&lt;/b&gt; Eine Migration braucht hier log_bin=ON und binlog_format=ROW.&lt;/p&gt;</translation>
    </message>
</context>
<context>
    <name>ui::CreateDiffView</name>
    <message>
        <location filename="../ui/newmigration/creatediffview.cpp" line="69"/>
        <source>Current table</source>
        <translation>Aktuelle Tabelle</translation>
    </message>
    <message>
        <location filename="../ui/newmigration/creatediffview.cpp" line="70"/>
        <source>After the ALTER (dry run)</source>
        <translation>Nach dem ALTER (Probelauf)</translation>
    </message>
    <message>
        <location filename="../ui/newmigration/creatediffview.cpp" line="74"/>
        <source>Press &quot;Dry run&quot; to build the new table empty and see its definition here.</source>
        <translation>Drücken Sie „Probelauf“, um die neue Tabelle leer anzulegen und ihre Definition hier zu sehen.</translation>
    </message>
    <message>
        <location filename="../ui/newmigration/creatediffview.cpp" line="113"/>
        <source>No difference: the ALTER does not change the table definition.</source>
        <translation>Kein Unterschied: Das ALTER ändert die Tabellendefinition nicht.</translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/newmigration/creatediffview.cpp" line="114"/>
        <source>%n line(s) removed or changed, </source>
        <translation>
            <numerusform>%n Zeile entfernt oder geändert, </numerusform>
            <numerusform>%n Zeilen entfernt oder geändert, </numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/newmigration/creatediffview.cpp" line="116"/>
        <source>%n line(s) added or changed.</source>
        <translation>
            <numerusform>%n Zeile hinzugefügt oder geändert.</numerusform>
            <numerusform>%n Zeilen hinzugefügt oder geändert.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ui::CutOverWindowPanel</name>
    <message>
        <location filename="../ui/monitor/cutoverwindowpanel.cpp" line="62"/>
        <source>holds</source>
        <translation>hält</translation>
    </message>
    <message>
        <location filename="../ui/monitor/cutoverwindowpanel.cpp" line="63"/>
        <source>waits</source>
        <translation>wartet</translation>
    </message>
    <message>
        <location filename="../ui/monitor/cutoverwindowpanel.cpp" line="64"/>
        <source>LOCK TABLES</source>
        <translation>LOCK TABLES</translation>
    </message>
    <message>
        <location filename="../ui/monitor/cutoverwindowpanel.cpp" line="65"/>
        <source>suspect</source>
        <translation>verdächtig</translation>
    </message>
    <message>
        <location filename="../ui/monitor/cutoverwindowpanel.cpp" line="72"/>
        <source>not taken</source>
        <translation>nicht gesperrt</translation>
    </message>
    <message>
        <location filename="../ui/monitor/cutoverwindowpanel.cpp" line="73"/>
        <location filename="../ui/monitor/cutoverwindowpanel.cpp" line="393"/>
        <source>%1 ms</source>
        <translation>%1 ms</translation>
    </message>
    <message>
        <location filename="../ui/monitor/cutoverwindowpanel.cpp" line="90"/>
        <location filename="../ui/monitor/cutoverwindowpanel.cpp" line="463"/>
        <location filename="../ui/monitor/cutoverwindowpanel.cpp" line="475"/>
        <source>Cut-over window</source>
        <translation>Umschaltfenster</translation>
    </message>
    <message>
        <location filename="../ui/monitor/cutoverwindowpanel.cpp" line="98"/>
        <location filename="../ui/monitor/cutoverwindowpanel.cpp" line="101"/>
        <source>Session</source>
        <translation>Sitzung</translation>
    </message>
    <message>
        <location filename="../ui/monitor/cutoverwindowpanel.cpp" line="98"/>
        <source>Program</source>
        <translation>Programm</translation>
    </message>
    <message>
        <location filename="../ui/monitor/cutoverwindowpanel.cpp" line="98"/>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../ui/monitor/cutoverwindowpanel.cpp" line="98"/>
        <source>Lock</source>
        <translation>Sperre</translation>
    </message>
    <message>
        <location filename="../ui/monitor/cutoverwindowpanel.cpp" line="98"/>
        <source>Time</source>
        <translation>Zeit</translation>
    </message>
    <message>
        <location filename="../ui/monitor/cutoverwindowpanel.cpp" line="99"/>
        <source>Why it holds the swap back</source>
        <translation>Warum sie den Tausch aufhält</translation>
    </message>
    <message>
        <location filename="../ui/monitor/cutoverwindowpanel.cpp" line="99"/>
        <location filename="../ui/monitor/cutoverwindowpanel.cpp" line="102"/>
        <source>Statement</source>
        <translation>Anweisung</translation>
    </message>
    <message>
        <location filename="../ui/monitor/cutoverwindowpanel.cpp" line="101"/>
        <source>Open for</source>
        <translation>Offen seit</translation>
    </message>
    <message>
        <location filename="../ui/monitor/cutoverwindowpanel.cpp" line="101"/>
        <source>Idle for</source>
        <translation>Untätig seit</translation>
    </message>
    <message>
        <location filename="../ui/monitor/cutoverwindowpanel.cpp" line="101"/>
        <source>State</source>
        <translation>Zustand</translation>
    </message>
    <message>
        <location filename="../ui/monitor/cutoverwindowpanel.cpp" line="102"/>
        <source>Rows locked / modified</source>
        <translation>Zeilen gesperrt / geändert</translation>
    </message>
    <message>
        <location filename="../ui/monitor/cutoverwindowpanel.cpp" line="103"/>
        <source>Cut-over attempts</source>
        <translation>Umschaltversuche</translation>
    </message>
    <message>
        <location filename="../ui/monitor/cutoverwindowpanel.cpp" line="105"/>
        <source>Attempt</source>
        <translation>Versuch</translation>
    </message>
    <message>
        <location filename="../ui/monitor/cutoverwindowpanel.cpp" line="105"/>
        <source>Outcome</source>
        <translation>Ergebnis</translation>
    </message>
    <message>
        <location filename="../ui/monitor/cutoverwindowpanel.cpp" line="105"/>
        <source>Table locked</source>
        <translation>Tabelle gesperrt</translation>
    </message>
    <message>
        <location filename="../ui/monitor/cutoverwindowpanel.cpp" line="105"/>
        <source>Took</source>
        <translation>Dauer</translation>
    </message>
    <message>
        <location filename="../ui/monitor/cutoverwindowpanel.cpp" line="106"/>
        <source>Blocking sessions</source>
        <translation>Blockierende Sitzungen</translation>
    </message>
    <message>
        <location filename="../ui/monitor/cutoverwindowpanel.cpp" line="131"/>
        <source>A better source of lock information on this server, and how to get it.</source>
        <translation>Eine bessere Quelle für Sperrinformationen auf diesem Server und wie Sie sie bekommen.</translation>
    </message>
    <message>
        <location filename="../ui/monitor/cutoverwindowpanel.cpp" line="133"/>
        <source>Sessions on the primary that hold or wait for a metadata lock on the table. The swap needs an exclusive lock: it waits behind every session that holds one.</source>
        <translation>Sitzungen auf dem Primärserver, die eine Metadatensperre auf der Tabelle halten oder auf sie warten. Der Tausch braucht eine exklusive Sperre: Er wartet hinter jeder Sitzung, die eine hält.</translation>
    </message>
    <message>
        <location filename="../ui/monitor/cutoverwindowpanel.cpp" line="141"/>
        <source>Sessions on the table</source>
        <translation>Sitzungen auf der Tabelle</translation>
    </message>
    <message>
        <location filename="../ui/monitor/cutoverwindowpanel.cpp" line="188"/>
        <source>Cut-over window: %1.%2 on %3</source>
        <translation>Umschaltfenster: %1.%2 auf %3</translation>
    </message>
    <message>
        <location filename="../ui/monitor/cutoverwindowpanel.cpp" line="243"/>
        <source>Looking at the primary…</source>
        <translation>Untersuche den Primärserver …</translation>
    </message>
    <message>
        <location filename="../ui/monitor/cutoverwindowpanel.cpp" line="248"/>
        <source>Long transactions</source>
        <translation>Lange Transaktionen</translation>
    </message>
    <message>
        <location filename="../ui/monitor/cutoverwindowpanel.cpp" line="255"/>
        <source>Locks read from %1.</source>
        <translation>Sperren gelesen aus %1.</translation>
    </message>
    <message>
        <location filename="../ui/monitor/cutoverwindowpanel.cpp" line="256"/>
        <source>For a better picture: %1</source>
        <translation>Für ein genaueres Bild: %1</translation>
    </message>
    <message>
        <location filename="../ui/monitor/cutoverwindowpanel.cpp" line="276"/>
        <source>KILL…</source>
        <translation>KILL …</translation>
    </message>
    <message>
        <location filename="../ui/monitor/cutoverwindowpanel.cpp" line="279"/>
        <source>End session %1 (KILL QUERY or KILL CONNECTION; you are asked first).</source>
        <translation>Sitzung %1 beenden (KILL QUERY oder KILL CONNECTION; Sie werden vorher gefragt).</translation>
    </message>
    <message>
        <location filename="../ui/monitor/cutoverwindowpanel.cpp" line="288"/>
        <location filename="../ui/monitor/cutoverwindowpanel.cpp" line="326"/>
        <source>%1 %2@%3</source>
        <translation>%1 %2@%3</translation>
    </message>
    <message>
        <location filename="../ui/monitor/cutoverwindowpanel.cpp" line="293"/>
        <source>Duration: %1</source>
        <translation>Dauer: %1</translation>
    </message>
    <message>
        <location filename="../ui/monitor/cutoverwindowpanel.cpp" line="294"/>
        <source>%1 %2</source>
        <translation>%1 %2</translation>
    </message>
    <message>
        <location filename="../ui/monitor/cutoverwindowpanel.cpp" line="295"/>
        <location filename="../ui/monitor/cutoverwindowpanel.cpp" line="332"/>
        <source>(idle)</source>
        <translation>(untätig)</translation>
    </message>
    <message>
        <location filename="../ui/monitor/cutoverwindowpanel.cpp" line="299"/>
        <source>Holds the swap back</source>
        <translation>Hält den Tausch auf</translation>
    </message>
    <message>
        <location filename="../ui/monitor/cutoverwindowpanel.cpp" line="301"/>
        <source>May hold the table: without a lock source this can&apos;t be seen</source>
        <translation>Hält vielleicht die Tabelle: Ohne Sperrquelle ist das nicht erkennbar</translation>
    </message>
    <message>
        <location filename="../ui/monitor/cutoverwindowpanel.cpp" line="320"/>
        <source>Transactions open longer than %1: %2</source>
        <translation>Transaktionen länger als %1 offen: %2</translation>
    </message>
    <message>
        <location filename="../ui/monitor/cutoverwindowpanel.cpp" line="322"/>
        <source>none</source>
        <translation>keine</translation>
    </message>
    <message>
        <location filename="../ui/monitor/cutoverwindowpanel.cpp" line="328"/>
        <source>running</source>
        <translation>läuft</translation>
    </message>
    <message>
        <location filename="../ui/monitor/cutoverwindowpanel.cpp" line="330"/>
        <source>%1 / %2</source>
        <translation>%1 / %2</translation>
    </message>
    <message>
        <location filename="../ui/monitor/cutoverwindowpanel.cpp" line="351"/>
        <source>Holding the swap back: %1</source>
        <translation>Halten den Tausch auf: %1</translation>
    </message>
    <message>
        <location filename="../ui/monitor/cutoverwindowpanel.cpp" line="352"/>
        <source>Sessions wait for the table, and the holder is not visible</source>
        <translation>Sitzungen warten auf die Tabelle, und wer sie hält, ist nicht zu sehen</translation>
    </message>
    <message>
        <location filename="../ui/monitor/cutoverwindowpanel.cpp" line="353"/>
        <source>No session holds the swap back</source>
        <translation>Keine Sitzung hält den Tausch auf</translation>
    </message>
    <message>
        <location filename="../ui/monitor/cutoverwindowpanel.cpp" line="355"/>
        <source> · waiting: %1</source>
        <translation> · wartend: %1</translation>
    </message>
    <message>
        <location filename="../ui/monitor/cutoverwindowpanel.cpp" line="357"/>
        <source> · suspects: %1</source>
        <translation> · verdächtig: %1</translation>
    </message>
    <message>
        <location filename="../ui/monitor/cutoverwindowpanel.cpp" line="360"/>
        <source>unreadable (%1)</source>
        <translation>nicht lesbar (%1)</translation>
    </message>
    <message>
        <location filename="../ui/monitor/cutoverwindowpanel.cpp" line="361"/>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <location filename="../ui/monitor/cutoverwindowpanel.cpp" line="362"/>
        <source>n/a</source>
        <translation>k. A.</translation>
    </message>
    <message>
        <location filename="../ui/monitor/cutoverwindowpanel.cpp" line="363"/>
        <source>no replica given</source>
        <translation>kein Replikat angegeben</translation>
    </message>
    <message>
        <location filename="../ui/monitor/cutoverwindowpanel.cpp" line="364"/>
        <source>%1 · threads running: %2 · replica lag: %3 · looked at %4</source>
        <translation>%1 · laufende Threads: %2 · Replikatverzögerung: %3 · geprüft um %4</translation>
    </message>
    <message>
        <location filename="../ui/monitor/cutoverwindowpanel.cpp" line="370"/>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <location filename="../ui/monitor/cutoverwindowpanel.cpp" line="387"/>
        <source>running…</source>
        <translation>läuft …</translation>
    </message>
    <message>
        <location filename="../ui/monitor/cutoverwindowpanel.cpp" line="388"/>
        <source>swapped</source>
        <translation>getauscht</translation>
    </message>
    <message>
        <location filename="../ui/monitor/cutoverwindowpanel.cpp" line="389"/>
        <source>failed: %1</source>
        <translation>fehlgeschlagen: %1</translation>
    </message>
    <message>
        <location filename="../ui/monitor/cutoverwindowpanel.cpp" line="415"/>
        <source>&lt;p&gt;End session %1 on the primary?&lt;/p&gt;&lt;p&gt;&lt;small&gt;%2&lt;/small&gt;&lt;/p&gt;&lt;p&gt;%3&lt;/p&gt;&lt;p&gt;&lt;b&gt;KILL QUERY&lt;/b&gt; ends its running statement only: a session that is idle, holds LOCK TABLES or keeps a transaction open keeps its locks. &lt;b&gt;KILL CONNECTION&lt;/b&gt; ends the session: its transaction is rolled back and its locks are released; the application sees an error.&lt;/p&gt;</source>
        <translation>&lt;p&gt;Sitzung %1 auf dem Primärserver beenden?&lt;/p&gt;&lt;p&gt;&lt;small&gt;%2&lt;/small&gt;&lt;/p&gt;&lt;p&gt;%3&lt;/p&gt;&lt;p&gt;&lt;b&gt;KILL QUERY&lt;/b&gt; beendet nur die laufende Anweisung: Eine Sitzung, die untätig ist, LOCK TABLES hält oder eine Transaktion offen hält, behält ihre Sperren. &lt;b&gt;KILL CONNECTION&lt;/b&gt; beendet die Sitzung: Ihre Transaktion wird zurückgerollt und ihre Sperren werden freigegeben; die Anwendung erhält einen Fehler.&lt;/p&gt;</translation>
    </message>
    <message>
        <location filename="../ui/monitor/cutoverwindowpanel.cpp" line="420"/>
        <source>End session %1</source>
        <translation>Sitzung %1 beenden</translation>
    </message>
    <message>
        <location filename="../ui/monitor/cutoverwindowpanel.cpp" line="424"/>
        <source>Sending %1…</source>
        <translation>Sende %1 …</translation>
    </message>
    <message>
        <location filename="../ui/monitor/cutoverwindowpanel.cpp" line="433"/>
        <source>%1: sent. The next look shows whether the table is free.</source>
        <translation>%1: gesendet. Die nächste Prüfung zeigt, ob die Tabelle frei ist.</translation>
    </message>
    <message>
        <location filename="../ui/monitor/cutoverwindowpanel.cpp" line="434"/>
        <source>%1 failed: %2</source>
        <translation>%1 fehlgeschlagen: %2</translation>
    </message>
    <message>
        <location filename="../ui/monitor/cutoverwindowpanel.cpp" line="464"/>
        <source>Connect to a server and choose a table first (New migration, or Migration ▸ Inspect table…).</source>
        <translation>Verbinden Sie sich zuerst mit einem Server und wählen Sie eine Tabelle (Neue Migration oder Migration ▸ Tabelle untersuchen …).</translation>
    </message>
    <message>
        <location filename="../ui/monitor/cutoverwindowpanel.cpp" line="476"/>
        <source>Connect to the server of %1.%2 first (Connections): the panel reads its primary.</source>
        <translation>Verbinden Sie sich zuerst mit dem Server von %1.%2 (Verbindungen): Das Panel liest dessen Primärserver.</translation>
    </message>
    <message>
        <location filename="../ui/monitor/cutoverwindowpanel.cpp" line="483"/>
        <source>Cut-over window: %1.%2</source>
        <translation>Umschaltfenster: %1.%2</translation>
    </message>
</context>
<context>
    <name>ui::HistoryDetailDialog</name>
    <message>
        <location filename="../ui/history/historydetaildialog.cpp" line="41"/>
        <source>%1 ms</source>
        <translation>%1 ms</translation>
    </message>
    <message>
        <location filename="../ui/history/historydetaildialog.cpp" line="43"/>
        <source>%1 s</source>
        <translation>%1 s</translation>
    </message>
    <message>
        <location filename="../ui/history/historydetaildialog.cpp" line="54"/>
        <source>no end recorded (running, or the process died)</source>
        <translation>kein Ende aufgezeichnet (läuft, oder der Prozess ist abgestürzt)</translation>
    </message>
    <message>
        <location filename="../ui/history/historydetaildialog.cpp" line="57"/>
        <source>dry run passed</source>
        <translation>Probelauf bestanden</translation>
    </message>
    <message>
        <location filename="../ui/history/historydetaildialog.cpp" line="58"/>
        <source>done, then reverted in the revert window</source>
        <translation>fertig, dann im Rücksetzfenster zurückgesetzt</translation>
    </message>
    <message>
        <location filename="../ui/history/historydetaildialog.cpp" line="59"/>
        <location filename="../ui/history/historydetaildialog.cpp" line="162"/>
        <source>done</source>
        <translation>fertig</translation>
    </message>
    <message>
        <location filename="../ui/history/historydetaildialog.cpp" line="61"/>
        <source>failed</source>
        <translation>fehlgeschlagen</translation>
    </message>
    <message>
        <location filename="../ui/history/historydetaildialog.cpp" line="63"/>
        <source>aborted</source>
        <translation>abgebrochen</translation>
    </message>
    <message>
        <location filename="../ui/history/historydetaildialog.cpp" line="65"/>
        <source>interrupted</source>
        <translation>unterbrochen</translation>
    </message>
    <message>
        <location filename="../ui/history/historydetaildialog.cpp" line="87"/>
        <source>&amp;Export report…</source>
        <translation>Bericht &amp;exportieren …</translation>
    </message>
    <message>
        <location filename="../ui/history/historydetaildialog.cpp" line="89"/>
        <location filename="../ui/history/historydetaildialog.cpp" line="249"/>
        <source>Export report</source>
        <translation>Bericht exportieren</translation>
    </message>
    <message>
        <location filename="../ui/history/historydetaildialog.cpp" line="90"/>
        <source>HTML report (*.html);;PDF report (*.pdf)</source>
        <translation>HTML-Bericht (*.html);;PDF-Bericht (*.pdf)</translation>
    </message>
    <message>
        <location filename="../ui/history/historydetaildialog.cpp" line="100"/>
        <source>Migration #%1: %2.%3</source>
        <translation>Migration #%1: %2.%3</translation>
    </message>
    <message>
        <location filename="../ui/history/historydetaildialog.cpp" line="109"/>
        <source>&lt;b&gt;%1.%2&lt;/b&gt;: %3&lt;br&gt;Started %4, ended %5, took %6. Inspected server: %7.</source>
        <translation>&lt;b&gt;%1.%2&lt;/b&gt;: %3&lt;br&gt;Gestartet %4, beendet %5, Dauer %6. Untersuchter Server: %7.</translation>
    </message>
    <message>
        <location filename="../ui/history/historydetaildialog.cpp" line="125"/>
        <source>Outcome and figures</source>
        <translation>Ergebnis und Kennzahlen</translation>
    </message>
    <message>
        <location filename="../ui/history/historydetaildialog.cpp" line="126"/>
        <source>Phases</source>
        <translation>Phasen</translation>
    </message>
    <message>
        <location filename="../ui/history/historydetaildialog.cpp" line="127"/>
        <source>Throttling</source>
        <translation>Drosselung</translation>
    </message>
    <message>
        <location filename="../ui/history/historydetaildialog.cpp" line="128"/>
        <source>What ran</source>
        <translation>Was lief</translation>
    </message>
    <message>
        <location filename="../ui/history/historydetaildialog.cpp" line="153"/>
        <location filename="../ui/history/historydetaildialog.cpp" line="154"/>
        <source>Outcome</source>
        <translation>Ergebnis</translation>
    </message>
    <message>
        <location filename="../ui/history/historydetaildialog.cpp" line="156"/>
        <source>Why</source>
        <translation>Grund</translation>
    </message>
    <message>
        <location filename="../ui/history/historydetaildialog.cpp" line="158"/>
        <source>Original table</source>
        <translation>Originaltabelle</translation>
    </message>
    <message>
        <location filename="../ui/history/historydetaildialog.cpp" line="158"/>
        <source>untouched</source>
        <translation>unverändert</translation>
    </message>
    <message>
        <location filename="../ui/history/historydetaildialog.cpp" line="158"/>
        <source>already swapped</source>
        <translation>bereits getauscht</translation>
    </message>
    <message>
        <location filename="../ui/history/historydetaildialog.cpp" line="160"/>
        <source>Verification</source>
        <translation>Verifizierung</translation>
    </message>
    <message>
        <location filename="../ui/history/historydetaildialog.cpp" line="161"/>
        <source>Checksum of original against ghost</source>
        <translation>Prüfsumme Original gegen neue Tabelle</translation>
    </message>
    <message>
        <location filename="../ui/history/historydetaildialog.cpp" line="161"/>
        <source>disabled</source>
        <translation>deaktiviert</translation>
    </message>
    <message>
        <location filename="../ui/history/historydetaildialog.cpp" line="163"/>
        <source>not done</source>
        <translation>nicht durchgeführt</translation>
    </message>
    <message>
        <location filename="../ui/history/historydetaildialog.cpp" line="165"/>
        <source>Result</source>
        <translation>Resultat</translation>
    </message>
    <message>
        <location filename="../ui/history/historydetaildialog.cpp" line="166"/>
        <source>Time</source>
        <translation>Zeit</translation>
    </message>
    <message>
        <location filename="../ui/history/historydetaildialog.cpp" line="167"/>
        <source>Cut-over</source>
        <translation>Umschaltung</translation>
    </message>
    <message>
        <location filename="../ui/history/historydetaildialog.cpp" line="168"/>
        <source>Type</source>
        <translation>Art</translation>
    </message>
    <message>
        <location filename="../ui/history/historydetaildialog.cpp" line="169"/>
        <source>Attempts</source>
        <translation>Versuche</translation>
    </message>
    <message>
        <location filename="../ui/history/historydetaildialog.cpp" line="170"/>
        <source>Application writes waited</source>
        <translation>Wartezeit der Schreibzugriffe</translation>
    </message>
    <message>
        <location filename="../ui/history/historydetaildialog.cpp" line="172"/>
        <source>Attempt %1 failed</source>
        <translation>Versuch %1 fehlgeschlagen</translation>
    </message>
    <message>
        <location filename="../ui/history/historydetaildialog.cpp" line="174"/>
        <source>Blocked by</source>
        <translation>Blockiert durch</translation>
    </message>
    <message>
        <location filename="../ui/history/historydetaildialog.cpp" line="175"/>
        <source>Figures</source>
        <translation>Kennzahlen</translation>
    </message>
    <message>
        <location filename="../ui/history/historydetaildialog.cpp" line="176"/>
        <source>Rows copied</source>
        <translation>Kopierte Zeilen</translation>
    </message>
    <message>
        <location filename="../ui/history/historydetaildialog.cpp" line="177"/>
        <source>Binlog changes applied</source>
        <translation>Angewendete Binlog-Änderungen</translation>
    </message>
    <message>
        <location filename="../ui/history/historydetaildialog.cpp" line="178"/>
        <source>Copy time</source>
        <translation>Kopierdauer</translation>
    </message>
    <message>
        <location filename="../ui/history/historydetaildialog.cpp" line="179"/>
        <source>Average copy rate</source>
        <translation>Mittlere Kopierrate</translation>
    </message>
    <message>
        <location filename="../ui/history/historydetaildialog.cpp" line="179"/>
        <source>%1 rows/s</source>
        <translation>%1 Zeilen/s</translation>
    </message>
    <message>
        <location filename="../ui/history/historydetaildialog.cpp" line="180"/>
        <source>Total time</source>
        <translation>Gesamtdauer</translation>
    </message>
    <message>
        <location filename="../ui/history/historydetaildialog.cpp" line="181"/>
        <source>Peak binlog stream lag</source>
        <translation>Höchste Verzögerung des Binlog-Stroms</translation>
    </message>
    <message>
        <location filename="../ui/history/historydetaildialog.cpp" line="182"/>
        <location filename="../ui/history/historydetaildialog.cpp" line="185"/>
        <source>not measured</source>
        <translation>nicht gemessen</translation>
    </message>
    <message>
        <location filename="../ui/history/historydetaildialog.cpp" line="184"/>
        <source>Peak replica lag</source>
        <translation>Höchste Replikatverzögerung</translation>
    </message>
    <message>
        <location filename="../ui/history/historydetaildialog.cpp" line="186"/>
        <source>Peak backlog</source>
        <translation>Höchster Rückstand</translation>
    </message>
    <message>
        <location filename="../ui/history/historydetaildialog.cpp" line="187"/>
        <source>Old table</source>
        <translation>Alte Tabelle</translation>
    </message>
    <message>
        <location filename="../ui/history/historydetaildialog.cpp" line="187"/>
        <source>dropped or none</source>
        <translation>gelöscht oder keine</translation>
    </message>
    <message>
        <location filename="../ui/history/historydetaildialog.cpp" line="193"/>
        <source>Phase</source>
        <translation>Phase</translation>
    </message>
    <message>
        <location filename="../ui/history/historydetaildialog.cpp" line="193"/>
        <location filename="../ui/history/historydetaildialog.cpp" line="217"/>
        <source>From</source>
        <translation>Von</translation>
    </message>
    <message>
        <location filename="../ui/history/historydetaildialog.cpp" line="193"/>
        <location filename="../ui/history/historydetaildialog.cpp" line="217"/>
        <source>To</source>
        <translation>Bis</translation>
    </message>
    <message>
        <location filename="../ui/history/historydetaildialog.cpp" line="193"/>
        <source>Time in phase</source>
        <translation>Zeit in der Phase</translation>
    </message>
    <message>
        <location filename="../ui/history/historydetaildialog.cpp" line="217"/>
        <source>Length</source>
        <translation>Dauer</translation>
    </message>
    <message>
        <location filename="../ui/history/historydetaildialog.cpp" line="217"/>
        <source>Reason</source>
        <translation>Grund</translation>
    </message>
    <message>
        <location filename="../ui/history/historydetaildialog.cpp" line="222"/>
        <source>(not recorded)</source>
        <translation>(nicht aufgezeichnet)</translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/history/historydetaildialog.cpp" line="223"/>
        <source>Throttled for %1 in %n episode(s).</source>
        <translation>
            <numerusform>Gedrosselt: %1 in %n Episode.</numerusform>
            <numerusform>Gedrosselt: %1 in %n Episoden.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/history/historydetaildialog.cpp" line="226"/>
        <source>Derived from the samples (this run was recorded before episodes were): shorter episodes may be missing.</source>
        <translation>Aus den Messpunkten abgeleitet (dieser Lauf wurde aufgezeichnet, bevor Episoden erfasst wurden): Kürzere Episoden fehlen möglicherweise.</translation>
    </message>
    <message>
        <location filename="../ui/history/historydetaildialog.cpp" line="237"/>
        <source>Report written to %1</source>
        <translation>Bericht nach %1 geschrieben</translation>
    </message>
    <message>
        <location filename="../ui/history/historydetaildialog.cpp" line="249"/>
        <source>The report could not be written: %1</source>
        <translation>Der Bericht konnte nicht geschrieben werden: %1</translation>
    </message>
</context>
<context>
    <name>ui::HistoryPage</name>
    <message>
        <location filename="../ui/history/historypage.cpp" line="30"/>
        <source>running or crashed</source>
        <translation>läuft oder abgestürzt</translation>
    </message>
    <message>
        <location filename="../ui/history/historypage.cpp" line="33"/>
        <source>dry run</source>
        <translation>Probelauf</translation>
    </message>
    <message>
        <location filename="../ui/history/historypage.cpp" line="35"/>
        <source>done (reverted)</source>
        <translation>fertig (zurückgesetzt)</translation>
    </message>
    <message>
        <location filename="../ui/history/historypage.cpp" line="36"/>
        <source>done (resumed)</source>
        <translation>fertig (fortgesetzt)</translation>
    </message>
    <message>
        <location filename="../ui/history/historypage.cpp" line="39"/>
        <source>interrupted</source>
        <translation>unterbrochen</translation>
    </message>
    <message>
        <location filename="../ui/history/historypage.cpp" line="48"/>
        <source>running in this console</source>
        <translation>läuft in dieser Konsole</translation>
    </message>
    <message>
        <location filename="../ui/history/historypage.cpp" line="49"/>
        <source>no end recorded — the process may have crashed</source>
        <translation>kein Ende aufgezeichnet – der Prozess ist vielleicht abgestürzt</translation>
    </message>
    <message>
        <location filename="../ui/history/historypage.cpp" line="53"/>
        <source>reverted to the old schema in the revert window; the table with the new schema is kept as %1</source>
        <translation>im Rücksetzfenster auf das alte Schema zurückgesetzt; die Tabelle mit dem neuen Schema bleibt als %1 erhalten</translation>
    </message>
    <message>
        <location filename="../ui/history/historypage.cpp" line="57"/>
        <source>%1 rows copied, %2 changes applied, swap blocked writes %3 ms</source>
        <translation>%1 Zeilen kopiert, %2 Änderungen angewendet, der Tausch blockierte Schreibzugriffe %3 ms</translation>
    </message>
    <message>
        <location filename="../ui/history/historypage.cpp" line="84"/>
        <source>&amp;Details…</source>
        <translation>&amp;Details …</translation>
    </message>
    <message>
        <location filename="../ui/history/historypage.cpp" line="91"/>
        <source>Table</source>
        <translation>Tabelle</translation>
    </message>
    <message>
        <location filename="../ui/history/historypage.cpp" line="91"/>
        <source>Outcome</source>
        <translation>Ergebnis</translation>
    </message>
    <message>
        <location filename="../ui/history/historypage.cpp" line="91"/>
        <source>Duration</source>
        <translation>Dauer</translation>
    </message>
    <message>
        <location filename="../ui/history/historypage.cpp" line="91"/>
        <source>Details</source>
        <translation>Details</translation>
    </message>
    <message>
        <location filename="../ui/history/historypage.cpp" line="91"/>
        <source>Started</source>
        <translation>Gestartet</translation>
    </message>
    <message>
        <location filename="../ui/history/historypage.cpp" line="97"/>
        <source>The selected migration&apos;s charts, figures, phases and command line, and its report to export (also: double-click the row).</source>
        <translation>Diagramme, Kennzahlen, Phasen und Befehlszeile der gewählten Migration sowie ihr Bericht zum Exportieren (auch: Doppelklick auf die Zeile).</translation>
    </message>
    <message>
        <location filename="../ui/history/historypage.cpp" line="117"/>
        <source>Migrations are recorded in %1.</source>
        <translation>Migrationen werden in %1 aufgezeichnet.</translation>
    </message>
    <message>
        <location filename="../ui/history/historypage.cpp" line="120"/>
        <source>&lt;b&gt;Not recorded.&lt;/b&gt; The history journal could not be opened: %1</source>
        <translation>&lt;b&gt;Nicht aufgezeichnet.&lt;/b&gt; Das Verlaufsjournal konnte nicht geöffnet werden: %1</translation>
    </message>
    <message>
        <location filename="../ui/history/historypage.cpp" line="162"/>
        <source>no end recorded; a later run of this table took over</source>
        <translation>kein Ende aufgezeichnet; ein späterer Lauf dieser Tabelle hat übernommen</translation>
    </message>
    <message>
        <location filename="../ui/history/historypage.cpp" line="163"/>
        <source>a later run of this table took over</source>
        <translation>ein späterer Lauf dieser Tabelle hat übernommen</translation>
    </message>
    <message>
        <location filename="../ui/history/historypage.cpp" line="197"/>
        <source>Resume…</source>
        <translation>Fortsetzen…</translation>
    </message>
    <message>
        <location filename="../ui/history/historypage.cpp" line="202"/>
        <source>A migration is running in this console; resume when it has ended.</source>
        <translation>In dieser Konsole läuft eine Migration; setzen Sie fort, wenn sie beendet ist.</translation>
    </message>
    <message>
        <location filename="../ui/history/historypage.cpp" line="203"/>
        <source>Continue this migration from its last checkpoint instead of starting over. You are asked to confirm first.</source>
        <translation>Diese Migration ab ihrem letzten Prüfpunkt fortsetzen, statt von vorn zu beginnen. Sie werden zuerst um Bestätigung gebeten.</translation>
    </message>
    <message>
        <location filename="../ui/history/historypage.cpp" line="36"/>
        <source>done</source>
        <translation>fertig</translation>
    </message>
    <message>
        <location filename="../ui/history/historypage.cpp" line="38"/>
        <source>aborted</source>
        <translation>abgebrochen</translation>
    </message>
    <message>
        <location filename="../ui/history/historypage.cpp" line="37"/>
        <source>failed</source>
        <translation>fehlgeschlagen</translation>
    </message>
</context>
<context>
    <name>ui::LogModel</name>
    <message>
        <location filename="../ui/shared/logmodel.cpp" line="35"/>
        <source>trace</source>
        <translation>Ablauf</translation>
    </message>
    <message>
        <location filename="../ui/shared/logmodel.cpp" line="36"/>
        <source>debug</source>
        <translation>Debug</translation>
    </message>
    <message>
        <location filename="../ui/shared/logmodel.cpp" line="37"/>
        <source>info</source>
        <translation>Info</translation>
    </message>
    <message>
        <location filename="../ui/shared/logmodel.cpp" line="38"/>
        <source>warning</source>
        <translation>Warnung</translation>
    </message>
    <message>
        <location filename="../ui/shared/logmodel.cpp" line="39"/>
        <source>error</source>
        <translation>Fehler</translation>
    </message>
    <message>
        <location filename="../ui/shared/logmodel.cpp" line="40"/>
        <source>critical</source>
        <translation>kritisch</translation>
    </message>
</context>
<context>
    <name>ui::MainWindow</name>
    <message>
        <location filename="../ui/mainwindow.cpp" line="68"/>
        <source>Shadowswap</source>
        <translation>Shadowswap</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="73"/>
        <source>Connections</source>
        <translation>Verbindungen</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="74"/>
        <source>New migration</source>
        <translation>Neue Migration</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="75"/>
        <source>Preflight</source>
        <translation>Vorabprüfung</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="76"/>
        <source>Monitor</source>
        <translation>Überwachung</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="77"/>
        <source>History</source>
        <translation>Verlauf</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="78"/>
        <source>Migrations</source>
        <translation>Migrationen</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="97"/>
        <source>Connected to %1</source>
        <translation>Verbunden mit %1</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="101"/>
        <source>Connection failed</source>
        <translation>Verbindung fehlgeschlagen</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="133"/>
        <source>reverted to the old schema</source>
        <translation>auf das alte Schema zurückgesetzt</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="140"/>
        <source>failed (%1)</source>
        <translation>fehlgeschlagen (%1)</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="149"/>
        <source>Preflight blocked the migration; nothing was changed. See the findings.</source>
        <translation>Die Vorabprüfung hat die Migration blockiert; nichts wurde geändert. Siehe die Befunde.</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="168"/>
        <source>&amp;File</source>
        <translation>&amp;Datei</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="169"/>
        <source>&amp;Connect…</source>
        <translation>&amp;Verbinden …</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="170"/>
        <source>Ctrl+K</source>
        <translation>Ctrl+K</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="172"/>
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="175"/>
        <source>&amp;Migration</source>
        <translation>&amp;Migration</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="176"/>
        <source>&amp;Inspect table…</source>
        <translation>Tabelle &amp;untersuchen …</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="178"/>
        <source>Ctrl+I</source>
        <translation>Ctrl+I</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="180"/>
        <source>Cut-over &amp;window…</source>
        <translation>Umschalt&amp;fenster …</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="182"/>
        <source>&amp;Dry run</source>
        <translation>&amp;Probelauf</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="186"/>
        <source>Ctrl+D</source>
        <translation>Ctrl+D</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="187"/>
        <source>&amp;Start migration</source>
        <translation>Migration &amp;starten</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="188"/>
        <source>Ctrl+Return</source>
        <translation>Ctrl+Return</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="189"/>
        <source>Attach to a running &amp;migration…</source>
        <translation>An laufende &amp;Migration anhängen …</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="192"/>
        <source>Ctrl+Shift+W</source>
        <translation>Ctrl+Shift+W</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="194"/>
        <source>&amp;Throttle / Resume</source>
        <translation>&amp;Drosseln / Fortsetzen</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="198"/>
        <source>Ctrl+Shift+T</source>
        <translation>Ctrl+Shift+T</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="199"/>
        <source>&amp;Abort…</source>
        <translation>&amp;Abbrechen …</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="201"/>
        <source>Ctrl+Shift+A</source>
        <translation>Ctrl+Shift+A</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="204"/>
        <source>&amp;View</source>
        <translation>&amp;Ansicht</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="210"/>
        <source>&amp;Help</source>
        <translation>&amp;Hilfe</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="211"/>
        <source>&amp;About Shadowswap</source>
        <translation>Ü&amp;ber Shadowswap</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="212"/>
        <source>About Shadowswap</source>
        <translation>Über Shadowswap</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="213"/>
        <source>&lt;b&gt;Shadowswap %1&lt;/b&gt;&lt;p&gt;Online schema changes for live MySQL and MariaDB tables: the new table is built and kept in sync from the binlog, then swapped in atomically.&lt;/p&gt;&lt;p&gt;License: GPL-3.0-or-later.&lt;/p&gt;</source>
        <translation>&lt;b&gt;Shadowswap %1&lt;/b&gt;&lt;p&gt;Online-Schemaänderungen für laufende MySQL- und MariaDB-Tabellen: Die neue Tabelle wird aufgebaut, über das Binlog synchron gehalten und dann atomar eingetauscht.&lt;/p&gt;&lt;p&gt;Lizenz: GPL-3.0-or-later.&lt;/p&gt;</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="218"/>
        <source>About &amp;Qt</source>
        <translation>Über &amp;Qt</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="220"/>
        <source>Main</source>
        <translation>Haupt</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="234"/>
        <source>Connected: %1</source>
        <translation>Verbunden: %1</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="235"/>
        <source>Not connected</source>
        <translation>Nicht verbunden</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="241"/>
        <location filename="../ui/mainwindow.cpp" line="244"/>
        <source>Migration: %1</source>
        <translation>Migration: %1</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="253"/>
        <source>--demo: no sandbox in the environment (run scripts/demo)</source>
        <translation>--demo: keine Sandbox in der Umgebung (scripts/demo ausführen)</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="273"/>
        <location filename="../ui/mainwindow.cpp" line="277"/>
        <source>Start migration</source>
        <translation>Migration starten</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="278"/>
        <source>Preflight found blocking problems: %1.

Fix them and re-run preflight, or override them one by one on the Preflight page.</source>
        <translation>Die Vorabprüfung hat blockierende Probleme gefunden: %1.

Beheben Sie sie und prüfen Sie erneut, oder übergehen Sie sie einzeln auf der Seite „Vorabprüfung“.</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="294"/>
        <source>Not started: the review was cancelled.</source>
        <translation>Nicht gestartet: Die Überprüfung wurde abgebrochen.</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="305"/>
        <source>Connect to a server first.</source>
        <translation>Verbinden Sie sich zuerst mit einem Server.</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="446"/>
        <source>Keep it running and minimize the window, or abort it safely: the helper tables are dropped and the original table stays untouched. Watched migrations keep running in their own processes either way.</source>
        <translation>Lassen Sie sie weiterlaufen und minimieren Sie das Fenster, oder brechen Sie sie sicher ab: Die Hilfstabellen werden gelöscht und die Originaltabelle bleibt unverändert. Beobachtete Migrationen laufen in jedem Fall in ihren eigenen Prozessen weiter.</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="59"/>
        <source>Inspect table</source>
        <translation>Tabelle untersuchen</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="60"/>
        <source>Table to inspect (schema.table):</source>
        <translation>Zu untersuchende Tabelle (schema.tabelle):</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="350"/>
        <location filename="../ui/mainwindow.cpp" line="354"/>
        <source>Watch: %1</source>
        <translation>Beobachtung: %1</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="363"/>
        <source>this machine</source>
        <translation>dieser Rechner</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="386"/>
        <source>Connect to a server first: discovery reads its helper tables.</source>
        <translation>Verbinden Sie sich zuerst mit einem Server: Die Suche liest dessen Hilfstabellen.</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="427"/>
        <source>Migrations are being watched</source>
        <translation>Migrationen werden beobachtet</translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/mainwindow.cpp" line="428"/>
        <source>&lt;p&gt;The console watches %n migration(s):&lt;/p&gt;</source>
        <translation>
            <numerusform>&lt;p&gt;Die Konsole beobachtet %n Migration:&lt;/p&gt;</numerusform>
            <numerusform>&lt;p&gt;Die Konsole beobachtet %n Migrationen:&lt;/p&gt;</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="430"/>
        <source>They keep running in their own processes when the console closes.</source>
        <translation>Sie laufen in ihren eigenen Prozessen weiter, wenn die Konsole geschlossen wird.</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="431"/>
        <source>&amp;Stop watching and quit</source>
        <translation>&amp;Beobachtung beenden und schließen</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="441"/>
        <source>A migration is running</source>
        <translation>Eine Migration läuft</translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/mainwindow.cpp" line="442"/>
        <source>&lt;p&gt;%n migration(s) are running:&lt;/p&gt;</source>
        <translation>
            <numerusform>&lt;p&gt;%n Migration läuft:&lt;/p&gt;</numerusform>
            <numerusform>&lt;p&gt;%n Migrationen laufen:&lt;/p&gt;</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="443"/>
        <source>The migration of %1.%2 is still running.</source>
        <translation>Die Migration von %1.%2 läuft noch.</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="449"/>
        <source>&amp;Keep running (minimize)</source>
        <translation>&amp;Weiterlaufen lassen (minimieren)</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="450"/>
        <source>&amp;Abort safely and quit</source>
        <translation>Sicher &amp;abbrechen und beenden</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="459"/>
        <source>Aborting; the window closes when the helper tables are gone…</source>
        <translation>Breche ab; das Fenster schließt sich, sobald die Hilfstabellen entfernt sind …</translation>
    </message>
</context>
<context>
    <name>ui::MigrationListModel</name>
    <message>
        <location filename="../ui/watch/migrationlistmodel.cpp" line="32"/>
        <source>Table</source>
        <translation>Tabelle</translation>
    </message>
    <message>
        <location filename="../ui/watch/migrationlistmodel.cpp" line="34"/>
        <source>Server</source>
        <translation>Server</translation>
    </message>
    <message>
        <location filename="../ui/watch/migrationlistmodel.cpp" line="36"/>
        <source>Engine</source>
        <translation>Engine</translation>
    </message>
    <message>
        <location filename="../ui/watch/migrationlistmodel.cpp" line="38"/>
        <source>Watched through</source>
        <translation>Beobachtet über</translation>
    </message>
    <message>
        <location filename="../ui/watch/migrationlistmodel.cpp" line="40"/>
        <source>State</source>
        <translation>Zustand</translation>
    </message>
    <message>
        <location filename="../ui/watch/migrationlistmodel.cpp" line="42"/>
        <source>Progress</source>
        <translation>Fortschritt</translation>
    </message>
    <message>
        <location filename="../ui/watch/migrationlistmodel.cpp" line="44"/>
        <source>ETA</source>
        <translation>Restzeit</translation>
    </message>
    <message>
        <location filename="../ui/watch/migrationlistmodel.cpp" line="46"/>
        <source>Lag</source>
        <translation>Verzögerung</translation>
    </message>
    <message>
        <location filename="../ui/watch/migrationlistmodel.cpp" line="48"/>
        <source>Throttled</source>
        <translation>Gedrosselt</translation>
    </message>
    <message>
        <location filename="../ui/watch/migrationlistmodel.cpp" line="50"/>
        <source>Cut-over</source>
        <translation>Umschaltung</translation>
    </message>
    <message>
        <location filename="../ui/watch/migrationlistmodel.cpp" line="199"/>
        <source>%1.%2 on %3 (run by this console)</source>
        <translation>%1.%2 auf %3 (von dieser Konsole ausgeführt)</translation>
    </message>
    <message>
        <location filename="../ui/watch/migrationlistmodel.cpp" line="201"/>
        <source>%1 on %2 (%3, watched; it keeps running)</source>
        <translation>%1 auf %2 (%3, beobachtet; läuft weiter)</translation>
    </message>
    <message>
        <location filename="../ui/watch/migrationlistmodel.cpp" line="214"/>
        <source>Recorded in the history journal. Double-click for its report.</source>
        <translation>Im Verlaufsjournal festgehalten. Doppelklick öffnet ihren Bericht.</translation>
    </message>
    <message>
        <location filename="../ui/watch/migrationlistmodel.cpp" line="216"/>
        <source>No answer: %1</source>
        <translation>Keine Antwort: %1</translation>
    </message>
    <message>
        <location filename="../ui/watch/migrationlistmodel.cpp" line="218"/>
        <source>The age of its newest heartbeat, by the server&apos;s clock</source>
        <translation>Alter ihres neuesten Heartbeats, nach der Uhr des Servers</translation>
    </message>
    <message>
        <location filename="../ui/watch/migrationlistmodel.cpp" line="235"/>
        <source>history, started %1</source>
        <translation>Verlauf, begonnen %1</translation>
    </message>
    <message>
        <location filename="../ui/watch/migrationlistmodel.cpp" line="236"/>
        <source>history, started %1, took %2</source>
        <translation>Verlauf, begonnen %1, Dauer %2</translation>
    </message>
    <message>
        <location filename="../ui/watch/migrationlistmodel.cpp" line="260"/>
        <source>discovered (double-click to watch)</source>
        <translation>gefunden (Doppelklick zum Beobachten)</translation>
    </message>
    <message>
        <location filename="../ui/watch/migrationlistmodel.cpp" line="262"/>
        <source>unknown</source>
        <translation>unbekannt</translation>
    </message>
    <message>
        <location filename="../ui/watch/migrationlistmodel.cpp" line="266"/>
        <source>no heartbeat</source>
        <translation>kein Heartbeat</translation>
    </message>
    <message>
        <location filename="../ui/watch/migrationlistmodel.cpp" line="280"/>
        <source>due</source>
        <translation>fällig</translation>
    </message>
    <message>
        <location filename="../ui/watch/migrationlistmodel.cpp" line="300"/>
        <source>this console</source>
        <translation>diese Konsole</translation>
    </message>
    <message>
        <location filename="../ui/watch/migrationlistmodel.cpp" line="304"/>
        <source>%1 (no answer)</source>
        <translation>%1 (keine Antwort)</translation>
    </message>
    <message>
        <location filename="../ui/watch/migrationlistmodel.cpp" line="308"/>
        <source>no answer</source>
        <translation>keine Antwort</translation>
    </message>
    <message>
        <location filename="../ui/watch/migrationlistmodel.cpp" line="308"/>
        <source>connecting</source>
        <translation>verbinde</translation>
    </message>
    <message>
        <location filename="../ui/watch/migrationlistmodel.cpp" line="317"/>
        <source>yes</source>
        <translation>ja</translation>
    </message>
    <message>
        <location filename="../ui/watch/migrationlistmodel.cpp" line="319"/>
        <source>postponed</source>
        <translation>aufgeschoben</translation>
    </message>
</context>
<context>
    <name>ui::MigrationsPage</name>
    <message>
        <location filename="../ui/watch/migrationspage.cpp" line="32"/>
        <source>&amp;Find migrations on the server</source>
        <translation>Migrationen auf dem Server &amp;finden</translation>
    </message>
    <message>
        <location filename="../ui/watch/migrationspage.cpp" line="46"/>
        <source>List the migrations in progress on the connected server from their helper tables (_T_ghc with a fresh heartbeat): gh-ost&apos;s and Shadowswap&apos;s.</source>
        <translation>Die laufenden Migrationen auf dem verbundenen Server anhand ihrer Hilfstabellen auflisten (_T_ghc mit frischem Heartbeat): die von gh-ost und die von Shadowswap.</translation>
    </message>
    <message>
        <location filename="../ui/watch/migrationspage.cpp" line="49"/>
        <source>&amp;Attach to a running migration…</source>
        <translation>An laufende Migration &amp;anhängen …</translation>
    </message>
    <message>
        <location filename="../ui/watch/migrationspage.cpp" line="30"/>
        <source>&amp;Past migrations (history)</source>
        <translation>&amp;Frühere Migrationen (Verlauf)</translation>
    </message>
    <message>
        <location filename="../ui/watch/migrationspage.cpp" line="58"/>
        <source>List the migrations the history journal holds (this console&apos;s and shadowswap-cli&apos;s on this machine) after the live ones.</source>
        <translation>Listet nach den laufenden die Migrationen aus dem Verlaufsjournal (die dieser Konsole und die von shadowswap-cli auf diesem Rechner).</translation>
    </message>
    <message>
        <location filename="../ui/watch/migrationspage.cpp" line="62"/>
        <source>Every migration this console runs, watches through a control socket, or found on a server, then the past ones. Double-click one to open its monitor, or a past one&apos;s report.</source>
        <translation>Jede Migration, die diese Konsole ausführt, über einen Steuer-Socket beobachtet oder auf einem Server gefunden hat, danach die früheren. Doppelklick öffnet ihren Monitor, bei einer früheren ihren Bericht.</translation>
    </message>
    <message>
        <location filename="../ui/watch/migrationspage.cpp" line="105"/>
        <source>Reading the helper tables on %1…</source>
        <translation>Lese die Hilfstabellen auf %1 …</translation>
    </message>
    <message>
        <location filename="../ui/watch/migrationspage.cpp" line="121"/>
        <source>Could not read the helper tables on %1: %2</source>
        <translation>Die Hilfstabellen auf %1 konnten nicht gelesen werden: %2</translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/watch/migrationspage.cpp" line="134"/>
        <source>%n migration(s) in progress on %1 (a heartbeat in the last %2 s).</source>
        <translation>
            <numerusform>%n laufende Migration auf %1 (ein Heartbeat in den letzten %2 s).</numerusform>
            <numerusform>%n laufende Migrationen auf %1 (ein Heartbeat in den letzten %2 s).</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/watch/migrationspage.cpp" line="138"/>
        <source>Helper tables without a fresh heartbeat (a run that stopped; drop them when you are sure): %1</source>
        <translation>Hilfstabellen ohne frischen Heartbeat (ein beendeter Lauf; löschen Sie sie, wenn Sie sicher sind): %1</translation>
    </message>
</context>
<context>
    <name>ui::MonitorCharts</name>
    <message>
        <location filename="../ui/monitor/monitorcharts.cpp" line="58"/>
        <location filename="../ui/monitor/monitorcharts.cpp" line="193"/>
        <source>Copy progress</source>
        <translation>Kopierfortschritt</translation>
    </message>
    <message>
        <location filename="../ui/monitor/monitorcharts.cpp" line="58"/>
        <source>%</source>
        <translation>%</translation>
    </message>
    <message>
        <location filename="../ui/monitor/monitorcharts.cpp" line="59"/>
        <source>Rates</source>
        <translation>Raten</translation>
    </message>
    <message>
        <location filename="../ui/monitor/monitorcharts.cpp" line="59"/>
        <source>per second</source>
        <translation>pro Sekunde</translation>
    </message>
    <message>
        <location filename="../ui/monitor/monitorcharts.cpp" line="60"/>
        <source>Lag</source>
        <translation>Verzögerung</translation>
    </message>
    <message>
        <location filename="../ui/monitor/monitorcharts.cpp" line="60"/>
        <source>seconds</source>
        <translation>Sekunden</translation>
    </message>
    <message>
        <location filename="../ui/monitor/monitorcharts.cpp" line="61"/>
        <source>Backlog</source>
        <translation>Rückstand</translation>
    </message>
    <message>
        <location filename="../ui/monitor/monitorcharts.cpp" line="61"/>
        <source>changed keys</source>
        <translation>geänderte Schlüssel</translation>
    </message>
    <message>
        <location filename="../ui/monitor/monitorcharts.cpp" line="68"/>
        <source>copied</source>
        <translation>kopiert</translation>
    </message>
    <message>
        <location filename="../ui/monitor/monitorcharts.cpp" line="71"/>
        <source>copy rows/s</source>
        <translation>Kopieren Zeilen/s</translation>
    </message>
    <message>
        <location filename="../ui/monitor/monitorcharts.cpp" line="72"/>
        <source>apply events/s</source>
        <translation>Anwenden Ereignisse/s</translation>
    </message>
    <message>
        <location filename="../ui/monitor/monitorcharts.cpp" line="73"/>
        <source>binlog stream</source>
        <translation>Binlog-Strom</translation>
    </message>
    <message>
        <location filename="../ui/monitor/monitorcharts.cpp" line="223"/>
        <source>replica</source>
        <translation>Replikat</translation>
    </message>
    <message>
        <location filename="../ui/monitor/monitorcharts.cpp" line="386"/>
        <source>%1: lag unreadable: %2</source>
        <translation>%1: Verzögerung nicht lesbar: %2</translation>
    </message>
    <message>
        <location filename="../ui/monitor/monitorcharts.cpp" line="74"/>
        <source>backlog</source>
        <translation>Rückstand</translation>
    </message>
    <message>
        <location filename="../ui/monitor/monitorcharts.cpp" line="91"/>
        <source>throttled</source>
        <translation>gedrosselt</translation>
    </message>
    <message>
        <location filename="../ui/monitor/monitorcharts.cpp" line="210"/>
        <source>Copy progress: %1 of %2 rows</source>
        <translation>Kopierfortschritt: %1 von %2 Zeilen</translation>
    </message>
    <message>
        <location filename="../ui/monitor/monitorcharts.cpp" line="276"/>
        <source>%1 (unreadable)</source>
        <translation>%1 (nicht lesbar)</translation>
    </message>
    <message>
        <location filename="../ui/monitor/monitorcharts.cpp" line="376"/>
        <source>Throttled: %1</source>
        <translation>Gedrosselt: %1</translation>
    </message>
    <message>
        <location filename="../ui/monitor/monitorcharts.cpp" line="243"/>
        <location filename="../ui/monitor/monitorcharts.cpp" line="376"/>
        <source>(no reason given)</source>
        <translation>(kein Grund angegeben)</translation>
    </message>
</context>
<context>
    <name>ui::MonitorPage</name>
    <message>
        <location filename="../ui/monitor/monitorpage.cpp" line="48"/>
        <source>No migration is running. Start one from &quot;New migration&quot;.</source>
        <translation>Es läuft keine Migration. Starten Sie eine unter „Neue Migration“.</translation>
    </message>
    <message>
        <location filename="../ui/monitor/monitorpage.cpp" line="52"/>
        <location filename="../ui/monitor/monitorpage.cpp" line="185"/>
        <location filename="../ui/monitor/monitorpage.cpp" line="240"/>
        <source>&amp;Throttle</source>
        <translation>&amp;Drosseln</translation>
    </message>
    <message>
        <location filename="../ui/monitor/monitorpage.cpp" line="53"/>
        <location filename="../ui/monitor/monitorpage.cpp" line="219"/>
        <source>&amp;Postpone cut-over</source>
        <translation>Umschaltung &amp;aufschieben</translation>
    </message>
    <message>
        <location filename="../ui/monitor/monitorpage.cpp" line="54"/>
        <source>&amp;Cut over now…</source>
        <translation>Jetzt &amp;umschalten …</translation>
    </message>
    <message>
        <location filename="../ui/monitor/monitorpage.cpp" line="55"/>
        <source>&amp;Abort…</source>
        <translation>&amp;Abbrechen …</translation>
    </message>
    <message>
        <location filename="../ui/monitor/monitorpage.cpp" line="95"/>
        <source>Pause copying rows and applying changes (as gh-ost does). The binlog is still read and the changed keys queue up, so nothing is lost; they are applied on Resume.</source>
        <translation>Kopieren und Anwenden von Änderungen pausieren (wie bei gh-ost). Das Binlog wird weiter gelesen und die geänderten Schlüssel werden vorgemerkt, es geht also nichts verloren; sie werden beim Fortsetzen angewendet.</translation>
    </message>
    <message>
        <location filename="../ui/monitor/monitorpage.cpp" line="98"/>
        <source>Hold the table swap back: after copying, the migration waits (and keeps applying changes) until you allow it.</source>
        <translation>Den Tabellentausch zurückhalten: Nach dem Kopieren wartet die Migration (und wendet weiter Änderungen an), bis Sie ihn erlauben.</translation>
    </message>
    <message>
        <location filename="../ui/monitor/monitorpage.cpp" line="100"/>
        <source>Swap the tables as soon as the copy is complete, even when the cut-over is postponed.</source>
        <translation>Die Tabellen tauschen, sobald die Kopie fertig ist, auch wenn die Umschaltung aufgeschoben ist.</translation>
    </message>
    <message>
        <location filename="../ui/monitor/monitorpage.cpp" line="101"/>
        <source>Stop and remove the helper tables. The original table is not touched.</source>
        <translation>Anhalten und die Hilfstabellen entfernen. Die Originaltabelle wird nicht angerührt.</translation>
    </message>
    <message>
        <location filename="../ui/monitor/monitorpage.cpp" line="105"/>
        <location filename="../ui/monitor/monitorpage.cpp" line="110"/>
        <source> ms</source>
        <translation> ms</translation>
    </message>
    <message>
        <location filename="../ui/monitor/monitorpage.cpp" line="106"/>
        <source>How long one copy chunk should take; the chunk size adapts to it.</source>
        <translation>Wie lange ein Kopierblock dauern soll; die Blockgröße passt sich daran an.</translation>
    </message>
    <message>
        <location filename="../ui/monitor/monitorpage.cpp" line="111"/>
        <source>Copying pauses while the lag is above this.</source>
        <translation>Das Kopieren pausiert, solange die Verzögerung darüber liegt.</translation>
    </message>
    <message>
        <location filename="../ui/monitor/monitorpage.cpp" line="115"/>
        <source>Sleep this fraction of each chunk&apos;s copy time after it (0.5: copy 1 s, rest 0.5 s).</source>
        <translation>Nach jedem Block diesen Anteil seiner Kopierzeit pausieren (0,5: 1 s kopieren, 0,5 s ruhen).</translation>
    </message>
    <message>
        <location filename="../ui/monitor/monitorpage.cpp" line="132"/>
        <source>Live settings</source>
        <translation>Laufende Einstellungen</translation>
    </message>
    <message>
        <location filename="../ui/monitor/monitorpage.cpp" line="134"/>
        <source>Chunk target:</source>
        <translation>Blockdauer-Ziel:</translation>
    </message>
    <message>
        <location filename="../ui/monitor/monitorpage.cpp" line="135"/>
        <source>Max lag:</source>
        <translation>Max. Verzögerung:</translation>
    </message>
    <message>
        <location filename="../ui/monitor/monitorpage.cpp" line="136"/>
        <source>Nice ratio:</source>
        <translation>Nice-Verhältnis:</translation>
    </message>
    <message>
        <location filename="../ui/monitor/monitorpage.cpp" line="142"/>
        <source>Log</source>
        <translation>Protokoll</translation>
    </message>
    <message>
        <location filename="../ui/monitor/monitorpage.cpp" line="144"/>
        <source>Show from:</source>
        <translation>Zeigen ab:</translation>
    </message>
    <message>
        <location filename="../ui/monitor/monitorpage.cpp" line="185"/>
        <source>&amp;Resume</source>
        <translation>&amp;Fortsetzen</translation>
    </message>
    <message>
        <location filename="../ui/monitor/monitorpage.cpp" line="219"/>
        <source>&amp;Allow cut-over</source>
        <translation>Umschaltung &amp;erlauben</translation>
    </message>
    <message>
        <location filename="../ui/monitor/monitorpage.cpp" line="233"/>
        <source>Migrating %1.%2: ALTER TABLE … %3</source>
        <translation>Migriere %1.%2: ALTER TABLE … %3</translation>
    </message>
    <message>
        <location filename="../ui/monitor/monitorpage.cpp" line="264"/>
        <source>&lt;b&gt;%1&lt;/b&gt; · %2 of %3 rows (%4%) · copy %5 rows/s · apply %6 events/s · lag %7 (stream) / %8 · backlog %9</source>
        <translation>&lt;b&gt;%1&lt;/b&gt; · %2 von %3 Zeilen (%4 %) · Kopieren %5 Zeilen/s · Anwenden %6 Ereignisse/s · Verzögerung %7 (Strom) / %8 · Rückstand %9</translation>
    </message>
    <message>
        <location filename="../ui/monitor/monitorpage.cpp" line="381"/>
        <source>&lt;p&gt;Swap the tables as soon as the copy is complete?&lt;/p&gt;&lt;p&gt;Current lag: %1 (binlog stream), %2; %3 changed keys still to apply.&lt;/p&gt;&lt;p&gt;Application writes to the table wait for the swap, usually well under a second; if a session holds a lock on the table, the swap times out and is retried.&lt;/p&gt;</source>
        <translation>&lt;p&gt;Die Tabellen tauschen, sobald die Kopie fertig ist?&lt;/p&gt;&lt;p&gt;Aktuelle Verzögerung: %1 (Binlog-Strom), %2; %3 geänderte Schlüssel sind noch anzuwenden.&lt;/p&gt;&lt;p&gt;Schreibzugriffe der Anwendung auf die Tabelle warten auf den Tausch, meist deutlich unter einer Sekunde; hält eine Sitzung eine Sperre auf der Tabelle, läuft der Tausch in eine Zeitüberschreitung und wird wiederholt.&lt;/p&gt;</translation>
    </message>
    <message>
        <location filename="../ui/monitor/monitorpage.cpp" line="276"/>
        <source>throttled: %1</source>
        <translation>gedrosselt: %1</translation>
    </message>
    <message>
        <location filename="../ui/monitor/monitorpage.cpp" line="311"/>
        <source>&lt;b&gt;Reverted.&lt;/b&gt; %1 has its old schema again, with every write made since the cut-over. The table with the new schema is kept as %2.</source>
        <translation>&lt;b&gt;Zurückgesetzt.&lt;/b&gt; %1 hat wieder sein altes Schema, mit allen Schreibzugriffen seit der Umschaltung. Die Tabelle mit dem neuen Schema bleibt als %2 erhalten.</translation>
    </message>
    <message>
        <location filename="../ui/monitor/monitorpage.cpp" line="317"/>
        <source>&lt;b&gt;Done.&lt;/b&gt; %1 rows copied, %2 changes applied in %3; the swap blocked writes for %4 ms. %5</source>
        <translation>&lt;b&gt;Fertig.&lt;/b&gt; %1 Zeilen kopiert, %2 Änderungen angewendet in %3; der Tausch blockierte Schreibzugriffe für %4 ms. %5</translation>
    </message>
    <message>
        <location filename="../ui/monitor/monitorpage.cpp" line="321"/>
        <source>The old table was dropped.</source>
        <translation>Die alte Tabelle wurde gelöscht.</translation>
    </message>
    <message>
        <location filename="../ui/monitor/monitorpage.cpp" line="322"/>
        <source>The old table is kept as %1.</source>
        <translation>Die alte Tabelle bleibt als %1 erhalten.</translation>
    </message>
    <message>
        <location filename="../ui/monitor/monitorpage.cpp" line="333"/>
        <source>&lt;b&gt;Aborted.&lt;/b&gt; </source>
        <translation>&lt;b&gt;Abgebrochen.&lt;/b&gt; </translation>
    </message>
    <message>
        <location filename="../ui/monitor/monitorpage.cpp" line="333"/>
        <source>&lt;b&gt;Failed&lt;/b&gt; (%1): </source>
        <translation>&lt;b&gt;Fehlgeschlagen&lt;/b&gt; (%1): </translation>
    </message>
    <message>
        <location filename="../ui/monitor/monitorpage.cpp" line="335"/>
        <source> The original table is untouched.</source>
        <translation> Die Originaltabelle ist unverändert.</translation>
    </message>
    <message>
        <location filename="../ui/monitor/monitorpage.cpp" line="336"/>
        <source> The tables were already swapped; check the old table.</source>
        <translation> Die Tabellen waren bereits getauscht; prüfen Sie die alte Tabelle.</translation>
    </message>
    <message>
        <location filename="../ui/monitor/monitorpage.cpp" line="387"/>
        <source>&lt;p&gt;No session on the primary holds the table or a long transaction right now.&lt;/p&gt;</source>
        <translation>&lt;p&gt;Derzeit hält keine Sitzung auf dem Primärserver die Tabelle oder eine lange Transaktion.&lt;/p&gt;</translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/monitor/monitorpage.cpp" line="389"/>
        <source>&lt;p&gt;&lt;b&gt;%n session(s) on the primary could make the swap wait:&lt;/b&gt;&lt;/p&gt;</source>
        <translation>
            <numerusform>&lt;p&gt;&lt;b&gt;%n Sitzung auf dem Primärserver könnte den Tausch aufhalten:&lt;/b&gt;&lt;/p&gt;</numerusform>
            <numerusform>&lt;p&gt;&lt;b&gt;%n Sitzungen auf dem Primärserver könnten den Tausch aufhalten:&lt;/b&gt;&lt;/p&gt;</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/monitor/monitorpage.cpp" line="396"/>
        <source>&lt;p&gt;… and %n more.&lt;/p&gt;</source>
        <translation>
            <numerusform>&lt;p&gt;… und %n weitere.&lt;/p&gt;</numerusform>
            <numerusform>&lt;p&gt;… und %n weitere.&lt;/p&gt;</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/monitor/monitorpage.cpp" line="399"/>
        <source>Cut over now</source>
        <translation>Jetzt umschalten</translation>
    </message>
    <message>
        <location filename="../ui/monitor/monitorpage.cpp" line="411"/>
        <source>&lt;p&gt;Abort the migration?&lt;/p&gt;&lt;p&gt;Copying stops and the helper tables (the new table and the changelog) are dropped. The original table stays exactly as it is; nothing that was written to it is lost.&lt;/p&gt;</source>
        <translation>&lt;p&gt;Die Migration abbrechen?&lt;/p&gt;&lt;p&gt;Das Kopieren endet und die Hilfstabellen (die neue Tabelle und das Änderungsprotokoll) werden gelöscht. Die Originaltabelle bleibt genau, wie sie ist; nichts, was in sie geschrieben wurde, geht verloren.&lt;/p&gt;</translation>
    </message>
    <message>
        <location filename="../ui/monitor/monitorpage.cpp" line="414"/>
        <source>Abort migration</source>
        <translation>Migration abbrechen</translation>
    </message>
</context>
<context>
    <name>ui::NewMigrationPage</name>
    <message>
        <location filename="../ui/newmigration/newmigrationpage.cpp" line="81"/>
        <source>Postpone the cut-over until I allow it</source>
        <translation>Umschaltung aufschieben, bis ich sie erlaube</translation>
    </message>
    <message>
        <location filename="../ui/newmigration/newmigrationpage.cpp" line="82"/>
        <source>Keep the old table after the swap</source>
        <translation>Alte Tabelle nach dem Tausch behalten</translation>
    </message>
    <message>
        <location filename="../ui/newmigration/newmigrationpage.cpp" line="86"/>
        <source>&amp;Dry run</source>
        <translation>&amp;Probelauf</translation>
    </message>
    <message>
        <location filename="../ui/newmigration/newmigrationpage.cpp" line="87"/>
        <source>&amp;Preflight…</source>
        <translation>&amp;Vorabprüfung …</translation>
    </message>
    <message>
        <location filename="../ui/newmigration/newmigrationpage.cpp" line="88"/>
        <source>&amp;Start migration</source>
        <translation>Migration &amp;starten</translation>
    </message>
    <message>
        <location filename="../ui/newmigration/newmigrationpage.cpp" line="107"/>
        <source>Table</source>
        <translation>Tabelle</translation>
    </message>
    <message>
        <location filename="../ui/newmigration/newmigrationpage.cpp" line="107"/>
        <source>Rows (estimate)</source>
        <translation>Zeilen (Schätzung)</translation>
    </message>
    <message>
        <location filename="../ui/newmigration/newmigrationpage.cpp" line="107"/>
        <source>Size</source>
        <translation>Größe</translation>
    </message>
    <message>
        <location filename="../ui/newmigration/newmigrationpage.cpp" line="114"/>
        <source>ADD COLUMN priority TINYINT NOT NULL DEFAULT 0, ADD INDEX idx_priority (priority)</source>
        <translation>ADD COLUMN priority TINYINT NOT NULL DEFAULT 0, ADD INDEX idx_priority (priority)</translation>
    </message>
    <message>
        <location filename="../ui/newmigration/newmigrationpage.cpp" line="121"/>
        <source> rows</source>
        <translation> Zeilen</translation>
    </message>
    <message>
        <location filename="../ui/newmigration/newmigrationpage.cpp" line="122"/>
        <source>Rows copied per chunk at the start. Later chunks adapt so that each takes about half a second; smaller chunks hold row locks for less time.</source>
        <translation>Zu Beginn pro Block kopierte Zeilen. Spätere Blöcke passen sich so an, dass jeder etwa eine halbe Sekunde dauert; kleinere Blöcke halten Zeilensperren kürzer.</translation>
    </message>
    <message>
        <location filename="../ui/newmigration/newmigrationpage.cpp" line="127"/>
        <source> ms</source>
        <translation> ms</translation>
    </message>
    <message>
        <location filename="../ui/newmigration/newmigrationpage.cpp" line="128"/>
        <source>When replication lag (or the lag of the binlog stream) exceeds this, copying pauses until it recovers. Changes keep being applied meanwhile.</source>
        <translation>Überschreitet die Replikationsverzögerung (oder die des Binlog-Stroms) diesen Wert, pausiert das Kopieren, bis sie sich erholt. Änderungen werden währenddessen weiter angewendet.</translation>
    </message>
    <message>
        <location filename="../ui/newmigration/newmigrationpage.cpp" line="130"/>
        <source>Copy and keep the new table in sync, then wait in &quot;postponed&quot; until you press &quot;Allow cut-over&quot; in the monitor. Use it to swap tables in a quiet moment.</source>
        <translation>Kopieren und die neue Tabelle synchron halten, dann in „aufgeschoben“ warten, bis Sie in der Überwachung „Umschaltung erlauben“ drücken. So tauschen Sie die Tabellen in einem ruhigen Moment.</translation>
    </message>
    <message>
        <location filename="../ui/newmigration/newmigrationpage.cpp" line="133"/>
        <source>After the swap the original table stays as _&lt;table&gt;_del, so you can go back. Untick to drop it at the end (on a large table the DROP itself can be slow).</source>
        <translation>Nach dem Tausch bleibt die Originaltabelle als _&lt;tabelle&gt;_del erhalten, damit Sie zurückkönnen. Abwählen, um sie am Ende zu löschen (bei großen Tabellen kann das DROP selbst langsam sein).</translation>
    </message>
    <message>
        <location filename="../ui/newmigration/newmigrationpage.cpp" line="136"/>
        <source>none</source>
        <translation>keins</translation>
    </message>
    <message>
        <location filename="../ui/newmigration/newmigrationpage.cpp" line="137"/>
        <source> min</source>
        <translation> min</translation>
    </message>
    <message>
        <location filename="../ui/newmigration/newmigrationpage.cpp" line="138"/>
        <source>After the swap, keep the old table in sync for this long, so that &quot;Revert&quot; in the monitor can swap it back with every write (--revert-window). Changes that can&apos;t be inverted (a changed column type, renamed columns) are refused at start.</source>
        <translation>Die alte Tabelle nach dem Tausch so lange synchron halten, damit „Zurücksetzen“ in der Überwachung sie mit allen Schreibzugriffen zurücktauschen kann (--revert-window). Änderungen, die sich nicht umkehren lassen (ein geänderter Spaltentyp, umbenannte Spalten), werden beim Start abgelehnt.</translation>
    </message>
    <message>
        <location filename="../ui/newmigration/newmigrationpage.cpp" line="144"/>
        <source>The server id Shadowswap uses to read the binlog as a replica would. It must differ from every real server and every other running migration.</source>
        <translation>Die Server-ID, mit der Shadowswap das Binlog wie ein Replikat liest. Sie muss sich von jedem echten Server und jeder anderen laufenden Migration unterscheiden.</translation>
    </message>
    <message>
        <location filename="../ui/newmigration/newmigrationpage.cpp" line="146"/>
        <source>host:port, host:port (optional)</source>
        <translation>host:port, host:port (optional)</translation>
    </message>
    <message>
        <location filename="../ui/newmigration/newmigrationpage.cpp" line="147"/>
        <source>More replicas whose lag pauses the copy when it exceeds the max lag (gh-ost&apos;s --throttle-control-replicas). The server you connected to is always watched when it is a replica.</source>
        <translation>Weitere Replikate, deren Verzögerung das Kopieren pausiert, wenn sie die maximale Verzögerung überschreitet (--throttle-control-replicas von gh-ost). Der verbundene Server wird immer beobachtet, wenn er ein Replikat ist.</translation>
    </message>
    <message>
        <location filename="../ui/newmigration/newmigrationpage.cpp" line="150"/>
        <source>Create the new table empty, apply the ALTER, show the result, and drop it. Changes no data.</source>
        <translation>Die neue Tabelle leer anlegen, das ALTER anwenden, das Ergebnis zeigen und sie wieder löschen. Ändert keine Daten.</translation>
    </message>
    <message>
        <location filename="../ui/newmigration/newmigrationpage.cpp" line="152"/>
        <location filename="../ui/newmigration/newmigrationpage.cpp" line="352"/>
        <source>Start copying; you watch and steer the migration in the Monitor.</source>
        <translation>Kopieren starten; Sie beobachten und steuern die Migration in der Überwachung.</translation>
    </message>
    <message>
        <location filename="../ui/newmigration/newmigrationpage.cpp" line="159"/>
        <source>&amp;Schema:</source>
        <translation>&amp;Schema:</translation>
    </message>
    <message>
        <location filename="../ui/newmigration/newmigrationpage.cpp" line="161"/>
        <source>&amp;Refresh</source>
        <translation>&amp;Aktualisieren</translation>
    </message>
    <message>
        <location filename="../ui/newmigration/newmigrationpage.cpp" line="173"/>
        <source>Options</source>
        <translation>Optionen</translation>
    </message>
    <message>
        <location filename="../ui/newmigration/newmigrationpage.cpp" line="175"/>
        <source>Chunk size:</source>
        <translation>Blockgröße:</translation>
    </message>
    <message>
        <location filename="../ui/newmigration/newmigrationpage.cpp" line="176"/>
        <source>Max lag:</source>
        <translation>Max. Verzögerung:</translation>
    </message>
    <message>
        <location filename="../ui/newmigration/newmigrationpage.cpp" line="177"/>
        <source>Replicas to watch:</source>
        <translation>Beobachtete Replikate:</translation>
    </message>
    <message>
        <location filename="../ui/newmigration/newmigrationpage.cpp" line="178"/>
        <source>Binlog client server id:</source>
        <translation>Server-ID des Binlog-Clients:</translation>
    </message>
    <message>
        <location filename="../ui/newmigration/newmigrationpage.cpp" line="179"/>
        <source>Revert window:</source>
        <translation>Rücksetzfenster:</translation>
    </message>
    <message>
        <location filename="../ui/newmigration/newmigrationpage.cpp" line="226"/>
        <source>Dry run passed: the new table was built empty, checked and dropped again.</source>
        <translation>Probelauf bestanden: Die neue Tabelle wurde leer angelegt, geprüft und wieder gelöscht.</translation>
    </message>
    <message>
        <location filename="../ui/newmigration/newmigrationpage.cpp" line="232"/>
        <source>The dry run failed (%1):

%2</source>
        <translation>Der Probelauf ist fehlgeschlagen (%1):

%2</translation>
    </message>
    <message>
        <location filename="../ui/newmigration/newmigrationpage.cpp" line="233"/>
        <source>Dry run failed: %1</source>
        <translation>Probelauf fehlgeschlagen: %1</translation>
    </message>
    <message>
        <location filename="../ui/newmigration/newmigrationpage.cpp" line="258"/>
        <source>Loading schemas…</source>
        <translation>Lade Schemata …</translation>
    </message>
    <message>
        <location filename="../ui/newmigration/newmigrationpage.cpp" line="338"/>
        <source>Pick a table, then type the ALTER:</source>
        <translation>Wählen Sie eine Tabelle und geben Sie dann das ALTER ein:</translation>
    </message>
    <message>
        <location filename="../ui/newmigration/newmigrationpage.cpp" line="353"/>
        <source>Preflight found blocking problems (%1). Fix them and re-run preflight, or override them one by one on the Preflight page.</source>
        <translation>Die Vorabprüfung hat blockierende Probleme gefunden (%1). Beheben Sie sie und wiederholen Sie die Vorabprüfung, oder übergehen Sie sie einzeln auf der Seite „Vorabprüfung“.</translation>
    </message>
    <message>
        <location filename="../ui/newmigration/newmigrationpage.cpp" line="392"/>
        <source>Building the new table empty…</source>
        <translation>Lege die neue Tabelle leer an …</translation>
    </message>
    <message>
        <location filename="../ui/newmigration/newmigrationpage.cpp" line="393"/>
        <source>Dry run running…</source>
        <translation>Probelauf läuft …</translation>
    </message>
</context>
<context>
    <name>ui::PasswordStore</name>
    <message>
        <location filename="../ui/connections/passwordstore.cpp" line="31"/>
        <source>No keyring is available; type the password each time.</source>
        <translation>Kein Schlüsselbund verfügbar; geben Sie das Passwort jedes Mal ein.</translation>
    </message>
    <message>
        <location filename="../ui/connections/passwordstore.cpp" line="42"/>
        <source>No password stored for this profile.</source>
        <translation>Für dieses Profil ist kein Passwort gespeichert.</translation>
    </message>
    <message>
        <location filename="../ui/connections/passwordstore.cpp" line="44"/>
        <source>The keyring could not be read: %1</source>
        <translation>Der Schlüsselbund konnte nicht gelesen werden: %1</translation>
    </message>
    <message>
        <location filename="../ui/connections/passwordstore.cpp" line="53"/>
        <source>No keyring is available; the password was not stored and will be asked each time.</source>
        <translation>Kein Schlüsselbund verfügbar; das Passwort wurde nicht gespeichert und wird jedes Mal abgefragt.</translation>
    </message>
    <message>
        <location filename="../ui/connections/passwordstore.cpp" line="64"/>
        <source>The keyring refused the password (%1); it will be asked each time.</source>
        <translation>Der Schlüsselbund hat das Passwort abgelehnt (%1); es wird jedes Mal abgefragt.</translation>
    </message>
</context>
<context>
    <name>ui::PreflightModel</name>
    <message>
        <location filename="../ui/preflight/preflightmodel.cpp" line="54"/>
        <source>OK</source>
        <translation>OK</translation>
    </message>
    <message>
        <location filename="../ui/preflight/preflightmodel.cpp" line="55"/>
        <source>Warning</source>
        <translation>Warnung</translation>
    </message>
    <message>
        <location filename="../ui/preflight/preflightmodel.cpp" line="56"/>
        <source>Blocks</source>
        <translation>Blockiert</translation>
    </message>
    <message>
        <location filename="../ui/preflight/preflightmodel.cpp" line="111"/>
        <source>Overridden</source>
        <translation>Übergangen</translation>
    </message>
    <message>
        <location filename="../ui/preflight/preflightmodel.cpp" line="136"/>
        <source>Severity</source>
        <translation>Schwere</translation>
    </message>
    <message>
        <location filename="../ui/preflight/preflightmodel.cpp" line="137"/>
        <source>Check</source>
        <translation>Prüfung</translation>
    </message>
    <message>
        <location filename="../ui/preflight/preflightmodel.cpp" line="138"/>
        <source>Finding</source>
        <translation>Befund</translation>
    </message>
    <message>
        <location filename="../ui/preflight/preflightmodel.cpp" line="139"/>
        <source>Fix</source>
        <translation>Abhilfe</translation>
    </message>
</context>
<context>
    <name>ui::PreflightPage</name>
    <message>
        <location filename="../ui/preflight/preflightpage.cpp" line="39"/>
        <source>&amp;Run preflight</source>
        <translation>Vorabprüfung &amp;ausführen</translation>
    </message>
    <message>
        <location filename="../ui/preflight/preflightpage.cpp" line="40"/>
        <source>&amp;Copy fix SQL</source>
        <translation>Abhilfe-SQL &amp;kopieren</translation>
    </message>
    <message>
        <location filename="../ui/preflight/preflightpage.cpp" line="41"/>
        <source>&amp;Override this blocker…</source>
        <translation>Diesen Blocker ü&amp;bergehen …</translation>
    </message>
    <message>
        <location filename="../ui/preflight/preflightpage.cpp" line="42"/>
        <source>&amp;Export report…</source>
        <translation>Bericht &amp;exportieren …</translation>
    </message>
    <message>
        <location filename="../ui/preflight/preflightpage.cpp" line="48"/>
        <source>Export preflight report</source>
        <translation>Bericht der Vorabprüfung exportieren</translation>
    </message>
    <message>
        <location filename="../ui/preflight/preflightpage.cpp" line="49"/>
        <source>HTML report (*.html);;PDF report (*.pdf)</source>
        <translation>HTML-Bericht (*.html);;PDF-Bericht (*.pdf)</translation>
    </message>
    <message>
        <location filename="../ui/preflight/preflightpage.cpp" line="60"/>
        <source>Write this report as an HTML or PDF file, for a change request.</source>
        <translation>Diesen Bericht als HTML- oder PDF-Datei schreiben, etwa für einen Änderungsantrag.</translation>
    </message>
    <message>
        <location filename="../ui/preflight/preflightpage.cpp" line="72"/>
        <source>Select a finding to see its evidence and the suggested fix.</source>
        <translation>Wählen Sie einen Befund, um seine Belege und die vorgeschlagene Abhilfe zu sehen.</translation>
    </message>
    <message>
        <location filename="../ui/preflight/preflightpage.cpp" line="76"/>
        <source>Let the migration start despite this blocking finding. You are asked to confirm.</source>
        <translation>Die Migration trotz dieses blockierenden Befunds starten lassen. Sie werden um Bestätigung gebeten.</translation>
    </message>
    <message>
        <location filename="../ui/preflight/preflightpage.cpp" line="115"/>
        <source>Export report</source>
        <translation>Bericht exportieren</translation>
    </message>
    <message>
        <location filename="../ui/preflight/preflightpage.cpp" line="115"/>
        <source>The report could not be written: %1</source>
        <translation>Der Bericht konnte nicht geschrieben werden: %1</translation>
    </message>
    <message>
        <location filename="../ui/preflight/preflightpage.cpp" line="130"/>
        <source>Preflight for %1.%2</source>
        <translation>Vorabprüfung für %1.%2</translation>
    </message>
    <message>
        <location filename="../ui/preflight/preflightpage.cpp" line="131"/>
        <source>Preflight</source>
        <translation>Vorabprüfung</translation>
    </message>
    <message>
        <location filename="../ui/preflight/preflightpage.cpp" line="134"/>
        <source>Connect and pick a table (New migration) to check whether it can be migrated.</source>
        <translation>Verbinden Sie sich und wählen Sie eine Tabelle (Neue Migration), um zu prüfen, ob sie migriert werden kann.</translation>
    </message>
    <message>
        <location filename="../ui/preflight/preflightpage.cpp" line="156"/>
        <source>Running preflight checks on %1…</source>
        <translation>Führe Vorabprüfungen auf %1 aus …</translation>
    </message>
    <message>
        <location filename="../ui/preflight/preflightpage.cpp" line="173"/>
        <source>no preflight report yet</source>
        <translation>noch kein Bericht der Vorabprüfung</translation>
    </message>
    <message>
        <location filename="../ui/preflight/preflightpage.cpp" line="185"/>
        <source>&lt;b&gt;Preflight could not run:&lt;/b&gt; %1</source>
        <translation>&lt;b&gt;Die Vorabprüfung konnte nicht laufen:&lt;/b&gt; %1</translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/preflight/preflightpage.cpp" line="191"/>
        <source>%n blocking, </source>
        <translation>
            <numerusform>%n blockierend, </numerusform>
            <numerusform>%n blockierend, </numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/preflight/preflightpage.cpp" line="191"/>
        <source>%n warning(s), </source>
        <translation>
            <numerusform>%n Warnung, </numerusform>
            <numerusform>%n Warnungen, </numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/preflight/preflightpage.cpp" line="192"/>
        <source>%n OK.</source>
        <translation>
            <numerusform>%n in Ordnung.</numerusform>
            <numerusform>%n in Ordnung.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/preflight/preflightpage.cpp" line="193"/>
        <source> The migration cannot start until each blocker is fixed or overridden.</source>
        <translation> Die Migration kann erst starten, wenn jeder Blocker behoben oder übergangen ist.</translation>
    </message>
    <message>
        <location filename="../ui/preflight/preflightpage.cpp" line="194"/>
        <source> Nothing blocks the migration.</source>
        <translation> Nichts blockiert die Migration.</translation>
    </message>
    <message>
        <location filename="../ui/preflight/preflightpage.cpp" line="213"/>
        <source>Evidence</source>
        <translation>Belege</translation>
    </message>
    <message>
        <location filename="../ui/preflight/preflightpage.cpp" line="215"/>
        <source>Fix</source>
        <translation>Abhilfe</translation>
    </message>
    <message>
        <location filename="../ui/preflight/preflightpage.cpp" line="234"/>
        <source>Override a blocking finding</source>
        <translation>Blockierenden Befund übergehen</translation>
    </message>
    <message>
        <location filename="../ui/preflight/preflightpage.cpp" line="235"/>
        <source>&lt;p&gt;&lt;b&gt;%1&lt;/b&gt;&lt;/p&gt;&lt;p&gt;%2&lt;/p&gt;&lt;p&gt;Start the migration anyway? Shadowswap still stops safely if the problem breaks the copy, and the original table stays untouched until the cut-over.&lt;/p&gt;</source>
        <translation>&lt;p&gt;&lt;b&gt;%1&lt;/b&gt;&lt;/p&gt;&lt;p&gt;%2&lt;/p&gt;&lt;p&gt;Die Migration trotzdem starten? Shadowswap hält weiterhin sicher an, falls das Problem die Kopie stört, und die Originaltabelle bleibt bis zur Umschaltung unverändert.&lt;/p&gt;</translation>
    </message>
</context>
<context>
    <name>ui::ResumeLauncher</name>
    <message>
        <location filename="../ui/history/resumelauncher.cpp" line="101"/>
        <location filename="../ui/history/resumelauncher.cpp" line="106"/>
        <location filename="../ui/history/resumelauncher.cpp" line="124"/>
        <location filename="../ui/history/resumelauncher.cpp" line="137"/>
        <location filename="../ui/history/resumelauncher.cpp" line="179"/>
        <location filename="../ui/history/resumelauncher.cpp" line="216"/>
        <location filename="../ui/history/resumelauncher.cpp" line="221"/>
        <source>Resume migration</source>
        <translation>Migration fortsetzen</translation>
    </message>
    <message>
        <location filename="../ui/history/resumelauncher.cpp" line="101"/>
        <source>A migration is running in this console. Resume when it has ended.</source>
        <translation>In dieser Konsole läuft eine Migration. Setzen Sie fort, wenn sie beendet ist.</translation>
    </message>
    <message>
        <location filename="../ui/history/resumelauncher.cpp" line="106"/>
        <source>The recorded parameters can&apos;t be used: %1</source>
        <translation>Die aufgezeichneten Parameter sind nicht verwendbar: %1</translation>
    </message>
    <message>
        <location filename="../ui/history/resumelauncher.cpp" line="110"/>
        <source>Resume the migration of %1.%2 on %3?

ALTER TABLE … %4</source>
        <translation>Die Migration von %1.%2 auf %3 fortsetzen?

ALTER TABLE … %4</translation>
    </message>
    <message>
        <location filename="../ui/history/resumelauncher.cpp" line="113"/>
        <source>Resume continues from the last checkpoint in %1: the rows already copied into %2 stay, the binlog since the checkpoint is read and applied again, and only the rest of the table is copied. Then the copy is verified and the tables are swapped as in any migration. If the checkpoint can&apos;t be used (binlog purged, ghost table changed), nothing is changed and you are told why.</source>
        <translation>Fortsetzen beginnt beim letzten Prüfpunkt in %1: Die schon nach %2 kopierten Zeilen bleiben, das Binlog seit dem Prüfpunkt wird erneut gelesen und angewendet, und nur der Rest der Tabelle wird kopiert. Danach wird die Kopie geprüft und die Tabellen werden wie bei jeder Migration getauscht. Ist der Prüfpunkt nicht verwendbar (Binlog gelöscht, neue Tabelle verändert), wird nichts geändert und Sie erfahren, warum.</translation>
    </message>
    <message>
        <location filename="../ui/history/resumelauncher.cpp" line="120"/>
        <source>No end was recorded for this migration: the process may have crashed. Make sure it is no longer running, on this machine or any other, before you resume.</source>
        <translation>Für diese Migration wurde kein Ende aufgezeichnet: Der Prozess ist vielleicht abgestürzt. Stellen Sie sicher, dass er nicht mehr läuft – auf diesem oder einem anderen Rechner –, bevor Sie fortsetzen.</translation>
    </message>
    <message>
        <location filename="../ui/history/resumelauncher.cpp" line="123"/>
        <source>The hook token (--hooks-hint-token) is never recorded: the hooks run without it.</source>
        <translation>Das Hook-Token (--hooks-hint-token) wird nie aufgezeichnet: Die Hooks laufen ohne es.</translation>
    </message>
    <message>
        <location filename="../ui/history/resumelauncher.cpp" line="138"/>
        <source>Password of %1 on the primary (empty: the same as %2&apos;s):</source>
        <translation>Passwort von %1 auf dem Primärserver (leer: dasselbe wie das von %2):</translation>
    </message>
    <message>
        <location filename="../ui/history/resumelauncher.cpp" line="176"/>
        <source>Password of %1:</source>
        <translation>Passwort von %1:</translation>
    </message>
    <message>
        <location filename="../ui/history/resumelauncher.cpp" line="217"/>
        <source>Could not connect to %1: %2</source>
        <translation>Keine Verbindung zu %1: %2</translation>
    </message>
    <message>
        <location filename="../ui/history/resumelauncher.cpp" line="221"/>
        <source>A migration started in this console meanwhile; nothing resumed.</source>
        <translation>Inzwischen wurde in dieser Konsole eine Migration gestartet; nichts wurde fortgesetzt.</translation>
    </message>
    <message>
        <location filename="../ui/history/resumelauncher.cpp" line="249"/>
        <source>Nothing was changed.</source>
        <translation>Es wurde nichts geändert.</translation>
    </message>
    <message>
        <location filename="../ui/history/resumelauncher.cpp" line="249"/>
        <source>The original table is untouched.</source>
        <translation>Die Originaltabelle ist unverändert.</translation>
    </message>
    <message>
        <location filename="../ui/history/resumelauncher.cpp" line="250"/>
        <source>Resume refused</source>
        <translation>Fortsetzen abgelehnt</translation>
    </message>
    <message>
        <location filename="../ui/history/resumelauncher.cpp" line="250"/>
        <source>The resumed migration failed</source>
        <translation>Die fortgesetzte Migration ist fehlgeschlagen</translation>
    </message>
</context>
<context>
    <name>ui::RevertWindowPanel</name>
    <message>
        <location filename="../ui/monitor/revertwindowpanel.cpp" line="22"/>
        <source>n/a</source>
        <translation>k. A.</translation>
    </message>
    <message>
        <location filename="../ui/monitor/revertwindowpanel.cpp" line="23"/>
        <source>%1 s</source>
        <translation>%1 s</translation>
    </message>
    <message>
        <location filename="../ui/monitor/revertwindowpanel.cpp" line="28"/>
        <source>Revert window</source>
        <translation>Rücksetzfenster</translation>
    </message>
    <message>
        <location filename="../ui/monitor/revertwindowpanel.cpp" line="32"/>
        <source>&amp;Revert to the old schema…</source>
        <translation>Auf das alte Schema &amp;zurücksetzen …</translation>
    </message>
    <message>
        <location filename="../ui/monitor/revertwindowpanel.cpp" line="33"/>
        <source>&amp;Keep the new schema (close window)…</source>
        <translation>Neues Schema &amp;behalten (Fenster schließen) …</translation>
    </message>
    <message>
        <location filename="../ui/monitor/revertwindowpanel.cpp" line="51"/>
        <source>Time left in the revert window. When it runs out the window closes by itself and the new schema stays.</source>
        <translation>Verbleibende Zeit im Rücksetzfenster. Läuft sie ab, schließt sich das Fenster von selbst und das neue Schema bleibt.</translation>
    </message>
    <message>
        <location filename="../ui/monitor/revertwindowpanel.cpp" line="53"/>
        <source>How far the old table is behind the live one: the lag of the binlog stream, plus the time since all changes read from it were last applied to the old table.</source>
        <translation>Wie weit die alte Tabelle hinter der laufenden zurückliegt: die Verzögerung des Binlog-Stroms plus die Zeit, seit alle daraus gelesenen Änderungen zuletzt auf die alte Tabelle angewendet waren.</translation>
    </message>
    <message>
        <location filename="../ui/monitor/revertwindowpanel.cpp" line="56"/>
        <source>Swap the old table back in (a second atomic swap). Every write made since the cut-over is kept.</source>
        <translation>Die alte Tabelle zurücktauschen (ein zweiter atomarer Tausch). Alle Schreibzugriffe seit der Umschaltung bleiben erhalten.</translation>
    </message>
    <message>
        <location filename="../ui/monitor/revertwindowpanel.cpp" line="58"/>
        <source>End the revert window now. The old table stops following the live one; the new schema stays.</source>
        <translation>Das Rücksetzfenster jetzt beenden. Die alte Tabelle folgt der laufenden nicht mehr; das neue Schema bleibt.</translation>
    </message>
    <message>
        <location filename="../ui/monitor/revertwindowpanel.cpp" line="62"/>
        <source>Time left:</source>
        <translation>Verbleibend:</translation>
    </message>
    <message>
        <location filename="../ui/monitor/revertwindowpanel.cpp" line="116"/>
        <source>Old table behind the live one: &lt;b&gt;%1&lt;/b&gt;</source>
        <translation>Rückstand der alten Tabelle: &lt;b&gt;%1&lt;/b&gt;</translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/monitor/revertwindowpanel.cpp" line="119"/>
        <source> (%n change(s) to apply)</source>
        <translation>
            <numerusform> (%n Änderung anzuwenden)</numerusform>
            <numerusform> (%n Änderungen anzuwenden)</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/monitor/revertwindowpanel.cpp" line="123"/>
        <source>The swap is made. The old table is kept in sync with every write to %1, so a revert loses nothing. When the time is up the window closes and the new schema stays.</source>
        <translation>Der Tausch ist erfolgt. Die alte Tabelle wird mit jedem Schreibzugriff auf %1 synchron gehalten, ein Zurücksetzen verliert also nichts. Ist die Zeit um, schließt sich das Fenster und das neue Schema bleibt.</translation>
    </message>
    <message>
        <location filename="../ui/monitor/revertwindowpanel.cpp" line="143"/>
        <source>&lt;p&gt;Revert %1 to its old schema?&lt;/p&gt;&lt;p&gt;The old table is swapped back in with a second atomic swap, the same kind as the cut-over: application writes to the table wait for it, usually well under a second. Every write made since the cut-over is kept: the old table has been following the live one (it is %2 behind right now; the swap waits until it has caught up).&lt;/p&gt;&lt;p&gt;The table with the new schema is kept beside it, so nothing is dropped.&lt;/p&gt;</source>
        <translation>&lt;p&gt;%1 auf das alte Schema zurücksetzen?&lt;/p&gt;&lt;p&gt;Die alte Tabelle wird mit einem zweiten atomaren Tausch zurückgetauscht, derselben Art wie die Umschaltung: Schreibzugriffe der Anwendung auf die Tabelle warten darauf, meist deutlich unter einer Sekunde. Alle Schreibzugriffe seit der Umschaltung bleiben erhalten: Die alte Tabelle ist der laufenden gefolgt (sie liegt gerade %2 zurück; der Tausch wartet, bis sie aufgeholt hat).&lt;/p&gt;&lt;p&gt;Die Tabelle mit dem neuen Schema bleibt daneben erhalten, es wird also nichts gelöscht.&lt;/p&gt;</translation>
    </message>
    <message>
        <location filename="../ui/monitor/revertwindowpanel.cpp" line="149"/>
        <source>Revert to the old schema</source>
        <translation>Auf das alte Schema zurücksetzen</translation>
    </message>
    <message>
        <location filename="../ui/monitor/revertwindowpanel.cpp" line="151"/>
        <source>Reverting: the old table catches up, then it is swapped back in…</source>
        <translation>Zurücksetzen: Die alte Tabelle holt auf, dann wird sie zurückgetauscht …</translation>
    </message>
    <message>
        <location filename="../ui/monitor/revertwindowpanel.cpp" line="159"/>
        <source>&lt;p&gt;Close the revert window and keep the new schema of %1?&lt;/p&gt;&lt;p&gt;The old table stops following the live one, so a revert is no longer possible. It is then kept or dropped as chosen when the migration started.&lt;/p&gt;</source>
        <translation>&lt;p&gt;Das Rücksetzfenster schließen und das neue Schema von %1 behalten?&lt;/p&gt;&lt;p&gt;Die alte Tabelle folgt der laufenden nicht mehr, ein Zurücksetzen ist dann nicht mehr möglich. Sie wird anschließend behalten oder gelöscht, wie beim Start der Migration gewählt.&lt;/p&gt;</translation>
    </message>
    <message>
        <location filename="../ui/monitor/revertwindowpanel.cpp" line="163"/>
        <source>Keep the new schema</source>
        <translation>Neues Schema behalten</translation>
    </message>
    <message>
        <location filename="../ui/monitor/revertwindowpanel.cpp" line="165"/>
        <source>Closing the revert window; the new schema stays…</source>
        <translation>Das Rücksetzfenster wird geschlossen; das neue Schema bleibt …</translation>
    </message>
</context>
<context>
    <name>ui::RunSummaryView</name>
    <message>
        <location filename="../ui/newmigration/runsummaryview.cpp" line="31"/>
        <source>the binlog is read here</source>
        <translation>hier wird das Binlog gelesen</translation>
    </message>
    <message>
        <location filename="../ui/newmigration/runsummaryview.cpp" line="33"/>
        <source>writes go here: ghost table, copy, changes, cut-over</source>
        <translation>Schreibzugriffe gehen hierhin: neue Tabelle, Kopie, Änderungen, Umschaltung</translation>
    </message>
    <message>
        <location filename="../ui/newmigration/runsummaryview.cpp" line="35"/>
        <source>its lag throttles the migration</source>
        <translation>seine Verzögerung drosselt die Migration</translation>
    </message>
    <message>
        <location filename="../ui/newmigration/runsummaryview.cpp" line="37"/>
        <source>the primary (found from the replica at start)</source>
        <translation>der Primärserver (beim Start über das Replikat ermittelt)</translation>
    </message>
    <message>
        <location filename="../ui/newmigration/runsummaryview.cpp" line="40"/>
        <source>not checked yet</source>
        <translation>noch nicht geprüft</translation>
    </message>
    <message>
        <location filename="../ui/newmigration/runsummaryview.cpp" line="49"/>
        <source>Not run for this table yet. The engine runs preflight itself before it changes anything, and stops if a finding blocks.</source>
        <translation>Für diese Tabelle noch nicht ausgeführt. Die Engine führt die Vorabprüfung selbst aus, bevor sie etwas ändert, und hält an, wenn ein Befund blockiert.</translation>
    </message>
    <message>
        <location filename="../ui/newmigration/runsummaryview.cpp" line="53"/>
        <source>Preflight could not run: %1</source>
        <translation>Die Vorabprüfung konnte nicht laufen: %1</translation>
    </message>
    <message>
        <location filename="../ui/newmigration/runsummaryview.cpp" line="54"/>
        <source>Nothing blocks the migration.</source>
        <translation>Nichts blockiert die Migration.</translation>
    </message>
    <message>
        <location filename="../ui/newmigration/runsummaryview.cpp" line="55"/>
        <source>Blocked by %1.</source>
        <translation>Blockiert durch %1.</translation>
    </message>
    <message>
        <location filename="../ui/newmigration/runsummaryview.cpp" line="57"/>
        <source>Overridden by you: %1.</source>
        <translation>Von Ihnen übergangen: %1.</translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/newmigration/runsummaryview.cpp" line="58"/>
        <source>%n warning(s), </source>
        <translation>
            <numerusform>%n Warnung, </numerusform>
            <numerusform>%n Warnungen, </numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/newmigration/runsummaryview.cpp" line="59"/>
        <source>%n check(s) passed.</source>
        <translation>
            <numerusform>%n Prüfung bestanden.</numerusform>
            <numerusform>%n Prüfungen bestanden.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/newmigration/runsummaryview.cpp" line="68"/>
        <source>&amp;Copy command line</source>
        <translation>Befehlszeile &amp;kopieren</translation>
    </message>
    <message>
        <location filename="../ui/newmigration/runsummaryview.cpp" line="81"/>
        <source>The same migration with shadowswap-cli:</source>
        <translation>Dieselbe Migration mit shadowswap-cli:</translation>
    </message>
    <message>
        <location filename="../ui/newmigration/runsummaryview.cpp" line="95"/>
        <source>Servers</source>
        <translation>Server</translation>
    </message>
    <message>
        <location filename="../ui/newmigration/runsummaryview.cpp" line="98"/>
        <source>Server</source>
        <translation>Server</translation>
    </message>
    <message>
        <location filename="../ui/newmigration/runsummaryview.cpp" line="98"/>
        <source>Role</source>
        <translation>Rolle</translation>
    </message>
    <message>
        <location filename="../ui/newmigration/runsummaryview.cpp" line="98"/>
        <source>What happens there</source>
        <translation>Was dort geschieht</translation>
    </message>
    <message>
        <location filename="../ui/newmigration/runsummaryview.cpp" line="98"/>
        <source>Version</source>
        <translation>Version</translation>
    </message>
    <message>
        <location filename="../ui/newmigration/runsummaryview.cpp" line="101"/>
        <source>Table</source>
        <translation>Tabelle</translation>
    </message>
    <message>
        <location filename="../ui/newmigration/runsummaryview.cpp" line="104"/>
        <source>about %1 rows, %2</source>
        <translation>etwa %1 Zeilen, %2</translation>
    </message>
    <message>
        <location filename="../ui/newmigration/runsummaryview.cpp" line="109"/>
        <source>Copy time estimate: %1 (measured on a scratch table; write load slows the copy).</source>
        <translation>Geschätzte Kopierdauer: %1 (an einer Testtabelle gemessen; Schreiblast verlangsamt die Kopie).</translation>
    </message>
    <message>
        <location filename="../ui/newmigration/runsummaryview.cpp" line="111"/>
        <source>under a second</source>
        <translation>unter einer Sekunde</translation>
    </message>
    <message>
        <location filename="../ui/newmigration/runsummaryview.cpp" line="113"/>
        <source>No estimate yet: run preflight to measure the copy rate and the table&apos;s size.</source>
        <translation>Noch keine Schätzung: Führen Sie die Vorabprüfung aus, um Kopierrate und Tabellengröße zu messen.</translation>
    </message>
    <message>
        <location filename="../ui/newmigration/runsummaryview.cpp" line="116"/>
        <source>ALTER</source>
        <translation>ALTER</translation>
    </message>
    <message>
        <location filename="../ui/newmigration/runsummaryview.cpp" line="119"/>
        <source>Executed: the table is changed for real.</source>
        <translation>Ausführung: Die Tabelle wird tatsächlich geändert.</translation>
    </message>
    <message>
        <location filename="../ui/newmigration/runsummaryview.cpp" line="120"/>
        <source>Dry run: the ghost table is built and dropped again.</source>
        <translation>Probelauf: Die neue Tabelle wird angelegt und wieder gelöscht.</translation>
    </message>
    <message>
        <location filename="../ui/newmigration/runsummaryview.cpp" line="123"/>
        <source>Options changed from the defaults</source>
        <translation>Vom Standard abweichende Optionen</translation>
    </message>
    <message>
        <location filename="../ui/newmigration/runsummaryview.cpp" line="125"/>
        <source>None: every option has shadowswap-cli&apos;s default.</source>
        <translation>Keine: Jede Option hat den Standardwert von shadowswap-cli.</translation>
    </message>
    <message>
        <location filename="../ui/newmigration/runsummaryview.cpp" line="129"/>
        <source>Option</source>
        <translation>Option</translation>
    </message>
    <message>
        <location filename="../ui/newmigration/runsummaryview.cpp" line="129"/>
        <source>Value</source>
        <translation>Wert</translation>
    </message>
    <message>
        <location filename="../ui/newmigration/runsummaryview.cpp" line="129"/>
        <source>Default</source>
        <translation>Standard</translation>
    </message>
    <message>
        <location filename="../ui/newmigration/runsummaryview.cpp" line="132"/>
        <source>(empty)</source>
        <translation>(leer)</translation>
    </message>
    <message>
        <location filename="../ui/newmigration/runsummaryview.cpp" line="134"/>
        <source>postpone the cut-over</source>
        <translation>Umschaltung aufschieben</translation>
    </message>
    <message>
        <location filename="../ui/newmigration/runsummaryview.cpp" line="135"/>
        <source>until you allow it in the Monitor</source>
        <translation>bis Sie sie in der Überwachung erlauben</translation>
    </message>
    <message>
        <location filename="../ui/newmigration/runsummaryview.cpp" line="135"/>
        <source>off</source>
        <translation>aus</translation>
    </message>
    <message>
        <location filename="../ui/newmigration/runsummaryview.cpp" line="139"/>
        <source>Preflight</source>
        <translation>Vorabprüfung</translation>
    </message>
    <message>
        <location filename="../ui/newmigration/runsummaryview.cpp" line="148"/>
        <source>No password is included: --ask-pass asks for it (for scripts, drop it and set SHADOWSWAP_PASSWORD).</source>
        <translation>Kein Passwort enthalten: --ask-pass fragt danach (für Skripte lassen Sie es weg und setzen SHADOWSWAP_PASSWORD).</translation>
    </message>
    <message>
        <location filename="../ui/newmigration/runsummaryview.cpp" line="151"/>
        <source>Also left out: --%1.</source>
        <translation>Ebenfalls weggelassen: --%1.</translation>
    </message>
    <message>
        <location filename="../ui/newmigration/runsummaryview.cpp" line="154"/>
        <source>To postpone the cut-over from the command line, add --postpone-cut-over-flag-file=FILE and delete FILE when the swap may go ahead.</source>
        <translation>Um die Umschaltung auf der Befehlszeile aufzuschieben, fügen Sie --postpone-cut-over-flag-file=DATEI hinzu und löschen DATEI, sobald der Tausch erfolgen darf.</translation>
    </message>
</context>
<context>
    <name>ui::SocketFeed</name>
    <message>
        <location filename="../ui/watch/socketfeed.cpp" line="58"/>
        <source>it answers, but not with a migration status: %1</source>
        <translation>antwortet, aber nicht mit einem Migrationsstatus: %1</translation>
    </message>
</context>
<context>
    <name>ui::StartReviewDialog</name>
    <message>
        <location filename="../ui/newmigration/startreviewdialog.cpp" line="18"/>
        <source>&amp;Start migration</source>
        <translation>Migration &amp;starten</translation>
    </message>
    <message>
        <location filename="../ui/newmigration/startreviewdialog.cpp" line="19"/>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <location filename="../ui/newmigration/startreviewdialog.cpp" line="23"/>
        <source>Review the migration of %1.%2</source>
        <translation>Migration von %1.%2 überprüfen</translation>
    </message>
    <message>
        <location filename="../ui/newmigration/startreviewdialog.cpp" line="25"/>
        <source>&lt;b&gt;Check what is about to happen.&lt;/b&gt; Nothing has changed yet: the migration starts when you confirm, and until the cut-over the original table stays as it is.</source>
        <translation>&lt;b&gt;Prüfen Sie, was gleich geschieht.&lt;/b&gt; Noch wurde nichts geändert: Die Migration startet, wenn Sie bestätigen, und bis zur Umschaltung bleibt die Originaltabelle, wie sie ist.</translation>
    </message>
    <message>
        <location filename="../ui/newmigration/startreviewdialog.cpp" line="28"/>
        <source>&lt;b&gt;A dry run:&lt;/b&gt; the ghost table is built, checked and dropped again; the table is not changed.</source>
        <translation>&lt;b&gt;Ein Probelauf:&lt;/b&gt; Die neue Tabelle wird angelegt, geprüft und wieder gelöscht; die Tabelle wird nicht geändert.</translation>
    </message>
</context>
<context>
    <name>ui::StateStrip</name>
    <message>
        <location filename="../ui/monitor/statestrip.cpp" line="37"/>
        <source>Validating</source>
        <translation>Prüfen</translation>
    </message>
    <message>
        <location filename="../ui/monitor/statestrip.cpp" line="38"/>
        <source>Copying</source>
        <translation>Kopieren</translation>
    </message>
    <message>
        <location filename="../ui/monitor/statestrip.cpp" line="39"/>
        <source>Verifying</source>
        <translation>Verifizieren</translation>
    </message>
    <message>
        <location filename="../ui/monitor/statestrip.cpp" line="40"/>
        <source>Postponed</source>
        <translation>Aufgeschoben</translation>
    </message>
    <message>
        <location filename="../ui/monitor/statestrip.cpp" line="41"/>
        <source>Cutting over</source>
        <translation>Umschalten</translation>
    </message>
    <message>
        <location filename="../ui/monitor/statestrip.cpp" line="42"/>
        <source>Done</source>
        <translation>Fertig</translation>
    </message>
    <message>
        <location filename="../ui/monitor/statestrip.cpp" line="75"/>
        <source>idle</source>
        <translation>untätig</translation>
    </message>
    <message>
        <location filename="../ui/monitor/statestrip.cpp" line="76"/>
        <source>connecting</source>
        <translation>verbinde</translation>
    </message>
    <message>
        <location filename="../ui/monitor/statestrip.cpp" line="77"/>
        <source>validating</source>
        <translation>prüfe</translation>
    </message>
    <message>
        <location filename="../ui/monitor/statestrip.cpp" line="78"/>
        <source>creating the new table</source>
        <translation>lege die neue Tabelle an</translation>
    </message>
    <message>
        <location filename="../ui/monitor/statestrip.cpp" line="79"/>
        <source>copying</source>
        <translation>kopiere</translation>
    </message>
    <message>
        <location filename="../ui/monitor/statestrip.cpp" line="80"/>
        <source>verifying</source>
        <translation>verifiziere</translation>
    </message>
    <message>
        <location filename="../ui/monitor/statestrip.cpp" line="81"/>
        <source>postponed: waiting for you to allow the cut-over</source>
        <translation>aufgeschoben: wartet darauf, dass Sie die Umschaltung erlauben</translation>
    </message>
    <message>
        <location filename="../ui/monitor/statestrip.cpp" line="82"/>
        <source>cutting over</source>
        <translation>schalte um</translation>
    </message>
    <message>
        <location filename="../ui/monitor/statestrip.cpp" line="83"/>
        <source>done</source>
        <translation>fertig</translation>
    </message>
    <message>
        <location filename="../ui/monitor/statestrip.cpp" line="84"/>
        <source>dry run done</source>
        <translation>Probelauf fertig</translation>
    </message>
    <message>
        <location filename="../ui/monitor/statestrip.cpp" line="85"/>
        <source>failed</source>
        <translation>fehlgeschlagen</translation>
    </message>
    <message>
        <location filename="../ui/monitor/statestrip.cpp" line="86"/>
        <source>aborted</source>
        <translation>abgebrochen</translation>
    </message>
    <message>
        <location filename="../ui/monitor/statestrip.cpp" line="87"/>
        <source>swapped; revert window open</source>
        <translation>getauscht; Rücksetzfenster offen</translation>
    </message>
    <message>
        <location filename="../ui/monitor/statestrip.cpp" line="96"/>
        <source>%1 s</source>
        <translation>%1 s</translation>
    </message>
    <message>
        <location filename="../ui/monitor/statestrip.cpp" line="98"/>
        <source>%1 min %2 s</source>
        <translation>%1 min %2 s</translation>
    </message>
    <message>
        <location filename="../ui/monitor/statestrip.cpp" line="99"/>
        <source>%1 h %2 min</source>
        <translation>%1 h %2 min</translation>
    </message>
    <message>
        <location filename="../ui/monitor/statestrip.cpp" line="142"/>
        <source>Copy ETA: %1 · elapsed %2</source>
        <translation>Kopie fertig in: %1 · vergangen %2</translation>
    </message>
    <message>
        <location filename="../ui/monitor/statestrip.cpp" line="144"/>
        <source>Elapsed %1</source>
        <translation>Vergangen %1</translation>
    </message>
</context>
<context>
    <name>ui::TableFeed</name>
    <message>
        <location filename="../ui/watch/tablefeed.cpp" line="38"/>
        <source>%1:%2 (helper tables, read-only)</source>
        <translation>%1:%2 (Hilfstabellen, nur lesend)</translation>
    </message>
    <message>
        <location filename="../ui/watch/tablefeed.cpp" line="43"/>
        <source>No control socket: this migration is watched from its helper tables only.</source>
        <translation>Kein Steuer-Socket: Diese Migration wird nur über ihre Hilfstabellen beobachtet.</translation>
    </message>
    <message>
        <location filename="../ui/watch/tablefeed.cpp" line="72"/>
        <source>%1 is gone: the migration ended or its helper tables were dropped</source>
        <translation>%1 ist verschwunden: Die Migration ist beendet oder ihre Hilfstabellen wurden gelöscht</translation>
    </message>
    <message>
        <location filename="../ui/watch/tablefeed.cpp" line="92"/>
        <source>heartbeat age</source>
        <translation>Heartbeat-Alter</translation>
    </message>
    <message>
        <location filename="../ui/watch/tablefeed.cpp" line="97"/>
        <source>Changelog %1.%2 (%3), state &quot;%4&quot;, heartbeat %5 ms old</source>
        <translation>Änderungsprotokoll %1.%2 (%3), Zustand „%4“, Heartbeat %5 ms alt</translation>
    </message>
    <message>
        <location filename="../ui/watch/tablefeed.cpp" line="100"/>
        <source>Ghost %1: about %2 rows; original: about %3 rows (InnoDB estimates)</source>
        <translation>Neue Tabelle %1: etwa %2 Zeilen; Original: etwa %3 Zeilen (InnoDB-Schätzungen)</translation>
    </message>
</context>
<context>
    <name>ui::WatchMonitor</name>
    <message>
        <location filename="../ui/watch/watchmonitor.cpp" line="34"/>
        <source>&amp;Throttle</source>
        <translation>&amp;Drosseln</translation>
    </message>
    <message>
        <location filename="../ui/watch/watchmonitor.cpp" line="35"/>
        <source>&amp;No throttle</source>
        <translation>Drosselung &amp;aufheben</translation>
    </message>
    <message>
        <location filename="../ui/watch/watchmonitor.cpp" line="36"/>
        <source>&amp;Allow cut-over</source>
        <translation>Umschaltung &amp;erlauben</translation>
    </message>
    <message>
        <location filename="../ui/watch/watchmonitor.cpp" line="37"/>
        <source>&amp;Panic…</source>
        <translation>&amp;Panik …</translation>
    </message>
    <message>
        <location filename="../ui/watch/watchmonitor.cpp" line="38"/>
        <source>Cut-over &amp;window…</source>
        <translation>Umschalt&amp;fenster …</translation>
    </message>
    <message>
        <location filename="../ui/watch/watchmonitor.cpp" line="57"/>
        <source>Who holds or waits for the table&apos;s locks, long transactions and replica lag, live, with KILL: read on the primary of the server the console is connected to.</source>
        <translation>Wer Sperren auf der Tabelle hält oder auf sie wartet, lange Transaktionen und Replikat-Verzögerung, live, mit KILL: gelesen auf dem Primärserver des Servers, mit dem die Konsole verbunden ist.</translation>
    </message>
    <message>
        <location filename="../ui/watch/watchmonitor.cpp" line="77"/>
        <source>The migration&apos;s own description (tables, hosts, flags) appears here.</source>
        <translation>Hier erscheint die eigene Beschreibung der Migration (Tabellen, Hosts, Flags).</translation>
    </message>
    <message>
        <location filename="../ui/watch/watchmonitor.cpp" line="79"/>
        <source>Send &quot;throttle&quot;: copying and applying pause until &quot;no-throttle&quot;.</source>
        <translation>„throttle“ senden: Kopieren und Anwenden pausieren bis „no-throttle“.</translation>
    </message>
    <message>
        <location filename="../ui/watch/watchmonitor.cpp" line="81"/>
        <source>Send &quot;no-throttle&quot;: ends the throttle you commanded (other throttling may still apply).</source>
        <translation>„no-throttle“ senden: Beendet die von Ihnen befohlene Drosselung (andere Drosselungen können weiter greifen).</translation>
    </message>
    <message>
        <location filename="../ui/watch/watchmonitor.cpp" line="82"/>
        <source>Send &quot;unpostpone&quot;: the postponed cut-over proceeds now.</source>
        <translation>„unpostpone“ senden: Die aufgeschobene Umschaltung erfolgt jetzt.</translation>
    </message>
    <message>
        <location filename="../ui/watch/watchmonitor.cpp" line="84"/>
        <source>Send &quot;panic&quot;: the process quits at once without cleaning up. The original table is not touched; the helper tables stay behind.</source>
        <translation>„panic“ senden: Der Prozess beendet sich sofort, ohne aufzuräumen. Die Originaltabelle wird nicht angerührt; die Hilfstabellen bleiben zurück.</translation>
    </message>
    <message>
        <location filename="../ui/watch/watchmonitor.cpp" line="88"/>
        <source> ms</source>
        <translation> ms</translation>
    </message>
    <message>
        <location filename="../ui/watch/watchmonitor.cpp" line="102"/>
        <source>Live settings (sent when you press Enter)</source>
        <translation>Laufende Einstellungen (werden mit Enter gesendet)</translation>
    </message>
    <message>
        <location filename="../ui/watch/watchmonitor.cpp" line="104"/>
        <source>chunk-size:</source>
        <translation>chunk-size:</translation>
    </message>
    <message>
        <location filename="../ui/watch/watchmonitor.cpp" line="105"/>
        <source>max-lag-millis:</source>
        <translation>max-lag-millis:</translation>
    </message>
    <message>
        <location filename="../ui/watch/watchmonitor.cpp" line="106"/>
        <source>nice-ratio:</source>
        <translation>nice-ratio:</translation>
    </message>
    <message>
        <location filename="../ui/watch/watchmonitor.cpp" line="107"/>
        <source>dml-batch-size:</source>
        <translation>dml-batch-size:</translation>
    </message>
    <message>
        <location filename="../ui/watch/watchmonitor.cpp" line="126"/>
        <source>Header facts:</source>
        <translation>Kopfangaben:</translation>
    </message>
    <message>
        <location filename="../ui/watch/watchmonitor.cpp" line="154"/>
        <source>A new run answers on %1: the charts start again.</source>
        <translation>Auf %1 antwortet ein neuer Lauf: Die Diagramme beginnen von vorn.</translation>
    </message>
    <message>
        <location filename="../ui/watch/watchmonitor.cpp" line="166"/>
        <source>Read-only: watched from its helper tables. Attach to its control socket to send commands.</source>
        <translation>Nur lesend: über die Hilfstabellen beobachtet. Hängen Sie sich an ihren Steuer-Socket an, um Befehle zu senden.</translation>
    </message>
    <message>
        <location filename="../ui/watch/watchmonitor.cpp" line="186"/>
        <source>a migration</source>
        <translation>eine Migration</translation>
    </message>
    <message>
        <location filename="../ui/watch/watchmonitor.cpp" line="187"/>
        <source>Watching %1 — %2 via %3</source>
        <translation>Beobachte %1 — %2 über %3</translation>
    </message>
    <message>
        <location filename="../ui/watch/watchmonitor.cpp" line="190"/>
        <source>Connecting…</source>
        <translation>Verbinde …</translation>
    </message>
    <message>
        <location filename="../ui/watch/watchmonitor.cpp" line="193"/>
        <source>Live: read every second.</source>
        <translation>Live: jede Sekunde gelesen.</translation>
    </message>
    <message>
        <location filename="../ui/watch/watchmonitor.cpp" line="196"/>
        <location filename="../ui/watch/watchmonitor.cpp" line="197"/>
        <source>Last reading: </source>
        <translation>Letzter Stand: </translation>
    </message>
    <message>
        <location filename="../ui/watch/watchmonitor.cpp" line="199"/>
        <source>&lt;b&gt;No answer&lt;/b&gt; from %1: %2. The process may have ended or the connection dropped; the charts keep what they had and the console keeps trying every second.</source>
        <translation>&lt;b&gt;Keine Antwort&lt;/b&gt; von %1: %2. Der Prozess ist vielleicht beendet oder die Verbindung abgebrochen; die Diagramme behalten ihren Stand und die Konsole versucht es jede Sekunde erneut.</translation>
    </message>
    <message>
        <location filename="../ui/watch/watchmonitor.cpp" line="212"/>
        <source>&lt;b&gt;%1&lt;/b&gt; · %2 of %3 rows (%4%) · copy %5 rows/s · apply %6 events/s · lag %7 (stream) / %8 · backlog %9 · ETA %10</source>
        <translation>&lt;b&gt;%1&lt;/b&gt; · %2 von %3 Zeilen (%4 %) · Kopieren %5 Zeilen/s · Anwenden %6 Ereignisse/s · Verzögerung %7 (Strom) / %8 · Rückstand %9 · Restzeit %10</translation>
    </message>
    <message>
        <location filename="../ui/watch/watchmonitor.cpp" line="219"/>
        <source>n/a</source>
        <translation>k. A.</translation>
    </message>
    <message>
        <location filename="../ui/watch/watchmonitor.cpp" line="261"/>
        <source>&lt;p&gt;Send &lt;b&gt;panic&lt;/b&gt; to the migration of &lt;b&gt;%1&lt;/b&gt;?&lt;/p&gt;&lt;p&gt;The process quits at once, without cleaning up: the original table is not touched, the helper tables (%2) stay behind for you to drop.&lt;/p&gt;</source>
        <translation>&lt;p&gt;&lt;b&gt;panic&lt;/b&gt; an die Migration von &lt;b&gt;%1&lt;/b&gt; senden?&lt;/p&gt;&lt;p&gt;Der Prozess beendet sich sofort, ohne aufzuräumen: Die Originaltabelle wird nicht angerührt, die Hilfstabellen (%2) bleiben zurück, damit Sie sie löschen können.&lt;/p&gt;</translation>
    </message>
    <message>
        <location filename="../ui/watch/watchmonitor.cpp" line="265"/>
        <source>_T_gho, _T_ghc</source>
        <translation>_T_gho, _T_ghc</translation>
    </message>
    <message>
        <location filename="../ui/watch/watchmonitor.cpp" line="267"/>
        <source>Panic: %1</source>
        <translation>Panik: %1</translation>
    </message>
    <message>
        <location filename="../ui/watch/watchmonitor.cpp" line="282"/>
        <source>accepted</source>
        <translation>angenommen</translation>
    </message>
    <message>
        <location filename="../ui/watch/watchmonitor.cpp" line="284"/>
        <source>&lt;b&gt;%1&lt;/b&gt; was refused: %2</source>
        <translation>&lt;b&gt;%1&lt;/b&gt; wurde abgelehnt: %2</translation>
    </message>
    <message>
        <location filename="../ui/watch/watchmonitor.cpp" line="285"/>
        <source>&lt;b&gt;%1&lt;/b&gt;: %2</source>
        <translation>&lt;b&gt;%1&lt;/b&gt;: %2</translation>
    </message>
</context>
</TS>
