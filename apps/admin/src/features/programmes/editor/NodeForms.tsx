import { Button, Col, Divider, Form, Input, Row, Select, Space, Tag, Typography } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useI18n } from '@/app/i18n/I18nProvider';
import {
  activityLabel,
  activityOptions,
  cited,
  formatTarget,
  options,
  type AreaDoc,
  type Doc,
  type MeasureDoc,
} from '../labels';
import { addIndicator, addMeasure, updateArea, updateMeasure, type Path } from './doc';
import { Field, ListProblems, TextField } from './Field';
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
          <TextField
            path={['name']}
            label={t('programme.template.name')}
            required
            value={doc.name}
            onChange={(name) => set(['name'], { ...doc, name })}
          />
        </Col>
        <Col xs={24} md={12}>
          <TextField
            path={['nameEn']}
            label={t('programme.template.nameEn')}
            value={doc.nameEn}
            onChange={(nameEn) => set(['nameEn'], { ...doc, nameEn })}
          />
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
          <TextField
            path={['source', 'title']}
            label={t('programme.source.title')}
            required
            value={doc.source.title}
            onChange={(v) => setSource('title', v)}
          />
        </Col>
        <Col xs={24} md={12}>
          <TextField
            path={['source', 'issuer']}
            label={t('programme.source.issuer')}
            required
            value={doc.source.issuer}
            onChange={(v) => setSource('issuer', v)}
          />
        </Col>
        <Col xs={24} md={12}>
          <TextField
            path={['source', 'documentNo']}
            label={t('programme.source.documentNo')}
            value={doc.source.documentNo ?? ''}
            onChange={(v) => setSource('documentNo', v)}
          />
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
  const set = <K extends keyof AreaDoc>(field: K, value: AreaDoc[K]) =>
    change(
      [...at, field],
      updateArea(doc, a, (x) => ({ ...x, [field]: value })),
    );
  return (
    <Form layout="vertical" component="div">
      <Row gutter={16}>
        <Col xs={24} md={8}>
          <TextField
            path={[...at, 'clause']}
            label={t('programme.clause')}
            required
            extra={t('programme.area.clauseExtra')}
            value={area.clause}
            onChange={(clause) => set('clause', clause)}
          />
        </Col>
        <Col xs={24} md={16}>
          <TextField
            path={[...at, 'title']}
            label={t('programme.area.title')}
            required
            value={area.title}
            onChange={(title) => set('title', title)}
          />
        </Col>
        <Col xs={24} md={8}>
          <Field path={[...at, 'kind']} label={t('programme.area.kind')} required>
            {(id) => (
              <Select
                id={id}
                value={area.kind}
                options={options(t, 'areaKind')}
                onChange={(kind) => set('kind', kind)}
              />
            )}
          </Field>
        </Col>
        <Col xs={24} md={16}>
          <TextField
            path={[...at, 'key']}
            label={t('programme.key')}
            required
            extra={t('programme.keyExtra')}
            value={area.key}
            onChange={(key) => set('key', key)}
          />
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
  const set = <K extends keyof MeasureDoc>(field: K, value: MeasureDoc[K]) =>
    change(
      [...at, field],
      updateMeasure(doc, a, m, (x) => ({ ...x, [field]: value })),
    );
  return (
    <Form layout="vertical" component="div">
      <Row gutter={16}>
        <Col xs={24} md={6}>
          <TextField
            path={[...at, 'clause']}
            label={t('programme.clause')}
            required
            extra={t('programme.measure.clauseExtra')}
            value={measure.clause}
            onChange={(clause) => set('clause', clause)}
          />
        </Col>
        <Col xs={24} md={18}>
          <TextField
            path={[...at, 'title']}
            label={t('programme.measure.title')}
            required
            value={measure.title}
            onChange={(title) => set('title', title)}
          />
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
                onChange={(e) => set('text', e.target.value)}
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
                onChange={(codes) => set('activityTypes', codes as MeasureDoc['activityTypes'])}
              />
            )}
          </Field>
          <ListProblems
            at={[...at, 'activityTypes']}
            labels={measure.activityTypes.map((c) => activityLabel(lang, c))}
          />
        </Col>
        <Col span={24}>
          <TextField
            path={[...at, 'key']}
            label={t('programme.key')}
            required
            extra={t('programme.keyExtra')}
            value={measure.key}
            style={{ maxWidth: 360 }}
            onChange={(key) => set('key', key)}
          />
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
