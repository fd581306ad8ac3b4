/* Semaine de la sécurité des patients — filters of an edition's listing.
   Progressive enhancement: without JavaScript the page lists every event by day. Here the
   edition's data (liste.json, in a day's order) is loaded once and indexed once (each filter's
   values); what the search reads (liste-mots-*.json, folded at build) comes once the filters are
   ready; filters combine, show their counts, live in the URL query (a filtered view can be
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
    return String(count).replace(/\B(?=(\d{3})+$)/g, "\u202f");
  }

  // French spacing, as the pages written at build have it (ssp/text.py, french_spacing): no-break spaces
  // inside « », before « : ; ! ? » ending a clause, after a number followed by a word (« 21 actions »), in « n° 3 ».
  function spaced(text) {
    return String(text).replace(/«[ \t\r\n]+/g, "«\u00a0").replace(/[ \t\r\n]+»/g, "\u00a0»")
      .replace(/[ \t\r\n]+(?=[:;!?](?:[ \n<\u00a0]|$))/g, "\u00a0")
      .replace(/([0-9](?:er|re|es|e)?)[ \t\r\n]+(?=\p{L})/gu, "$1\u00a0").replace(/([nN]°)[ \t\r\n]+(?=[0-9])/g, "$1\u00a0");
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
    return minutes === "00" ? hours + "\u00a0h" : hours + "\u00a0h\u00a0" + minutes;  // no-break spaces, as frenchdates.clock
  }
  // French names written here rather than asked of Intl, whose first use costs a slow phone 0.1 s.
  var WEEKDAYS = ["Dimanche", "Lundi", "Mardi", "Mercredi", "Jeudi", "Vendredi", "Samedi"];
  var MONTHS = ["janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre", "octobre", "novembre", "décembre"];
  var saidDays = {};  // an edition has few days: each is said once
  function frenchDay(day) {  // « Lundi 1er septembre 2030 »
    if (!saidDays[day]) {
      var parts = day.split("-").map(Number), date = new Date(Date.UTC(parts[0], parts[1] - 1, parts[2]));
      saidDays[day] = WEEKDAYS[date.getUTCDay()] + " " + (parts[2] === 1 ? "1er" : parts[2]) + " " + MONTHS[parts[1] - 1] + " " + parts[0];
    }
    return saidDays[day];
  }
  function span(record) {
    if (record.all_day) {
      return record.end && record.end !== record.start ? "Jusqu'au " + frenchDay(record.end).toLowerCase() : "Toute la journée";
    }
    if (!record.end) { return clock(record.start); }
    if (dayOf(record.end) !== dayOf(record.start)) { return clock(record.start) + " – " + frenchDay(dayOf(record.end)).toLowerCase() + " à " + clock(record.end); }
    return clock(record.start) + " – " + clock(record.end);
  }

  // A filter's value written in an address by hand or by another site (« bretagne », « Ile de France », « Atelier »,
  // « 2a »): the one of `values` it names, whatever its case, accents, spaces and hyphens, by itself or by one of its
  // `labels` (a function: its names); as it came when none (its tag says it, the reader can take it out).
  function known(value, values, labels) {
    if (!value || values.indexOf(value) >= 0) { return value; }
    var key = function (text) { return fold(text).replace(/[^a-z0-9œæ]+/g, ""); }, wanted = key(value);
    for (var i = 0; i < values.length; i += 1) {
      if ([values[i]].concat(labels(values[i])).some(function (name) { return name && key(name) === wanted; })) { return values[i]; }
    }
    return value;
  }

  return { localDay: localDay, fold: fold, number: number, spaced: spaced, escapeHtml: escapeHtml, dayOf: dayOf, clock: clock,
    frenchDay: frenchDay, span: span, known: known };
})();

(function () {
  "use strict";

  var L = window.sspListing, localDay = L.localDay, fold = L.fold, number = L.number, spaced = L.spaced, escapeHtml = L.escapeHtml,
    frenchDay = L.frenchDay, span = L.span;
  var script = document.currentScript;  // its data-ssp-data: the file it reads
  if (!script || !window.fetch) { return; }
  var FIELDS = ["region", "departement", "type", "public", "acces", "jour", "mode", "quand"];
  var today = localDay(new Date());

  // --- The data (evenements/liste.json, in columns: hooks/ssp/exports/data.py says how), read once. A
  // record is a rank in the columns; its card's fields are made when it is drawn. ---
  var table = null, columns = null, values = null;
  var size = 0, actions = 0;  // records are time slots; an action with several slots is counted once
  var ORDER = null;  // every record's rank, in order
  var texts = null;  // liste-mots-*.json: each record's words
  var totals = {};  // actions per département, whatever the other filters
  var MODES = ["sur-place", "en-ligne"], WHEN = ["passees", "a-venir"];

  function read(data) {
    columns = data.columns;
    values = data.values;
    size = columns.title.length;
    var upcoming = 0;  // the first day to come: a record whose last day ranks before it is past
    while (upcoming < data.days.length && data.days[upcoming] < today) { upcoming += 1; }
    table = { days: data.days, upcoming: upcoming, words: data.words, cards: new Array(size), multi: new Uint8Array(size),
      modes: values.mode.map(function (mode) { return mode === "mixte" ? 3 : mode === "en-ligne" ? 2 : 1; }) };  // models.Event.attendance
    ORDER = new Int32Array(size);
    var slots = {}, i;
    for (i = 0; i < size; i += 1) {
      ORDER[i] = i;
      slots[columns.action[i]] = (slots[columns.action[i]] || 0) + 1;
    }
    var seen = {};
    for (i = 0; i < size; i += 1) {
      var action = columns.action[i], code = columns.departement[i];
      table.multi[i] = slots[action] > 1;
      if (seen[action]) { continue; }
      seen[action] = true;
      actions += 1;
      if (code >= 0) { totals[values.departement[code]] = (totals[values.departement[code]] || 0) + 1; }
    }
  }

  // What a card shows of record i, made once.
  function recordAt(i) {
    var c = columns;
    return table.cards[i] || (table.cards[i] = {
      title: c.title[i], url: c.slug[i] + "/", start: c.start[i], end: c.end[i], all_day: c.all_day[i] === 1,
      timezone: values.timezone[c.timezone[i]] || "Europe/Paris", time_note: values.time_note[c.time_note[i]],
      type: values.type[c.type[i]], organizer: values.organizer[c.organizer[i]], place: values.place[c.place[i]],
      region: c.region[i] < 0 ? "" : values.region[c.region[i]], status: values.status[c.status[i]],
      accessibility: values.accessibility.filter(function (code, bit) { return c.accessibility[i] & (1 << bit); }),
      past: c.last[i] < table.upcoming
    });
  }

  // Each filter's values: the names of the ranks a record holds.
  function names(f) {
    return [values.region, values.departement, values.type, values.audience, values.accessibility, table.days, MODES, WHEN][f];
  }

  // Record i's values of filter f (FIELDS' rank), as ranks in names(f), written in `out`; how many.
  function valuesOf(f, i, out) {
    var c = columns, n = 0, bits, k;
    if (f === 0 || f === 1 || f === 2) {
      k = (f === 0 ? c.region : f === 1 ? c.departement : c.type)[i];
      if (k >= 0) { out[n++] = k; }
    } else if (f === 3 || f === 4) {
      for (bits = (f === 3 ? c.audience : c.accessibility)[i], k = 0; bits; bits >>>= 1, k += 1) { if (bits & 1) { out[n++] = k; } }
    } else if (f === 5) {
      for (k = c.first[i]; k <= c.last[i]; k += 1) { out[n++] = k; }
    } else if (f === 6) {
      bits = table.modes[c.mode[i]];
      if (bits & 1) { out[n++] = 0; }
      if (bits & 2) { out[n++] = 1; }
    } else {
      out[n++] = c.last[i] < table.upcoming ? 0 : 1;
    }
    return n;
  }

  // --- Long work in slices of SLICE ms: a key pressed or a choice made meanwhile is handled at once
  // (on a 4×-slowed phone, a key typed while 10,000 actions are counted shows within 50 ms, the
  // results being drawn STEP cards at a time), and a newer update makes the older one stop. ---
  var SLICE = 5, generation = 0, channel = new MessageChannel(), queued = [];
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

  // The data is asked for and read as soon as this script runs (it is loaded « async » from the page's
  // head): while the browser still reads and lays out the page, not after.
  var loading = fetch(script.getAttribute("data-ssp-data"))
    .then(function (response) { return response.json(); })
    .then(function (data) {
      performance.mark("ssp-data");
      read(data);
    });
  loading.catch(function () {});  // said once the page is read

  // --- The page: once the browser has read it all. ---
  function whenRead(then) {
    if (document.readyState === "loading") { document.addEventListener("DOMContentLoaded", then); } else { then(); }
  }
  whenRead(function () {
    var form = document.getElementById("ssp-filters");
    if (!form || !window.fetch) { return; }
    var labels = JSON.parse(document.getElementById("ssp-labels").textContent);
    var results = document.getElementById("ssp-results");
    var staticList = document.getElementById("ssp-static-list");
    var count = document.getElementById("ssp-count");
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

    // The chosen values as ranks (-1: none chosen, -2: a value no record has).
    function chosenRanks(current) {
      return FIELDS.map(function (name, f) {
        if (!current[name]) { return -1; }
        var at = names(f).indexOf(current[name]);
        return at < 0 ? -2 : at;
      });
    }

    // --- One pass over the records: each option's count (the records that pass every other filter,
    // an action in several slots counted once) and the results, grouped by day. ---
    var TEXT_BIT = 1 << FIELDS.length;
    function tally(current) {
      var words = current.q ? current.q.split(/\s+/) : [], chosen = chosenRanks(current);
      var counts = FIELDS.map(function (name, f) { return new Int32Array(names(f).length); });
      var seen = FIELDS.map(function () { return {}; }), found = new Uint8Array(actions);
      var held = FIELDS.map(function () { return new Int32Array(Math.max(table.days.length, 32)); }), lengths = new Int32Array(FIELDS.length);
      var tallied = { counts: counts, byDay: table.days.map(function () { return []; }), slots: 0, found: 0 };
      return { tallied: tallied, each: function (i) {
        var mask = 0, f, k;
        for (f = 0; f < FIELDS.length; f += 1) {  // which filters record i fails, as bits (text: the last one)
          var n = lengths[f] = valuesOf(f, i, held[f]), wanted = chosen[f];
          if (wanted === -1) { continue; }
          for (k = 0; k < n && held[f][k] !== wanted; k += 1) { /* looking */ }
          if (k === n) { mask |= 1 << f; }
        }
        for (k = 0; k < words.length; k += 1) {
          if (texts[i].indexOf(words[k]) < 0) { mask |= TEXT_BIT; break; }
        }
        var action = columns.action[i];
        for (f = 0; f < FIELDS.length; f += 1) {
          if ((mask & ~(1 << f)) !== 0) { continue; }
          for (k = 0; k < lengths[f]; k += 1) {
            var value = held[f][k];
            if (table.multi[i]) {
              var key = value * actions + action;
              if (seen[f][key]) { continue; }
              seen[f][key] = true;
            }
            counts[f][value] += 1;
          }
        }
        if (mask) { return; }
        tallied.slots += 1;
        if (!found[action]) { found[action] = 1; tallied.found += 1; }
        for (k = columns.first[i]; k <= columns.last[i]; k += 1) {
          if (chosen[5] === -1 || chosen[5] === k) { tallied.byDay[k].push(i); }
        }
      } };
    }

    function compare(a, b) { return a < b ? -1 : a > b ? 1 : 0; }  // labels folded: in French order, without Intl's cost
    function fillOptions(current, tallies) {
      FIELDS.forEach(function (name, f) {
        var select = form.elements[name], counts = {};
        names(f).forEach(function (value, rank) { if (tallies[f][rank]) { counts[value] = tallies[f][rank]; } });
        var values = Object.keys(counts).sort(function (a, b) {
          if (name === "acces") {  // in the site's order: wheelchair access first
            var order = Object.keys(labels.accessibility);
            return order.indexOf(a) - order.indexOf(b);
          }
          return name === "region" || name === "type" || name === "public"
            ? compare(fold(OPTION_LABEL[name](a)), fold(OPTION_LABEL[name](b))) : compare(a, b);
        });
        if (current[name] && values.indexOf(current[name]) < 0) { values.push(current[name]); }
        select.closest(".ssp-filters__field").hidden = values.length < 2 && !current[name];  // nothing to choose
        select.innerHTML = "<option value=\"\">" + escapeHtml(EVERY[name]) + "</option>" + values.map(function (value) {
          return "<option value=\"" + escapeHtml(value) + "\">" + escapeHtml(spaced(OPTION_LABEL[name](value))) +
            "\u00a0: " + number(counts[value] || 0) + "</option>";
        }).join("");
        select.value = current[name];
      });
    }

    // --- Results, grouped by day like the page without JavaScript. ---
    function card(record) {
      var badges = (record.status !== "scheduled" ? " " + badge("ssp-status--" + record.status, labels.status_badges[record.status], labels.statuses[record.status]) : "") +
        (record.past ? " " + badge("ssp-status--past", "", "Passée") : "");
      return "<li class=\"ssp-card fr-card fr-card--sm fr-enlarge-link" + (record.status === "cancelled" ? " ssp-card--cancelled" : "") + (record.past ? " ssp-card--past" : "") + "\">" +
        "<div class=\"fr-card__body\"><div class=\"fr-card__content\">" +
        "<h3 class=\"ssp-card__title fr-card__title\"><a href=\"" + escapeHtml(record.url) + "\">" + escapeHtml(spaced(record.title)) + "</a>" + badges + "</h3>" +
        "<p class=\"ssp-card__when fr-card__desc\">" + escapeHtml(spaced(when(record))) + "</p>" +
        "<div class=\"fr-card__end\"><ul class=\"ssp-card__facts\"><li>" + escapeHtml(labels.types[record.type]) + "</li><li>" + escapeHtml(spaced(record.place)) + "</li>" +
        (record.region && record.place.indexOf("(" + record.region + ")") < 0 ? "<li>" + escapeHtml(record.region) + "</li>" : "") +  // as event-card.html
        "<li>Organisateur\u00a0: " + escapeHtml(spaced(record.organizer)) + "</li>" + access(record) + "</ul></div></div></div></li>";
    }

    // A status badge, as partials/ssp/status.html writes it (ssp.templating.status_badge: DSFR badge; its own colours in « neutre »).
    function badge(modifier, variant, text) {
      return "<span class=\"ssp-status " + modifier + " fr-badge fr-badge--sm" + (variant ? " fr-badge--" + variant : "") + "\">" + escapeHtml(text) + "</span>";
    }

    function access(record) {
      var said = (record.accessibility || []).map(function (code, index) {
        var label = labels.accessibility[code] || code;
        return index ? label.toLowerCase() : label;
      });
      return said.length ? "<li class=\"ssp-card__access\">" + escapeHtml(spaced(said.join(", "))) + "</li>" : "";
    }

    function render(tallied) {
      pending = [];
      // Today and the days to come first, then the days gone by: during the week, what a reader can still attend.
      var days = table.days.map(function (day, rank) { return rank; });
      days = days.slice(table.upcoming).concat(days.slice(0, table.upcoming));
      days.forEach(function (rank) {
        tallied.byDay[rank].forEach(function (i) { pending.push([table.days[rank], i]); });
      });
      drawn = 0;
      results.innerHTML = pending.length ? "" : "<p>Aucune action ne correspond à ces critères.</p>";
      drawMore();
      var total = tallied.found;
      count.textContent = number(total) + (total > 1 ? "\u00a0actions trouvées" : "\u00a0action trouvée") + " sur " + number(actions) +
        (tallied.slots !== total ? " (" + number(tallied.slots) + "\u00a0séances)" : "") + ".";
    }

    // The next PAGE results, STEP at a time (a key typed meanwhile shows at once); the results are
    // aria-busy until they are all there.
    var STEP = 10, drawing = 0;
    function drawMore() {
      var mine = ++drawing, until = Math.min(drawn + PAGE, pending.length);
      results.setAttribute("aria-busy", "true");
      more.remove();  // back under the last result once they are all there
      (function step() {
        if (mine !== drawing) { return; }  // a newer list is being drawn
        drawSome(Math.min(STEP, until - drawn));
        if (drawn < until) { yieldThen(step); return; }
        results.removeAttribute("aria-busy");
        var left = pending.length - drawn;
        more.hidden = left <= 0;
        more.textContent = "Afficher " + number(Math.min(left, PAGE)) + " résultats de plus (" + number(left) + " restants)";
        results.appendChild(more);
      })();
    }

    // The next `count` results, under their day's heading (continued when the day goes on).
    function drawSome(count) {
      var next = pending.slice(drawn, drawn + count), html = "", index = 0;
      var last = results.querySelector(".ssp-day:last-of-type");
      if (last && next.length && last.getAttribute("data-day") === next[0][0]) {
        var cards = "";
        while (index < next.length && next[index][0] === next[0][0]) { cards += card(recordAt(next[index][1])); index += 1; }
        last.querySelector(".ssp-cards").insertAdjacentHTML("beforeend", cards);
      }
      while (index < next.length) {
        var day = next[index][0], items = "";
        while (index < next.length && next[index][0] === day) { items += card(recordAt(next[index][1])); index += 1; }
        html += "<section class=\"ssp-day\" data-day=\"" + day + "\" aria-labelledby=\"resultat-" + day + "\"><h2 class=\"ssp-day__title\" id=\"resultat-" +
          day + "\">" + spaced(frenchDay(day)) + "</h2><ul class=\"ssp-cards\">" + items + "</ul></section>";
      }
      results.insertAdjacentHTML("beforeend", html);
      drawn += next.length;
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
      var text = form.elements.q.value.trim(), html = text ? tag("q", "«\u00a0" + text + "\u00a0»", "la recherche") : "";
      chosen.forEach(function (name) {
        html += tag(name, spaced(OPTION_LABEL[name](current[name])), LABEL[name] + " : " + OPTION_LABEL[name](current[name]));
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
    var places = null;  // places.js (deferred: it may run after this script) at the first search
    var suggest = document.getElementById("ssp-suggest"), asked = "";
    function suggestPlace() {
      var text = form.elements.q.value.trim();
      asked = text;
      suggest.hidden = true;
      places = places || window.sspPlaces && window.sspPlaces(form.getAttribute("data-communes"));
      if (!places || text.length < 2 || /^\d{1,4}$/.test(text) && !labels.departements[text.padStart(2, "0")]) { return; }
      places.load().then(function (found) {
        if (asked !== text) { return; }  // the reader typed on
        var codes = places.departementsOf(text, found, labels.departements).filter(function (code) { return totals[code]; });
        if (!codes.length) { return; }
        suggest.innerHTML = "«\u00a0" + escapeHtml(text) + "\u00a0»\u00a0: " + codes.map(function (code) {
          return "<button type=\"button\" class=\"fr-btn fr-btn--sm fr-btn--tertiary md-button ssp-suggest\" data-ssp-departement=\"" + code + "\">" +
            "voir " + (totals[code] > 1 ? "les " + number(totals[code]) + "\u00a0actions" : "l'action") + " du département " +
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

    // --- URL query: the state of the filters. ---
    function readQuery() {
      var params = new URLSearchParams(window.location.search);
      form.elements.q.value = (params.get("q") || "").slice(0, form.elements.q.maxLength);  // as long as the field takes
      return FIELDS.reduce(function (current, name, f) {
        current[name] = L.known(params.get(name) || "", names(f), function (value) {
          return [OPTION_LABEL[name](value), name === "departement" ? labels.departements[value] : ""];  // « Nord (59) », « Nord »
        });
        return current;
      }, { q: fold(form.elements.q.value.trim()) });
    }
    function writeQuery(current) {  // from the state the results were drawn for (the lists may not be filled yet)
      var params = new URLSearchParams();
      if (form.elements.q.value.trim()) { params.set("q", form.elements.q.value.trim()); }
      FIELDS.forEach(function (name) { if (current[name]) { params.set(name, current[name]); } });
      var query = params.toString();
      history.replaceState(null, "", window.location.pathname + (query ? "?" + query : "") + window.location.hash);
      document.querySelectorAll(".ssp-print-only").forEach(function (line) {
        line.textContent = "Adresse de cette page\u00a0: " + window.location.href;  // a printed programme keeps its filters
      });
    }

    // --- What the search reads: each record's words (liste-mots-*.json, in liste.json's order). If
    // they cannot be read, the search reads what the cards say. ---
    var words = null;
    function readWords() {
      words = words || Promise.all(table.words.map(function (name) {  // in parts: each read in a short task
        return fetch(name).then(function (response) { if (!response.ok) { throw new Error(response.status); } return response.json(); });
      }))
        .then(function (parts) {
          var all = [].concat.apply([], parts.map(function (part) { return part.words; }));
          if (all.length !== size) { throw new Error("liste-mots"); }
          texts = all;
        })
        .catch(function () {
          texts = Array.prototype.map.call(ORDER, function (i) {
            var record = recordAt(i);
            return fold([record.title, record.organizer, record.place, record.region,
              labels.departements[values.departement[columns.departement[i]]], labels.types[record.type]].join(" "));
          });
        });
      return words;
    }

    // Options, results and address from the filters' state; `done` runs once they are on the page.
    function update(current, done) {
      generation += 1;
      current = current || state();
      if (current.q && !texts) {  // a search before its words have come: said, then done when they come
        var waiting = generation;
        count.textContent = "Recherche des actions…";
        readWords().then(function () { if (waiting === generation) { update(current, done); } });
        return;
      }
      var started = performance.now(), pass = tally(current);
      var mine = generation;
      inSlices(ORDER, pass.each, function () {
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

    // An address that filters: the page's first results are not the ones asked for; say they are coming.
    var asked = new URLSearchParams(window.location.search);
    if (asked.get("q") || FIELDS.some(function (name) { return asked.get(name); })) {
      staticList.hidden = true;
      results.hidden = false;
      results.innerHTML = "<p>Recherche des actions…</p>";
    }
    loading.then(function () { update(readQuery(), start); })
      .catch(function () { staticList.hidden = false; results.hidden = true; });  // the page's list stays

    function start() {
      // On a wide screen the lists are shown open; on a phone the results come first (the chosen
      // filters show as tags).
      document.getElementById("ssp-filters-more").open = window.matchMedia("(min-width: 45em)").matches;
      form.hidden = false;
      results.hidden = false;
      staticList.hidden = true;
      performance.mark("ssp-results");  // read by bench/readers.py
      readWords();
      // Lists change on « change » (once per choice); the text box on « input », debounced.
      // A reader's change stops the update under way at once: its lists, filled a task later, would
      // otherwise choose again what was just changed or cleared (« Effacer les filtres »).
      var typing = null;
      form.addEventListener("input", function (event) {
        if (event.target.name !== "q") { return; }
        generation += 1;
        clearTimeout(typing);
        typing = setTimeout(function () { updateSoon(); suggestPlace(); }, 150);
      });
      form.addEventListener("change", function (event) { if (event.target.name !== "q") { generation += 1; updateSoon(); } });
      form.addEventListener("submit", function (event) { event.preventDefault(); });
      if (form.elements.q.value.trim()) { suggestPlace(); }
      form.addEventListener("reset", function () { generation += 1; clearTimeout(typing); setTimeout(updateSoon, 0); });
    }
  });
})();
