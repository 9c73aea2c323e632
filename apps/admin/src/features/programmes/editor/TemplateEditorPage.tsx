import { useEffect, useMemo, useState } from 'react';
import { Alert, App, Button, Card, Col, Popconfirm, Row, Space, Tabs, Tag, Tooltip, Typography } from 'antd';
import {
  ArrowDownOutlined,
  ArrowUpOutlined,
  CloudUploadOutlined,
  DeleteOutlined,
  PlusOutlined,
  ProfileOutlined,
  SaveOutlined,
} from '@ant-design/icons';
import { useNavigate, useParams } from 'react-router';
import type { Template } from '@guanai/contracts';
import { sameJson } from '@guanai/domain/programmes';
import { ApiError, errorMessage } from '@/app/api/problem';
import { useI18n } from '@/app/i18n/I18nProvider';
import { PageHeader } from '@/app/PageHeader';
import { RecordNotLoaded } from '@/app/RecordNotLoaded';
import { isStale, reloadTemplate, saveDraft, useTemplate } from '../api';
import type { Doc } from '../labels';
import { VersionsTable } from '../VersionsTable';
import {
  addArea,
  addIndicator,
  addMeasure,
  exists,
  keyOf,
  moveNode,
  pathOf,
  refAt,
  removeNode,
  siblingsOf,
  withIndex,
  type NodeRef,
  type Path,
} from './doc';
import { IndicatorForm } from './IndicatorForm';
import { AreaForm, HeadForm, MeasureForm } from './NodeForms';
import {
  draftProblems,
  merge,
  parsePath,
  pathKey,
  ProblemsContext,
  serverProblems,
  without,
  type Problems,
} from './problems';
import { PublishModal } from './PublishModal';
import { TemplateTree } from './TemplateTree';
import type { NodeFormProps } from './types';

export function TemplateEditorPage() {
  const { t } = useI18n();
  const { id = '' } = useParams();
  const template = useTemplate(id);
  const navigate = useNavigate();
  const toList = (
    <Button onClick={() => navigate('/programme-templates')}>{t('programme.templates.back')}</Button>
  );

  if (!template.isSuccess)
    return <RecordNotLoaded query={template} notFound={t('programme.templates.notFound')} back={toList} />;
  return <Editor template={template.data} />;
}

const total = (p: Problems) => [...p.values()].reduce((n, list) => n + list.length, 0);

/**
 * The template editor: the tree on the left, the selected node's form on the right, every rule checked
 * as one types (the server runs the same ones on save). Save sends the whole draft with the version it
 * was loaded at; publishing shows the diff first.
 */
