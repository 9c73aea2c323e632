// What a union chooses for the version it adopts: its own targets where the province allows (within
// the range), a budget per measure in yuan, and the settings of its periods. The same fields serve
// adopting a version and editing the adopted programme.
import { Col, Form, Input, Row, Table, Tag, Typography, type FormInstance, type FormRule } from 'antd';
import type { FieldError, Programme } from '@guanai/contracts';
import { checkTenantTarget, isMonthDay } from '@guanai/domain/programmes';
import { ApiError } from '@/app/api/problem';
import { useI18n } from '@/app/i18n/I18nProvider';
import type { Translate } from '@/app/i18n/lang';
import {
  cited,
  formatRange,
  formatTarget,
  label,
  unitOf,
  unitSuffix,
  type Doc,
  type IndicatorDoc,
  type MeasureDoc,
} from '../labels';
import { editUnit, formatHundredths, parseHundredths, parseUnit, yuan } from '../units';

export interface ProgrammeValues {
  /** Per adjustable indicator key, the target as typed in its unit; empty keeps the province's. */
  targets?: Record<string, string | undefined>;
  /** Per measure key, yuan as typed; empty means no budget. */
  budgets?: Record<string, string | undefined>;
  settings?: { autumnStart?: string; springStart?: string; atRisk?: string };
}

export type Choices = Pick<Programme, 'targets' | 'budgets' | 'settings'>;

export const DEFAULT_SETTINGS: Choices['settings'] = {
  semester: { autumnStart: '09-01', springStart: '02-01' },
  atRiskAfterBp: 5000,
};

const indicatorsOf = (doc: Doc) =>
  doc.areas.flatMap((a) => a.measures.flatMap((m) => m.indicators.map((ind) => ({ ind, measure: m }))));
const measuresOf = (doc: Doc) => doc.areas.flatMap((a) => a.measures);

/** The form's starting values: the programme's choices, or the province's targets and default settings. */
export function initialValues(doc: Doc, chosen?: Choices): ProgrammeValues {
  const settings = chosen?.settings ?? DEFAULT_SETTINGS;
  return {
    targets: Object.fromEntries(
      indicatorsOf(doc)
        .filter(({ ind }) => ind.adjustable)
        .map(({ ind }) => [ind.key, editUnit(unitOf(ind.kind), chosen?.targets[ind.key] ?? ind.target)]),
    ),
    budgets: Object.fromEntries(
      measuresOf(doc).map((m) => {
        const fen = chosen?.budgets[m.key];
        return [m.key, fen === undefined ? '' : formatHundredths(fen)];
      }),
    ),
    settings: {
      autumnStart: settings.semester.autumnStart,
      springStart: settings.semester.springStart,
      atRisk: formatHundredths(settings.atRiskAfterBp),
    },
  };
}

/** The request's targets, budgets and settings from valid form values (the validators ran first). */
export function toChoices(doc: Doc, v: ProgrammeValues) {
  const targets: Record<string, number> = {};
  for (const { ind } of indicatorsOf(doc)) {
    const text = v.targets?.[ind.key]?.trim();
    if (!ind.adjustable || !text) continue;
    const value = parseUnit(unitOf(ind.kind), text);
    // The province's own value is not stored: a later version's target then applies.
    if (value !== null && value !== ind.target) targets[ind.key] = value;
  }
  const budgets: Record<string, number> = {};
  for (const m of measuresOf(doc)) {
    const text = v.budgets?.[m.key]?.trim();
    const fen = text ? parseHundredths(text) : null;
    if (fen !== null) budgets[m.key] = fen;
  }
  const s = v.settings ?? {};
  const settings = {
    semester: {
      autumnStart: s.autumnStart?.trim() || DEFAULT_SETTINGS.semester.autumnStart,
      springStart: s.springStart?.trim() || DEFAULT_SETTINGS.semester.springStart,
    },
    atRiskAfterBp: parseHundredths(s.atRisk ?? '') ?? DEFAULT_SETTINGS.atRiskAfterBp,
  };
  return { targets, budgets, settings };
}

function targetRule(t: Translate, ind: IndicatorDoc): FormRule {
  const unit = unitOf(ind.kind);
  const show = (n: number | undefined) => (n === undefined ? '' : formatTarget(t, ind.kind, n));
  return {
    validator: async (_rule, text: string | undefined) => {
      if (!text?.trim()) return;
      const value = parseUnit(unit, text);
      if (value === null) throw new Error(t('programme.numberFormat'));
      const problem = checkTenantTarget(ind, value);
      if (problem)
        throw new Error(
          t(`programme.targetProblem.${problem}`, {
            target: show(ind.target),
            min: show(ind.adjustable?.min),
            max: show(ind.adjustable?.max),
          }),
        );
    },
  };
}

