// If-Match parsing (RFC 9110 §13.1.1, https://www.rfc-editor.org/rfc/rfc9110#section-13.1.1): the
// version a client edited, strong validators only, and a 400 for anything else.
import type { FastifyRequest } from 'fastify';
import { describe, expect, it } from 'vitest';
import { AppError } from '../app/errors.ts';
import { baseVersionFrom } from './if-match.ts';

const request = (ifMatch?: string) => ({ headers: ifMatch === undefined ? {} : { 'if-match': ifMatch } }) as unknown as FastifyRequest;

function refusal(ifMatch: string): AppError {
  try {
    baseVersionFrom(request(ifMatch));
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error(`If-Match ${ifMatch} was accepted`);
}

describe('baseVersionFrom', () => {
  it('is undefined when the header is absent (a create, or a write that did not name a version)', () => {
    expect(baseVersionFrom(request())).toBeUndefined();
  });

  it('reads a strong entity tag, and the bare number older clients send', () => {
    expect(baseVersionFrom(request('"3"'))).toBe(3);
    expect(baseVersionFrom(request('3'))).toBe(3);
    expect(baseVersionFrom(request('"42"'))).toBe(42);
  });

  it('allows optional whitespace around the value (RFC 9110 §5.6.3 OWS)', () => {
    expect(baseVersionFrom(request(' "7" '))).toBe(7);
    expect(baseVersionFrom(request('\t12\t'))).toBe(12);
  });

  it('takes versions from 1 up to nine digits', () => {
    expect(baseVersionFrom(request('"1"'))).toBe(1);
    expect(baseVersionFrom(request('"123456789"'))).toBe(123456789);
  });

  it.each([
    ['W/"3"', 'a weak validator: If-Match compares strongly'],
    ['"0"', 'version 0: versions start at 1'],
    ['"1234567890"', 'ten digits'],
    ['"3", "4"', 'a list of tags'],
    ['*', 'the wildcard'],
    ['"3"x', 'trailing text'],
    ['x"3"', 'leading text'],
    ['"-3"', 'a negative number'],
    ['"3.5"', 'a fraction'],
    ['""', 'an empty tag'],
    ['', 'an empty header'],
  ])('refuses %s (%s) with invalid-if-match', (ifMatch) => {
    const error = refusal(ifMatch);
    expect(error.code).toBe('invalid-if-match');
    expect(error.message).toContain('If-Match');
  });
});
