<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>LagText</name>
    <message>
        <location filename="../ui/lagtext.cpp" line="11"/>
        <source>n/a</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/lagtext.cpp" line="11"/>
        <source>%1 s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/lagtext.cpp" line="17"/>
        <source>%1 (replica)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/lagtext.cpp" line="20"/>
        <source>unreadable (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/lagtext.cpp" line="21"/>
        <source>%1 (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/lagtext.cpp" line="30"/>
        <source>%1: lag unreadable: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/lagtext.cpp" line="32"/>
        <source>(no reason given)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ui::ConnectionsPage</name>
    <message>
        <location filename="../ui/connectionspage.cpp" line="46"/>
        <source>Remember in the system keyring</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/connectionspage.cpp" line="48"/>
        <source>This server is a replica: read its binlog (recommended)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/connectionspage.cpp" line="49"/>
        <source>This server is the primary: read its own binlog (--allow-on-master)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/connectionspage.cpp" line="50"/>
        <source>Use TLS</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/connectionspage.cpp" line="54"/>
        <source>Verify the server certificate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/connectionspage.cpp" line="55"/>
        <source>&amp;Test connection</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/connectionspage.cpp" line="70"/>
        <source>Saved profiles</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/connectionspage.cpp" line="73"/>
        <source>&amp;New</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/connectionspage.cpp" line="74"/>
        <source>&amp;Delete</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/connectionspage.cpp" line="81"/>
        <source>e.g. shop replica</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/connectionspage.cpp" line="82"/>
        <source>host name or IP address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/connectionspage.cpp" line="86"/>
        <source>asked each time unless remembered</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/connectionspage.cpp" line="87"/>
        <source>Store the password in the operating system&apos;s keyring. It is never written to the settings file or to logs.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/connectionspage.cpp" line="91"/>
        <source>Shadowswap reads the binlog from this replica and writes the new table on its primary, which it finds through the replica&apos;s replication settings.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/connectionspage.cpp" line="93"/>
        <source>No replica: the primary&apos;s own binlog is read. Adds a little load to the primary.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/connectionspage.cpp" line="95"/>
        <source>Profile &amp;name:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/connectionspage.cpp" line="96"/>
        <source>&amp;Host:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/connectionspage.cpp" line="97"/>
        <source>&amp;Port:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/connectionspage.cpp" line="98"/>
        <source>&amp;User:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/connectionspage.cpp" line="99"/>
        <source>Pass&amp;word:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/connectionspage.cpp" line="102"/>
        <source>Binlog source</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/connectionspage.cpp" line="110"/>
        <source>CA certificate file (PEM)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/connectionspage.cpp" line="111"/>
        <source>client certificate file (optional)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/connectionspage.cpp" line="112"/>
        <source>client key file (optional)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/connectionspage.cpp" line="113"/>
        <source>CA:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/connectionspage.cpp" line="114"/>
        <source>Certificate:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/connectionspage.cpp" line="115"/>
        <source>Key:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/connectionspage.cpp" line="119"/>
        <source>&amp;Save profile</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/connectionspage.cpp" line="126"/>
        <source>Test the connection to see the server&apos;s version, role and binlog settings.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/connectionspage.cpp" line="151"/>
        <source>No system keyring found: the password is asked each time and kept in memory only.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/connectionspage.cpp" line="180"/>
        <source>Password read from the system keyring.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/connectionspage.cpp" line="235"/>
        <source>Save profile</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/connectionspage.cpp" line="235"/>
        <source>A profile needs a name and a host.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/connectionspage.cpp" line="242"/>
        <source>Password stored in the system keyring.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/connectionspage.cpp" line="255"/>
        <source>Delete profile</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/connectionspage.cpp" line="255"/>
        <source>Delete the profile &quot;%1&quot;?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/connectionspage.cpp" line="270"/>
        <source>&lt;p&gt;Connecting to %1…&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/connectionspage.cpp" line="291"/>
        <source>&lt;p&gt;&lt;b&gt;Could not connect.&lt;/b&gt;&lt;/p&gt;&lt;p&gt;%1&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/connectionspage.cpp" line="307"/>
        <source>ON</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/connectionspage.cpp" line="307"/>
        <source>OFF</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/connectionspage.cpp" line="308"/>
        <source>Connected.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/connectionspage.cpp" line="309"/>
        <source>Server</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/connectionspage.cpp" line="310"/>
        <source>Version</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/connectionspage.cpp" line="311"/>
        <source>Server id</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/connectionspage.cpp" line="311"/>
        <source> (read only)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/connectionspage.cpp" line="312"/>
        <source>Role</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/connectionspage.cpp" line="312"/>
        <source>replica of %1:%2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/connectionspage.cpp" line="313"/>
        <source>primary (no replication source)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/connectionspage.cpp" line="314"/>
        <source>Binary log</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/connectionspage.cpp" line="315"/>
        <source>Binlog format</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/connectionspage.cpp" line="316"/>
        <source>Binlog row image</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/connectionspage.cpp" line="317"/>
        <source>log_slave_updates</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/connectionspage.cpp" line="318"/>
        <source>GTID</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/connectionspage.cpp" line="322"/>
        <source>&lt;p&gt;&lt;b&gt;Note:&lt;/b&gt; this server is no replica. Choose &quot;read its own binlog&quot; to migrate on it directly.&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/connectionspage.cpp" line="325"/>
        <source>&lt;p&gt;&lt;b&gt;Note:&lt;/b&gt; this server is a replica; reading its binlog is the safer choice.&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/connectionspage.cpp" line="327"/>
        <source>&lt;p&gt;&lt;b&gt;Warning:&lt;/b&gt; a migration needs log_bin=ON and binlog_format=ROW here.&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ui::CreateDiffView</name>
    <message>
        <location filename="../ui/creatediffview.cpp" line="69"/>
        <source>Current table</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/creatediffview.cpp" line="70"/>
        <source>After the ALTER (dry run)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/creatediffview.cpp" line="74"/>
        <source>Press &quot;Dry run&quot; to build the new table empty and see its definition here.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/creatediffview.cpp" line="113"/>
        <source>No difference: the ALTER does not change the table definition.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/creatediffview.cpp" line="114"/>
        <source>%n line(s) removed or changed, </source>
        <translation>
            <numerusform>%n line removed or changed, </numerusform>
            <numerusform>%n lines removed or changed, </numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/creatediffview.cpp" line="116"/>
        <source>%n line(s) added or changed.</source>
        <translation>
            <numerusform>%n line added or changed.</numerusform>
            <numerusform>%n lines added or changed.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ui::HistoryPage</name>
    <message>
        <location filename="../ui/historypage.cpp" line="28"/>
        <source>running or crashed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/historypage.cpp" line="31"/>
        <source>dry run</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/historypage.cpp" line="33"/>
        <source>done (reverted)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/historypage.cpp" line="34"/>
        <source>done (resumed)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/historypage.cpp" line="37"/>
        <source>interrupted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/historypage.cpp" line="45"/>
        <source>running in this console</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/historypage.cpp" line="46"/>
        <source>no end recorded — the process may have crashed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/historypage.cpp" line="50"/>
        <source>reverted to the old schema in the revert window; the table with the new schema is kept as %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/historypage.cpp" line="54"/>
        <source>%1 rows copied, %2 changes applied, swap blocked writes %3 ms</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/historypage.cpp" line="87"/>
        <source>Table</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/historypage.cpp" line="87"/>
        <source>Outcome</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/historypage.cpp" line="87"/>
        <source>Duration</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/historypage.cpp" line="87"/>
        <source>Details</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/historypage.cpp" line="87"/>
        <source>Started</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/historypage.cpp" line="96"/>
        <source>Migrations are recorded in %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/historypage.cpp" line="99"/>
        <source>&lt;b&gt;Not recorded.&lt;/b&gt; The history journal could not be opened: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/historypage.cpp" line="140"/>
        <source>no end recorded; a later run of this table took over</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/historypage.cpp" line="141"/>
        <source>a later run of this table took over</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/historypage.cpp" line="162"/>
        <source>Resume…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/historypage.cpp" line="167"/>
        <source>A migration is running in this console; resume when it has ended.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/historypage.cpp" line="168"/>
        <source>Continue this migration from its last checkpoint instead of starting over. You are asked to confirm first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/historypage.cpp" line="34"/>
        <source>done</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/historypage.cpp" line="36"/>
        <source>aborted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/historypage.cpp" line="35"/>
        <source>failed</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ui::LogModel</name>
    <message>
        <location filename="../ui/logmodel.cpp" line="35"/>
        <source>trace</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/logmodel.cpp" line="36"/>
        <source>debug</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/logmodel.cpp" line="37"/>
        <source>info</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/logmodel.cpp" line="38"/>
        <source>warning</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/logmodel.cpp" line="39"/>
        <source>error</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/logmodel.cpp" line="40"/>
        <source>critical</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ui::MainWindow</name>
    <message>
        <location filename="../ui/mainwindow.cpp" line="54"/>
        <source>Shadowswap</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="59"/>
        <source>Connections</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="60"/>
        <source>New migration</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="61"/>
        <source>Preflight</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="62"/>
        <source>Monitor</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="63"/>
        <source>History</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="71"/>
        <source>Connected to %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="75"/>
        <source>Connection failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="95"/>
        <source>reverted to the old schema</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="101"/>
        <source>failed (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="109"/>
        <source>Preflight blocked the migration; nothing was changed. See the findings.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="128"/>
        <source>&amp;File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="129"/>
        <source>&amp;Connect…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="130"/>
        <source>Ctrl+K</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="132"/>
        <source>&amp;Quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="135"/>
        <source>&amp;Migration</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="136"/>
        <source>&amp;Inspect table…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="138"/>
        <source>Ctrl+I</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="139"/>
        <source>&amp;Dry run</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="143"/>
        <source>Ctrl+D</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="144"/>
        <source>&amp;Start migration</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="145"/>
        <source>Ctrl+Return</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="147"/>
        <source>&amp;Throttle / Resume</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="151"/>
        <source>Ctrl+Shift+T</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="152"/>
        <source>&amp;Abort…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="154"/>
        <source>Ctrl+Shift+A</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="157"/>
        <source>&amp;View</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="163"/>
        <source>&amp;Help</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="164"/>
        <source>&amp;About Shadowswap</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="165"/>
        <source>About Shadowswap</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="166"/>
        <source>&lt;b&gt;Shadowswap %1&lt;/b&gt;&lt;p&gt;Online schema changes for live MySQL and MariaDB tables: the new table is built and kept in sync from the binlog, then swapped in atomically.&lt;/p&gt;&lt;p&gt;License: GPL-3.0-or-later.&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="171"/>
        <source>About &amp;Qt</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="173"/>
        <source>Main</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="187"/>
        <source>Connected: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="188"/>
        <source>Not connected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="194"/>
        <location filename="../ui/mainwindow.cpp" line="197"/>
        <source>Migration: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="206"/>
        <source>--demo: no sandbox in the environment (run scripts/demo)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="226"/>
        <location filename="../ui/mainwindow.cpp" line="230"/>
        <source>Start migration</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="231"/>
        <source>Preflight found blocking problems: %1.

Fix them and re-run preflight, or override them one by one on the Preflight page.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="245"/>
        <source>Connect to a server first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="46"/>
        <source>Inspect table</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="47"/>
        <source>Table to inspect (schema.table):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="271"/>
        <source>A migration is running</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="272"/>
        <source>The migration of %1.%2 is still running.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="275"/>
        <source>Keep it running and minimize the window, or abort it safely: the helper tables are dropped and the original table stays untouched.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="277"/>
        <source>&amp;Keep running (minimize)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="278"/>
        <source>&amp;Abort safely and quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="287"/>
        <source>Aborting; the window closes when the helper tables are gone…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ui::MonitorCharts</name>
    <message>
        <location filename="../ui/monitorcharts.cpp" line="51"/>
        <location filename="../ui/monitorcharts.cpp" line="182"/>
        <source>Copy progress</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/monitorcharts.cpp" line="51"/>
        <source>%</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/monitorcharts.cpp" line="52"/>
        <source>Rates</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/monitorcharts.cpp" line="52"/>
        <source>per second</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/monitorcharts.cpp" line="53"/>
        <source>Lag</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/monitorcharts.cpp" line="53"/>
        <source>seconds</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/monitorcharts.cpp" line="54"/>
        <source>Backlog</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/monitorcharts.cpp" line="54"/>
        <source>changed keys</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/monitorcharts.cpp" line="61"/>
        <source>copied</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/monitorcharts.cpp" line="64"/>
        <source>copy rows/s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/monitorcharts.cpp" line="65"/>
        <source>apply events/s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/monitorcharts.cpp" line="66"/>
        <source>binlog stream</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/monitorcharts.cpp" line="212"/>
        <source>replica</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/monitorcharts.cpp" line="340"/>
        <source>%1: lag unreadable: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/monitorcharts.cpp" line="67"/>
        <source>backlog</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/monitorcharts.cpp" line="84"/>
        <source>throttled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/monitorcharts.cpp" line="199"/>
        <source>Copy progress: %1 of %2 rows</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/monitorcharts.cpp" line="265"/>
        <source>%1 (unreadable)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/monitorcharts.cpp" line="330"/>
        <source>Throttled: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/monitorcharts.cpp" line="232"/>
        <location filename="../ui/monitorcharts.cpp" line="330"/>
        <source>(no reason given)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ui::MonitorPage</name>
    <message>
        <location filename="../ui/monitorpage.cpp" line="47"/>
        <source>No migration is running. Start one from &quot;New migration&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/monitorpage.cpp" line="51"/>
        <location filename="../ui/monitorpage.cpp" line="180"/>
        <location filename="../ui/monitorpage.cpp" line="231"/>
        <source>&amp;Throttle</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/monitorpage.cpp" line="52"/>
        <location filename="../ui/monitorpage.cpp" line="214"/>
        <source>&amp;Postpone cut-over</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/monitorpage.cpp" line="53"/>
        <source>&amp;Cut over now…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/monitorpage.cpp" line="54"/>
        <source>&amp;Abort…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/monitorpage.cpp" line="93"/>
        <source>Pause copying rows and applying changes (as gh-ost does). The binlog is still read and the changed keys queue up, so nothing is lost; they are applied on Resume.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/monitorpage.cpp" line="96"/>
        <source>Hold the table swap back: after copying, the migration waits (and keeps applying changes) until you allow it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/monitorpage.cpp" line="98"/>
        <source>Swap the tables as soon as the copy is complete, even when the cut-over is postponed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/monitorpage.cpp" line="99"/>
        <source>Stop and remove the helper tables. The original table is not touched.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/monitorpage.cpp" line="103"/>
        <location filename="../ui/monitorpage.cpp" line="108"/>
        <source> ms</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/monitorpage.cpp" line="104"/>
        <source>How long one copy chunk should take; the chunk size adapts to it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/monitorpage.cpp" line="109"/>
        <source>Copying pauses while the lag is above this.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/monitorpage.cpp" line="113"/>
        <source>Sleep this fraction of each chunk&apos;s copy time after it (0.5: copy 1 s, rest 0.5 s).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/monitorpage.cpp" line="130"/>
        <source>Live settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/monitorpage.cpp" line="132"/>
        <source>Chunk target:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/monitorpage.cpp" line="133"/>
        <source>Max lag:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/monitorpage.cpp" line="134"/>
        <source>Nice ratio:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/monitorpage.cpp" line="140"/>
        <source>Log</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/monitorpage.cpp" line="142"/>
        <source>Show from:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/monitorpage.cpp" line="180"/>
        <source>&amp;Resume</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/monitorpage.cpp" line="214"/>
        <source>&amp;Allow cut-over</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/monitorpage.cpp" line="224"/>
        <source>Migrating %1.%2: ALTER TABLE … %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/monitorpage.cpp" line="254"/>
        <source>&lt;b&gt;%1&lt;/b&gt; · %2 of %3 rows (%4%) · copy %5 rows/s · apply %6 events/s · lag %7 (stream) / %8 · backlog %9</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/monitorpage.cpp" line="351"/>
        <source>&lt;p&gt;Swap the tables as soon as the copy is complete?&lt;/p&gt;&lt;p&gt;Current lag: %1 (binlog stream), %2; %3 changed keys still to apply.&lt;/p&gt;&lt;p&gt;Application writes to the table wait for the swap, usually well under a second; if a session holds a lock on the table, the swap times out and is retried.&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/monitorpage.cpp" line="266"/>
        <source>throttled: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/monitorpage.cpp" line="280"/>
        <source>&lt;b&gt;Reverted.&lt;/b&gt; %1 has its old schema again, with every write made since the cut-over. The table with the new schema is kept as %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/monitorpage.cpp" line="286"/>
        <source>&lt;b&gt;Done.&lt;/b&gt; %1 rows copied, %2 changes applied in %3; the swap blocked writes for %4 ms. %5</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/monitorpage.cpp" line="290"/>
        <source>The old table was dropped.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/monitorpage.cpp" line="291"/>
        <source>The old table is kept as %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/monitorpage.cpp" line="300"/>
        <source>&lt;b&gt;Aborted.&lt;/b&gt; </source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/monitorpage.cpp" line="300"/>
        <source>&lt;b&gt;Failed&lt;/b&gt; (%1): </source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/monitorpage.cpp" line="302"/>
        <source> The original table is untouched.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/monitorpage.cpp" line="303"/>
        <source> The tables were already swapped; check the old table.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/monitorpage.cpp" line="357"/>
        <source>&lt;p&gt;No session on the primary holds the table or a long transaction right now.&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/monitorpage.cpp" line="359"/>
        <source>&lt;p&gt;&lt;b&gt;%n session(s) on the primary could make the swap wait:&lt;/b&gt;&lt;/p&gt;</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/monitorpage.cpp" line="366"/>
        <source>&lt;p&gt;… and %n more.&lt;/p&gt;</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/monitorpage.cpp" line="369"/>
        <source>Cut over now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/monitorpage.cpp" line="381"/>
        <source>&lt;p&gt;Abort the migration?&lt;/p&gt;&lt;p&gt;Copying stops and the helper tables (the new table and the changelog) are dropped. The original table stays exactly as it is; nothing that was written to it is lost.&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/monitorpage.cpp" line="384"/>
        <source>Abort migration</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ui::NewMigrationPage</name>
    <message>
        <location filename="../ui/newmigrationpage.cpp" line="81"/>
        <source>Postpone the cut-over until I allow it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/newmigrationpage.cpp" line="82"/>
        <source>Keep the old table after the swap</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/newmigrationpage.cpp" line="86"/>
        <source>&amp;Dry run</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/newmigrationpage.cpp" line="87"/>
        <source>&amp;Preflight…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/newmigrationpage.cpp" line="88"/>
        <source>&amp;Start migration</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/newmigrationpage.cpp" line="107"/>
        <source>Table</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/newmigrationpage.cpp" line="107"/>
        <source>Rows (estimate)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/newmigrationpage.cpp" line="107"/>
        <source>Size</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/newmigrationpage.cpp" line="114"/>
        <source>ADD COLUMN priority TINYINT NOT NULL DEFAULT 0, ADD INDEX idx_priority (priority)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/newmigrationpage.cpp" line="121"/>
        <source> rows</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/newmigrationpage.cpp" line="122"/>
        <source>Rows copied per chunk at the start. Later chunks adapt so that each takes about half a second; smaller chunks hold row locks for less time.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/newmigrationpage.cpp" line="127"/>
        <source> ms</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/newmigrationpage.cpp" line="128"/>
        <source>When replication lag (or the lag of the binlog stream) exceeds this, copying pauses until it recovers. Changes keep being applied meanwhile.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/newmigrationpage.cpp" line="130"/>
        <source>Copy and keep the new table in sync, then wait in &quot;postponed&quot; until you press &quot;Allow cut-over&quot; in the monitor. Use it to swap tables in a quiet moment.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/newmigrationpage.cpp" line="133"/>
        <source>After the swap the original table stays as _&lt;table&gt;_del, so you can go back. Untick to drop it at the end (on a large table the DROP itself can be slow).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/newmigrationpage.cpp" line="136"/>
        <source>none</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/newmigrationpage.cpp" line="137"/>
        <source> min</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/newmigrationpage.cpp" line="138"/>
        <source>After the swap, keep the old table in sync for this long, so that &quot;Revert&quot; in the monitor can swap it back with every write (--revert-window). Changes that can&apos;t be inverted (a changed column type, renamed columns) are refused at start.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/newmigrationpage.cpp" line="144"/>
        <source>The server id Shadowswap uses to read the binlog as a replica would. It must differ from every real server and every other running migration.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/newmigrationpage.cpp" line="146"/>
        <source>host:port, host:port (optional)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/newmigrationpage.cpp" line="147"/>
        <source>More replicas whose lag pauses the copy when it exceeds the max lag (gh-ost&apos;s --throttle-control-replicas). The server you connected to is always watched when it is a replica.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/newmigrationpage.cpp" line="150"/>
        <source>Create the new table empty, apply the ALTER, show the result, and drop it. Changes no data.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/newmigrationpage.cpp" line="152"/>
        <location filename="../ui/newmigrationpage.cpp" line="352"/>
        <source>Start copying; you watch and steer the migration in the Monitor.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/newmigrationpage.cpp" line="159"/>
        <source>&amp;Schema:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/newmigrationpage.cpp" line="161"/>
        <source>&amp;Refresh</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/newmigrationpage.cpp" line="173"/>
        <source>Options</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/newmigrationpage.cpp" line="175"/>
        <source>Chunk size:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/newmigrationpage.cpp" line="176"/>
        <source>Max lag:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/newmigrationpage.cpp" line="177"/>
        <source>Replicas to watch:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/newmigrationpage.cpp" line="178"/>
        <source>Binlog client server id:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/newmigrationpage.cpp" line="179"/>
        <source>Revert window:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/newmigrationpage.cpp" line="226"/>
        <source>Dry run passed: the new table was built empty, checked and dropped again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/newmigrationpage.cpp" line="232"/>
        <source>The dry run failed (%1):

%2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/newmigrationpage.cpp" line="233"/>
        <source>Dry run failed: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/newmigrationpage.cpp" line="258"/>
        <source>Loading schemas…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/newmigrationpage.cpp" line="338"/>
        <source>Pick a table, then type the ALTER:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/newmigrationpage.cpp" line="353"/>
        <source>Preflight found blocking problems (%1). Fix them and re-run preflight, or override them one by one on the Preflight page.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/newmigrationpage.cpp" line="392"/>
        <source>Building the new table empty…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/newmigrationpage.cpp" line="393"/>
        <source>Dry run running…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ui::PasswordStore</name>
    <message>
        <location filename="../ui/passwordstore.cpp" line="31"/>
        <source>No keyring is available; type the password each time.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/passwordstore.cpp" line="42"/>
        <source>No password stored for this profile.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/passwordstore.cpp" line="44"/>
        <source>The keyring could not be read: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/passwordstore.cpp" line="53"/>
        <source>No keyring is available; the password was not stored and will be asked each time.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/passwordstore.cpp" line="64"/>
        <source>The keyring refused the password (%1); it will be asked each time.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ui::PreflightModel</name>
    <message>
        <location filename="../ui/preflightmodel.cpp" line="54"/>
        <source>OK</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/preflightmodel.cpp" line="55"/>
        <source>Warning</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/preflightmodel.cpp" line="56"/>
        <source>Blocks</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/preflightmodel.cpp" line="111"/>
        <source>Overridden</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/preflightmodel.cpp" line="136"/>
        <source>Severity</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/preflightmodel.cpp" line="137"/>
        <source>Check</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/preflightmodel.cpp" line="138"/>
        <source>Finding</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/preflightmodel.cpp" line="139"/>
        <source>Fix</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ui::PreflightPage</name>
    <message>
        <location filename="../ui/preflightpage.cpp" line="36"/>
        <source>&amp;Run preflight</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/preflightpage.cpp" line="37"/>
        <source>&amp;Copy fix SQL</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/preflightpage.cpp" line="38"/>
        <source>&amp;Override this blocker…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/preflightpage.cpp" line="61"/>
        <source>Select a finding to see its evidence and the suggested fix.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/preflightpage.cpp" line="65"/>
        <source>Let the migration start despite this blocking finding. You are asked to confirm.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/preflightpage.cpp" line="108"/>
        <source>Preflight for %1.%2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/preflightpage.cpp" line="109"/>
        <source>Preflight</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/preflightpage.cpp" line="112"/>
        <source>Connect and pick a table (New migration) to check whether it can be migrated.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/preflightpage.cpp" line="134"/>
        <source>Running preflight checks on %1…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/preflightpage.cpp" line="152"/>
        <source>&lt;b&gt;Preflight could not run:&lt;/b&gt; %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/preflightpage.cpp" line="158"/>
        <source>%n blocking, </source>
        <translation>
            <numerusform>%n blocking, </numerusform>
            <numerusform>%n blocking, </numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/preflightpage.cpp" line="158"/>
        <source>%n warning(s), </source>
        <translation>
            <numerusform>%n warning, </numerusform>
            <numerusform>%n warnings, </numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/preflightpage.cpp" line="159"/>
        <source>%n OK.</source>
        <translation>
            <numerusform>%n OK.</numerusform>
            <numerusform>%n OK.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/preflightpage.cpp" line="160"/>
        <source> The migration cannot start until each blocker is fixed or overridden.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/preflightpage.cpp" line="161"/>
        <source> Nothing blocks the migration.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/preflightpage.cpp" line="180"/>
        <source>Evidence</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/preflightpage.cpp" line="182"/>
        <source>Fix</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/preflightpage.cpp" line="201"/>
        <source>Override a blocking finding</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/preflightpage.cpp" line="202"/>
        <source>&lt;p&gt;&lt;b&gt;%1&lt;/b&gt;&lt;/p&gt;&lt;p&gt;%2&lt;/p&gt;&lt;p&gt;Start the migration anyway? Shadowswap still stops safely if the problem breaks the copy, and the original table stays untouched until the cut-over.&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ui::ResumeLauncher</name>
    <message>
        <location filename="../ui/resumelauncher.cpp" line="100"/>
        <location filename="../ui/resumelauncher.cpp" line="105"/>
        <location filename="../ui/resumelauncher.cpp" line="123"/>
        <location filename="../ui/resumelauncher.cpp" line="136"/>
        <location filename="../ui/resumelauncher.cpp" line="178"/>
        <location filename="../ui/resumelauncher.cpp" line="215"/>
        <location filename="../ui/resumelauncher.cpp" line="220"/>
        <source>Resume migration</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/resumelauncher.cpp" line="100"/>
        <source>A migration is running in this console. Resume when it has ended.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/resumelauncher.cpp" line="105"/>
        <source>The recorded parameters can&apos;t be used: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/resumelauncher.cpp" line="109"/>
        <source>Resume the migration of %1.%2 on %3?

ALTER TABLE … %4</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/resumelauncher.cpp" line="112"/>
        <source>Resume continues from the last checkpoint in %1: the rows already copied into %2 stay, the binlog since the checkpoint is read and applied again, and only the rest of the table is copied. Then the copy is verified and the tables are swapped as in any migration. If the checkpoint can&apos;t be used (binlog purged, ghost table changed), nothing is changed and you are told why.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/resumelauncher.cpp" line="119"/>
        <source>No end was recorded for this migration: the process may have crashed. Make sure it is no longer running, on this machine or any other, before you resume.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/resumelauncher.cpp" line="122"/>
        <source>The hook token (--hooks-hint-token) is never recorded: the hooks run without it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/resumelauncher.cpp" line="137"/>
        <source>Password of %1 on the primary (empty: the same as %2&apos;s):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/resumelauncher.cpp" line="175"/>
        <source>Password of %1:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/resumelauncher.cpp" line="216"/>
        <source>Could not connect to %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/resumelauncher.cpp" line="220"/>
        <source>A migration started in this console meanwhile; nothing resumed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/resumelauncher.cpp" line="248"/>
        <source>Nothing was changed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/resumelauncher.cpp" line="248"/>
        <source>The original table is untouched.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/resumelauncher.cpp" line="249"/>
        <source>Resume refused</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/resumelauncher.cpp" line="249"/>
        <source>The resumed migration failed</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ui::RevertWindowPanel</name>
    <message>
        <location filename="../ui/revertwindowpanel.cpp" line="22"/>
        <source>n/a</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/revertwindowpanel.cpp" line="23"/>
        <source>%1 s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/revertwindowpanel.cpp" line="28"/>
        <source>Revert window</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/revertwindowpanel.cpp" line="32"/>
        <source>&amp;Revert to the old schema…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/revertwindowpanel.cpp" line="33"/>
        <source>&amp;Keep the new schema (close window)…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/revertwindowpanel.cpp" line="51"/>
        <source>Time left in the revert window. When it runs out the window closes by itself and the new schema stays.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/revertwindowpanel.cpp" line="53"/>
        <source>How far the old table is behind the live one: the lag of the binlog stream, plus the time since all changes read from it were last applied to the old table.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/revertwindowpanel.cpp" line="56"/>
        <source>Swap the old table back in (a second atomic swap). Every write made since the cut-over is kept.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/revertwindowpanel.cpp" line="58"/>
        <source>End the revert window now. The old table stops following the live one; the new schema stays.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/revertwindowpanel.cpp" line="62"/>
        <source>Time left:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/revertwindowpanel.cpp" line="116"/>
        <source>Old table behind the live one: &lt;b&gt;%1&lt;/b&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/revertwindowpanel.cpp" line="119"/>
        <source> (%n change(s) to apply)</source>
        <translation>
            <numerusform> (%n change to apply)</numerusform>
            <numerusform> (%n changes to apply)</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/revertwindowpanel.cpp" line="123"/>
        <source>The swap is made. The old table is kept in sync with every write to %1, so a revert loses nothing. When the time is up the window closes and the new schema stays.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/revertwindowpanel.cpp" line="143"/>
        <source>&lt;p&gt;Revert %1 to its old schema?&lt;/p&gt;&lt;p&gt;The old table is swapped back in with a second atomic swap, the same kind as the cut-over: application writes to the table wait for it, usually well under a second. Every write made since the cut-over is kept: the old table has been following the live one (it is %2 behind right now; the swap waits until it has caught up).&lt;/p&gt;&lt;p&gt;The table with the new schema is kept beside it, so nothing is dropped.&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/revertwindowpanel.cpp" line="149"/>
        <source>Revert to the old schema</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/revertwindowpanel.cpp" line="151"/>
        <source>Reverting: the old table catches up, then it is swapped back in…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/revertwindowpanel.cpp" line="159"/>
        <source>&lt;p&gt;Close the revert window and keep the new schema of %1?&lt;/p&gt;&lt;p&gt;The old table stops following the live one, so a revert is no longer possible. It is then kept or dropped as chosen when the migration started.&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/revertwindowpanel.cpp" line="163"/>
        <source>Keep the new schema</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/revertwindowpanel.cpp" line="165"/>
        <source>Closing the revert window; the new schema stays…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ui::StateStrip</name>
    <message>
        <location filename="../ui/statestrip.cpp" line="37"/>
        <source>Validating</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/statestrip.cpp" line="38"/>
        <source>Copying</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/statestrip.cpp" line="39"/>
        <source>Verifying</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/statestrip.cpp" line="40"/>
        <source>Postponed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/statestrip.cpp" line="41"/>
        <source>Cutting over</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/statestrip.cpp" line="42"/>
        <source>Done</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/statestrip.cpp" line="75"/>
        <source>idle</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/statestrip.cpp" line="76"/>
        <source>connecting</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/statestrip.cpp" line="77"/>
        <source>validating</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/statestrip.cpp" line="78"/>
        <source>creating the new table</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/statestrip.cpp" line="79"/>
        <source>copying</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/statestrip.cpp" line="80"/>
        <source>verifying</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/statestrip.cpp" line="81"/>
        <source>postponed: waiting for you to allow the cut-over</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/statestrip.cpp" line="82"/>
        <source>cutting over</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/statestrip.cpp" line="83"/>
        <source>done</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/statestrip.cpp" line="84"/>
        <source>dry run done</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/statestrip.cpp" line="85"/>
        <source>failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/statestrip.cpp" line="86"/>
        <source>aborted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/statestrip.cpp" line="87"/>
        <source>swapped; revert window open</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/statestrip.cpp" line="96"/>
        <source>%1 s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/statestrip.cpp" line="98"/>
        <source>%1 min %2 s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/statestrip.cpp" line="99"/>
        <source>%1 h %2 min</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/statestrip.cpp" line="142"/>
        <source>Copy ETA: %1 · elapsed %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/statestrip.cpp" line="144"/>
        <source>Elapsed %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
