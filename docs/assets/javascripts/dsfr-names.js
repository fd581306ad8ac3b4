/* Presentation « etat »: on a phone, the header's search bar and menu become the DSFR's modal dialogs,
   and a dialog needs a name: each is named by the button that opens it (« Rechercher », « Menu »), as
   in the DSFR's example. Set here, before the DSFR's script starts (which otherwise warns and guesses),
   because on a large screen they are plain parts of the header, where the attribute is not valid HTML. */
(function () {
  "use strict";
  document.querySelectorAll(".fr-header .fr-modal[id]").forEach(function (modal) {
    var opener = document.querySelector(".fr-header__navbar [aria-controls='" + modal.id + "'][id]");
    if (opener && !modal.hasAttribute("aria-labelledby")) { modal.setAttribute("aria-labelledby", opener.id); }
  });
})();
