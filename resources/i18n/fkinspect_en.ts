<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en">
<context>
    <name>CleanFlow</name>
    <message>
        <source>Removing analytics cookies…</source>
        <translation>Removing analytics cookies…</translation>
    </message>
    <message>
        <source>Remove analytics cookies</source>
        <translation>Remove analytics cookies</translation>
    </message>
    <message>
        <source>Nothing was removed: {reason}</source>
        <translation>Nothing was removed: {reason}</translation>
    </message>
    <message>
        <source>There is no removal to undo.</source>
        <translation>There is no removal to undo.</translation>
    </message>
    <message>
        <source>Undo</source>
        <translation>Undo</translation>
    </message>
    <message numerus="yes">
        <source>%n cookie(s) were put back.</source>
        <translation>
            <numerusform>%n cookie was restored.</numerusform>
            <numerusform>%n cookies were restored.</numerusform>
        </translation>
    </message>
    <message>
        <source>The cookies could not be put back: {reason}</source>
        <translation>The cookies could not be restored: {reason}</translation>
    </message>
</context>
<context>
    <name>CleanResultDialog</name>
    <message>
        <source>Analytics cookies removed</source>
        <translation>Analytics cookies removed</translation>
    </message>
    <message>
        <source>Nothing was removed</source>
        <translation>Nothing was removed</translation>
    </message>
    <message numerus="yes">
        <source>%n cookie(s) were removed.</source>
        <translation>
            <numerusform>%n cookie was removed.</numerusform>
            <numerusform>%n cookies were removed.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>{browsers} is running</source>
        <translation>
            <numerusform>{browsers} is running</numerusform>
            <numerusform>{browsers} are running</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Its cookies were left untouched, because the browser writes them back when it closes. Close the browser, then press “Try again”.</source>
        <translation>
            <numerusform>Its cookies were left untouched, because the browser writes them back when it closes. Close the browser, then press “Try again”.</numerusform>
            <numerusform>Their cookies were left untouched, because the browsers write them back when they close. Close the browsers, then press “Try again”.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>{profile}: %n cookie(s)</source>
        <translation>
            <numerusform>{profile}: %n cookie</numerusform>
            <numerusform>{profile}: %n cookies</numerusform>
        </translation>
    </message>
    <message>
        <source>&amp;Try again</source>
        <translation>&amp;Try again</translation>
    </message>
    <message>
        <source>Close the browser first</source>
        <translation>Close the browser first</translation>
    </message>
    <message>
        <source>A backup is kept in {path}.</source>
        <translation>A backup is kept in {path}.</translation>
    </message>
    <message>
        <source>To keep them away: on {site}, open the cookie settings and choose “No, I only accept necessary cookies”. If analytics cookies were accepted there, the site sets them again on your next visit.</source>
        <translation>To keep them away: on {site}, open the cookie settings and choose “No, I only accept necessary cookies”. If analytics cookies were accepted there, the site sets them again on your next visit.</translation>
    </message>
    <message>
        <source>&amp;Open backup folder</source>
        <translation>&amp;Open backup folder</translation>
    </message>
    <message>
        <source>A backup is kept in the demo&apos;s temporary folder. It is deleted with the demo, like the demo&apos;s cookies.</source>
        <translation>A backup is kept in the demo&apos;s temporary folder. It is deleted with the demo, like the demo&apos;s cookies.</translation>
    </message>
    <message numerus="yes">
        <source>(from %n file(s))</source>
        <translation>
            <numerusform>(from %n file)</numerusform>
            <numerusform>(from %n files)</numerusform>
        </translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation>&amp;Undo</translation>
    </message>
    <message numerus="yes">
        <source>{browser} ({profile}): %n of them could not be removed here, because fkinspect can only read this browser&apos;s cookie file. Remove them in the browser&apos;s own settings.</source>
        <translation>
            <numerusform>{browser} ({profile}): %n of them could not be removed here, because fkinspect can only read this browser&apos;s cookie file. Remove it in the browser&apos;s own settings.</numerusform>
            <numerusform>{browser} ({profile}): %n of them could not be removed here, because fkinspect can only read this browser&apos;s cookie file. Remove them in the browser&apos;s own settings.</numerusform>
        </translation>
    </message>
    <message>
        <source>{browser} ({profile}): the cookie file could not be changed, so nothing changed there. Try again when the browser is closed.</source>
        <translation>{browser} ({profile}): the cookie file could not be changed, so nothing changed there. Try again when the browser is closed.</translation>
    </message>
    <message>
        <source>{browser} ({profile}): the cookies were removed, but the check afterwards did not match. Undo puts them back from the backup.</source>
        <translation>{browser} ({profile}): the cookies were removed, but the check afterwards did not match. Undo restores them from the backup.</translation>
    </message>
    <message>
        <source>Close {browser} ({profile}) and press Undo again.</source>
        <translation>Close {browser} ({profile}) and press Undo again.</translation>
    </message>
    <message>
        <source>{browser} ({profile}) has received some of these cookies again since; the newer ones were kept.</source>
        <translation>{browser} ({profile}) has received some of these cookies again since; the newer ones were kept.</translation>
    </message>
    <message>
        <source>{browser} ({profile}): the cookie file could not be written; nothing changed there.</source>
        <translation>{browser} ({profile}): the cookie file could not be written; nothing changed there.</translation>
    </message>
