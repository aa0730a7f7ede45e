import { createHmac } from 'node:crypto';
import { type TokenKind, TokenSigner } from '../../../lib/directline/tokens';

/**
 * The Direct Line tokens are HS256 JWTs checked by the service itself: these tests pin the format (so that a
 * change is a decision, not an accident), and show that anything but an untouched, unexpired token of the
 * right kind is refused, for the right reason.
 */

const KEY = 'k'.repeat(16) + '0123456789abcdef';
const OTHER_KEY = 'x'.repeat(16) + '0123456789abcdef';
const SUBJECT = { userId: 'dl_citizen', conversationId: 'conv-0123456789' };
const KINDS: TokenKind[] = ['conversation', 'stream', 'file', 'resume'];
/** 23 November 2026, 10:00:00.250 in Bangkok: not a whole second, to show that times are floored. */
const START_MS = Date.UTC(2026, 10, 23, 3, 0, 0) + 250;

class Clock {
  constructor(public ms = START_MS) {}
  now = (): number => this.ms;
}

const b64 = (value: unknown) => Buffer.from(typeof value === 'string' ? value : JSON.stringify(value)).toString('base64url');
const hmac = (key: string, body: string) => createHmac('sha256', key).update(body).digest('base64url');
/** A token built by hand, signed with `key`: for payloads and headers the signer itself would never produce. */
const forge = (header: unknown, payload: unknown, key = KEY) => {
  const body = `${b64(header)}.${b64(payload)}`;
  return `${body}.${hmac(key, body)}`;
};
const decode = (part: string): unknown => JSON.parse(Buffer.from(part, 'base64url').toString('utf8'));

function validPayload(clock: Clock, overrides: Record<string, unknown> = {}): Record<string, unknown> {
  const iat = Math.floor(clock.ms / 1000);
  return { iss: 'damrongdham-bot/directline', knd: 'conversation', sub: SUBJECT.userId, cnv: SUBJECT.conversationId, iat, exp: iat + 60, ...overrides };
}

