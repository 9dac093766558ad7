'use strict';
// Drives the server with the official JavaScript Socket.IO client and prints one JSON line of
// results for the JUnit test to check.
// Usage: node scenario.js <baseUrl> <websocket|polling> <token> <token without audio> <forged token>
// Exit status 0 with {"ok":true,...}; anything else prints {"ok":false,"error":...} and exits 1.
const { io } = require('socket.io-client');

const [base, mode, goodToken, noAudioToken, forgedToken] = process.argv.slice(2);
const STEP_MS = 10000;
const results = {};

function client(namespace, auth) {
  return io(base + namespace, {
    path: '/socket.io',
    transports: mode === 'websocket' ? ['websocket'] : ['polling', 'websocket'],
    upgrade: true,
    forceNew: true,
    reconnection: false,
    auth,
  });
}

// resolves with the first event `name` whose payload satisfies `test`, or fails after STEP_MS
function next(socket, name, test = () => true) {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no ${name} within ${STEP_MS} ms`)), STEP_MS);
    const handler = (...args) => {
      if (test(...args)) {
        clearTimeout(timer);
        socket.off(name, handler);
        resolve(args);
      }
    };
    socket.on(name, handler);
  });
}

function withTimeout(promise, what) {
  return Promise.race([promise, new Promise((_, reject) => setTimeout(() => reject(new Error(`no ${what} within ${STEP_MS} ms`)), STEP_MS))]);
}

async function main() {
  const token = { token: goodToken };

  // main namespace: snapshot on connect, subscribe, streaming, request with and without ack
  const main = client('/', token);
  const snapshot = next(main, 'aircraft:snapshot');
  await next(main, 'connect');
  results.mainSid = main.id;
  const [snap] = await snapshot;
  results.snapshotCount = snap.aircraft.length;
  results.snapshotHasSeq = typeof snap.seq === 'number';

  const subscribed = next(main, 'subscribed');
  main.emit('subscribe', { topics: ['aircraft'] });
  results.subscribed = (await subscribed)[0].topics;

  const [batch] = await next(main, 'batch', (b) => Array.isArray(b.messages) && b.messages.length > 0);
  results.batchCount = batch.count;
  results.batchTypes = [...new Set(batch.messages.map((m) => m.type))].sort();

  const response = next(main, 'response', (r) => r.request_id === 'js-1');
  main.emit('request', { type: 'aircraft-stats', request_id: 'js-1' });
  const [resp] = await response;
  results.responseType = resp.request_type;
  results.responseHasData = resp.data !== undefined;

  const [acked] = await withTimeout(new Promise((resolve) => main.emit('request', { type: 'aircraft-stats', request_id: 'js-2' },
    (...args) => resolve(args))), 'request ack');
  results.ackType = acked.type;
  results.ackRequestId = acked.request_id;

  const [pong] = await withTimeout(new Promise((resolve) => main.emit('ping', {}, (...args) => resolve(args))), 'ping ack');
  results.pingAckArgs = pong === undefined ? 0 : 1;

  const [error] = await withTimeout(new Promise((resolve) => main.emit('request', { request_id: 'js-3' }, (...args) => resolve(args))), 'error ack');
  results.errorAck = error.message;

  if (mode !== 'websocket') {
    if (main.io.engine.transport.name !== 'websocket') {
      await withTimeout(new Promise((resolve) => main.io.engine.once('upgrade', resolve)), 'upgrade');
    }
    // data still flows after the upgrade
    await next(main, 'batch');
  }
  results.transport = main.io.engine.transport.name;

  // the dedicated namespaces
  const audio = client('/audio', token);
  const [audioSnap] = await next(audio, 'audio:snapshot');
  results.audioSnapshot = Array.isArray(audioSnap.transmissions);

  const cannonball = client('/cannonball', token);
  const [started] = await next(cannonball, 'session_started');
  results.cannonballSession = typeof started.session_id === 'string' && started.session_id.length > 0;

  const acars = client('/acars', token);
  await next(acars, 'connect');
  results.acarsConnected = acars.connected;

  // refusals
  const anonymous = client('/', undefined);
  results.noTokenError = (await next(anonymous, 'connect_error'))[0].message;
  const forged = client('/', { token: forgedToken });
  results.forgedTokenError = (await next(forged, 'connect_error'))[0].message;
  const noAudio = client('/audio', { token: noAudioToken });
  results.noAudioPermissionError = (await next(noAudio, 'connect_error'))[0].message;
  const unknown = client('/nope', token);
  results.unknownNamespaceError = (await next(unknown, 'connect_error'))[0].message;

  // leaving: the client sees its own reason
  const gone = next(acars, 'disconnect');
  acars.disconnect();
  results.disconnectReason = (await gone)[0];

  for (const s of [main, audio, cannonball, anonymous, forged, noAudio, unknown]) {
    s.disconnect();
  }
  return results;
}

main().then((r) => {
  process.stdout.write(JSON.stringify({ ok: true, ...r }) + '\n');
  process.exit(0);
}, (err) => {
  process.stdout.write(JSON.stringify({ ok: false, error: String(err && err.message || err), ...results }) + '\n');
  process.exit(1);
});
