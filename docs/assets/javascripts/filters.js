/* Semaine de la sécurité des patients — filters of an edition's listing.
   Progressive enhancement: without JavaScript the page lists every event by day. Here the
   edition's data (evenements.json) is loaded once; filters combine, show their counts, live in
   the URL query (a filtered view can be shared), and past events are marked from today's date. */
(function () {
  "use strict";

  var form = document.getElementById("ssp-filters");
  if (!form || !window.fetch) { return; }
  var labels = JSON.parse(document.getElementById("ssp-labels").textContent);
  var results = document.getElementById("ssp-results");
  var staticList = document.getElementById("ssp-static-list");
  var count = document.getElementById("ssp-count");
  var FIELDS = ["region", "departement", "type", "public", "jour", "mode", "quand"];
  var today = localDay(new Date());
  var records = [];

  function localDay(date) {
    var month = String(date.getMonth() + 1).padStart(2, "0");
    return date.getFullYear() + "-" + month + "-" + String(date.getDate()).padStart(2, "0");
  }

  function fold(text) {
    return String(text || "").normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase();
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

  // --- The data, prepared once. ---
  function prepare(record) {
    var venue = record.venue || {};
    var lastDay = dayOf(record.end || record.start);
    record.days = daysBetween(dayOf(record.start), lastDay);
    record.past = lastDay < today;
    record.mode = record.venue ? (record.online_url ? "les-deux" : "sur-place") : "en-ligne";
    record.text = fold([record.title, record.organizer, venue.name, venue.city, record.region,
      labels.departements[record.departement], labels.types[record.type], record.description].join(" "));
    return record;
  }

  var OPTIONS = {
    region: function (r) { return r.region ? [r.region] : []; },
    departement: function (r) { return r.departement ? [r.departement] : []; },
    type: function (r) { return [r.type]; },
    public: function (r) { return r.audience; },
    jour: function (r) { return r.days; },
    mode: function (r) { return r.mode === "les-deux" ? ["sur-place", "en-ligne"] : [r.mode]; },
    quand: function (r) { return [r.past ? "passees" : "a-venir"]; }
  };
  var OPTION_LABEL = {
    region: function (v) { return v; },
    departement: function (v) { return (labels.departements[v] || v) + " (" + v + ")"; },
    type: function (v) { return labels.types[v] || v; },
    public: function (v) { return labels.audiences[v] || v; },
    jour: frenchDay,
    mode: function (v) { return v === "en-ligne" ? "En ligne" : "Sur place"; },
    quand: function (v) { return v === "passees" ? "Passées" : "À venir"; }
  };

  function state() {
    var current = { q: fold(form.elements.q.value.trim()) };
    FIELDS.forEach(function (name) { current[name] = form.elements[name].value; });
    return current;
  }

  function matches(record, current, except) {
    if (current.q && current.q.split(/\s+/).some(function (word) { return record.text.indexOf(word) < 0; })) { return false; }
    return FIELDS.every(function (name) {
      return name === except || !current[name] || OPTIONS[name](record).indexOf(current[name]) >= 0;
    });
  }

  // --- Options with counts (each counted with the other filters applied). ---
  function fillOptions(current) {
    FIELDS.forEach(function (name) {
      var counts = {};
      records.forEach(function (record) {
        var ok = matches(record, current, name);
        OPTIONS[name](record).forEach(function (value) {
          counts[value] = (counts[value] || 0) + (ok ? 1 : 0);
        });
      });
      var select = form.elements[name];
      var values = Object.keys(counts).sort(function (a, b) {
        return name === "region" || name === "type" || name === "public"
          ? OPTION_LABEL[name](a).localeCompare(OPTION_LABEL[name](b), "fr") : (a < b ? -1 : a > b ? 1 : 0);
      });
      if (current[name] && values.indexOf(current[name]) < 0) { values.push(current[name]); }
      select.innerHTML = "<option value=\"\">Tous</option>" + values.map(function (value) {
        return "<option value=\"" + escapeHtml(value) + "\">" + escapeHtml(OPTION_LABEL[name](value)) +
          " (" + (counts[value] || 0) + ")</option>";
      }).join("");
      select.value = current[name];
    });
  }

  // --- Results, grouped by day like the page without JavaScript. ---
  function card(record) {
    var venue = record.venue || {};
    var place = record.venue ? [venue.name, venue.city].filter(Boolean).join(", ") +
      (record.departement ? " (" + labels.departements[record.departement] + ")" : "") +
      (record.online_url ? " et en ligne" : "") : "En ligne";
    var badges = (record.status !== "scheduled" ? " <span class=\"ssp-status ssp-status--" + escapeHtml(record.status) + "\">" + escapeHtml(labels.statuses[record.status]) + "</span>" : "") +
      (record.past ? " <span class=\"ssp-status ssp-status--past\">Passée</span>" : "");
    return "<li class=\"ssp-card" + (record.status === "cancelled" ? " ssp-card--cancelled" : "") + (record.past ? " ssp-card--past" : "") + "\">" +
      "<h3 class=\"ssp-card__title\"><a href=\"" + escapeHtml(record.url) + "\">" + escapeHtml(record.title) + "</a>" + badges + "</h3>" +
      "<p class=\"ssp-card__when\">" + escapeHtml(span(record)) + (record.time_note ? " · " + escapeHtml(record.time_note) : "") + "</p>" +
      "<ul class=\"ssp-card__facts\"><li>" + escapeHtml(labels.types[record.type]) + "</li><li>" + escapeHtml(place) + "</li>" +
      (record.region ? "<li>" + escapeHtml(record.region) + "</li>" : "") +
      "<li>Organisé par " + escapeHtml(record.organizer) + "</li></ul></li>";
  }

  function render(current) {
    var byDay = {}, shown = {};
    records.forEach(function (record) {
      if (!matches(record, current)) { return; }
      shown[record.id] = true;
      record.days.forEach(function (day) {
        if (!current.jour || current.jour === day) { (byDay[day] = byDay[day] || []).push(record); }
      });
    });
    var days = Object.keys(byDay).sort();
    var total = Object.keys(shown).length;
    results.innerHTML = days.length ? days.map(function (day) {
      return "<section class=\"ssp-day\" aria-labelledby=\"resultat-" + day + "\"><h2 class=\"ssp-day__title\" id=\"resultat-" + day + "\">" +
        frenchDay(day) + "</h2><ul class=\"ssp-cards\">" + byDay[day].map(card).join("") + "</ul></section>";
    }).join("") : "<p>Aucune action ne correspond à ces critères.</p>";
    count.textContent = total + (total > 1 ? " actions trouvées" : " action trouvée") + " sur " + records.length + ".";
  }

  // --- URL query: the state of the filters. ---
  function readQuery() {
    var params = new URLSearchParams(window.location.search);
    form.elements.q.value = params.get("q") || "";
    return FIELDS.reduce(function (current, name) { current[name] = params.get(name) || ""; return current; },
      { q: fold((params.get("q") || "").trim()) });
  }
  function writeQuery() {
    var params = new URLSearchParams();
    if (form.elements.q.value.trim()) { params.set("q", form.elements.q.value.trim()); }
    FIELDS.forEach(function (name) { if (form.elements[name].value) { params.set(name, form.elements[name].value); } });
    var query = params.toString();
    history.replaceState(null, "", window.location.pathname + (query ? "?" + query : "") + window.location.hash);
    document.querySelectorAll(".ssp-print-only").forEach(function (line) {
      line.textContent = "Adresse de cette page : " + window.location.href;  // a printed programme keeps its filters
    });
  }

  function update() {
    var current = state();
    fillOptions(current);
    render(current);
    writeQuery();
  }

  function markPastStaticCards() {
    document.querySelectorAll(".ssp-card[data-last-day]").forEach(function (item) {
      if (item.getAttribute("data-last-day") < today) {
        item.classList.add("ssp-card--past");
        item.querySelector(".ssp-card__title").insertAdjacentHTML("beforeend", " <span class=\"ssp-status ssp-status--past\">Passée</span>");
      }
    });
  }

  markPastStaticCards();
  fetch(form.getAttribute("data-ssp-data"))
    .then(function (response) { return response.json(); })
    .then(function (data) {
      records = data.events.map(prepare);
      var initial = readQuery();
      fillOptions(initial);
      // On a wide screen, or when the address already filters, the filters are shown open.
      var filtering = FIELDS.some(function (name) { return initial[name]; });
      document.getElementById("ssp-filters-more").open = filtering || window.matchMedia("(min-width: 45em)").matches;
      form.hidden = false;
      results.hidden = false;
      staticList.hidden = true;
      render(initial);
      writeQuery();
      form.addEventListener("input", update);
      form.addEventListener("change", update);
      form.addEventListener("submit", function (event) { event.preventDefault(); });
      form.addEventListener("reset", function () { setTimeout(update, 0); });
    })
    .catch(function () { /* the static list stays */ });
})();
