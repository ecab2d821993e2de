/**
 * Temporary access to one folder: permission set, duration and role ARN (with a short guide
 * to what RAM needs), then the access code, the oss-browser code and the plain fields, each
 * with Copy, the warning that the code works for anyone until it expires, and the policy in
 * plain words (the JSON sent to STS on request).
 */
import { useEffect, useId, useState, type ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import type { AppError } from '../../../shared/errors';
import { GRANT_PERMISSIONS, type Grant, type GrantPermission, type GrantSetup } from '../../../shared/contract/share';
import { ErrorPanel } from '../../ui/error-panel';
import { call } from '../../lib/oss-api';
import { Dialog } from '../../ui/dialog';
import { CopyField } from './copy-field';
import type { ShareTarget } from './share-store';
import { formatTime } from './use-signature-version';

const DURATIONS = [900, 3600, 21_600, 43_200] as const;
const ROLE_ARN = /^acs:ram::\d+:role\/[\w.@-]{1,64}$/i;

/** host[:port] of an STS address that is neither Alibaba's nor this computer (it needs the user's word). */
function hostToConfirm(text: string): string | undefined {
  try {
    const url = new URL(text);
    if (/^(sts|sts(-vpc)?\.[a-z0-9-]+)\.aliyuncs\.com$/i.test(url.hostname) && !url.port) return undefined;
    if (['localhost', '127.0.0.1', '[::1]'].includes(url.hostname)) return undefined;
    return url.host;
  } catch {
    return undefined;
  }
}

export function GrantDialog({ target, onClose }: { target: ShareTarget; onClose(): void }): ReactElement {
  const { t, i18n } = useTranslation('share');
  const path = `oss://${target.bucket}/${target.prefix}`;
  const [setup, setSetup] = useState<GrantSetup | null>(null);
  const [permission, setPermission] = useState<GrantPermission>('read');
  const [duration, setDuration] = useState<number>(3600);
  const [roleArn, setRoleArn] = useState('');
  const [stsEndpoint, setStsEndpoint] = useState('');
  const [grant, setGrant] = useState<Grant | null>(null);
  const [error, setError] = useState<AppError | null>(null);
  const [busy, setBusy] = useState(false);
  const [trustSts, setTrustSts] = useState(false);
  const roleId = useId();
  const stsId = useId();

  useEffect(() => {
    call('share:grant-setup', { profileId: target.profileId }).then(
      (s) => {
        setSetup(s);
        setRoleArn(s.roleArn ?? '');
        setStsEndpoint(s.stsEndpoint ?? '');
      },
      (e: AppError) => setError(e),
    );
  }, [target.profileId]);

  const make = async () => {
    setBusy(true);
    setError(null);
    try {
      setGrant(
        await call('share:grant', {
          profileId: target.profileId,
          bucket: target.bucket,
          prefix: target.prefix,
          permission,
          durationSeconds: duration,
          roleArn: roleArn.trim(),
          ...(stsEndpoint.trim() ? { stsEndpoint: stsEndpoint.trim() } : {}),
          ...(trustSts && stsHost ? { confirmedStsHost: stsHost } : {}),
        }),
      );
    } catch (e) {
      setError(e as AppError);
    } finally {
      setBusy(false);
    }
  };
  const roleOk = ROLE_ARN.test(roleArn.trim());
  const stsHost = stsEndpoint.trim() && stsEndpoint.trim() !== setup?.stsEndpoint ? hostToConfirm(stsEndpoint.trim()) : undefined;

  return (
    <Dialog
      title={t('grant.title', { path })}
      onClose={onClose}
      wide
      testId="share-grant-dialog"
      footer={
        <>
          <button type="button" className="ui-button" onClick={onClose}>
            {t('common.close')}
          </button>
          {setup?.supported && !grant && (
            <button type="button" className="ui-button ui-button--primary" disabled={busy || !roleOk} onClick={() => void make()}>
              {busy ? t('common.working') : t('grant.make')}
            </button>
          )}
        </>
      }
    >
      <p>{t('grant.intro')}</p>
      {setup && !setup.supported && (
        <p role="alert" className="share-problem">
          {t('grant.unsupported')} {setup.reason}
        </p>
      )}
      {setup?.supported && !grant && (
        <div className="share-form">
          <fieldset className="share-field">
            <legend>{t('grant.permission')}</legend>
            {GRANT_PERMISSIONS.map((p) => (
              <label key={p} className="share-choice">
                <input type="radio" name="share-permission" checked={permission === p} onChange={() => setPermission(p)} />
                {t(`grant.perm.${p}`)}
              </label>
            ))}
          </fieldset>
          <label className="share-field">
            {t('grant.duration')}
            <select value={duration} onChange={(e) => setDuration(Number(e.target.value))}>
              {DURATIONS.map((d) => (
                <option key={d} value={d}>
                  {t(`grant.durationPreset.${d}`)}
                </option>
              ))}
            </select>
            <span className="share-muted">{t('grant.durationHint')}</span>
          </label>
          <div className="share-field">
            <label htmlFor={roleId}>{t('grant.roleArn')}</label>
            <input id={roleId} value={roleArn} onChange={(e) => setRoleArn(e.target.value)} spellCheck={false} placeholder="acs:ram::123456789012:role/oss-share" />
            <span className="share-muted">{t('grant.roleArnHint')}</span>
            {!setup.roleArn && <p className="share-muted">{t('grant.roleGuide')}</p>}
          </div>
          <details>
            <summary>{t('grant.advanced')}</summary>
            <label htmlFor={stsId}>{t('grant.stsEndpoint')}</label>
            <input id={stsId} value={stsEndpoint} onChange={(e) => setStsEndpoint(e.target.value)} spellCheck={false} />
            {stsHost && (
              <label className="share-choice">
                <input type="checkbox" checked={trustSts} onChange={(e) => setTrustSts(e.target.checked)} />
                {t('grant.trustSts', { host: stsHost })}
              </label>
            )}
          </details>
        </div>
      )}
      {error && <ErrorPanel error={error} compact />}
      {grant && (
        <div className="share-result" data-testid="share-grant-result">
          <p className="share-warning" role="note">
            {t('grant.warning', { time: formatTime(grant.fields.expiration, i18n.language) })}
          </p>
          <h3>{t('grant.policyTitle')}</h3>
          <ul>
            <li>{t(`grant.policy.${grant.permission}`, { path })}</li>
            <li>{t('grant.policy.nothingElse', { path })}</li>
          </ul>
          <details>
            <summary>{t('grant.showPolicy')}</summary>
            <pre className="share-policy">{grant.policy}</pre>
          </details>
          <CopyField label={t('grant.code')} value={grant.accessCode} multiline testId="share-access-code" />
          <CopyField label={t('grant.ossBrowserCode')} value={grant.ossBrowserCode} multiline />
          <h3>{t('grant.fields')}</h3>
          <CopyField label={t('grant.field.accessKeyId')} value={grant.fields.accessKeyId} />
          <CopyField label={t('grant.field.accessKeySecret')} value={grant.fields.accessKeySecret} />
          <CopyField label={t('grant.field.securityToken')} value={grant.fields.securityToken} multiline />
          <CopyField label={t('grant.field.expiration')} value={grant.fields.expiration} />
          <CopyField label={t('grant.field.endpoint')} value={grant.fields.endpoint} />
          <CopyField label={t('grant.field.region')} value={grant.fields.region} />
          <CopyField label={t('grant.field.path')} value={path} />
        </div>
      )}
    </Dialog>
  );
}
