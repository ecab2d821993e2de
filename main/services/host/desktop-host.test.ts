import { describe, expect, it } from 'vitest';
import { ScriptedDesktopHost } from './desktop-host';

describe('ScriptedDesktopHost', () => {
  it('answers dialogs from its queues, then as cancelled, and records each call', async () => {
    const host = new ScriptedDesktopHost();
    host.answers.files.push(['/tmp/a.txt', '/tmp/b.txt']);
    host.answers.folders.push('/tmp/out');
    expect(await host.chooseFiles({ title: 'Upload' })).toEqual(['/tmp/a.txt', '/tmp/b.txt']);
    expect(await host.chooseFiles({})).toEqual([]);
    expect(await host.chooseFolder({})).toBe('/tmp/out');
    expect(await host.chooseFolder({})).toBeUndefined();
    expect(await host.chooseSaveFile({ defaultPath: 'links.csv' })).toBeUndefined();
    expect(host.calls.map((c) => c.kind)).toEqual(['chooseFiles', 'chooseFiles', 'chooseFolder', 'chooseFolder', 'chooseSaveFile']);
  });

  it('counts keep-awake holds and releases each once', () => {
    const host = new ScriptedDesktopHost();
    const release = host.keepAwake('transfers');
    host.keepAwake('other');
    expect(host.awake).toBe(2);
    release();
    release();
    expect(host.awake).toBe(1);
  });
});
