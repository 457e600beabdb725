// Draws the overview charts from the JSON API; no inline script, so a strict CSP holds.
(function () {
  'use strict';

  const PALETTE = ['#2f5fd0', '#d9822b', '#2e9e6a', '#c0392b', '#8e44ad', '#16a2b8', '#7f8c8d',
    '#b7950b', '#e84393', '#34495e', '#27ae60', '#d35400'];

  function setStatus(id, text, isError) {
    const el = document.getElementById(id);
    el.textContent = text;
    el.classList.toggle('error', Boolean(isError));
  }

  function percent(value) {
    return value === null || value === undefined ? 'no data' : (value * 100).toFixed(1) + ' %';
  }

  function drawMergedPrs(data) {
    const datasets = data.mergedPrsByPod.map((pod, i) => ({
      label: pod.name,
      data: pod.values,
      borderColor: PALETTE[i % PALETTE.length],
      backgroundColor: PALETTE[i % PALETTE.length],
      tension: 0.2,
      pointRadius: 2
    }));
    new Chart(document.getElementById('merged-prs-chart'), {
      type: 'line',
      data: { labels: data.weeks, datasets: datasets },
      options: {
        maintainAspectRatio: false,
        interaction: { mode: 'index', intersect: false },
        plugins: { legend: { position: 'bottom', labels: { boxWidth: 12 } } },
        scales: {
          x: { title: { display: true, text: 'ISO week (merge date)' } },
          y: { beginAtZero: true, title: { display: true, text: 'merged pull requests' },
               ticks: { precision: 0 } }
        }
      }
    });
    const total = data.mergedPrsByPod.reduce((sum, pod) => sum + pod.values.reduce((a, b) => a + b, 0), 0);
    setStatus('merged-prs-status', total + ' merged pull requests across ' +
      data.mergedPrsByPod.length + ' pods in ' + data.weeks.length + ' weeks.');
  }

  function drawAiShare(data) {
    const values = data.aiShare.map(p => p.value === null ? null : p.value * 100);
    new Chart(document.getElementById('ai-share-chart'), {
      type: 'line',
      data: {
        labels: data.weeks,
        datasets: [
          { label: 'AI-attributed share', data: values, borderColor: PALETTE[0],
            backgroundColor: PALETTE[0], tension: 0.2, spanGaps: false, pointRadius: 3,
            // the week in progress is drawn hollow: its figure will still move
            pointBackgroundColor: data.aiShare.map(p => p.partial ? '#ffffff' : PALETTE[0]) },
          { label: 'target', data: data.weeks.map(() => data.aiShareTarget * 100),
            borderColor: '#9aa3b5', borderDash: [6, 4], pointRadius: 0 }
        ]
      },
      options: {
        maintainAspectRatio: false,
        plugins: {
          legend: { position: 'bottom', labels: { boxWidth: 12 } },
          tooltip: {
            callbacks: {
              label: ctx => {
                if (ctx.datasetIndex === 1) { return 'target ' + percent(data.aiShareTarget); }
                const p = data.aiShare[ctx.dataIndex];
                return percent(p.value) + ' (' + p.num + ' of ' + p.den + ' added lines)';
              }
            }
          }
        },
        scales: {
          x: { title: { display: true, text: 'ISO week (landed on default branch)' } },
          y: { min: 0, max: 100, title: { display: true, text: '% of added lines' } }
        }
      }
    });
    const last = data.aiShare.length ? data.aiShare[data.aiShare.length - 1] : null;
    setStatus('ai-share-status', last ? 'Latest week ' + last.week + ': ' + percent(last.value) +
      (last.partial ? ' (week in progress).' : '.') : 'No data.');
  }

  function load() {
    const root = document.getElementById('overview');
    const weeks = root.dataset.weeks || '26';
    fetch('/api/overview?weeks=' + encodeURIComponent(weeks), { headers: { Accept: 'application/json' } })
      .then(r => { if (!r.ok) { throw new Error('HTTP ' + r.status); } return r.json(); })
      .then(data => {
        if (data.dataAsOf) { document.getElementById('data-as-of').textContent = data.dataAsOf; }
        drawMergedPrs(data);
        drawAiShare(data);
      })
      .catch(err => {
        setStatus('merged-prs-status', 'Could not load figures: ' + err.message, true);
        setStatus('ai-share-status', 'Could not load figures: ' + err.message, true);
      });
  }

  document.addEventListener('DOMContentLoaded', load);
})();
