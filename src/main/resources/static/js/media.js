// Media pages: the focal point picker (click the image; the number fields follow, and the marker follows the number
// fields), and the upload size check before a large file is sent only to be refused.
(function () {
  function clamp(value) {
    return Math.min(1, Math.max(0, value));
  }

  function field(picker, axis) {
    var form = picker.closest('section') || document;
    return form.querySelector('input[data-focal="' + axis + '"]');
  }

  function place(picker, x, y) {
    var marker = picker.querySelector('.focal-marker');
    if (marker && !isNaN(x) && !isNaN(y)) {
      marker.style.left = (clamp(x) * 100) + '%';
      marker.style.top = (clamp(y) * 100) + '%';
    }
  }

  document.addEventListener('click', function (event) {
    var picker = event.target.closest ? event.target.closest('[data-focal-picker]') : null;
    var image = picker ? picker.querySelector('img') : null;
    if (!image) {
      return;
    }
    var box = image.getBoundingClientRect();
    var x = clamp((event.clientX - box.left) / box.width);
    var y = clamp((event.clientY - box.top) / box.height);
    var fx = field(picker, 'x');
    var fy = field(picker, 'y');
    if (fx && fy) {
      fx.value = x.toFixed(3);
      fy.value = y.toFixed(3);
    }
    place(picker, x, y);
  });

  document.addEventListener('input', function (event) {
    var target = event.target;
    if (!target.matches || !target.matches('input[data-focal]')) {
      return;
    }
    var picker = document.querySelector('[data-focal-picker]');
    if (picker) {
      place(picker, parseFloat(field(picker, 'x').value), parseFloat(field(picker, 'y').value));
    }
  });

  document.addEventListener('change', function (event) {
    var target = event.target;
    if (!target.matches || !target.matches('input[type="file"][data-max-bytes]')) {
      return;
    }
    var max = parseInt(target.getAttribute('data-max-bytes'), 10);
    var file = target.files && target.files[0];
    target.setCustomValidity(file && file.size > max ? target.getAttribute('data-too-large') : '');
    target.reportValidity();
  });
})();
