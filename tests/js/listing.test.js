// filters.js's pure functions: what the cards the script draws say of dates, and how a search folds text.
"use strict";
const test = require("node:test");
const assert = require("node:assert/strict");
const { load } = require("./load");

const plain = (value) => JSON.parse(JSON.stringify(value));  // an array of the script's context, as this one's

const L = load("filters.js").sspListing;

test("a search forgives accents and case, never letters", () => {
  assert.equal(L.fold("Hôpital Saint-Éloi ÉTÉ"), "hopital saint-eloi ete");
  assert.equal(L.fold("Œuvre"), "œuvre");  // a ligature is a letter of its own, kept
  assert.equal(L.fold(null), "");
});

test("numbers are written the French way", () => {
  assert.equal(L.number(2000), "2\u202f000");
  assert.equal(L.number(12), "12");
});

test("text is escaped before it is put in the page", () => {
  assert.equal(L.escapeHtml("<script>alert('x')</script> & \"y\""),
    "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;y&quot;");
  assert.equal(L.escapeHtml(undefined), "");
});

test("times are read as written, never converted", () => {
  assert.equal(L.clock("2030-09-16T09:00:00+04:00"), "9\u00a0h");
  assert.equal(L.clock("2030-09-16T14:30:00+02:00"), "14\u00a0h\u00a030");
  assert.equal(L.span({ all_day: false, start: "2030-09-16T09:00:00+04:00", end: "2030-09-16T12:00:00+04:00" }), "9\u00a0h – 12\u00a0h");
  assert.equal(L.span({ all_day: false, start: "2030-09-16T09:00:00+02:00", end: "" }), "9\u00a0h");
  assert.equal(L.span({ all_day: false, start: "2030-09-16T22:00:00+02:00", end: "2030-09-17T01:00:00+02:00" }),
    "22\u00a0h – mardi 17 septembre 2030 à 1\u00a0h");
});

test("days are written in French, the first of the month as « 1er »", () => {
  assert.equal(L.frenchDay("2030-09-16"), "Lundi 16 septembre 2030");
  assert.equal(L.frenchDay("2026-11-01"), "Dimanche 1er novembre 2026");
  assert.equal(L.span({ all_day: true, start: "2030-09-16", end: "2030-09-20" }), "Jusqu'au vendredi 20 septembre 2030");
  assert.equal(L.span({ all_day: true, start: "2030-09-16", end: "" }), "Toute la journée");
});

test("today is the reader's local day", () => {
  assert.equal(L.localDay(new Date(2030, 8, 6)), "2030-09-06");
});

test("French days and numbers, written by hand, say what Intl says", () => {
  const format = new Intl.DateTimeFormat("fr-FR", { weekday: "long", day: "numeric", month: "long", year: "numeric", timeZone: "UTC" });
  for (let day = new Date(Date.UTC(2024, 0, 1)); day < new Date(Date.UTC(2032, 0, 1)); day.setUTCDate(day.getUTCDate() + 1)) {
    const said = format.format(day).replace(/^(\S+) 1 /, "$1 1er ");
    assert.equal(L.frenchDay(day.toISOString().slice(0, 10)), said.charAt(0).toUpperCase() + said.slice(1));
  }
  for (const count of [0, 7, 999, 1000, 12345, 100000, 2000000, 1234567890]) {
    assert.equal(L.number(count), count.toLocaleString("fr-FR"));
  }
});

test("a filter's value written by hand names the value it means", () => {
  const regions = ["Bretagne", "Île-de-France", "Provence-Alpes-Côte d'Azur"];
  const none = () => [];
  assert.equal(L.known("bretagne", regions, none), "Bretagne");
  assert.equal(L.known("ile de france", regions, none), "Île-de-France");
  assert.equal(L.known("ILE-DE-FRANCE", regions, none), "Île-de-France");
  assert.equal(L.known("provence-alpes-cote-d-azur", regions, none), "Provence-Alpes-Côte d'Azur");
  assert.equal(L.known("Bretagne", regions, none), "Bretagne");  // as the site writes it: untouched
  assert.equal(L.known("Normandie", regions, none), "Normandie");  // no such value: as it came
  assert.equal(L.known("", regions, none), "");
  const types = { "portes-ouvertes": "Portes ouvertes", atelier: "Atelier" };
  const label = (value) => types[value];
  assert.equal(L.known("Portes ouvertes", Object.keys(types), label), "portes-ouvertes");  // by its label
  assert.equal(L.known("ATELIER", Object.keys(types), label), "atelier");
  const departements = { "2A": "Corse-du-Sud", 59: "Nord" };
  const named = (code) => [departements[code] + " (" + code + ")", departements[code]];
  assert.equal(L.known("2a", ["2A", "59"], named), "2A");
  assert.equal(L.known("nord", ["2A", "59"], named), "59");
});
