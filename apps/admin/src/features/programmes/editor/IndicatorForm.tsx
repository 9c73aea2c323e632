import { Col, Form, Input, Row, Select, Space, Switch, Typography } from 'antd';
import { CheckCircleFilled } from '@ant-design/icons';
import { useI18n } from '@/app/i18n/I18nProvider';
import { ClauseText } from '../ClauseText';
import {
  activityLabel,
  activityOptions,
  formatTarget,
  options,
  unitOf,
  unitSuffix,
  type IndicatorDoc,
  type IndicatorKind,
} from '../labels';
import { UnitInput } from '../UnitInput';
import { updateIndicator, type Path } from './doc';
import { Field, ListProblems, TextField } from './Field';
import { useProblemsAt } from './problems';
import type { NodeFormProps } from './types';

/** The default target of a kind when the unit changes: once, or everyone (100 %), or no money yet. */
function defaultTarget(kind: IndicatorKind): number {
  const unit = unitOf(kind);
  return unit === 'percent' ? 10000 : unit === 'yuan' ? 0 : 1;
}

/** A new kind: the target is reset when its unit changes, and eligible_ratio brings its group and level. */
function withKind(ind: IndicatorDoc, kind: IndicatorKind): IndicatorDoc {
  const { adjustable, eligibleGroup, ...rest } = ind;
  const sameUnit = unitOf(kind) === unitOf(ind.kind);
  const next: IndicatorDoc = { ...rest, kind, target: sameUnit ? ind.target : defaultTarget(kind) };
  if (sameUnit && adjustable) next.adjustable = adjustable;
  if (kind === 'eligible_ratio') {
    next.level = 'tenant';
    next.eligibleGroup = eligibleGroup ?? 'rotation_eligible';
  }
  return next;
}

