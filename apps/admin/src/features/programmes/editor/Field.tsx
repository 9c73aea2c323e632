import type { CSSProperties, ReactNode } from 'react';
import { Alert, Form, Input } from 'antd';
import { useI18n } from '@/app/i18n/I18nProvider';
import type { Path } from './doc';
import { pathKey, useProblemsAt } from './problems';

/** The id an input gets, so its label points at it (and a screen reader or a test finds it by label). */
export const fieldId = (path: Path) => `doc-${pathKey(path).replace(/\./g, '-') || 'root'}`;

/**
 * One field of the draft: label, the input, and the problems found at its path (client rules and the
 * server's field errors) as the item's error text.
 */
export function Field({
  path,
  label,
  extra,
  required,
  children,
}: {
  path: Path;
  label: ReactNode;
  extra?: ReactNode;
  required?: boolean;
  children: (id: string) => ReactNode;
}) {
  const errors = useProblemsAt(path);
  const id = fieldId(path);
  return (
    <Form.Item
      label={label}
      htmlFor={id}
      required={required}
      extra={extra}
      validateStatus={errors.length ? 'error' : undefined}
      help={errors.length ? errors.join('；') : undefined}
    >
      {children(id)}
    </Form.Item>
  );
}

/** A Field whose input is one line of text. */
export function TextField({
  value,
  onChange,
  style,
  ...field
}: {
  path: Path;
  label: ReactNode;
  extra?: ReactNode;
  required?: boolean;
  value: string;
  onChange: (value: string) => void;
  style?: CSSProperties;
}) {
  return (
    <Field {...field}>
      {(id) => <Input id={id} value={value} style={style} onChange={(e) => onChange(e.target.value)} />}
    </Field>
  );
}

/** Problems with single members of a list field (an activity type the measure does not list). */
export function ListProblems({ at, labels }: { at: Path; labels: string[] }) {
  return (
    <>
      {labels.map((label, n) => (
        <MemberProblems key={n} at={[...at, n]} label={label} />
      ))}
    </>
  );
}

function MemberProblems({ at, label }: { at: Path; label: string }) {
  const { t } = useI18n();
  const problems = useProblemsAt(at);
  if (problems.length === 0) return null;
  return (
    <Alert
      type="error"
      showIcon
      style={{ marginBottom: 12 }}
      title={t('programme.editor.memberProblem', { item: label, problem: problems.join('；') })}
    />
  );
}