</context>
<context>
    <name>ConfirmCleanDialog</name>
    <message>
        <source>Remove analytics cookies</source>
        <translation>Remove analytics cookies</translation>
    </message>
    <message numerus="yes">
        <source>These %n cookie(s) will be removed. A backup is made first, so you can undo.</source>
        <translation>
            <numerusform>This cookie will be removed. A backup is made first, so you can undo.</numerusform>
            <numerusform>These %n cookies will be removed. A backup is made first, so you can undo.</numerusform>
        </translation>
    </message>
    <message>
        <source>Cookies that will be removed</source>
        <translation>Cookies that will be removed</translation>
    </message>
    <message numerus="yes">
        <source>These %n cookie(s) will be removed now. A backup is made first, so you can undo.</source>
        <translation>
            <numerusform>This cookie will be removed now. A backup is made first, so you can undo.</numerusform>
            <numerusform>These %n cookies will be removed now. A backup is made first, so you can undo.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n of the cookies cannot be removed while the browser is running, because it writes them back when it closes.</source>
        <translation>
            <numerusform>%n of the cookies cannot be removed while the browser is running, because it writes it back when it closes.</numerusform>
            <numerusform>%n of the cookies cannot be removed while the browser is running, because it writes them back when it closes.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>You can remove the other %n now. To remove the rest later, close the browser and press “Try again”.</source>
        <translation>
            <numerusform>You can remove the other one now. To remove the rest later, close the browser and press “Try again”.</numerusform>
            <numerusform>You can remove the other %n now. To remove the rest later, close the browser and press “Try again”.</numerusform>
        </translation>
    </message>
    <message>
        <source>Close the browser, then press “Try again”.</source>
        <translation>Close the browser, then press “Try again”.</translation>
    </message>
    <message numerus="yes">
        <source>{browsers} is running</source>
        <translation>
            <numerusform>{browsers} is running</numerusform>
            <numerusform>{browsers} are running</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>{profile}: %n cookie(s)</source>
        <translation>
            <numerusform>{profile}: %n cookie</numerusform>
            <numerusform>{profile}: %n cookies</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>in %n file(s)</source>
        <translation>
            <numerusform>in %n file</numerusform>
            <numerusform>in %n files</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>These %n cookie(s) are not removed now:</source>
        <translation>
            <numerusform>This cookie is not removed now:</numerusform>
            <numerusform>These %n cookies are not removed now:</numerusform>
        </translation>
    </message>
    <message>
        <source>{browser} ({profile}): the cookie file is a link or lies outside the browser&apos;s profile folder, so it is left alone.</source>
        <translation>{browser} ({profile}): the cookie file is a link or lies outside the browser&apos;s profile folder, so it is left alone.</translation>
    </message>
    <message numerus="yes">
        <source>These stay (%n cookie(s)):</source>
        <translation>
            <numerusform>This one stays (%n cookie):</numerusform>
            <numerusform>These stay (%n cookies):</numerusform>
        </translation>
    </message>
    <message>
        <source>Nothing can be removed now.</source>
        <translation>Nothing can be removed now.</translation>
    </message>
    <message>
        <source>Cookies that stay</source>
        <translation>Cookies that stay</translation>
    </message>
    <message>
        <source>Cookies that are not removed</source>
        <translation>Cookies that are not removed</translation>
    </message>
    <message numerus="yes">
        <source>These %n cookie(s) are not removed:</source>
        <translation>
            <numerusform>This cookie is not removed:</numerusform>
            <numerusform>These %n cookies are not removed:</numerusform>
        </translation>
    </message>
    <message>
        <source>{browser} ({profile}): fkinspect can only read this browser&apos;s cookie file. Remove them in the browser&apos;s own settings.</source>
        <translation>{browser} ({profile}): fkinspect can only read this browser&apos;s cookie file. Remove them in the browser&apos;s own settings.</translation>
    </message>
    <message>
        <source>{browser} ({profile}): the rows cannot be pointed out exactly in the cookie file, so they are left alone.</source>
        <translation>{browser} ({profile}): the rows cannot be pointed out exactly in the cookie file, so they are left alone.</translation>
    </message>
    <message numerus="yes">
        <source>&amp;Remove %n cookie(s) now</source>
        <translation>
            <numerusform>&amp;Remove %n cookie now</numerusform>
            <numerusform>&amp;Remove %n cookies now</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>&amp;Remove %n cookie(s)</source>
        <translation>
            <numerusform>&amp;Remove %n cookie</numerusform>
            <numerusform>&amp;Remove %n cookies</numerusform>
        </translation>
    </message>
    <message>
        <source>&amp;Try again</source>
        <translation>&amp;Try again</translation>
    </message>
    <message>
        <source>Close the demo &amp;browser</source>
        <translation>Close the demo &amp;browser</translation>
    </message>
