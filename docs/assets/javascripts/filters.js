/* Semaine de la sécurité des patients — filters of an edition's listing.
   Progressive enhancement: without JavaScript the page lists every event by day. Here the
   edition's data (evenements.json) is loaded once and indexed once (folded text, each filter's
   values); filters combine, show their counts, live in the URL query (a filtered view can be
   shared), and past events are marked from today's date. A phone stays responsive with thousands
   of events: results are drawn PAGE at a time (« Afficher plus »), counts always cover them all,
   and typing is debounced. */
/* The listing's pure functions, apart from the page (tests/js/ runs them in Node). */
window.sspListing = (function () {
  "use strict";

  function localDay(date) {
    var month = String(date.getMonth() + 1).padStart(2, "0");
    return date.getFullYear() + "-" + month + "-" + String(date.getDate()).padStart(2, "0");
  }

  function fold(text) {
    return String(text || "").normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase();
  }

  // « 2 000 »: thousands apart by a narrow no-break space, as the pages written at build have them.
  function number(count) {
    return count.toLocaleString("fr-FR");
  }

  function escapeHtml(text) {
    return String(text == null ? "" : text).replace(/[&<>"']/g, function (c) {
      return { "&": "&amp;", "<": "&lt;", ">": "&gt;", "\"": "&quot;", "'": "&#39;" }[c];
    });
  }

  // --- Dates: ISO strings carry the venue's local time; read them, never convert them. ---
  function dayOf(iso) { return iso.slice(0, 10); }
  function clock(iso) {
    var hours = String(Number(iso.slice(11, 13))), minutes = iso.slice(14, 16);
    return minutes === "00" ? hours + " h" : hours + " h " + minutes;
  }
  function frenchDay(day) {
    var parts = day.split("-").map(Number);
    var text = new Intl.DateTimeFormat("fr-FR", { weekday: "long", day: "numeric", month: "long", year: "numeric", timeZone: "UTC" })
      .format(new Date(Date.UTC(parts[0], parts[1] - 1, parts[2])));
    text = text.replace(/^(\S+) 1 /, "$1 1er ");
    return text.charAt(0).toUpperCase() + text.slice(1);
  }
  function daysBetween(first, last) {
    var days = [], current = new Date(first + "T00:00:00Z"), end = new Date(last + "T00:00:00Z");
    while (current <= end && days.length < 400) {
      days.push(current.toISOString().slice(0, 10));
      current.setUTCDate(current.getUTCDate() + 1);
    }
    return days;
  }
  function span(record) {
    if (record.all_day) {
      return record.end && record.end !== record.start ? "Jusqu'au " + frenchDay(record.end).toLowerCase() : "Toute la journée";
    }
    if (!record.end) { return clock(record.start); }
    if (dayOf(record.end) !== dayOf(record.start)) { return clock(record.start) + " – " + frenchDay(dayOf(record.end)).toLowerCase() + " à " + clock(record.end); }
    return clock(record.start) + " – " + clock(record.end);
  }

  return { localDay: localDay, fold: fold, number: number, escapeHtml: escapeHtml, dayOf: dayOf, clock: clock,
    frenchDay: frenchDay, daysBetween: daysBetween, span: span };
})();

