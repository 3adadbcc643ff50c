// A pasted raw request gives the signature headers (any case) and the body exactly as received.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseRawRequest } from '../../client/src/rawRequest';

test('headers in any case, the body with its line breaks and final newline', () => {
  const raw =
    'POST /acme/sms/sinchconversation/all HTTP/1.1\r\nHost: login-eu-c1.cc.sinch.com\r\n' +
    'X-Sinch-Webhook-Signature-Nonce: 01FJA8B4A7BM43YGWSG9GBV067\r\nx-sinch-webhook-signature-timestamp:1634579353\r\n' +
    'x-sinch-webhook-signature: 6bpJoRmFoXVjfJIVglMoJzYXxnoxRujzR4k2GOXewOE=\r\n\r\n{\n  "a": 1\n}\n';
  assert.deepEqual(parseRawRequest(raw), {
    nonce: '01FJA8B4A7BM43YGWSG9GBV067',
    timestamp: '1634579353',
    signature: '6bpJoRmFoXVjfJIVglMoJzYXxnoxRujzR4k2GOXewOE=',
    rawBody: '{\n  "a": 1\n}\n',
  });
});

test('a body with blank lines of its own keeps them; no blank line means no body', () => {
  assert.equal(parseRawRequest('x-sinch-webhook-signature: s\n\nline 1\n\nline 3').rawBody, 'line 1\n\nline 3');
  assert.deepEqual(parseRawRequest('x-sinch-webhook-signature: s'), { signature: 's' });
});
