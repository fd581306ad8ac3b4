// The site search (page « Rechercher dans le site »): Pagefind's index, made after the build in
// pagefind/, loaded the first time a reader searches; only the parts of the index the words need
// are downloaded. The form works without this script as a plain GET: ?q=… is read on arrival.
const form = document.querySelector("[data-ssp-search]");
const status = document.querySelector("[data-ssp-search-status]");
const list = document.querySelector("[data-ssp-search-results]");
const input = form.querySelector("input[name=q]");
const more = document.querySelector("[data-ssp-search-more]");
const PAGE = 10; // results shown at a time: each one downloads its page's excerpt
let engine = null;
let asked = 0;
let found = [];
let pause = 0; // the search typed words start, once the reader pauses
let shown = null; // the words whose results are on the page
let seen = []; // the data of the results on the page

async function pagefind() {
  if (!engine) {
    const bundle = new URL(form.dataset.sspBundle, location.href);
    engine = import(new URL("pagefind.js", bundle).href).then(async (module) => {
      // An edition's page says « 2017 » in its field `edition` (edition.html): « 2017 » gives it before
      // the edition's listing, poster, kit, bilan and département pages, whose titles all name the year too.
      // A page of docs/ may name the words that lead to it (`search: keywords:`, hooks/ssp/searchcopy.py):
      // « déclarer une action » gives « Organiser une action », not the « Déclaration d'accessibilité ».
      await module.options({ baseUrl: new URL(form.dataset.sspRoot, location.href).pathname, excerptLength: 24,
                             ranking: { metaWeights: { edition: 15, keywords: 3 } } });
      return module;
    });
  }
  return engine;
}

