/**
 * Edges of the preview server's pure parts: each failure signal maps to its status on its own
 * (not only when OSS sends a matching status and code together), media and PDF types are
 * matched whole, ranges are trimmed and anchored, folder keys and odd characters get a usable
 * file name, every status has its own reason, and the tombstone boundary is exact.
 */
import { describe, expect, it } from 'vitest';
import { GrantStore } from './grant-store';
import { baseHeaders, forwardableRange, inlineDisposition, isInlineMedia, reasonFor, statusForFailure } from './preview-responses';

describe('statusForFailure, one signal at a time', () => {
  it('passes 403, 404 and 416 through by status alone', () => {
    for (const status of [403, 404, 416]) expect(statusForFailure({ status, code: 'Whatever' })).toBe(status);
    expect(statusForFailure({ status: 400, code: 'InvalidArgument' })).toBe(502);
  });

  it('answers 504 for a -2 status or either ali-oss timeout name', () => {
    expect(statusForFailure({ status: -2 })).toBe(504);
    expect(statusForFailure({ status: 2 })).toBe(502);
    expect(statusForFailure({ name: 'ResponseTimeoutError' })).toBe(504);
    expect(statusForFailure({ name: 'ConnectionTimeoutError' })).toBe(504);
    expect(statusForFailure({ status: -1, name: 'RequestError' })).toBe(502);
    expect(statusForFailure({ name: '' })).toBe(502);
  });

  it('maps OSS codes without a status', () => {
    expect(statusForFailure({ code: 'NoSuchKey' })).toBe(404);
    expect(statusForFailure({ code: 'NoSuchBucket' })).toBe(404);
    expect(statusForFailure({ code: 'AccessDenied' })).toBe(403);
    expect(statusForFailure({ code: '' })).toBe(502);
    expect(statusForFailure({ status: '404', code: 'x' })).toBe(502);
    expect(statusForFailure(null)).toBe(502);
    expect(statusForFailure('NoSuchKey')).toBe(502);
  });
});

describe('reasonFor', () => {
  it('has a fixed reason per status and a generic one otherwise', () => {
    expect([400, 403, 404, 405, 410, 416, 502, 504, 418].map(reasonFor)).toEqual([
      'Bad request',
      'Forbidden',
      'Not found',
      'Method not allowed',
      'Preview link expired',
      'Range not satisfiable',
      'Could not read the object',
      'Timed out reading the object',
      'Error',
    ]);
  });
});

describe('content types', () => {
  it('treats only image/, audio/ and video/ at the start as inline media', () => {
    expect(isInlineMedia('IMAGE/PNG')).toBe(true);
    expect(isInlineMedia('audio/mpeg')).toBe(true);
    expect(isInlineMedia('application/x-image/png')).toBe(false);
    expect(isInlineMedia('text/html; x=video/mp4')).toBe(false);
  });

  it('lifts the sandbox for exactly application/pdf', () => {
    expect(baseHeaders('Application/PDF', 'a.pdf')['content-security-policy']).toBeUndefined();
    for (const type of ['application/pdfx', 'text/html; y=application/pdf', 'xapplication/pdf']) {
      expect(baseHeaders(type, 'a.pdf')['content-security-policy'], type).toMatch(/; sandbox$/);
    }
  });

  it('sends the fixed security headers on every preview', () => {
    expect(baseHeaders('text/plain', 'a.txt')).toMatchObject({
      'content-type': 'text/plain',
      'cache-control': 'no-store',
      'x-content-type-options': 'nosniff',
      'accept-ranges': 'bytes',
      'referrer-policy': 'no-referrer',
    });
  });
});

describe('inlineDisposition', () => {
  it('names a folder key after the folder and an empty name "object"', () => {
    expect(inlineDisposition('a/b/')).toBe(`inline; filename="b"; filename*=UTF-8''b`);
    expect(inlineDisposition('top/')).toBe(`inline; filename="top"; filename*=UTF-8''top`);
    expect(inlineDisposition('/')).toBe(`inline; filename="object"; filename*=UTF-8''object`);
  });

  it('percent-encodes the characters encodeURIComponent leaves alone, in upper case', () => {
    expect(inlineDisposition('x/a*(1)!.txt')).toBe(`inline; filename="a*(1)!.txt"; filename*=UTF-8''a%2A%281%29!.txt`);
  });
});

describe('forwardableRange', () => {
  it('trims a range and refuses anything before bytes=', () => {
    expect(forwardableRange(' bytes=0-9 ')).toBe('bytes=0-9');
    expect(forwardableRange('xbytes=0-9')).toBeUndefined();
    expect(forwardableRange('items=0-9')).toBeUndefined();
    expect(forwardableRange('')).toBeUndefined();
  });
});

describe('grant store tombstones', () => {
  it('still answers expired at exactly tombstoneMs after expiry, unknown one ms later', () => {
    let now = 1000;
    const store = new GrantStore({ clock: () => now, tombstoneMs: 500 });
    const id = store.add({ profileId: 'p', bucket: 'b', key: 'k', expiresAt: 2000 });
    now = 2500;
    store.add({ profileId: 'p', bucket: 'b', key: 'k', expiresAt: 9000 });
    expect(store.lookup(id)).toEqual({ state: 'expired' });
    now = 2501;
    store.add({ profileId: 'p', bucket: 'b', key: 'k', expiresAt: 9000 });
    expect(store.lookup(id)).toEqual({ state: 'unknown' });
  });

  it('clear() forgets every grant', () => {
    const store = new GrantStore({ clock: () => 0 });
    const id = store.add({ profileId: 'p', bucket: 'b', key: 'k', expiresAt: 10 });
    store.clear();
    expect(store.size).toBe(0);
    expect(store.lookup(id)).toEqual({ state: 'unknown' });
  });
});
