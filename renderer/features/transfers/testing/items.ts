/** Transfer items for the feature's tests: one queued upload per index, patched as needed. */
import type { TransferItem } from '../../../../shared/contract/transfers';

/** Upload `t<i>` of photos/img-<i>.jpg, 1000 bytes, queued. */
export function item(i: number, patch: Partial<TransferItem> = {}): TransferItem {
  return {
    id: `t${i}`,
    batchId: 'b1',
    direction: 'upload',
    profileId: 'p',
    bucket: 'bucket',
    key: `photos/img-${i}.jpg`,
    localName: `img-${i}.jpg`,
    localFolder: '~/Pictures',
    size: 1000,
    transferred: 0,
    state: 'queued',
    verified: false,
    speed: 0,
    etaSeconds: null,
    createdAt: '2026-12-01T00:00:00Z',
    ...patch,
  };
}

