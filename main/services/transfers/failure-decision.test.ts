import { describe, expect, it } from 'vitest';
import { ITEM_ATTEMPTS, decideFailure } from './failure-decision';
import { IntegrityError, StallError, StoppedError } from './transfer-errors';

const oss = (code: string, status: number) => Object.assign(new Error(code), { code, status });

describe('decideFailure', () => {
  it('a pause keeps the item paused, or queued when the app is quitting (it resumes next start)', () => {
    expect(decideFailure(new StoppedError('paused'), 1, false, 10)).toEqual({ kind: 'state', state: 'paused' });
    expect(decideFailure(new StoppedError('paused'), 1, true, 10)).toEqual({ kind: 'state', state: 'queued' });
    expect(decideFailure(new StoppedError('cancelled'), 1, false, 10)).toEqual({ kind: 'state', state: 'cancelled' });
  });

  it('retries network, 5xx, stalls and checksum mismatches a few times, then fails', () => {
    for (const err of [oss('InternalError', 503), new StallError(30), new IntegrityError('x', 'a', 'b'), Object.assign(new Error('socket hang up'), { code: 'ECONNRESET' })]) {
      const d = decideFailure(err, 1, false, 10);
      expect(d.kind).toBe('retry');
      expect(decideFailure(err, ITEM_ATTEMPTS, false, 10)).toEqual({ kind: 'failed' });
      expect(decideFailure(err, 1, true, 10)).toEqual({ kind: 'failed' }); // no retry timer while quitting
    }
    expect(decideFailure(new IntegrityError('x', 'a', 'b'), 1, false, 10)).toMatchObject({ reason: 'integrity' });
    expect(decideFailure(new StallError(30), 2, false, 10)).toMatchObject({ reason: 'stalled', attempt: 2 });
  });

  it('wrong credentials fail at once; an expired STS token waits for fresh ones; an object that appeared is skipped', () => {
    for (const code of ['AccessDenied', 'InvalidAccessKeyId', 'SignatureDoesNotMatch']) expect(decideFailure(oss(code, 403), 1, false, 10)).toEqual({ kind: 'failed' });
    expect(decideFailure(oss('SecurityTokenExpired', 403), 1, false, 10)).toEqual({ kind: 'wait-credentials' });
    expect(decideFailure(oss('FileAlreadyExists', 409), 1, false, 10)).toEqual({ kind: 'skipped' });
  });
});
