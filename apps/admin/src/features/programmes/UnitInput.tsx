import { useState } from 'react';
import { Input } from 'antd';
import { editUnit, parseUnit, type Unit } from './units';

/**
 * A stored integer typed in its unit: a count, a percentage (basis points) or yuan (fen). The text is
 * the person's; the integer goes out only when the text reads as one (`onChange`), otherwise
 * `onFormatError(true)` says the field cannot be saved as it is.
 */
export function UnitInput({
  id,
  unit,
  value,
  suffix,
  invalid,
  disabled,
  width = 180,
  onChange,
  onFormatError,
}: {
  id?: string;
  unit: Unit;
  value: number | undefined;
  suffix: string;
  invalid?: boolean;
  disabled?: boolean;
  width?: number;
  onChange: (value: number) => void;
  onFormatError?: (bad: boolean) => void;
}) {
  const [text, setText] = useState(() => (value === undefined ? '' : editUnit(unit, value)));
  const [shown, setShown] = useState({ unit, value });
  const bad = parseUnit(unit, text) === null;
  // The value changed from outside (another kind reset it, a reload): show it, unless the text says it.
  if (shown.unit !== unit || shown.value !== value) {
    setShown({ unit, value });
    if (shown.unit !== unit || parseUnit(unit, text) !== value)
      setText(value === undefined ? '' : editUnit(unit, value));
  }
  return (
    <Input
      id={id}
      value={text}
      suffix={suffix}
      inputMode="decimal"
      disabled={disabled}
      status={bad || invalid ? 'error' : undefined}
      aria-invalid={bad || invalid || undefined}
      style={{ width }}
      onChange={(e) => {
        const next = e.target.value;
        setText(next);
        const parsed = parseUnit(unit, next);
        onFormatError?.(parsed === null);
        if (parsed !== null) {
          setShown({ unit, value: parsed });
          onChange(parsed);
        }
      }}
    />
  );
}
