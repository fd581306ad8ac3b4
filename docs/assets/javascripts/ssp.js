/* Semaine de la sécurité des patients — keyboard access to Material's menu and search.
   Material toggles them with hidden checkboxes and <label>s, which a keyboard cannot reach; the
   header template has real buttons instead (data-ssp-toggle="<checkbox id>"). Here a button
   flips its checkbox, reports the state (aria-expanded), the open menu takes the focus, and
   Escape closes the menu and gives the focus back to its button. */
(function () {
  "use strict";

  function buttonsFor(id) {
    return document.querySelectorAll("[data-ssp-toggle='" + id + "']");
  }

  document.querySelectorAll("[data-ssp-toggle]").forEach(function (button) {
    var checkbox = document.getElementById(button.getAttribute("data-ssp-toggle"));
    if (!checkbox) { return; }
    function sync() {
      buttonsFor(checkbox.id).forEach(function (b) { b.setAttribute("aria-expanded", String(checkbox.checked)); });
    }
    checkbox.addEventListener("change", sync);
    button.addEventListener("click", function () {
      checkbox.click();
      sync();
      var target = checkbox.id === "__drawer" ? ".md-sidebar--primary .md-nav__link[href]" : ".md-search__input";
      var focus = checkbox.checked && document.querySelector(target);
      if (focus) { setTimeout(function () { focus.focus(); }, 0); }
    });
    sync();
  });

  document.addEventListener("keydown", function (event) {
    var drawer = document.getElementById("__drawer");
    if (event.key === "Escape" && drawer && drawer.checked) {
      drawer.click();
      var button = buttonsFor("__drawer")[0];
      if (button) { button.setAttribute("aria-expanded", "false"); button.focus(); }
    }
  });
})();

/* Presentation « etat »: on a phone, the header's search bar and menu become the DSFR's modal dialogs,
   and a dialog needs a name: each is named by the button that opens it (« Rechercher », « Menu »), as
   in the DSFR's example. Set here, before the DSFR's script starts (this script comes first in the
   page; the DSFR's would otherwise warn and guess), because on a large screen they are plain parts of
   the header, where the attribute in the markup would not be valid HTML. */
(function () {
  "use strict";
  document.querySelectorAll(".fr-header .fr-modal[id]").forEach(function (modal) {
    var opener = document.querySelector(".fr-header__navbar [aria-controls='" + modal.id + "'][id]");
    if (opener && !modal.hasAttribute("aria-labelledby")) { modal.setAttribute("aria-labelledby", opener.id); }
  });
  /* The search dialog opens on its field, not on « Fermer » (the DSFR's first button): a reader who
     tapped the magnifier types at once. */
  var search = document.getElementById("recherche-entete"), field = document.getElementById("recherche-entete-champ");
  if (search && field) {
    search.addEventListener("dsfr.disclose", function () {
      var frames = 0;
      requestAnimationFrame(function focusOnceShown() {  // after the DSFR's own focus, once the dialog shows
        field.focus();
        if (document.activeElement !== field && frames++ < 60) { requestAnimationFrame(focusOnceShown); }
      });
    });
  }
})();

/* What depends on today's date, the page having been written on the day it was built (and the site
   being rebuilt each night): « ouvert » / « clos » / « à venir » of a call for projects, and « Passée » on
   the cards of actions over since (event-card.html marks those over on the day of the build) — except in
   the home page's « Les prochaines actions », which they leave (and which goes when none is left). */
(function () {
  "use strict";
  var now = new Date();
  var today = now.getFullYear() + "-" + String(now.getMonth() + 1).padStart(2, "0") + "-" + String(now.getDate()).padStart(2, "0");
  document.querySelectorAll("[data-ssp-opens]").forEach(function (item) {
    var state = today < item.getAttribute("data-ssp-opens") ? "a-venir" : today > item.getAttribute("data-ssp-closes") ? "clos" : "ouvert";
    item.textContent = { "a-venir": "à venir", "clos": "clos", "ouvert": "ouvert" }[state];
    item.className = "ssp-period ssp-period--" + state + " fr-badge fr-badge--sm fr-badge--" + { "a-venir": "info", "clos": "error", "ouvert": "success" }[state];
  });
  document.querySelectorAll(".ssp-card[data-last-day]:not(.ssp-card--past)").forEach(function (item) {
    if (item.getAttribute("data-last-day") >= today) { return; }
    if (item.closest("[data-ssp-upcoming]")) { item.hidden = true; return; }
    item.classList.add("ssp-card--past");
    item.querySelector(".ssp-card__title").insertAdjacentHTML("beforeend",
      " <span class=\"ssp-status ssp-status--past fr-badge fr-badge--sm\">Passée</span>");  // as event-card.html
  });
  document.querySelectorAll("[data-ssp-upcoming]").forEach(function (list) {
    if (!list.querySelector(".ssp-card:not([hidden])")) { (list.closest("section") || list).hidden = true; }
  });
})();

