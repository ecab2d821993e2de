import { describe, expect, it } from 'vitest';
import { durationParts, etaSeconds, formatBytes, formatDuration, formatSpeed, percent } from './format';

describe('transfer formatting', () => {
  it('shows sizes in binary units with one decimal below ten', () => {
    expect(formatBytes(0)).toBe('0 B');
    expect(formatBytes(1536)).toBe('1.5 KB');
    expect(formatBytes(200 * 1024 * 1024)).toBe('200 MB');
    expect(formatBytes(-1)).toBe('');
  });

  it('shows a speed only while bytes are moving', () => {
    expect(formatSpeed(4.2 * 1024 * 1024)).toBe('4.2 MB/s');
    expect(formatSpeed(0)).toBe('');
    expect(formatSpeed(Number.NaN)).toBe('');
  });

  it('estimates time left from the bytes left and the speed, rounding up', () => {
    expect(etaSeconds(1000, 0, 100)).toBe(10);
    expect(etaSeconds(1000, 999, 100)).toBe(1);
    expect(etaSeconds(1000, 1000, 100)).toBeNull();
    expect(etaSeconds(1000, 0, 0)).toBeNull();
  });

  it('says durations with at most two units, in English and Chinese', () => {
    expect(durationParts(3725)).toEqual({ h: 1, min: 2 });
    expect(formatDuration(45, 'en')).toBe('45 s');
    expect(formatDuration(200, 'en')).toBe('3 min 20 s');
    expect(formatDuration(120, 'en')).toBe('2 min');
    expect(formatDuration(90061, 'en')).toBe('1 d 1 h');
    expect(formatDuration(200, 'zh-CN')).toBe('3 分 20 秒');
  });

  it('never says 100% before the last byte', () => {
    expect(percent(996, 1000)).toBe(99);
    expect(percent(1000, 1000)).toBe(100);
    expect(percent(630, 1000)).toBe(63);
    expect(percent(0, 0)).toBe(0);
  });
});
