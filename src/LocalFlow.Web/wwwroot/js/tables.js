// A table wider than its column (on a phone, say) scrolls inside its own box instead of making the whole page scroll
// sideways. A box that scrolls can be reached with the Tab key and is named after its table's caption or its chart's
// title (docs/exports.md, "Small screens"). Without JavaScript the page itself scrolls, as before.
(function () {
  'use strict';
  var welsh = document.documentElement.lang === 'cy';

  function text(el) {
    return el ? el.textContent.replace(/\s+/g, ' ').trim() : '';
  }

  // Let the keyboard reach a box that scrolls, and name it for screen readers.
  function reachable(box, name, role) {
    if (box.scrollWidth <= box.clientWidth || box.hasAttribute('tabindex')) {
      return;
    }
    box.tabIndex = 0;
    box.setAttribute('role', role);
    if (!box.hasAttribute('aria-label') && !box.hasAttribute('aria-labelledby')) {
      box.setAttribute('aria-label', name);
    }
  }

  function fit() {
    var tables = document.querySelectorAll('table.govuk-table');
    for (var i = 0; i < tables.length; i++) {
      var table = tables[i];
      var parent = table.parentElement;
      if (!parent) {
        continue;
      }
      if (!parent.classList.contains('lf-table-scroll')) {
        if (table.offsetWidth <= parent.clientWidth) {
          continue;
        }
        var box = document.createElement('div');
        box.className = 'lf-table-scroll';
        parent.insertBefore(box, table);
        box.appendChild(table);
        parent = box;
      }
      reachable(parent, text(table.querySelector('caption')) || (welsh ? 'Tabl' : 'Table'), 'region');
    }
    var canvases = document.querySelectorAll('.lf-chart__canvas');
    for (var j = 0; j < canvases.length; j++) {
      reachable(canvases[j], text(canvases[j].querySelector('svg title')) || (welsh ? 'Siart' : 'Chart'), 'group');
    }
  }

  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', fit);
  } else {
    fit();
  }
  window.addEventListener('resize', fit);
  document.addEventListener('htmx:afterSettle', fit);
})();
