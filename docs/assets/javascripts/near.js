/* Semaine de la sécurité des patients — « Trouver une action près de chez vous » (home page).
   A town, a postal code or a département number leads to the edition's listing filtered on the
   département (places.js reads the words; the list of communes is loaded once the box is used).
   Without JavaScript the page offers the list of départements instead. */
(function () {
  "use strict";

  var form = document.getElementById("ssp-near");
  if (!form || !window.fetch) { return; }
  var box = document.getElementById("ssp-near-q");
  var answer = document.getElementById("ssp-near-answer");
  var data = JSON.parse(document.getElementById("ssp-near-data").textContent);
  var listing = form.getAttribute("data-listing"), year = form.getAttribute("data-year");
  var places = window.sspPlaces(form.getAttribute("data-communes"));
  var names = {};  // code → name, as places.js reads them
  Object.keys(data.departements).forEach(function (code) { names[code] = data.departements[code][0]; });

  function escapeHtml(text) {
    return String(text).replace(/[&<>"']/g, function (c) {
      return { "&": "&amp;", "<": "&lt;", ">": "&gt;", "\"": "&quot;", "'": "&#39;" }[c];
    });
  }
  function actions(count) { return count.toLocaleString("fr-FR") + (count > 1 ? "\u00a0actions" : "\u00a0action"); }
  function departementName(code) { return data.departements[code][0] + " (" + code + ")"; }
  function departementLink(code) {
    return "<a href=\"" + escapeHtml(listing + "?departement=" + encodeURIComponent(code)) + "\">" +
      escapeHtml(departementName(code)) + "</a>\u00a0: " + actions(data.departements[code][2]);
  }

  function say(html) {
    answer.innerHTML = html;
  }

  function answerFor(text, codes) {
    var asked = "«\u00a0" + escapeHtml(text) + "\u00a0»";
    if (!codes.length) {
      return say("<p>Nous ne trouvons pas " + asked + " parmi les communes, codes postaux et départements. " +
        "Vérifiez l'orthographe, ou choisissez votre département dans la liste ci-dessous.</p>");
    }
    if (codes.length === 1) {
      var code = codes[0], region = data.departements[code][1];
      if (data.departements[code][2]) {
        window.location.href = listing + "?departement=" + encodeURIComponent(code);
        return say("<p>Ouverture des actions\u00a0: " + escapeHtml(departementName(code)) + "…</p>");
      }
      var regional = data.regions[region]
        ? "<a href=\"" + escapeHtml(listing + "?region=" + encodeURIComponent(region)) + "\">" +
          (data.regions[region] > 1 ? "Voir les " + actions(data.regions[region]) : "Voir l'action") +
          " de la région " + escapeHtml(region) + "</a>"
        : "<a href=\"" + escapeHtml(listing) + "\">Voir toutes les actions de l'édition " + escapeHtml(year) + "</a>";
      return say("<p>" + escapeHtml(departementName(code)) + "\u00a0: aucune action n'est publiée pour l'édition " +
        escapeHtml(year) + ". " + regional + ".</p>");
    }
    say("<p>" + asked + " se trouve dans plusieurs départements. Choisissez le vôtre\u00a0:</p><ul>" +
      codes.map(function (one) { return "<li>" + departementLink(one) + "</li>"; }).join("") + "</ul>");
    var first = answer.querySelector("a");
    if (first) { first.focus(); }
  }

  form.addEventListener("submit", function (event) {
    event.preventDefault();
    var text = box.value.trim();
    if (!text) { return; }
    say("<p>Recherche…</p>");
    places.load().then(function (found) { answerFor(text, places.departementsOf(text, found, names)); }, function () {
      say("<p>La liste des communes n'a pas pu être chargée. Choisissez votre département dans la liste ci-dessous.</p>");
    });
  });
  box.addEventListener("focus", places.load);  // the list arrives while the reader types
  form.setAttribute("data-ready", "");
})();
