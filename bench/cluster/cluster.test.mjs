// Checks that two API instances on one PostgreSQL database and one Redis act as one product.
// Started by run.sh, which passes the two base URLs, the first instance's pid and both logs.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const require = createRequire(fileURLToPath(new URL('../../frontend/package.json', import.meta.url)));
const signalR = require('@microsoft/signalr');

const A = process.env.ELIMU_A;
const B = process.env.ELIMU_B;
const PASSWORD = 'Demo#2026!';

/** A browser-like session: keeps cookies (whatever instance set them) and echoes the XSRF token on unsafe methods. */
class Session {
  cookies = new Map();
  cookieHeader() { return [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; '); }
  async call(base, method, path, body) {
    const headers = { Cookie: this.cookieHeader(), Accept: 'application/json' };
    if (method !== 'GET' && this.cookies.has('XSRF-TOKEN')) headers['X-XSRF-TOKEN'] = decodeURIComponent(this.cookies.get('XSRF-TOKEN'));
    if (body !== undefined) headers['Content-Type'] = 'application/json';
    const response = await fetch(base + path, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
    for (const line of response.headers.getSetCookie()) {
      const [pair] = line.split(';');
      const at = pair.indexOf('=');
      this.cookies.set(pair.slice(0, at).trim(), pair.slice(at + 1));
    }
    const text = await response.text();
    return { status: response.status, body: text ? JSON.parse(text) : null };
  }
  async ok(base, method, path, body) {
    const r = await this.call(base, method, path, body);
    assert.ok(r.status >= 200 && r.status < 300, `${method} ${path} on ${base}: ${r.status} ${JSON.stringify(r.body)}`);
    return r.body;
  }
  static async signIn(base, email) {
    const s = new Session();
    await s.call(base, 'GET', '/api/v1/auth/me'); // sets the XSRF cookie, as the login page does
    await s.ok(base, 'POST', '/api/v1/auth/login', { email, password: PASSWORD });
    return s;
  }
}

/** A partner's dashboard connection: the counters pushed to it, in order. */
async function watchCounters(base, session) {
  const pushed = [];
  const waiters = [];
  const connection = new signalR.HubConnectionBuilder()
    .withUrl(`${base}/hubs/partner`, { headers: { Cookie: session.cookieHeader() }, transport: signalR.HttpTransportType.LongPolling })
    .configureLogging(signalR.LogLevel.Warning)
    .build();
  connection.on('counters', (c) => { pushed.push(c); waiters.splice(0).forEach((w) => w()); });
  await connection.start();
  return {
    connection,
    pushed,
    async until(predicate, ms = 20000) {
      const deadline = Date.now() + ms;
      while (!pushed.some(predicate)) {
        assert.ok(Date.now() < deadline, `no push matched within ${ms} ms; pushed: ${JSON.stringify(pushed)}`);
        await new Promise((resolve) => { waiters.push(resolve); setTimeout(resolve, 250); });
      }
      return pushed.find(predicate);
    },
  };
}

const connections = [];
after(async () => { for (const c of connections) await c.stop().catch(() => {}); });

const runsJob = (log) => (readFileSync(log, 'utf8').match(/This instance now runs job child-alerts/g) ?? []).length;

test('a session opened on instance A works on instance B, antiforgery token included', async () => {
  const session = await Session.signIn(A, 'partner@elimu.demo');
  const me = await session.ok(B, 'GET', '/api/v1/auth/me');
  assert.equal(me.email, 'partner@elimu.demo');
  const overview = await session.ok(B, 'GET', '/api/v1/partner/dashboard/overview');
  assert.ok(overview, 'B answers the dashboard of a session A opened');
  assert.equal((await session.ok(A, 'GET', '/api/v1/auth/me')).email, 'partner@elimu.demo'); // A now holds the session's state in memory
  assert.equal((await session.call(B, 'POST', '/api/v1/auth/logout')).status, 204);
  // B's eviction reaches A through Redis at once; without it A would hold the old state up to SessionCache:MaxStalenessSeconds (3 s).
  let status; const deadline = Date.now() + 1500;
  while ((status = (await session.call(A, 'GET', '/api/v1/auth/me')).status) === 200 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
  assert.equal(status, 401, 'signing out on B ends the session on A too, well within the cache bound');
});

test('a consent given through A updates the counters of the partner watching on B', async () => {
  const watchers = [];
  for (const email of ['partner@elimu.demo', 'partner2@elimu.demo']) {
    const w = await watchCounters(B, await Session.signIn(B, email));
    connections.push(w.connection);
    watchers.push(w);
  }
  const before = await Promise.all(watchers.map((w) => w.until(() => true)));

  const parent = await Session.signIn(A, 'parent@elimu.demo');
  const me = await parent.ok(A, 'GET', '/api/v1/auth/me');
  const inbox = await parent.ok(A, 'GET', '/api/v1/parent/consents?status=pending');
  const waiting = (Array.isArray(inbox) ? inbox : inbox.items).filter((c) => c.status === 'pending');
  assert.ok(waiting.length > 0, 'the demo parent has a request waiting');
  const request = waiting[0];
  await parent.ok(A, 'POST', `/api/v1/partner/sponsorships/consent/${request.id}/respond`,
    { agree: true, signedName: me.displayName, consentTextVersion: request.consentTextVersion });

  // The partner whose program it is sees one request fewer waiting, pushed through B without a reload.
  const changed = await Promise.race(watchers.map((w, i) =>
    w.until((c) => c.pendingConsents === before[i].pendingConsents - 1).then((c) => ({ i, c }))));
  assert.equal(changed.c.childrenWithConsent, before[changed.i].childrenWithConsent + 1);
});

test('the child-alert job runs on exactly one instance, and the other takes it over when that one stops', async () => {
  const deadline = Date.now() + 20000;
  while (runsJob(process.env.LOG_A) + runsJob(process.env.LOG_B) === 0) {
    assert.ok(Date.now() < deadline, 'no instance took the child-alert job');
    await new Promise((r) => setTimeout(r, 250));
  }
  await new Promise((r) => setTimeout(r, 3000)); // several ticks of both instances
  const [a, b] = [runsJob(process.env.LOG_A), runsJob(process.env.LOG_B)];
  assert.equal(a + b, 1, `instances that took the job: A ${a}, B ${b}`);

  // Stop the runner; the other instance must take the job over once the runner's lock connection is gone.
  const [runner, other] = a === 1 ? ['A', 'B'] : ['B', 'A'];
  process.kill(Number(process.env[`PID_${runner}`]), 'SIGTERM');
  const until = Date.now() + 30000;
  while (runsJob(process.env[`LOG_${other}`]) === 0) {
    assert.ok(Date.now() < until, `${other} did not take the job over after ${runner} stopped`);
    await new Promise((r) => setTimeout(r, 250));
  }
});
