// A fake Stripe on 127.0.0.1 for the end-to-end suite: the API side of PaymentIntents (create, retrieve) checked the way
// /work/shared/reference/integrations.md documents Stripe (Bearer secret key, Idempotency-Key, form-encoded body,
// amount in minor units), a stand-in for Stripe.js served at /v3 that implements only what the card form calls
// (Stripe(pk).elements().create('card').mount/on/destroy, confirmCardPayment), the confirm call that stand-in makes from
// the browser (publishable key + client secret, as Stripe.js does), and the signed webhook Stripe then sends
// (Stripe-Signature: t=…,v1=HMAC-SHA256(whsec, "t.body")). e2e/run.sh points the API at it (Payments:Stripe:BaseUrl,
// JsUrl and BrowserApiUrl) with the keys below; the page's CSP allows this origin only because it is configured.
// Card numbers as Stripe's test cards: 4242 4242 4242 4242 succeeds, 4000 0000 0000 0002 is declined.
import { createServer } from 'node:http';
import { createHmac, randomBytes } from 'node:crypto';

export const STRIPE = { secretKey: 'sk_test_e2e', publishableKey: 'pk_test_e2e', webhookSecret: 'whsec_e2e' };

const id = (prefix) => `${prefix}_${randomBytes(12).toString('hex')}`;

/** The stand-in for Stripe.js, served as https://js.stripe.com/v3 would be. */
const STRIPE_JS = `(() => {
  const origin = new URL(document.currentScript.src).origin;
  window.Stripe = (key) => ({
    elements: () => ({
      create: (type) => {
        if (type !== 'card') throw new Error('fake Stripe.js: only the card element');
        let input = null;
        const handlers = [];
        return {
          mount: (target) => {
            input = document.createElement('input');
            input.className = 'input w-full';
            input.inputMode = 'numeric';
            input.autocomplete = 'cc-number';
            input.setAttribute('aria-label', 'Card number');
            input.setAttribute('data-testid', 'fake-stripe-card');
            input.addEventListener('input', () => {
              const digits = input.value.replace(/\\D/g, '');
              handlers.forEach((h) => h({ complete: digits.length === 16, empty: digits.length === 0 }));
            });
            target.appendChild(input);
          },
          on: (event, handler) => { if (event === 'change') handlers.push(handler); },
          destroy: () => { input?.remove(); input = null; },
          _number: () => (input ? input.value.replace(/\\D/g, '') : ''),
        };
      },
    }),
    confirmCardPayment: async (clientSecret, data) => {
      const intent = clientSecret.split('_secret_')[0];
      const body = new URLSearchParams({ key, client_secret: clientSecret, 'payment_method_data[type]': 'card',
        'payment_method_data[card][number]': data.payment_method.card._number() });
      const response = await fetch(origin + '/v1/payment_intents/' + intent + '/confirm', { method: 'POST', body });
      const json = await response.json();
      return json.error ? { error: json.error } : { paymentIntent: json };
    },
  });
})();
`;

