// Credentials sealed for the trip from the VS Code client to the language server. Every JSON-RPC message
// between them is written to the output channel when `sinchcp.trace.server` is "verbose", so the access key
// never travels in clear: the server hands out an X25519 public key, the client seals the key ID and secret
// with a key agreed through its own ephemeral X25519 pair (HKDF-SHA256 → AES-256-GCM). A trace shows only
// public keys and ciphertext.
import {
  createCipheriv,
  createDecipheriv,
  createPublicKey,
  diffieHellman,
  generateKeyPairSync,
  hkdfSync,
  randomBytes,
  type KeyObject,
} from 'node:crypto';
import type { SinchCredentials } from './client';

export interface SealedCredentials {
  /** The client's ephemeral public key (DER, SPKI, base64). */
  publicKey: string;
  iv: string;
  ciphertext: string;
  tag: string;
}

const INFO = Buffer.from('sinchcp credentials v1');

function derive(privateKey: KeyObject, publicKey: KeyObject): Buffer {
  const shared = diffieHellman({ privateKey, publicKey });
  return Buffer.from(hkdfSync('sha256', shared, Buffer.alloc(0), INFO, 32));
}

function importPublic(base64: string): KeyObject {
  return createPublicKey({ key: Buffer.from(base64, 'base64'), format: 'der', type: 'spki' });
}

/** The server side: one key pair per server process; `publicKey` goes to the client. */
export class CredentialOpener {
  private readonly privateKey: KeyObject;
  readonly publicKey: string;

  constructor() {
    const pair = generateKeyPairSync('x25519');
    this.privateKey = pair.privateKey;
    this.publicKey = pair.publicKey.export({ format: 'der', type: 'spki' }).toString('base64');
  }

  /** The credentials, or undefined when the message was not sealed for this key (or was tampered with). */
  open(sealed: unknown): SinchCredentials | undefined {
    const s = sealed as Partial<SealedCredentials> | undefined;
    if (
      !s ||
      typeof s.publicKey !== 'string' ||
      typeof s.iv !== 'string' ||
      typeof s.ciphertext !== 'string' ||
      typeof s.tag !== 'string'
    )
      return undefined;
    try {
      const key = derive(this.privateKey, importPublic(s.publicKey));
      const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(s.iv, 'base64'));
      decipher.setAuthTag(Buffer.from(s.tag, 'base64'));
      const plain = Buffer.concat([decipher.update(Buffer.from(s.ciphertext, 'base64')), decipher.final()]).toString(
        'utf8',
      );
      const value = JSON.parse(plain) as Partial<SinchCredentials>;
      if (typeof value.keyId !== 'string' || typeof value.keySecret !== 'string') return undefined;
      return { keyId: value.keyId, keySecret: value.keySecret };
    } catch {
      return undefined;
    }
  }
}

/** The client side: seals credentials for the server's public key. */
export function sealCredentials(serverPublicKey: string, credentials: SinchCredentials): SealedCredentials {
  const pair = generateKeyPairSync('x25519');
  const key = derive(pair.privateKey, importPublic(serverPublicKey));
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  const plain = JSON.stringify({ keyId: credentials.keyId, keySecret: credentials.keySecret });
  const ciphertext = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
  return {
    publicKey: pair.publicKey.export({ format: 'der', type: 'spki' }).toString('base64'),
    iv: iv.toString('base64'),
    ciphertext: ciphertext.toString('base64'),
    tag: cipher.getAuthTag().toString('base64'),
  };
}
