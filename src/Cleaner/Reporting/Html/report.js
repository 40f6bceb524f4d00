// Filters (package, action, reason kind, source, text) and sorting, offline. The filters also read
// the page's #hash (e.g. #action=delete&kind=retention), so a filtered view can be shared as a link.
(function () {
  var filters = Array.prototype.slice.call(document.querySelectorAll('[data-filter]'));
  var rows = Array.prototype.slice.call(document.querySelectorAll('tr.decision'));
  function matches(row) {
    return filters.every(function (f) {
      var want = f.value.trim().toLowerCase();
      if (!want) return true;
      var have = (row.getAttribute('data-' + f.getAttribute('data-filter')) || '').toLowerCase();
      return f.tagName === 'INPUT' ? have.indexOf(want) >= 0 : have.split(' ').indexOf(want) >= 0;
    });
  }
  function apply() {
    var shown = 0;
    rows.forEach(function (row) { var ok = matches(row); row.hidden = !ok; if (ok) shown++; });
    document.querySelectorAll('details.package').forEach(function (d) {
      d.hidden = d.querySelectorAll('tr.decision:not([hidden])').length === 0;
    });
    document.getElementById('shown').textContent = shown + ' of ' + rows.length + ' versions shown';
    var hash = filters.filter(function (f) { return f.value; }).map(function (f) { return f.getAttribute('data-filter') + '=' + encodeURIComponent(f.value); }).join('&');
    try { history.replaceState(null, '', hash ? '#' + hash : location.pathname); } catch (e) { /* file: URLs may refuse */ }
  }
  (location.hash || '').replace(/^#/, '').split('&').forEach(function (pair) {
    var kv = pair.split('=');
    filters.forEach(function (f) { if (f.getAttribute('data-filter') === kv[0]) f.value = decodeURIComponent(kv[1] || ''); });
  });
  filters.forEach(function (f) { f.addEventListener('input', apply); f.addEventListener('change', apply); });
  document.querySelectorAll('th[data-sort]').forEach(function (th) {
    th.addEventListener('click', function () {
      var key = th.getAttribute('data-sort');
      var descending = th.getAttribute('aria-sort') === 'ascending';
      document.querySelectorAll('th[data-sort]').forEach(function (o) { o.removeAttribute('aria-sort'); });
      document.querySelectorAll('th[data-sort="' + key + '"]').forEach(function (o) { o.setAttribute('aria-sort', descending ? 'descending' : 'ascending'); });
      document.querySelectorAll('table.decisions tbody').forEach(function (body) {
        var sorted = Array.prototype.slice.call(body.rows).sort(function (a, b) {
          var x = a.getAttribute('data-' + key) || '', y = b.getAttribute('data-' + key) || '';
          var c = x.localeCompare(y, undefined, { numeric: true });
          return descending ? -c : c;
        });
        sorted.forEach(function (row) { body.appendChild(row); });
      });
    });
  });
  apply();
})();
