/**
 * When a pasted STS token expires: a date-time picker in local time (the form keeps the ISO
 * instant main expects) with the time left next to it, so nobody types ISO 8601 by hand.
 */
import { useEffect, useState, type ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import { isoToLocalInput, localInputToIso, timeLeft } from './expiry-time';

export interface ExpiryFieldProps {
  value: string;
  onChange(iso: string): void;
  id?: string;
  'aria-describedby'?: string;
  'aria-invalid'?: boolean;
}

export function ExpiryField({ value, onChange, ...control }: ExpiryFieldProps): ReactElement {
  const { t, i18n } = useTranslation('profiles');
  const ms = value ? new Date(value).getTime() : NaN;
  // The time left is read against a clock that ticks twice a minute, not at each render.
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 30_000);
    return () => clearInterval(timer);
  }, []);
  const when = Number.isNaN(ms) ? '' : timeLeft(value, now, i18n.language);
  return (
    <div className="profiles-row profiles-expiry">
      <input type="datetime-local" step={1} value={isoToLocalInput(value)} onChange={(e) => onChange(localInputToIso(e.target.value))} {...control} />
      {!Number.isNaN(ms) && (
        <span className={ms <= now ? 'profiles-warning' : 'profiles-muted'} data-testid="expiry-left">
          {ms <= now ? t('expiry.ended', { when }) : t('expiry.left', { when })}
        </span>
      )}
    </div>
  );
}