// What Pagefind is asked. It wants every word on a page, and reads « l'affiche » as one word, found only where it is
// written so: « déclarer mon action » found nothing (no page says « mon »), « l'affiche » two pages. So an elided
// article is cut (« l'affiche » → « affiche »; « Val-d'Oise » keeps its own), and words that say nothing of a page
// (« mon », « où », « comment »…) are left out, unless nothing else is left; a phrase in quotes goes as typed.
// « Quand » of the week itself asks for its dates: « quand a lieu la semaine 2025 » is « dates semaine 2025 » (« a lieu »
// is no place: actions with a « Lieu » came first), found on the home page and the edition's (home.html, edition.html).
// Of anything else (« quand Douai »), « quand » is left out like « où ».
const ELIDED = /(^|[\s«"(])(?:[cdjlmnst]|qu|jusqu|lorsqu|puisqu)['’](?=\p{L})/giu;
const TAKES_PLACE = /(^|\s)(?:a|aura|ont|auront|avait|avaient|aurait|a eu|ont eu)\s+lieu(?=\s|$)/giu;
const EMPTY = new Set(("le la les un une des du de au aux à a en et ou où y mon ma mes ton ta tes son sa ses notre nos votre vos " +
  "leur leurs ce cet cette ces je tu il elle on nous vous ils elles me se ne pas qui que quoi quel quelle quels quelles " +
  "comment pourquoi quand sur pour par avec dans chez trouver chercher rechercher").split(" "));
const THE_WEEK = /^(?:semaine|sécurité|securite|patients?|ssp|éditions?|editions?|prochaine|\d{4})$/iu;

// Words readers write that pages say otherwise (keys folded), and the words searched for them, results merged:
// « hôpital » missed « Centre hospitalier de Douai » (another stem) and every « CHU de … »; « poster » gave the pages
// where one may post a comment, not the posters.
const ALSO = { hopital: ["hôpital", "hospitalier", "CHU"], hopitaux: ["hôpitaux", "hospitaliers", "CHU"],
               poster: ["affiche"], posters: ["affiches"], calendrier: ["calendrier", "agenda"] };
const fold = (word) => word.normalize("NFD").replace(/\p{M}/gu, "").toLowerCase();

function sought(words) {
  if (words.includes('"')) return words;
  const cut = words.replace(ELIDED, "$1").replace(TAKES_PLACE, "$1");
  const kept = cut.split(/\s+/).filter((word) => word && !EMPTY.has(word.toLowerCase()));
  if (/(?:^|\s)quand(?=\s|$)/iu.test(cut) && kept.every((word) => THE_WEEK.test(word))) kept.unshift("dates");
  return kept.length ? kept.join(" ") : cut;
}

// Pagefind's results for the query, best score first, and the words searched instead of its first word ALSO knows:
// those some page holds (Pagefind drops a word no page holds: « hôpital Lille » was every page of Lille).
async function find(query) {
  const engine = await pagefind();
  const words = query.split(/\s+/);
  const at = query.includes('"') ? -1 : words.findIndex((word) => ALSO[fold(word)]);
  let forms = at < 0 ? [] : ALSO[fold(words[at])];
  const held = await Promise.all(forms.map(async (form) => (await engine.search(form)).results.length > 0));
  forms = forms.filter((_, index) => held[index]);
  const queries = forms.length ? forms.map((form) => words.map((word, index) => (index === at ? form : word)).join(" ")) : [query];
  const best = new Map();
  for (const { results } of await Promise.all(queries.map((each) => engine.search(each)))) {
    for (const result of results) if (!(best.get(result.id)?.score >= result.score)) best.set(result.id, result);
  }
  return { results: [...best.values()].sort((a, b) => b.score - a.score), forms };
}

// The words of the query no result on the page holds, nor a word beginning as it does (« lauréat », « lauréats »): Pagefind
// found them by closeness (at 5,000 actions without one in Douai, « Douai » gave the actions on « douleur », unsaid).
function close(query, forms) {
  if (query.includes('"')) return [];
  const texts = seen.map((data) => fold([data.content, ...Object.values(data.meta)].join(" ")));
  return query.split(/\s+/).filter((word) => ![word, ...(ALSO[fold(word)] ? forms : [])].some((form) => {
    const start = fold(form).slice(0, Math.max(4, form.length - 2));
    return texts.some((text) => text.includes(start));
  }));
}

// How many pages each word of what Pagefind was asked finds alone ([word, count], …), for several words not in quotes,
// ALONE at most: each is one more search (an address holding 1,500 words kept a slowed phone busy 19 s).
const ALONE = 10;
async function eachAlone(query) {
  const parts = query.includes('"') ? [] : [...new Set(query.split(/\s+/))];
  if (parts.length < 2 || parts.length > ALONE) return [];
  return Promise.all(parts.map(async (word) => [word, (await find(word)).results.length]));
}

// Several words no page holds all together: what each finds alone, to search it in one click.
function alone(counts) {
  if (!counts.length) return null;
  const paragraph = document.createElement("p");
  paragraph.className = "ssp-search__alone";
  paragraph.append("Chaque mot seul\u00a0: ");
  counts.forEach(([word, count], index) => {
    if (index) paragraph.append(" · ");
    const label = `«\u00a0${word}\u00a0»`;
    if (!count) {
      paragraph.append(`${label}, aucune page`);
      return;
    }
    const link = document.createElement("a");
    link.href = `?q=${encodeURIComponent(word)}`;
    link.textContent = label;
    paragraph.append(link, `, ${count.toLocaleString("fr-FR")}\u00a0${count > 1 ? "pages" : "page"}`);
  });
  return paragraph;
}

// An excerpt as text, with Pagefind's <mark> kept as elements: nothing else of it becomes markup.
function excerpt(html) {
  const paragraph = document.createElement("p");
  paragraph.className = "ssp-search__excerpt";
  for (const node of new DOMParser().parseFromString(html, "text/html").body.childNodes) {
    if (node.nodeName === "MARK") {
      const mark = document.createElement("mark");
      mark.textContent = node.textContent;
      paragraph.append(mark);
    } else {
      paragraph.append(node.textContent);
    }
  }
  return paragraph;
}

function item(result) {
  const entry = document.createElement("li");
  const heading = document.createElement("h2");
  const link = document.createElement("a");
  // The page's address from the site's root (hooks/ssp/searchcopy.py: the index reads copies of the pages)
  const address = new URL(result.meta.url ?? result.url, new URL(form.dataset.sspRoot, location.href)).pathname;
  link.href = address;
  const title = result.meta.title || address;
  link.textContent = /\/affiche\/$/.test(address) && !title.startsWith("Affiche") ? `Affiche\u00a0: ${title}` : title;
  heading.append(link);
  if (result.meta.status) {  // an event's « Annulé », « Complet »…: the badge its page shows (partials/ssp/status.html)
    const badge = document.createElement("span");
    badge.className = result.meta.status_class;
    badge.textContent = result.meta.status;
    heading.append(" ", badge);
  }
  entry.append(heading);
  const year = address.match(/\/(\d{4})\//);
  if (result.meta.facts || year) {  // an action's when and where (partials/ssp/event-page.html), else its edition
    const edition = document.createElement("p");
    edition.className = "ssp-search__edition";
    edition.textContent = result.meta.facts || `Édition ${year[1]}`;
    entry.append(edition);
  }
  entry.append(excerpt(result.excerpt));
  return entry;
}

async function show(ticket) {
  const start = list.children.length;
  const results = await Promise.all(found.slice(start, start + PAGE).map((result) => result.data()));
  if (ticket !== asked) return; // a newer search has started
  seen.push(...results);
  list.append(...results.map(item));
  more.hidden = list.children.length >= found.length;
  return list.children[start];
}

async function search(words) {
  words = words.trim();
  if (words === shown) return; // Enter after typing: the results are already there, or coming
  shown = words;
  const ticket = ++asked;
  list.replaceChildren();
  seen = [];
  document.querySelector(".ssp-search__alone")?.remove();
  more.hidden = true;
  if (!words) {
    status.textContent = "";
    return;
  }
  status.textContent = "Recherche en cours…";
  const query = sought(words);
  let forms = [];
  try {
    ({ results: found, forms } = await find(query));
  } catch (error) {
    shown = null;
    status.textContent = "La recherche n'est pas disponible ici (elle l'est sur le site publié, pas dans la prévisualisation).";
    return;
  }
  if (ticket !== asked) return;
  await show(ticket);
  if (ticket !== asked) return;
  const count = found.length;
  const counts = await eachAlone(query);
  if (ticket !== asked) return;
  const split = count === 0 ? alone(counts) : null;
  // Pagefind leaves out a word no page holds: « portes ouvertes Rennse » gave every open day, as if in Rennes.
  const missing = count === 0 ? [] : counts.filter(([, pages]) => !pages).map(([word]) => `«\u00a0${word}\u00a0»`);
  const near = count === 0 ? [] : close(query, forms).filter((word) => !counts.some(([other, pages]) => other === word && !pages))
    .map((word) => `«\u00a0${word}\u00a0»`);
  if (split) status.after(split);
  status.textContent = split
    ? `Aucune page ne contient à la fois tous les mots de «\u00a0${words}\u00a0».`
    : count === 0
    ? `Aucune page ne contient «\u00a0${words}\u00a0». Essayez un autre mot, ou moins de mots.`
    : `${count.toLocaleString("fr-FR")}\u00a0${count > 1 ? "pages trouvées" : "page trouvée"} pour «\u00a0${words}\u00a0»`  // no-break spaces: « » never alone on a line
      + (forms.length ? ` (mots cherchés\u00a0: ${forms.map((word) => `«\u00a0${word}\u00a0»`).join(", ")})` : "")
      + (count > PAGE ? ", des plus pertinentes aux moins pertinentes." : ".")
      + (missing.length ? ` ${missing.join(" et ")} ${missing.length > 1 ? "ne sont" : "n'est"} sur aucune page\u00a0: `
         + `${count > 1 ? "ces résultats ne tiennent" : "ce résultat ne tient"} compte que des autres mots.` : "")
      + (near.length ? ` ${near.join(" et ")} ${near.length > 1 ? "ne sont" : "n'est"} `
         + `${count > 1 ? "dans aucun de ces résultats\u00a0: ils ont" : "pas dans ce résultat\u00a0: il a"} des mots proches.` : "");
}

more.addEventListener("click", async () => {
  const first = await show(asked);
  first?.querySelector("a").focus(); // the reader goes on from the first new result
});

document.addEventListener("click", (event) => {  // a word of « Chaque mot seul », searched here
  const link = event.target.closest(".ssp-search__alone a");
  if (!link) return;
  event.preventDefault();
  input.value = new URL(link.href).searchParams.get("q");
  form.requestSubmit();
  input.focus();
});

form.addEventListener("submit", (event) => {
  event.preventDefault();
  clearTimeout(pause);
  const url = new URL(location.href);
  url.searchParams.set("q", input.value);
  url.hash = ""; // the address to share: the words, not where the magnifier led
  history.replaceState(null, "", url);
  search(input.value);
});

input.addEventListener("input", () => {
  clearTimeout(pause);
  pause = setTimeout(() => search(input.value), 300);
});

// As long as the field takes (its maxlength), typed or in the address
const first = new URLSearchParams(location.search).get("q")?.slice(0, input.maxLength);
if (first) {
  input.value = first;
  search(first);
}
