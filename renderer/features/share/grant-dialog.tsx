/**
 * Temporary access to one folder: permission set, duration and role ARN (with a short guide
 * to what RAM needs), then the access code, the oss-browser code and the plain fields, each
 * with Copy, the warning that the code works for anyone until it expires, and the policy in
 * plain words (the JSON sent to STS on request).
 */
import { useEffect, useId, useRef, useState, type ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import type { AppError } from '../../../shared/errors';
import { GRANT_MAX_SECONDS, GRANT_MIN_SECONDS, GRANT_PERMISSIONS, type Grant, type GrantPermission, type GrantSetup } from '../../../shared/contract/share';
import { ErrorPanel } from '../../ui/error-panel';
import { call } from '../../lib/oss-api';
import { Dialog } from '../../ui/dialog';
import { CopyField } from './copy-field';
import type { ShareTarget } from './share-store';
import { useFocusAfterWork } from './use-focus-after-work';
import { formatTime, isLocalAddress } from './use-signature-version';

const DURATIONS = [900, 3600, 21_600, 43_200] as const;
const ROLE_ARN = /^acs:ram::\d+:role\/[\w.@-]{1,64}$/i;

/** Session seconds for a preset or a custom number of minutes (STS: 15 min up to 12 h), or undefined when out of range. */
export function grantSeconds(duration: number | 'custom', customMinutes: string): number | undefined {
  const seconds = duration === 'custom' ? Math.round(Number(customMinutes) * 60) : duration;
  return Number.isFinite(seconds) && seconds >= GRANT_MIN_SECONDS && seconds <= GRANT_MAX_SECONDS ? seconds : undefined;
}


export function GrantDialog({ target, onClose }: { target: ShareTarget; onClose(): void }): ReactElement {
  const { t, i18n } = useTranslation('share');
  const path = `oss://${target.bucket}/${target.prefix}`;
  const [setup, setSetup] = useState<GrantSetup | null>(null);
  const [permission, setPermission] = useState<GrantPermission>('read');
  const [duration, setDuration] = useState<number | 'custom'>(3600);
  const [customMinutes, setCustomMinutes] = useState('120');
  const [roleArn, setRoleArn] = useState('');
  const [stsEndpoint, setStsEndpoint] = useState('');
  const [grant, setGrant] = useState<Grant | null>(null);
  const [error, setError] = useState<AppError | null>(null);
  const [busy, setBusy] = useState(false);
  const roleId = useId();
  const stsId = useId();
  const durationId = useId();
  const resultRef = useRef<HTMLDivElement>(null);
  const makeRef = useRef<HTMLButtonElement>(null);
  useFocusAfterWork(busy, [resultRef, makeRef]);

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
          durationSeconds: seconds ?? GRANT_MIN_SECONDS,
          roleArn: roleArn.trim(),
          ...(stsEndpoint.trim() ? { stsEndpoint: stsEndpoint.trim() } : {}),
        }),
      );
    } catch (e) {
      setError(e as AppError);
    } finally {
      setBusy(false);
    }
  };
  const roleOk = ROLE_ARN.test(roleArn.trim());
  const seconds = grantSeconds(duration, customMinutes);

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
            <button ref={makeRef} type="button" className="ui-button ui-button--primary" disabled={busy || !roleOk || seconds === undefined} onClick={() => void make()}>
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
          <div className="share-field">
            <label htmlFor={durationId}>{t('grant.duration')}</label>
            <div className="share-row">
              <select id={durationId} aria-describedby={`${durationId}-hint`} value={String(duration)} onChange={(e) => setDuration(e.target.value === 'custom' ? 'custom' : Number(e.target.value))}>
                {DURATIONS.map((d) => (
                  <option key={d} value={d}>
                    {t(`grant.durationPreset.${d}`)}
                  </option>
                ))}
                <option value="custom">{t('grant.durationCustom')}</option>
              </select>
              {duration === 'custom' && (
                <label className="share-choice">
                  <input type="number" min={GRANT_MIN_SECONDS / 60} max={GRANT_MAX_SECONDS / 60} step="1" value={customMinutes} onChange={(e) => setCustomMinutes(e.target.value)} aria-describedby={`${durationId}-hint`} />
                  {t('grant.minutes')}
                </label>
              )}
            </div>
            {seconds === undefined && (
              <p role="alert" className="share-problem">
                {t('grant.durationRange')}
              </p>
            )}
            <span id={`${durationId}-hint`} className="share-muted">
              {t('grant.durationHint')}
            </span>
          </div>
          <div className="share-field">
            <label htmlFor={roleId}>{t('grant.roleArn')}</label>
            <input id={roleId} aria-describedby={`${roleId}-hint`} value={roleArn} onChange={(e) => setRoleArn(e.target.value)} spellCheck={false} placeholder="acs:ram::123456789012:role/oss-share" />
            <span id={`${roleId}-hint`} className="share-muted">
              {t('grant.roleArnHint')}
            </span>
            {!setup.roleArn && <p className="share-muted">{t('grant.roleGuide')}</p>}
          </div>
          <details>
            <summary>{t('grant.advanced')}</summary>
            <label htmlFor={stsId}>{t('grant.stsEndpoint')}</label>
            {/* A new STS host is confirmed once, in main's own dialog naming it (the page cannot answer that one). */}
            <input id={stsId} value={stsEndpoint} onChange={(e) => setStsEndpoint(e.target.value)} spellCheck={false} />
          </details>
        </div>
      )}
      {error && <ErrorPanel error={error} compact />}
      {grant && (
        <div className="share-result" data-testid="share-grant-result" ref={resultRef}>
          <p className="share-warning" role="note">
            {t('grant.warning', { time: formatTime(grant.fields.expiration, i18n.language) })}
          </p>
          {isLocalAddress(grant.fields.endpoint) && (
            <p className="share-warning" role="note">
              {t('grant.localOnly')}
            </p>
          )}
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