export function startFakeStripe(port = Number(process.env.ELIMU_FAKE_STRIPE_PORT), apiBase = process.env.ELIMU_BASE_URL) {
  const intents = new Map();
  const byKey = new Map();
  const refused = [];
  /** Webhooks delivered, with the API's answer. */
  const webhooks = [];

  const send = (res, status, body, headers = {}) => {
    res.writeHead(status, { 'Content-Type': 'application/json', ...headers });
    res.end(JSON.stringify(body));
  };
  const refuse = (res, status, type, message, headers) => {
    refused.push(`${status} ${message}`);
    send(res, status, { error: { type, message } }, headers);
  };
  const secretAuth = (req) => req.headers.authorization === `Bearer ${STRIPE.secretKey}`;

  async function webhook(type, intent) {
    const event = { id: id('evt'), object: 'event', api_version: '2025-09-30.clover', created: Math.floor(Date.now() / 1000), livemode: false,
      pending_webhooks: 1, request: { id: null, idempotency_key: null }, type, data: { object: intent } };
    const payload = JSON.stringify(event);
    const t = Math.floor(Date.now() / 1000);
    const v1 = createHmac('sha256', STRIPE.webhookSecret).update(`${t}.${payload}`).digest('hex');
    const response = await fetch(`${apiBase}/api/v1/payments/stripe/webhook`, {
      method: 'POST', headers: { 'Content-Type': 'application/json', 'Stripe-Signature': `t=${t},v1=${v1}` }, body: payload,
    });
    webhooks.push({ type, intent: intent.id, status: response.status });
  }

  const server = createServer(async (req, res) => {
    const url = new URL(req.url, 'http://127.0.0.1');
    let raw = '';
    for await (const chunk of req) raw += chunk;
    const form = new URLSearchParams(raw);

    if (req.method === 'GET' && url.pathname === '/v3') {
      res.writeHead(200, { 'Content-Type': 'text/javascript; charset=utf-8', 'Cache-Control': 'no-store' });
      return res.end(STRIPE_JS);
    }

    if (req.method === 'POST' && url.pathname === '/v1/payment_intents') {
      if (!secretAuth(req)) return refuse(res, 401, 'invalid_request_error', 'Invalid API Key provided');
      const key = req.headers['idempotency-key'];
      if (!key) return refuse(res, 400, 'invalid_request_error', 'the API expects an Idempotency-Key');
      if (byKey.has(key)) return send(res, 200, intents.get(byKey.get(key)));
      const amount = Number(form.get('amount'));
      if (!/^\d+$/.test(form.get('amount') ?? '') || amount < 1) return refuse(res, 400, 'invalid_request_error', 'Invalid integer: amount');
      if (!/^[a-z]{3}$/.test(form.get('currency') ?? '')) return refuse(res, 400, 'invalid_request_error', 'Invalid currency');
      const intentId = id('pi');
      const intent = {
        id: intentId, object: 'payment_intent', amount, amount_received: 0, currency: form.get('currency'), status: 'requires_payment_method',
        client_secret: `${intentId}_secret_${randomBytes(8).toString('hex')}`, description: form.get('description'), livemode: false,
        metadata: { invoice_number: form.get('metadata[invoice_number]'), payment_id: form.get('metadata[payment_id]') },
        created: Math.floor(Date.now() / 1000), latest_charge: null, last_payment_error: null,
      };
      intents.set(intentId, intent);
      byKey.set(key, intentId);
      return send(res, 200, intent);
    }

    const retrieve = url.pathname.match(/^\/v1\/payment_intents\/(pi_\w+)$/);
    if (req.method === 'GET' && retrieve) {
      if (!secretAuth(req)) return refuse(res, 401, 'invalid_request_error', 'Invalid API Key provided');
      const intent = intents.get(retrieve[1]);
      return intent ? send(res, 200, intent) : refuse(res, 404, 'invalid_request_error', `No such payment_intent: '${retrieve[1]}'`);
    }

    // From the browser (the stand-in Stripe.js): a cross-origin form POST, answered with CORS as Stripe's API does.
    const confirm = url.pathname.match(/^\/v1\/payment_intents\/(pi_\w+)\/confirm$/);
    if (req.method === 'POST' && confirm) {
      const cors = { 'Access-Control-Allow-Origin': '*' };
      const intent = intents.get(confirm[1]);
      if (form.get('key') !== STRIPE.publishableKey) return refuse(res, 401, 'invalid_request_error', 'Invalid publishable key', cors);
      if (!intent || form.get('client_secret') !== intent.client_secret) return refuse(res, 400, 'invalid_request_error', 'client_secret does not match', cors);
      if (intent.status === 'succeeded') return refuse(res, 400, 'invalid_request_error', 'This PaymentIntent has already succeeded', cors);
      const number = form.get('payment_method_data[card][number]') ?? '';
      if (number === '4242424242424242') {
        Object.assign(intent, { status: 'succeeded', amount_received: intent.amount, latest_charge: id('ch'), last_payment_error: null });
        send(res, 200, intent, cors);
        return webhook('payment_intent.succeeded', intent);
      }
      const error = { type: 'card_error', code: 'card_declined', decline_code: 'generic_decline', message: 'Your card was declined.' };
      Object.assign(intent, { status: 'requires_payment_method', last_payment_error: error });
      send(res, 402, { error: { ...error, payment_intent: intent } }, cors);
      return webhook('payment_intent.payment_failed', intent);
    }

    return refuse(res, 404, 'invalid_request_error', `Unrecognized request URL (${req.method}: ${url.pathname})`);
  });

  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve({
      intents, refused, webhooks,
      close: () => new Promise((r) => server.close(() => r())),
    }));
  });
}
