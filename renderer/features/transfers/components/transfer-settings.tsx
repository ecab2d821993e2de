/**
 * Transfer settings: parallel files and parts, part size (automatic by default), speed
 * limits, what to do when a file exists, and the download folder (chosen in a native
 * dialog main runs — the page never types a path). Shown as a section of the Settings
 * screen and, from the panel, in its own dialog. Values are checked beside each field
 * before anything is sent, and main validates them again.
 */
import { useEffect, useRef, useState, type ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import { CONFLICT_POLICIES, type TransferSettings } from '../../../../shared/contract/transfers';
import type { AppError } from '../../../../shared/errors';
import { Button } from '../../../ui/button';
import { Dialog } from '../../../ui/dialog';
import { EnumSelect } from '../../../ui/enum-select';
import { ErrorPanel } from '../../../ui/error-panel';
import { Field, focusFirstInvalid } from '../../../ui/field';
import { call } from '../../../lib/oss-api';
import { fieldsFrom, validate, type FieldError, type FieldErrors, type SettingsFields } from '../model/settings-form';
import { asAppError, transfersStore } from '../transfers-state';

export interface TransferSettingsFormProps {
  /** Called after a successful save (the dialog closes). */
  onSaved?(): void;
  /** Extra footer buttons (the dialog's Cancel). */
  extraButtons?: ReactElement;
}

export function TransferSettingsForm({ onSaved, extraButtons }: TransferSettingsFormProps): ReactElement {
  const { t } = useTranslation('transfers');
  const [saved, setSaved] = useState<TransferSettings | null>(null);
  const [fields, setFields] = useState<SettingsFields | null>(null);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [failure, setFailure] = useState<AppError | null>(null);
  const [status, setStatus] = useState<'idle' | 'busy' | 'saved'>('idle');
  const form = useRef<HTMLFormElement>(null);

  useEffect(() => {
    let live = true;
    call('transfers:settings-get').then(
      (s) => {
        if (!live) return;
        setSaved(s);
        setFields(fieldsFrom(s));
      },
      (e) => live && setFailure(asAppError(e)),
    );
    return () => {
      live = false;
    };
  }, []);

  if (!fields || !saved) return failure ? <ErrorPanel error={failure} compact /> : <p className="ui-muted">{t('panel.loading')}</p>;

  const set = (patch: Partial<SettingsFields>) => {
    setFields({ ...fields, ...patch });
    setStatus('idle');
  };
  const message = (e: FieldError | undefined) => (e ? t(`settings.error.${e.kind}`, { min: e.min.toLocaleString(), max: e.max.toLocaleString() }) : null);
  const numberField = (name: 'parallelFiles' | 'parallelParts' | 'bandwidthUpMb' | 'bandwidthDownMb', label: string, hint: string) => (
    <Field label={label} hint={hint} error={message(errors[name])}>
      {(control) => <input {...control} className="ui-input transfers-number" inputMode="decimal" value={fields[name]} onChange={(e) => set({ [name]: e.target.value })} />}
    </Field>
  );
  const save = async () => {
    const result = validate(fields);
    if (!result.ok) {
      setErrors(result.errors);
      // After React shows the errors, take the user to the first one.
      requestAnimationFrame(() => focusFirstInvalid(form.current));
      return;
    }
    setErrors({});
    setFailure(null);
    setStatus('busy');
    try {
      const next = await call('transfers:settings-set', result.patch);
      setSaved(next);
      setFields(fieldsFrom(next));
      setStatus('saved');
      onSaved?.();
    } catch (e) {
      setFailure(asAppError(e));
      setStatus('idle');
    }
  };
  const chooseFolder = async () => {
    try {
      const next = await call('transfers:choose-download-folder');
      setSaved(next);
    } catch (e) {
      setFailure(asAppError(e));
    }
  };

  return (
    <form
      ref={form}
      className="transfers-settings"
      data-testid="transfer-settings"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        void save();
      }}
    >
      <div className="transfers-settings-grid">
        {numberField('parallelFiles', t('settings.parallelFiles'), t('settings.parallelFilesHelp'))}
        {numberField('parallelParts', t('settings.parallelParts'), t('settings.parallelPartsHelp'))}
        <fieldset className="transfers-choices">
          <legend>{t('settings.partSize')}</legend>
          <label className="transfers-check">
            <input type="radio" name="transfers-part-size" checked={fields.partSizeAuto} onChange={() => set({ partSizeAuto: true })} />
            {t('settings.partSizeAuto')}
          </label>
          <label className="transfers-check">
            <input type="radio" name="transfers-part-size" checked={!fields.partSizeAuto} onChange={() => set({ partSizeAuto: false })} />
            {t('settings.partSizeCustom')}
          </label>
          {!fields.partSizeAuto && (
            <Field label={t('settings.partSizeMb')} hint={t('settings.partSizeHelp')} error={message(errors.partSizeMb)}>
              {(control) => <input {...control} className="ui-input transfers-number" inputMode="decimal" value={fields.partSizeMb} onChange={(e) => set({ partSizeMb: e.target.value })} />}
            </Field>
          )}
        </fieldset>
        {numberField('bandwidthUpMb', t('settings.bandwidthUp'), t('settings.bandwidthHelp'))}
        {numberField('bandwidthDownMb', t('settings.bandwidthDown'), t('settings.bandwidthHelp'))}
        <Field label={t('settings.conflictDefault')}>
          {(control) => <EnumSelect {...control} value={fields.conflictDefault} options={CONFLICT_POLICIES} labelOf={(p) => t(`settings.conflict.${p}`)} onChange={(p) => set({ conflictDefault: p })} />}
        </Field>
        <div className="ui-field transfers-folder-field">
          <span className="ui-field__label" id="transfers-download-folder-label">
            {t('settings.downloadFolder')}
          </span>
          <div className="transfers-folder-row">
            <span className="ui-mono transfers-folder" aria-labelledby="transfers-download-folder-label" data-testid="download-folder" title={saved.downloadFolder || undefined}>
              {saved.downloadFolder || t('settings.downloadFolderDefault')}
            </span>
            <Button small onClick={() => void chooseFolder()}>
              {t('settings.chooseFolder')}
            </Button>
          </div>
        </div>
      </div>
      {failure && <ErrorPanel error={failure} compact onDismiss={() => setFailure(null)} />}
      <div className="transfers-settings-footer">
        <span role="status" className="ui-muted">
          {status === 'saved' ? t('settings.saved') : ''}
        </span>
        {extraButtons}
        <Button tone="primary" type="submit" disabled={status === 'busy'}>
          {t('settings.save')}
        </Button>
      </div>
    </form>
  );
}

/** The settings in a dialog, opened from the transfer panel. */
export function TransferSettingsDialog(): ReactElement | null {
  const { t } = useTranslation('transfers');
  const open = transfersStore.use((s) => s.settingsOpen);
  if (!open) return null;
  const close = () => transfersStore.set({ settingsOpen: false });
  return (
    <Dialog title={t('settings.title')} onClose={close} testId="transfer-settings-dialog" wide footer={null}>
      <TransferSettingsForm onSaved={close} extraButtons={<Button onClick={close}>{t('settings.cancel')}</Button>} />
    </Dialog>
  );
}
