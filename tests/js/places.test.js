// places.js: which départements a reader's words point to (the same town keys as hooks/ssp/communes.py:
// tests/unit/test_js_parity.py compares them on every commune).
"use strict";
const test = require("node:test");
const assert = require("node:assert/strict");
const { load } = require("./load");

const plain = (value) => JSON.parse(JSON.stringify(value));  // an array of the script's context, as this one's

const places = load("places.js").sspPlaces("communes.json");
const found = {
  byTown: { "saint etienne": [["Saint-Étienne", "42", "42000 42100"]], douai: [["Douai", "59", "59500"]],
    valence: [["Valence", "26", "26000"], ["Valence", "82", "82400"]] },
  byCode: { 59500: [["Douai", "59", "59500"]], 97400: [["Saint-Denis", "974", "97400"]] },
};
const names = { 26: "Drôme", 42: "Loire", 59: "Nord", 82: "Tarn-et-Garonne", 974: "La Réunion", "2A": "Corse-du-Sud", "01": "Ain" };

test("town names are compared without case, accents, « St », Cedex or arrondissement", () => {
  assert.equal(places.townKey("St-Étienne Cedex 2"), "saint etienne");
  assert.equal(places.townKey("Lyon 3e Arrondissement"), "lyon");
  assert.equal(places.townKey("L'Haÿ-les-Roses"), "l hay les roses");
  assert.equal(places.townKey("Ste Marie"), "sainte marie");
  assert.equal(places.townKey("Beaumont-Pied-de-Bœuf"), places.townKey("beaumont pied de boeuf"));  // as typed on a keyboard
  assert.equal(places.townKey("Villeneuve-d’Ascq"), places.townKey("Villeneuve-d'Ascq"));  // as a phone types it
});

test("a town, a postal code, a number or a name leads to its départements", () => {
  assert.deepEqual(plain(places.departementsOf("st etienne", found, names)), ["42"]);
  assert.deepEqual(plain(places.departementsOf("59 500", found, names)), ["59"]);
  assert.deepEqual(plain(places.departementsOf("97400", found, names)), ["974"]);
  assert.deepEqual(plain(places.departementsOf("valence", found, names)), ["26", "82"]);
  assert.deepEqual(plain(places.departementsOf("2a", found, names)), ["2A"]);
  assert.deepEqual(plain(places.departementsOf("1", found, names)), ["01"]);
  assert.deepEqual(plain(places.departementsOf("drome", found, names)), ["26"]);
  assert.deepEqual(plain(places.departementsOf("Atlantide", found, names)), []);
});
