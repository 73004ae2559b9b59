// Streamlit's own chrome in Dutch (dashboard/ui/nederlands.py). Streamlit 1.67 has no language
// setting, so this replaces a fixed list of its English words, in text and in the attributes a
// screen reader or tooltip reads, as they appear. Only whole strings of the list (and a few fixed
// patterns) change; the app's own text, and anything a user wrote, is left as it is.
(() => {
  if (window.__tellenNederlands) return;
  window.__tellenNederlands = true;
  const WORDS = {
    "Skip to main content": "Naar de inhoud", "Collapse sidebar": "Menu inklappen",
    "Expand sidebar": "Menu uitklappen", "Main menu": "Hoofdmenu", "Running...": "Bezig...",
    "Stop": "Stoppen", "Connecting": "Verbinden", "Connection error": "Geen verbinding",
    "Page not found": "Pagina niet gevonden", "Help": "Uitleg",
    "Upload": "Uploaden", "Add files": "Bestanden toevoegen", "Browse files": "Bestanden kiezen",
    "Drag and drop files here": "Sleep bestanden hierheen", "Drag and drop file here": "Sleep een bestand hierheen",
    "Drag and drop a file here": "Sleep een bestand hierheen", "Remove file": "Bestand verwijderen",
    "Select all": "Alles kiezen", "Clear all": "Alles wissen", "Clear value": "Wissen",
    "Clear selection": "Keuze wissen", "Clear entry": "Wissen", "Clear date": "Datum wissen",
    "Clear dates": "Datums wissen", "No results": "Geen resultaten", "No options": "Geen keuzes",
    "Choose an option": "Maak een keuze", "Choose options": "Kies een of meer",
    "Selected values": "Gekozen waarden", "Open": "Openen", "Delete": "Verwijderen",
    "Show password": "Toon invoer", "Hide password": "Verberg invoer",
    "Increment": "Hoger", "Decrement": "Lager", "Choose date": "Kies een datum",
    "Fullscreen": "Volledig scherm", "Close fullscreen": "Volledig scherm sluiten",
    "Download as CSV": "Downloaden als CSV", "Search": "Zoeken", "Close Search": "Zoeken sluiten",
    "Type to search": "Typ om te zoeken", "Next Result": "Volgende", "Previous Result": "Vorige",
    "Show/hide columns": "Kolommen tonen of verbergen", "Sort ascending": "Oplopend sorteren",
    "Sort descending": "Aflopend sorteren", "Pin column": "Kolom vastzetten",
    "Unpin column": "Kolom losmaken", "Hide column": "Kolom verbergen", "Autosize": "Passend maken",
    "Format": "Opmaak", "Copy column name": "Kolomnaam kopiëren", "Dataframe column menu": "Kolommenu",
    "Automatic": "Automatisch", "Localized": "Nederlands", "Plain": "Kaal", "Percent": "Procent",
    "Scientific": "Wetenschappelijk", "Accounting": "Boekhoudkundig", "Compact": "Compact",
    "No data": "Geen gegevens", "Zoom In": "Inzoomen", "Zoom Out": "Uitzoomen", "Add row": "Rij toevoegen", "Close": "Sluiten",
    "Sidebar": "Zijbalk", "Link to heading": "Link naar deze kop", "file upload": "Bestand kiezen",
    "Choose date range": "Kies een periode", "Map": "Kaart", "Toggle attribution": "Bronvermelding tonen of verbergen",
  };
  const PARTS = {day: "dag", month: "maand", year: "jaar", start: "begindatum", end: "einddatum"};
  const PATTERNS = [
    [/^Help for (.+)$/, "Uitleg bij $1"],
    [/^Fullscreen: (.+)$/, "Volledig scherm: $1"],
    [/^(\d+(?:[.,]\d+)?)\s*([KMG]B) per file$/, "$1 $2 per bestand"],
    [/^Limit (\d+(?:[.,]\d+)?)\s*([KMG]B) per file(.*)$/, "Maximaal $1 $2 per bestand$3"],
    [/^Press (.+) to (apply|submit form)$/, (_, key, what) => `${key} om ${what === "apply" ? "toe te passen" : "te versturen"}`],
    [/^Remove (.+)$/, "$1 weghalen"],
    [/^(\d+) (option|result)s? available\.$/, (_, n, what) => `${n} ${what === "option" ? "keuzes" : "resultaten"} beschikbaar.`],
    // a date field and its parts: "day, Periode start date" is "dag, Periode begindatum"
    [/^(?:(day|month|year), )?(.+) (start|end) date$/, (_, part, label, end) => `${part ? PARTS[part] + ", " : ""}${label} ${PARTS[end]}`],
    [/^(day|month|year), (.+)$/, (_, part, label) => `${PARTS[part]}, ${label}`],
  ];
  // A Material icon beside words ("check_circle icon" before "op koers"): Streamlit names it in English
  // for a screen reader, which then reads the icon's code name; it is decoration, so it is hidden.
  const ICON = /^[a-z0-9_]+ icon$/;
  const ATTRIBUTES = ["aria-label", "title", "placeholder", "data-title", "alt"];
  // The app's own text (markdown, captions, fields) is never touched; but the uploader's button label is
  // Streamlit's own, drawn as markdown.
  const OWN_TEXT = '[data-testid="stMarkdownContainer"], [data-testid="stCaptionContainer"], textarea, input';
  const CHROME = '[data-testid="stFileUploaderDropzone"]';

  const dutch = (text) => {
    const trimmed = text.trim();
    if (!trimmed) return null;
    if (Object.prototype.hasOwnProperty.call(WORDS, trimmed)) return text.replace(trimmed, WORDS[trimmed]);
    for (const [pattern, replacement] of PATTERNS) {
      if (pattern.test(trimmed)) return text.replace(trimmed, trimmed.replace(pattern, replacement));
    }
    return null;
  };
  const element = (node) => {
    if (ICON.test(node.getAttribute("aria-label") || "")) {
      node.removeAttribute("aria-label");
      node.removeAttribute("role");
      node.setAttribute("aria-hidden", "true");
    }
    for (const name of ATTRIBUTES) {
      const value = node.getAttribute(name);
      const changed = value && dutch(value);
      if (changed) node.setAttribute(name, changed);
    }
  };
  const text = (node) => {
    const parent = node.parentElement;
    if (!parent || (parent.closest(OWN_TEXT) && !parent.closest(CHROME))) return;
    const changed = dutch(node.data);
    if (changed) node.data = changed;
  };
  const walk = (root) => {
    if (root.nodeType === Node.TEXT_NODE) return text(root);
    if (root.nodeType !== Node.ELEMENT_NODE) return;
    element(root);
    root.querySelectorAll("*").forEach(element);
    const texts = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    while (texts.nextNode()) text(texts.currentNode);
  };
  const doc = window.parent === window ? document : window.parent.document;
  walk(doc.body);
  new MutationObserver((changes) => {
    for (const change of changes) {
      if (change.type === "attributes") element(change.target);
      else if (change.type === "characterData") text(change.target);
      else change.addedNodes.forEach(walk);
    }
  }).observe(doc.body, {subtree: true, childList: true, characterData: true, attributes: true,
                        attributeFilter: ATTRIBUTES});
  doc.documentElement.lang = "nl";
})();
