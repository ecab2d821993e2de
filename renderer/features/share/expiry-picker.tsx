/** Link lifetime: the presets (15 min, 1 h, 1 day, 7 days) or a custom value, checked as typed. */
import { useId, type ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import { EXPIRY_PRESETS, V1_MAX_EXPIRES_SECONDS, V4_MAX_EXPIRES_SECONDS } from '../../../shared/contract/share';

export type ExpiryUnit = 'minutes' | 'hours' | 'days';
export interface ExpiryValue {
  preset: number | 'custom';
  amount: string;
  unit: ExpiryUnit;
}

export const DEFAULT_EXPIRY: ExpiryValue = { preset: 3600, amount: '2', unit: 'hours' };
const UNIT_SECONDS: Record<ExpiryUnit, number> = { minutes: 60, hours: 3600, days: 86_400 };

/** Seconds for the value, or the translation key of what is wrong with it. */
export function expirySeconds(v: ExpiryValue, version: 'v1' | 'v4'): { seconds: number } | { problem: string } {
  const seconds = v.preset === 'custom' ? Math.round(Number(v.amount) * UNIT_SECONDS[v.unit]) : v.preset;
  if (!Number.isFinite(seconds) || seconds < 1) return { problem: 'expiry.tooShort' };
  if (seconds > (version === 'v4' ? V4_MAX_EXPIRES_SECONDS : V1_MAX_EXPIRES_SECONDS)) return { problem: 'expiry.tooLongV4' };
  return { seconds };
}

export function ExpiryPicker({ value, onChange, problem }: { value: ExpiryValue; onChange(v: ExpiryValue): void; problem?: string | undefined }): ReactElement {
  const { t } = useTranslation('share');
  const id = useId();
  return (
    <div className="share-field">
      <label htmlFor={id}>{t('expiry.label')}</label>
      <div className="share-row">
        <select id={id} value={String(value.preset)} onChange={(e) => onChange({ ...value, preset: e.target.value === 'custom' ? 'custom' : Number(e.target.value) })}>
          {EXPIRY_PRESETS.map((s) => (
            <option key={s} value={s}>
              {t(`expiry.preset.${s}`)}
            </option>
          ))}
          <option value="custom">{t('expiry.custom')}</option>
        </select>
        {value.preset === 'custom' && (
          <>
            <input aria-label={t('expiry.customValue')} type="number" min="1" step="any" value={value.amount} onChange={(e) => onChange({ ...value, amount: e.target.value })} />
            <select aria-label={t('expiry.customValue')} value={value.unit} onChange={(e) => onChange({ ...value, unit: e.target.value as ExpiryUnit })}>
              {(['minutes', 'hours', 'days'] as const).map((u) => (
                <option key={u} value={u}>
                  {t(`expiry.unit.${u}`)}
                </option>
              ))}
            </select>
          </>
        )}
      </div>
      {problem && <p role="alert" className="share-problem">{t(problem)}</p>}
    </div>
  );
}
