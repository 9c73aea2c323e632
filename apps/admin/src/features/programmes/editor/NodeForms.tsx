import { Button, Col, Divider, Form, Input, Row, Select, Space, Tag, Typography } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useI18n } from '@/app/i18n/I18nProvider';
import {
  activityLabel,
  activityOptions,
  cited,
  formatTarget,
  options,
  type Doc,
  type MeasureDoc,
} from '../labels';
import { addIndicator, addMeasure, updateArea, updateMeasure, type Path } from './doc';
import { Field, ListProblems } from './Field';
import { ReminderRules } from './ReminderRules';
import type { NodeFormProps } from './types';

/** The template's own fields: its names and the document it transcribes. */
export function HeadForm({
  doc,
  change,
  template,
}: NodeFormProps & { template: { key: string; basedOn: string | null } }) {
  const { t } = useI18n();
  const set = (at: Path, next: Doc) => change(at, next);
  const setSource = (field: keyof Doc['source'], value: string) => {
    const { [field]: _old, ...rest } = doc.source;
    const optional = field === 'documentNo' || field === 'issuedOn';
    const source = optional && value.trim() === '' ? rest : { ...rest, [field]: value };
    set(['source', field], { ...doc, source: source as Doc['source'] });
  };
  return (
    <Form layout="vertical" component="div">
      <Row gutter={16}>
        <Col xs={24} md={12}>
          <Field path={['name']} label={t('programme.template.name')} required>
            {(id) => (
              <Input
                id={id}
                value={doc.name}
                onChange={(e) => set(['name'], { ...doc, name: e.target.value })}
              />
            )}
          </Field>
        </Col>
        <Col xs={24} md={12}>
          <Field path={['nameEn']} label={t('programme.template.nameEn')}>
            {(id) => (
              <Input
                id={id}
                value={doc.nameEn}
                onChange={(e) => set(['nameEn'], { ...doc, nameEn: e.target.value })}
              />
            )}
          </Field>
        </Col>
        <Col xs={24} md={12}>
          <Field path={['key']} label={t('programme.key')} extra={t('programme.template.keyFixed')}>
            {(id) => <Input id={id} value={doc.key} disabled />}
          </Field>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item label={t('programme.template.basedOn')}>
            <Typography.Text>{template.basedOn ?? '—'}</Typography.Text>
          </Form.Item>
        </Col>
      </Row>
      <Divider titlePlacement="start">{t('programme.template.source')}</Divider>
      <Row gutter={16}>
        <Col xs={24} md={12}>
          <Field path={['source', 'title']} label={t('programme.source.title')} required>
            {(id) => (
              <Input id={id} value={doc.source.title} onChange={(e) => setSource('title', e.target.value)} />
            )}
          </Field>
        </Col>
        <Col xs={24} md={12}>
          <Field path={['source', 'issuer']} label={t('programme.source.issuer')} required>
            {(id) => (
              <Input
                id={id}
                value={doc.source.issuer}
                onChange={(e) => setSource('issuer', e.target.value)}
              />
            )}
          </Field>
        </Col>
        <Col xs={24} md={12}>
          <Field path={['source', 'documentNo']} label={t('programme.source.documentNo')}>
            {(id) => (
              <Input
                id={id}
                value={doc.source.documentNo ?? ''}
                onChange={(e) => setSource('documentNo', e.target.value)}
              />
            )}
          </Field>
        </Col>
        <Col xs={24} md={12}>
          <Field path={['source', 'issuedOn']} label={t('programme.source.issuedOn')} extra="YYYY-MM-DD">
            {(id) => (
              <Input
                id={id}
                value={doc.source.issuedOn ?? ''}
                placeholder="YYYY-MM-DD"
                onChange={(e) => setSource('issuedOn', e.target.value.trim())}
              />
            )}
          </Field>
        </Col>
      </Row>
    </Form>
  );
}

export function AreaForm({ doc, change, select, a }: NodeFormProps & { a: number }) {
  const { t } = useI18n();
  const area = doc.areas[a]!;
  const at: Path = ['areas', a];
  const set = (field: Path, next: Doc) => change([...at, ...field], next);
  return (
    <Form layout="vertical" component="div">
      <Row gutter={16}>
        <Col xs={24} md={8}>
          <Field
            path={[...at, 'clause']}
            label={t('programme.clause')}
            required
            extra={t('programme.area.clauseExtra')}
          >
            {(id) => (
              <Input
                id={id}
                value={area.clause}
                onChange={(e) =>
                  set(
                    ['clause'],
                    updateArea(doc, a, (x) => ({ ...x, clause: e.target.value })),
                  )
                }
              />
            )}
          </Field>
        </Col>
        <Col xs={24} md={16}>
          <Field path={[...at, 'title']} label={t('programme.area.title')} required>
            {(id) => (
              <Input
                id={id}
                value={area.title}
                onChange={(e) =>
                  set(
                    ['title'],
                    updateArea(doc, a, (x) => ({ ...x, title: e.target.value })),
                  )
                }
              />
            )}
          </Field>
        </Col>
        <Col xs={24} md={8}>
          <Field path={[...at, 'kind']} label={t('programme.area.kind')} required>
            {(id) => (
              <Select
                id={id}
                value={area.kind}
                options={options(t, 'areaKind')}
                onChange={(kind) =>
                  set(
                    ['kind'],
                    updateArea(doc, a, (x) => ({ ...x, kind })),
                  )
                }
              />
            )}
          </Field>
        </Col>
        <Col xs={24} md={16}>
          <Field path={[...at, 'key']} label={t('programme.key')} required extra={t('programme.keyExtra')}>
            {(id) => (
              <Input
                id={id}
                value={area.key}
                onChange={(e) =>
                  set(
                    ['key'],
                    updateArea(doc, a, (x) => ({ ...x, key: e.target.value })),
                  )
                }
              />
            )}
          </Field>
        </Col>
      </Row>
      <Divider titlePlacement="start">{t('programme.area.measures', { n: area.measures.length })}</Divider>
      <ul className="plain-list">
        {area.measures.map((m, n) => (
          <li key={n}>
            <Typography.Link onClick={() => select({ type: 'measure', a, m: n })}>
              {cited(m) || t('programme.editor.untitled')}
            </Typography.Link>
          </li>
        ))}
      </ul>
      <Button
        icon={<PlusOutlined />}
        style={{ marginTop: 12 }}
        onClick={() => {
          const [next, ref] = addMeasure(doc, a);
          change(at, next);
          select(ref);
        }}
      >
        {t('programme.editor.addMeasure')}
      </Button>
    </Form>
  );
}

