import { describe, expect, it } from 'vitest';
import { requests } from '../../../../shared/contract/transfers';
import type { TransferSettings } from '../../../../shared/contract/transfers';
import { fieldsFrom, validate } from './settings-form';

const saved: TransferSettings = { parallelFiles: 4, parallelParts: 4, partSize: 'auto', bandwidthUp: 0, bandwidthDown: 2 * 1024 * 1024, conflictDefault: 'ask', downloadFolder: '' };

describe('transfer settings form', () => {
  it('shows saved settings in MB and turns them back into the same bytes', () => {
    const f = fieldsFrom(saved);
    expect(f).toMatchObject({ parallelFiles: '4', partSizeAuto: true, bandwidthDownMb: '2', bandwidthUpMb: '0' });
    const r = validate(f);
    expect(r).toEqual({ ok: true, patch: { parallelFiles: 4, parallelParts: 4, partSize: 'auto', bandwidthUp: 0, bandwidthDown: 2 * 1024 * 1024, conflictDefault: 'ask' } });
  });

  it('explains each out-of-range or non-numeric field instead of sending it', () => {
    const r = validate({ ...fieldsFrom(saved), parallelFiles: '17', parallelParts: '2.5', partSizeAuto: false, partSizeMb: 'big', bandwidthUpMb: '-1' });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.errors).toEqual({
      parallelFiles: { kind: 'integer', min: 1, max: 16 },
      parallelParts: { kind: 'integer', min: 1, max: 32 },
      partSizeMb: { kind: 'number', min: 0.1, max: 5120 },
      bandwidthUpMb: { kind: 'number', min: 0, max: 102_400 },
    });
  });

  it('produces only values the IPC schema accepts, at the edges too', () => {
    const schema = requests['transfers:settings-set'].input;
    for (const partSizeMb of ['0.1', '5120', '16']) {
      const r = validate({ ...fieldsFrom(saved), partSizeAuto: false, partSizeMb, parallelFiles: '16', parallelParts: '1', bandwidthUpMb: '102400' });
      expect(r.ok).toBe(true);
      if (r.ok) expect(schema.safeParse(r.patch).success).toBe(true);
    }
  });
});
