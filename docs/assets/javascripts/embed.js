/* A list of actions framed by another site (overrides/etat|neutre/embed.html): leaves out the code to
   frame it (shown when the page is opened on its own), and tells the framing page
   its height, at load and whenever it changes (fonts, a narrower frame), so that the frame fits it
   without scrolling. The message: {ssp: "hauteur", hauteur: <pixels>} — the code to paste, given on
   the site beside each list, listens for it (ssp/follow.py, embed_code). */
(function () {
  "use strict";
  var code = document.querySelector(".ssp-embed-code");
  if (window.parent === window) {  // opened on its own (from an action's page): the code to frame it, open
    if (code) { code.open = true; }
    return;
  }
  if (code) { code.parentNode.removeChild(code); }  // framed: readers of the other site have no use for it
  var told = 0, list = document.querySelector(".ssp-embed__main");
  function tell() {  // the list's own bottom: the page around it may be as tall as the frame (Material's is)
    var height = Math.ceil(list.getBoundingClientRect().bottom + window.scrollY);
    if (height !== told) {
      told = height;
      window.parent.postMessage({ ssp: "hauteur", hauteur: height }, "*");
    }
  }
  window.addEventListener("load", tell);
  if (window.ResizeObserver) { new ResizeObserver(tell).observe(list); }
  tell();
}());