(function () {
  "use strict";

  var L = window.sspListing, localDay = L.localDay, fold = L.fold, number = L.number, escapeHtml = L.escapeHtml,
    dayOf = L.dayOf, frenchDay = L.frenchDay, daysBetween = L.daysBetween, span = L.span;
  var form = document.getElementById("ssp-filters");
  if (!form || !window.fetch) { return; }
  var labels = JSON.parse(document.getElementById("ssp-labels").textContent);
  var results = document.getElementById("ssp-results");
  var staticList = document.getElementById("ssp-static-list");
  var count = document.getElementById("ssp-count");
  var FIELDS = ["region", "departement", "type", "public", "acces", "jour", "mode", "quand"];
  var today = localDay(new Date());
  var records = [];
  var actions = 0, actionOf = {};  // records are time slots; an action with several slots is counted once
  var EVERY = {};  // each list's first choice, as the page writes it (« Toutes les régions »)
  FIELDS.forEach(function (name) { EVERY[name] = form.elements[name].options[0].textContent; });
  var PAGE = 50;  // results drawn at a time
  var pending = [], drawn = 0;  // [day, record] pairs of the current results, and how many are on the page
  var more = document.createElement("button");
  more.type = "button";
  more.className = "fr-btn fr-btn--secondary md-button ssp-more";
  more.hidden = true;

  // A time note replaces « Toute la journée » rather than contradict it; an overseas time says its zone.
  function when(record) {
    var text = span(record);
    if (record.time_note && text === "Toute la journée") { return record.time_note; }
    if (!record.all_day && record.timezone !== "Europe/Paris") { text += " (" + labels.timezones[record.timezone] + ")"; }
    return record.time_note ? text + " · " + record.time_note : text;
  }

  // --- The data (evenements/liste.json: one array per record, named by its "fields"), prepared once. ---
  function toRecord(row, fields) {
    var record = {};
    for (var i = 0; i < fields.length; i += 1) { record[fields[i]] = row[i]; }
    record.url = record.slug + "/";  // beside this page
    record.timezone = record.timezone || "Europe/Paris";
    return record;
  }

  function prepare(record) {
    var lastDay = dayOf(record.end || record.start);
    record.days = daysBetween(dayOf(record.start), lastDay);
    record.past = lastDay < today;
    record.text = fold([record.title, record.organizer, record.place, record.region,
      labels.departements[record.departement], labels.types[record.type], record.description].join(" "));
    record.action = actionOf[record.url] = actionOf[record.url] === undefined ? actions++ : actionOf[record.url];
    // A day's order, as the page's own lists have it: all-day first, then by start time, then by title.
    record.order = (record.all_day ? "0" : "1" + record.start.slice(11, 16)) + "\u0000" + record.title.toLowerCase();
    record.values = {};  // each filter's values, computed once
    FIELDS.forEach(function (name) { record.values[name] = OPTIONS[name](record); });
    return record;
  }

  var OPTIONS = {
    region: function (r) { return r.region ? [r.region] : []; },
    departement: function (r) { return r.departement ? [r.departement] : []; },
    type: function (r) { return [r.type]; },
    public: function (r) { return r.audience; },
    acces: function (r) { return r.accessibility || []; },
    jour: function (r) { return r.days; },
    mode: function (r) { return r.mode === "mixte" ? ["sur-place", "en-ligne"] : [r.mode]; },  // models.Event.attendance
    quand: function (r) { return [r.past ? "passees" : "a-venir"]; }
  };
  var OPTION_LABEL = {
    region: function (v) { return v; },
    departement: function (v) { return (labels.departements[v] || v) + " (" + v + ")"; },
    type: function (v) { return labels.types[v] || v; },
    public: function (v) { return labels.audiences[v] || v; },
    acces: function (v) { return labels.accessibility[v] || v; },
    jour: frenchDay,
    mode: function (v) { return v === "en-ligne" ? "En ligne" : "Sur place"; },
    quand: function (v) { return v === "passees" ? "Passées" : "À venir"; }
  };

  function state() {
    var current = { q: fold(form.elements.q.value.trim()) };
    FIELDS.forEach(function (name) { current[name] = form.elements[name].value; });
    return current;
  }

  // Which filters a record fails, as bits (text: the last one).
  var TEXT_BIT = 1 << FIELDS.length;
  function failures(record, current, words) {
    var mask = 0;
    for (var i = 0; i < FIELDS.length; i += 1) {
      var value = current[FIELDS[i]];
      if (value && record.values[FIELDS[i]].indexOf(value) < 0) { mask |= 1 << i; }
    }
    for (var w = 0; w < words.length; w += 1) {
      if (record.text.indexOf(words[w]) < 0) { mask |= TEXT_BIT; break; }
    }
    return mask;
  }

  // --- Long work in slices of SLICE ms (40 ms on a phone four times slower): a key pressed or a
  // choice made meanwhile is handled at once, and a newer update makes the older one stop. ---
  var SLICE = 10, generation = 0, channel = new MessageChannel(), queued = [];
  channel.port1.onmessage = function () { queued.shift()(); };
  function yieldThen(next) { queued.push(next); channel.port2.postMessage(null); }  // no setTimeout clamping
  function inSlices(items, each, done) {
    var mine = generation, index = 0;
    (function slice() {
      if (mine !== generation) { return; }
      var until = performance.now() + SLICE;
      while (index < items.length) {
        each(items[index], index);
        index += 1;
        if ((index & 63) === 0 && performance.now() > until) { yieldThen(slice); return; }
      }
      done();
    })();
  }

  // --- One pass over the records: each option's count (the records that pass every other filter,
  // an action in several slots counted once) and the results, grouped by day. ---
  function tally(current) {
    var words = current.q ? current.q.split(/\s+/) : [];
    var tallied = { counts: {}, seen: {}, byDay: {}, slots: 0, found: {} };
    FIELDS.forEach(function (name) { tallied.counts[name] = {}; tallied.seen[name] = {}; });
    return { tallied: tallied, each: function (record) {
      var mask = failures(record, current, words), counts = tallied.counts, seen = tallied.seen;
      for (var i = 0; i < FIELDS.length; i += 1) {
        var name = FIELDS[i], values = record.values[name], ok = (mask & ~(1 << i)) === 0;
        for (var v = 0; v < values.length; v += 1) {
          var value = values[v];
          if (!ok) { counts[name][value] = counts[name][value] || 0; continue; }
          if (record.keys) {
            if (seen[name][record.keys[name][v]]) { continue; }
            seen[name][record.keys[name][v]] = true;
          }
          counts[name][value] = (counts[name][value] || 0) + 1;
        }
      }
      if (mask) { return; }
      tallied.slots += 1;
      tallied.found[record.action] = true;
      for (var d = 0; d < record.days.length; d += 1) {
        var day = record.days[d];
        if (!current.jour || current.jour === day) { (tallied.byDay[day] = tallied.byDay[day] || []).push(record); }
      }
    } };
  }

  function fillOptions(current, counts) {
    FIELDS.forEach(function (name) {
      var select = form.elements[name];
      var values = Object.keys(counts[name]).sort(function (a, b) {
        if (name === "acces") {  // in the site's order: wheelchair access first
          var order = Object.keys(labels.accessibility);
          return order.indexOf(a) - order.indexOf(b);
        }
        return name === "region" || name === "type" || name === "public"
          ? OPTION_LABEL[name](a).localeCompare(OPTION_LABEL[name](b), "fr") : (a < b ? -1 : a > b ? 1 : 0);
      });
      values = values.filter(function (value) { return counts[name][value] || value === current[name]; });  // none without action
      if (current[name] && values.indexOf(current[name]) < 0) { values.push(current[name]); }
      select.closest(".ssp-filters__field").hidden = values.length < 2 && !current[name];  // nothing to choose
      select.innerHTML = "<option value=\"\">" + escapeHtml(EVERY[name]) + "</option>" + values.map(function (value) {
        return "<option value=\"" + escapeHtml(value) + "\">" + escapeHtml(OPTION_LABEL[name](value)) +
          " : " + number(counts[name][value] || 0) + "</option>";
      }).join("");
      select.value = current[name];
    });
  }

  // --- Results, grouped by day like the page without JavaScript. ---
  function card(record) {
    var badges = (record.status !== "scheduled" ? " " + badge("ssp-status--" + record.status, BADGES[record.status] || "info", labels.statuses[record.status]) : "") +
      (record.past ? " " + badge("ssp-status--past", "", "Passée") : "");
    return "<li class=\"ssp-card fr-card fr-card--sm fr-enlarge-link" + (record.status === "cancelled" ? " ssp-card--cancelled" : "") + (record.past ? " ssp-card--past" : "") + "\">" +
      "<div class=\"fr-card__body\"><div class=\"fr-card__content\">" +
      "<h3 class=\"ssp-card__title fr-card__title\"><a href=\"" + escapeHtml(record.url) + "\">" + escapeHtml(record.title) + "</a>" + badges + "</h3>" +
      "<p class=\"ssp-card__when fr-card__desc\">" + escapeHtml(when(record)) + "</p>" +
      "<div class=\"fr-card__end\"><ul class=\"ssp-card__facts\"><li>" + escapeHtml(labels.types[record.type]) + "</li><li>" + escapeHtml(record.place) + "</li>" +
      (record.region ? "<li>" + escapeHtml(record.region) + "</li>" : "") +
      "<li>Organisateur : " + escapeHtml(record.organizer) + "</li>" + access(record) + "</ul></div></div></div></li>";
  }

  // A status badge, as partials/ssp/status.html writes it (DSFR badge; its own colours in « neutre »).
  var BADGES = { cancelled: "error", postponed: "warning", full: "info" };
  function badge(modifier, variant, text) {
    return "<span class=\"ssp-status " + modifier + " fr-badge fr-badge--sm" + (variant ? " fr-badge--" + variant : "") + "\">" + escapeHtml(text) + "</span>";
  }

  function access(record) {
    var said = (record.accessibility || []).map(function (code, index) {
      var label = labels.accessibility[code] || code;
      return index ? label.toLowerCase() : label;
    });
    return said.length ? "<li class=\"ssp-card__access\">" + escapeHtml(said.join(", ")) + "</li>" : "";
  }

  function render(tallied) {
    var byDay = tallied.byDay;
    pending = [];
    // Today and the days to come first, then the days gone by: during the week, what a reader can still attend.
    Object.keys(byDay).sort(function (a, b) { return (a < today) - (b < today) || (a < b ? -1 : a > b ? 1 : 0); }).forEach(function (day) {
      byDay[day].forEach(function (record) { pending.push([day, record]); });
    });
    drawn = 0;
    results.innerHTML = pending.length ? "" : "<p>Aucune action ne correspond à ces critères.</p>";
    drawMore();
    var total = Object.keys(tallied.found).length;
    count.textContent = number(total) + (total > 1 ? " actions trouvées" : " action trouvée") + " sur " + number(actions) +
      (tallied.slots !== total ? " (" + number(tallied.slots) + " séances)" : "") + ".";
  }

  // The next PAGE results, under their day's heading (continued when the day goes on).
  function drawMore() {
    var next = pending.slice(drawn, drawn + PAGE), html = "", index = 0;
    var last = results.querySelector(".ssp-day:last-of-type");
    if (last && next.length && last.getAttribute("data-day") === next[0][0]) {
      var cards = "";
      while (index < next.length && next[index][0] === next[0][0]) { cards += card(next[index][1]); index += 1; }
      last.querySelector(".ssp-cards").insertAdjacentHTML("beforeend", cards);
    }
    while (index < next.length) {
      var day = next[index][0], items = "";
      while (index < next.length && next[index][0] === day) { items += card(next[index][1]); index += 1; }
      html += "<section class=\"ssp-day\" data-day=\"" + day + "\" aria-labelledby=\"resultat-" + day + "\"><h2 class=\"ssp-day__title\" id=\"resultat-" +
        day + "\">" + frenchDay(day) + "</h2><ul class=\"ssp-cards\">" + items + "</ul></section>";
    }
    results.insertAdjacentHTML("beforeend", html);
    drawn += next.length;
    var left = pending.length - drawn;
    more.hidden = left <= 0;
    more.textContent = "Afficher " + number(Math.min(left, PAGE)) + " résultats de plus (" + number(left) + " restants)";
    results.appendChild(more);
  }

  more.addEventListener("click", function () {
    var first = drawn;
    more.disabled = true;
    requestAnimationFrame(function () {
      setTimeout(function () {  // painted first: the press shows at once
        drawMore();
        more.disabled = false;
        var links = results.querySelectorAll(".ssp-card__title a");
        if (links[first]) { links[first].focus(); }  // the keyboard goes on from the first new result
      }, 0);
    });
  });

  // --- The filters chosen: said on « Filtrer », and as tags above the results that remove them. ---
  var summary = document.getElementById("ssp-filters-summary"), tags = document.getElementById("ssp-tags");
  function showChosen(current) {
    var chosen = FIELDS.filter(function (name) { return current[name]; });
    summary.textContent = chosen.length ? "Filtrer (" + chosen.length + (chosen.length > 1 ? " filtres choisis)" : " filtre choisi)") : "Filtrer";
    var text = form.elements.q.value.trim(), html = text ? tag("q", "« " + text + " »", "la recherche") : "";
    chosen.forEach(function (name) {
      html += tag(name, OPTION_LABEL[name](current[name]), LABEL[name] + " : " + OPTION_LABEL[name](current[name]));
    });
    tags.innerHTML = html;
    tags.hidden = !html;
  }
  // The calendar and feed of what the reader chose: the département (else the region), and the type of action.
  var followList = document.getElementById("ssp-follow-chosen");
  var followData = followList && JSON.parse(document.getElementById("ssp-follow-data").textContent);
  function showFollow(current) {
    if (!followData) { return; }
    var html = "", root = followList.getAttribute("data-root");
    [current.departement ? "departement" : "region", "type"].forEach(function (name) {
      var found = current[name] && followData[name][current[name]];
      if (!found) { return; }
      var said = escapeHtml(OPTION_LABEL[name](current[name])), hidden = "<span class=\"fr-sr-only md-visually-hidden\"> " + said + "</span>";
      html += "<li>Agenda " + followData.year + " — " + said + ", " + number(found[2]) + (found[2] > 1 ? " événements" : " événement") + " : " +
        (followData.webcal ? "<a href=\"" + escapeHtml(followData.webcal + found[0]) + "\">s'abonner" + hidden + "</a> (mis à jour à chaque publication) ou " : "") +
        "<a href=\"" + escapeHtml(root + found[0]) + "\" download>télécharger le fichier .ics" + hidden + "</a> ; " +
        "<a href=\"" + escapeHtml(root + found[1]) + "\">flux Atom" + hidden + "</a></li>";
    });
    followList.innerHTML = html;
    followList.hidden = !html;
  }
  var LABEL = {};  // each list's own label (« Région »)
  FIELDS.forEach(function (name) { LABEL[name] = form.querySelector("label[for='ssp-" + name + "']").textContent; });
  function tag(name, text, said) {
    return "<li><button type=\"button\" class=\"fr-tag fr-tag--dismiss ssp-tag\" data-ssp-remove=\"" + name + "\" aria-label=\"" +
      escapeHtml("Retirer " + said) + "\">" + escapeHtml(text) + "</button></li>";
  }
  tags.addEventListener("click", function (event) {
    var button = event.target.closest("[data-ssp-remove]");
    if (!button) { return; }
    var item = button.parentNode, next = item.nextElementSibling || item.previousElementSibling;
    form.elements[button.getAttribute("data-ssp-remove")].value = "";
    var name = next && next.firstChild.getAttribute("data-ssp-remove");
    update(null, function () {  // the focus goes on to the next tag, else to « Filtrer »
      var again = name && tags.querySelector("[data-ssp-remove='" + name + "']");
      (again || document.querySelector("#ssp-filters-more > summary")).focus();
    });
  }, true);  // before the DSFR's own script, which takes a dismissed tag out of the page

  // --- Words that name a place (« Douai », « 59500 », « Nord ») point to its département's filter. ---
  var places = window.sspPlaces ? window.sspPlaces(form.getAttribute("data-communes")) : null;
  var suggest = document.getElementById("ssp-suggest"), asked = "";
  function suggestPlace() {
    var text = form.elements.q.value.trim();
    asked = text;
    suggest.hidden = true;
    if (!places || text.length < 2 || /^\d{1,4}$/.test(text) && !labels.departements[text.padStart(2, "0")]) { return; }
    places.load().then(function (found) {
      if (asked !== text) { return; }  // the reader typed on
      var codes = places.departementsOf(text, found, labels.departements).filter(function (code) { return totals[code]; });
      if (!codes.length) { return; }
      suggest.innerHTML = "« " + escapeHtml(text) + " » : " + codes.map(function (code) {
        return "<button type=\"button\" class=\"fr-btn fr-btn--sm fr-btn--tertiary md-button ssp-suggest\" data-ssp-departement=\"" + code + "\">" +
          "voir " + (totals[code] > 1 ? "les " + number(totals[code]) + " actions" : "l'action") + " du département " +
          escapeHtml(OPTION_LABEL.departement(code)) + "</button>";
      }).join(" ou ");
      suggest.hidden = false;
    }, function () {});
  }
  suggest.addEventListener("click", function (event) {
    var button = event.target.closest("[data-ssp-departement]");
    if (!button) { return; }
    form.elements.q.value = "";
    var current = state();
    current.departement = button.getAttribute("data-ssp-departement");
    suggest.hidden = true;
    update(current, function () { count.focus(); });
  });
  var totals = {};  // actions per département, whatever the other filters

  // --- URL query: the state of the filters. ---
  function readQuery() {
    var params = new URLSearchParams(window.location.search);
    form.elements.q.value = params.get("q") || "";
    return FIELDS.reduce(function (current, name) { current[name] = params.get(name) || ""; return current; },
      { q: fold((params.get("q") || "").trim()) });
  }
  function writeQuery(current) {  // from the state the results were drawn for (the lists may not be filled yet)
    var params = new URLSearchParams();
    if (form.elements.q.value.trim()) { params.set("q", form.elements.q.value.trim()); }
    FIELDS.forEach(function (name) { if (current[name]) { params.set(name, current[name]); } });
    var query = params.toString();
    history.replaceState(null, "", window.location.pathname + (query ? "?" + query : "") + window.location.hash);
    document.querySelectorAll(".ssp-print-only").forEach(function (line) {
      line.textContent = "Adresse de cette page : " + window.location.href;  // a printed programme keeps its filters
    });
  }

  // Options, results and address from the filters' state; `done` runs once they are on the page.
  function update(current, done) {
    generation += 1;
    current = current || state();
    var started = performance.now(), pass = tally(current);
    var mine = generation;
    inSlices(records, pass.each, function () {
      render(pass.tallied);  // the results and the address first; the lists' counts in the next task
      writeQuery(current);
      showChosen(current);
      showFollow(current);
      yieldThen(function () {
        if (mine !== generation) { return; }
        fillOptions(current, pass.tallied.counts);
        if (performance.measure) { performance.measure("ssp-update", { start: started }); }  // bench/readers.py
        if (done) { done(); }
      });
    });
  }

  // After a choice, the browser first paints (the choice shows at once), then the results follow.
  var scheduled = false;
  function updateSoon() {
    if (scheduled) { return; }
    scheduled = true;
    requestAnimationFrame(function () { setTimeout(function () { scheduled = false; update(); }, 0); });
  }

  function markPastStaticCards() {
    document.querySelectorAll(".ssp-card[data-last-day]").forEach(function (item) {
      if (item.getAttribute("data-last-day") < today) {
        item.classList.add("ssp-card--past");
        item.querySelector(".ssp-card__title").insertAdjacentHTML("beforeend", " " + badge("ssp-status--past", "", "Passée"));
      }
    });
  }

  markPastStaticCards();
  // An address that filters: the page's first results are not the ones asked for; say they are coming.
  var asked = new URLSearchParams(window.location.search);
  if (asked.get("q") || FIELDS.some(function (name) { return asked.get(name); })) {
    staticList.hidden = true;
    results.hidden = false;
    results.innerHTML = "<p>Recherche des actions…</p>";
  }
  fetch(form.getAttribute("data-ssp-data"))
    .then(function (response) { return response.json(); })
    .then(function (data) {
      performance.mark("ssp-data");
      actions = 0;
      records = new Array(data.events.length);
      inSlices(data.events, function (row, index) { records[index] = prepare(toRecord(row, data.fields)); }, function () {
        records.sort(function (a, b) { return a.order < b.order ? -1 : a.order > b.order ? 1 : 0; });  // stable
        var slots = {};
        records.forEach(function (record) { slots[record.action] = (slots[record.action] || 0) + 1; });
        records.forEach(function (record) {
          if (slots[record.action] < 2) { return; }
          record.keys = {};  // keys of « this option, this action », made once
          FIELDS.forEach(function (name) {
            record.keys[name] = record.values[name].map(function (value) { return value + "\u0000" + record.action; });
          });
        });
        var seen = {};
        records.forEach(function (record) {
          if (record.departement && !seen[record.action]) { seen[record.action] = true; totals[record.departement] = (totals[record.departement] || 0) + 1; }
        });
        update(readQuery(), start);
      });
    })
    .catch(function () { staticList.hidden = false; results.hidden = true; });  // the page's list stays

  function start() {
    // On a wide screen the lists are shown open; on a phone the results come first (the chosen
    // filters show as tags).
    document.getElementById("ssp-filters-more").open = window.matchMedia("(min-width: 45em)").matches;
    form.hidden = false;
    results.hidden = false;
    staticList.hidden = true;
    performance.mark("ssp-results");  // read by bench/readers.py
    // Lists change on « change » (once per choice); the text box on « input », debounced.
    var typing = null;
    form.addEventListener("input", function (event) {
      if (event.target.name !== "q") { return; }
      clearTimeout(typing);
      typing = setTimeout(function () { updateSoon(); suggestPlace(); }, 150);
    });
    form.addEventListener("change", function (event) { if (event.target.name !== "q") { updateSoon(); } });
    form.addEventListener("submit", function (event) { event.preventDefault(); });
    if (form.elements.q.value.trim()) { suggestPlace(); }
    form.addEventListener("reset", function () { setTimeout(updateSoon, 0); });
  }
})();