</context>
<context>
    <name>CookieTableModel</name>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>Category</translation>
    </message>
    <message>
        <source>Browser</source>
        <translation>Browser</translation>
    </message>
    <message>
        <source>Site</source>
        <translation>Site</translation>
    </message>
    <message>
        <source>Expires</source>
        <translation>Expires</translation>
    </message>
    <message>
        <source>Documented lifetime</source>
        <translation>Documented lifetime</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Notes</translation>
    </message>
    <message>
        <source>When the browser deletes the cookie by itself</source>
        <translation>When the browser deletes the cookie by itself</translation>
    </message>
    <message>
        <source>How long Försäkringskassan&apos;s page says it is kept</source>
        <translation>How long Försäkringskassan&apos;s page says it is kept</translation>
    </message>
    <message>
        <source>Where the stored cookie differs from what the page says</source>
        <translation>Where the stored cookie differs from what the page says</translation>
    </message>
    <message>
        <source>{site} (on {top})</source>
        <translation>{site} (on {top})</translation>
    </message>
    <message>
        <source>Not in Försäkringskassan&apos;s list, but recognised as a known tool&apos;s cookie, so it is counted and removed with “{category}”.</source>
        <translation>Not in Försäkringskassan&apos;s list, but recognised as a known tool&apos;s cookie, so it is counted and removed with “{category}”.</translation>
    </message>
    <message>
        <source>Not on the page; {tool} usually keeps it for {lifetime}.</source>
        <translation>Not on the page; {tool} usually keeps it for {lifetime}.</translation>
    </message>
    <message>
        <source>Stored in {path}</source>
        <translation>Stored in {path}</translation>
    </message>
</context>
<context>
    <name>DetailsPane</name>
    <message>
        <source>The value could not be read: {reason}</source>
        <translation>The value could not be read: {reason}</translation>
    </message>
    <message>
        <source>The value could not be read: the file could not be opened.</source>
        <translation>The value could not be read: the file could not be opened.</translation>
    </message>
    <message>
        <source>Choose a cookie in the table to see what it is for.</source>
        <translation>Choose a cookie in the table to see what it is for.</translation>
    </message>
    <message>
        <source>What Försäkringskassan says</source>
        <translation>What Försäkringskassan says</translation>
    </message>
    <message>
        <source>Försäkringskassan&apos;s page does not mention this cookie.</source>
        <translation>Försäkringskassan&apos;s page does not mention this cookie.</translation>
    </message>
    <message>
        <source>Not on Försäkringskassan&apos;s page</source>
        <translation>Not on Försäkringskassan&apos;s page</translation>
    </message>
    <message>
        <source>None</source>
        <translation>None</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>yes</translation>
    </message>
    <message>
        <source>{browser} was running when the cookies were read: close the browser first, then the button can remove it.</source>
        <translation>{browser} was running when the cookies were read: close the browser first, then the button can remove it.</translation>
    </message>
    <message>
        <source>no</source>
        <translation>no</translation>
    </message>
    <message>
        <source>not set</source>
        <translation>not set</translation>
    </message>
    <message>
        <source>Secure (only over HTTPS): {secure}
HttpOnly (hidden from the page&apos;s scripts): {http}
SameSite: {same}</source>
        <translation>Secure (only over HTTPS): {secure}
