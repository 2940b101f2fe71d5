// The room's screen: listens for updates (server-sent events) and swaps in the live region the server
// rendered. The page already shows the current state without this script; EventSource reconnects by
// itself after a restart of the bot, and the first event after reconnecting is the current state.
'use strict';
(function () {
  var live = document.getElementById('live');
  var status = document.getElementById('connection');
  if (!live || !live.dataset.stream || typeof EventSource === 'undefined') return;
  var source = new EventSource(live.dataset.stream);
  function say(text) {
    if (status && status.textContent !== text) status.textContent = text;
  }
  source.addEventListener('state', function (event) {
    var state = JSON.parse(event.data);
    live.innerHTML = state.html; // escaped by the server; no participant text is ever interpreted here
    document.documentElement.setAttribute('data-updated', String(Date.now()));
    say(live.dataset.connected || '');
  });
  source.addEventListener('open', function () {
    document.documentElement.setAttribute('data-connected', 'yes');
    say(live.dataset.connected || '');
  });
  source.addEventListener('error', function () {
    document.documentElement.setAttribute('data-connected', 'no');
    say(live.dataset.reconnecting || '');
  });
})();
