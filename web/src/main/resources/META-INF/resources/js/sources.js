// The Sources page: every source's sync and deliveries, read again every two seconds.
(function () {
  'use strict';

  function el(tag, attrs, children) {
    const node = document.createElement(tag);
    Object.entries(attrs || {}).forEach(([k, v]) => {
      if (v === null || v === undefined) { return; }
      if (k === 'text') { node.textContent = v; } else if (k === 'class') { node.className = v; } else { node.setAttribute(k, v); }
    });
    (children || []).forEach(c => node.appendChild(typeof c === 'string' ? document.createTextNode(c) : c));
    return node;
  }

  function getJson(url) {
    return fetch(url, { headers: { Accept: 'application/json' } }).then(r => {
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

  function duration(seconds) {
    if (seconds === null || seconds === undefined) { return '—'; }
    const s = Math.max(0, Math.round(seconds));
    if (s < 90) { return s + ' s'; }
    if (s < 5400) { return Math.round(s / 60) + ' min'; }
    if (s < 172800) { return Math.round(s / 3600) + ' h'; }
    return Math.round(s / 86400) + ' days';
  }

  function isoSeconds(iso) { return iso ? (Date.now() - Date.parse(iso)) / 1000 : null; }

  function parseDuration(iso) {
    if (!iso) { return null; }
    const m = /^PT(?:(\d+)H)?(?:(\d+)M)?(?:([\d.]+)S)?$/.exec(iso);
    return m ? (+(m[1] || 0)) * 3600 + (+(m[2] || 0)) * 60 + (+(m[3] || 0)) : null;
  }

  function progressBar(p) {
    if (!p) { return el('span', { class: 'muted', text: 'not synced since the start' }); }
    const done = p.itemsDone || 0;
    const total = p.itemsTotal;
    const bar = el('progress', { max: total || 1, value: total ? done : (p.state === 'DONE' ? 1 : 0) });
    if (!total && (p.state === 'RUNNING' || p.state === 'WAITING')) { bar.removeAttribute('value'); }
    return el('span', { class: 'progress' }, [bar, ' ' + done.toLocaleString() + (total ? ' / ' + total.toLocaleString() : '') + ' events']);
  }

  function syncButton(source) {
    const button = el('button', { type: 'button', text: source.syncing ? 'Syncing…' : 'Sync now' });
    if (source.syncing) { button.disabled = true; }
    button.addEventListener('click', () => {
      button.disabled = true;
      fetch('/api/sources/github/' + encodeURIComponent(source.id) + '/sync', { method: 'POST', headers: { Accept: 'application/json' } })
        .then(r => r.ok ? refresh() : r.json().then(p => setStatus(p.detail || ('HTTP ' + r.status), true)));
    });
    return button;
  }

  function renderGitHub(sources) {
    const body = document.querySelector('#github-table tbody');
    body.replaceChildren();
    if (sources.length === 0) {
      body.appendChild(el('tr', {}, [el('td', { colspan: '11', class: 'withheld', text: 'No GitHub repositories yet: POST /api/sources/github {"repos":["owner/name"],"token":"…"}' })]));
      return;
    }
    sources.forEach(s => {
      const p = s.progress;
      const state = s.syncing ? (p && p.state === 'WAITING' ? 'waiting' : 'running') : (s.lastState || 'never synced');
      const waiting = p && p.waitingUntil ? duration((Date.parse(p.waitingUntil) - Date.now()) / 1000) + ' · ' + (p.waitingFor || '') : '—';
      const stopped = p && p.stoppedStreams ? Object.entries(p.stoppedStreams).map(([k, v]) => k + ': ' + v) : [];
      const error = stopped.length ? stopped.join('; ') : (s.lastError || (p && p.lastError) || '—');
      body.appendChild(el('tr', { 'data-source': s.id }, [
        el('td', { text: s.id }),
        el('td', { class: 'wrap', text: s.repos.join(', ') }),
        el('td', { class: 'state ' + state, text: state }),
        el('td', {}, [progressBar(p)]),
        el('td', { text: p ? (Math.round(p.itemsPerSecond * 10) / 10) + '/s' : '—' }),
        el('td', { text: p && p.eta ? duration(parseDuration(p.eta)) : '—' }),
        el('td', { text: s.lastSyncAt ? new Date(s.lastSyncAt).toLocaleString() : '—' }),
        el('td', { text: s.lastSyncAt ? duration(isoSeconds(s.lastSyncAt)) : '—' }),
        el('td', { text: waiting }),
        el('td', { class: error === '—' ? 'wrap' : 'wrap error-text', text: error }),
        el('td', {}, [syncButton(s)])
      ]));
    });
  }

  function importButton(source) {
    const running = source.state === 'running';
    const button = el('button', { type: 'button', text: running ? 'Importing…' : 'Import new commits' });
    if (running) { button.disabled = true; }
    button.addEventListener('click', () => {
      button.disabled = true;
      fetch('/api/sources/git/' + encodeURIComponent(source.id) + '/sync', { method: 'POST', headers: { Accept: 'application/json' } })
        .then(r => r.ok ? refresh() : r.json().then(p => setStatus(p.detail || ('HTTP ' + r.status), true)));
    });
    return button;
  }

  function warningsCell(p) {
    if (!p || !p.warningsTotal) { return el('td', { text: '—' }); }
    const list = el('ul', { class: 'warnings' }, p.warnings.map(w => el('li', { text: w })));
    const more = p.warningsTotal > p.warnings.length ? ' (' + (p.warningsTotal - p.warnings.length) + ' more)' : '';
    return el('td', { class: 'wrap' }, [el('details', {}, [el('summary', { text: p.warningsTotal + ' warning' + (p.warningsTotal === 1 ? '' : 's') + more }), list])]);
  }

  function renderGit(sources) {
    const body = document.querySelector('#git-table tbody');
    body.replaceChildren();
    if (sources.length === 0) {
      body.appendChild(el('tr', {}, [el('td', { colspan: '11', class: 'withheld', text: 'No git repositories yet: add a clone below, or ./podometer import git <path>' })]));
      return;
    }
    sources.forEach(s => {
      const p = s.progress;
      const done = p ? (p.itemsDone || 0) : 0;
      const bar = p ? el('progress', { max: p.itemsTotal || 1, value: p.itemsTotal ? done : (s.state === 'done' ? 1 : 0) }) : null;
      body.appendChild(el('tr', { 'data-source': s.id }, [
        el('td', { text: s.id }),
        el('td', { class: 'wrap', text: s.path }),
        el('td', {}, [el('a', { href: '/repos/' + s.repo, text: s.repo })]),
        el('td', { text: s.branch || 'default' }),
        el('td', { class: 'state ' + s.state, text: s.state }),
        el('td', {}, p ? [el('span', { class: 'progress' }, [bar, ' ' + done.toLocaleString() + (p.itemsTotal ? ' / ' + p.itemsTotal.toLocaleString() : '') + ' commits'])] : [el('span', { class: 'muted', text: 'not imported since the start' })]),
        el('td', { text: p ? Math.round(p.itemsPerSecond) + '/s' : '—' }),
        el('td', { text: s.lastImportAt ? new Date(s.lastImportAt).toLocaleString() : '—' }),
        warningsCell(p),
        el('td', { class: s.lastError ? 'wrap error-text' : 'wrap', text: s.lastError || '—' }),
        el('td', {}, [importButton(s)])
      ]));
    });
  }

  function addGitSource(event) {
    event.preventDefault();
    const form = event.target;
    const body = { path: form.path.value.trim() };
    if (form.repo.value.trim()) { body.repo = form.repo.value.trim(); }
    if (form.branch.value.trim()) { body.branch = form.branch.value.trim(); }
    fetch('/api/sources/git', { method: 'POST', headers: { Accept: 'application/json', 'Content-Type': 'application/json' }, body: JSON.stringify(body) })
      .then(r => r.json().catch(() => ({})).then(p => {
        if (!r.ok) { throw new Error(p.detail || ('HTTP ' + r.status)); }
        form.reset();
        setStatus('Importing ' + p.repo + ' from ' + p.path);
        return refresh();
      }))
      .catch(e => setStatus('Could not add the clone: ' + e.message, true));
  }

  function renderWebhook(summaries) {
    const body = document.querySelector('#webhook-table tbody');
    body.replaceChildren();
    summaries.filter(s => s.webhook).forEach(s => {
      const w = s.webhook;
      const ignored = Object.entries(w.ignoredByEvent || {}).map(([k, v]) => k + ' ' + v).join(', ');
      body.appendChild(el('tr', {}, [
        el('td', { text: s.id }),
        el('td', { text: String(s.payloadsKept) }),
        el('td', { text: String(w.received) }),
        el('td', { text: String(w.duplicates) }),
        el('td', { text: ignored || '0' }),
        el('td', { text: String(w.refused) }),
        el('td', { text: String(w.unmappable) }),
        el('td', { text: String(w.eventsPublished) })
      ]));
    });
  }

  function renderCsv(imports) {
    const body = document.querySelector('#csv-table tbody');
    body.replaceChildren();
    if (imports.length === 0) {
      body.appendChild(el('tr', {}, [el('td', { colspan: '6', class: 'withheld', text: 'No CSV imports yet: ./podometer import csv deployments deployments.csv' })]));
      return;
    }
    imports.forEach(i => {
      const gave = i.orgVersion !== undefined && i.orgVersion !== null
        ? 'organization model version ' + i.orgVersion
        : i.events + ' events (' + i.accepted + ' new, ' + i.duplicates + ' duplicates, ' + i.revisions + ' revisions)';
      body.appendChild(el('tr', { 'data-import': String(i.id) }, [
        el('td', { text: i.kind }),
        el('td', { class: 'wrap', text: i.name || '—' }),
        el('td', { text: String(i.rows) }),
        el('td', { class: 'wrap', text: gave }),
        el('td', { text: new Date(i.importedAt).toLocaleString() }),
        el('td', { text: i.importedBy })
      ]));
    });
  }

  function renderTelemetry(sources) {
    const body = document.querySelector('#telemetry-table tbody');
    body.replaceChildren();
    if (sources.length === 0) {
      body.appendChild(el('tr', {}, [el('td', { colspan: '6', class: 'withheld', text: 'No agent usage yet: point an OpenTelemetry exporter at /v1/metrics, or ./podometer import claude-code|cursor|copilot' })]));
      return;
    }
    sources.forEach(s => {
      const strip = el('span', { class: 'day-strip' }, s.days.map(d =>
        el('span', { class: d.reported ? 'day' : 'day gap', title: d.day + ': ' + (d.reported ? d.people + ' people' : 'no data (a gap)') })));
      body.appendChild(el('tr', { 'data-telemetry': s.tool + ':' + s.arrivesAs }, [
        el('td', { text: s.tool }),
        el('td', { text: s.arrivesAs }),
        el('td', { text: s.newestDay }),
        el('td', { text: String(s.people) }),
        el('td', { class: s.gaps > 0 ? 'gaps' : '', text: String(s.gaps) }),
        el('td', {}, [strip])
      ]));
    });
  }

  function renderSeats(seats) {
    const body = document.querySelector('#seats-table tbody');
    body.replaceChildren();
    if (seats.length === 0) {
      body.appendChild(el('tr', {}, [el('td', { colspan: '8', class: 'withheld', text: 'No seats yet: ./podometer import copilot-seats --fetch --org ORG' })]));
      return;
    }
    seats.forEach(s => {
      const state = s.idle ? 'idle' : s.held ? 'in use' : (s.removedAt ? 'removed' : 'ended');
      body.appendChild(el('tr', { 'data-seat': s.tool + ':' + s.user }, [
        el('td', { text: s.tool }),
        el('td', { text: s.account || '' }),
        el('td', { text: s.user }),
        el('td', { class: s.member ? '' : 'withheld', text: s.member || 'unmapped' }),
        el('td', { text: s.assignedAt.substring(0, 10) }),
        el('td', { text: s.lastUsed || 'never' }),
        el('td', { class: s.idle ? 'gaps' : '', text: state }),
        el('td', { text: s.monthlyPriceUsd == null ? '' : s.monthlyPriceUsd + ' USD' })
      ]));
    });
  }

  function refresh() {
    return Promise.all([getJson('/api/sources'), getJson('/api/sources/github'), getJson('/api/sources/git'), getJson('/api/sources/csv'), getJson('/api/sources/telemetry'), getJson('/api/sources/seats')])
      .then(([summaries, github, git, csv, telemetry, seats]) => {
        renderWebhook(summaries);
        renderGitHub(github);
        renderGit(git);
        renderCsv(csv);
        renderTelemetry(telemetry);
        renderSeats(seats);
        setStatus('Updated ' + new Date().toLocaleTimeString() + ' (every 2 s)');
      })
      .catch(e => setStatus('Could not read the sources: ' + e.message, true));
  }

  if (document.getElementById('sources-page')) {
    document.getElementById('git-form').addEventListener('submit', addGitSource);
    refresh();
    setInterval(refresh, 2000);
  }
})();
