/**
 * The confirmation that names a host before main contacts it (issue 10, findings 3 and 5):
 * a custom STS endpoint, credentials URI or metadata URL typed in the form, a custom OSS
 * endpoint or bucket domain (signed OSS requests go there), or the endpoint an access code carries. It explains, in the user's language, before anything is sent; main
 * then asks once more in its own native dialog (script in the page cannot answer that one),
 * so what the page says was confirmed is never enough on its own. Plain HTTP is spelled out
 * with the same warning as the form.
 */
import { useEffect, useId, useRef, type ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import { decodeAccessCode } from '../../../shared/access-code';
import { judgeRemoteUrl } from '../../../shared/remote-hosts';
import { Button } from '../../ui/button';

export interface PendingConfirmation {
  action: 'test' | 'save';
  /** `endpoint`: an OSS endpoint or bucket domain (signed OSS requests go there), else a sign-in host. */
  hosts: Array<{ host: string; insecure: boolean; endpoint?: boolean }>;
  /** The host comes from an access code (not typed by the user). */
  code: boolean;
}

/** The access code's endpoint host when it needs the user's confirmation (undefined otherwise or when the code does not decode). */
export function accessCodeHost(text: string): { host: string; insecure: boolean } | undefined {
  try {
    const code = decodeAccessCode(text);
    if (!code.endpoint) return undefined;
    const verdict = judgeRemoteUrl('oss-endpoint', code.endpoint, code.region);
    return verdict.kind === 'confirm' ? { host: verdict.host, insecure: verdict.insecure } : undefined;
  } catch {
    // Main reports what is wrong with the code.
    return undefined;
  }
}

export function HostConfirmation({ pending, onTrust, onCancel }: { pending: PendingConfirmation; onTrust: () => void; onCancel: () => void }): ReactElement {
  const { t } = useTranslation('profiles');
  const id = useId();
  const trustRef = useRef<HTMLButtonElement>(null);
  useEffect(() => trustRef.current?.focus(), []);
  const hosts = pending.hosts.map((h) => h.host).join(', ');
  const signIn = pending.hosts.filter((h) => !h.endpoint).map((h) => h.host).join(', ');
  const endpoints = pending.hosts.filter((h) => h.endpoint).map((h) => h.host).join(', ');
  const title = pending.code ? t('confirm.codeTitle', { host: hosts }) : signIn ? t('confirm.hostTitle', { host: signIn }) : t('confirm.endpointTitle', { host: endpoints });
  return (
    <div className="notice notice--warn profiles-confirm" role="alertdialog" aria-labelledby={`${id}-title`} aria-describedby={`${id}-body`} data-testid="host-confirmation">
      <strong id={`${id}-title`}>{title}</strong>
      <p id={`${id}-body`}>
        {pending.code ? t('confirm.codeBody', { host: hosts }) : signIn ? t('confirm.hostBody', { host: signIn }) : null}
        {!pending.code && endpoints && <>{signIn ? ' ' : ''}{t('confirm.endpointBody', { host: endpoints })}</>}
        {pending.hosts.some((h) => h.insecure) && <> {t('confirm.insecure')}</>}
      </p>
      <div className="profiles-row">
        <Button tone="primary" ref={trustRef} onClick={onTrust}>
          {pending.hosts.length > 1 ? t('action.trustHosts') : t('action.trustHost', { host: hosts })}
        </Button>
        <Button onClick={onCancel}>{t('action.cancel')}</Button>
      </div>
    </div>
  );
}
