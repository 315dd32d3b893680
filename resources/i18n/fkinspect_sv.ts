<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="sv">
<context>
    <name>CleanFlow</name>
    <message>
        <source>Removing analytics cookies…</source>
        <translation>Tar bort analyskakor…</translation>
    </message>
    <message>
        <source>Remove analytics cookies</source>
        <translation>Ta bort analyskakor</translation>
    </message>
    <message>
        <source>Nothing was removed: {reason}</source>
        <translation>Inget togs bort: {reason}</translation>
    </message>
    <message>
        <source>There is no removal to undo.</source>
        <translation>Det finns ingen borttagning att ångra.</translation>
    </message>
    <message>
        <source>Undo</source>
        <translation>Ångra</translation>
    </message>
    <message numerus="yes">
        <source>%n cookie(s) were put back.</source>
        <translation>
            <numerusform>%n kaka återställdes.</numerusform>
            <numerusform>%n kakor återställdes.</numerusform>
        </translation>
    </message>
    <message>
        <source>The cookies could not be put back: {reason}</source>
        <translation>Kakorna kunde inte återställas: {reason}</translation>
    </message>
</context>
<context>
    <name>CleanResultDialog</name>
    <message>
        <source>Analytics cookies removed</source>
        <translation>Analyskakorna är borttagna</translation>
    </message>
    <message>
        <source>Nothing was removed</source>
        <translation>Inget togs bort</translation>
    </message>
    <message numerus="yes">
        <source>%n cookie(s) were removed.</source>
        <translation>
            <numerusform>%n kaka togs bort.</numerusform>
            <numerusform>%n kakor togs bort.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>{browsers} is running</source>
        <translation>
            <numerusform>{browsers} är igång</numerusform>
            <numerusform>{browsers} är igång</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Its cookies were left untouched, because the browser writes them back when it closes. Close the browser, then press “Try again”.</source>
        <translation>
            <numerusform>Dess kakor lämnades orörda, eftersom webbläsaren skriver tillbaka dem när den stängs. Stäng webbläsaren och tryck sedan på ”Försök igen”.</numerusform>
            <numerusform>Deras kakor lämnades orörda, eftersom webbläsarna skriver tillbaka dem när de stängs. Stäng webbläsarna och tryck sedan på ”Försök igen”.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>{profile}: %n cookie(s)</source>
        <translation>
            <numerusform>{profile}: %n kaka</numerusform>
            <numerusform>{profile}: %n kakor</numerusform>
        </translation>
    </message>
    <message>
        <source>&amp;Try again</source>
        <translation>&amp;Försök igen</translation>
    </message>
    <message>
        <source>Close the browser first</source>
        <translation>Stäng webbläsaren först</translation>
    </message>
    <message>
        <source>A backup is kept in {path}.</source>
        <translation>En säkerhetskopia finns i {path}.</translation>
    </message>
    <message>
        <source>To keep them away: on {site}, open the cookie settings and choose “No, I only accept necessary cookies”. If analytics cookies were accepted there, the site sets them again on your next visit.</source>
        <translation>Så håller du dem borta: öppna inställningarna för kakor på {site} och välj ”Nej, jag godkänner bara nödvändiga kakor”. Om analyskakor har godkänts där sparar webbplatsen dem igen nästa gång du besöker den.</translation>
    </message>
    <message>
        <source>&amp;Open backup folder</source>
        <translation>&amp;Öppna mappen med säkerhetskopian</translation>
    </message>
    <message>
        <source>A backup is kept in the demo&apos;s temporary folder. It is deleted with the demo, like the demo&apos;s cookies.</source>
        <translation>En säkerhetskopia finns i demons tillfälliga mapp. Den tas bort tillsammans med demon, precis som demons kakor.</translation>
    </message>
    <message numerus="yes">
        <source>(from %n file(s))</source>
        <translation>
            <numerusform>(ur %n fil)</numerusform>
            <numerusform>(ur %n filer)</numerusform>
        </translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation>&amp;Ångra</translation>
    </message>
    <message numerus="yes">
        <source>{browser} ({profile}): %n of them could not be removed here, because fkinspect can only read this browser&apos;s cookie file. Remove them in the browser&apos;s own settings.</source>
        <translation>
            <numerusform>{browser} ({profile}): %n av dem kunde inte tas bort här, eftersom fkinspect bara kan läsa den här webbläsarens kakfil. Ta bort den i webbläsarens egna inställningar.</numerusform>
            <numerusform>{browser} ({profile}): %n av dem kunde inte tas bort här, eftersom fkinspect bara kan läsa den här webbläsarens kakfil. Ta bort dem i webbläsarens egna inställningar.</numerusform>
        </translation>
    </message>
    <message>
        <source>{browser} ({profile}): the cookie file could not be changed, so nothing changed there. Try again when the browser is closed.</source>
        <translation>{browser} ({profile}): kakfilen kunde inte ändras, så ingenting ändrades där. Försök igen när webbläsaren är stängd.</translation>
    </message>
    <message>
        <source>{browser} ({profile}): the cookies were removed, but the check afterwards did not match. Undo puts them back from the backup.</source>
        <translation>{browser} ({profile}): kakorna togs bort, men kontrollen efteråt stämde inte. Ångra återställer dem från säkerhetskopian.</translation>
    </message>
    <message>
        <source>Close {browser} ({profile}) and press Undo again.</source>
        <translation>Stäng {browser} ({profile}) och tryck på Ångra igen.</translation>
    </message>
    <message>
        <source>{browser} ({profile}) has received some of these cookies again since; the newer ones were kept.</source>
        <translation>{browser} ({profile}) har fått några av de här kakorna igen sedan dess; de nyare behölls.</translation>
    </message>
    <message>
        <source>{browser} ({profile}): the cookie file could not be written; nothing changed there.</source>
        <translation>{browser} ({profile}): kakfilen kunde inte skrivas; ingenting ändrades där.</translation>
    </message>