HttpOnly (hidden from the page&apos;s scripts): {http}
SameSite: {same}</translation>
    </message>
    <message>
        <source>Partitioned: stored only for visits to {site}</source>
        <translation>Partitioned: stored only for visits to {site}</translation>
    </message>
    <message>
        <source>Firefox container: {name}</source>
        <translation>Firefox container: {name}</translation>
    </message>
    <message>
        <source>{profile}, in {path}</source>
        <translation>{profile}, in {path}</translation>
    </message>
    <message>
        <source>Values are not shown in presentation mode.</source>
        <translation>Values are not shown in presentation mode.</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Notes</translation>
    </message>
    <message>
        <source>Flags</source>
        <translation>Flags</translation>
    </message>
    <message>
        <source>What Försäkringskassan says (translated)</source>
        <translation>What Försäkringskassan says (translated)</translation>
    </message>
    <message>
        <source>It is kept until the browser closes.</source>
        <translation>It is kept until the browser closes.</translation>
    </message>
    <message>
        <source>It expired on {date} ({relative}).</source>
        <translation>It expired on {date} ({relative}).</translation>
    </message>
    <message>
        <source>It is kept until {date} ({relative}).</source>
        <translation>It is kept until {date} ({relative}).</translation>
    </message>
    <message>
        <source>Försäkringskassan&apos;s page says: {lifetime}.</source>
        <translation>Försäkringskassan&apos;s page says: {lifetime}.</translation>
    </message>
    <message>
        <source>That matches.</source>
        <translation>That matches.</translation>
    </message>
    <message>
        <source>Försäkringskassan&apos;s page does not say how long it is kept. {tool} usually keeps it for {lifetime}.</source>
        <translation>Försäkringskassan&apos;s page does not say how long it is kept. {tool} usually keeps it for {lifetime}.</translation>
    </message>
    <message>
        <source>Försäkringskassan&apos;s page does not say how long it is kept.</source>
        <translation>Försäkringskassan&apos;s page does not say how long it is kept.</translation>
    </message>
    <message>
        <source>Partition or container</source>
        <translation>Partition or container</translation>
    </message>
    <message>
        <source>Stored in</source>
        <translation>Stored in</translation>
    </message>
    <message>
        <source>Does the button remove it?</source>
        <translation>Does the button remove it?</translation>
    </message>
    <message>
        <source>How long it is kept</source>
        <translation>How long it is kept</translation>
    </message>
    <message>
        <source>Technical information</source>
        <translation>Technical information</translation>
    </message>
    <message>
        <source>Show &amp;value</source>
        <translation>Show &amp;value</translation>
    </message>
    <message>
        <source>Reads this cookie&apos;s value from the browser&apos;s file and shows it below</source>
        <translation>Reads this cookie&apos;s value from the browser&apos;s file and shows it below</translation>
    </message>
    <message>
        <source>Cookie value</source>
        <translation>Cookie value</translation>
    </message>
    <message>
        <source>A cookie&apos;s value can be a login or an identifier that recognises you. It is only read when you ask, never saved, and hidden again when you choose another cookie. Do not share it.</source>
        <translation>A cookie&apos;s value can be a login or an identifier that recognises you. It is only read when you ask, never saved, and hidden again when you choose another cookie. Do not share it.</translation>
    </message>
    <message>
        <source>Cookie details</source>
        <translation>Cookie details</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>&amp;File</source>
        <translation>&amp;File</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;View</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Help</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>&amp;Language</translation>
    </message>
    <message>
        <source>&amp;Open profile folder…</source>
        <translation>&amp;Open profile folder…</translation>
    </message>
    <message>
        <source>&amp;Export report…</source>
        <translation>&amp;Export report…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Quit</translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation>&amp;Refresh</translation>
    </message>
    <message>
        <source>&amp;Search</source>
        <translation>&amp;Search</translation>
    </message>
    <message>
        <source>&amp;Demo mode</source>
        <translation>&amp;Demo mode</translation>
    </message>
    <message>
        <source>&amp;About fkinspect</source>
        <translation>&amp;About fkinspect</translation>
    </message>
    <message>
        <source>Presentation mode: folders and profile names are hidden, and so are this computer&apos;s cookie values. Turn it off in the View menu.</source>
        <translation>Presentation mode: folders and profile names are hidden, and so are this computer&apos;s cookie values. Turn it off in the View menu.</translation>
    </message>
    <message>
        <source>Demo mode: these are made-up cookies in a temporary folder, not yours. Everything works as for real, removing included.</source>
        <translation>Demo mode: these are made-up cookies in a temporary folder, not yours. Everything works as for real, removing included.</translation>
    </message>
    <message>
        <source>Demo mode</source>
        <translation>Demo mode</translation>
    </message>
    <message>
        <source>&amp;Undo the last removal</source>
        <translation>&amp;Undo the last removal</translation>
    </message>
    <message>
        <source>&amp;Presentation mode (hide folders and profile names)</source>
        <translation>&amp;Presentation mode (hide folders and profile names)</translation>
    </message>
    <message>
        <source>No browser data was found on this computer, so fkinspect shows its demo.</source>
        <translation>No browser data was found on this computer, so fkinspect shows its demo.</translation>
    </message>
    <message numerus="yes">
        <source>Remove analytics cookies (%n)</source>
        <translation>
            <numerusform>Remove analytics cookies (%n)</numerusform>
            <numerusform>Remove analytics cookies (%n)</numerusform>
        </translation>
    </message>
    <message>
        <source>Reading your browsers…</source>
        <translation>Reading your browsers…</translation>
    </message>
    <message>
        <source>&amp;Compare with a saved page…</source>
        <translation>&amp;Compare with a saved page…</translation>
    </message>
    <message>
        <source>Försäkringskassan&apos;s cookies on this computer</source>
        <translation>Försäkringskassan&apos;s cookies on this computer</translation>
    </message>
    <message>
        <source>Presentation mode</source>
        <translation>Presentation mode</translation>
    </message>
    <message>
        <source>Reading…</source>
        <translation>Reading…</translation>
    </message>
    <message>
        <source>fkinspect&apos;s copy of Försäkringskassan&apos;s cookie list is missing or damaged, so nothing is shown or removed. Reinstalling fkinspect repairs it.</source>
        <translation>fkinspect&apos;s copy of Försäkringskassan&apos;s cookie list is missing or damaged, so nothing is shown or removed. Reinstalling fkinspect repairs it.</translation>
    </message>
    <message>
        <source>Reading stopped because of an unexpected error ({kind}).</source>
        <translation>Reading stopped because of an unexpected error ({kind}).</translation>
    </message>
    <message>
        <source>Read at {time}.</source>
        <translation>Read at {time}.</translation>
    </message>
    <message numerus="yes">
        <source>%n file(s) could not be read.</source>
        <translation>
            <numerusform>%n file could not be read.</numerusform>
            <numerusform>%n files could not be read.</numerusform>
        </translation>
    </message>
    <message>
        <source>Choose a browser profile folder</source>
        <translation>Choose a browser profile folder</translation>
    </message>
    <message>
        <source>Export report</source>
        <translation>Export report</translation>
    </message>
    <message>
        <source>Web page (*.html);;Spreadsheet (*.csv);;JSON (*.json)</source>
        <translation>Web page (*.html);;Spreadsheet (*.csv);;JSON (*.json)</translation>
    </message>
    <message>
        <source>The report could not be saved: {reason}</source>
        <translation>The report could not be saved: {reason}</translation>
    </message>
    <message>
        <source>Report saved in {path}</source>
        <translation>Report saved in {path}</translation>
    </message>
    <message>
        <source>Cookie list: “{title}”, last updated {date}.</source>
        <translation>Cookie list: “{title}”, last updated {date}.</translation>
    </message>
    <message>
        <source>The cookie list could not be loaded.</source>
        <translation>The cookie list could not be loaded.</translation>
    </message>
    <message>
        <source>About fkinspect</source>
        <translation>About fkinspect</translation>
    </message>
    <message>
        <source>fkinspect {version}</source>
        <translation>fkinspect {version}</translation>
    </message>
    <message>
        <source>Shows which cookies forsakringskassan.se has stored in your browsers, what each is for according to Försäkringskassan&apos;s own list, and removes the analytics cookies safely.</source>
        <translation>Shows which cookies forsakringskassan.se has stored in your browsers, what each is for according to Försäkringskassan&apos;s own list, and removes the analytics cookies safely.</translation>
    </message>
    <message>
        <source>Nothing leaves this computer: fkinspect makes no network connection. Cookie values are never stored, logged or exported.</source>
        <translation>Nothing leaves this computer: fkinspect makes no network connection. Cookie values are never stored, logged or exported.</translation>
    </message>
    <message>
        <source>fkinspect is free software under the MIT License. The licences of the software it uses are in {path} (Show Details).</source>
        <translation>fkinspect is free software under the MIT License. The licences of the software it uses are in {path} (Show Details).</translation>
    </message>