describe('TokenSigner', () => {
  let clock: Clock;
  let signer: TokenSigner;
  beforeEach(() => {
    clock = new Clock();
    signer = new TokenSigner(KEY, clock.now);
  });

  describe('format and signature', () => {
    test('a token is an HS256 JWT: fixed header, the documented claims, an HMAC-SHA256 of header.payload with the key', () => {
      const token = signer.sign('file', { ...SUBJECT, fileId: 'file-1' }, 600);
      const [header, payload, signature] = token.split('.');
      expect(decode(header)).toEqual({ alg: 'HS256', typ: 'JWT' });
      const iat = Math.floor(START_MS / 1000);
      expect(decode(payload)).toEqual({ iss: 'damrongdham-bot/directline', knd: 'file', sub: 'dl_citizen', user: 'dl_citizen', cnv: 'conv-0123456789', fid: 'file-1', iat, exp: iat + 600 });
      expect(signature).toBe(hmac(KEY, `${header}.${payload}`));
      expect(token).toMatch(/^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]{43}$/);
    });

    test.each(KINDS)('a %s token verifies and gives back its claims', (kind) => {
      const fileId = kind === 'file' ? { fileId: 'f-42' } : {};
      const check = signer.verify(signer.sign(kind, { ...SUBJECT, ...fileId }, 300), kind);
      const iat = Math.floor(START_MS / 1000);
      expect(check).toEqual({ ok: true, claims: { kind, ...SUBJECT, ...fileId, issuedAt: iat, expiresAt: iat + 300 } });
    });

    test('a token outlives the process: another signer with the same key (a restart) accepts it, one with another key does not', () => {
      const token = signer.sign('conversation', SUBJECT, 300);
      expect(new TokenSigner(KEY, clock.now).verify(token, 'conversation').ok).toBe(true);
      expect(new TokenSigner(OTHER_KEY, clock.now).verify(token, 'conversation')).toEqual({ ok: false, reason: 'signature' });
    });

    test('a key shorter than 32 characters is refused at construction', () => {
      expect(() => new TokenSigner('')).toThrow(/at least 32/);
      expect(() => new TokenSigner('a'.repeat(31))).toThrow(/at least 32/);
      expect(() => new TokenSigner('a'.repeat(32))).not.toThrow();
    });
  });

  describe('kinds', () => {
    const pairs = KINDS.flatMap((signed) => KINDS.filter((asked) => asked !== signed).map((asked) => [signed, asked] as const));
    test.each(pairs)('a %s token is refused where a %s token is needed', (signed, asked) => {
      const token = signer.sign(signed, { ...SUBJECT, fileId: 'f-1' }, 300);
      expect(signer.verify(token, asked)).toEqual({ ok: false, reason: 'kind' });
    });
  });

  describe('expiry, on the injected clock', () => {
    test('valid until the last millisecond before exp, expired from exp on, and the reason says so', () => {
      const token = signer.sign('conversation', SUBJECT, 60);
      const expMs = (Math.floor(START_MS / 1000) + 60) * 1000;
      clock.ms = expMs - 1;
      expect(signer.verify(token, 'conversation').ok).toBe(true);
      clock.ms = expMs;
      expect(signer.verify(token, 'conversation')).toEqual({ ok: false, reason: 'expired' });
      clock.ms = expMs + 365 * 24 * 3600 * 1000;
      expect(signer.verify(token, 'conversation')).toEqual({ ok: false, reason: 'expired' });
    });

    test('issue time is the clock\'s, floored to the second; a zero lifetime is expired at once', () => {
      clock.ms = START_MS + 700; // 10:00:00.950
      const token = signer.sign('stream', SUBJECT, 0);
      expect(decode(token.split('.')[1])).toMatchObject({ iat: Math.floor(START_MS / 1000), exp: Math.floor(START_MS / 1000) });
      expect(signer.verify(token, 'stream')).toEqual({ ok: false, reason: 'expired' });
    });

    test('an expired token that was tampered with is reported as bad, not as expired', () => {
      const token = signer.sign('conversation', SUBJECT, 60);
      clock.ms += 3600 * 1000;
      const [header, payload, signature] = token.split('.');
      const flipped = `${header}.${payload}.${signature.slice(0, -1)}${signature.endsWith('A') ? 'B' : 'A'}`;
      expect(signer.verify(flipped, 'conversation')).toEqual({ ok: false, reason: 'signature' });
    });
  });

  describe('tampering', () => {
    const replaceAt = (text: string, index: number) => `${text.slice(0, index)}${text[index] === 'A' ? 'B' : 'A'}${text.slice(index + 1)}`;

    test('changing any single character of the payload breaks the signature', () => {
      const token = signer.sign('conversation', SUBJECT, 300);
      const [header, payload, signature] = token.split('.');
      for (let index = 0; index < payload.length; index += 1) {
        expect(signer.verify(`${header}.${replaceAt(payload, index)}.${signature}`, 'conversation')).toEqual({ ok: false, reason: 'signature' });
      }
    });

    test('a payload that claims another user, re-encoded but not re-signed, is refused', () => {
      const token = signer.sign('conversation', SUBJECT, 300);
      const [header, payload, signature] = token.split('.');
      const claims = decode(payload) as Record<string, unknown>;
      const other = b64({ ...claims, sub: 'dl_someone_else' });
      expect(signer.verify(`${header}.${other}.${signature}`, 'conversation')).toEqual({ ok: false, reason: 'signature' });
    });

    test('changing any single character of the signature is refused', () => {
      const token = signer.sign('conversation', SUBJECT, 300);
      const [header, payload, signature] = token.split('.');
      for (let index = 0; index < signature.length; index += 1) {
        expect(signer.verify(`${header}.${payload}.${replaceAt(signature, index)}`, 'conversation').ok).toBe(false);
      }
    });

    test.each([
      ['alg none, no signature', { alg: 'none', typ: 'JWT' }, ''],
      ['alg none, with the HS256 signature of the new header', { alg: 'none', typ: 'JWT' }, 'resign'],
      ['HS512 declared', { alg: 'HS512', typ: 'JWT' }, 'resign'],
      ['same claims, keys in another order', { typ: 'JWT', alg: 'HS256' }, 'resign'],
      ['an extra header field (kid)', { alg: 'HS256', typ: 'JWT', kid: '../../secrets.json' }, 'resign'],
    ])('a changed header is refused: %s', (_label, header, signing) => {
      const payload = b64(validPayload(clock));
      const body = `${b64(header)}.${payload}`;
      const token = `${body}.${signing === 'resign' ? hmac(KEY, body) : ''}`;
      expect(signer.verify(token, 'conversation')).toEqual({ ok: false, reason: 'malformed' });
    });

    test('a token signed with another key is refused even with well-formed claims', () => {
      expect(signer.verify(forge({ alg: 'HS256', typ: 'JWT' }, validPayload(clock), OTHER_KEY), 'conversation')).toEqual({ ok: false, reason: 'signature' });
      // The same hand-made token with the right key passes: the forge helper is faithful, the key is what differs.
      expect(signer.verify(forge({ alg: 'HS256', typ: 'JWT' }, validPayload(clock)), 'conversation').ok).toBe(true);
    });

    test.each([
      ['another issuer', { iss: 'someone-else' }],
      ['an unknown kind', { knd: 'admin' }],
      ['no subject', { sub: undefined }],
      ['a numeric subject', { sub: 42 }],
      ['no conversation', { cnv: undefined }],
      ['a string expiry', { exp: '9999999999' }],
      ['no issue time', { iat: undefined }],
      ['a non-string file id', { fid: 7 }],
    ])('correctly signed claims with %s are refused as malformed', (_label, overrides) => {
      const token = forge({ alg: 'HS256', typ: 'JWT' }, validPayload(clock, overrides));
      expect(signer.verify(token, 'conversation')).toEqual({ ok: false, reason: 'malformed' });
    });

    test('a correctly signed payload that is not JSON is refused as malformed', () => {
      const body = `${b64({ alg: 'HS256', typ: 'JWT' })}.${b64('{"iss":')}`;
      expect(signer.verify(`${body}.${hmac(KEY, body)}`, 'conversation')).toEqual({ ok: false, reason: 'malformed' });
    });
  });

  describe('shape and length bounds', () => {
    test.each([
      ['empty', ''],
      ['one part', 'abc'],
      ['two parts', 'abc.def'],
      ['four parts', 'a.b.c.d'],
      ['only dots', '..'],
    ])('%s is malformed', (_label, token) => {
      expect(signer.verify(token, 'conversation')).toEqual({ ok: false, reason: 'malformed' });
    });

    test('a valid token with a fourth part appended is refused', () => {
      expect(signer.verify(`${signer.sign('conversation', SUBJECT, 300)}.extra`, 'conversation')).toEqual({ ok: false, reason: 'malformed' });
    });

    test('a value that is not a string is malformed, not a crash', () => {
      for (const value of [undefined, null, 42, { token: 'x' }]) {
        expect(signer.verify(value as unknown as string, 'conversation')).toEqual({ ok: false, reason: 'malformed' });
      }
    });

    test('tokens up to 2048 characters are read; a longer one is refused before any work, even when validly signed', () => {
      // The signer does not bound what it signs, so it can make genuine tokens on either side of the bound.
      const tokenFor = (length: number) => signer.sign('conversation', { ...SUBJECT, userId: 'u'.repeat(length) }, 300);
      let length = 1;
      while (tokenFor(length + 1).length <= 2048) length += 1;
      const longest = tokenFor(length);
      const tooLong = tokenFor(length + 1);
      expect(longest.length).toBeLessThanOrEqual(2048);
      expect(tooLong.length).toBeGreaterThan(2048);
      expect(signer.verify(longest, 'conversation').ok).toBe(true);
      expect(signer.verify(tooLong, 'conversation')).toEqual({ ok: false, reason: 'malformed' });
    });
  });
});
