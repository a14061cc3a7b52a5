import assert from 'node:assert/strict';
import { test } from 'node:test';
import { Webhook } from 'standardwebhooks';
import { generateWebhookSecret, signatureHeader } from '../../src/webhooks/webhook-secret.js';

test('the node:crypto signature is byte-identical to standardwebhooks, and verifies with each live secret', () => {
  const [a, b] = [generateWebhookSecret(), generateWebhookSecret()];
  assert.match(a, /^whsec_[A-Za-z0-9+/]{32}$/);
  const id = 'msg_2KWPBgLlAfxdpx2AI54pPJ85f4W';
  const timestamp = 1_796_000_000;
  const body = '{"type":"tech.entropy.webhook.ping","data":{"é":"ü"}}';
  assert.equal(signatureHeader([a], id, timestamp, body), new Webhook(a).sign(id, new Date(timestamp * 1000), body));
  const both = signatureHeader([b, a], id, timestamp, body);
  assert.equal(both.split(' ').length, 2);
  const now = Math.floor(Date.now() / 1000);
  const fresh = signatureHeader([b, a], id, now, body);
  for (const secret of [a, b]) {
    new Webhook(secret).verify(body, { 'webhook-id': id, 'webhook-timestamp': String(now), 'webhook-signature': fresh });
  }
  assert.throws(() =>
    new Webhook(generateWebhookSecret()).verify(body, { 'webhook-id': id, 'webhook-timestamp': String(now), 'webhook-signature': fresh }),
  );
});