</context>
<context>
    <name>Meanings</name>
    <message>
        <source>Needed for logging in and for the site to work.</source>
        <translation>Needed for logging in and for the site to work.</translation>
    </message>
    <message>
        <source>Used when you have a personal web meeting with Försäkringskassan.</source>
        <translation>Used when you have a personal web meeting with Försäkringskassan.</translation>
    </message>
    <message>
        <source>Measure how the site is used. The site works without them.</source>
        <translation>Measure how the site is used. The site works without them.</translation>
    </message>
    <message>
        <source>Stored by other sites whose content is shown on Försäkringskassan&apos;s pages, such as videos.</source>
        <translation>Stored by other sites whose content is shown on Försäkringskassan&apos;s pages, such as videos.</translation>
    </message>
    <message>
        <source>Not in Försäkringskassan&apos;s list, and fkinspect does not recognise them.</source>
        <translation>Not in Försäkringskassan&apos;s list, and fkinspect does not recognise them.</translation>
    </message>
    <message>
        <source>Removed by the button</source>
        <translation>Removed by the button</translation>
    </message>
    <message>
        <source>Not touched by the button</source>
        <translation>Not touched by the button</translation>
    </message>
    <message>
        <source>Yes. Försäkringskassan&apos;s list says it is for web analytics, and the button removes those.</source>
        <translation>Yes. Försäkringskassan&apos;s list says it is for web analytics, and the button removes those.</translation>
    </message>
    <message>
        <source>Yes. It is not in Försäkringskassan&apos;s list, but it is recognised as a {tool} cookie for web analytics, so the button removes it too.</source>
        <translation>Yes. It is not in Försäkringskassan&apos;s list, but it is recognised as a {tool} cookie for web analytics, so the button removes it too.</translation>
    </message>
    <message>
        <source>known tool&apos;s</source>
        <translation>known tool&apos;s</translation>
    </message>
    <message>
        <source>No, not from here: fkinspect can only read {browser}&apos;s cookie file. Remove it in the browser&apos;s own settings.</source>
        <translation>No, not from here: fkinspect can only read {browser}&apos;s cookie file. Remove it in the browser&apos;s own settings.</translation>
    </message>
    <message>
        <source>No. It has already expired: the browser removes it by itself.</source>
        <translation>No. It has already expired: the browser removes it by itself.</translation>
    </message>
    <message>
        <source>No. It belongs to another site ({site}), not to Försäkringskassan. You can remove it in the browser&apos;s settings.</source>
        <translation>No. It belongs to another site ({site}), not to Försäkringskassan. You can remove it in the browser&apos;s settings.</translation>
    </message>
    <message>
        <source>No. It is needed for logging in and for the site to work.</source>
        <translation>No. It is needed for logging in and for the site to work.</translation>
    </message>
    <message>
        <source>No. It is used for personal web meetings with Försäkringskassan.</source>
        <translation>No. It is used for personal web meetings with Försäkringskassan.</translation>
    </message>
    <message>
        <source>No. It is not in Försäkringskassan&apos;s list and fkinspect cannot tell what it is for, so it is left alone.</source>
        <translation>No. It is not in Försäkringskassan&apos;s list and fkinspect cannot tell what it is for, so it is left alone.</translation>
    </message>
    <message>
        <source>No. The button only removes web analytics cookies.</source>
        <translation>No. The button only removes web analytics cookies.</translation>
    </message>