function yuanRule(t: Translate): FormRule {
  return {
    validator: async (_rule, text: string | undefined) => {
      if (!text?.trim()) return;
      const fen = parseHundredths(text);
      if (fen === null || fen > 1_000_000_000_000) throw new Error(t('programme.yuanFormat'));
    },
  };
}

/**
 * The indicators of the version with the province's target and range, and the union's own where it may
 * set one. With `onlyAdjustable` the fixed ones are left out (adopting: there is nothing to choose).
 */
export function TargetsTable({
  doc,
  chosen,
  editable,
  onlyAdjustable,
}: {
  doc: Doc;
  chosen?: Choices;
  editable: boolean;
  onlyAdjustable?: boolean;
}) {
  const { t } = useI18n();
  const rows = indicatorsOf(doc).filter(({ ind }) => !onlyAdjustable || ind.adjustable);
  return (
    <Table
      rowKey={(r) => r.ind.key}
      size="small"
      pagination={false}
      dataSource={rows}
      locale={{
        emptyText: t(onlyAdjustable ? 'programme.targets.noneAdjustable' : 'programme.targets.none'),
      }}
      scroll={{ x: 'max-content' }}
      columns={[
        {
          title: t('programme.entity.measure'),
          key: 'measure',
          width: 180,
          render: (_, r) => cited(r.measure),
        },
        {
          title: t('programme.entity.indicator'),
          key: 'name',
          render: (_, r) => (
            <>
              <div>{r.ind.name}</div>
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {label(t, 'period', r.ind.period)} · {label(t, 'level', r.ind.level)} ·{' '}
                {label(t, 'kind', r.ind.kind)}
              </Typography.Text>
            </>
          ),
        },
        {
          title: t('programme.targets.province'),
          key: 'province',
          width: 110,
          render: (_, r) => formatTarget(t, r.ind.kind, r.ind.target),
        },
        {
          title: t('programme.targets.range'),
          key: 'range',
          width: 150,
          render: (_, r) =>
            r.ind.adjustable ? (
              formatRange(t, r.ind.kind, r.ind.adjustable)
            ) : (
              <Tag>{t('programme.indicator.fixed')}</Tag>
            ),
        },
        {
          title: t('programme.targets.mine'),
          key: 'mine',
          width: 240,
          render: (_, r) => {
            const own = chosen?.targets[r.ind.key];
            if (!editable || !r.ind.adjustable)
              return (
                <>
                  {formatTarget(t, r.ind.kind, own ?? r.ind.target)}
                  {own !== undefined && own !== r.ind.target && (
                    <Tag color="blue" style={{ marginInlineStart: 6 }}>
                      {t('programme.targets.own')}
                    </Tag>
                  )}
                </>
              );
            return (
              <Form.Item
                name={['targets', r.ind.key]}
                rules={[targetRule(t, r.ind)]}
                style={{ margin: 0 }}
                validateFirst
              >
                <Input
                  aria-label={t('programme.targets.inputLabel', { name: r.ind.name })}
                  suffix={unitSuffix(t, r.ind.kind)}
                  placeholder={editUnit(unitOf(r.ind.kind), r.ind.target)}
                  inputMode="decimal"
                  style={{ width: 160 }}
                />
              </Form.Item>
            );
          },
        },
      ]}
    />
  );
}

/** A budget per measure in yuan; the total adds the fen exactly. */
export function BudgetsTable({ doc, chosen, editable }: { doc: Doc; chosen?: Choices; editable: boolean }) {
  const { t } = useI18n();
  const measures = measuresOf(doc);
  return (
    <>
      <Table<MeasureDoc>
        rowKey="key"
        size="small"
        pagination={false}
        dataSource={measures}
        scroll={{ y: 420 }}
        columns={[
          { title: t('programme.entity.measure'), key: 'measure', render: (_, m) => cited(m) },
          {
            title: t('programme.budget.amount'),
            key: 'amount',
            width: 220,
            render: (_, m) =>
              editable ? (
                <Form.Item name={['budgets', m.key]} rules={[yuanRule(t)]} style={{ margin: 0 }}>
                  <Input
                    aria-label={t('programme.budget.inputLabel', { name: cited(m) })}
                    suffix={t('programme.unit.yuan')}
                    inputMode="decimal"
                    style={{ width: 180 }}
                  />
                </Form.Item>
              ) : chosen?.budgets[m.key] !== undefined ? (
                `${yuan(chosen.budgets[m.key]!)} ${t('programme.unit.yuan')}`
              ) : (
                '—'
              ),
          },
        ]}
      />
      {editable ? (
        <TypedTotal doc={doc} />
      ) : (
        <Total fen={Object.values(chosen?.budgets ?? {}).reduce((a, b) => a + b, 0)} />
      )}
    </>
  );
}

