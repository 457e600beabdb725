// The Anti-patterns page: the week's flags by severity, each opening its evidence (figures week by
// week, the pull requests behind them, its history); detectors × pods over the last 12 weeks.
(function () {
  'use strict';

  const SEVERITIES = ['high', 'medium', 'low'];
  const page = document.getElementById('antipatterns-page');
  const canAcknowledge = page.dataset.canAcknowledge === 'true';
  const state = { listing: null, week: null, charts: [] };

  function el(tag, attrs, children) {
    const node = document.createElement(tag);
    Object.entries(attrs || {}).forEach(([k, v]) => {
      if (v === null || v === undefined) { return; }
      if (k === 'text') { node.textContent = v; } else if (k === 'class') { node.className = v; } else { node.setAttribute(k, v); }
    });
    (children || []).forEach(c => node.appendChild(typeof c === 'string' ? document.createTextNode(c) : c));
    return node;
  }

  function getJson(url, options) {
    return fetch(url, Object.assign({ headers: { Accept: 'application/json' } }, options || {})).then(r => {
      if (!r.ok) {
        return r.json().catch(() => ({})).then(p => { throw new Error(p.detail || ('HTTP ' + r.status)); });
      }
      return r.json();
    });
  }

  function setStatus(text, isError) {
    const status = document.getElementById('page-status');
    status.textContent = text;
    status.className = isError ? 'status error' : 'status';
  }

  // ISO weeks: "2026-W45" ↔ the Monday it starts
  function mondayOf(week) {
    const [year, w] = week.split('-W').map(Number);
    const jan4 = new Date(Date.UTC(year, 0, 4));
    const monday = new Date(jan4.getTime() - ((jan4.getUTCDay() + 6) % 7) * 86400000);
    return new Date(monday.getTime() + (w - 1) * 7 * 86400000);
  }

  function weekOf(date) {
    const thursday = new Date(date.getTime() + (3 - (date.getUTCDay() + 6) % 7) * 86400000);
    const year = thursday.getUTCFullYear();
    const first = mondayOf(year + '-W01');
    const w = Math.floor((thursday.getTime() - first.getTime()) / (7 * 86400000)) + 1;
    return year + '-W' + String(w).padStart(2, '0');
  }

  function plusWeeks(week, n) { return weekOf(new Date(mondayOf(week).getTime() + n * 7 * 86400000)); }

  function weeksOf(listing) {
    const weeks = [];
    for (let w = listing.to; weeks.length < 200; w = plusWeeks(w, -1)) {
      weeks.push(w);
      if (w === listing.from) { break; }
    }
    return weeks; // newest first
  }

  function detectorTitle(id) {
    const d = (state.listing.detectors || []).find(x => x.id === id);
    return d ? d.title : id;
  }

  function scopeLink(flag) {
    const name = flag.scopeName || flag.scope;
    if (flag.scope.startsWith('pod:')) { return el('a', { href: '/pods/' + encodeURIComponent(flag.scope.slice(4)), text: name }); }
    return el('span', { text: name });
  }

  function formatValue(value, metric) {
    if (value === null || value === undefined) { return 'no data'; }
    if (/share|rate|utilization|users|diffs|engineers|merges|approvals/.test(metric) && value <= 1.0001) {
      return (value * 100).toFixed(0) + ' %';
    }
    return Math.abs(value) >= 100 ? value.toFixed(0) : (+value.toFixed(2)).toString();
  }

  function acknowledgement(flag) {
    if (!flag.acknowledgement) { return null; }
    const a = flag.acknowledgement;
    return el('p', { class: 'ack', text: 'Acknowledged by ' + a.by + ' on ' + a.at.slice(0, 10) + (a.note ? ': “' + a.note + '”' : '') });
  }

  function flagCard(flag) {
    const classes = 'flag ' + flag.severity + (flag.clearedAt ? ' cleared' : '');
    const head = el('h4', {}, [
      el('span', { class: 'severity ' + flag.severity, text: flag.severity }),
      detectorTitle(flag.detector) + ' · ', scopeLink(flag),
      flag.weekInProgress ? el('span', { class: 'muted', text: ' (week in progress)' }) : '',
      flag.clearedAt ? el('span', { class: 'muted', text: ' — no longer fires since ' + flag.clearedAt.slice(0, 10) }) : ''
    ]);
    const open = el('button', { type: 'button', text: 'Evidence' });
    open.addEventListener('click', () => openFlag(flag.id));
    return el('div', { class: classes, 'data-flag': String(flag.id) }, [
      head,
      el('p', { class: 'rule', text: flag.rule }),
      el('p', { class: 'action', text: 'What to do: ' + flag.suggestedAction }),
      acknowledgement(flag) || '',
      open
    ]);
  }

  function renderFlags() {
    const container = document.getElementById('flags');
    container.replaceChildren();
    const flags = state.listing.flags.filter(f => f.week === state.week);
    if (flags.length === 0) {
      container.appendChild(el('p', { class: 'explain', text: 'No flag in ' + state.week + '.' }));
      return;
    }
    SEVERITIES.forEach(severity => {
      const these = flags.filter(f => f.severity === severity);
      if (these.length === 0) { return; }
      const title = severity.charAt(0).toUpperCase() + severity.slice(1) + ' (' + these.length + ')';
      container.appendChild(el('div', { class: 'flag-group' }, [el('h3', { text: title })].concat(these.map(flagCard))));
    });
  }

  function renderHeatmap() {
    const listing = state.listing;
    const detectors = listing.detectors.map(d => d.id);
    const rows = new Map();
    function row(scope, name) {
      if (!rows.has(scope)) { rows.set(scope, { scope: scope, name: name || scope, cells: {}, flagged: 0 }); }
      return rows.get(scope);
    }
    listing.flags.forEach(f => {
      const r = row(f.scope, f.scopeName);
      const cell = r.cells[f.detector] || (r.cells[f.detector] = { weeks: [], severity: 'low' });
      cell.weeks.push(f.week);
      if (SEVERITIES.indexOf(f.severity) < SEVERITIES.indexOf(cell.severity)) { cell.severity = f.severity; }
      r.flagged++;
    });
    listing.notEvaluated.forEach(n => {
      const r = row(n.scope, n.scopeName);
      if (!r.cells[n.detector]) { r.cells[n.detector] = { notEvaluated: n.missing }; }
    });
    const table = document.getElementById('heatmap');
    table.tHead.replaceChildren(el('tr', {}, [el('th', { text: 'Pod or bet' })].concat(
      detectors.map(d => el('th', { class: 'detector', text: detectorTitle(d) })))));
    const body = table.tBodies[0];
    body.replaceChildren();
    const sorted = Array.from(rows.values()).sort((a, b) => b.flagged - a.flagged || a.name.localeCompare(b.name));
    const quiet = sorted.filter(r => r.flagged === 0);
    sorted.filter(r => r.flagged > 0).forEach(r => body.appendChild(heatmapRow(r, detectors)));
    if (quiet.length > 0) {
      const names = quiet.map(r => r.name);
      body.appendChild(el('tr', {}, [el('td', { colspan: String(detectors.length + 1), class: 'muted',
        text: quiet.length + ' without any flag: ' + names.slice(0, 40).join(', ') + (names.length > 40 ? ', …' : '') })]));
    }
  }

  function heatmapRow(r, detectors) {
    const cells = detectors.map(d => {
      const cell = r.cells[d];
      if (!cell) { return el('td', { class: 'cell' }); }
      if (cell.notEvaluated) { return el('td', { class: 'cell ne', title: 'not evaluated: ' + cell.notEvaluated, text: 'n/e' }); }
      const td = el('td', { class: 'cell ' + cell.severity, title: cell.weeks.sort().join(', '),
        text: cell.weeks.length + (cell.weeks.length === 1 ? ' week' : ' weeks') });
      td.addEventListener('click', () => {
        state.week = cell.weeks.sort()[cell.weeks.length - 1];
        document.getElementById('week').value = state.week;
        renderFlags();
        const card = document.querySelector('.flag[data-flag]');
        if (card) { card.scrollIntoView({ behavior: 'smooth', block: 'center' }); }
      });
      return td;
    });
    return el('tr', {}, [el('td', { text: r.name })].concat(cells));
  }

  function renderNotEvaluated() {
    const container = document.getElementById('not-evaluated');
    container.replaceChildren();
    const byDetector = new Map();
    state.listing.notEvaluated.forEach(n => {
      if (!byDetector.has(n.detector)) { byDetector.set(n.detector, []); }
      byDetector.get(n.detector).push(n);
    });
    if (byDetector.size === 0) {
      container.appendChild(el('p', { class: 'explain', text: 'Every detector had the data it needs.' }));
      return;
    }
    const list = el('ul', { class: 'not-evaluated' });
    byDetector.forEach((entries, detector) => {
      const reasons = new Map();
      entries.forEach(e => {
        const reason = e.missing.replace(/ for the pod from .*? to [^ ]+/, '');
        if (!reasons.has(reason)) { reasons.set(reason, []); }
        reasons.get(reason).push(e.scopeName || e.scope);
      });
      reasons.forEach((scopes, reason) => {
        list.appendChild(el('li', {}, [el('strong', { text: detectorTitle(detector) }), ' — ' + reason + ': ' +
          scopes.slice(0, 12).join(', ') + (scopes.length > 12 ? ' and ' + (scopes.length - 12) + ' more' : '')]));
      });
    });
    container.appendChild(list);
  }

  function load() {
    const cleared = document.getElementById('show-cleared').checked;
    return getJson('/api/antipatterns' + (cleared ? '?status=all' : '')).then(listing => {
      state.listing = listing;
      const weeks = weeksOf(listing);
      const select = document.getElementById('week');
      if (!state.week) {
        // the week just ended: the current one is still filling up
        state.week = weeks.length > 1 ? weeks[1] : weeks[0];
      }
      select.replaceChildren(...weeks.map((w, i) => el('option', { value: w, text: w + (i === 0 ? ' (in progress)' : '') +
        ' — ' + listing.flags.filter(f => f.week === w).length + ' flags' })));
      select.value = state.week;
      document.getElementById('judged').textContent = listing.detectedAt
        ? 'Judged ' + new Date(listing.detectedAt).toLocaleString() + (listing.figuresAsOf ? ' on figures as of ' + new Date(listing.figuresAsOf).toLocaleString() : '')
        : 'The detectors have not run yet: the figures are being computed.';
      renderFlags();
      renderHeatmap();
      renderNotEvaluated();
      setStatus(listing.flags.length + ' flags from ' + listing.from + ' to ' + listing.to + '.');
    }).catch(e => setStatus('Flags not loaded: ' + e.message, true));
  }

  // ---- one flag ----

  function evidenceChart(canvas, series, flagWeek) {
    const figures = series.figures;
    const share = series.unit === 'share';
    return new Chart(canvas, {
      type: 'line',
      data: {
        labels: figures.map(f => f.week),
        datasets: [{
          data: figures.map(f => f.value === null || f.value === undefined ? null : (share ? f.value * 100 : f.value)),
          borderColor: '#2f5fd0', backgroundColor: '#2f5fd0', tension: 0.2, spanGaps: false,
          pointRadius: figures.map(f => f.week === flagWeek ? 6 : 3),
          pointBackgroundColor: figures.map(f => f.week === flagWeek ? '#b3261e' : '#2f5fd0')
        }]
      },
      options: {
        maintainAspectRatio: false, animation: false,
        plugins: { legend: { display: false } },
        scales: { y: { beginAtZero: true, title: { display: true, text: share ? '%' : series.unit } } }
      }
    });
  }

  function factsTable(facts) {
    if (facts.withheld) { return el('p', { class: 'withheld', text: 'withheld: ' + facts.withheld }); }
    if (facts.items.length === 0) { return el('p', { class: 'explain', text: 'No items behind this figure.' }); }
    const rows = facts.items.map(item => el('tr', {}, [
      el('td', { text: item.kind }),
      el('td', {}, [item.link ? el('a', { href: item.link, text: item.ref || '' }) : (item.ref || '')]),
      el('td', { class: 'rule', text: item.rule || '' })
    ]));
    return el('div', {}, [
      el('table', { class: 'drill-items' }, [el('thead', {}, [el('tr', {}, [el('th', { text: 'Kind' }), el('th', { text: 'Item' }), el('th', { text: 'Why it counts' })])]), el('tbody', {}, rows)]),
      facts.count > facts.items.length ? el('p', { class: 'note', text: (facts.count - facts.items.length) + ' more in the drill-down' }) : ''
    ]);
  }

  function ackForm(flag, body) {
    if (!canAcknowledge) { return ''; }
    const note = el('textarea', { rows: '2', cols: '60', maxlength: '2000', placeholder: 'What the pod will do, or why this is expected' });
    const button = el('button', { type: 'submit', text: flag.acknowledgement ? 'Acknowledge again' : 'Acknowledge' });
    const message = el('span', { class: 'status' });
    const form = el('form', { class: 'inline-form' }, [el('label', {}, ['Note', note]), button, message]);
    form.addEventListener('submit', event => {
      event.preventDefault();
      button.disabled = true;
      getJson('/api/antipatterns/' + flag.id + '/acknowledgement', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
        body: JSON.stringify({ note: note.value })
      }).then(() => { openFlag(flag.id); load(); })
        .catch(e => { message.textContent = e.message; message.className = 'status error'; button.disabled = false; });
    });
    return form;
  }

  function openFlag(id) {
    const dialog = document.getElementById('flag-dialog');
    const body = document.getElementById('flag-body');
    state.charts.forEach(c => c.destroy());
    state.charts = [];
    body.replaceChildren(el('p', { class: 'status', text: 'Loading the evidence…' }));
    if (!dialog.open) { dialog.showModal(); }
    getJson('/api/antipatterns/' + id).then(detail => {
      const flag = detail.flag;
      document.getElementById('flag-title').textContent = detectorTitle(flag.detector) + ' · ' + (flag.scopeName || flag.scope) + ' · ' + flag.week;
      const thresholds = Object.entries(flag.thresholds).map(([k, v]) => k + ' ' + v).join(', ');
      const seen = new Set();
      const series = [];
      flag.evidence.forEach(e => {
        const key = e.metric + ' ' + e.scope;
        if (!seen.has(key)) { seen.add(key); series.push(e); }
      });
      const charts = el('div', { class: 'evidence-charts' });
      body.replaceChildren(
        el('p', {}, [el('span', { class: 'severity ' + flag.severity, text: flag.severity }), flag.rule]),
        el('p', { class: 'explain', text: 'Thresholds: ' + thresholds }),
        el('p', { class: 'action', text: 'What to do: ' + flag.suggestedAction }),
        acknowledgement(flag) || '',
        ackForm(flag, body),
        el('h3', { text: 'The figures, week by week (the flagged week in red)' }),
        charts,
        el('h3', { text: 'Behind the figures of ' + flag.week }),
        ...detail.facts.map(f => el('div', {}, [el('h4', { text: f.metric + ' · ' + f.scope + (f.count ? ' · ' + f.count + ' items' : '') }), factsTable(f)])),
        el('h3', { text: 'History' }),
        el('ul', {}, detail.history.map(h => el('li', { text: h.at.slice(0, 16).replace('T', ' ') + ' — ' + h.kind +
          (h.severity ? ' (' + h.severity + ')' : '') + (h.by ? ' by ' + h.by : '') + (h.note ? ': “' + h.note + '”' : '') })))
      );
      series.slice(0, 8).forEach(e => {
        const from = plusWeeks(flag.week, -11);
        getJson('/api/metrics?scope=' + encodeURIComponent(e.scope) + '&metric=' + encodeURIComponent(e.metric) +
          '&from=' + from + '&to=' + flag.week).then(answer => {
          const s = answer.metrics[0];
          const canvas = el('canvas');
          charts.appendChild(el('div', { class: 'mini' }, [el('h4', { text: e.metric + ' · ' + e.scope }), el('div', { class: 'chart-box' }, [canvas])]));
          state.charts.push(evidenceChart(canvas, s, flag.week));
        }).catch(() => {});
      });
    }).catch(e => body.replaceChildren(el('p', { class: 'status error', text: 'Flag not loaded: ' + e.message })));
  }

  document.getElementById('flag-close').addEventListener('click', () => document.getElementById('flag-dialog').close());
  document.getElementById('week').addEventListener('change', event => { state.week = event.target.value; renderFlags(); });
  document.getElementById('show-cleared').addEventListener('change', load);
  load();
})();