</context>
<context>
    <name>ConfirmCleanDialog</name>
    <message>
        <source>Remove analytics cookies</source>
        <translation>Ta bort analyskakor</translation>
    </message>
    <message numerus="yes">
        <source>These %n cookie(s) will be removed. A backup is made first, so you can undo.</source>
        <translation>
            <numerusform>Den här kakan tas bort. Först görs en säkerhetskopia, så att du kan ångra.</numerusform>
            <numerusform>De här %n kakorna tas bort. Först görs en säkerhetskopia, så att du kan ångra.</numerusform>
        </translation>
    </message>
    <message>
        <source>Cookies that will be removed</source>
        <translation>Kakor som tas bort</translation>
    </message>
    <message numerus="yes">
        <source>These %n cookie(s) will be removed now. A backup is made first, so you can undo.</source>
        <translation>
            <numerusform>Den här kakan tas bort nu. Först görs en säkerhetskopia, så att du kan ångra.</numerusform>
            <numerusform>De här %n kakorna tas bort nu. Först görs en säkerhetskopia, så att du kan ångra.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n of the cookies cannot be removed while the browser is running, because it writes them back when it closes.</source>
        <translation>
            <numerusform>%n av kakorna kan inte tas bort medan webbläsaren är igång, eftersom den skriver tillbaka den när den stängs.</numerusform>
            <numerusform>%n av kakorna kan inte tas bort medan webbläsaren är igång, eftersom den skriver tillbaka dem när den stängs.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>You can remove the other %n now. To remove the rest later, close the browser and press “Try again”.</source>
        <translation>
            <numerusform>Du kan ta bort den andra nu. Resten tar du bort senare: stäng webbläsaren och tryck på ”Försök igen”.</numerusform>
            <numerusform>Du kan ta bort de andra %n nu. Resten tar du bort senare: stäng webbläsaren och tryck på ”Försök igen”.</numerusform>
        </translation>
    </message>
    <message>
        <source>Close the browser, then press “Try again”.</source>
        <translation>Stäng webbläsaren och tryck sedan på ”Försök igen”.</translation>
    </message>
    <message numerus="yes">
        <source>{browsers} is running</source>
        <translation>
            <numerusform>{browsers} är igång</numerusform>
            <numerusform>{browsers} är igång</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>{profile}: %n cookie(s)</source>
        <translation>
            <numerusform>{profile}: %n kaka</numerusform>
            <numerusform>{profile}: %n kakor</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>in %n file(s)</source>
        <translation>
            <numerusform>i %n fil</numerusform>
            <numerusform>i %n filer</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>These %n cookie(s) are not removed now:</source>
        <translation>
            <numerusform>Den här kakan tas inte bort nu:</numerusform>
            <numerusform>De här %n kakorna tas inte bort nu:</numerusform>
        </translation>
    </message>
    <message>
        <source>{browser} ({profile}): the cookie file is a link or lies outside the browser&apos;s profile folder, so it is left alone.</source>
        <translation>{browser} ({profile}): kakfilen är en länk eller ligger utanför webbläsarens profilmapp, så den lämnas orörd.</translation>
    </message>
    <message numerus="yes">
        <source>These stay (%n cookie(s)):</source>
        <translation>
            <numerusform>Den här stannar kvar (%n kaka):</numerusform>
            <numerusform>De här stannar kvar (%n kakor):</numerusform>
        </translation>
    </message>
    <message>
        <source>Nothing can be removed now.</source>
        <translation>Inget kan tas bort just nu.</translation>
    </message>
    <message>
        <source>Cookies that stay</source>
        <translation>Kakor som stannar kvar</translation>
    </message>
    <message>
        <source>Cookies that are not removed</source>
        <translation>Kakor som inte tas bort</translation>
    </message>
    <message numerus="yes">
        <source>These %n cookie(s) are not removed:</source>
        <translation>
            <numerusform>Den här kakan tas inte bort:</numerusform>
            <numerusform>De här %n kakorna tas inte bort:</numerusform>
        </translation>
    </message>
    <message>
        <source>{browser} ({profile}): fkinspect can only read this browser&apos;s cookie file. Remove them in the browser&apos;s own settings.</source>
        <translation>{browser} ({profile}): fkinspect kan bara läsa den här webbläsarens kakfil. Ta bort dem i webbläsarens egna inställningar.</translation>
    </message>
    <message>
        <source>{browser} ({profile}): the rows cannot be pointed out exactly in the cookie file, so they are left alone.</source>
        <translation>{browser} ({profile}): raderna kan inte pekas ut exakt i kakfilen, så de lämnas orörda.</translation>
    </message>
    <message numerus="yes">
        <source>&amp;Remove %n cookie(s) now</source>
        <translation>
            <numerusform>&amp;Ta bort %n kaka nu</numerusform>
            <numerusform>&amp;Ta bort %n kakor nu</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>&amp;Remove %n cookie(s)</source>
        <translation>
            <numerusform>&amp;Ta bort %n kaka</numerusform>
            <numerusform>&amp;Ta bort %n kakor</numerusform>
        </translation>
    </message>
    <message>
        <source>&amp;Try again</source>
        <translation>&amp;Försök igen</translation>
    </message>
    <message>
        <source>Close the demo &amp;browser</source>
        <translation>Stäng demo&amp;webbläsaren</translation>
    </message>