export function MeasureForm(props: NodeFormProps & { a: number; m: number }) {
  const { doc, change, select, a, m } = props;
  const { t, lang } = useI18n();
  const measure = doc.areas[a]!.measures[m]!;
  const at: Path = ['areas', a, 'measures', m];
  const set = (field: string, fn: (x: MeasureDoc) => MeasureDoc) =>
    change([...at, field], updateMeasure(doc, a, m, fn));
  return (
    <Form layout="vertical" component="div">
      <Row gutter={16}>
        <Col xs={24} md={6}>
          <Field
            path={[...at, 'clause']}
            label={t('programme.clause')}
            required
            extra={t('programme.measure.clauseExtra')}
          >
            {(id) => (
              <Input
                id={id}
                value={measure.clause}
                onChange={(e) => set('clause', (x) => ({ ...x, clause: e.target.value }))}
              />
            )}
          </Field>
        </Col>
        <Col xs={24} md={18}>
          <Field path={[...at, 'title']} label={t('programme.measure.title')} required>
            {(id) => (
              <Input
                id={id}
                value={measure.title}
                onChange={(e) => set('title', (x) => ({ ...x, title: e.target.value }))}
              />
            )}
          </Field>
        </Col>
        <Col span={24}>
          <Field
            path={[...at, 'text']}
            label={t('programme.measure.text')}
            extra={t('programme.measure.textExtra')}
          >
            {(id) => (
              <Input.TextArea
                id={id}
                autoSize={{ minRows: 3, maxRows: 12 }}
                value={measure.text}
                onChange={(e) => set('text', (x) => ({ ...x, text: e.target.value }))}
              />
            )}
          </Field>
        </Col>
        <Col span={24}>
          <Field
            path={[...at, 'activityTypes']}
            label={t('programme.measure.activityTypes')}
            extra={t('programme.measure.activityTypesExtra')}
          >
            {(id) => (
              <Select
                id={id}
                mode="multiple"
                value={measure.activityTypes}
                options={activityOptions(lang)}
                optionFilterProp="label"
                onChange={(codes) =>
                  set('activityTypes', (x) => ({ ...x, activityTypes: codes as MeasureDoc['activityTypes'] }))
                }
              />
            )}
          </Field>
          <ListProblems
            at={[...at, 'activityTypes']}
            labels={measure.activityTypes.map((c) => activityLabel(lang, c))}
          />
        </Col>
        <Col span={24}>
          <Field path={[...at, 'key']} label={t('programme.key')} required extra={t('programme.keyExtra')}>
            {(id) => (
              <Input
                id={id}
                value={measure.key}
                style={{ maxWidth: 360 }}
                onChange={(e) => set('key', (x) => ({ ...x, key: e.target.value }))}
              />
            )}
          </Field>
        </Col>
      </Row>

      <Divider titlePlacement="start">
        {t('programme.measure.indicators', { n: measure.indicators.length })}
      </Divider>
      {measure.indicators.length === 0 && (
        <Typography.Paragraph type="secondary">{t('programme.measure.noIndicators')}</Typography.Paragraph>
      )}
      <ul className="plain-list">
        {measure.indicators.map((ind, n) => (
          <li key={n}>
            <Space size={8} wrap>
              <Typography.Link onClick={() => select({ type: 'indicator', a, m, i: n })}>
                {ind.name || t('programme.editor.untitled')}
              </Typography.Link>
              <Tag>{formatTarget(t, ind.kind, ind.target)}</Tag>
              {ind.adjustable && <Tag color="blue">{t('programme.indicator.adjustableTag')}</Tag>}
            </Space>
          </li>
        ))}
      </ul>
      <Button
        icon={<PlusOutlined />}
        style={{ marginTop: 12 }}
        onClick={() => {
          const [next, ref] = addIndicator(doc, a, m);
          change(at, next);
          select(ref);
        }}
      >
        {t('programme.editor.addIndicator')}
      </Button>

      <Divider titlePlacement="start">
        {t('programme.measure.reminders', { n: measure.reminderRules.length })}
      </Divider>
      <ReminderRules {...props} />
    </Form>
  );
}
