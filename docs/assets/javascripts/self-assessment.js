/* Semaine de la sécurité des patients — « Et vous, comment vous situez-vous ? »
   The reader ticks the idées reçues they shared; a live region counts them. Shown only
   with JavaScript (it needs it). */
(function () {
  "use strict";
  var section = document.getElementById("ssp-self");
  if (!section) { return; }
  var result = section.querySelector(".ssp-self__result");
  var total = Number(result.getAttribute("data-total"));
  function update() {
    var shared = section.querySelectorAll("input:checked").length;
    result.textContent = shared === 0
      ? "Vous ne partagiez aucune de ces " + total + "\u00a0idées reçues."
      : "Vous partagiez " + shared + "\u00a0idée" + (shared > 1 ? "s" : "") + " reçue" + (shared > 1 ? "s" : "") + " sur\u00a0" + total +
        "\u00a0: relisez «\u00a0En réalité\u00a0» sous chacune.";
  }
  section.hidden = false;
  section.addEventListener("change", update);
  update();
})();
