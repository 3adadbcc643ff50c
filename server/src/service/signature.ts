// Verifies a Conversation API webhook signature the way Contact Pro does
// (docs/sources.md#webhook-secrets-and-signatures): the signed data is
// `rawBody + "." + nonce + "." + timestamp` (UTF-8), the signature Base64(HMAC-SHA256(secret as UTF-8, data))
// with padding. The secret is NOT base64-decoded (the Voice/Verification habit). Used by the
// "Verify a webhook signature" command; the secret never leaves this function.
import { createHmac, timingSafeEqual } from 'node:crypto';

export interface SignatureInput {
  secret: string;
  nonce: string;
  timestamp: string;
  /** The request body exactly as received (bytes as UTF-8 text), not re-serialized JSON. */
  rawBody: string;
  /** The `x-sinch-webhook-signature` header. */
  signature: string;
}

export interface SignatureResult {
  valid: boolean;
  /** Why, in words for the admin; never contains the secret. */
  reason: string;
}

export function computeSignature(secret: string, rawBody: string, nonce: string, timestamp: string): string {
  return createHmac('sha256', Buffer.from(secret, 'utf8'))
    .update(Buffer.from(`${rawBody}.${nonce}.${timestamp}`, 'utf8'))
    .digest('base64');
}

export function verifySignature(input: SignatureInput): SignatureResult {
  const missing = (['secret', 'nonce', 'timestamp', 'signature'] as const).filter((k) => !input[k].trim());
  if (missing.length) return { valid: false, reason: `Missing ${missing.join(', ')}.` };
  const expected = computeSignature(input.secret, input.rawBody, input.nonce.trim(), input.timestamp.trim());
  const given = input.signature.trim();
  if (safeEqual(expected, given))
    return {
      valid: true,
      reason: 'The signature matches: this secret, nonce, timestamp and body were signed together.',
    };
  return { valid: false, reason: diagnoseMismatch(input, expected, given) };
}

function safeEqual(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

/**
 * Names the usual mistake (docs/sources.md#webhook-secrets-and-signatures) when recomputing with it reproduces the
 * given signature.
 */
function diagnoseMismatch(input: SignatureInput, expected: string, given: string): string {
  const { secret, rawBody, nonce, timestamp } = input;
  const hmac = (key: Buffer, data: string) => createHmac('sha256', key).update(Buffer.from(data, 'utf8'));
  const key = Buffer.from(secret, 'utf8');
  if (hmac(key, `${rawBody}.${nonce}.${timestamp}`).digest('hex') === given.toLowerCase()) {
    return 'The signature is a hex digest; Sinch sends standard Base64 (with = padding).';
  }
  if (expected.replace(/=+$/, '') === given)
    return 'The signature lacks its = padding; Sinch keeps it ("Don\'t disable padding").';
  if (hmac(key, `${rawBody}.${timestamp}.${nonce}`).digest('base64') === given) {
    return 'Signed as body.timestamp.nonce; the order is body.nonce.timestamp.';
  }
  if (
    /^[A-Za-z0-9+/]+={0,2}$/.test(secret) &&
    secret.length % 4 === 0 &&
    hmac(Buffer.from(secret, 'base64'), `${rawBody}.${nonce}.${timestamp}`).digest('base64') === given
  ) {
    return 'Signed with the base64-decoded secret; the Conversation API uses the secret text as is.';
  }
  for (const body of [rawBody.replace(/\r?\n$/, ''), `${rawBody}\n`]) {
    if (body !== rawBody && hmac(key, `${body}.${nonce}.${timestamp}`).digest('base64') === given) {
      return 'The body differs by a trailing newline: hash the raw body exactly as received.';
    }
  }
  return "The signature does not match. Check that the secret is the webhook's Secret token (the inbound password in SC), and that the body is the raw request body, not re-serialized JSON.";
}
