// A fake Safaricom Daraja (M-Pesa STK Push) on 127.0.0.1 for the end-to-end suite. It checks each request the way
// /work/shared/reference/integrations.md documents Daraja (Basic then Bearer auth, the STK password
// base64(shortcode + passkey + timestamp), the field formats), answers in Daraja's forms (its error envelope included),
// and, once the test "enters the PIN" (approve), posts the STK callback to the CallBackURL it was given, as Safaricom does.
// e2e/run.sh points the API at it: Payments:Mpesa:BaseUrl = http://127.0.0.1:$ELIMU_FAKE_DARAJA_PORT with the
// credentials below, and CallbackBaseUrl = the API's own address.
import { createServer } from 'node:http';
import { randomBytes } from 'node:crypto';

export const DARAJA = { consumerKey: 'e2e-consumer-key', consumerSecret: 'e2e-consumer-secret', shortCode: '174379', passkey: 'e2e-passkey' };

const envelope = (errorCode, errorMessage) => ({ requestId: `${Date.now()}-${randomBytes(3).toString('hex')}`, errorCode, errorMessage });

export function startFakeDaraja(port = Number(process.env.ELIMU_FAKE_DARAJA_PORT)) {
  const tokens = new Set();
  /** STK pushes as received, with their state: pending until approve/decline. */
  const pushes = [];
  /** Every request that was refused, with the reason (a test asserts there were none). */
  const refused = [];
  const waiting = [];

  const refuse = (res, status, code, message) => {
    refused.push(`${code} ${message}`);
    send(res, status, envelope(code, message));
  };
  const send = (res, status, body) => {
    res.writeHead(status, { 'Content-Type': 'application/json' });
    res.end(JSON.stringify(body));
  };
  const bearer = (req) => tokens.has((req.headers.authorization ?? '').replace(/^Bearer /, ''));
  const passwordProblem = (b) => {
    if (b.BusinessShortCode !== DARAJA.shortCode) return 'BusinessShortCode';
    if (!/^\d{14}$/.test(b.Timestamp ?? '')) return 'Timestamp';
    const expected = Buffer.from(DARAJA.shortCode + DARAJA.passkey + b.Timestamp).toString('base64');
    return b.Password === expected ? null : 'Password';
  };

  const server = createServer(async (req, res) => {
    const url = new URL(req.url, 'http://127.0.0.1');
    let raw = '';
    for await (const chunk of req) raw += chunk;
    let body = {};
    try {
      body = raw ? JSON.parse(raw) : {};
    } catch {
      return refuse(res, 400, '400.002.02', 'Bad Request - Invalid JSON');
    }

    if (req.method === 'GET' && url.pathname === '/oauth/v1/generate') {
      const basic = `Basic ${Buffer.from(`${DARAJA.consumerKey}:${DARAJA.consumerSecret}`).toString('base64')}`;
      if (url.searchParams.get('grant_type') !== 'client_credentials') return refuse(res, 400, '400.008.02', 'Invalid grant type passed');
      if (req.headers.authorization !== basic) return refuse(res, 400, '400.008.01', 'Invalid Authentication passed');
      const token = randomBytes(12).toString('hex');
      tokens.add(token);
      return send(res, 200, { access_token: token, expires_in: '3599' }); // a string, as in Daraja's samples
    }

    if (req.method === 'POST' && url.pathname === '/mpesa/stkpush/v1/processrequest') {
      if (!bearer(req)) return refuse(res, 404, '404.001.03', 'Invalid Access Token');
      const bad = passwordProblem(body)
        || (!['CustomerPayBillOnline', 'CustomerBuyGoodsOnline'].includes(body.TransactionType) && 'TransactionType')
        || (!(Number.isInteger(body.Amount) && body.Amount >= 1) && 'Amount')
        || (!/^254[17]\d{8}$/.test(String(body.PhoneNumber)) && 'PhoneNumber')
        || (body.PartyA !== body.PhoneNumber && 'PartyA')
        || (body.PartyB !== DARAJA.shortCode && 'PartyB')
        || (!/^https?:\/\/[^?#]+$/.test(body.CallBackURL ?? '') && 'CallBackURL')
        || (!(typeof body.AccountReference === 'string' && body.AccountReference.length >= 1 && body.AccountReference.length <= 12) && 'AccountReference')
        || (!(typeof body.TransactionDesc === 'string' && body.TransactionDesc.length >= 1 && body.TransactionDesc.length <= 13) && 'TransactionDesc');
      if (bad) return refuse(res, 400, '400.002.02', `Bad Request - Invalid ${bad}`);
      const push = {
        merchantRequestId: `${randomBytes(2).toString('hex')}-${Date.now()}`,
        checkoutRequestId: `ws_CO_${Date.now()}${randomBytes(4).toString('hex')}`,
        request: body,
        state: 'pending',
        receipt: null,
        callbackAnswer: null,
      };
      pushes.push(push);
      for (const w of waiting.splice(0)) w(push);
      return send(res, 200, {
        MerchantRequestID: push.merchantRequestId, CheckoutRequestID: push.checkoutRequestId, ResponseCode: '0',
        ResponseDescription: 'Success. Request accepted for processing', CustomerMessage: 'Success. Request accepted for processing',
      });
    }

    if (req.method === 'POST' && url.pathname === '/mpesa/stkpushquery/v1/query') {
      if (!bearer(req)) return refuse(res, 404, '404.001.03', 'Invalid Access Token');
      const bad = passwordProblem(body);
      if (bad) return refuse(res, 400, '400.002.02', `Bad Request - Invalid ${bad}`);
      const push = pushes.find((p) => p.checkoutRequestId === body.CheckoutRequestID);
      if (!push) return refuse(res, 400, '400.002.02', 'Bad Request - Invalid CheckoutRequestID');
      // While the payer has the prompt open Daraja answers with its error envelope (not a refusal of ours).
      if (push.state === 'pending') return send(res, 500, envelope('500.001.1001', 'The transaction is being processed'));
      const paid = push.state === 'paid';
      return send(res, 200, {
        ResponseCode: '0', ResponseDescription: 'The service request has been accepted successsfully',
        MerchantRequestID: push.merchantRequestId, CheckoutRequestID: push.checkoutRequestId,
        ResultCode: paid ? '0' : '1032', ResultDesc: paid ? 'The service request is processed successfully.' : 'Request cancelled by user',
      });
    }

    return refuse(res, 404, '404.001.01', `Resource not found: ${req.method} ${url.pathname}`);
  });

  /** Safaricom's callback to the URL the push named; remembers the API's answer. */
  async function deliver(push, stkCallback) {
    const response = await fetch(push.request.CallBackURL, {
      method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ Body: { stkCallback } }),
    });
    push.callbackAnswer = { status: response.status, body: await response.json().catch(() => null) };
    return push.callbackAnswer;
  }

  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve({
      pushes,
      refused,
      /** The next STK push (or the latest one if it already came). */
      nextPush: () => new Promise((r) => waiting.push(r)),
      /** The payer enters the PIN: the query now says paid, and the callback with the amount and receipt goes out. */
      approve(push) {
        push.state = 'paid';
        push.receipt = `QKM${randomBytes(4).toString('hex').toUpperCase().slice(0, 7)}`;
        const stamp = new Date(Date.now() + 3 * 3600_000).toISOString().replace(/\D/g, '').slice(0, 14);
        return deliver(push, {
          MerchantRequestID: push.merchantRequestId, CheckoutRequestID: push.checkoutRequestId, ResultCode: 0,
          ResultDesc: 'The service request is processed successfully.',
          CallbackMetadata: { Item: [
            { Name: 'Amount', Value: push.request.Amount }, { Name: 'MpesaReceiptNumber', Value: push.receipt }, { Name: 'Balance' },
            { Name: 'TransactionDate', Value: Number(stamp) }, { Name: 'PhoneNumber', Value: Number(push.request.PhoneNumber) },
          ] },
        });
      },
      /** The payer cancels the prompt (1032): no metadata, as Daraja sends a failure. */
      decline(push) {
        push.state = 'cancelled';
        return deliver(push, { MerchantRequestID: push.merchantRequestId, CheckoutRequestID: push.checkoutRequestId, ResultCode: 1032, ResultDesc: 'Request cancelled by user' });
      },
      close: () => new Promise((r) => server.close(() => r())),
    }));
  });
}
