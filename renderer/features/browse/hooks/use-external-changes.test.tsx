import { cleanup, render } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { objectsChanged } from '../extension-points';
import { RELOAD_INTERVAL_MS, useExternalChanges } from './use-external-changes';

function Probe({ prefix, reload }: { prefix: string; reload: () => void }) {
  useExternalChanges('p', 'b', prefix, reload);
  return null;
}

describe('external changes', () => {
  afterEach(() => {
    cleanup();
    vi.useRealTimers();
  });

  it('reloads the folder on screen for changes under it, at most once per interval', () => {
    vi.useFakeTimers();
    const reload = vi.fn();
    render(<Probe prefix="docs/" reload={reload} />);
    objectsChanged({ profileId: 'p', bucket: 'b', key: 'other/x.txt' });
    objectsChanged({ profileId: 'p', bucket: 'other', key: 'docs/x.txt' });
    objectsChanged({ profileId: 'q', bucket: 'b', key: 'docs/x.txt' });
    vi.advanceTimersByTime(RELOAD_INTERVAL_MS * 2);
    expect(reload).not.toHaveBeenCalled();
    objectsChanged({ profileId: 'p', bucket: 'b', key: 'docs/a.txt' });
    vi.advanceTimersByTime(0);
    expect(reload).toHaveBeenCalledTimes(1);
    for (let i = 0; i < 50; i++) objectsChanged({ profileId: 'p', bucket: 'b', key: `docs/sub/${i}.txt` });
    vi.advanceTimersByTime(RELOAD_INTERVAL_MS - 1);
    expect(reload).toHaveBeenCalledTimes(1);
    vi.advanceTimersByTime(1);
    expect(reload).toHaveBeenCalledTimes(2);
  });
});
