import { sep } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PathPlanner, insideRoot, numbered, relativePathForKey, safeSegment } from './local-paths';

describe('safe local paths', () => {
  it('escapes climbing, absolute, drive, UNC, NUL and reserved names into plain segments', () => {
    expect(relativePathForKey('../../etc/passwd', '')).toBe(['%2E%2E', '%2E%2E', 'etc', 'passwd'].join(sep));
    expect(relativePathForKey('/abs/x', '')).toBe(['%00', 'abs', 'x'].join(sep));
    expect(relativePathForKey('C:\\Windows\\x.dll', '')).toBe('C%3A%5CWindows%5Cx.dll');
    expect(relativePathForKey('\\\\server\\share\\f', '')).toBe('%5C%5Cserver%5Cshare%5Cf');
    expect(safeSegment('a\u0000b')).toBe('a%00b');
    expect(safeSegment('CON')).toBe('_CON');
    expect(safeSegment('lpt1.txt')).toBe('_lpt1.txt');
    expect(safeSegment('name. ')).toBe('name%2E%20');
    expect(safeSegment('ok name.txt')).toBe('ok name.txt');
  });

  it('keeps names relative to the folder on screen', () => {
    expect(relativePathForKey('photos/2024/a.jpg', 'photos/')).toBe(['2024', 'a.jpg'].join(sep));
  });

  it('refuses a path that resolves outside the root', () => {
    expect(() => insideRoot('/tmp/root', '../x')).toThrow(/outside/);
    expect(insideRoot('/tmp/root', 'a/b')).toBe('/tmp/root/a/b');
    // Escaped names that merely start with two dots stay inside.
    expect(insideRoot('/tmp/root', relativePathForKey('..\\escape.txt', ''))).toBe('/tmp/root/..%5Cescape.txt');
  });

  it('numbers names that would collide: file vs folder and case-only differences', () => {
    const p = new PathPlanner('/r');
    expect(p.plan('a', '')).toBe('/r/a');
    expect(p.plan('a/b', '')).toBe(['/r', 'a (1)', 'b'].join(sep));
    expect(p.plan('Photo.JPG', '')).toBe('/r/Photo.JPG');
    expect(p.plan('photo.jpg', '')).toBe('/r/photo (1).jpg');
    expect(p.plan('d/x', '')).toBe('/r/d/x');
    expect(p.plan('d', '')).toBe('/r/d (1)');
    expect(numbered('.bashrc', 2)).toBe('.bashrc (2)');
  });
});
