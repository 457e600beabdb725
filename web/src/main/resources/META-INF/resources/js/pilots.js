// The Pilots page: one card per pilot (verdict, criteria met and missed, adoption curve, before
// and after, pilot against the pods without one) and every pod's adoption against an outcome.
(function () {
  'use strict';

  const { el, request, setStatus } = window.Page;
  const getJson = request;

  const COLORS = { pilot: '#2f5fd0', control: '#8a94a8', threshold: '#2e9e6a', pilots: '#e07b00' };
  const TITLES = {
    weekly_active_ai_users: 'Weekly active AI users', agent_assisted_diffs: 'Agent-assisted diffs',
    throughput_per_engineer: 'Throughput per engineer', lead_time_p50_hours: 'Lead time (median)',
    change_failure_rate: 'Change failure rate', ai_code_share: 'AI code share'
  };
  const SHARES = new Set(['weekly_active_ai_users', 'agent_assisted_diffs', 'change_failure_rate', 'ai_code_share']);




  function scaled(metric, value) {
    return value === null || value === undefined ? null : (SHARES.has(metric) ? value * 100 : value);
  }

  function format(metric, value) {
    if (value === null || value === undefined) { return 'no data'; }
    if (SHARES.has(metric)) { return (value * 100).toFixed(value < 0.1 ? 1 : 0) + ' %'; }
    if (metric.endsWith('_hours')) { return value.toFixed(1) + ' h'; }
    return value.toFixed(2);
  }

  function series(detail, metric) {
    return detail.series.find(s => s.metric === metric);
  }

  function lineChart(canvas, detail, metric, extra) {
    const s = series(detail, metric);
    const datasets = [
      { label: 'pilot', data: s.pilot.map(v => scaled(metric, v)), borderColor: COLORS.pilot, backgroundColor: COLORS.pilot, tension: 0.2, pointRadius: detail.weeks.map(w => w === detail.startWeek ? 6 : 2) },
      { label: 'pods without a pilot (' + detail.controlPods + ')', data: s.control.map(v => scaled(metric, v)), borderColor: COLORS.control, backgroundColor: COLORS.control, borderDash: [5, 4], tension: 0.2, pointRadius: 0 }
    ].concat(extra || []);
    return new Chart(canvas, {
      type: 'line',
      data: { labels: detail.weeks, datasets: datasets },
      options: {
        maintainAspectRatio: false, animation: false,
        plugins: { legend: { labels: { boxWidth: 12 } }, title: { display: true, text: TITLES[metric] + (SHARES.has(metric) ? ' (%)' : '') } },
        scales: { y: { beginAtZero: true } }
      }
    });
  }

  function beforeAfter(canvas, detail, metric) {
    const s = series(detail, metric);
    return new Chart(canvas, {
      type: 'bar',
      data: {
        labels: ['pilot', 'pods without a pilot'],
        datasets: [
          { label: 'baseline ' + detail.baselineFrom + '…' + detail.baselineTo, data: [scaled(metric, s.pilotBaseline), scaled(metric, s.controlBaseline)], backgroundColor: '#c9d3e6' },
          { label: 'recent ' + detail.recentFrom + '…', data: [scaled(metric, s.pilotRecent), scaled(metric, s.controlRecent)], backgroundColor: COLORS.pilot }
        ]
      },
      options: {
        maintainAspectRatio: false, animation: false,
        plugins: { legend: { labels: { boxWidth: 12 } }, title: { display: true, text: 'Before and after: ' + TITLES[metric] } },
        scales: { y: { beginAtZero: true } }
      }
    });
  }

  function card(detail) {
    const p = detail.pilot;
    const verdictClass = p.verdict.replace(' ', '-');
    const criteria = el('ul', { class: 'criteria' }, p.criteria.map(c =>
      el('li', { class: c.met === true ? 'met' : c.met === false ? 'missed' : '' },
        [(c.met === true ? '✓ met: ' : c.met === false ? '✗ missed: ' : '… not yet: ') + c.rule + ' — ' + c.detail])));
    (p.missing || []).forEach(m => criteria.appendChild(el('li', {}, ['missing: ' + m])));
    const did = [];
    if (p.throughputDifferenceInDifferences !== null && p.throughputDifferenceInDifferences !== undefined) {
      did.push('throughput per engineer ' + (p.throughputDifferenceInDifferences >= 0 ? '+' : '') + p.throughputDifferenceInDifferences.toFixed(2) + ' PRs a week');
    }
    if (p.leadTimeDifferenceInDifferences !== null && p.leadTimeDifferenceInDifferences !== undefined) {
      did.push('lead time ' + (p.leadTimeDifferenceInDifferences >= 0 ? '+' : '') + p.leadTimeDifferenceInDifferences.toFixed(1) + ' h');
    }
    const adoption = el('canvas', { 'aria-label': 'Adoption curve of ' + p.pod });
    const before = el('canvas', { 'aria-label': 'Before and after of ' + p.pod });
    const versus = el('canvas', { 'aria-label': 'Pilot against the pods without a pilot, ' + p.pod });
    const node = el('article', { class: 'card pilot', 'data-pod': p.pod, 'data-verdict': p.verdict }, [
      el('h2', {}, [p.podName + ' ', el('span', { class: 'verdict ' + verdictClass, text: p.verdict })]),
      el('p', { class: 'explain', text: 'Champion ' + p.championName + ' · started ' + p.start + ' (' + detail.startWeek + ') · baseline ' +
        p.baselineWeeks + ' weeks' + (p.weeksToAdoption ? ' · 90 % weekly active AI users in week ' + p.weeksToAdoption : '') }),
      criteria,
      el('p', { class: 'explain', text: did.length ? 'Difference in differences against the pods without a pilot: ' + did.join('; ') + '.' : 'No difference in differences yet: it needs the baseline and 4 weeks of the pilot.' }),
      el('div', { class: 'chart-box' }, [adoption]),
      el('div', { class: 'chart-box' }, [before]),
      el('div', { class: 'chart-box' }, [versus])
    ]);
    document.getElementById('pilot-cards').appendChild(node);
    const threshold = { label: '90 %', data: detail.weeks.map(() => 90), borderColor: COLORS.threshold, borderDash: [2, 3], pointRadius: 0, borderWidth: 1 };
    lineChart(adoption, detail, 'weekly_active_ai_users', [threshold]);
    beforeAfter(before, detail, 'throughput_per_engineer');
    lineChart(versus, detail, 'lead_time_p50_hours');
  }

  let scatter = null;
  function loadAdoptionOutcomes() {
    const x = document.getElementById('ao-x').value;
    const y = document.getElementById('ao-y').value;
    const weeks = Number(document.getElementById('ao-weeks').value);
    const to = document.getElementById('pilots-week').dataset.week;
    getJson('/api/adoption-outcomes?x=' + x + '&y=' + y + (to ? '&to=' + to + '&from=' + weeksBefore(to, weeks - 1) : '')).then(data => {
      const point = p => ({ x: scaled(x, p.x), y: scaled(y, p.y), pod: p.name });
      const datasets = [
        { label: 'pods', data: data.points.filter(p => !p.pilot).map(point), backgroundColor: COLORS.pilot, pointRadius: 5 },
        { label: 'pilots', data: data.points.filter(p => p.pilot).map(point), backgroundColor: COLORS.pilots, pointStyle: 'rectRot', pointRadius: 7 }
      ];
      if (scatter) { scatter.destroy(); }
      scatter = new Chart(document.getElementById('ao-chart'), {
        type: 'scatter',
        data: { datasets: datasets },
        options: {
          maintainAspectRatio: false, animation: false,
          plugins: { tooltip: { callbacks: { label: c => c.raw.pod + ': ' + c.raw.x.toFixed(1) + ', ' + c.raw.y.toFixed(1) } } },
          scales: {
            x: { title: { display: true, text: TITLES[x] + (SHARES.has(x) ? ' (%)' : '') } },
            y: { title: { display: true, text: TITLES[y] + (SHARES.has(y) ? ' (%)' : '') } }
          }
        }
      });
      document.getElementById('ao-correlation').textContent = data.from + ' … ' + data.to + ': ' + data.correlation.text;
      document.getElementById('ao-missing').textContent = data.withoutFigures.length
        ? 'Without both figures (no data, or withheld under the privacy floor): ' + data.withoutFigures.join(', ') + '.' : '';
    }).catch(e => { document.getElementById('ao-correlation').textContent = e.message; });
  }

  function weeksBefore(week, n) {
    const [year, w] = week.split('-W').map(Number);
    const jan4 = new Date(Date.UTC(year, 0, 4));
    const monday = new Date(jan4.getTime() - ((jan4.getUTCDay() + 6) % 7) * 86400000 + (w - 1 - n) * 7 * 86400000);
    const thursday = new Date(monday.getTime() + 3 * 86400000);
    const y = thursday.getUTCFullYear();
    const first = new Date(Date.UTC(y, 0, 4));
    const firstMonday = new Date(first.getTime() - ((first.getUTCDay() + 6) % 7) * 86400000);
    const number = Math.round((monday - firstMonday) / (7 * 86400000)) + 1;
    return y + '-W' + String(number).padStart(2, '0');
  }

  getJson('/api/pilots').then(all => {
    const week = document.getElementById('pilots-week');
    week.dataset.week = all.week;
    week.textContent = 'Judged in ' + all.week + ' (the last complete week).';
    if (!all.pilots.length) { setStatus('No pilot you may see. A pilot is named in the organization model (pilots:).'); return null; }
    return Promise.all(all.pilots.map(p => getJson('/api/pilots/' + encodeURIComponent(p.pod) + '?week=' + all.week)))
      .then(details => { details.forEach(card); setStatus(details.length + (details.length === 1 ? ' pilot.' : ' pilots.')); });
  }).catch(e => setStatus(e.message, true)).then(() => {
    if (document.getElementById('adoption-outcomes')) {
      ['ao-x', 'ao-y', 'ao-weeks'].forEach(id => document.getElementById(id).addEventListener('change', loadAdoptionOutcomes));
      loadAdoptionOutcomes();
    }
  });
})();