export function IndicatorForm({
  doc,
  change,
  setFormatError,
  a,
  m,
  i,
}: NodeFormProps & { a: number; m: number; i: number }) {
  const { t, lang } = useI18n();
  const measure = doc.areas[a]!.measures[m]!;
  const ind = measure.indicators[i]!;
  const at: Path = ['areas', a, 'measures', m, 'indicators', i];
  const quoteProblems = useProblemsAt([...at, 'clauseQuote']);
  const set = (fn: (x: IndicatorDoc) => IndicatorDoc) => change(at, updateIndicator(doc, a, m, i, fn));
  const unit = unitOf(ind.kind);
  const suffix = unitSuffix(t, ind.kind);
  // The measure's types first; one it no longer lists stays visible (and marked by the rules).
  const typeCodes = [
    ...measure.activityTypes,
    ...ind.activityTypes.filter((c) => !measure.activityTypes.includes(c)),
  ];
  const range = ind.adjustable;

  return (
    <>
      <Typography.Text type="secondary">{t('programme.editor.basis')}</Typography.Text>
      <ClauseText measure={measure} quote={ind.clauseQuote} className="clause-box" />
      <Form layout="vertical" component="div">
        <Row gutter={16}>
          <Col xs={24} md={12}>
            <TextField
              path={[...at, 'name']}
              label={t('programme.indicator.name')}
              required
              value={ind.name}
              onChange={(name) => set((x) => ({ ...x, name }))}
            />
          </Col>
          <Col xs={24} md={12}>
            <TextField
              path={[...at, 'key']}
              label={t('programme.key')}
              required
              extra={t('programme.keyExtra')}
              value={ind.key}
              onChange={(key) => set((x) => ({ ...x, key }))}
            />
          </Col>
          <Col xs={24} md={8}>
            <Field path={[...at, 'kind']} label={t('programme.indicator.kind')} required>
              {(id) => (
                <Select
                  id={id}
                  value={ind.kind}
                  options={options(t, 'kind')}
                  onChange={(kind) => set((x) => withKind(x, kind))}
                />
              )}
            </Field>
          </Col>
          <Col xs={24} md={8}>
            <Field path={[...at, 'period']} label={t('programme.indicator.period')} required>
              {(id) => (
                <Select
                  id={id}
                  value={ind.period}
                  options={options(t, 'period')}
                  onChange={(period) => set((x) => ({ ...x, period }))}
                />
              )}
            </Field>
          </Col>
          <Col xs={24} md={8}>
            <Field path={[...at, 'level']} label={t('programme.indicator.level')} required>
              {(id) => (
                <Select
                  id={id}
                  value={ind.level}
                  options={options(t, 'level')}
                  onChange={(level) => set((x) => ({ ...x, level }))}
                />
              )}
            </Field>
          </Col>
          <Col span={24}>
            <Field
              path={[...at, 'activityTypes']}
              label={t('programme.indicator.activityTypes')}
              required
              extra={t('programme.indicator.activityTypesExtra')}
            >
              {(id) => (
                <Select
                  id={id}
                  mode="multiple"
                  value={ind.activityTypes}
                  options={activityOptions(lang, typeCodes)}
                  onChange={(codes) =>
                    set((x) => ({ ...x, activityTypes: codes as IndicatorDoc['activityTypes'] }))
                  }
                />
              )}
            </Field>
            <ListProblems
              at={[...at, 'activityTypes']}
              labels={ind.activityTypes.map((c) => activityLabel(lang, c))}
            />
          </Col>
          {(ind.kind === 'eligible_ratio' || ind.eligibleGroup !== undefined) && (
            <Col span={24}>
              <Field path={[...at, 'eligibleGroup']} label={t('programme.indicator.eligibleGroup')} required>
                {(id) => (
                  <Select
                    id={id}
                    value={ind.eligibleGroup}
                    options={options(t, 'group')}
                    onChange={(eligibleGroup) => set((x) => ({ ...x, eligibleGroup }))}
                  />
                )}
              </Field>
            </Col>
          )}
          <Col xs={24} md={12}>
            <Field
              path={[...at, 'target']}
              label={t('programme.indicator.target')}
              required
              extra={t(`programme.unitHint.${unit}`)}
            >
              {(id) => (
                <UnitInput
                  id={id}
                  unit={unit}
                  value={ind.target}
                  suffix={suffix}
                  onChange={(target) => set((x) => ({ ...x, target }))}
                  onFormatError={(bad) => setFormatError([...at, 'target'], bad)}
                />
              )}
            </Field>
          </Col>
          <Col xs={24} md={12}>
            <Field
              path={[...at, 'adjustable']}
              label={t('programme.indicator.adjustable')}
              extra={range ? t('programme.indicator.adjustableOn') : t('programme.indicator.adjustableOff')}
            >
              {(id) => (
                <Switch
                  id={id}
                  checked={!!range}
                  onChange={(on) => {
                    if (!on) {
                      setFormatError([...at, 'adjustable', 'min'], false);
                      setFormatError([...at, 'adjustable', 'max'], false);
                    }
                    set(({ adjustable: _drop, ...x }) =>
                      on ? { ...x, adjustable: { min: x.target, max: x.target } } : x,
                    );
                  }}
                />
              )}
            </Field>
          </Col>
          {range && (
            <Col span={24}>
              <Space size={16} wrap align="start">
                <Field path={[...at, 'adjustable', 'min']} label={t('programme.indicator.min')} required>
                  {(id) => (
                    <UnitInput
                      id={id}
                      unit={unit}
                      value={range.min}
                      suffix={suffix}
                      onChange={(min) => set((x) => ({ ...x, adjustable: { ...x.adjustable!, min } }))}
                      onFormatError={(bad) => setFormatError([...at, 'adjustable', 'min'], bad)}
                    />
                  )}
                </Field>
                <Field path={[...at, 'adjustable', 'max']} label={t('programme.indicator.max')} required>
                  {(id) => (
                    <UnitInput
                      id={id}
                      unit={unit}
                      value={range.max}
                      suffix={suffix}
                      onChange={(max) => set((x) => ({ ...x, adjustable: { ...x.adjustable!, max } }))}
                      onFormatError={(bad) => setFormatError([...at, 'adjustable', 'max'], bad)}
                    />
                  )}
                </Field>
              </Space>
              <Typography.Paragraph type="secondary">
                {t('programme.indicator.rangeSummary', {
                  target: formatTarget(t, ind.kind, ind.target),
                  min: formatTarget(t, ind.kind, range.min),
                  max: formatTarget(t, ind.kind, range.max),
                })}
              </Typography.Paragraph>
            </Col>
          )}
          <Col span={24}>
            <Field
              path={[...at, 'clauseQuote']}
              label={t('programme.indicator.clauseQuote')}
              required
              extra={
                quoteProblems.length === 0 && ind.clauseQuote ? (
                  <Typography.Text type="success">
                    <CheckCircleFilled /> {t('programme.indicator.quoteFound')}
                  </Typography.Text>
                ) : (
                  t('programme.indicator.clauseQuoteExtra')
                )
              }
            >
              {(id) => (
                <Input.TextArea
                  id={id}
                  autoSize={{ minRows: 1, maxRows: 4 }}
                  value={ind.clauseQuote}
                  onChange={(e) => set((x) => ({ ...x, clauseQuote: e.target.value }))}
                />
              )}
            </Field>
          </Col>
        </Row>
      </Form>
    </>
  );
}
