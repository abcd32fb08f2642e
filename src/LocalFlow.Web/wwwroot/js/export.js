// Charts download as PNG: the server makes the chart's SVG (?download=svg), the browser draws it on a canvas at twice
// its size and saves that. There is no image library on the server to do it, and without scripts the link stays hidden.
(function () {
  'use strict';
  function save(blob, name) {
    var url = URL.createObjectURL(blob);
    var a = document.createElement('a');
    a.href = url;
    a.download = name;
    document.body.appendChild(a);
    a.click();
    a.remove();
    setTimeout(function () { URL.revokeObjectURL(url); }, 1000);
  }
  function png(link) {
    fetch(link.getAttribute('href'), { credentials: 'same-origin' })
      .then(function (r) { if (!r.ok) { throw new Error('The chart could not be downloaded (' + r.status + ').'); } return r.text(); })
      .then(function (svg) {
        var img = new Image();
        img.onload = function () {
          var canvas = document.createElement('canvas');
          canvas.width = img.naturalWidth * 2;
          canvas.height = img.naturalHeight * 2;
          var g = canvas.getContext('2d');
          g.fillStyle = '#ffffff';
          g.fillRect(0, 0, canvas.width, canvas.height);
          g.drawImage(img, 0, 0, canvas.width, canvas.height);
          canvas.toBlob(function (blob) { save(blob, link.getAttribute('data-lf-png') + '.png'); }, 'image/png');
        };
        img.src = 'data:image/svg+xml;base64,' + btoa(unescape(encodeURIComponent(svg)));
      })
      .catch(function (e) { link.insertAdjacentText('afterend', ' ' + e.message); });
  }
  document.querySelectorAll('.lf-png[hidden]').forEach(function (s) { s.hidden = false; });
  document.addEventListener('click', function (e) {
    var link = e.target.closest && e.target.closest('a[data-lf-png]');
    if (link) {
      e.preventDefault();
      png(link);
    }
  });
}());
