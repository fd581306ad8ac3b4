// Loads one of the site's scripts (docs/assets/javascripts/) as a browser would, in a context
// without a page: what it puts on `window` is returned.
"use strict";
const fs = require("node:fs");
const path = require("node:path");
const vm = require("node:vm");

const SCRIPTS = path.join(__dirname, "..", "..", "docs", "assets", "javascripts");

function load(name) {
  const window = {};
  const context = vm.createContext({ window, document: { getElementById: () => null }, Intl, Date, String, Number });
  vm.runInContext(fs.readFileSync(path.join(SCRIPTS, name), "utf8"), context, { filename: name });
  return window;
}

module.exports = { load };
