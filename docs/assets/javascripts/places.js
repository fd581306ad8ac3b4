/* Semaine de la sécurité des patients — which départements a reader's words point to: a town, a
   postal code, a département's number or name. Used by the home's « près de chez vous » box
   (near.js) and the listing's text search (filters.js). The official list of communes
   (assets/communes.json, about 1 MB) is loaded only once it is needed. Town names are compared as
   hooks/ssp/communes.py does (keep both in step): case, accents, hyphens and apostrophes forgiven,
   « St »/« Ste » read as « Saint »/« Sainte », a trailing « Cedex » or arrondissement left aside. */
window.sspPlaces = function (url) {
  "use strict";
  var communes = null;  // a promise of {byTown, byCode}

  // as ssp/text.py LIGATURES: spelt out; a typographic apostrophe (a phone's keyboard types it) parts words
  var LIGATURES = { "œ": "oe", "Œ": "OE", "æ": "ae", "Æ": "AE", "ß": "ss", "’": " ", "‘": " " };
  function townKey(name) {
    var words = String(name).replace(/[œŒæÆß’‘]/g, function (letter) { return LIGATURES[letter]; })
      .normalize("NFKD").replace(/[^\x00-\x7f]/g, "").toLowerCase().match(/[a-z0-9]+/g) || [];
    var cedex = words.indexOf("cedex");
    if (cedex >= 0) { words = words.slice(0, cedex); }
    while (words.length > 1 && /^\d+(e|er|eme|ieme|arrondissement)?$|^arrondissement$/.test(words[words.length - 1])) { words.pop(); }
    return words.map(function (word) { return { st: "saint", ste: "sainte" }[word] || word; }).join(" ");
  }

  function load() {
    if (!communes) {
      communes = fetch(url)
        .then(function (response) { if (!response.ok) { throw new Error(response.status); } return response.json(); })
        .then(function (list) {
          // 35,000 names keyed in slices of 8 ms: a reader typing meanwhile is answered at once
          var byTown = {}, byCode = {}, index = 0, channel = new MessageChannel();
          return new Promise(function (resolve) {
            channel.port1.onmessage = function () {
              var until = performance.now() + 8;
              while (index < list.communes.length) {
                var commune = list.communes[index], key = townKey(commune[0]);
                (byTown[key] = byTown[key] || []).push(commune);
                commune[2].split(" ").forEach(function (code) { if (code) { (byCode[code] = byCode[code] || []).push(commune); } });
                index += 1;
                if ((index & 127) === 0 && performance.now() > until) { channel.port2.postMessage(null); return; }
              }
              channel.port1.close();
              resolve({ byTown: byTown, byCode: byCode });
            };
            channel.port2.postMessage(null);
          });
        });
      communes.catch(function () { communes = null; });  // a failed load is tried again
    }
    return communes;
  }

  // The départements (codes, sorted) `text` points to, among `names` ({code: name}); `found` is what load() gave.
  function departementsOf(text, found, names) {
    var compact = text.replace(/\s+/g, "").toUpperCase();
    if (/^\d{5}$/.test(compact)) {
      return unique((found.byCode[compact] || []).map(function (commune) { return commune[1]; }), names);
    }
    if (names[compact] || names["0" + compact]) {
      return [names[compact] ? compact : "0" + compact];
    }
    var key = townKey(text), codes = (found.byTown[key] || []).map(function (commune) { return commune[1]; });
    Object.keys(names).forEach(function (code) {  // « Finistère », « Côte-d'Or »…
      if (townKey(names[code]) === key) { codes.push(code); }
    });
    return unique(codes, names);
  }
  function unique(codes, names) {
    return codes.filter(function (code, index) { return codes.indexOf(code) === index && names[code]; }).sort();
  }

  return { load: load, departementsOf: departementsOf, townKey: townKey };
};
