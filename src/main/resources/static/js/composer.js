// The composer: a file uploaded from the media picker goes to the media library without leaving the page, then the
// picker is shown again with it ticked; and the chosen campaign's colour beside its menu.
(function () {
  function say(element, text) {
    if (element) {
      element.textContent = text || '';
      element.hidden = !text;
    }
  }

  function pickedWith(id) {
    var boxes = document.querySelectorAll('#media-picker input[name="mediaIds"]:checked');
    var picked = Array.prototype.map.call(boxes, function (box) { return box.value; });
    picked.push(id);
    return picked.map(function (value) { return 'mediaIds=' + encodeURIComponent(value); }).join('&');
  }

  function showPicker(id) {
    return window.htmx.ajax('GET', '/posts/media-picker?' + pickedWith(id),
      { target: '#media-picker', swap: 'outerHTML' }).then(function () {
      var live = document.querySelector('.composer-live');
      if (live) {
        window.htmx.trigger(live, 'change');
      }
    });
  }

  document.addEventListener('submit', function (event) {
    var form = event.target;
    if (!form.matches || !form.matches('form[data-media-upload]') || !window.fetch || !window.htmx) {
      return;
    }
    event.preventDefault();
    var error = document.getElementById('media-upload-error');
    var failed = form.getAttribute('data-failed');
    var button = document.querySelector('button[form="media-upload"]');
    say(error, '');
    if (button) {
      button.disabled = true;
    }
    window.fetch(form.action, { method: 'POST', body: new FormData(form), credentials: 'same-origin' })
      .then(function (response) {
        // the library answers a stored file by sending the browser to its page, and a refused one with its form again
        var stored = /\/media\/([0-9a-f-]{36})$/.exec(new URL(response.url).pathname);
        if (response.ok && stored) {
          return showPicker(stored[1]);
        }
        return response.text().then(function (html) {
          var page = new DOMParser().parseFromString(html, 'text/html');
          var problem = page.querySelector('#main .field-error, #main .error');
          say(error, problem && problem.textContent.trim() ? problem.textContent.trim() : failed);
        });
      })
      .catch(function () { say(error, failed); })
      .then(function () {
        if (button) {
          button.disabled = false;
        }
      });
  });

  document.addEventListener('change', function (event) {
    var select = event.target;
    if (!select.matches || !select.matches('select[data-campaign-dot]')) {
      return;
    }
    var dot = document.getElementById(select.getAttribute('data-campaign-dot'));
    var option = select.options[select.selectedIndex];
    var colour = option ? option.getAttribute('data-colour') : null;
    if (dot) {
      dot.style.background = colour || '';
      dot.classList.toggle('none', !colour);
    }
  });
})();
