import { describe, expect, it } from 'vitest';
import { createEventHub } from './event-hub';

describe('event hub', () => {
  it('delivers to every sink until it disconnects, even when one sink throws', () => {
    const errors: unknown[] = [];
    const hub = createEventHub((e) => errors.push(e));
    const a: unknown[] = [];
    const b: unknown[] = [];
    hub.connect(() => {
      throw new Error('window closed');
    });
    const offA = hub.connect((event, payload) => a.push([event, payload]));
    hub.connect((event) => b.push(event));
    hub.emit('app:notice', { level: 'info', message: 'one' });
    offA();
    hub.emit('app:notice', { level: 'info', message: 'two' });
    expect(a).toEqual([['app:notice', { level: 'info', message: 'one' }]]);
    expect(b).toEqual(['app:notice', 'app:notice']);
    expect(errors).toHaveLength(2);
  });
});
