// The publishing calendar: FullCalendar in the person's time zone, language and first day of the week, fed by
// /calendar/events with the filters of the form above it. Dragging a post asks /calendar/posts/{id}/schedule to move
// it; when the server refuses, the post snaps back and the reason (in the person's language) shows in the alert region.
(function () {
  'use strict';

  var element = document.getElementById('calendar');
  if (!element || typeof FullCalendar === 'undefined') {
    return;
  }
  var text = element.dataset;
  var filters = document.getElementById('calendar-filters');
  var alertRegion = document.getElementById('calendar-alert');
  var statusRegion = document.getElementById('calendar-status-message');
  var COLOUR = /^#[0-9a-f]{6}$/i;

  // FullCalendar knows only UTC and the browser's own zone unless a plugin tells it the offsets of a named zone;
  // the browser's Intl API knows them all, so this small one asks it.
  function ZoneClock(name) {
    this.timeZoneName = name;
    this.fields = new Intl.DateTimeFormat('en-US', {
      timeZone: name, hourCycle: 'h23', year: 'numeric', month: 'numeric', day: 'numeric',
      hour: 'numeric', minute: 'numeric', second: 'numeric'
    });
  }
  // the wall clock in the zone at an instant, as [year, month (0-11), day, hour, minute, second, millisecond]
  ZoneClock.prototype.timestampToArray = function (ms) {
    var parts = {};
    this.fields.formatToParts(new Date(ms)).forEach(function (part) {
      parts[part.type] = Number(part.value);
    });
    return [parts.year, parts.month - 1, parts.day, parts.hour % 24, parts.minute, parts.second,
      ((ms % 1000) + 1000) % 1000];
  };
  // minutes ahead of UTC at an instant
  ZoneClock.prototype.offsetAt = function (ms) {
    return Math.round((Date.UTC.apply(null, this.timestampToArray(ms)) - ms) / 60000);
  };
  // minutes ahead of UTC at a wall-clock time in the zone (a time skipped by a clock change takes the later offset)
  ZoneClock.prototype.offsetForArray = function (wall) {
    var asUtc = Date.UTC.apply(null, wall);
    return this.offsetAt(asUtc - this.offsetAt(asUtc) * 60000);
  };
  var zonePlugin = FullCalendar.createPlugin({ name: 'chorus-zone', namedTimeZonedImpl: ZoneClock });

  var zone = text.zone;
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: zone });
  }
  catch (unknownToTheBrowser) {
    zone = 'UTC';
  }

  function format(message, value) {
    return message.replace('{0}', value);
  }

  function alarm(message) {
    alertRegion.textContent = message;
  }

  function say(message) {
    statusRegion.textContent = message;
  }

  function optionText(selectId, value) {
    var select = document.getElementById(selectId);
    var option = select ? select.querySelector('option[value="' + CSS.escape(value) + '"]') : null;
    return option ? option.textContent : null;
  }

  function statusLabel(status) {
    return optionText('calendar-status', status) || status;
  }

  function channelLabel(channel) {
    return optionText('calendar-channel', channel.id) || (channel.name || text.textChannelGone);
  }

  // black or white text, whichever reads better on the campaign's colour (WCAG relative luminance)
  function inkOn(colour) {
    var luminance = [1, 3, 5].map(function (at) {
      var c = parseInt(colour.substr(at, 2), 16) / 255;
      return c <= 0.03928 ? c / 12.92 : Math.pow((c + 0.055) / 1.055, 2.4);
    });
    return 0.2126 * luminance[0] + 0.7152 * luminance[1] + 0.0722 * luminance[2] > 0.179 ? '#1d2330' : '#ffffff';
  }

  function toEvent(post) {
    var event = {
      id: post.id, title: post.title, start: post.start, url: post.url, editable: post.editable,
      classNames: ['chorus-post', 'status-' + post.status].concat(post.editable ? [] : ['fixed']),
      extendedProps: { status: post.status, channels: post.channels, campaign: post.campaign }
    };
    if (post.campaign && COLOUR.test(post.campaign.colour)) {
      event.backgroundColor = post.campaign.colour;
      event.borderColor = post.campaign.colour;
      event.textColor = inkOn(post.campaign.colour);
    }
    return event;
  }

  function filterQuery() {
    var query = new URLSearchParams();
    new FormData(filters).forEach(function (value, name) {
      if (value !== '') {
        query.set(name, value);
      }
    });
    return query;
  }

  function load(range, success, failure) {
    var query = filterQuery();
    query.set('from', range.start.toISOString());
    query.set('to', range.end.toISOString());
    fetch(text.eventsUrl + '?' + query.toString(), {
      credentials: 'same-origin', headers: { Accept: 'application/json' }
    })
      .then(function (response) {
        if (!response.ok) {
          throw new Error('the calendar feed answered ' + response.status);
        }
        return response.json();
      })
      .then(function (feed) {
        var truncated = format(text.textTruncated, feed.events.length);
        if (feed.truncated) {
          say(truncated);
        }
        else if (statusRegion.textContent === truncated) {
          say('');
        }
        success(feed.events.map(toEvent));
      })
      .catch(function (error) {
        alarm(text.textLoadFailed);
        failure(error);
      });
  }

  function span(className, content) {
    var node = document.createElement('span');
    node.className = className;
    node.textContent = content;
    return node;
  }

  function content(arg) {
    var box = document.createElement('span');
    box.className = 'post-event';
    if (arg.timeText && arg.view.type.indexOf('list') !== 0) {
      box.appendChild(span('post-time', arg.timeText));
    }
    var status = arg.event.extendedProps.status;
    box.appendChild(span('post-status status-' + status, statusLabel(status)));
    box.appendChild(span('post-title', arg.event.title || text.textNoText));
    return { domNodes: [box] };
  }

  function describe(arg) {
    var props = arg.event.extendedProps;
    var lines = [arg.event.title || text.textNoText, statusLabel(props.status)];
    if (props.campaign) {
      lines.push(props.campaign.name);
    }
    lines.push(props.channels.map(channelLabel).join(', '));
    if (!arg.event.startEditable && arg.el.closest('.calendar.movable')) {
      lines.push(text.textNotMovable);
    }
    arg.el.setAttribute('title', lines.filter(Boolean).join('\n'));
  }

  function when(date) {
    return new Intl.DateTimeFormat(text.language, { dateStyle: 'medium', timeStyle: 'short', timeZone: zone })
      .format(date);
  }

  function csrfHeaders() {
    var headers = { 'Content-Type': 'application/json', Accept: 'application/json' };
    var header = document.querySelector('meta[name="csrf-header"]');
    var token = document.querySelector('meta[name="csrf-token"]');
    if (header && token) {
      headers[header.content] = token.content;
    }
    return headers;
  }

  function move(info) {
    var start = info.event.start;
    alarm('');
    say('');
    if (!start || start.getTime() < Date.now()) {
      info.revert();
      alarm(text.textPast);
      return;
    }
    fetch(text.postsUrl + encodeURIComponent(info.event.id) + '/schedule', {
      method: 'POST', credentials: 'same-origin', headers: csrfHeaders(),
      body: JSON.stringify({ scheduledAt: start.toISOString() })
    })
      .then(function (response) {
        return response.json()
          .catch(function () {
            return {};
          })
          .then(function (body) {
            return { ok: response.ok, body: body };
          });
      })
      .then(function (answer) {
        if (!answer.ok) {
          info.revert();
          alarm(answer.body.detail || text.textMoveFailed);
          // the refusal may come from a change made elsewhere (withdrawn, sent to review): show the post as it is now
          calendar.refetchEvents();
          return;
        }
        say(format(text.textMoved, when(start)));
        calendar.refetchEvents();
      })
      .catch(function () {
        info.revert();
        alarm(text.textMoveFailed);
      });
  }

  var narrow = window.matchMedia('(max-width: 40rem)').matches;
  var calendar = new FullCalendar.Calendar(element, {
    plugins: [zonePlugin],
    timeZone: zone,
    locale: text.language,
    firstDay: Number(text.firstDay),
    initialView: narrow ? 'listMonth' : 'dayGridMonth',
    headerToolbar: { left: 'prev,next today', center: 'title', right: 'dayGridMonth,timeGridWeek,listMonth' },
    buttonText: { today: text.textToday, month: text.textMonth, week: text.textWeek, list: text.textList },
    buttonHints: { prev: text.textPrev, next: text.textNext, today: text.textToday },
    views: {
      dayGridMonth: { buttonText: text.textMonth },
      timeGridWeek: { buttonText: text.textWeek },
      listMonth: { buttonText: text.textList }
    },
    height: 'auto',
    allDaySlot: false,
    allDayText: text.textAllDay,
    moreLinkText: text.textMore,
    noEventsText: text.textNoEvents,
    dayMaxEvents: 4,
    eventDisplay: 'block',
    editable: true,
    eventDurationEditable: false,
    eventResizableFromStart: false,
    events: load,
    eventContent: content,
    eventDidMount: describe,
    eventDrop: move,
    // a month or a list as tall as it is; a week's 24 hours in a box that opens at eight in the morning
    viewDidMount: function (arg) {
      var week = arg.view.type === 'timeGridWeek';
      calendar.setOption('height', week ? 760 : 'auto');
      if (week) {
        window.setTimeout(function () {
          calendar.scrollToTime('08:00:00');
        }, 0);
      }
    },
    loading: function (busy) {
      element.setAttribute('aria-busy', busy ? 'true' : 'false');
    }
  });
  calendar.render();

  filters.addEventListener('change', function () {
    var query = filterQuery().toString();
    window.history.replaceState(null, '', window.location.pathname + (query ? '?' + query : ''));
    alarm('');
    calendar.refetchEvents();
  });
  filters.addEventListener('submit', function (event) {
    event.preventDefault();
    calendar.refetchEvents();
  });
})();