</context>
<context>
    <name>CookieTableModel</name>
    <message>
        <source>Name</source>
        <translation>Namn</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>Kategori</translation>
    </message>
    <message>
        <source>Browser</source>
        <translation>Webbläsare</translation>
    </message>
    <message>
        <source>Site</source>
        <translation>Webbplats</translation>
    </message>
    <message>
        <source>Expires</source>
        <translation>Upphör</translation>
    </message>
    <message>
        <source>Documented lifetime</source>
        <translation>Lagringstid enligt sidan</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Anmärkningar</translation>
    </message>
    <message>
        <source>When the browser deletes the cookie by itself</source>
        <translation>När webbläsaren tar bort kakan av sig själv</translation>
    </message>
    <message>
        <source>How long Försäkringskassan&apos;s page says it is kept</source>
        <translation>Hur länge Försäkringskassans sida säger att den sparas</translation>
    </message>
    <message>
        <source>Where the stored cookie differs from what the page says</source>
        <translation>Där den sparade kakan skiljer sig från vad sidan säger</translation>
    </message>
    <message>
        <source>{site} (on {top})</source>
        <translation>{site} (på {top})</translation>
    </message>
    <message>
        <source>Not in Försäkringskassan&apos;s list, but recognised as a known tool&apos;s cookie, so it is counted and removed with “{category}”.</source>
        <translation>Står inte i Försäkringskassans lista, men känns igen som en kaka från ett känt verktyg, så den räknas och tas bort med ”{category}”.</translation>
    </message>
    <message>
        <source>Not on the page; {tool} usually keeps it for {lifetime}.</source>
        <translation>Står inte på sidan; {tool} sparar den vanligtvis i {lifetime}.</translation>
    </message>
    <message>
        <source>Stored in {path}</source>
        <translation>Sparad i {path}</translation>
    </message>
</context>
<context>
    <name>DetailsPane</name>
    <message>
        <source>The value could not be read: {reason}</source>
        <translation>Värdet kunde inte läsas: {reason}</translation>
    </message>
    <message>
        <source>The value could not be read: the file could not be opened.</source>
        <translation>Värdet kunde inte läsas: filen gick inte att öppna.</translation>
    </message>
    <message>
        <source>Choose a cookie in the table to see what it is for.</source>
        <translation>Välj en kaka i tabellen för att se vad den används till.</translation>
    </message>
    <message>
        <source>What Försäkringskassan says</source>
        <translation>Vad Försäkringskassan säger</translation>
    </message>
    <message>
        <source>Försäkringskassan&apos;s page does not mention this cookie.</source>
        <translation>Försäkringskassans sida nämner inte den här kakan.</translation>
    </message>
    <message>
        <source>Not on Försäkringskassan&apos;s page</source>
        <translation>Finns inte på Försäkringskassans sida</translation>
    </message>
    <message>
        <source>None</source>
        <translation>Inga</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>ja</translation>
    </message>
    <message>
        <source>{browser} was running when the cookies were read: close the browser first, then the button can remove it.</source>
        <translation>{browser} var igång när kakorna lästes: stäng webbläsaren först, så kan knappen ta bort den.</translation>
    </message>
    <message>
        <source>no</source>
        <translation>nej</translation>
    </message>
    <message>
        <source>not set</source>
        <translation>inte angivet</translation>
    </message>
    <message>
        <source>Secure (only over HTTPS): {secure}
HttpOnly (hidden from the page&apos;s scripts): {http}
SameSite: {same}</source>
        <translation>Secure (bara över HTTPS): {secure}
