// What the pages' scripts share: building elements, asking the API (its problem's detail as the
// error), and the status line under a page. No inline script, so a strict Content-Security-Policy
// holds.
window.Page = (function () {
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

  function request(url, options) {
    return fetch(url, Object.assign({ headers: { Accept: 'application/json', 'Content-Type': 'application/json' } }, options || {})).then(r => {
      if (!r.ok) { return r.json().catch(() => ({})).then(p => { throw new Error(p.detail || ('HTTP ' + r.status)); }); }
      return r.json();
    });
  }

  function setStatus(text, isError) {
    const status = document.getElementById('page-status');
    status.textContent = text;
    status.className = isError ? 'status error' : 'status';
  }

  return { el: el, request: request, setStatus: setStatus };
})();
