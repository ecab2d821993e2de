import { describe, expect, it } from 'vitest';
import { findEncoded } from './leak-search';

describe('findEncoded (the no-secret-leak test\'s search)', () => {
  const secret = 'Wrong-Secret-Value-123/+';

  it('finds a secret raw, URL-encoded, JSON-escaped, and in base64 / base64url text at every byte alignment', () => {
    for (const prefix of ['', 'a', 'ab', '{"id":"x","secret":"']) {
      const json = `${prefix}${secret}","more":"after"}`;
      for (const text of [json, encodeURIComponent(json), JSON.stringify(json), Buffer.from(json).toString('base64'), `ossac1.${Buffer.from(json).toString('base64url')}`]) {
        expect(findEncoded(text, secret), `${prefix} → ${text.slice(0, 30)}`).toBeDefined();
      }
    }
  });

  it('does not report text that only shares a few characters with the secret', () => {
    expect(findEncoded('Wrong-Secret is a phrase; base64 ' + Buffer.from('Wrong-Secret-Value').toString('base64'), secret)).toBeUndefined();
  });
});