HttpOnly (dold för sidans skript): {http}
SameSite: {same}</translation>
    </message>
    <message>
        <source>Partitioned: stored only for visits to {site}</source>
        <translation>Partitionerad: sparas bara för besök på {site}</translation>
    </message>
    <message>
        <source>Firefox container: {name}</source>
        <translation>Firefox-behållare: {name}</translation>
    </message>
    <message>
        <source>{profile}, in {path}</source>
        <translation>{profile}, i {path}</translation>
    </message>
    <message>
        <source>Values are not shown in presentation mode.</source>
        <translation>Värden visas inte i presentationsläge.</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Anmärkningar</translation>
    </message>
    <message>
        <source>Flags</source>
        <translation>Flaggor</translation>
    </message>
    <message>
        <source>What Försäkringskassan says (translated)</source>
        <translation>Vad Försäkringskassan säger (översatt)</translation>
    </message>
    <message>
        <source>It is kept until the browser closes.</source>
        <translation>Den sparas tills webbläsaren stängs.</translation>
    </message>
    <message>
        <source>It expired on {date} ({relative}).</source>
        <translation>Den upphörde {date} ({relative}).</translation>
    </message>
    <message>
        <source>It is kept until {date} ({relative}).</source>
        <translation>Den upphör {date} ({relative}).</translation>
    </message>
    <message>
        <source>Försäkringskassan&apos;s page says: {lifetime}.</source>
        <translation>Försäkringskassans sida anger: {lifetime}.</translation>
    </message>
    <message>
        <source>That matches.</source>
        <translation>Det stämmer.</translation>
    </message>
    <message>
        <source>Försäkringskassan&apos;s page does not say how long it is kept. {tool} usually keeps it for {lifetime}.</source>
        <translation>Försäkringskassans sida säger inte hur länge den sparas. {tool} sparar den vanligtvis i {lifetime}.</translation>
    </message>
    <message>
        <source>Försäkringskassan&apos;s page does not say how long it is kept.</source>
        <translation>Försäkringskassans sida säger inte hur länge den sparas.</translation>
    </message>
    <message>
        <source>Partition or container</source>
        <translation>Partition eller behållare</translation>
    </message>
    <message>
        <source>Stored in</source>
        <translation>Sparad i</translation>
    </message>
    <message>
        <source>Does the button remove it?</source>
        <translation>Tar knappen bort den?</translation>
    </message>
    <message>
        <source>How long it is kept</source>
        <translation>Hur länge den sparas</translation>
    </message>
    <message>
        <source>Technical information</source>
        <translation>Teknisk information</translation>
    </message>
    <message>
        <source>Show &amp;value</source>
        <translation>Visa &amp;värde</translation>
    </message>
    <message>
        <source>Reads this cookie&apos;s value from the browser&apos;s file and shows it below</source>
        <translation>Läser kakans värde ur webbläsarens fil och visar det nedanför</translation>
    </message>
    <message>
        <source>Cookie value</source>
        <translation>Kakans värde</translation>
    </message>
    <message>
        <source>A cookie&apos;s value can be a login or an identifier that recognises you. It is only read when you ask, never saved, and hidden again when you choose another cookie. Do not share it.</source>
        <translation>En kakas värde kan vara en inloggning eller ett id som känner igen dig. Det läses bara när du ber om det, sparas aldrig och döljs igen när du väljer en annan kaka. Dela det inte.</translation>
    </message>
    <message>
        <source>Cookie details</source>
        <translation>Om kakan</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Arkiv</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Visa</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Hjälp</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>&amp;Språk / Language</translation>
    </message>
    <message>
        <source>&amp;Open profile folder…</source>
        <translation>&amp;Öppna profilmapp…</translation>
    </message>
    <message>
        <source>&amp;Export report…</source>
        <translation>&amp;Exportera rapport…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Avsluta</translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation>&amp;Uppdatera</translation>
    </message>
    <message>
        <source>&amp;Search</source>
        <translation>&amp;Sök</translation>
    </message>
    <message>
        <source>&amp;Demo mode</source>
        <translation>&amp;Demoläge</translation>
    </message>
    <message>
        <source>&amp;About fkinspect</source>
        <translation>&amp;Om fkinspect</translation>
    </message>
    <message>
        <source>Presentation mode: folders and profile names are hidden, and so are this computer&apos;s cookie values. Turn it off in the View menu.</source>
        <translation>Presentationsläge: mappar, profilnamn och den här datorns kakvärden är dolda. Stäng av det i menyn Visa.</translation>
    </message>
    <message>
        <source>Demo mode: these are made-up cookies in a temporary folder, not yours. Everything works as for real, removing included.</source>
        <translation>Demoläge: det här är påhittade kakor i en tillfällig mapp, inte dina. Allt fungerar som på riktigt, även att ta bort.</translation>
    </message>
    <message>
        <source>Demo mode</source>
        <translation>Demoläge</translation>
    </message>
    <message>
        <source>&amp;Undo the last removal</source>
        <translation>&amp;Ångra senaste borttagningen</translation>
    </message>
    <message>
        <source>&amp;Presentation mode (hide folders and profile names)</source>
        <translation>&amp;Presentationsläge (dölj mappar och profilnamn)</translation>
    </message>
    <message>
        <source>No browser data was found on this computer, so fkinspect shows its demo.</source>
        <translation>Inga webbläsardata hittades på den här datorn, så fkinspect visar sin demo.</translation>
    </message>
    <message numerus="yes">
        <source>Remove analytics cookies (%n)</source>
        <translation>
            <numerusform>Ta bort analyskakor (%n)</numerusform>
            <numerusform>Ta bort analyskakor (%n)</numerusform>
        </translation>
    </message>
    <message>
        <source>Reading your browsers…</source>
        <translation>Läser dina webbläsare…</translation>
    </message>
    <message>
        <source>&amp;Compare with a saved page…</source>
        <translation>&amp;Jämför med en sparad sida…</translation>
    </message>
    <message>
        <source>Försäkringskassan&apos;s cookies on this computer</source>
        <translation>Försäkringskassans kakor på den här datorn</translation>
    </message>
    <message>
        <source>Presentation mode</source>
        <translation>Presentationsläge</translation>
    </message>
    <message>
        <source>Reading…</source>
        <translation>Läser…</translation>
    </message>
    <message>
        <source>fkinspect&apos;s copy of Försäkringskassan&apos;s cookie list is missing or damaged, so nothing is shown or removed. Reinstalling fkinspect repairs it.</source>
        <translation>fkinspects kopia av Försäkringskassans lista över kakor saknas eller är skadad, så inget visas eller tas bort. Installera om fkinspect för att rätta det.</translation>
    </message>
    <message>
        <source>Reading stopped because of an unexpected error ({kind}).</source>
        <translation>Läsningen avbröts av ett oväntat fel ({kind}).</translation>
    </message>
    <message>
        <source>Read at {time}.</source>
        <translation>Läst kl. {time}.</translation>
    </message>
    <message numerus="yes">
        <source>%n file(s) could not be read.</source>
        <translation>
            <numerusform>%n fil kunde inte läsas.</numerusform>
            <numerusform>%n filer kunde inte läsas.</numerusform>
        </translation>
    </message>
    <message>
        <source>Choose a browser profile folder</source>
        <translation>Välj en webbläsares profilmapp</translation>
    </message>
    <message>
        <source>Export report</source>
        <translation>Exportera rapport</translation>
    </message>
    <message>
        <source>Web page (*.html);;Spreadsheet (*.csv);;JSON (*.json)</source>
        <translation>Webbsida (*.html);;Kalkylark (*.csv);;JSON (*.json)</translation>
    </message>
    <message>
        <source>The report could not be saved: {reason}</source>
        <translation>Rapporten kunde inte sparas: {reason}</translation>
    </message>
    <message>
        <source>Report saved in {path}</source>
        <translation>Rapporten sparades i {path}</translation>
    </message>
    <message>
        <source>Cookie list: “{title}”, last updated {date}.</source>
        <translation>Lista över kakor: ”{title}”, senast uppdaterad {date}.</translation>
    </message>
    <message>
        <source>The cookie list could not be loaded.</source>
        <translation>Listan över kakor kunde inte läsas in.</translation>
    </message>
    <message>
        <source>About fkinspect</source>
        <translation>Om fkinspect</translation>
    </message>
    <message>
        <source>fkinspect {version}</source>
        <translation>fkinspect {version}</translation>
    </message>
    <message>
        <source>Shows which cookies forsakringskassan.se has stored in your browsers, what each is for according to Försäkringskassan&apos;s own list, and removes the analytics cookies safely.</source>
        <translation>Visar vilka kakor forsakringskassan.se har sparat i dina webbläsare, vad var och en används till enligt Försäkringskassans egen lista, och tar bort analyskakorna på ett säkert sätt.</translation>
    </message>
    <message>
        <source>Nothing leaves this computer: fkinspect makes no network connection. Cookie values are never stored, logged or exported.</source>
        <translation>Inget lämnar datorn: fkinspect använder inte nätverket. Kakornas värden sparas, loggas eller exporteras aldrig.</translation>
    </message>
    <message>
        <source>fkinspect is free software under the MIT License. The licences of the software it uses are in {path} (Show Details).</source>
        <translation>fkinspect är fri programvara under MIT-licensen. Licenserna för programvaran den använder finns i {path} (Visa detaljer).</translation>
    </message>
