import { describe, expect, it } from 'vitest';
import type { EventChannel } from '../../shared/ipc-contract';
import { credentialNotification } from './credential-notifications';
import { DesktopFeature } from './desktop-feature';

describe('DesktopFeature', () => {
  it('tells the page a link waits and hands it out with the profiles that may open it', async () => {
    const events: Array<[EventChannel, unknown]> = [];
    const desktop = new DesktopFeature((event, payload) => events.push([event, payload]));
    desktop.links.receive('oss://team-bucket/docs/');
    expect(events).toEqual([['desktop:link-waiting', { waiting: 1 }]]);
    const profiles = {
      profiles: [
        { id: 'a', name: 'All buckets' },
        { id: 'r', name: 'Team', startPath: { bucket: 'team-bucket', prefix: 'docs/' } },
        { id: 'x', name: 'Elsewhere', startPath: { bucket: 'team-bucket', prefix: 'private/' } },
      ],
      lastUsedId: 'r',
    };
    expect(await desktop.takeLink(async () => profiles)).toEqual({
      bucket: 'team-bucket',
      prefix: 'docs/',
      candidates: [
        { id: 'r', name: 'Team' },
        { id: 'a', name: 'All buckets' },
      ],
    });
    expect(await desktop.takeLink(async () => profiles)).toBeNull();
  });

  it('passes a language change to listeners once', () => {
    const desktop = new DesktopFeature(() => undefined);
    const heard: string[] = [];
    desktop.onLanguage((l) => heard.push(l));
    desktop.setLanguage('zh-CN');
    desktop.setLanguage('zh-CN');
    desktop.setLanguage('en');
    expect(heard).toEqual(['zh-CN', 'en']);
    expect(desktop.language).toBe('en');
  });
});

describe('credential notifications', () => {
  const now = new Date('2026-12-01T03:00:00Z');
  it('says how long is left, in the chosen language', () => {
    expect(credentialNotification({ kind: 'expiring', expiresAt: new Date('2026-12-01T03:04:30Z') }, 'Temp', now, 'en')).toEqual({
      title: 'Credentials expire soon',
      body: 'The temporary credentials of “Temp” expire in 5 min. Open OSS Browser to renew them; transfers pause when they expire.',
    });
    expect(credentialNotification({ kind: 'expired' }, '临时', now, 'zh-CN')?.title).toBe('凭证已过期');
    expect(credentialNotification({ kind: 'refreshed' }, 'Temp', now, 'en')).toBeNull();
  });
});
