/**
 * The transfer settings form as plain data: what the fields show (MB and MB/s, as users
 * think) and how typed text becomes the bytes main stores, with the same bounds as the
 * contract so a bad value is explained next to its field before anything is sent.
 */
import { CONFLICT_POLICIES, type ConflictPolicy, type TransferSettings } from '../../../../shared/contract/transfers';

const MB = 1024 * 1024;

/** Bounds shared with shared/contract/transfers.ts 'transfers:settings-set'. */
export const LIMITS = {
  parallelFiles: { min: 1, max: 16 },
  parallelParts: { min: 1, max: 32 },
  /** Part size in MB: 100 KiB to 5 GiB. */
  partSizeMb: { min: 0.1, max: 5120 },
  /** Speed limits in MB/s: 0 (none) to 100 GiB/s. */
  bandwidthMb: { min: 0, max: 102_400 },
} as const;

export interface SettingsFields {
  parallelFiles: string;
  parallelParts: string;
  partSizeAuto: boolean;
  partSizeMb: string;
  bandwidthUpMb: string;
  bandwidthDownMb: string;
  conflictDefault: ConflictPolicy;
}

export type SettingsPatch = Partial<Omit<TransferSettings, 'downloadFolder'>>;
export type FieldError = { kind: 'integer' | 'number'; min: number; max: number };
export type FieldErrors = Partial<Record<keyof SettingsFields, FieldError>>;

/** Trims trailing zeros: 1.50 → "1.5", 8 → "8". */
function mbText(bytes: number): string {
  return String(Math.round((bytes / MB) * 100) / 100);
}

/** The form's fields for saved settings. */
export function fieldsFrom(s: TransferSettings): SettingsFields {
  return {
    parallelFiles: String(s.parallelFiles),
    parallelParts: String(s.parallelParts),
    partSizeAuto: s.partSize === 'auto',
    partSizeMb: s.partSize === 'auto' ? '8' : mbText(s.partSize),
    bandwidthUpMb: mbText(s.bandwidthUp),
    bandwidthDownMb: mbText(s.bandwidthDown),
    conflictDefault: s.conflictDefault,
  };
}

function parse(text: string, bounds: { min: number; max: number }, integer: boolean): number | FieldError {
  const trimmed = text.trim().replace(/,/g, '');
  const value = trimmed === '' ? Number.NaN : Number(trimmed);
  const bad = { kind: integer ? 'integer' : 'number', min: bounds.min, max: bounds.max } as const;
  if (!Number.isFinite(value) || value < bounds.min || value > bounds.max) return bad;
  if (integer && !Number.isInteger(value)) return bad;
  return value;
}

/** Validates the form: the patch to send, or the errors to show beside the fields. */
export function validate(f: SettingsFields): { ok: true; patch: SettingsPatch } | { ok: false; errors: FieldErrors } {
  const errors: FieldErrors = {};
  const num = (field: keyof SettingsFields, text: string, bounds: { min: number; max: number }, integer: boolean): number => {
    const v = parse(text, bounds, integer);
    if (typeof v === 'number') return v;
    errors[field] = v;
    return 0;
  };
  const parallelFiles = num('parallelFiles', f.parallelFiles, LIMITS.parallelFiles, true);
  const parallelParts = num('parallelParts', f.parallelParts, LIMITS.parallelParts, true);
  const partMb = f.partSizeAuto ? 0 : num('partSizeMb', f.partSizeMb, LIMITS.partSizeMb, false);
  const up = num('bandwidthUpMb', f.bandwidthUpMb, LIMITS.bandwidthMb, false);
  const down = num('bandwidthDownMb', f.bandwidthDownMb, LIMITS.bandwidthMb, false);
  if (!CONFLICT_POLICIES.includes(f.conflictDefault)) errors.conflictDefault = { kind: 'number', min: 0, max: 0 };
  if (Object.keys(errors).length > 0) return { ok: false, errors };
  return {
    ok: true,
    patch: {
      parallelFiles,
      parallelParts,
      // At least 100 KiB after rounding, as the contract requires.
      partSize: f.partSizeAuto ? 'auto' : Math.max(100 * 1024, Math.round(partMb * MB)),
      bandwidthUp: Math.round(up * MB),
      bandwidthDown: Math.round(down * MB),
      conflictDefault: f.conflictDefault,
    },
  };
}
