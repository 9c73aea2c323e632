import { useMemo, useState } from 'react';
import {
  Alert,
  App,
  Button,
  Card,
  Col,
  Progress,
  Result,
  Row,
  Select,
  Space,
  Spin,
  Statistic,
  Steps,
  Table,
  Tag,
  Typography,
  Upload,
} from 'antd';
import { DownloadOutlined, InboxOutlined } from '@ant-design/icons';
import { Link, useSearchParams } from 'react-router';
import {
  IMPORT_FIELDS,
  TEACHER_IMPORT_HEADERS,
  type ImportField,
  type TeacherImport,
} from '@guanai/contracts';
import { ApiError, errorMessage } from '@/app/api/problem';
import { useI18n } from '@/app/i18n/I18nProvider';
import type { Lang } from '@/app/i18n/lang';
import {
  downloadRejects,
  downloadTemplate,
  mapTeacherImport,
  startTeacherImport,
  uploadTeacherImport,
  useTeacherImport,
} from '../api';

/** A field's name as the template spells it (its first Chinese header); English adds the key. */
const fieldName = (f: ImportField, lang: Lang) =>
  lang === 'en' ? `${TEACHER_IMPORT_HEADERS[f][0]} (${f})` : TEACHER_IMPORT_HEADERS[f][0]!;

/**
 * 批量导入: upload → match headers → run in the background. The import's id is in the URL, so a reload
 * (or coming back later) resumes where it stands.
 */
export function TeacherImportPage() {
  const { t } = useI18n();
  const [params, setParams] = useSearchParams();
  const id = params.get('id');
  const imp = useTeacherImport(id);
  const open = (next: string | null) => setParams(next ? { id: next } : {});

  let step = 0;
  let body: React.ReactNode;
  if (!id) body = <UploadStep onUploaded={(i) => open(i.id)} />;
  else if (imp.isPending) body = <Spin />;
  else if (imp.isError) {
    const missing = imp.error instanceof ApiError && [400, 403, 404].includes(imp.error.status);
    body = (
      <Result
        status={missing ? '404' : 'error'}
        title={missing ? t('imports.notFound') : t('common.loadFailed')}
        subTitle={missing ? undefined : errorMessage(imp.error)}
        extra={<Button onClick={() => open(null)}>{t('imports.again')}</Button>}
      />
    );
  } else if (imp.data.status === 'mapping') {
    step = 1;
    // Keyed by id: a new file starts from the server's matching, not the previous file's edits.
    body = <MappingStep key={imp.data.id} imp={imp.data} />;
  } else {
    step = 2;
    body = <RunStep imp={imp.data} onAgain={() => open(null)} />;
  }

  return (
    <Card title={t('imports.title')} extra={<Link to="/teachers">{t('teachers.backToList')}</Link>}>
      <Steps
        current={step}
        style={{ marginBottom: 24 }}
        items={[
          { title: t('imports.step.upload') },
          { title: t('imports.step.mapping') },
          { title: t('imports.step.run') },
        ]}
      />
      {body}
    </Card>
  );
}

function UploadStep({ onUploaded }: { onUploaded: (imp: TeacherImport) => void }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [busy, setBusy] = useState(false);
  const [templateBusy, setTemplateBusy] = useState(false);

  const template = async () => {
    setTemplateBusy(true);
    try {
      await downloadTemplate();
    } catch (err) {
      message.error(errorMessage(err));
    } finally {
      setTemplateBusy(false);
    }
  };

  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      <Alert
        type="info"
        showIcon
        title={t('imports.templateHint')}
        action={
          <Button icon={<DownloadOutlined />} loading={templateBusy} onClick={template}>
            {t('imports.template')}
          </Button>
        }
      />
      <Spin spinning={busy}>
        <Upload.Dragger
          accept=".xlsx,.csv"
          multiple={false}
          showUploadList={false}
          beforeUpload={(file) => {
            if (/\.(xlsx|csv)$/i.test(file.name)) return true;
            message.error(t('imports.wrongType'));
            return Upload.LIST_IGNORE;
          }}
          customRequest={async ({ file, onSuccess, onError }) => {
            setBusy(true);
            try {
              const imp = await uploadTeacherImport(file as File);
              onSuccess?.(imp);
              message.success(t('imports.uploaded'));
              onUploaded(imp);
            } catch (err) {
              onError?.(err as Error);
              message.error(errorMessage(err));
            } finally {
              setBusy(false);
            }
          }}
        >
          <p className="ant-upload-drag-icon">
            <InboxOutlined />
          </p>
          <p className="ant-upload-text">{t('imports.drop')}</p>
          <p className="ant-upload-hint">{t('imports.dropHint')}</p>
        </Upload.Dragger>
      </Spin>
    </Space>
  );
}

type Column = TeacherImport['columns'][number];

