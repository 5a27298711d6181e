/* global document, window, location */
// The embedding page's side of the postMessage API (see the README): send commands, show events.
const NS = 'service-explainer';

for (const button of document.querySelectorAll('button[data-command]')) {
  button.addEventListener('click', () => {
    const frame = document.getElementById(button.dataset.target);
    const message = { ns: NS, type: button.dataset.command };
    if (button.dataset.step !== undefined) message.step = Number(button.dataset.step);
    // Target the embed's own origin: it is this site here; use the embed's origin when it is another.
    frame.contentWindow.postMessage(message, location.origin);
  });
}

window.addEventListener('message', (event) => {
  const data = event.data;
  if (!data || data.ns !== NS) return;
  const frame = [...document.querySelectorAll('iframe')].find((f) => f.contentWindow === event.source);
  if (!frame) return;
  const log = document.getElementById(`events-${frame.id.slice(-1)}`);
  if (data.type === 'resize') return;
  const text =
    data.type === 'ready' ? `ready: ${data.hops} hops`
    : data.type === 'hop' ? `hop ${data.step}: ${data.layer} ${data.src} → ${data.dst}`
    : data.type === 'outcome' ? `outcome: ${data.outcome}${data.reason ? ` (${data.reason})` : ''}`
    : data.type;
  log.textContent = text;
  log.dataset.last = data.type;
});
