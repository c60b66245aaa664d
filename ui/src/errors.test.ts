import { describe, expect, it } from 'vitest';
import type { ErrorCode } from './bindings';
import { cleanMessage, describeError, ERROR_TEXT, signInProblem } from './errors';

const CODES: ErrorCode[] = ['not_found', 'invalid_input', 'conflict', 'storage', 'io', 'offline', 'unauthorized', 'rate_limited', 'server', 'malformed', 'cancelled'];

describe('error wording', () => {
  it('has one distinct title per code, and the title follows the code', () => {
    const titles = CODES.map((c) => ERROR_TEXT[c].title);
    expect(new Set(titles).size).toBe(CODES.length);
    for (const code of CODES) expect(describeError({ code, message: 'x' }).title).toBe(ERROR_TEXT[code].title);
    expect(describeError({ code: 'offline', message: 'x' }).title).toBe('You are offline');
    expect(describeError(new Error('boom'))).toMatchObject({ code: 'unknown', title: 'Something went wrong' });
    // A code this UI does not know yet is shown as "unknown", not as a blank title.
    expect(describeError({ code: 'brand_new', message: 'x' })).toMatchObject({ code: 'unknown', title: 'Something went wrong' });
  });

  it('never shows a request URL', () => {
    const raw = 'cannot reach the marketplace (offline?): error sending request for url (https://api.market.example/api/auth/login/)';
    expect(cleanMessage(raw)).toBe('Cannot reach the marketplace (offline?): error sending request.');
    expect(cleanMessage('the marketplace answered HTTP 404 to http://x.example/api/b?page=2: Not found')).toBe('The marketplace answered HTTP 404: Not found.');
    for (const code of CODES) expect(describeError({ code, message: raw }).message).not.toMatch(/https?:|\/\//);
  });

  it('replaces technical transport messages with plain words', () => {
    expect(describeError({ code: 'server', message: 'the marketplace had a server error (HTTP 502)' }).message).toBe('It did not answer properly. Try again later.');
    // Messages that name the field or reason are kept, as sentences.
    expect(describeError({ code: 'invalid_input', message: 'tag "vip!" has characters that are not allowed' }).message).toBe('Tag "vip!" has characters that are not allowed.');
  });

  it('tells wrong credentials from an account that is not a provider at sign-in', () => {
    expect(signInProblem({ code: 'unauthorized', message: 'sign-in refused: No active account found' }).title).toBe('Wrong email or password');
    const notProvider = signInProblem({ code: 'forbidden', message: 'sita@example.com is a customer account; Clientele syncs service-provider accounts only. Sign in with your provider account' });
    expect(notProvider.title).toBe('Not a service-provider account');
    expect(notProvider.message).toMatch(/^Sita@example.com is a customer account/);
    expect(signInProblem({ code: 'offline', message: 'x for url (https://a.example/)' })).toMatchObject({ title: 'You are offline', message: expect.stringContaining('Check the address') });
  });
});
