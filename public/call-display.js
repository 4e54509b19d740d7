// The waiting-room display (/aufruf/{officeId}): live through Server-Sent
// Events (the body's data-events). Redraws the calls on every `calls` event,
// highlights the newest, announces it, and rings a short WebAudio gong when
// the chime is on (off by default: browsers only allow sound after a click;
// the choice is remembered on this device). EventSource reconnects by itself
// (the server's `retry:`); if it gives up (an error answer during a restart)
// or nothing came for 40 s, a new one is opened. While disconnected the
// status line says so. The clock ticks in the office's time zone.
(function () {
  'use strict';
  var body = document.body;
  var url = body.getAttribute('data-events');
  if (!url || !window.EventSource) return;
  var tz = body.getAttribute('data-tz') || undefined;
  var locale = body.getAttribute('data-locale') || 'de';
  var other = locale === 'de' ? 'en' : 'de';
  var status = document.getElementById('cd-status');
  var list = document.getElementById('cd-list');
  var announce = document.getElementById('cd-announce');
  var clock = document.getElementById('cd-clock');
  var chimeButton = document.getElementById('cd-chime');
  var KEY = 'amtszeit-call-display-chime';
  var chime = false;
  try { chime = window.localStorage.getItem(KEY) === 'on'; } catch (e) { /* private mode */ }
  var audio = null;
  var source = null;
  var lastSeen = Date.now();
  var retryTimer = null;
  var newest = newestKey();

  function newestKey() {
    var li = list.querySelector('.cd-call');
    return li ? li.getAttribute('data-number') + '@' + li.getAttribute('data-at') : '';
  }

  function el(tag, cls, text) {
    var e = document.createElement(tag);
    if (cls) e.className = cls;
    if (text != null) e.textContent = text;
    return e;
  }

  function render(calls) {
    list.textContent = '';
    if (calls.length === 0) {
      var p = el('p', 'cd-none');
      var label = el('span', 'cd-label');
      label.appendChild(el('span', 'cd-first', body.getAttribute('data-none')));
      var second = el('span', 'cd-second', body.getAttribute('data-none2'));
      second.lang = other;
      label.appendChild(second);
      p.appendChild(label);
      list.appendChild(p);
      return;
    }
    var ol = el('ol', 'cd-calls');
    calls.forEach(function (c, i) {
      var li = el('li', i === 0 ? 'cd-call cd-newest' : 'cd-call');
      li.setAttribute('data-number', c.number);
      li.setAttribute('data-at', c.at);
      li.appendChild(el('span', 'cd-num', c.number));
      var arrow = el('span', 'cd-arrow', '→');
      arrow.setAttribute('aria-hidden', 'true');
      li.appendChild(arrow);
      li.appendChild(el('span', 'cd-sr', ' ' + body.getAttribute('data-to') + ' '));
      li.appendChild(el('span', 'cd-desk', c.desk));
      li.appendChild(el('span', 'cd-time', c.time + (c.count > 1 ? ' · ' + body.getAttribute('data-again') : '')));
      ol.appendChild(li);
    });
    list.appendChild(ol);
  }

  function onCalls(calls) {
    render(calls);
    var key = calls.length ? calls[0].number + '@' + calls[0].at : '';
    if (key && key !== newest) {
      var first = list.querySelector('.cd-newest');
      if (first) first.classList.add('cd-flash');
      announce.textContent = calls[0].number + ' ' + body.getAttribute('data-to') + ' ' + calls[0].desk;
      if (chime) ring();
    }
    newest = key;
  }

  function ring() {
    try {
      var Ctx = window.AudioContext || window.webkitAudioContext;
      if (!Ctx) return;
      audio = audio || new Ctx();
      if (audio.state === 'suspended') audio.resume();
      // two soft tones, like a gong: 660 Hz then 880 Hz
      [[660, 0], [880, 0.35]].forEach(function (tone) {
        var osc = audio.createOscillator();
        var gain = audio.createGain();
        var t0 = audio.currentTime + tone[1];
        osc.type = 'sine';
        osc.frequency.value = tone[0];
        gain.gain.setValueAtTime(0.0001, t0);
        gain.gain.exponentialRampToValueAtTime(0.4, t0 + 0.03);
        gain.gain.exponentialRampToValueAtTime(0.0001, t0 + 0.9);
        osc.connect(gain).connect(audio.destination);
        osc.start(t0);
        osc.stop(t0 + 1);
      });
    } catch (e) { /* no sound on this device */ }
  }

  function showChime() {
    var first = chimeButton.querySelector('.cd-first');
    var second = chimeButton.querySelector('.cd-second');
    first.textContent = body.getAttribute(chime ? 'data-chime-off' : 'data-chime-on');
    second.textContent = body.getAttribute(chime ? 'data-chime-off2' : 'data-chime-on2');
    chimeButton.setAttribute('aria-pressed', chime ? 'true' : 'false');
  }

  chimeButton.hidden = false;
  showChime();
  chimeButton.addEventListener('click', function () {
    chime = !chime;
    try { window.localStorage.setItem(KEY, chime ? 'on' : 'off'); } catch (e) { /* private mode */ }
    showChime();
    if (chime) ring();
  });

  function offline(yes) {
    status.hidden = !yes;
    body.classList.toggle('cd-offline', yes);
  }

  function connect() {
    retryTimer = null;
    if (source) source.close();
    source = new EventSource(url);
    lastSeen = Date.now();
    source.addEventListener('open', function () { lastSeen = Date.now(); offline(false); });
    source.addEventListener('calls', function (e) {
      lastSeen = Date.now();
      offline(false);
      try { onCalls(JSON.parse(e.data).calls || []); } catch (err) { /* a broken message: wait for the next */ }
    });
    source.addEventListener('ping', function () { lastSeen = Date.now(); offline(false); });
    source.addEventListener('error', function () {
      offline(true);
      // CLOSED: the browser gave up (an error answer while the server restarted); try again ourselves
      if (source.readyState === 2 && !retryTimer) retryTimer = setTimeout(connect, 3000);
    });
  }

  // nothing for 40 s (the heartbeat comes every 15 s): the link is dead without the browser noticing
  setInterval(function () {
    if (Date.now() - lastSeen > 40000 && !retryTimer) {
      offline(true);
      connect();
    }
  }, 5000);

  var fmt = null;
  try {
    fmt = new Intl.DateTimeFormat('de-DE', { timeZone: tz, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
  } catch (e) {
    fmt = new Intl.DateTimeFormat('de-DE', { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
  }
  function tick() { clock.textContent = fmt.format(new Date()); }
  setInterval(tick, 1000);
  tick();

  connect();
})();
