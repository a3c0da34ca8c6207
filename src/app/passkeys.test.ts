// Which relying party a request's passkeys belong to: the public URL when one is set, otherwise only
// a page on localhost, never a host name the request merely claims.
import { describe, expect, it } from 'vitest';
import { AppError } from './errors.ts';
import { relyingPartyFor } from './passkeys.ts';

describe('relyingPartyFor', () => {
  it('takes the RP id and origin from the public URL, whatever Host the request names', () => {
    expect(relyingPartyFor('https://pain.example.org', 'http://evil.example')).toEqual({
      id: 'pain.example.org',
      origin: 'https://pain.example.org',
    });
    expect(relyingPartyFor('http://localhost:3000', 'http://127.0.0.1:3000')).toEqual({ id: 'localhost', origin: 'http://localhost:3000' });
  });

  it('without a public URL serves a page on localhost, with its port', () => {
    expect(relyingPartyFor(undefined, 'http://localhost:5173')).toEqual({ id: 'localhost', origin: 'http://localhost:5173' });
  });

  it('without a public URL refuses any other host: a relaying look-alike site would name its own', () => {
    for (const origin of ['http://127.0.0.1:3000', 'https://pain.example.org', 'http://localhost.evil.example', 'not a url']) {
      let thrown: unknown;
      try {
        relyingPartyFor(undefined, origin);
      } catch (error) {
        thrown = error;
      }
      expect(thrown).toBeInstanceOf(AppError);
      expect((thrown as AppError).code).toBe('passkeys-unavailable');
    }
  });
});
