/* Semaine de la sécurité des patients — filter the project sheets by domain and region. */
(function () {
  "use strict";
  var form = document.getElementById("ssp-sheet-filters");
  if (!form) { return; }
  var cards = document.querySelectorAll("#ssp-sheets > li");
  var count = document.getElementById("ssp-sheet-count");
  var params = new URLSearchParams(window.location.search);
  form.elements.domaine.value = params.get("domaine") || "";
  form.elements.region.value = params.get("region") || "";
  function update() {
    var domain = form.elements.domaine.value, region = form.elements.region.value, shown = 0;
    cards.forEach(function (card) {
      var visible = (!domain || card.getAttribute("data-domain") === domain) && (!region || card.getAttribute("data-region") === region);
      card.hidden = !visible;
      shown += visible ? 1 : 0;
    });
    count.textContent = shown + (shown > 1 ? " fiches" : " fiche") + " sur " + cards.length + ".";
    var query = new URLSearchParams();
    if (domain) { query.set("domaine", domain); }
    if (region) { query.set("region", region); }
    history.replaceState(null, "", window.location.pathname + (query.toString() ? "?" + query : ""));
  }
  form.addEventListener("change", update);
  update();
})();
