// The Identities page: unmapped identities with their suggestions; an admin maps one in two clicks
// (choose, then confirm), stored as a new organization model version by POST /api/identities.
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

  function setStatus(text, isError) {
    const status = document.getElementById('page-status');
    status.textContent = text;
    status.className = isError ? 'status error' : 'status';
  }

  function problem(r) {
    return r.json().catch(() => ({})).then(p => { throw new Error(p.detail || ('HTTP ' + r.status)); });
  }

  let pending = null;

  function ask(text, request) {
    pending = request;
    document.getElementById('confirm-text').textContent = text;
    const box = document.getElementById('confirm');
    box.hidden = false;
    document.getElementById('confirm-yes').focus();
  }

  function closeConfirm() {
    pending = null;
    document.getElementById('confirm').hidden = true;
  }

  function send(request) {
    setStatus('Storing…');
    return fetch('/api/identities', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
      body: JSON.stringify(request)
    }).then(r => r.ok ? r.json() : problem(r))
      .then(done => {
        const what = done.kind === 'member' ? 'member ' + done.member : done.kind === 'agent' ? 'the agent ' + done.tool : 'an ignored bot';
        return refresh().then(() => setStatus(done.identity + ' is now ' + what + ' (organization model version ' + done.orgVersion + '); the figures are being recomputed with it.'));
      })
      .catch(e => setStatus('Not stored: ' + e.message, true));
  }

  function seenAs(item) {
    return Object.entries(item.seenAs || {}).map(([kind, n]) => kind + ' ' + n).join(', ');
  }

  function choice(label, identity, options) {
    const select = el('select', { 'aria-label': label + ' for ' + identity });
    options.forEach(o => select.appendChild(el('option', { value: o.value, text: o.text })));
    return select;
  }

  function row(item, members, tools) {
    const id = item.identity;
    const suggestions = el('td', { class: 'suggestions' });
    (item.suggestions || []).forEach(s => {
      const b = el('button', { type: 'button', class: 'suggestion', title: s.because, 'data-member': s.member, text: 'Map to ' + s.name });
      b.addEventListener('click', () => ask('Map ' + id + ' to ' + s.name + ' (' + s.member + ')? ' + s.because + '.', { identity: id, action: 'member', member: s.member }));
      suggestions.appendChild(b);
    });
    if (!item.suggestions || item.suggestions.length === 0) { suggestions.appendChild(el('span', { class: 'muted', text: '—' })); }

    const memberSelect = choice('Member', id, members.map(m => ({ value: m.id, text: m.name + ' (' + m.id + ')' })));
    const toMember = el('button', { type: 'button', text: 'Map to member…' });
    toMember.addEventListener('click', () => {
      const m = members.find(x => x.id === memberSelect.value);
      if (m) { ask('Map ' + id + ' to ' + m.name + ' (' + m.id + ')?', { identity: id, action: 'member', member: m.id }); }
    });
    const toolSelect = choice('Agent tool', id, tools.map(t => ({ value: t, text: t })));
    const toAgent = el('button', { type: 'button', text: 'Agent…' });
    toAgent.addEventListener('click', () => ask('Mark ' + id + ' as the agent ' + toolSelect.value + '? Its changes then count as AI-authored.', { identity: id, action: 'agent', tool: toolSelect.value }));
    const toBot = el('button', { type: 'button', text: 'Ignored bot' });
    toBot.addEventListener('click', () => ask('Mark ' + id + ' as an ignored bot? Its facts then count for nobody.', { identity: id, action: 'ignoredBot' }));
    const actions = el('td', { class: 'actions' }, [
      el('span', { class: 'action' }, [memberSelect, ' ', toMember]),
      el('span', { class: 'action' }, [toolSelect, ' ', toAgent]),
      el('span', { class: 'action' }, [toBot])
    ]);
    return el('tr', { 'data-identity': id }, [
      el('td', {}, [el('code', { text: id })]),
      el('td', { class: 'wrap', text: seenAs(item) + (item.authorNames && item.authorNames.length ? ' · named ' + item.authorNames.join(', ') : '') }),
      el('td', { text: String(item.facts) }),
      el('td', { text: item.lastSeen ? new Date(item.lastSeen).toLocaleDateString() : '—' }),
      suggestions,
      actions
    ]);
  }

  function refresh() {
    return fetch('/api/identities', { headers: { Accept: 'application/json' } })
      .then(r => r.ok ? r.json() : problem(r))
      .then(listing => {
        const body = document.querySelector('#identities-table tbody');
        body.replaceChildren();
        if (listing.unmapped.length === 0) {
          body.appendChild(el('tr', {}, [el('td', { colspan: '6', class: 'withheld', text: 'Every identity seen is a member, an agent or an ignored bot.' })]));
        }
        listing.unmapped.forEach(item => body.appendChild(row(item, listing.members, listing.tools)));
        const n = listing.unmapped.length;
        setStatus(n + (n === 1 ? ' unmapped identity' : ' unmapped identities') + ' · organization model version ' + listing.orgVersion);
      })
      .catch(e => setStatus('Could not read the identities: ' + e.message, true));
  }

  if (document.getElementById('identities-page')) {
    document.getElementById('confirm-yes').addEventListener('click', () => {
      const request = pending;
      closeConfirm();
      if (request) { send(request); }
    });
    document.getElementById('confirm-no').addEventListener('click', closeConfirm);
    refresh();
  }
})();