</context>
<context>
    <name>Meanings</name>
    <message>
        <source>Needed for logging in and for the site to work.</source>
        <translation>Behövs för inloggning och för att sidan ska fungera.</translation>
    </message>
    <message>
        <source>Used when you have a personal web meeting with Försäkringskassan.</source>
        <translation>Används när du har ett personligt webbmöte med Försäkringskassan.</translation>
    </message>
    <message>
        <source>Measure how the site is used. The site works without them.</source>
        <translation>Mäter hur sidan används. Sidan fungerar utan dem.</translation>
    </message>
    <message>
        <source>Stored by other sites whose content is shown on Försäkringskassan&apos;s pages, such as videos.</source>
        <translation>Sparade av andra webbplatser vars innehåll visas på Försäkringskassans sidor, till exempel filmer.</translation>
    </message>
    <message>
        <source>Not in Försäkringskassan&apos;s list, and fkinspect does not recognise them.</source>
        <translation>Står inte i Försäkringskassans lista, och fkinspect känner inte igen dem.</translation>
    </message>
    <message>
        <source>Removed by the button</source>
        <translation>Tas bort av knappen</translation>
    </message>
    <message>
        <source>Not touched by the button</source>
        <translation>Rörs inte av knappen</translation>
    </message>
    <message>
        <source>Yes. Försäkringskassan&apos;s list says it is for web analytics, and the button removes those.</source>
        <translation>Ja. Enligt Försäkringskassans lista är den till för webbanalys, och sådana tar knappen bort.</translation>
    </message>
    <message>
        <source>Yes. It is not in Försäkringskassan&apos;s list, but it is recognised as a {tool} cookie for web analytics, so the button removes it too.</source>
        <translation>Ja. Den står inte i Försäkringskassans lista, men känns igen som en kaka för webbanalys från {tool}, så knappen tar bort den också.</translation>
    </message>
    <message>
        <source>known tool&apos;s</source>
        <translation>ett känt verktyg</translation>
    </message>
    <message>
        <source>No, not from here: fkinspect can only read {browser}&apos;s cookie file. Remove it in the browser&apos;s own settings.</source>
        <translation>Nej, inte härifrån: fkinspect kan bara läsa kakfilen för {browser}. Ta bort den i webbläsarens egna inställningar.</translation>
    </message>
    <message>
        <source>No. It has already expired: the browser removes it by itself.</source>
        <translation>Nej. Den har redan upphört: webbläsaren tar bort den själv.</translation>
    </message>
    <message>
        <source>No. It belongs to another site ({site}), not to Försäkringskassan. You can remove it in the browser&apos;s settings.</source>
        <translation>Nej. Den hör till en annan webbplats ({site}), inte till Försäkringskassan. Du kan ta bort den i webbläsarens inställningar.</translation>
    </message>
    <message>
        <source>No. It is needed for logging in and for the site to work.</source>
        <translation>Nej. Den behövs för inloggning och för att sidan ska fungera.</translation>
    </message>
    <message>
        <source>No. It is used for personal web meetings with Försäkringskassan.</source>
        <translation>Nej. Den används för personliga webbmöten med Försäkringskassan.</translation>
    </message>
    <message>
        <source>No. It is not in Försäkringskassan&apos;s list and fkinspect cannot tell what it is for, so it is left alone.</source>
        <translation>Nej. Den står inte i Försäkringskassans lista och fkinspect kan inte avgöra vad den är till för, så den lämnas kvar.</translation>
    </message>
    <message>
        <source>No. The button only removes web analytics cookies.</source>
        <translation>Nej. Knappen tar bara bort kakor för webbanalys.</translation>
    </message>
