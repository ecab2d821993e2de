/**
 * Add / edit a profile: pick the type, fill the form, "Test connection" (ListBuckets, or
 * one list call at the start path) and save. Imports (environment, credential files) sit
 * at the top of the add dialog. Errors show in the shared error panel with their hint.
 * A host that is not Alibaba Cloud's (a custom STS endpoint, a credentials URI, a metadata
 * URL, an access code's endpoint, a custom OSS endpoint or a bucket's own domain) is
 * confirmed once, in main's native dialog naming it: script in the page cannot answer that
 * dialog, so the page asks nothing of its own.
 */
import { useEffect, useRef, useState, type ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import type { AppError } from '../../../shared/errors';
import type { ConnectionTestResult, ProfileView } from '../../../shared/profile-types';
import { Button } from '../../ui/button';
import { Dialog } from '../../ui/dialog';
import { ErrorPanel } from '../../ui/error-panel';
import { call } from '../../lib/oss-api';
import { asAppError } from '../../ui/app-error';
import { emptyForm, formFromProfile, inputFromForm, type FormState } from './profile-form-model';
import { ProfileFields } from './profile-fields';
import { validateForm, type FieldErrors } from './profile-validation';
import { focusFirstInvalid } from '../../ui/field';
import { loadProfiles, openDialog, openProfile } from './profiles-state';

export interface ProfileDialogProps {
  profile?: ProfileView;
}

export function ProfileDialog({ profile }: ProfileDialogProps): ReactElement {
  const { t } = useTranslation('profiles');
  const editing = !!profile;
  const [form, setForm] = useState<FormState>(() => (profile ? formFromProfile(profile) : emptyForm()));
  const [busy, setBusy] = useState<'test' | 'save' | 'import' | null>(null);
  const [error, setError] = useState<AppError | null>(null);
  const [result, setResult] = useState<ConnectionTestResult | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [fieldErrors, setFieldErrors] = useState<FieldErrors>({});
  const formRef = useRef<HTMLDivElement>(null);
  const resultRef = useRef<HTMLDivElement>(null);
  const [focusInvalid, setFocusInvalid] = useState(0);
  const set = (patch: Partial<FormState>) => {
    setForm((f) => ({ ...f, ...patch }));
    setResult(null);
    // A field the user touches loses its complaint; the others stay until the next try.
    setFieldErrors((e) => {
      const next = { ...e };
      for (const k of Object.keys(patch) as Array<keyof FormState>) delete next[k];
      return next;
    });
  };
  // After a failed check: the first wrong field gets the focus (once the Advanced section opened).
  useEffect(() => {
    if (focusInvalid) focusFirstInvalid(formRef.current);
  }, [focusInvalid]);
  // The test result (or its error) appears where the user is looking, even below an open section.
  useEffect(() => {
    if (result || error) resultRef.current?.scrollIntoView?.({ block: 'nearest' });
  }, [result, error]);
  const close = () => openDialog(null);

  /** An edit as a patch: stored credentials are kept unless the user chose to change them. */
  const patchFromForm = () => {
    const input = inputFromForm(form);
    return {
      name: input.name,
      endpoint: input.endpoint,
      startPath: input.startPath ?? null,
      ...(form.changeCredentials ? { credentials: input.credentials } : {}),
      ...(input.proxyPassword ? { proxyPassword: input.proxyPassword } : {}),
    };
  };

  const run = async (kind: 'test' | 'save' | 'import', work: () => Promise<void>) => {
    setBusy(kind);
    setError(null);
    setNotice(null);
    try {
      await work();
    } catch (err) {
      setError(asAppError(err));
      setResult(null);
    } finally {
      setBusy(null);
    }
  };

  const finish = async (saved: ProfileView) => {
    close();
    await loadProfiles();
    await openProfile(saved.id);
  };

  const test = () =>
    run('test', async () => {
      if (editing) {
        setResult(await call('profiles:test', { id: profile.id, patch: patchFromForm() }));
      } else {
        setResult(await call('profiles:test', { input: inputFromForm(form) }));
      }
    });

  const save = () =>
    run('save', async () => {
      if (form.type === 'access-code' && !editing) {
        const named = form.name.trim() ? { name: form.name.trim() } : {};
        // Codes from the official oss-browser (base64 JSON, no "ossac" prefix) go through the share feature's import.
        const ours = /^\s*ossac\d*\./.test(form.accessCode);
        await finish(await (ours ? call('profiles:import-access-code', { code: form.accessCode, ...named }) : call('share:import-oss-browser-code', { code: form.accessCode, ...named })));
        return;
      }
      if (editing) {
        const saved = await call('profiles:update', { id: profile.id, ...patchFromForm(), test: true });
        await finish(saved);
      } else {
        await finish(await call('profiles:add', { input: inputFromForm(form), test: true }));
      }
    });

  /** Runs test or save once the form is valid; main asks about any host that is not Alibaba Cloud's in its own dialog. */
  const guarded = (action: 'test' | 'save') => {
    const problems = validateForm(form, editing);
    setFieldErrors(problems);
    if (Object.keys(problems).length > 0) {
      setError(null);
      setResult(null);
      setFocusInvalid((n) => n + 1);
      return;
    }
    void (action === 'test' ? test() : save());
  };

  const importEnv = () =>
    run('import', async () => {
      const found = await call('profiles:import-env', { save: true, name: form.name.trim() || t('import.envName') });
      if (!found.found || !found.profile) {
        setNotice(t('import.envNone'));
        return;
      }
      await finish(found.profile);
    });

  const importFile = (source: 'alibabacloud' | 'ossutil') =>
    run('import', async () => {
      const r = await call('profiles:import-file', { source });
      await loadProfiles();
      setNotice(t('import.fileResult', { count: r.imported.length, file: r.file, skipped: r.skipped.length }));
      if (r.imported[0]) await openProfile(r.imported[0].id);
    });

  return (
    <Dialog
      wide
      title={editing ? t('dialog.editTitle') : t('dialog.addTitle')}
      onClose={close}
      testId="profile-dialog"
      footer={
        <>
          <Button onClick={close}>{t('action.cancel')}</Button>
          {form.type !== 'access-code' && (
            <Button disabled={!!busy} onClick={() => guarded('test')}>
              {busy === 'test' ? t('action.testing') : t('action.test')}
            </Button>
          )}
          <Button tone="primary" disabled={!!busy} onClick={() => guarded('save')}>
            {busy === 'save' ? t('action.saving') : t('action.save')}
          </Button>
        </>
      }
    >
      <div className="profiles-form" ref={formRef}>
        {!editing && (
          <div className="profiles-imports" role="group" aria-label={t('import.label')}>
            <span>{t('import.label')}:</span>
            <Button disabled={!!busy} onClick={() => void importEnv()}>
              {t('import.env')}
            </Button>
            <Button disabled={!!busy} onClick={() => void importFile('alibabacloud')}>
              {t('import.alibabacloud')}
            </Button>
            <Button disabled={!!busy} onClick={() => void importFile('ossutil')}>
              {t('import.ossutil')}
            </Button>
          </div>
        )}
        <ProfileFields form={form} set={set} editing={editing} errors={fieldErrors} {...(profile ? { saved: profile } : {})} />
        {notice && (
          <p className="profiles-note" role="status">
            {notice}
          </p>
        )}
        <div ref={resultRef} aria-live="polite">
        {Object.keys(fieldErrors).length > 0 && (
          <p className="profiles-field__error" data-testid="form-problems">
            {t('invalid.summary', { count: Object.keys(fieldErrors).length })}
          </p>
        )}
        {error && <ErrorPanel error={error} compact onDismiss={() => setError(null)} />}
        {result && (
          <div className="profiles-test-result" role="status" data-testid="profile-test-result">
            <strong>{result.openAt ? t('test.okPath', { path: `oss://${result.openAt.bucket}/${result.openAt.prefix}` }) : t('test.ok', { count: result.buckets.length })}</strong>
            <ul>
              {result.buckets.slice(0, 20).map((b) => (
                <li key={b.name}>
                  {b.name} <span className="profiles-muted">{b.region}</span>
                </li>
              ))}
            </ul>
          </div>
        )}
        </div>
      </div>
    </Dialog>
  );
}
