// A weekly report page: regenerating makes a new revision (the stored one never changes), then the
// page shows it. No inline script, so a strict Content-Security-Policy holds.
(function () {
  'use strict';
  const report = document.getElementById('weekly-report');
  const button = document.getElementById('regenerate');
  if (!report || !button) { return; }
  const status = document.getElementById('regenerate-status');
  button.addEventListener('click', () => {
    button.disabled = true;
    status.textContent = 'Writing a new revision…';
    const query = 'scope=' + encodeURIComponent(report.dataset.scope) + '&week=' + encodeURIComponent(report.dataset.week);
    fetch('/api/reports/weekly?' + query, { method: 'POST', headers: { Accept: 'application/json' } })
      .then(r => r.json().then(body => {
        if (!r.ok) { throw new Error(body.detail || ('HTTP ' + r.status)); }
        window.location.href = '/reports/weekly?' + query + '&revision=' + body.revision;
      }))
      .catch(e => { status.textContent = e.message; status.classList.add('error'); button.disabled = false; });
  });
})();