</context>
<context>
    <name>PageCompareDialog</name>
    <message>
        <source>Compare with a saved page</source>
        <translation>Jämför med en sparad sida</translation>
    </message>
    <message>
        <source>Comparison</source>
        <translation>Jämförelse</translation>
    </message>
    <message>
        <source>Use this list</source>
        <translation>Använd den här listan</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Avbryt</translation>
    </message>
    <message>
        <source>The file could not be read: {reason}</source>
        <translation>Filen kunde inte läsas: {reason}</translation>
    </message>
    <message>
        <source>Some of the page could not be read, so its list cannot be used.</source>
        <translation>Delar av sidan kunde inte läsas, så dess lista kan inte användas.</translation>
    </message>
    <message>
        <source>Using this list deletes nothing. The table is read again, and the next removal follows this list.</source>
        <translation>Att använda den här listan tar inte bort något. Tabellen läses på nytt, och nästa borttagning följer den här listan.</translation>
    </message>
    <message>
        <source>The list could not be saved: {reason}</source>
        <translation>Listan kunde inte sparas: {reason}</translation>
    </message>
</context>
<context>
    <name>StoresPanel</name>
    <message numerus="yes">
        <source>All browsers (%n cookie(s))</source>
        <translation>
            <numerusform>Alla webbläsare (%n kaka)</numerusform>
            <numerusform>Alla webbläsare (%n kakor)</numerusform>
        </translation>
    </message>
    <message>
        <source>Browsers and profiles</source>
        <translation>Webbläsare och profiler</translation>
    </message>
    <message>
        <source>Each browser profile that was found and whether it could be read. Choose one to show only its cookies.</source>
        <translation>Varje webbläsarprofil som hittades och om den gick att läsa. Välj en för att bara visa dess kakor.</translation>
    </message>
    <message>
        <source>Technical detail: {detail}</source>
        <translation>Teknisk information: {detail}</translation>
    </message>
    <message numerus="yes">
        <source>%n cookie(s)</source>
        <translation>
            <numerusform>%n kaka</numerusform>
            <numerusform>%n kakor</numerusform>
        </translation>
    </message>
    <message>
        <source>The browser is running</source>
        <translation>Webbläsaren är igång</translation>
    </message>
