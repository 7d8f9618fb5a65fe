// The operator console: every call goes to a service's own admin API through the console's
// pass-through (/services/<name>/...), with the signed-in operator's access token.
'use strict';

const state = { token: null, services: [] };
const $ = (selector) => document.querySelector(selector);

async function call(service, path, options = {}) {
  const headers = { Accept: 'application/json', ...(options.headers || {}) };
  if (state.token) headers.Authorization = `Bearer ${state.token}`;
  const response = await fetch(`/services/${service}${path}`, { ...options, headers });
  const text = await response.text();
  const body = text ? JSON.parse(text) : null;
  if (!response.ok) {
    throw new Error(`${service} ${path}: ${response.status} ${(body && (body.detail || body.title)) || ''}`);
  }
  return body;
}

function cell(row, text, className) {
  const td = row.insertCell();
  td.textContent = text === null || text === undefined ? '' : String(text);
  if (className) td.className = className;
  return td;
}

function showError(error) { $('#error').textContent = error.message; }

async function signIn(event) {
  event.preventDefault();
  const form = new FormData(event.target);
  $('#sign-in-error').textContent = '';
  try {
    const tokens = await call('auth', '/api/auth/login', {
      method: 'POST', headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ login: form.get('login'), password: form.get('password') }),
    });
    state.token = tokens.accessToken;
    await call('auth', '/admin/outbox'); // 403 for an account without the ADMIN role
    $('#who').textContent = `signed in as ${form.get('login')}`;
    $('#sign-in').hidden = true;
    $('#console').hidden = false;
    start();
  } catch (error) {
    state.token = null;
    $('#sign-in-error').textContent = error.message.includes(': 403')
      ? 'This account does not have the ADMIN role (docs/runbook.md says how operators get it).'
      : error.message;
  }
}

async function start() {
  state.services = Object.keys(await (await fetch('/console/services')).json());
  const select = $('#replay-form select[name=service]');
  state.services.forEach((service) => select.add(new Option(service)));
  refresh();
  setInterval(refresh, 3000);
  streamEvents();
}

async function refresh() {
  await Promise.all([refreshOutbox(), refreshDeadLetters()]).catch(showError);
}

async function refreshOutbox() {
  const rows = await Promise.all(state.services.map(async (service) => [service, await call(service, '/admin/outbox')]));
  const body = $('#outbox tbody');
  body.replaceChildren();
  for (const [service, backlog] of rows) {
    const row = body.insertRow();
    row.dataset.service = service;
    cell(row, service); cell(row, backlog.pending); cell(row, backlog.oldestPending || '—'); cell(row, backlog.failed);
  }
}

async function refreshDeadLetters() {
  const rows = await Promise.all(state.services.map(async (service) => [service, await call(service, '/admin/dead-letters?limit=100')]));
  const body = $('#dead-letters tbody');
  body.replaceChildren();
  for (const [service, letters] of rows) {
    for (const letter of letters) {
      const row = body.insertRow();
      row.dataset.service = service;
      row.dataset.id = letter.id;
      cell(row, service); cell(row, letter.id); cell(row, letter.eventType || letter.routingKey);
      cell(row, `${letter.errorClass}: ${letter.errorMessage || ''}`, 'error-text');
      cell(row, letter.attempts); cell(row, letter.deadAt);
      const actions = cell(row, '');
      actions.append(button('Replay', () => decide(service, letter, 'replay')),
        button('Discard', () => decide(service, letter, 'discard')));
    }
  }
}

function button(label, onClick) {
  const element = document.createElement('button');
  element.textContent = label;
  element.addEventListener('click', onClick);
  return element;
}

async function decide(service, letter, action) {
  const what = `${action === 'replay' ? 'Replay' : 'Discard'} dead letter ${letter.id} (${letter.eventType || letter.routingKey}) of ${service}?`;
  if (!window.confirm(what)) return;
  try {
    if (action === 'replay') await call(service, `/admin/dead-letters/${letter.id}/replay`, { method: 'POST' });
    else await call(service, `/admin/dead-letters/${letter.id}`, { method: 'DELETE' });
    await refreshDeadLetters();
  } catch (error) { showError(error); }
}

async function replayOutbox(event) {
  event.preventDefault();
  const form = new FormData(event.target);
  const service = form.get('service');
  const request = { queue: form.get('queue'), fromEventId: form.get('fromEventId') };
  if (!window.confirm(`Replay ${service}'s outbox from ${request.fromEventId} to ${request.queue}?`)) return;
  try {
    const result = await call(service, '/admin/outbox/replay', {
      method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(request),
    });
    $('#replay-result').textContent = `${result.replayed} event(s) sent again to ${request.queue}`;
  } catch (error) { $('#replay-result').textContent = error.message; }
}

// The live stream: server-sent events read with fetch, since EventSource cannot send a token.
async function streamEvents() {
  const service = state.services.includes('user') ? 'user' : state.services[0];
  $('#stream-state').textContent = `streaming through ${service}`;
  try {
    const response = await fetch(`/services/${service}/admin/events/stream`, {
      headers: { Accept: 'text/event-stream', Authorization: `Bearer ${state.token}` },
    });
    if (!response.ok) throw new Error(`live events: ${response.status}`);
    const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
    let buffer = '';
    for (;;) {
      const { value, done } = await reader.read();
      if (done) break;
      buffer += value;
      let end;
      while ((end = buffer.indexOf('\n\n')) !== -1) {
        onServerSentEvent(buffer.slice(0, end));
        buffer = buffer.slice(end + 2);
      }
    }
  } catch (error) { showError(error); }
  $('#stream-state').textContent = 'stream ended; reconnecting';
  setTimeout(streamEvents, 2000);
}

function onServerSentEvent(block) {
  const lines = block.split('\n');
  const name = (lines.find((line) => line.startsWith('event:')) || 'event:message').slice(6).trim();
  const data = lines.filter((line) => line.startsWith('data:')).map((line) => line.slice(5)).join('\n');
  if (name !== 'event' || !data) return;
  const event = JSON.parse(data);
  const row = $('#events tbody').insertRow(0);
  row.dataset.type = event.type || event.routingKey;
  cell(row, event.occurredAt); cell(row, event.type || event.routingKey); cell(row, event.producer);
  cell(row, event.aggregateId); cell(row, event.correlationId);
  applyFilter(row);
  const body = $('#events tbody');
  while (body.rows.length > 500) body.deleteRow(-1);
}

function applyFilter(row) {
  const filter = $('#event-filter').value.trim().toLowerCase();
  row.hidden = filter !== '' && !row.textContent.toLowerCase().includes(filter);
}

$('#sign-in-form').addEventListener('submit', signIn);
$('#replay-form').addEventListener('submit', replayOutbox);
$('#event-filter').addEventListener('input', () => [...$('#events tbody').rows].forEach(applyFilter));
