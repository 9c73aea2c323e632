import { Empty, Space, Tag, Typography } from 'antd';
import { useI18n } from '@/app/i18n/I18nProvider';
import type { Translate } from '@/app/i18n/lang';
import type { MessageKey } from '@/app/i18n/zh';
import type { Change as Stored } from './api';
import { cited, formatRange, formatTarget, label, type Doc } from './labels';

/** A stored change (from the API) or one the domain's diffTemplates computed here. */
type Change = Omit<Stored, 'fields'> & { fields?: readonly string[] };

const ENTITIES = ['template', 'area', 'measure', 'indicator', 'reminder_rule'] as const;
const CHANGE_COLOR = { added: 'green', removed: 'red', changed: 'blue' } as const;
/** The fields a diff names (domain diffTemplates); 'area'/'measure' mean the node moved. */
const FIELDS = new Set([
  'key',
  'name',
  'nameEn',
  'source',
  'clause',
  'title',
  'kind',
  'text',
  'activityTypes',
  'period',
  'level',
  'target',
  'adjustable',
  'eligibleGroup',
  'clauseQuote',
  'trigger',
  'leadDays',
  'audience',
  'role',
  'activityType',
  'area',
  'measure',
]);

export const fieldName = (t: Translate, f: string) =>
  FIELDS.has(f) ? t(`programme.field.${f}` as MessageKey) : f;

/** How a node is named in a list of changes, from the documents that hold it (newest first). */
export function nodeNames(
  t: Translate,
  ...docs: (Doc | undefined)[]
): (entity: string, key: string) => string | undefined {
  const names = new Map<string, string>();
  const put = (entity: string, key: string, name: string) => {
    if (!names.has(`${entity}:${key}`)) names.set(`${entity}:${key}`, name);
  };
  for (const doc of docs) {
    if (!doc) continue;
    put('template', '', doc.name);
    for (const area of doc.areas) {
      put('area', area.key, cited(area));
      for (const m of area.measures) {
        put('measure', m.key, cited(m));
        for (const i of m.indicators)
          put('indicator', i.key, `${i.name}（${formatTarget(t, i.kind, i.target)}）`);
        for (const r of m.reminderRules)
          put('reminder_rule', r.key, `${cited(m)} · ${label(t, 'trigger', r.trigger.kind)}`);
      }
    }
  }
  return (entity, key) => names.get(`${entity}:${key}`);
}

export function changeCounts(changes: readonly Change[]) {
  const n = { added: 0, removed: 0, changed: 0 };
  for (const c of changes) n[c.change] += 1;
  return n;
}

export function ChangeSummary({ changes }: { changes: readonly Change[] }) {
  const { t } = useI18n();
  const n = changeCounts(changes);
  return (
    <Space size={4} wrap>
      {(['added', 'changed', 'removed'] as const)
        .filter((c) => n[c] > 0)
        .map((c) => (
          <Tag key={c} color={CHANGE_COLOR[c]}>
            {t(`programme.change.${c}`)} {n[c]}
          </Tag>
        ))}
      {changes.length === 0 && <Typography.Text type="secondary">{t('programme.diff.none')}</Typography.Text>}
    </Space>
  );
}

/**
 * A version diff for people: grouped by kind of node (template, areas, measures, indicators, reminder
 * rules), each line what happened to which node by its name, and for a change which fields.
 */
export function ChangeList({
  changes,
  before,
  after,
}: {
  changes: readonly Change[];
  /** The documents compared (when known): they name removed nodes and show old and new targets. */
  before?: Doc;
  after?: Doc;
}) {
  const { t } = useI18n();
  const nameOf = nodeNames(t, after, before);
  const targets = (doc: Doc | undefined) =>
    new Map(
      doc?.areas.flatMap((a) => a.measures.flatMap((m) => m.indicators.map((i) => [i.key, i] as const))),
    );
  const [old, now] = [targets(before), targets(after)];
  /** "目标值 2 次 → 3 次；可调整范围 不可调整 → 2 次 – 5 次" for an indicator whose numbers changed. */
  const numbers = (c: Change) => {
    const [x, y] = [old.get(c.key), now.get(c.key)];
    if (c.entity !== 'indicator' || c.change !== 'changed' || !x || !y) return null;
    const range = (i: typeof x) =>
      i.adjustable ? formatRange(t, i.kind, i.adjustable) : t('programme.indicator.fixed');
    const parts: string[] = [];
    if (c.fields?.includes('target'))
      parts.push(
        `${fieldName(t, 'target')} ${formatTarget(t, x.kind, x.target)} → ${formatTarget(t, y.kind, y.target)}`,
      );
    if (c.fields?.includes('adjustable'))
      parts.push(`${fieldName(t, 'adjustable')} ${range(x)} → ${range(y)}`);
    return parts.length ? parts.join('；') : null;
  };
  if (changes.length === 0)
    return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('programme.diff.none')} />;
  return (
    <div className="change-list" aria-label={t('programme.diff.title')}>
      {ENTITIES.map((entity) => {
        const rows = changes.filter((c) => c.entity === entity);
        if (rows.length === 0) return null;
        return (
          <section key={entity}>
            <Typography.Text strong>
              {t(`programme.entity.${entity}`)}（{rows.length}）
            </Typography.Text>
            <ul className="plain-list">
              {rows.map((c) => (
                <li key={`${c.change}:${c.key}`}>
                  <Tag color={CHANGE_COLOR[c.change]}>{t(`programme.change.${c.change}`)}</Tag>
                  <span>{nameOf(entity, c.key) ?? c.key}</span>
                  {c.key && entity !== 'template' && (
                    <Typography.Text type="secondary" style={{ marginInlineStart: 6, fontSize: 12 }}>
                      {c.key}
                    </Typography.Text>
                  )}
                  {c.fields && c.fields.length > 0 && (
                    <Typography.Text type="secondary" style={{ marginInlineStart: 8 }}>
                      {t('programme.diff.fields', {
                        fields: c.fields.map((f) => fieldName(t, f)).join('、'),
                      })}
                    </Typography.Text>
                  )}
                  {numbers(c) && <div className="change-detail">{numbers(c)}</div>}
                </li>
              ))}
            </ul>
          </section>
        );
      })}
    </div>
  );
}