function MappingStep({ imp }: { imp: TeacherImport }) {
  const { t, lang } = useI18n();
  const { message } = App.useApp();
  const [columns, setColumns] = useState<Column[]>(imp.columns);
  const [busy, setBusy] = useState<'save' | 'start' | null>(null);
  const dirty = JSON.stringify(columns) !== JSON.stringify(imp.columns);
  // Headers the server could not match by name (before any edit here).
  const unknown = useMemo(
    () => new Set(imp.columns.filter((c) => c.field === null).map((c) => c.header)),
    [imp],
  );

  const mapped = new Set(columns.map((c) => c.field).filter((f): f is ImportField => f !== null));
  // The server's list, less what a column now gives; saving asks the server again.
  const missing = imp.missingFields.filter((f) => !mapped.has(f));
  const duplicates = [...mapped].filter((f) => columns.filter((c) => c.field === f).length > 1);
  const fieldOptions = IMPORT_FIELDS.map((f) => ({ value: f, label: fieldName(f, lang) }));

  const save = async (): Promise<TeacherImport | null> => {
    try {
      const saved = await mapTeacherImport(imp.id, columns);
      return saved;
    } catch (err) {
      message.error(errorMessage(err));
      return null;
    }
  };
  const onSave = async () => {
    setBusy('save');
    if (await save()) message.success(t('imports.mappingSaved'));
    setBusy(null);
  };
  const onStart = async () => {
    setBusy('start');
    try {
      const current = dirty ? await save() : imp;
      if (current && current.missingFields.length === 0) await startTeacherImport(imp.id);
    } catch (err) {
      message.error(errorMessage(err));
    } finally {
      setBusy(null);
    }
  };

  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      <Typography.Text>
        {t('imports.file')}：<Typography.Text strong>{imp.fileName}</Typography.Text>
      </Typography.Text>
      {missing.length > 0 && (
        <Alert
          type="error"
          showIcon
          title={t('imports.missing')}
          description={
            <ul style={{ margin: 0, paddingInlineStart: 20 }} aria-label={t('imports.missing')}>
              {missing.map((f) => (
                <li key={f}>{fieldName(f, lang)}</li>
              ))}
            </ul>
          }
        />
      )}
      {duplicates.map((f) => (
        <Alert
          key={f}
          type="warning"
          showIcon
          title={t('imports.duplicateField', { field: fieldName(f, lang) })}
        />
      ))}
      <Table<Column>
        rowKey="header"
        size="small"
        pagination={false}
        dataSource={columns}
        rowClassName={(c) => (c.field === null ? 'import-unknown' : '')}
        columns={[
          {
            title: t('imports.header'),
            key: 'header',
            render: (_, c) => (
              <Space>
                <Typography.Text strong>{c.header}</Typography.Text>
                {unknown.has(c.header) && <Tag color="warning">{t('imports.unknown')}</Tag>}
              </Space>
            ),
          },
          {
            title: t('imports.field'),
            key: 'field',
            width: 320,
            render: (_, c, index) => (
              <Select<ImportField>
                aria-label={`${t('imports.field')}：${c.header}`}
                allowClear
                showSearch={{ optionFilterProp: 'label' }}
                style={{ width: '100%' }}
                placeholder={t('imports.ignore')}
                value={c.field ?? undefined}
                options={fieldOptions}
                onChange={(field) =>
                  setColumns((cols) =>
                    cols.map((col, i) => (i === index ? { ...col, field: field ?? null } : col)),
                  )
                }
              />
            ),
          },
        ]}
      />
      <Space>
        <Button disabled={!dirty} loading={busy === 'save'} onClick={onSave}>
          {t('imports.saveMapping')}
        </Button>
        <Button type="primary" disabled={missing.length > 0} loading={busy === 'start'} onClick={onStart}>
          {t('imports.start')}
        </Button>
      </Space>
    </Space>
  );
}

function RunStep({ imp, onAgain }: { imp: TeacherImport; onAgain: () => void }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [downloading, setDownloading] = useState(false);
  const percent =
    imp.total > 0 ? Math.floor((imp.processed / imp.total) * 100) : imp.status === 'done' ? 100 : 0;

  const counts = (
    <Row gutter={16} style={{ maxWidth: 640, margin: '0 auto' }}>
      {(
        [
          ['created', imp.created, '#389e0d'],
          ['updated', imp.updated, '#1677ff'],
          ['unchanged', imp.unchanged, undefined],
          ['rejected', imp.rejected, imp.rejected > 0 ? '#cf1322' : undefined],
        ] as const
      ).map(([key, value, color]) => (
        <Col span={6} key={key}>
          <Statistic
            title={t(`imports.${key}`)}
            value={value}
            styles={{ content: color ? { color } : undefined }}
          />
        </Col>
      ))}
    </Row>
  );

  if (imp.status === 'failed') {
    return (
      <Result
        status="error"
        title={t('imports.failed')}
        subTitle={imp.error ?? undefined}
        extra={[
          <Button key="again" type="primary" onClick={onAgain}>
            {t('imports.again')}
          </Button>,
          <Link key="list" to="/teachers">
            {t('imports.toList')}
          </Link>,
        ]}
      >
        {counts}
      </Result>
    );
  }

  if (imp.status !== 'done') {
    return (
      <div style={{ textAlign: 'center', padding: '24px 0' }}>
        <Typography.Title level={4}>
          {imp.status === 'queued' ? t('imports.queued') : t('imports.running')}
        </Typography.Title>
        <Progress percent={percent} status="active" style={{ maxWidth: 640 }} />
        <Typography.Paragraph type="secondary">
          {t('imports.progress', { processed: imp.processed, total: imp.total })}
        </Typography.Paragraph>
        {counts}
      </div>
    );
  }

  const rejects = async () => {
    setDownloading(true);
    try {
      await downloadRejects(imp.id);
    } catch (err) {
      message.error(errorMessage(err));
    } finally {
      setDownloading(false);
    }
  };

  return (
    <Result
      status={imp.rejected > 0 ? 'warning' : 'success'}
      title={t('imports.done')}
      subTitle={t('imports.progress', { processed: imp.processed, total: imp.total })}
      extra={[
        imp.rejected > 0 && (
          <Button key="rejects" icon={<DownloadOutlined />} loading={downloading} onClick={rejects}>
            {t('imports.rejects')}
          </Button>
        ),
        <Button key="again" onClick={onAgain}>
          {t('imports.again')}
        </Button>,
        <Link key="list" to="/teachers">
          <Button type="primary">{t('imports.toList')}</Button>
        </Link>,
      ]}
    >
      {counts}
    </Result>
  );
}
