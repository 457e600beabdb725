// Draws the scope and pods pages from the JSON API (/api/metrics, /api/metrics/table,
// /api/metrics/drilldown). No inline script, so a strict Content-Security-Policy holds.
(function () {
  'use strict';

  const HEADLINE = ['ai_code_share', 'agent_assisted_diffs', 'weekly_active_ai_users', 'ai_first_engineers'];
  const DORA = ['deployment_frequency', 'lead_time_p50_hours', 'change_failure_rate', 'recovery_time_p50_hours'];
  const POD_COLUMNS = ['ai_code_share', 'agent_assisted_diffs', 'weekly_active_ai_users',
    'deployment_frequency', 'lead_time_p50_hours', 'change_failure_rate',
    'time_to_first_review_p50_hours', 'throughput_per_engineer', 'pulse_satisfaction'];
  const BLUE = '#2f5fd0';
  const SOURCES = ['line', 'telemetry', 'author', 'trailer', 'declared'];
  const SOURCE_COLORS = { line: '#1e6e49', telemetry: '#2a9d8f', author: '#2f5fd0', trailer: '#8fa3e8', declared: '#c9a227' };
  const TOOL_COLORS = ['#6a3fb5', '#d9480f', '#0b7285', '#a61e4d', '#5c940d', '#e67700', '#495057'];
  const COVERAGE = {
    pullRequests: 'pull requests', reviews: 'reviews', deployments: 'deployments',
    incidents: 'incidents', agentTelemetry: 'agent telemetry', meetings: 'meetings', pulse: 'pulse survey'
  };

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
    if (status) {
      status.textContent = text;
      status.classList.toggle('error', Boolean(isError));
    }
  }

  function isShare(unit) { return unit === 'share'; }

  function drawable(value) {
    return typeof value === 'number' && isFinite(value);
  }

  function format(value, unit) {
    if (value === null || value === undefined) { return '–'; }
    if (!drawable(value)) { return 'cannot be shown (not a finite number)'; }
    if (isShare(unit)) { return (value * 100).toFixed(1) + ' %'; }
    if (unit === 'USD') { return '$' + value.toFixed(2); }
    if (unit === 'hours') { return value.toFixed(1) + ' h'; }
    if (unit === 'days') { return value.toFixed(value % 1 === 0 ? 0 : 1) + ' d'; }
    if (unit === 'gini') { return value.toFixed(2); }
    if (unit === 'tokens') { return Math.round(value).toLocaleString('en'); }
    if (unit && unit.startsWith('score')) { return value.toFixed(2) + ' / 5'; }
    return (Math.round(value * 100) / 100).toLocaleString('en');
  }

  function plotted(figure, unit) {
    if (!drawable(figure.value)) { return null; }
    return isShare(unit) ? figure.value * 100 : figure.value;
  }

  /** The last complete week's figure with a value, else the last with a value. */
  function latest(figures) {
    const complete = figures.filter(f => !f.partial && !f.noData);
    return complete.length ? complete[complete.length - 1] : (figures.length ? figures[figures.length - 1] : null);
  }

  function describe(figure, unit) {
    if (!figure || figure.noData) { return 'no data (no source covers it)'; }
    if (figure.withheld) { return figure.withheld; }
    let text = format(figure.value, unit);
    if (figure.num !== undefined && figure.den !== undefined && isShare(unit)) {
      text += ' (' + round(figure.num) + ' of ' + round(figure.den) + ')';
    }
    return text;
  }

  function round(n) { return Math.round(n * 10) / 10; }

  function notes(figures) {
    const withheld = figures.filter(f => f.withheld);
    const noData = figures.filter(f => f.noData);
    const parts = [];
    if (withheld.length) { parts.push(withheld.length + ' week(s) ' + withheld[0].withheld); }
    if (noData.length) { parts.push(noData.length + ' week(s) without a covering source'); }
    return parts.join('; ');
  }

  function drawChart(canvas, series, scope, target, height) {
    const unit = series.unit;
    const figures = series.figures;
    const datasets = [{
      label: series.title || series.metric,
      data: figures.map(f => plotted(f, unit)),
      borderColor: BLUE,
      backgroundColor: BLUE,
      tension: 0.2,
      spanGaps: false,
      pointRadius: height > 200 ? 4 : 3,
      pointHoverRadius: 6,
      pointBackgroundColor: figures.map(f => f.partial ? '#ffffff' : BLUE)
    }];
    if (target !== undefined && target !== null) {
      datasets.push({ label: 'target', data: figures.map(() => isShare(unit) ? target * 100 : target),
        borderColor: '#9aa3b5', borderDash: [6, 4], pointRadius: 0, pointHoverRadius: 0 });
    }
    return new Chart(canvas, {
      type: 'line',
      data: { labels: figures.map(f => f.week), datasets: datasets },
      options: {
        maintainAspectRatio: false,
        animation: false,
        onClick: (event, elements) => {
          const point = elements.find(e => e.datasetIndex === 0);
          if (point) {
            const figure = figures[point.index];
            if (!figure.noData) { openDrilldown(scope, series, figure); }
          }
        },
        onHover: (event, elements) => {
          event.native.target.style.cursor = elements.some(e => e.datasetIndex === 0) ? 'pointer' : 'default';
        },
        plugins: {
          legend: { display: false },
          tooltip: {
            callbacks: {
              label: ctx => ctx.datasetIndex === 1
                ? 'target ' + format(target, unit)
                : describe(figures[ctx.dataIndex], unit) + (figures[ctx.dataIndex].tier ? ' · ' + figures[ctx.dataIndex].tier : '') +
                  (figures[ctx.dataIndex].partial ? ' · week in progress' : '') + ' — click for the items behind it'
            }
          }
        },
        scales: {
          x: { ticks: { maxTicksLimit: 7, font: { size: 10 } } },
          y: { beginAtZero: true, ticks: { font: { size: 10 } },
               title: { display: height > 200, text: isShare(unit) ? '%' : unit } }
        }
      }
    });
  }

  function card(series, scope, target, withTier) {
    const last = latest(series.figures);
    const value = el('p', { class: 'value', text: describe(last, series.unit) });
    if (withTier && last && last.tier) { value.appendChild(el('span', { class: 'tier ' + last.tier, text: last.tier })); }
    const children = [
      el('h3', { text: series.title }),
      el('p', { class: 'explain', text: series.definition })
    ];
    children.push(value);
    const meta = [];
    if (last && !last.noData) { meta.push('week ' + last.week); }
    if (target !== undefined && target !== null) {
      const met = last && last.value !== null && last.value !== undefined && last.value >= target;
      meta.push('target ≥ ' + format(target, series.unit) + (last && last.value !== undefined && last.value !== null ? (met ? ' · met' : ' · not met') : ''));
      children.push(el('p', { class: 'target ' + (met ? 'met' : 'missed'), text: meta.join(' · ') }));
    } else if (meta.length) {
      children.push(el('p', { class: 'target', text: meta.join(' · ') }));
    }
    const canvas = el('canvas', { role: 'img', 'aria-label': series.title + ', 26 weeks', 'data-metric': series.metric });
    children.push(el('div', { class: 'chart-box' }, [canvas]));
    const note = notes(series.figures);
    if (note) { children.push(el('p', { class: 'note', text: note })); }
    const node = el('article', { class: 'card', id: 'card-' + series.metric }, children);
    return { node: node, draw: () => drawChart(canvas, series, scope, target, 150) };
  }

  function mini(series, scope) {
    const last = latest(series.figures);
    const canvas = el('canvas', { role: 'img', 'aria-label': series.title + ', 26 weeks', 'data-metric': series.metric });
    const latestText = el('span', { class: 'latest', text: describe(last, series.unit) });
    const head = el('h4', { text: series.title + ' ' }, []);
    const children = [head, latestText];
    if (last && last.tier) { children.push(el('span', { class: 'tier ' + last.tier, text: last.tier })); }
    children.push(el('p', { class: 'def', text: series.definition }));
    children.push(el('div', { class: 'chart-box' }, [canvas]));
    const note = notes(series.figures);
    if (note) { children.push(el('p', { class: 'note', text: note })); }
    return { node: el('div', { class: 'mini', id: 'mini-' + series.metric }, children), draw: () => drawChart(canvas, series, scope, null, 150) };
  }

  function percent(share) {
    return share === null || share === undefined ? '—' : round(share * 100) + ' %';
  }

  // a week's split as chart values: the share of added lines each key holds, in %
  function splitSeries(figures, field, keys) {
    return keys.map(key => figures.map(f => f[field] && f[field][key] !== undefined ? round(f[field][key] * 100) : (f.value === null || f.value === undefined ? null : 0)));
  }

  function stackedChart(canvas, figures, field, keys, colors, title) {
    const values = splitSeries(figures, field, keys);
    return new Chart(canvas, {
      type: 'bar',
      data: {
        labels: figures.map(f => f.week),
        datasets: keys.map((key, i) => ({ label: key, data: values[i], backgroundColor: colors(key, i), stack: 'share' }))
      },
      options: {
        maintainAspectRatio: false,
        animation: false,
        plugins: { legend: { position: 'bottom', labels: { boxWidth: 12, font: { size: 11 } } },
          tooltip: { callbacks: { label: ctx => ctx.dataset.label + ' ' + ctx.parsed.y + ' % of added lines' } },
          title: { display: true, text: title, font: { size: 12 } } },
        scales: {
          x: { stacked: true, ticks: { maxTicksLimit: 7, font: { size: 10 } } },
          y: { stacked: true, beginAtZero: true, ticks: { font: { size: 10 } }, title: { display: true, text: '% of added lines' } }
        }
      }
    });
  }

  function splitTable(total) {
    const rows = [];
    rows.push(el('tr', {}, [el('th', { text: 'AI code share' }), el('td', { class: 'num', text: percent(total.value) })]));
    rows.push(el('tr', {}, [el('th', { text: 'exact part (line-level and agent-authored)' }), el('td', { class: 'num', text: percent(total.exact) })]));
    Object.entries(total.bySource || {}).forEach(([k, v]) => rows.push(el('tr', { class: 'by-source' }, [el('th', { text: 'source: ' + k }), el('td', { class: 'num', text: percent(v) })])));
    Object.entries(total.byTool || {}).sort((a, b) => b[1] - a[1]).forEach(([k, v]) => rows.push(el('tr', { class: 'by-tool' }, [el('th', { text: 'tool: ' + k }), el('td', { class: 'num', text: percent(v) })])));
    if (total.num !== undefined && total.den !== undefined) {
      rows.push(el('tr', {}, [el('th', { text: 'AI lines / added lines' }), el('td', { class: 'num', text: Math.round(total.num).toLocaleString() + ' / ' + Math.round(total.den).toLocaleString() })]));
    }
    return el('table', { class: 'figures-table split-table', id: 'ai-split-table' }, [el('tbody', {}, rows)]);
  }

  // the AI code share of the scope over the page's weeks: totals, and the weekly split by source and by tool
  function renderAiSplit(root, series) {
    const box = document.getElementById('ai-split');
    if (!box || !series) { return Promise.resolve(); }
    const scope = root.dataset.scope;
    const url = '/api/metrics?scope=' + encodeURIComponent(scope) + '&metric=ai_code_share&granularity=total&from=' + root.dataset.from + '&to=' + root.dataset.to;
    return getJson(url).then(answer => {
      const total = answer.metrics[0].figures[0];
      box.replaceChildren();
      if (total.withheld) {
        box.appendChild(el('p', { class: 'withheld', text: 'AI code share ' + root.dataset.from + ' to ' + root.dataset.to + ': ' + total.withheld }));
        return;
      }
      if (total.value === null || total.value === undefined) {
        box.appendChild(el('p', { class: 'muted', text: 'No changes landed in these weeks, or no source covers them.' }));
        return;
      }
      box.appendChild(el('div', { class: 'split-summary' }, [el('h3', { text: 'All weeks ' + root.dataset.from + ' to ' + root.dataset.to }), splitTable(total)]));
      const figures = series.figures;
      const tools = Array.from(new Set(figures.flatMap(f => Object.keys(f.byTool || {})))).sort();
      const sources = SOURCES.filter(k => figures.some(f => f.bySource && f.bySource[k] !== undefined));
      const bySource = el('canvas', { role: 'img', 'aria-label': 'AI code share by source, by week', id: 'ai-by-source' });
      const byTool = el('canvas', { role: 'img', 'aria-label': 'AI code share by tool, by week', id: 'ai-by-tool' });
      box.appendChild(el('div', { class: 'chart-box split-chart' }, [bySource]));
      box.appendChild(el('div', { class: 'chart-box split-chart' }, [byTool]));
      stackedChart(bySource, figures, 'bySource', sources, k => SOURCE_COLORS[k] || '#868e96', 'By source, each week');
      stackedChart(byTool, figures, 'byTool', tools, (k, i) => TOOL_COLORS[i % TOOL_COLORS.length], 'By tool, each week');
    });
  }

  function coverage(data) {
    const box = document.getElementById('coverage');
    box.textContent = 'Sources covering these weeks: ';
    Object.entries(COVERAGE).forEach(([key, label]) => {
      box.appendChild(el('span', {
        class: 'chip ' + (data.coverage[key] ? 'on' : 'off'),
        title: data.coverage[key] ? label + ' covered' : 'no ' + label + ' source: its figures show no data, not zero',
        text: label
      }));
    });
  }

  // "data as of", and while a bulk load is absorbed how many stored facts the figures still miss
  function freshness(answer) {
    const asOf = answer.dataAsOf || 'no data yet';
    document.getElementById('data-as-of').textContent = answer.catchingUp
      ? asOf + ' (catching up: ' + answer.factsWaiting + ' facts wait)'
      : asOf;
  }

  function renderScopePage(root) {
    const scope = root.dataset.scope;
    const targets = JSON.parse(root.dataset.targets || '{}');
    const url = '/api/metrics?scope=' + encodeURIComponent(scope) + '&from=' + root.dataset.from + '&to=' + root.dataset.to;
    Promise.all([getJson('/api/metrics/catalog'), getJson(url)])
      .then(([catalog, data]) => {
        const byId = {};
        catalog.forEach(m => { byId[m.id] = m; });
        const series = {};
        data.metrics.forEach(s => {
          Object.assign(s, { title: byId[s.metric].title, definition: byId[s.metric].definition, group: byId[s.metric].group });
          series[s.metric] = s;
        });
        freshness(data);
        coverage(data);
        const draws = [];
        HEADLINE.forEach(id => {
          const c = card(series[id], scope, targets[id], false);
          document.getElementById('headline').appendChild(c.node);
          draws.push(c.draw);
        });
        DORA.forEach(id => {
          const c = card(series[id], scope, null, true);
          document.getElementById('dora').appendChild(c.node);
          draws.push(c.draw);
        });
        const groups = {};
        catalog.forEach(m => { (groups[m.group] = groups[m.group] || []).push(m.id); });
        const all = document.getElementById('all-figures');
        Object.entries(groups).forEach(([group, ids]) => {
          all.appendChild(el('h3', { class: 'group', text: group }));
          const grid = el('div', { class: 'mini-grid' });
          ids.forEach(id => {
            const m = mini(series[id], scope);
            grid.appendChild(m.node);
            draws.push(m.draw);
          });
          all.appendChild(grid);
        });
        draws.forEach(draw => draw());
        renderAiSplit(root, series.ai_code_share)
          .catch(err => setStatus('Could not load the AI code share split: ' + err.message, true));
        const withValues = data.metrics.filter(s => s.figures.some(f => f.value !== null && f.value !== undefined)).length;
        setStatus(withValues + ' of ' + data.metrics.length + ' metrics have values in these weeks.');
      })
      .catch(err => setStatus('Could not load figures: ' + err.message, true));
  }

  function openDrilldown(scope, series, figure) {
    const dialog = document.getElementById('drilldown');
    const body = document.getElementById('drilldown-body');
    document.getElementById('drilldown-title').textContent = series.title + ' · ' + scope + ' · ' + figure.week;
    body.textContent = 'Loading…';
    if (!dialog.open) { dialog.showModal(); }
    const url = '/api/metrics/drilldown?scope=' + encodeURIComponent(scope) + '&metric=' + encodeURIComponent(series.metric) +
      '&week=' + encodeURIComponent(figure.week);
    getJson(url).then(d => renderDrilldown(body, series, d)).catch(err => { body.textContent = 'Could not load: ' + err.message; });
  }

  function renderDrilldown(body, series, d) {
    body.textContent = '';
    const f = d.figure;
    const summary = 'Value ' + describe(f, series.unit) + (f.tier ? ' · tier ' + f.tier : '') + ' · ' + d.count + ' items' +
      (f.num !== undefined ? ' · num ' + round(f.num) : '') + (f.den !== undefined ? ' · den ' + round(f.den) : '') +
      (f.people !== undefined && f.people !== null ? ' · group of ' + f.people + ' people' : '') +
      (f.partial ? ' · week in progress' : '');
    body.appendChild(el('p', { text: summary }));
    body.appendChild(el('p', { class: 'explain', text: series.definition }));
    if (d.withheld) {
      body.appendChild(el('p', { class: 'withheld', text: d.withheld + ': the items behind it are not shown either.' }));
      return;
    }
    const table = el('table', { class: 'drill-items' });
    table.appendChild(el('thead', {}, [el('tr', {}, ['What', 'Fact', 'Why it counts (linkage rule)', 'num', 'den', 'value'].map(h => el('th', { text: h })))]));
    const tbody = el('tbody');
    d.items.forEach(item => {
      const fact = item.link ? el('a', { href: item.link, target: '_blank', rel: 'noopener', text: item.ref }) : el('span', { text: item.ref || '' });
      tbody.appendChild(el('tr', {}, [
        el('td', { text: item.kind }),
        el('td', {}, [fact]),
        el('td', { class: 'rule', text: item.rule }),
        // a percentile's items are samples: their num and den mean nothing
        el('td', { class: 'num', text: item.num === undefined || item.sample !== undefined ? '' : String(round(item.num)) }),
        el('td', { class: 'num', text: item.den === undefined || item.sample !== undefined ? '' : String(round(item.den)) }),
        el('td', { class: 'num', text: item.sample === undefined ? '' : format(item.sample, series.unit) })
      ]));
    });
    table.appendChild(tbody);
    body.appendChild(table);
  }

  function renderPodsPage(root) {
    const url = '/api/metrics/table?kind=pod&week=' + encodeURIComponent(root.dataset.week) +
      '&metric=' + POD_COLUMNS.join(',');
    Promise.all([getJson('/api/metrics/catalog'), getJson(url)])
      .then(([catalog, table]) => {
        const byId = {};
        catalog.forEach(m => { byId[m.id] = m; });
        const head = document.querySelector('#pods-table thead');
        head.appendChild(el('tr', {}, [el('th', { text: 'Pod' })].concat(
          POD_COLUMNS.map(id => el('th', { title: byId[id].definition, text: byId[id].title })))));
        const body = document.querySelector('#pods-table tbody');
        table.rows.forEach(row => {
          const cells = [el('td', {}, [el('a', { href: '/pods/' + encodeURIComponent(row.scope.substring(4)), text: row.name })])];
          POD_COLUMNS.forEach(id => {
            const f = row.figures[id];
            const td = el('td', {});
            if (f.withheld) {
              td.appendChild(el('span', { class: 'withheld', title: f.withheld, text: 'withheld' }));
            } else {
              td.textContent = f.noData ? '–' : format(f.value, byId[id].unit);
              if (f.noData) { td.title = 'no data: no source covers this pod that week'; }
              if (f.tier) { td.appendChild(el('span', { class: 'tier ' + f.tier, text: f.tier })); }
            }
            cells.push(td);
          });
          body.appendChild(el('tr', {}, cells));
        });
        freshness(table);
        setStatus(table.rows.length + (table.rows.length === 1 ? ' pod' : ' pods') + ', week ' + table.week + '.');
      })
      .catch(err => setStatus('Could not load pods: ' + err.message, true));
  }

  document.addEventListener('DOMContentLoaded', () => {
    const scopePage = document.getElementById('scope-page');
    if (scopePage) { renderScopePage(scopePage); }
    const podsPage = document.getElementById('pods-page');
    if (podsPage) { renderPodsPage(podsPage); }
  });
})();