function Total({ fen }: { fen: number }) {
  const { t } = useI18n();
  return (
    <Typography.Paragraph strong style={{ margin: '12px 0 0', textAlign: 'right' }}>
      {t('programme.budget.total', { amount: yuan(fen) })}
    </Typography.Paragraph>
  );
}

/** The sum of what is typed so far (inside the form), in fen: no float ever adds yuan. */
function TypedTotal({ doc }: { doc: Doc }) {
  const watched = Form.useWatch('budgets') as ProgrammeValues['budgets'];
  const fen = measuresOf(doc).reduce((sum, m) => sum + (parseHundredths(watched?.[m.key] ?? '') ?? 0), 0);
  return <Total fen={fen} />;
}

/** When semesters start and from what share of a period a lagging value counts as at risk. */
export function SettingsFields({ editable, chosen }: { editable: boolean; chosen?: Choices }) {
  const { t } = useI18n();
  if (!editable) {
    const s = chosen?.settings ?? DEFAULT_SETTINGS;
    return (
      <Typography.Paragraph>
        {t('programme.settings.summary', {
          autumn: s.semester.autumnStart,
          spring: s.semester.springStart,
          risk: formatHundredths(s.atRiskAfterBp),
        })}
      </Typography.Paragraph>
    );
  }
  const monthDay: FormRule = {
    validator: async (_r, v: string | undefined) => {
      if (v && !isMonthDay(v.trim())) throw new Error(t('programme.monthDayHint'));
    },
  };
  return (
    <Row gutter={16}>
      <Col xs={24} md={8}>
        <Form.Item
          name={['settings', 'autumnStart']}
          label={t('programme.settings.autumnStart')}
          rules={[monthDay]}
          extra="MM-DD"
        >
          <Input placeholder="09-01" />
        </Form.Item>
      </Col>
      <Col xs={24} md={8}>
        <Form.Item
          name={['settings', 'springStart']}
          label={t('programme.settings.springStart')}
          dependencies={[['settings', 'autumnStart']]}
          extra="MM-DD"
          rules={[
            monthDay,
            ({ getFieldValue }) => ({
              validator: async (_r, v: string | undefined) => {
                const autumn = (getFieldValue(['settings', 'autumnStart']) as string | undefined)?.trim();
                if (v && autumn && isMonthDay(v.trim()) && isMonthDay(autumn) && v.trim() >= autumn)
                  throw new Error(t('programme.settings.order'));
              },
            }),
          ]}
        >
          <Input placeholder="02-01" />
        </Form.Item>
      </Col>
      <Col xs={24} md={8}>
        <Form.Item
          name={['settings', 'atRisk']}
          label={t('programme.settings.atRisk')}
          extra={t('programme.settings.atRiskHint')}
          rules={[
            {
              validator: async (_r, v: string | undefined) => {
                const bp = parseHundredths(v ?? '');
                if (v?.trim() && (bp === null || bp > 10000))
                  throw new Error(t('programme.settings.atRiskFormat'));
              },
            },
          ]}
        >
          <Input suffix="%" inputMode="decimal" style={{ width: 140 }} />
        </Form.Item>
      </Col>
    </Row>
  );
}

/** The form's name of a server field error: `body.targets.k` → targets.k, semester days → settings. */
function formName(path: string): (string | number)[] | null {
  const [where, field, ...rest] = path.split('.');
  if (where !== 'body' || !field) return null;
  if (field === 'settings') {
    if (rest[0] === 'semester' && rest[1]) return ['settings', rest[1]];
    if (rest[0] === 'atRiskAfterBp') return ['settings', 'atRisk'];
    return null;
  }
  return [field, ...rest];
}

/** Puts the server's field errors on the form; true when at least one landed. */
export function applyProgrammeErrors(form: FormInstance, err: unknown): boolean {
  if (!(err instanceof ApiError) || !err.problem.errors?.length) return false;
  const fields = new Map<string, { name: (string | number)[]; errors: string[] }>();
  for (const e of err.problem.errors as FieldError[]) {
    const name = formName(e.path);
    if (!name) continue;
    const key = name.join('.');
    const entry = fields.get(key) ?? { name, errors: [] };
    entry.errors.push(e.message);
    fields.set(key, entry);
  }
  // Only fields the form shows (an empty input holds ''): the rest is for the toast.
  const list = [...fields.values()].filter((f) => form.getFieldValue(f.name) !== undefined);
  if (list.length) form.setFields(list);
  return list.length > 0;
}