</context>
<context>
    <name>PageCompareDialog</name>
    <message>
        <source>Compare with a saved page</source>
        <translation>Compare with a saved page</translation>
    </message>
    <message>
        <source>Comparison</source>
        <translation>Comparison</translation>
    </message>
    <message>
        <source>Use this list</source>
        <translation>Use this list</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>The file could not be read: {reason}</source>
        <translation>The file could not be read: {reason}</translation>
    </message>
    <message>
        <source>Some of the page could not be read, so its list cannot be used.</source>
        <translation>Some of the page could not be read, so its list cannot be used.</translation>
    </message>
    <message>
        <source>Using this list deletes nothing. The table is read again, and the next removal follows this list.</source>
        <translation>Using this list deletes nothing. The table is read again, and the next removal follows this list.</translation>
    </message>
    <message>
        <source>The list could not be saved: {reason}</source>
        <translation>The list could not be saved: {reason}</translation>
    </message>
</context>
<context>
    <name>StoresPanel</name>
    <message numerus="yes">
        <source>All browsers (%n cookie(s))</source>
        <translation>
            <numerusform>All browsers (%n cookie)</numerusform>
            <numerusform>All browsers (%n cookies)</numerusform>
        </translation>
    </message>
    <message>
        <source>Browsers and profiles</source>
        <translation>Browsers and profiles</translation>
    </message>
    <message>
        <source>Each browser profile that was found and whether it could be read. Choose one to show only its cookies.</source>
        <translation>Each browser profile that was found and whether it could be read. Choose one to show only its cookies.</translation>
    </message>
    <message>
        <source>Technical detail: {detail}</source>
        <translation>Technical detail: {detail}</translation>
    </message>
    <message numerus="yes">
        <source>%n cookie(s)</source>
        <translation>
            <numerusform>%n cookie</numerusform>
            <numerusform>%n cookies</numerusform>
        </translation>
    </message>
    <message>
        <source>The browser is running</source>
        <translation>The browser is running</translation>
    </message>
