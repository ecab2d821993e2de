/** A <select> over a fixed list of string values with translated labels, typed end to end. */
import type { ReactElement, SelectHTMLAttributes } from 'react';

export interface EnumSelectProps<T extends string> extends Omit<SelectHTMLAttributes<HTMLSelectElement>, 'value' | 'onChange'> {
  value: T;
  options: readonly T[];
  labelOf(value: T): string;
  onChange(value: T): void;
}

export function EnumSelect<T extends string>({ value, options, labelOf, onChange, className, ...rest }: EnumSelectProps<T>): ReactElement {
  return (
    <select
      className={['ui-select', className].filter(Boolean).join(' ')}
      value={value}
      onChange={(e) => {
        const next = options.find((o) => o === e.target.value);
        if (next !== undefined) onChange(next);
      }}
      {...rest}
    >
      {options.map((o) => (
        <option key={o} value={o}>
          {labelOf(o)}
        </option>
      ))}
    </select>
  );
}