</context>
<context>
    <name>SummaryView</name>
    <message>
        <source>Looking for cookies from Försäkringskassan…</source>
        <translation>Letar efter kakor från Försäkringskassan…</translation>
    </message>
    <message numerus="yes">
        <source>%n cookie(s)</source>
        <translation>
            <numerusform>%n kaka</numerusform>
            <numerusform>%n kakor</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n browser(s)</source>
        <translation>
            <numerusform>%n webbläsare</numerusform>
            <numerusform>%n webbläsare</numerusform>
        </translation>
    </message>
    <message>
        <source>{agency} has stored {cookies} in {browsers}.</source>
        <translation>{agency} har sparat {cookies} i {browsers}.</translation>
    </message>
    <message>
        <source>{agency} has not stored any cookies in your browsers.</source>
        <translation>{agency} har inte sparat några kakor i dina webbläsare.</translation>
    </message>
    <message>
        <source>None of them is for web analytics.</source>
        <translation>Ingen av dem är för webbanalys.</translation>
    </message>
    <message numerus="yes">
        <source>%n of them are for web analytics.</source>
        <translation>
            <numerusform>%n av dem är för webbanalys.</numerusform>
            <numerusform>%n av dem är för webbanalys.</numerusform>
        </translation>
    </message>
    <message>
        <source>{first} and {last}</source>
        <translation>{first} och {last}</translation>
    </message>
    <message numerus="yes">
        <source>Other sites also stored %n cookie(s) while you visited Försäkringskassan&apos;s pages: {sites}.</source>
        <translation>
            <numerusform>Andra webbplatser har också sparat %n kaka när du besökte Försäkringskassans sidor: {sites}.</numerusform>
            <numerusform>Andra webbplatser har också sparat %n kakor när du besökte Försäkringskassans sidor: {sites}.</numerusform>
        </translation>
    </message>
    <message>
        <source>known tools</source>
        <translation>kända verktyg</translation>
    </message>
    <message numerus="yes">
        <source>{category}: %n cookie(s)</source>
        <translation>
            <numerusform>{category}: %n kaka</numerusform>
            <numerusform>{category}: %n kakor</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n of the analytics cookies are not in Försäkringskassan&apos;s list, but are recognised as cookies of {tools}. The button removes them too.</source>
        <translation>
            <numerusform>%n av analyskakorna står inte i Försäkringskassans lista, men känns igen som en kaka från {tools}. Knappen tar bort den också.</numerusform>
            <numerusform>%n av analyskakorna står inte i Försäkringskassans lista, men känns igen som kakor från {tools}. Knappen tar bort dem också.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n cookie(s) have already expired and are not counted: the browser removes them by itself.</source>
        <translation>
            <numerusform>%n kaka har redan upphört och räknas inte: webbläsaren tar bort den själv.</numerusform>
            <numerusform>%n kakor har redan upphört och räknas inte: webbläsaren tar bort dem själv.</numerusform>
        </translation>
    </message>
    <message>
        <source>Summary</source>
        <translation>Sammanfattning</translation>
    </message>
    <message>
        <source>Show only this category in the table</source>
        <translation>Visa bara den här kategorin i tabellen</translation>
    </message>
    <message>
        <source>Show only “{category}” (click again to show all)</source>
        <translation>Visa bara ”{category}” (klicka igen för att visa alla)</translation>
    </message>
</context>
<context>
    <name>Texts</name>
    <message numerus="yes">
        <source>%n minute(s) ago</source>
        <translation>
            <numerusform>för %n minut sedan</numerusform>
            <numerusform>för %n minuter sedan</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n hour(s) ago</source>
        <translation>
            <numerusform>för %n timme sedan</numerusform>
            <numerusform>för %n timmar sedan</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n day(s) ago</source>
        <translation>
            <numerusform>för %n dag sedan</numerusform>
            <numerusform>för %n dagar sedan</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n month(s) ago</source>
        <translation>
            <numerusform>för %n månad sedan</numerusform>
            <numerusform>för %n månader sedan</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n year(s) ago</source>
        <translation>
            <numerusform>för %n år sedan</numerusform>
            <numerusform>för %n år sedan</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>in %n minute(s)</source>
        <translation>
            <numerusform>om %n minut</numerusform>
            <numerusform>om %n minuter</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>in %n hour(s)</source>
        <translation>
            <numerusform>om %n timme</numerusform>
            <numerusform>om %n timmar</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>in %n day(s)</source>
        <translation>
            <numerusform>om %n dag</numerusform>
            <numerusform>om %n dagar</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>in %n month(s)</source>
        <translation>
            <numerusform>om %n månad</numerusform>
            <numerusform>om %n månader</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>in %n year(s)</source>
        <translation>
            <numerusform>om %n år</numerusform>
            <numerusform>om %n år</numerusform>
        </translation>
    </message>
    <message>
        <source>when the browser closes</source>
        <translation>tills webbläsaren stängs</translation>
    </message>
    <message>
        <source>expired {date} ({relative})</source>
        <translation>upphörde {date} ({relative})</translation>
    </message>
    <message>
        <source>Expired: the browser no longer sends it and removes it by itself, so it is not counted.</source>
        <translation>Har upphört: webbläsaren skickar den inte längre och tar bort den själv, så den räknas inte.</translation>
    </message>
