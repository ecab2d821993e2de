/**
 * The fields of the add/edit form: one block per credential type, then the endpoint,
 * network and start-path settings. Pure presentation over FormState.
 */
import { cloneElement, createContext, useContext, useId, useState, type ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import { REGIONS } from '../../../shared/regions';
import type { ProfileView } from '../../../shared/profile-types';
import { call } from '../../lib/oss-api';
import { asAppError } from '../../ui/app-error';
import { Button } from '../../ui/button';
import { FORM_TYPES, proxyPasswordNeeded, type FormState } from './profile-form-model';
import { ADVANCED_FIELDS, type FieldErrors } from './profile-validation';
import { ExpiryField } from './expiry-field';

export interface FieldsProps {
  form: FormState;
  set: (patch: Partial<FormState>) => void;
  editing: boolean;
  /** Edit mode: the profile as saved (to tell when the proxy password must be typed again). */
  saved?: ProfileView;
  /** Problems found by validateForm, shown next to their fields. */
  errors?: FieldErrors;
}

/** The form's current problems, read by each field (no threading through every block). */
const ErrorsContext = createContext<FieldErrors>({});

/** A labelled control; the label names the control alone (not its current value). Its problem, if any, sits right under it. */
export function Field({ label, children, hint, name }: { label: string; children: ReactElement<{ id?: string; 'aria-describedby'?: string; 'aria-invalid'?: boolean }>; hint?: string; name?: keyof FormState }): ReactElement {
  const id = useId();
  const { t } = useTranslation('profiles');
  const errs = useContext(ErrorsContext);
  const problem = name ? errs[name] : undefined;
  const described = [hint ? `${id}-hint` : '', problem ? `${id}-error` : ''].filter(Boolean).join(' ');
  return (
    <div className={`profiles-field${problem ? ' profiles-field--invalid' : ''}`}>
      <label className="profiles-field__label" htmlFor={id}>
        {label}
      </label>
      {cloneElement(children, { id, ...(described ? { 'aria-describedby': described } : {}), ...(problem ? { 'aria-invalid': true } : {}) })}
      {hint && (
        <span className="profiles-field__hint" id={`${id}-hint`}>
          {hint}
        </span>
      )}
      {problem && (
        <span className="profiles-field__error" id={`${id}-error`} data-testid={`field-error-${name}`}>
          {t(problem)}
        </span>
      )}
    </div>
  );
}

function Check({ label, checked, onChange, name }: { label: string; checked: boolean; onChange: (v: boolean) => void; name?: keyof FormState }): ReactElement {
  const { t } = useTranslation('profiles');
  const id = useId();
  const errs = useContext(ErrorsContext);
  const problem = name ? errs[name] : undefined;
  return (
    <>
      <label className="profiles-check">
        <input type="checkbox" checked={checked} onChange={(e) => onChange(e.target.checked)} aria-invalid={problem ? true : undefined} aria-describedby={problem ? `${id}-error` : undefined} />
        <span>{label}</span>
      </label>
      {problem && (
        <span className="profiles-field__error" id={`${id}-error`} data-testid={`field-error-${name}`}>
          {t(problem)}
        </span>
      )}
    </>
  );
}

function CredentialFields({ form: f, set }: FieldsProps): ReactElement {
  const { t } = useTranslation('profiles');
  const text = (key: keyof FormState, label: string, opts: { secret?: boolean; hint?: string; placeholder?: string } = {}) => (
    <Field name={key} label={label} {...(opts.hint ? { hint: opts.hint } : {})}>
      <input
        type={opts.secret ? 'password' : 'text'}
        autoComplete="off"
        spellCheck={false}
        value={f[key] as string}
        placeholder={opts.placeholder}
        onChange={(e) => set({ [key]: e.target.value })}
      />
    </Field>
  );
  const keyPair = (
    <>
      {text('accessKeyId', t('field.accessKeyId'), { placeholder: 'LTAI…' })}
      {text('accessKeySecret', t('field.accessKeySecret'), { secret: true })}
    </>
  );
  switch (f.type) {
    case 'access-key':
      return (
        <>
          {keyPair}
          <p className="profiles-note">{t('advice.ramUser')}</p>
        </>
      );
    case 'sts-token':
      return (
        <>
          {text('accessKeyId', t('field.accessKeyId'), { placeholder: 'STS.…' })}
          {text('accessKeySecret', t('field.accessKeySecret'), { secret: true })}
          {text('securityToken', t('field.securityToken'), { secret: true })}
          <Field name="expiration" label={t('field.expiration')} hint={t('hint.expiration')}>
            <ExpiryField value={f.expiration} onChange={(expiration) => set({ expiration })} />
          </Field>
        </>
      );
    case 'ram-role':
      return (
        <>
          {keyPair}
          {text('roleArn', t('field.roleArn'), { placeholder: 'acs:ram::123456789012:role/name' })}
          {text('sessionName', t('field.sessionName'))}
          {text('durationSeconds', t('field.durationSeconds'), { hint: t('hint.duration') })}
          <Field name="policy" label={t('field.policy')} hint={t('hint.policy')}>
            <textarea rows={3} spellCheck={false} value={f.policy} onChange={(e) => set({ policy: e.target.value })} />
          </Field>
          {text('stsEndpoint', t('field.stsEndpoint'), { placeholder: 'https://sts.aliyuncs.com' })}
        </>
      );
    case 'credentials-uri':
      return text('credentialsUri', t('field.credentialsUri'), { placeholder: 'http://127.0.0.1:8080/credentials', hint: t('hint.credentialsUri') });
    case 'ecs-ram-role':
      return (
        <>
          {text('roleName', t('field.roleName'), { hint: t('hint.roleName') })}
          {text('metadataUrl', t('field.metadataUrl'), { placeholder: 'http://100.100.100.200' })}
        </>
      );
    case 'oidc-role':
      return (
        <>
          {text('roleArn', t('field.roleArn'))}
          {text('oidcProviderArn', t('field.oidcProviderArn'))}
          <TokenFileField form={f} set={set} />
          {text('sessionName', t('field.sessionName'))}
          {text('stsEndpoint', t('field.stsEndpoint'), { placeholder: 'https://sts.aliyuncs.com' })}
        </>
      );
    case 'access-code':
      return (
        <Field name="accessCode" label={t('field.accessCode')} hint={t('hint.accessCode')}>
          <textarea rows={4} spellCheck={false} value={f.accessCode} onChange={(e) => set({ accessCode: e.target.value })} />
        </Field>
      );
  }
}

/**
 * The OIDC token file: chosen in main's native dialog (main keeps the path, the page gets an
 * opaque id and the name), or taken from ALIBABA_CLOUD_OIDC_TOKEN_FILE when none is chosen.
 */
function TokenFileField({ form: f, set }: Pick<FieldsProps, 'form' | 'set'>): ReactElement {
  const { t } = useTranslation('profiles');
  const id = useId();
  const [error, setError] = useState<string | null>(null);
  const choose = async () => {
    setError(null);
    try {
      const chosen = await call('profiles:choose-token-file');
      if (chosen) set({ oidcTokenFileId: chosen.id, oidcTokenFileName: chosen.name });
    } catch (err) {
      const e = asAppError(err);
      setError(e.hint ? `${e.message} ${e.hint}` : e.message);
    }
  };
  return (
    <div className="profiles-field">
      <span className="profiles-field__label" id={`${id}-label`}>
        {t('field.oidcTokenFile')}
      </span>
      <div className="profiles-row">
        <Button aria-describedby={`${id}-label ${id}-hint`} onClick={() => void choose()}>
          {t('action.chooseTokenFile')}
        </Button>
      </div>
      <span className="profiles-field__hint" id={`${id}-hint`} role="status" data-testid="token-file-status">
        {f.oidcTokenFileId && f.oidcTokenFileName ? t('hint.oidcTokenFileChosen', { name: f.oidcTokenFileName }) : t('hint.oidcTokenFileNone')}
      </span>
      {error && (
        <span className="profiles-field__hint" role="alert">
          {error}
        </span>
      )}
    </div>
  );
}

function RegionField({ form: f, set }: FieldsProps): ReactElement {
  const { t, i18n } = useTranslation('profiles');
  const lang = i18n.language === 'zh-CN' ? 'zh-CN' : 'en';
  return (
    <Field name="region" label={t('field.region')}>
      <select value={f.region} onChange={(e) => set({ region: e.target.value })}>
        {!REGIONS.some((r) => r.id === f.region) && <option value={f.region}>{f.region}</option>}
        {REGIONS.map((r) => (
          <option key={r.id} value={r.id}>
            {r.name[lang]} ({r.id})
          </option>
        ))}
      </select>
    </Field>
  );
}

function EndpointFields({ form: f, set }: FieldsProps): ReactElement {
  const { t } = useTranslation('profiles');
  return (
    <fieldset className="profiles-fieldset">
      <legend>{t('section.endpoint')}</legend>
      <Field label={t('field.endpointKind')}>
        <select value={f.endpointKind} onChange={(e) => set({ endpointKind: e.target.value as FormState['endpointKind'] })}>
          {(['public', 'internal', 'accelerate', 'custom'] as const).map((k) => (
            <option key={k} value={k}>
              {t(`endpointKind.${k}`)}
            </option>
          ))}
        </select>
      </Field>
      {f.endpointKind === 'custom' && (
        <>
          <Field name="customUrl" label={t('field.customUrl')}>
            <input type="text" spellCheck={false} value={f.customUrl} placeholder="https://oss.example.com" onChange={(e) => set({ customUrl: e.target.value })} />
          </Field>
          <Field name="customRegionUrls" label={t('field.customRegionUrls')} hint={t('hint.customRegionUrls')}>
            <textarea rows={2} spellCheck={false} value={f.customRegionUrls} onChange={(e) => set({ customRegionUrls: e.target.value })} />
          </Field>
          <Check label={t('field.pathStyle')} checked={f.pathStyle} onChange={(v) => set({ pathStyle: v })} />
        </>
      )}
      <Check name="allowInsecureHttp" label={t('field.allowInsecureHttp')} checked={f.allowInsecureHttp} onChange={(v) => set({ allowInsecureHttp: v })} />
      {f.allowInsecureHttp && <p className="profiles-warning">{t('warning.http')}</p>}
      <Field label={t('field.signatureVersion')}>
        <select value={f.signatureVersion} onChange={(e) => set({ signatureVersion: e.target.value as 'v4' | 'v1' })}>
          <option value="v4">{t('signature.v4')}</option>
          <option value="v1">{t('signature.v1')}</option>
        </select>
      </Field>
      <Field name="cnames" label={t('field.cnames')} hint={t('hint.cnames')}>
        <textarea rows={2} spellCheck={false} value={f.cnames} onChange={(e) => set({ cnames: e.target.value })} />
      </Field>
    </fieldset>
  );
}

function NetworkFields({ form: f, set, saved }: FieldsProps): ReactElement {
  const { t } = useTranslation('profiles');
  return (
    <fieldset className="profiles-fieldset">
      <legend>{t('section.network')}</legend>
      <Field label={t('field.proxyMode')}>
        <select value={f.proxyMode} onChange={(e) => set({ proxyMode: e.target.value as FormState['proxyMode'] })}>
          {(['system', 'none', 'manual'] as const).map((m) => (
            <option key={m} value={m}>
              {t(`proxy.${m}`)}
            </option>
          ))}
        </select>
      </Field>
      {f.proxyMode === 'manual' && (
        <>
          <Field name="proxyUrl" label={t('field.proxyUrl')}>
            <input type="text" spellCheck={false} value={f.proxyUrl} placeholder="http://proxy.example.com:3128" onChange={(e) => set({ proxyUrl: e.target.value })} />
          </Field>
          <Field label={t('field.proxyUsername')}>
            <input type="text" value={f.proxyUsername} onChange={(e) => set({ proxyUsername: e.target.value })} />
          </Field>
          <Field label={t('field.proxyPassword')} {...(proxyPasswordNeeded(f, saved) ? { hint: t('hint.proxyPasswordAgain') } : {})}>
            <input type="password" autoComplete="off" value={f.proxyPassword} onChange={(e) => set({ proxyPassword: e.target.value })} />
          </Field>
        </>
      )}
      <div className="profiles-row">
        <Field label={t('field.connectTimeout')}>
          <input type="number" min={1} value={f.connectTimeoutSec} onChange={(e) => set({ connectTimeoutSec: e.target.value })} />
        </Field>
        <Field label={t('field.readTimeout')}>
          <input type="number" min={1} value={f.readTimeoutSec} onChange={(e) => set({ readTimeoutSec: e.target.value })} />
        </Field>
      </div>
    </fieldset>
  );
}

/** All fields of the form. */
export function ProfileFields(props: FieldsProps): ReactElement {
  const { t } = useTranslation('profiles');
  const { form: f, set, editing } = props;
  const showCredentials = !editing || f.changeCredentials;
  const errors = props.errors ?? {};
  const advancedWrong = ADVANCED_FIELDS.some((k) => errors[k]);
  return (
    <ErrorsContext.Provider value={errors}>
    <div className="profiles-fields">
      <Field name="name" label={t('field.name')}>
        <input type="text" value={f.name} onChange={(e) => set({ name: e.target.value })} />
      </Field>
      {editing && <Check label={t('field.changeCredentials')} checked={f.changeCredentials} onChange={(v) => set({ changeCredentials: v })} />}
      {showCredentials && (
        <>
          <Field label={t('field.type')}>
            <select value={f.type} onChange={(e) => set({ type: e.target.value as FormState['type'] })}>
              {FORM_TYPES.filter((ty) => !editing || ty !== 'access-code').map((ty) => (
                <option key={ty} value={ty}>
                  {t(`type.${ty}`)}
                </option>
              ))}
            </select>
          </Field>
          <CredentialFields {...props} />
        </>
      )}
      {f.type !== 'access-code' && (
        <>
          <Field name="startPath" label={t('field.startPath')} hint={t('hint.startPath')}>
            <input type="text" spellCheck={false} value={f.startPath} placeholder="oss://bucket/folder/" onChange={(e) => set({ startPath: e.target.value })} />
          </Field>
          <RegionField {...props} />
          {/* Most users never need these: closed unless the profile already uses them. */}
          <details className="profiles-advanced" open={advancedWrong || (editing && (f.endpointKind !== 'public' || f.proxyMode !== 'system'))}>
            <summary>{t('section.advanced')}</summary>
            <EndpointFields {...props} />
            <NetworkFields {...props} />
          </details>
          {!editing && <Check label={t('field.sessionOnly')} checked={f.sessionOnly} onChange={(v) => set({ sessionOnly: v })} />}
        </>
      )}
    </div>
    </ErrorsContext.Provider>
  );
}
