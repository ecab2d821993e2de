/**
 * System notifications about a profile's temporary credentials, for a user who is in
 * another app when they are about to run out (the page shows its own prompt otherwise).
 */
import type { MenuLanguage } from './menu-strings';

export interface CredentialNotice {
  kind: 'expiring' | 'expired' | 'refreshed' | 'refresh-failed';
  expiresAt?: Date;
}

const TEXT = {
  en: {
    expiringTitle: 'Credentials expire soon',
    expiringBody: 'The temporary credentials of “{profile}” expire in {minutes} min. Open OSS Browser to renew them; transfers pause when they expire.',
    expiredTitle: 'Credentials expired',
    expiredBody: 'The temporary credentials of “{profile}” have expired. Open OSS Browser and enter new ones to continue.',
  },
  'zh-CN': {
    expiringTitle: '凭证即将过期',
    expiringBody: '配置“{profile}”的临时凭证将在 {minutes} 分钟后过期。请打开 OSS Browser 更新凭证；凭证过期后传输会暂停。',
    expiredTitle: '凭证已过期',
    expiredBody: '配置“{profile}”的临时凭证已过期。请打开 OSS Browser 并输入新的凭证以继续。',
  },
} as const;

/** The notification for a credential event, or null when the event needs none. */
export function credentialNotification(event: CredentialNotice, profile: string, now: Date, language: MenuLanguage): { title: string; body: string } | null {
  const t = TEXT[language];
  const fill = (text: string, values: Record<string, string>) => text.replace(/\{(\w+)\}/g, (whole, name: string) => values[name] ?? whole);
  if (event.kind === 'expiring') {
    const minutes = event.expiresAt ? Math.max(1, Math.ceil((event.expiresAt.getTime() - now.getTime()) / 60_000)) : 1;
    return { title: t.expiringTitle, body: fill(t.expiringBody, { profile, minutes: String(minutes) }) };
  }
  if (event.kind === 'expired') return { title: t.expiredTitle, body: fill(t.expiredBody, { profile }) };
  return null;
}