</context>
<context>
    <name>WindowBody</name>
    <message>
        <source>&amp;Search:</source>
        <translation>&amp;Sök:</translation>
    </message>
    <message>
        <source>Name, site or browser</source>
        <translation>Namn, webbplats eller webbläsare</translation>
    </message>
    <message>
        <source>Search cookies</source>
        <translation>Sök bland kakorna</translation>
    </message>
    <message>
        <source>Clear the search</source>
        <translation>Töm sökfältet</translation>
    </message>
    <message>
        <source>&amp;Category:</source>
        <translation>&amp;Kategori:</translation>
    </message>
    <message>
        <source>Category filter</source>
        <translation>Filtrera på kategori</translation>
    </message>
    <message>
        <source>All categories</source>
        <translation>Alla kategorier</translation>
    </message>
    <message>
        <source>Cookies</source>
        <translation>Kakor</translation>
    </message>
    <message>
        <source>One row per cookie Försäkringskassan&apos;s site has stored. Choose a row to see its details.</source>
        <translation>En rad per kaka som Försäkringskassans webbplats har sparat. Välj en rad för att se mer om den.</translation>
    </message>
    <message>
        <source>Shows exactly which cookies go before anything is removed</source>
        <translation>Visar exakt vilka kakor som tas bort innan något tas bort</translation>
    </message>
    <message>
        <source>Reading</source>
        <translation>Läser</translation>
    </message>
    <message>
        <source>Open the &amp;demo</source>
        <translation>Öppna &amp;demon</translation>
    </message>
    <message>
        <source>Choose a &amp;profile folder…</source>
        <translation>Välj en &amp;profilmapp…</translation>
    </message>
    <message numerus="yes">
        <source>&amp;Remove analytics cookies (%n)</source>
        <translation>
            <numerusform>&amp;Ta bort analyskakor (%n)</numerusform>
            <numerusform>&amp;Ta bort analyskakor (%n)</numerusform>
        </translation>
    </message>
    <message>
        <source>Waiting for the browsers to be read.</source>
        <translation>Väntar på att webbläsarna ska läsas.</translation>
    </message>
    <message>
        <source>There are no analytics cookies to remove.</source>
        <translation>Det finns inga analyskakor att ta bort.</translation>
    </message>
    <message>
        <source>The cookie list could not be loaded</source>
        <translation>Listan över kakor kunde inte läsas in</translation>
    </message>
    <message>
        <source>Reading your browsers…</source>
        <translation>Läser dina webbläsare…</translation>
    </message>
    <message>
        <source>This takes a moment. Nothing is changed while reading.</source>
        <translation>Det tar en liten stund. Inget ändras medan de läses.</translation>
    </message>
    <message>
        <source>No browsers found</source>
        <translation>Inga webbläsare hittades</translation>
    </message>
    <message>
        <source>fkinspect looked for Chrome, Chromium, Edge, Brave, Opera, Vivaldi, Firefox and Safari in your home folder and found no browser data. You can open the demo to see how fkinspect works, or choose a browser profile folder.</source>
        <translation>fkinspect letade efter Chrome, Chromium, Edge, Brave, Opera, Vivaldi, Firefox och Safari i din hemmapp och hittade inga webbläsardata. Du kan öppna demon för att se hur fkinspect fungerar, eller välja en profilmapp.</translation>
    </message>
    <message>
        <source>No browser could be read</source>
        <translation>Ingen webbläsare kunde läsas</translation>
    </message>
    <message>
        <source>Every cookie file that was found failed to read. The list on the left says why for each one.</source>
        <translation>Ingen av de kakfiler som hittades gick att läsa. Listan till vänster säger varför för var och en.</translation>
    </message>
    <message>
        <source>No cookies from {site}</source>
        <translation>Inga kakor från {site}</translation>
    </message>
    <message numerus="yes">
        <source>%n browser profile(s) were read. None of them holds a cookie from Försäkringskassan&apos;s site.</source>
        <translation>
            <numerusform>%n webbläsarprofil lästes. Den har ingen kaka från Försäkringskassans webbplats.</numerusform>
            <numerusform>%n webbläsarprofiler lästes. Ingen av dem har någon kaka från Försäkringskassans webbplats.</numerusform>
        </translation>
    </message>
    <message>
        <source>Reading {profile}…</source>
        <translation>Läser {profile}…</translation>
    </message>
</context>
</TS>
