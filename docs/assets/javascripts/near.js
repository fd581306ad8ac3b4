/* Semaine de la sécurité des patients — « Trouver une action près de chez vous » (home page).
   A town, a postal code or a département number leads to the edition's listing filtered on the
   département. The official list of communes (assets/communes.json, about 1 MB) is loaded only
   once the box is used. Town names are compared as hooks/ssp/communes.py does (keep both in step):
   case, accents, hyphens and apostrophes forgiven, « St »/« Ste » read as « Saint »/« Sainte »,
   a trailing « Cedex » or arrondissement left aside. Without JavaScript the page offers the list
   of départements instead. */
(function () {
  "use strict";

  var form = document.getElementById("ssp-near");
  if (!form || !window.fetch) { return; }
  var box = document.getElementById("ssp-near-q");
  var answer = document.getElementById("ssp-near-answer");
  var data = JSON.parse(document.getElementById("ssp-near-data").textContent);
  var listing = form.getAttribute("data-listing"), year = form.getAttribute("data-year");
  var communes = null;  // a promise of {byTown, byCode}

  function townKey(name) {
    var words = String(name).normalize("NFKD").replace(/[^\x00-\x7f]/g, "").toLowerCase().match(/[a-z0-9]+/g) || [];
    var cedex = words.indexOf("cedex");
    if (cedex >= 0) { words = words.slice(0, cedex); }
    while (words.length > 1 && /^\d+(e|er|eme|ieme|arrondissement)?$|^arrondissement$/.test(words[words.length - 1])) { words.pop(); }
    return words.map(function (word) { return { st: "saint", ste: "sainte" }[word] || word; }).join(" ");
  }

  function load() {
    if (!communes) {
      communes = fetch(form.getAttribute("data-communes"))
        .then(function (response) { if (!response.ok) { throw new Error(response.status); } return response.json(); })
        .then(function (list) {
          var byTown = {}, byCode = {};
          list.communes.forEach(function (commune) {
            var key = townKey(commune[0]);
            (byTown[key] = byTown[key] || []).push(commune);
            commune[2].split(" ").forEach(function (code) { if (code) { (byCode[code] = byCode[code] || []).push(commune); } });
          });
          return { byTown: byTown, byCode: byCode };
        });
      communes.catch(function () { communes = null; });  // a failed load is tried again
    }
    return communes;
  }

  function escapeHtml(text) {
    return String(text).replace(/[&<>"']/g, function (c) {
      return { "&": "&amp;", "<": "&lt;", ">": "&gt;", "\"": "&quot;", "'": "&#39;" }[c];
    });
  }
  function actions(count) { return count + (count > 1 ? " actions" : " action"); }
  function departementName(code) { return data.departements[code][0] + " (" + code + ")"; }
  function departementLink(code) {
    return "<a href=\"" + escapeHtml(listing + "?departement=" + encodeURIComponent(code)) + "\">" +
      escapeHtml(departementName(code)) + "</a> : " + actions(data.departements[code][2]);
  }

  // The départements a reader's words point to, with what the reader wrote, or null.
  function departementsOf(text, found) {
    var compact = text.replace(/\s+/g, "").toUpperCase();
    if (/^\d{5}$/.test(compact)) {
      return unique((found.byCode[compact] || []).map(function (commune) { return commune[1]; }));
    }
    if (data.departements[compact] || data.departements["0" + compact]) {
      return [data.departements[compact] ? compact : "0" + compact];
    }
    var key = townKey(text), codes = (found.byTown[key] || []).map(function (commune) { return commune[1]; });
    Object.keys(data.departements).forEach(function (code) {  // « Finistère », « Côte-d'Or »…
      if (townKey(data.departements[code][0]) === key) { codes.push(code); }
    });
    return unique(codes);
  }
  function unique(codes) {
    return codes.filter(function (code, index) { return codes.indexOf(code) === index && data.departements[code]; }).sort();
  }

  function say(html) {
    answer.innerHTML = html;
  }

  function answerFor(text, codes) {
    var asked = "« " + escapeHtml(text) + " »";
    if (!codes.length) {
      return say("<p>Nous ne trouvons pas " + asked + " parmi les communes, codes postaux et départements. " +
        "Vérifiez l'orthographe, ou choisissez votre département dans la liste ci-dessous.</p>");
    }
    if (codes.length === 1) {
      var code = codes[0], region = data.departements[code][1];
      if (data.departements[code][2]) {
        window.location.href = listing + "?departement=" + encodeURIComponent(code);
        return say("<p>Ouverture des actions : " + escapeHtml(departementName(code)) + "…</p>");
      }
      var regional = data.regions[region]
        ? "<a href=\"" + escapeHtml(listing + "?region=" + encodeURIComponent(region)) + "\">" +
          (data.regions[region] > 1 ? "Voir les " + data.regions[region] + " actions" : "Voir l'action") +
          " de la région " + escapeHtml(region) + "</a>"
        : "<a href=\"" + escapeHtml(listing) + "\">Voir toutes les actions de l'édition " + escapeHtml(year) + "</a>";
      return say("<p>" + escapeHtml(departementName(code)) + " : aucune action n'est publiée pour l'édition " +
        escapeHtml(year) + ". " + regional + ".</p>");
    }
    say("<p>" + asked + " se trouve dans plusieurs départements. Choisissez le vôtre :</p><ul>" +
      codes.map(function (one) { return "<li>" + departementLink(one) + "</li>"; }).join("") + "</ul>");
    var first = answer.querySelector("a");
    if (first) { first.focus(); }
  }

  form.addEventListener("submit", function (event) {
    event.preventDefault();
    var text = box.value.trim();
    if (!text) { return; }
    say("<p>Recherche…</p>");
    load().then(function (found) { answerFor(text, departementsOf(text, found)); }, function () {
      say("<p>La liste des communes n'a pas pu être chargée. Choisissez votre département dans la liste ci-dessous.</p>");
    });
  });
  box.addEventListener("focus", load);  // the list arrives while the reader types
  form.setAttribute("data-ready", "");
})();