/* The page not found (404.html): its search field holds the words of the address asked for — an action renamed
   or moved keeps most of them (« /2026/evenements/portes-ouvertes-chu-lille/ » → « 2026 portes ouvertes chu lille »). */
(function () {
  "use strict";
  var form = document.querySelector("[data-ssp-missing]");
  if (!form) { return; }
  var home = new URL(form.getAttribute("data-ssp-missing"), location.href).pathname;
  var path = location.pathname.indexOf(home) === 0 ? location.pathname.slice(home.length) : location.pathname;
  var FOLDERS = ["evenements", "departements", "integrer", "affiche", "agendas", "jour", "index", "html"];
  var words;
  try { words = decodeURIComponent(path); } catch (error) { words = path; }
  words = words.split(/[\/\-_.]+/).filter(function (word) { return word && FOLDERS.indexOf(word.toLowerCase()) < 0; });
  form.elements.q.value = words.join(" ").slice(0, form.elements.q.maxLength);  // as long as the field takes
})();

/* Live preview: while the content has problems, every address shows them — through MkDocs'
   404 page, which its server sends without its reload script. Reload when the preview rebuilds. */
(function () {
  "use strict";
  if (!document.querySelector("[data-ssp-preview-problems]") || typeof window.livereload !== "undefined") { return; }
  function poll(epoch) {
    var request = new XMLHttpRequest();
    request.onloadend = function () {
      var now = parseFloat(this.responseText);
      if (epoch !== null && now > epoch) { location.reload(); return; }
      setTimeout(function () { poll(isNaN(now) ? epoch : now); }, this.status === 200 ? 0 : 3000);
    };
    request.open("GET", "/livereload/" + (epoch === null ? 0 : epoch) + "/0");
    request.send();
  }
  poll(null);
})();

/* « Partager »: the system's share sheet where the browser has one, and « Copier le lien »
   (partials/ssp/share.html; its e-mail and network links need no script). */
document.querySelectorAll("[data-ssp-share]").forEach(function (box) {
  "use strict";
  var url = box.getAttribute("data-ssp-share"), title = document.querySelector("h1").firstChild.textContent.trim();
  var said = box.querySelector(".ssp-share__said");
  var native = box.querySelector(".ssp-share__native"), copy = box.querySelector(".ssp-share__copy");
  if (navigator.share) {
    native.parentNode.hidden = false;
    native.addEventListener("click", function () {
      navigator.share({ title: title, url: url }).catch(function () {});  // closed without sharing: nothing to say
    });
  }
  if (navigator.clipboard && window.isSecureContext) {
    copy.parentNode.hidden = false;
    copy.addEventListener("click", function () {
      navigator.clipboard.writeText(url).then(function () { said.textContent = "Lien copié\u00a0: " + url; },
        function () { said.textContent = "Le lien n'a pas pu être copié\u00a0; le voici\u00a0: " + url; });
    });
  }
});

/* « Intégrer sur votre site »: « Copier le code » where the browser can (partials/ssp/embed-code.html;
   without it the code is there to select). */
document.querySelectorAll(".ssp-embed-code").forEach(function (box) {
  "use strict";
  var copy = box.querySelector(".ssp-embed-code__copy"), said = box.querySelector(".ssp-embed-code__said");
  if (!(navigator.clipboard && window.isSecureContext)) { return; }
  copy.parentNode.hidden = false;
  copy.addEventListener("click", function () {
    navigator.clipboard.writeText(box.querySelector("code").textContent).then(
      function () { said.textContent = "Code copié\u00a0: collez-le dans une page de votre site."; },
      function () { said.textContent = "Le code n'a pas pu être copié\u00a0: sélectionnez-le ci-dessus."; });
  });
});

/* « Imprimer l'affiche »: the browser's print dialog (the poster's print style gives one A4 page). */
document.querySelectorAll("[data-ssp-print]").forEach(function (button) {
  "use strict";
  button.addEventListener("click", function () { window.print(); });
});