</context>
<context>
    <name>SummaryView</name>
    <message>
        <source>Looking for cookies from Försäkringskassan…</source>
        <translation>Looking for cookies from Försäkringskassan…</translation>
    </message>
    <message numerus="yes">
        <source>%n cookie(s)</source>
        <translation>
            <numerusform>%n cookie</numerusform>
            <numerusform>%n cookies</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n browser(s)</source>
        <translation>
            <numerusform>%n browser</numerusform>
            <numerusform>%n browsers</numerusform>
        </translation>
    </message>
    <message>
        <source>{agency} has stored {cookies} in {browsers}.</source>
        <translation>{agency} has stored {cookies} in {browsers}.</translation>
    </message>
    <message>
        <source>{agency} has not stored any cookies in your browsers.</source>
        <translation>{agency} has not stored any cookies in your browsers.</translation>
    </message>
    <message>
        <source>None of them is for web analytics.</source>
        <translation>None of them is for web analytics.</translation>
    </message>
    <message numerus="yes">
        <source>%n of them are for web analytics.</source>
        <translation>
            <numerusform>%n of them is for web analytics.</numerusform>
            <numerusform>%n of them are for web analytics.</numerusform>
        </translation>
    </message>
    <message>
        <source>{first} and {last}</source>
        <translation>{first} and {last}</translation>
    </message>
    <message numerus="yes">
        <source>Other sites also stored %n cookie(s) while you visited Försäkringskassan&apos;s pages: {sites}.</source>
        <translation>
            <numerusform>Other sites also stored %n cookie while you visited Försäkringskassan&apos;s pages: {sites}.</numerusform>
            <numerusform>Other sites also stored %n cookies while you visited Försäkringskassan&apos;s pages: {sites}.</numerusform>
        </translation>
    </message>
    <message>
        <source>known tools</source>
        <translation>known tools</translation>
    </message>
    <message numerus="yes">
        <source>{category}: %n cookie(s)</source>
        <translation>
            <numerusform>{category}: %n cookie</numerusform>
            <numerusform>{category}: %n cookies</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n of the analytics cookies are not in Försäkringskassan&apos;s list, but are recognised as cookies of {tools}. The button removes them too.</source>
        <translation>
            <numerusform>%n of the analytics cookies is not in Försäkringskassan&apos;s list, but is recognised as a cookie of {tools}. The button removes it too.</numerusform>
            <numerusform>%n of the analytics cookies are not in Försäkringskassan&apos;s list, but are recognised as cookies of {tools}. The button removes them too.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n cookie(s) have already expired and are not counted: the browser removes them by itself.</source>
        <translation>
            <numerusform>%n cookie has already expired and is not counted: the browser removes it by itself.</numerusform>
            <numerusform>%n cookies have already expired and are not counted: the browser removes them by itself.</numerusform>
        </translation>
    </message>
    <message>
        <source>Summary</source>
        <translation>Summary</translation>
    </message>
    <message>
        <source>Show only this category in the table</source>
        <translation>Show only this category in the table</translation>
    </message>
    <message>
        <source>Show only “{category}” (click again to show all)</source>
        <translation>Show only “{category}” (click again to show all)</translation>
    </message>
</context>
<context>
    <name>Texts</name>
    <message numerus="yes">
        <source>%n minute(s) ago</source>
        <translation>
            <numerusform>%n minute ago</numerusform>
            <numerusform>%n minutes ago</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n hour(s) ago</source>
        <translation>
            <numerusform>%n hour ago</numerusform>
            <numerusform>%n hours ago</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n day(s) ago</source>
        <translation>
            <numerusform>%n day ago</numerusform>
            <numerusform>%n days ago</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n month(s) ago</source>
        <translation>
            <numerusform>%n month ago</numerusform>
            <numerusform>%n months ago</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n year(s) ago</source>
        <translation>
            <numerusform>%n year ago</numerusform>
            <numerusform>%n years ago</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>in %n minute(s)</source>
        <translation>
            <numerusform>in %n minute</numerusform>
            <numerusform>in %n minutes</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>in %n hour(s)</source>
        <translation>
            <numerusform>in %n hour</numerusform>
            <numerusform>in %n hours</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>in %n day(s)</source>
        <translation>
            <numerusform>in %n day</numerusform>
            <numerusform>in %n days</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>in %n month(s)</source>
        <translation>
            <numerusform>in %n month</numerusform>
            <numerusform>in %n months</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>in %n year(s)</source>
        <translation>
            <numerusform>in %n year</numerusform>
            <numerusform>in %n years</numerusform>
        </translation>
    </message>
    <message>
        <source>when the browser closes</source>
        <translation>until the browser closes</translation>
    </message>
    <message>
        <source>expired {date} ({relative})</source>
        <translation>expired {date} ({relative})</translation>
    </message>
    <message>
        <source>Expired: the browser no longer sends it and removes it by itself, so it is not counted.</source>
        <translation>Expired: the browser no longer sends it and removes it by itself, so it is not counted.</translation>
    </message>
