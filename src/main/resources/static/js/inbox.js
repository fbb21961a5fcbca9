// The inbox pages: live updates from the inbox's Server-Sent Events stream, who else is on a conversation, saved
// replies filled in, and keyboard shortcuts. What is shown always comes from the server as escaped HTML (a row, a
// part of the page); this script never builds markup out of message text, and puts names in with textContent.
(function () {
  'use strict';
  var list = document.querySelector('[data-inbox-list]');
  var page = document.querySelector('[data-inbox-conversation]');
  var root = list || page;
  if (!root) {
    return;
  }

  function csrfHeaders(headers) {
    var name = document.querySelector('meta[name="csrf-header"]');
    var token = document.querySelector('meta[name="csrf-token"]');
    if (name && token) {
      headers[name.content] = token.content;
    }
    return headers;
  }

  // a form's fields posted for a JSON answer
  function postForm(url, fields) {
    return fetch(url, {
      method: 'POST', credentials: 'same-origin',
      headers: csrfHeaders({ 'Content-Type': 'application/x-www-form-urlencoded', Accept: 'application/json' }),
      body: new URLSearchParams(fields).toString()
    });
  }

  function fragment(html) {
    var template = document.createElement('template');
    template.innerHTML = html.trim();
    return template.content.firstElementChild;
  }

  // --- the live stream -------------------------------------------------------------------------------------------
  var status = root.querySelector('[data-live-status]');
  function showLive(on) {
    if (status) {
      status.textContent = root.getAttribute(on ? 'data-live-text' : 'data-live-lost');
      status.classList.toggle('on', on);
      status.classList.toggle('lost', !on);
    }
  }

  var wasLost = false;
  var stream = new EventSource('/inbox/stream');
  stream.addEventListener('ready', function () {
    showLive(true);
    if (wasLost) {
      // signals sent while we were away are not replayed: read afresh
      changed(null);
    }
    wasLost = false;
  });
  stream.addEventListener('error', function () {
    showLive(false);
    wasLost = true;
  });
  ['item', 'conversation', 'reply', 'sla'].forEach(function (kind) {
    stream.addEventListener(kind, function (event) {
      var signal = JSON.parse(event.data);
      if (kind === 'item' && list) {
        arrived(signal);
      } else {
        changed(signal.conversationId);
      }
    });
  });
  stream.addEventListener('presence', function (event) {
    var signal = JSON.parse(event.data);
    if (page && signal.conversationId === page.getAttribute('data-conversation')) {
      fetch(page.getAttribute('data-presence-url'), { credentials: 'same-origin', headers: { Accept: 'application/json' } })
        .then(function (r) { return r.ok ? r.json() : []; }).then(showPresence);
    }
  });
  window.addEventListener('pagehide', function () {
    stream.close();
  });

  // --- the list ----------------------------------------------------------------------------------------------------
  function rows() {
    return list ? Array.prototype.slice.call(list.querySelectorAll('tr.inbox-row')) : [];
  }

  function loadRow(itemId) {
    // in the list of conversations a row shows its conversation's newest message and how many it has
    var view = list.hasAttribute('data-by-conversation') ? '?view=conversations' : '';
    return fetch('/inbox/items/' + encodeURIComponent(itemId) + '/row' + view, { credentials: 'same-origin' })
      .then(function (r) { return r.ok ? r.text() : null; })
      .then(function (html) { return html ? fragment(html) : null; });
  }

  function arrived(signal) {
    if (list.querySelector('tr[data-item="' + signal.itemId + '"]')) {
      return;
    }
    if (list.getAttribute('data-live-insert') !== 'true') {
      var news = list.querySelector('[data-live-news]');
      if (news) {
        news.hidden = false;
      }
      return;
    }
    loadRow(signal.itemId).then(function (row) {
      if (!row || list.querySelector('tr[data-item="' + signal.itemId + '"]')) {
        return;
      }
      row.classList.add('arrived');
      list.querySelector('[data-inbox-rows]').prepend(row);
      list.querySelector('[data-inbox-table]').hidden = false;
      var empty = list.querySelector('[data-inbox-empty]');
      if (empty) {
        empty.hidden = true;
      }
      changed(signal.conversationId);
    });
  }

  function refreshRow(old) {
    return loadRow(old.getAttribute('data-item')).then(function (row) {
      if (!row || !old.parentNode) {
        return;
      }
      var ticked = old.querySelector('input[type=checkbox]');
      var box = row.querySelector('input[type=checkbox]');
      if (ticked && box) {
        box.checked = ticked.checked;
      }
      if (old.classList.contains('focused')) {
        row.classList.add('focused');
      }
      old.replaceWith(row);
    });
  }

  // --- the conversation page ---------------------------------------------------------------------------------------
  var refreshing = null;
  function refreshParts() {
    clearTimeout(refreshing);
    refreshing = setTimeout(function () {
      fetch(location.pathname, { credentials: 'same-origin' })
        .then(function (r) { return r.ok ? r.text() : null; })
        .then(function (html) {
          if (!html) {
            return;
          }
          var fresh = new DOMParser().parseFromString(html, 'text/html');
          page.querySelectorAll('[data-live-part]').forEach(function (part) {
            var replacement = fresh.getElementById(part.id);
            if (replacement) {
              part.innerHTML = replacement.innerHTML;
            }
          });
        });
    }, 250);
  }

  function changed(conversationId) {
    if (list) {
      rows().filter(function (row) {
        return conversationId === null || row.getAttribute('data-conversation') === conversationId;
      }).forEach(refreshRow);
    } else if (conversationId === null || conversationId === page.getAttribute('data-conversation')) {
      refreshParts();
    }
  }

  function showPresence(others) {
    var box = page.querySelector('[data-presence]');
    if (!box) {
      return;
    }
    box.textContent = '';
    others.forEach(function (other) {
      var line = document.createElement('p');
      var template = page.getAttribute(other.state === 'typing' ? 'data-typing' : 'data-viewing');
      line.textContent = template.replace('{name}', other.name);
      box.appendChild(line);
    });
    box.hidden = others.length === 0;
  }

  var typedAt = 0;
  function announce(state, keepalive) {
    return fetch(page.getAttribute('data-presence-url'), {
      method: 'POST', credentials: 'same-origin', keepalive: !!keepalive,
      headers: csrfHeaders({ 'Content-Type': 'application/json', Accept: 'application/json' }),
      body: JSON.stringify({ state: state })
    }).then(function (r) { return r.ok ? r.json() : null; })
      .then(function (others) {
        if (others) {
          showPresence(others);
        }
      })
      .catch(function () { /* the stream's status says when the server is gone */ });
  }

  if (page) {
    announce('viewing');
    setInterval(function () {
      announce(Date.now() - typedAt < 15000 ? 'typing' : 'viewing');
    }, 15000);
    document.addEventListener('input', function (event) {
      if (event.target.matches && event.target.matches('[data-typing]')) {
        var quiet = Date.now() - typedAt > 10000;
        typedAt = Date.now();
        if (quiet) {
          announce('typing');
        }
      }
    });
    window.addEventListener('pagehide', function () {
      announce('left', true);
    });

    var picker = page.querySelector('form.saved-picker');
    if (picker) {
      picker.addEventListener('submit', function (event) {
        event.preventDefault();
        var chosen = picker.querySelector('[data-saved-reply]').value;
        fetch(page.getAttribute('data-saved-reply-url') + encodeURIComponent(chosen),
          { credentials: 'same-origin', headers: { Accept: 'text/plain' } })
          .then(function (r) { return r.ok ? r.text() : null; })
          .then(function (text) {
            var field = document.getElementById('reply-text');
            if (text !== null && field) {
              field.value = text;
              field.focus();
            }
          });
      });
    }
    if (location.hash === '#reply') {
      var field = document.getElementById('reply-text');
      if (field) {
        field.focus();
      }
    }
  }

  // --- keyboard shortcuts ----------------------------------------------------------------------------------------
  function items() {
    return list ? rows() : Array.prototype.slice.call(page.querySelectorAll('li.message'));
  }

  function focused() {
    return items().filter(function (el) { return el.classList.contains('focused'); })[0] || null;
  }

  function move(step) {
    var all = items();
    if (all.length === 0) {
      return;
    }
    var at = all.indexOf(focused());
    var next = all[Math.max(0, Math.min(all.length - 1, at < 0 ? 0 : at + step))];
    all.forEach(function (el) { el.classList.remove('focused'); });
    next.classList.add('focused');
    next.scrollIntoView({ block: 'nearest' });
    if (page) {
      next.focus({ preventScroll: true });
    }
  }

  // says at once what a shortcut did, or why it was refused (the server words it in the reader's language)
  function tell(message, refused) {
    var box = list.querySelector('[data-key-result]');
    if (!box) {
      return;
    }
    box.textContent = message;
    box.classList.toggle('error', refused);
    box.classList.toggle('notice', !refused);
    box.setAttribute('role', refused ? 'alert' : 'status');
    box.hidden = false;
  }

  function bulk(row, fields) {
    fields.ids = row.getAttribute('data-conversation');
    postForm('/inbox/bulk', fields).then(function (response) {
      return response.json().catch(function () { return {}; }).then(function (answer) {
        tell(answer.message || list.getAttribute('data-key-failed'), !response.ok);
        changed(row.getAttribute('data-conversation'));
      });
    }).catch(function () {
      tell(list.getAttribute('data-key-failed'), true);
    });
  }

  function submit(selector) {
    var form = page.querySelector(selector);
    if (form) {
      form.requestSubmit();
    }
  }

  document.addEventListener('keydown', function (event) {
    if (event.ctrlKey || event.metaKey || event.altKey || event.defaultPrevented) {
      return;
    }
    var target = event.target;
    if (target.closest && target.closest('input, textarea, select, [contenteditable]')) {
      if (event.key === 'Escape' && target.blur) {
        target.blur();
      }
      return;
    }
    var row = list ? focused() : null;
    var handled = true;
    switch (event.key) {
      case 'j': move(1); break;
      case 'k': move(-1); break;
      case '?':
        var help = root.querySelector('#shortcuts');
        help.open = !help.open;
        if (help.open) {
          help.scrollIntoView({ block: 'nearest' });
        }
        break;
      case 'Enter':
        if (row) { location.href = row.getAttribute('data-href'); } else { handled = false; }
        break;
      case 'x':
        var box = row ? row.querySelector('input[type=checkbox]') : null;
        if (box) { box.checked = !box.checked; } else { handled = false; }
        break;
      case 'a':
        if (row) { bulk(row, { action: 'assign', assigneeId: 'me' }); } else if (page) { submit('form[data-assign-me]'); } else { handled = false; }
        break;
      case 'e':
        if (row) { bulk(row, { action: 'status', status: 'resolved' }); } else if (page) { submit('form[data-resolve]'); } else { handled = false; }
        break;
      case 'r':
        if (row) {
          location.href = row.getAttribute('data-href') + '#reply';
        } else if (page && document.getElementById('reply-text')) {
          document.getElementById('reply-text').focus();
        } else {
          handled = false;
        }
        break;
      case 'u':
        if (page) { location.href = '/inbox'; } else { handled = false; }
        break;
      default: handled = false;
    }
    if (handled) {
      event.preventDefault();
    }
  });
})();
