import { Alert, Button, Input, Select, Space, Typography } from 'antd';
import { useI18n } from '@/app/i18n/I18nProvider';
import type { Translate } from '@/app/i18n/lang';
import { teacherOption, useTeacherSearch } from '@/features/teachers/useTeacherSearch';
import type { BuiltSelection, PickedTeacher } from './participants';
import type { PastedId } from './pastedIds';

/** What is wrong with a pasted number by itself, as the line under the text area says it. */
function problemText(t: Translate, e: PastedId): string {
  switch (e.problem) {
    case 'format':
      return t('care.pick.problem.format');
    case 'checksum':
      return t('care.pick.problem.checksum');
    case 'birthDate':
      return t('care.pick.problem.birthDate');
    case 'duplicate':
      return t('care.pick.problem.duplicate', { line: e.firstLine ?? 0 });
    default:
      return '';
  }
}

/** Finds teachers by name on the server (debounced) and keeps the ones picked, with their names. */
export function SearchPane({
  picked,
  problems,
  onChange,
}: {
  picked: PickedTeacher[];
  problems: Map<string, string>;
  onChange: (picked: PickedTeacher[]) => void;
}) {
  const { t } = useI18n();
  const { typed, setTyped, q, found } = useTeacherSearch({ status: 'active' });
  const known = new Map(picked.map((p) => [p.id, p]));
  for (const x of found.data?.items ?? []) {
    if (!known.has(x.id)) known.set(x.id, { id: x.id, name: x.name, orgName: x.orgName });
  }
  const labelOf = (p: PickedTeacher) => (p.orgName ? `${p.name}（${p.orgName}）` : p.name);
  const options = (found.data?.items ?? []).map(teacherOption);

  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      <Typography.Text id="care-pick-search-label">{t('care.pick.search')}</Typography.Text>
      <Select<{ value: string; label: string }[]>
        mode="multiple"
        labelInValue
        aria-labelledby="care-pick-search-label"
        style={{ width: '100%' }}
        value={picked.map((p) => ({ value: p.id, label: labelOf(p) }))}
        onChange={(chosen) =>
          onChange(chosen.map((c) => known.get(c.value) ?? { id: c.value, name: c.label }))
        }
        showSearch={{ filterOption: false, onSearch: setTyped, searchValue: typed }}
        onBlur={() => setTyped('')}
        placeholder={t('care.pick.searchPlaceholder')}
        loading={found.isFetching}
        notFoundContent={q ? t('teachers.empty') : null}
        options={options}
        maxTagCount={40}
      />
      <Space>
        <Typography.Text type="secondary">{t('care.pick.searchHint', { n: picked.length })}</Typography.Text>
        {picked.length > 0 && (
          <Button size="small" type="link" onClick={() => onChange([])}>
            {t('care.pick.clear')}
          </Button>
        )}
      </Space>
      {problems.size > 0 && (
        <Alert
          type="error"
          showIcon
          title={t('care.pick.serverProblems')}
          description={
            <ul className="plain-list">
              {[...problems].map(([id, message]) => (
                <li key={id}>
                  {t('care.pick.teacherProblem', { name: known.get(id)?.name ?? id, message })}
                </li>
              ))}
            </ul>
          }
        />
      )}
    </Space>
  );
}

/** The pasted column, and under it each line that is wrong: by the number itself, or by the server. */
export function PastePane({
  text,
  built,
  serverProblems,
  onChange,
}: {
  text: string;
  built: BuiltSelection;
  serverProblems: Map<number, string>;
  onChange: (text: string) => void;
}) {
  const { t } = useI18n();
  const wrong = built.entries
    .map((e, i) => ({ e, message: e.problem ? problemText(t, e) : serverProblems.get(i) }))
    .filter((x): x is { e: PastedId; message: string } => !!x.message);
  // Keeps the good numbers, one per line (the lines renumber; the list of problems empties).
  const removeInvalid = () => {
    const bad = new Set(wrong.map((x) => x.e));
    onChange(
      built.entries
        .filter((e) => !bad.has(e))
        .map((e) => e.idNumber)
        .join('\n'),
    );
  };

  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      <Typography.Text id="care-pick-paste-label">{t('care.pick.paste')}</Typography.Text>
      <Input.TextArea
        aria-labelledby="care-pick-paste-label"
        value={text}
        onChange={(e) => onChange(e.target.value)}
        rows={6}
        placeholder={t('care.pick.pastePlaceholder')}
        style={{ fontFamily: 'monospace' }}
        spellCheck={false}
      />
      {built.entries.length > 0 && (
        <Typography.Text type="secondary">
          {t('care.pick.pasteSummary', {
            total: built.entries.length,
            valid: built.selection.idNumbers.length,
          })}
        </Typography.Text>
      )}
      {wrong.length > 0 && (
        <Alert
          type="error"
          showIcon
          title={t('care.pick.pasteInvalid', { n: wrong.length })}
          action={
            <Button size="small" danger onClick={removeInvalid}>
              {t('care.pick.pasteRemoveInvalid')}
            </Button>
          }
          description={
            <ul className="plain-list" aria-label={t('care.pick.pasteInvalid', { n: wrong.length })}>
              {wrong.map(({ e, message }) => (
                <li key={`${e.line}:${e.idNumber}`}>
                  <Typography.Text strong>{t('care.pick.line', { line: e.line })}</Typography.Text>{' '}
                  <Typography.Text code>{e.idNumber}</Typography.Text> {message}
                </li>
              ))}
            </ul>
          }
        />
      )}
    </Space>
  );
}
