// Splits a pasted raw HTTP request (request line and headers, a blank line, the body) into the three Sinch
// signature headers and the body, exactly as received: the body keeps its line breaks and its last newline.
// Pure (no `vscode` import), unit-tested.

export interface SignedRequest {
  nonce?: string;
  timestamp?: string;
  signature?: string;
  /** Everything after the first blank line; undefined when the text has no blank line (no body part). */
  rawBody?: string;
}

const HEADERS: Record<string, keyof SignedRequest> = {
  'x-sinch-webhook-signature-nonce': 'nonce',
  'x-sinch-webhook-signature-timestamp': 'timestamp',
  'x-sinch-webhook-signature': 'signature',
};

export function parseRawRequest(raw: string): SignedRequest {
  const blank = /\r?\n\r?\n/.exec(raw);
  const head = blank ? raw.slice(0, blank.index) : raw;
  const out: SignedRequest = {};
  for (const line of head.split(/\r?\n/)) {
    const colon = line.indexOf(':');
    if (colon <= 0) continue; // the request line (`POST /path HTTP/1.1`) or noise
    const field = HEADERS[line.slice(0, colon).trim().toLowerCase()];
    if (field) out[field] = line.slice(colon + 1).trim();
  }
  if (blank) out.rawBody = raw.slice(blank.index + blank[0].length);
  return out;
}