</context>
<context>
    <name>WindowBody</name>
    <message>
        <source>&amp;Search:</source>
        <translation>&amp;Search:</translation>
    </message>
    <message>
        <source>Name, site or browser</source>
        <translation>Name, site or browser</translation>
    </message>
    <message>
        <source>Search cookies</source>
        <translation>Search cookies</translation>
    </message>
    <message>
        <source>Clear the search</source>
        <translation>Clear the search</translation>
    </message>
    <message>
        <source>&amp;Category:</source>
        <translation>&amp;Category:</translation>
    </message>
    <message>
        <source>Category filter</source>
        <translation>Category filter</translation>
    </message>
    <message>
        <source>All categories</source>
        <translation>All categories</translation>
    </message>
    <message>
        <source>Cookies</source>
        <translation>Cookies</translation>
    </message>
    <message>
        <source>One row per cookie Försäkringskassan&apos;s site has stored. Choose a row to see its details.</source>
        <translation>One row per cookie Försäkringskassan&apos;s site has stored. Choose a row to see its details.</translation>
    </message>
    <message>
        <source>Shows exactly which cookies go before anything is removed</source>
        <translation>Shows exactly which cookies go before anything is removed</translation>
    </message>
    <message>
        <source>Reading</source>
        <translation>Reading</translation>
    </message>
    <message>
        <source>Open the &amp;demo</source>
        <translation>Open the &amp;demo</translation>
    </message>
    <message>
        <source>Choose a &amp;profile folder…</source>
        <translation>Choose a &amp;profile folder…</translation>
    </message>
    <message numerus="yes">
        <source>&amp;Remove analytics cookies (%n)</source>
        <translation>
            <numerusform>&amp;Remove analytics cookies (%n)</numerusform>
            <numerusform>&amp;Remove analytics cookies (%n)</numerusform>
        </translation>
    </message>
    <message>
        <source>Waiting for the browsers to be read.</source>
        <translation>Waiting for the browsers to be read.</translation>
    </message>
    <message>
        <source>There are no analytics cookies to remove.</source>
        <translation>There are no analytics cookies to remove.</translation>
    </message>
    <message>
        <source>The cookie list could not be loaded</source>
        <translation>The cookie list could not be loaded</translation>
    </message>
    <message>
        <source>Reading your browsers…</source>
        <translation>Reading your browsers…</translation>
    </message>
    <message>
        <source>This takes a moment. Nothing is changed while reading.</source>
        <translation>This takes a moment. Nothing is changed while reading.</translation>
    </message>
    <message>
        <source>No browsers found</source>
        <translation>No browsers found</translation>
    </message>
    <message>
        <source>fkinspect looked for Chrome, Chromium, Edge, Brave, Opera, Vivaldi, Firefox and Safari in your home folder and found no browser data. You can open the demo to see how fkinspect works, or choose a browser profile folder.</source>
        <translation>fkinspect looked for Chrome, Chromium, Edge, Brave, Opera, Vivaldi, Firefox and Safari in your home folder and found no browser data. You can open the demo to see how fkinspect works, or choose a browser profile folder.</translation>
    </message>
    <message>
        <source>No browser could be read</source>
        <translation>No browser could be read</translation>
    </message>
    <message>
        <source>Every cookie file that was found failed to read. The list on the left says why for each one.</source>
        <translation>Every cookie file that was found failed to read. The list on the left says why for each one.</translation>
    </message>
    <message>
        <source>No cookies from {site}</source>
        <translation>No cookies from {site}</translation>
    </message>
    <message numerus="yes">
        <source>%n browser profile(s) were read. None of them holds a cookie from Försäkringskassan&apos;s site.</source>
        <translation>
            <numerusform>%n browser profile was read. It holds no cookie from Försäkringskassan&apos;s site.</numerusform>
            <numerusform>%n browser profiles were read. None of them holds a cookie from Försäkringskassan&apos;s site.</numerusform>
        </translation>
    </message>
    <message>
        <source>Reading {profile}…</source>
        <translation>Reading {profile}…</translation>
    </message>
</context>
</TS>
