// The webhook signature check against the official test vector (docs/sources.md#webhook-secrets-and-signatures) and the
// usual mistakes.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { computeSignature, verifySignature } from '../../server/src/service/signature';

const BODY =
  '{"app_id":"","accepted_time":"2021-10-18T17:49:13.813615Z","project_id":"e2df3a34-a71b-4448-9db5-a8d2baad28e4","contact_create_notification":{"contact":{"id":"01FJA8B466Y0R2GNXD78MD9SM1","channel_identities":[{"channel":"SMS","identity":"48123456789","app_id":""}],"display_name":"New Test Contact","email":"new.contact@email.com","external_id":"","metadata":"","language":"EN_US"}},"message_metadata":""}';
const VECTOR = {
  secret: 'foo_secret1234',
  nonce: '01FJA8B4A7BM43YGWSG9GBV067',
  timestamp: '1634579353',
  rawBody: BODY,
};

test('the official test vector validates', () => {
  assert.equal(Buffer.byteLength(BODY), 405);
  assert.equal(
    computeSignature(VECTOR.secret, BODY, VECTOR.nonce, VECTOR.timestamp),
    '6bpJoRmFoXVjfJIVglMoJzYXxnoxRujzR4k2GOXewOE=',
  );
  assert.deepEqual(
    verifySignature({ ...VECTOR, signature: '6bpJoRmFoXVjfJIVglMoJzYXxnoxRujzR4k2GOXewOE=' }).valid,
    true,
  );
});

test('the UTF-8 vector validates', () => {
  const body =
    '{"app_id":"01E3S8B6YCMRNR0GGM94H80ACX","message":{"contact_message":{"text_message":{"text":"Hei 🙂 ä"}}}}';
  assert.equal(Buffer.byteLength(body), 109);
  assert.equal(
    computeSignature('webhook-secret-123', body, '0123456789abcdef', '1700000000'),
    'F2WuEv39E3L/IZaHLfzeuvDYmmXGfw8xWlOkDnu9y+I=',
  );
});

test('the usual mistakes are named', () => {
  const check = (signature: string, input = VECTOR) => verifySignature({ ...input, signature });
  assert.match(check('9ePMMDod0/sHgIcsaMSFfTm2lryOZHWY31aysnJ0FU0=').reason, /order is body\.nonce\.timestamp/);
  assert.match(check('e9ba49a11985a175637c9215825328273617c67a3146e8f347893618e5dec0e1').reason, /hex digest/);
  assert.match(check('6bpJoRmFoXVjfJIVglMoJzYXxnoxRujzR4k2GOXewOE').reason, /padding/);
  assert.match(
    check(computeSignature(VECTOR.secret, `${BODY}\n`, VECTOR.nonce, VECTOR.timestamp)).reason,
    /trailing newline/,
  );
  const wrongSecret = check('6bpJoRmFoXVjfJIVglMoJzYXxnoxRujzR4k2GOXewOE=', { ...VECTOR, secret: 'foo_secret1235' });
  assert.equal(wrongSecret.valid, false);
  assert.ok(!wrongSecret.reason.includes('foo_secret'), 'the reason never contains the secret');
  assert.match(check('x', { ...VECTOR, nonce: ' ' }).reason, /Missing nonce/);
});
