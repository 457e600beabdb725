// The Bets page: every bet with its STO, kill signal and its value this week; a bet opens its
// readings week by week against the threshold, its learnings, status history and decisions. Its
// STO (or a leader) decides on a kill candidate and logs learnings here.
(function () {
  'use strict';

  const { el, request, setStatus } = window.Page;

  const page = document.getElementById('bets-page');
  const lead = page.dataset.lead === 'true';
  const me = page.dataset.member;
  let chart = null;




  function number(v) {
    if (v === null || v === undefined) { return '—'; }
    return Math.abs(v) >= 100 ? v.toFixed(0) : Number(v.toPrecision(3)).toString();
  }

  function owns(bet) {
    return lead || (me && bet.stos.indexOf(me) >= 0);
  }

  function nowCell(bet) {
    const now = bet.killSignalNow;
    if (!bet.killSignal) { return el('td', { class: 'withheld', text: 'no kill signal' }); }
    const children = [now.current === null || now.current === undefined ? el('span', { class: 'withheld', text: now.state + (now.missing ? ': ' + now.missing : '') }) : number(now.current) + ' '];
    if (now.state === 'fires') { children.push(el('span', { class: 'tier low', text: 'fires' })); }
    if (bet.killCandidate) { children.push(' ', el('strong', { text: 'kill candidate' })); }
    return el('td', {}, children);
  }

  function row(bet) {
    const sto = bet.stoName || 'none';
    const tr = el('tr', { 'data-bet': bet.id, class: bet.killCandidate ? 'candidate' : '' }, [
      el('td', {}, [el('a', { href: '#' + bet.id, text: bet.title }), ' ', el('code', { text: bet.id })]),
      el('td', {}, [sto].concat(bet.warnings.length ? [el('div', { class: 'note missed', text: bet.warnings.join('; ') })] : [])),
      el('td', { text: bet.hypothesis || '' }),
      el('td', { text: bet.killSignal ? bet.killSignal.text : 'none set' }),
      nowCell(bet),
      el('td', { text: bet.status })
    ]);
    tr.querySelector('a').addEventListener('click', e => { e.preventDefault(); open(bet.id); });
    return tr;
  }

  function load() {
    return request('/api/bets').then(data => {
      document.getElementById('bets-week').textContent = 'Kill signals judged in ' + data.week + ' (the last complete week).';
      const body = document.querySelector('#bets-table tbody');
      body.innerHTML = '';
      data.bets.forEach(b => body.appendChild(row(b)));
      const candidates = data.bets.filter(b => b.killCandidate).length;
      setStatus(data.bets.length + ' bets' + (candidates ? ', ' + candidates + ' kill candidate' + (candidates > 1 ? 's' : '') : '') + '.');
    }).catch(e => setStatus(e.message, true));
  }

  function open(id) {
    request('/api/bets/' + encodeURIComponent(id)).then(detail => {
      const bet = detail.bet;
      document.getElementById('bet-title').textContent = bet.title;
      const body = document.getElementById('bet-body');
      body.innerHTML = '';
      body.appendChild(el('p', { class: 'explain', text: 'STO ' + (bet.stoName || 'none') + ' · status ' + bet.status + (bet.started ? ' · started ' + bet.started : '') +
        ' · kill signal: ' + (bet.killSignal ? bet.killSignal.text : 'none set') }));
      if (bet.hypothesis) { body.appendChild(el('p', { text: 'Hypothesis: ' + bet.hypothesis })); }
      const signal = bet.killSignal && (bet.killSignal.signal || bet.killSignal.metric);
      const readings = detail.signals.find(s => s.name === signal);
      if (readings && readings.weeks.length) {
        const canvas = el('canvas', { 'aria-label': 'Readings of ' + signal });
        body.appendChild(el('div', { class: 'chart-box' }, [canvas]));
        if (chart) { chart.destroy(); }
        chart = new Chart(canvas, {
          type: 'line',
          data: {
            labels: readings.weeks.map(w => w.week),
            datasets: [
              { label: signal + ' (weekly mean)', data: readings.weeks.map(w => w.value), borderColor: '#2f5fd0', backgroundColor: '#2f5fd0', tension: 0.2 },
              { label: 'kill threshold ' + bet.killSignal.comparator + ' ' + bet.killSignal.threshold, data: readings.weeks.map(() => bet.killSignal.threshold), borderColor: '#b3261e', borderDash: [4, 4], pointRadius: 0 }
            ]
          },
          options: { maintainAspectRatio: false, animation: false }
        });
      }
      if (bet.killCandidate && owns(bet)) {
        const note = el('input', { type: 'text', id: 'decision-note', placeholder: 'why (recorded with the decision)', size: '50' });
        const status = el('span', { class: 'status' });
        const decide = decision => () => request('/api/bets/' + encodeURIComponent(bet.id) + '/decision', { method: 'POST', body: JSON.stringify({ decision: decision, note: note.value || null }) })
          .then(() => { status.textContent = 'Recorded.'; load(); open(bet.id); }).catch(e => { status.textContent = e.message; status.className = 'status error'; });
        const kill = el('button', { type: 'button', text: 'Kill it' });
        const keep = el('button', { type: 'button', text: 'Keep it' });
        kill.addEventListener('click', decide('kill'));
        keep.addEventListener('click', decide('keep'));
        body.appendChild(el('div', { class: 'card decision' }, [el('h3', { text: 'Kill candidate: its signal fired every week of its window' }), note, ' ', kill, ' ', keep, ' ', status]));
      }
      body.appendChild(el('h3', { text: 'Learnings' }));
      body.appendChild(detail.learnings.length
        ? el('ul', {}, detail.learnings.map(l => el('li', { text: l.at.substring(0, 10) + ' — ' + l.author + ': ' + l.text })))
        : el('p', { class: 'explain', text: 'No learning logged yet.' }));
      if (owns(bet)) {
        const text = el('input', { type: 'text', id: 'learning-text', placeholder: 'what did we learn?', size: '60', maxlength: '4000' });
        const status = el('span', { class: 'status' });
        const log = el('button', { type: 'button', text: 'Log a learning' });
        log.addEventListener('click', () => request('/api/bets/' + encodeURIComponent(bet.id) + '/learnings', { method: 'POST', body: JSON.stringify({ text: text.value }) })
          .then(() => { status.textContent = 'Logged.'; setTimeout(() => open(bet.id), 800); }).catch(e => { status.textContent = e.message; status.className = 'status error'; }));
        body.appendChild(el('p', {}, [text, ' ', log, ' ', status]));
      }
      body.appendChild(el('h3', { text: 'Status history' }));
      body.appendChild(el('ul', {}, bet.history.map(h => el('li', { text: h.at.substring(0, 16).replace('T', ' ') + ' — ' + h.status + ' (' + h.by + (h.note ? ', ' + h.note : '') + ')' }))));
      if (detail.decisions.length) {
        body.appendChild(el('h3', { text: 'Decisions on kill candidates' }));
        body.appendChild(el('ul', {}, detail.decisions.map(d => el('li', { text: d.week + ': ' + d.decision + ' by ' + d.by + (d.note ? ' — ' + d.note : '') }))));
      }
      document.getElementById('bet-dialog').showModal();
    }).catch(e => setStatus(e.message, true));
  }

  document.getElementById('bet-close').addEventListener('click', () => document.getElementById('bet-dialog').close());
  load().then(() => { if (window.location.hash.length > 1) { open(decodeURIComponent(window.location.hash.substring(1))); } });
})();
