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

async function pagefind() {
  if (!engine) {
    const bundle = new URL(form.dataset.sspBundle, location.href);
    engine = import(new URL("pagefind.js", bundle).href).then(async (module) => {
      // An edition's page says « édition 2017 » in its field `edition` (edition.html): « 2017 » gives it before
      // the edition's listing, poster, kit, bilan and département pages, whose titles all name the year too.
      await module.options({ baseUrl: new URL(form.dataset.sspRoot, location.href).pathname, excerptLength: 24,
                             ranking: { metaWeights: { edition: 15 } } });
      return module;
    });
  }
  return engine;
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
  if (year) {
    const edition = document.createElement("p");
    edition.className = "ssp-search__edition";
    edition.textContent = `Édition ${year[1]}`;
    entry.append(edition);
  }
  entry.append(excerpt(result.excerpt));
  return entry;
}

async function show(ticket) {
  const start = list.children.length;
  const results = await Promise.all(found.slice(start, start + PAGE).map((result) => result.data()));
  if (ticket !== asked) return; // a newer search has started
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
  more.hidden = true;
  if (!words) {
    status.textContent = "";
    return;
  }
  status.textContent = "Recherche en cours…";
  try {
    found = (await (await pagefind()).search(words)).results;
  } catch (error) {
    shown = null;
    status.textContent = "La recherche n'est pas disponible ici (elle l'est sur le site publié, pas dans la prévisualisation).";
    return;
  }
  if (ticket !== asked) return;
  await show(ticket);
  if (ticket !== asked) return;
  const count = found.length;
  status.textContent = count === 0
    ? `Aucune page ne contient «\u00a0${words}\u00a0». Essayez un autre mot, ou moins de mots.`
    : `${count.toLocaleString("fr-FR")}\u00a0${count > 1 ? "pages trouvées" : "page trouvée"} pour «\u00a0${words}\u00a0»`  // no-break spaces: « » never alone on a line
      + (count > PAGE ? ", des plus pertinentes aux moins pertinentes." : ".");
}

more.addEventListener("click", async () => {
  const first = await show(asked);
  first?.querySelector("a").focus(); // the reader goes on from the first new result
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

const first = new URLSearchParams(location.search).get("q");
if (first) {
  input.value = first;
  search(first);
}