function Editor({ template }: { template: Template }) {
  const { t } = useI18n();
  const { message, modal } = App.useApp();
  const navigate = useNavigate();
  const [draft, setDraft] = useState<Doc>(template.draft);
  const [loaded, setLoaded] = useState(template);
  const [selected, selectNode] = useState<NodeRef>({ type: 'head' });
  const [server, setServer] = useState<Problems>(new Map());
  const [format, setFormat] = useState<Problems>(new Map());
  const [saving, setSaving] = useState(false);
  const [publishing, setPublishing] = useState(false);
  const [tab, setTab] = useState('draft');
  // Another node's form replaces the inputs: text that could not be read as a number goes with them.
  const setSelected = (ref: NodeRef) => {
    if (keyOf(ref) === keyOf(selected)) return;
    selectNode(ref);
    if (format.size) setFormat(new Map());
  };

  // A reload brought a newer template (someone else saved, or it was published): start from its draft.
  if (loaded.id !== template.id || loaded.version !== template.version) {
    setLoaded(template);
    setDraft(template.draft);
    setServer(new Map());
    setFormat(new Map());
    if (!exists(template.draft, selected)) selectNode({ type: 'head' });
  }

  const dirty = !sameJson(draft, template.draft);
  const client = useMemo(() => draftProblems(draft, t), [draft, t]);
  const problems = useMemo(() => merge(client, server, format), [client, server, format]);
  const problemCount = total(problems);

  // Closing the tab with unsaved edits asks first.
  useEffect(() => {
    if (!dirty) return;
    const warn = (e: BeforeUnloadEvent) => e.preventDefault();
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, [dirty]);

  const change = (at: Path, next: Doc) => {
    setDraft(next);
    if (server.size) setServer(without(server, at));
  };
  const setFormatError = (path: Path, bad: boolean) =>
    setFormat((prev) => {
      const key = pathKey(path);
      if (bad === prev.has(key)) return prev;
      const next = new Map(prev);
      if (bad) next.set(key, [t('programme.numberFormat')]);
      else next.delete(key);
      return next;
    });
  const showFirstProblem = (p: Problems) => {
    const first = [...p.keys()][0];
    if (first !== undefined) {
      setSelected(refAt(parsePath(first)));
      setTab('draft');
    }
  };

  const save = async (): Promise<boolean> => {
    if (problemCount > 0) {
      message.error(t('programme.editor.fixFirst', { n: problemCount }));
      showFirstProblem(problems);
      return false;
    }
    setSaving(true);
    const sent = draft;
    try {
      const saved = await saveDraft(template, sent);
      // Edits made while the request ran stay; otherwise the editor shows what the server stored.
      setLoaded(saved);
      setDraft((now) => (now === sent ? saved.draft : now));
      setServer(new Map());
      message.success(t('programme.editor.saved'));
      return true;
    } catch (err) {
      if (isStale(err)) {
        modal.confirm({
          title: t('programme.editor.stale'),
          content: t('programme.editor.staleHint'),
          okText: t('programme.editor.reload'),
          cancelText: t('common.cancel'),
          onOk: () => reloadTemplate(template.id),
        });
        return false;
      }
      if (err instanceof ApiError && err.problem.errors?.length) {
        const found = serverProblems(err.problem.errors);
        setServer(found);
        showFirstProblem(found);
      }
      message.error(errorMessage(err));
      return false;
    } finally {
      setSaving(false);
    }
  };

  const publish = async () => {
    if (dirty && !(await save())) return;
    setPublishing(true);
  };

  const formProps: NodeFormProps = { doc: draft, change, setFormatError, select: setSelected };
  const nodeTitle = (() => {
    switch (selected.type) {
      case 'head':
        return t('programme.editor.head');
      case 'area':
        return t('programme.entity.area');
      case 'measure':
        return t('programme.entity.measure');
      case 'indicator':
        return t('programme.entity.indicator');
    }
  })();
  const siblings = siblingsOf(draft, selected);
  const move = (ref: NodeRef, to: number) => {
    change(pathOf(ref).slice(0, -1), moveNode(draft, ref, to));
    setSelected(withIndex(ref, to));
  };
  const remove = () => {
    change(pathOf(selected).slice(0, -1), removeNode(draft, selected));
    // Field errors name nodes by index: after a removal the server's no longer point right.
    setServer(new Map());
    setFormat(new Map());
    setSelected(
      selected.type === 'indicator'
        ? { type: 'measure', a: selected.a, m: selected.m }
        : selected.type === 'measure'
          ? { type: 'area', a: selected.a }
          : { type: 'head' },
    );
  };
  const addChild = () => {
    const [next, ref] =
      selected.type === 'area'
        ? addMeasure(draft, selected.a)
        : selected.type === 'measure'
          ? addIndicator(draft, selected.a, selected.m)
          : addArea(draft);
    change(pathOf(selected), next);
    setSelected(ref);
  };

  const nodeActions = siblings && (
    <Space size={4} wrap>
      <Tooltip title={t('programme.editor.moveUp')}>
        <Button
          size="small"
          aria-label={t('programme.editor.moveUp')}
          icon={<ArrowUpOutlined />}
          disabled={siblings.index === 0}
          onClick={() => move(selected, siblings.index - 1)}
        />
      </Tooltip>
      <Tooltip title={t('programme.editor.moveDown')}>
        <Button
          size="small"
          aria-label={t('programme.editor.moveDown')}
          icon={<ArrowDownOutlined />}
          disabled={siblings.index >= siblings.list.length - 1}
          onClick={() => move(selected, siblings.index + 1)}
        />
      </Tooltip>
      {selected.type !== 'indicator' && (
        <Button size="small" icon={<PlusOutlined />} onClick={addChild}>
          {selected.type === 'area' ? t('programme.editor.addMeasure') : t('programme.editor.addIndicator')}
        </Button>
      )}
      <Popconfirm
        title={t(`programme.editor.removeConfirm.${selected.type as 'area' | 'measure' | 'indicator'}`)}
        okText={t('common.ok')}
        cancelText={t('common.cancel')}
        onConfirm={remove}
      >
        <Button size="small" danger icon={<DeleteOutlined />}>
          {t('programme.editor.remove')}
        </Button>
      </Popconfirm>
    </Space>
  );

  return (
    <ProblemsContext.Provider value={problems}>
      <Space orientation="vertical" size={16} style={{ width: '100%' }}>
        <PageHeader
          title={draft.name || template.name}
          tags={
            <>
              {template.latestVersion > 0 ? (
                <Tag color="green">{t('programme.templates.latest', { n: template.latestVersion })}</Tag>
              ) : (
                <Tag>{t('programme.templates.unpublished')}</Tag>
              )}
              {dirty ? (
                <Tag color="orange">{t('programme.editor.unsaved')}</Tag>
              ) : (
                template.hasUnpublishedChanges &&
                template.latestVersion > 0 && (
                  <Tag color="gold">{t('programme.templates.pendingChanges')}</Tag>
                )
              )}
            </>
          }
          subtitle={
            template.key +
            (template.basedOn ? ` · ${t('programme.templates.basedOnX', { from: template.basedOn })}` : '')
          }
          actions={
            <>
              <Button
                type="primary"
                icon={<SaveOutlined />}
                loading={saving}
                disabled={!dirty}
                onClick={() => void save()}
              >
                {t('programme.editor.save')}
              </Button>
              <Button
                icon={<CloudUploadOutlined />}
                disabled={!dirty && !template.hasUnpublishedChanges}
                onClick={() => void publish()}
              >
                {t('programme.editor.publish')}
              </Button>
              <Button
                onClick={() => {
                  if (!dirty) return navigate('/programme-templates');
                  modal.confirm({
                    title: t('programme.editor.leave'),
                    okText: t('programme.editor.leaveOk'),
                    cancelText: t('common.cancel'),
                    onOk: () => navigate('/programme-templates'),
                  });
                }}
              >
                {t('programme.templates.back')}
              </Button>
            </>
          }
        />

        <Tabs
          activeKey={tab}
          onChange={setTab}
          items={[
            {
              key: 'draft',
              label: t('programme.editor.draftTab'),
              children: (
                <Row gutter={[16, 16]}>
                  <Col xs={24} xl={9}>
                    <Card
                      title={t('programme.editor.tree')}
                      extra={
                        <Space size={4}>
                          <Button
                            size="small"
                            icon={<ProfileOutlined />}
                            onClick={() => setSelected({ type: 'head' })}
                          >
                            {t('programme.editor.head')}
                          </Button>
                          <Button
                            size="small"
                            icon={<PlusOutlined />}
                            onClick={() => {
                              const [next, ref] = addArea(draft);
                              change(['areas'], next);
                              setSelected(ref);
                            }}
                          >
                            {t('programme.editor.addArea')}
                          </Button>
                        </Space>
                      }
                    >
                      {problemCount > 0 && (
                        <Alert
                          type="error"
                          showIcon
                          style={{ marginBottom: 12 }}
                          title={t('programme.editor.problems', { n: problemCount })}
                          action={
                            <Button size="small" type="link" onClick={() => showFirstProblem(problems)}>
                              {t('programme.editor.showFirst')}
                            </Button>
                          }
                        />
                      )}
                      <Typography.Paragraph type="secondary" style={{ fontSize: 12 }}>
                        {t('programme.editor.dragHint')}
                      </Typography.Paragraph>
                      <div className="tpl-tree-scroll">
                        <TemplateTree
                          doc={draft}
                          problems={problems}
                          selected={selected}
                          onSelect={setSelected}
                          onMove={move}
                        />
                      </div>
                    </Card>
                  </Col>
                  <Col xs={24} xl={15}>
                    <Card title={nodeTitle} extra={nodeActions} key={keyOf(selected)}>
                      {selected.type === 'head' && <HeadForm {...formProps} template={template} />}
                      {selected.type === 'area' && <AreaForm {...formProps} a={selected.a} />}
                      {selected.type === 'measure' && (
                        <MeasureForm {...formProps} a={selected.a} m={selected.m} />
                      )}
                      {selected.type === 'indicator' && (
                        <IndicatorForm {...formProps} a={selected.a} m={selected.m} i={selected.i} />
                      )}
                    </Card>
                  </Col>
                </Row>
              ),
            },
            {
              key: 'versions',
              label: t('programme.editor.versionsTab', { n: template.latestVersion }),
              children: (
                <Card>
                  <VersionsTable templateId={template.id} />
                </Card>
              ),
            },
          ]}
        />
      </Space>
      {publishing && (
        <PublishModal
          template={template}
          onClose={() => setPublishing(false)}
          onPublished={() => {
            setPublishing(false);
            setTab('versions');
          }}
        />
      )}
    </ProblemsContext.Provider>
  );
}
