import { useEffect, useMemo, useState } from 'react';
import {
  Alert,
  App,
  Button,
  Card,
  Form,
  InputNumber,
  Popconfirm,
  Select,
  Skeleton,
  Space,
  Switch,
  Table,
  Tag,
  Typography,
  type TableProps,
} from 'antd';
import { DeleteOutlined, PlusOutlined, SaveOutlined } from '@ant-design/icons';
import { useLocation } from 'react-router';
import type { Programme, ProgrammeReminderSettings, ReminderSettings, Role } from '@guanai/contracts';
import { ApiError, errorMessage } from '@/app/api/problem';
import { useI18n } from '@/app/i18n/I18nProvider';
import { roleName } from '@/app/labels';
import { cited, options, type ReminderDoc } from '@/features/programmes/labels';
import { describeTrigger, indicatorNames, REMINDER_ROLES } from '@/features/programmes/triggers';
import { isStale } from '@/features/programmes/api';
import { reloadProgrammeReminders, updateProgrammeReminders, useProgrammeReminders } from './api';
import { CustomRuleModal } from './CustomRuleModal';

type Override = ReminderSettings['rules'][string];
type Audience = ReminderDoc['audience'];

/** One rule as the table shows it: the version's (with the union's changes) or one of its own. */
interface Row {
  key: string;
  /** The version's rule as published; null for the union's own. */
  base: ReminderDoc | null;
  /** Where it comes from: the measure, or 本单位自定. */
  where: string | null;
  /** Index in `custom` for the union's own rules. */
  index: number;
  rule: ReminderDoc;
  enabled: boolean;
}

/** The rules as the union runs them, from the version's document and the settings being edited. */
function rowsOf(p: Programme, s: ReminderSettings): Row[] {
  const fromVersion = p.document.areas.flatMap((area) =>
    area.measures.flatMap((m) =>
      m.reminderRules.map((base): Row => {
        const o = s.rules[base.key];
        const audience = o?.audience ?? base.audience;
        const { role: _role, ...rest } = base;
        const role = audience === 'role' ? (o?.role ?? base.role) : undefined;
        return {
          key: base.key,
          base,
          where: cited(m),
          index: -1,
          rule: { ...rest, leadDays: o?.leadDays ?? base.leadDays, audience, ...(role ? { role } : {}) },
          enabled: o?.enabled ?? true,
        };
      }),
    ),
  );
  const own = s.custom.map((rule, index): Row => ({
    key: rule.key,
    base: null,
    where: null,
    index,
    rule,
    enabled: s.rules[rule.key]?.enabled ?? true,
  }));
  return [...fromVersion, ...own];
}

/**
 * What is sent: for the version's rules only what differs from the version (so a later version's
 * change still reaches a rule the union left alone), and the union's own rules whole.
 */
function normalised(p: Programme, s: ReminderSettings): ReminderSettings {
  const rules: Record<string, Override> = {};
  for (const row of rowsOf(p, s)) {
    if (!row.base) {
      if (!row.enabled) rules[row.key] = { enabled: false };
      continue;
    }
    const o: Override = { enabled: row.enabled };
    if (row.rule.leadDays !== row.base.leadDays) o.leadDays = row.rule.leadDays;
    if (row.rule.audience !== row.base.audience) o.audience = row.rule.audience;
    if (row.rule.audience === 'role' && row.rule.role && (o.audience || row.rule.role !== row.base.role))
      o.role = row.rule.role;
    if (!o.enabled || Object.keys(o).length > 1) rules[row.key] = o;
  }
  return { rules, custom: s.custom };
}

/** A key for a new rule of the union's own, unused by the version and by its other rules. */
function freeCustomKey(p: Programme, s: ReminderSettings): string {
  const taken = new Set(rowsOf(p, s).map((r) => r.key));
  for (let n = 1; ; n++) if (!taken.has(`own_${n}`)) return `own_${n}`;
}

/**
 * 提醒规则 on a union's programme (its administrator's): each rule of the version switched on or off,
 * with its lead time and audience changed for the union, and rules of the union's own added or removed.
 */
export function ProgrammeRemindersCard({ programme: p }: { programme: Programme }) {
  const { t } = useI18n();
  const settings = useProgrammeReminders(p.id, p.version);
  const { hash } = useLocation();
  const loaded = settings.isSuccess;
  // 提醒设置 links here (/programmes/:id#reminders): once the card has its rules, bring it into view.
  useEffect(() => {
    if (loaded && hash === '#reminders') document.getElementById('reminders')?.scrollIntoView();
  }, [loaded, hash]);
  return (
    <Card id="reminders" title={t('reminder.rules.title')}>
      {settings.isPending ? (
        <Skeleton active />
      ) : settings.isError ? (
        <Alert type="error" showIcon title={errorMessage(settings.error)} />
      ) : (
        <RulesEditor key={settings.data.version} programme={p} current={settings.data} />
      )}
    </Card>
  );
}

function RulesEditor({
  programme: p,
  current,
}: {
  programme: Programme;
  current: ProgrammeReminderSettings;
}) {
  const { t } = useI18n();
  const { message, modal } = App.useApp();
  const [draft, setDraft] = useState<ReminderSettings>(() => ({
    rules: current.settings.rules ?? {},
    custom: current.settings.custom ?? [],
  }));
  const [dirty, setDirty] = useState(false);
  const [busy, setBusy] = useState(false);
  const [adding, setAdding] = useState(false);
  /** Problems by request path without `body.` (`rules.birthday.role`, `custom.0.trigger.years`). */
  const [problems, setProblems] = useState<Map<string, string[]>>(new Map());
  const rows = useMemo(() => rowsOf(p, draft), [p, draft]);
  const indicators = useMemo(() => indicatorNames(p.document), [p.document]);

  const change = (next: ReminderSettings) => {
    setDraft(next);
    setDirty(true);
    setProblems(new Map());
  };

  /** Changes one rule: the union's own in place, the version's as an override. */
  const edit = (
    row: Row,
    patch: { enabled?: boolean; leadDays?: number; audience?: Audience; role?: Role },
  ) => {
    if (row.base === null) {
      const rules = { ...draft.rules };
      if (patch.enabled !== undefined) {
        if (patch.enabled) delete rules[row.key];
        else rules[row.key] = { enabled: false };
      }
      const custom = draft.custom.map((rule, i) => {
        if (i !== row.index) return rule;
        const { role: _role, ...rest } = rule;
        const audience = patch.audience ?? rule.audience;
        const role = audience === 'role' ? (patch.role ?? rule.role) : undefined;
        return { ...rest, leadDays: patch.leadDays ?? rule.leadDays, audience, ...(role ? { role } : {}) };
      });
      change({ rules, custom });
      return;
    }
    const o: Override = {
      enabled: row.enabled,
      leadDays: row.rule.leadDays,
      audience: row.rule.audience,
      ...(row.rule.role ? { role: row.rule.role } : {}),
      ...patch,
    };
    if (o.audience !== 'role') delete o.role;
    change({ ...draft, rules: { ...draft.rules, [row.key]: o } });
  };

  const remove = (row: Row) => {
    const { [row.key]: _drop, ...rules } = draft.rules;
    change({ rules, custom: draft.custom.filter((_, i) => i !== row.index) });
  };

  const pathOf = (row: Row, field?: string) =>
    [row.base ? `rules.${row.key}` : `custom.${row.index}`, ...(field ? [field] : [])].join('.');
  const at = (row: Row, field: string) => problems.get(pathOf(row, field)) ?? [];

  const save = async () => {
    // A named role needs the role: say so on the row rather than asking the server.
    const missing = rows.filter((r) => r.rule.audience === 'role' && !r.rule.role);
    if (missing.length) {
      setProblems(new Map(missing.map((r) => [pathOf(r, 'role'), [t('programme.problem.role_required')]])));
      return;
    }
    setBusy(true);
    try {
      await updateProgrammeReminders(current, normalised(p, draft));
      message.success(t('reminder.rules.saved'));
    } catch (err) {
      if (isStale(err)) {
        modal.confirm({
          title: t('programme.stale'),
          content: t('programme.staleHint'),
          okText: t('programme.editor.reload'),
          cancelText: t('common.cancel'),
          onOk: () => reloadProgrammeReminders(p.id),
        });
      } else if (err instanceof ApiError && err.problem.errors?.length) {
        const next = new Map<string, string[]>();
        for (const e of err.problem.errors) {
          const path = e.path.replace(/^body\./, '');
          next.set(path, [...(next.get(path) ?? []), e.message]);
        }
        setProblems(next);
        message.error(errorMessage(err));
      } else message.error(errorMessage(err));
    } finally {
      setBusy(false);
    }
  };

  /** Problems that no cell shows (a custom rule's trigger), each with the rule it is about. */
  const shown = (path: string) => /^(rules\.[^.]+|custom\.\d+)\.(leadDays|audience|role)$/.test(path);
  const elsewhere = [...problems].filter(([path]) => !shown(path));
  const ruleName = (row: Row) => row.rule.name ?? describeTrigger(t, row.rule.trigger, indicators);
  const nameAt = (path: string) => {
    const m = /^(?:rules\.([^.]+)|custom\.(\d+))/.exec(path);
    const row = m && rows.find((r) => (m[1] ? r.key === m[1] && r.base : r.index === Number(m[2])));
    return row ? ruleName(row) : null;
  };

  const status = (list: string[]) => (list.length ? ('error' as const) : undefined);
  const help = (list: string[]) => (list.length ? list.join('；') : undefined);

  const columns: TableProps<Row>['columns'] = [
    {
      title: t('reminder.rules.rule'),
      key: 'rule',
      render: (_, row) => (
        <Space orientation="vertical" size={0}>
          <Space size={6} wrap>
            <Typography.Text strong={row.enabled} type={row.enabled ? undefined : 'secondary'}>
              {ruleName(row)}
            </Typography.Text>
            {!row.base && <Tag color="purple">{t('reminder.rules.own')}</Tag>}
          </Space>
          <Typography.Text type="secondary">
            {row.rule.name ? `${describeTrigger(t, row.rule.trigger, indicators)} · ` : ''}
            {row.where ?? t('reminder.rules.ownWhere')}
          </Typography.Text>
        </Space>
      ),
    },
    {
      title: t('reminder.rules.enabled'),
      key: 'enabled',
      width: 80,
      render: (_, row) => (
        <Switch
          aria-label={t('reminder.rules.enabledOf', { name: ruleName(row) })}
          checked={row.enabled}
          onChange={(enabled) => edit(row, { enabled })}
        />
      ),
    },
    {
      title: t('programme.reminder.leadDays'),
      key: 'leadDays',
      width: 130,
      render: (_, row) => (
        <Form.Item
          noStyle={!at(row, 'leadDays').length}
          validateStatus={status(at(row, 'leadDays'))}
          help={help(at(row, 'leadDays'))}
          style={{ margin: 0 }}
        >
          <InputNumber
            aria-label={t('reminder.rules.leadDaysOf', { name: ruleName(row) })}
            value={row.rule.leadDays}
            min={0}
            max={366}
            precision={0}
            disabled={!row.enabled}
            suffix={t('programme.reminder.days')}
            style={{ width: 110 }}
            onChange={(v) => typeof v === 'number' && edit(row, { leadDays: v })}
          />
        </Form.Item>
      ),
    },
    {
      title: t('programme.reminder.audience'),
      key: 'audience',
      width: 360,
      render: (_, row) => (
        <Space wrap>
          <Select<Audience>
            aria-label={t('reminder.rules.audienceOf', { name: ruleName(row) })}
            value={row.rule.audience}
            disabled={!row.enabled}
            style={{ width: 190 }}
            options={options(t, 'audience')}
            onChange={(audience) => edit(row, { audience })}
          />
          {row.rule.audience === 'role' && (
            <Form.Item
              noStyle={!at(row, 'role').length}
              validateStatus={status(at(row, 'role'))}
              help={help(at(row, 'role'))}
              style={{ margin: 0 }}
            >
              <Select<Role>
                aria-label={t('reminder.rules.roleOf', { name: ruleName(row) })}
                value={row.rule.role}
                placeholder={t('programme.reminder.role')}
                disabled={!row.enabled}
                style={{ width: 150 }}
                status={at(row, 'role').length ? 'error' : undefined}
                options={REMINDER_ROLES.map((r) => ({ value: r, label: roleName(t, r) }))}
                onChange={(role) => edit(row, { role })}
              />
            </Form.Item>
          )}
        </Space>
      ),
    },
    {
      title: t('common.actions'),
      key: 'actions',
      width: 90,
      render: (_, row) =>
        !row.base && (
          <Popconfirm
            title={t('reminder.rules.removeConfirm')}
            okText={t('common.ok')}
            cancelText={t('common.cancel')}
            onConfirm={() => remove(row)}
          >
            <Button type="link" size="small" danger icon={<DeleteOutlined />}>
              {t('programme.editor.remove')}
            </Button>
          </Popconfirm>
        ),
    },
  ];

  return (
    <>
      <Typography.Paragraph type="secondary">{t('reminder.rules.hint')}</Typography.Paragraph>
      {elsewhere.length > 0 && (
        <Alert
          type="error"
          showIcon
          style={{ marginBottom: 12 }}
          title={t('reminder.rules.problems')}
          description={
            <ul className="plain-list">
              {elsewhere.map(([path, list]) => (
                <li key={path}>
                  {nameAt(path) ? `${nameAt(path)}：` : ''}
                  {list.join('；')}
                </li>
              ))}
            </ul>
          }
        />
      )}
      <Table<Row>
        rowKey="key"
        size="small"
        columns={columns}
        dataSource={rows}
        pagination={false}
        locale={{ emptyText: t('reminder.rules.empty') }}
        scroll={{ x: 'max-content' }}
      />
      <Space style={{ marginTop: 12 }} wrap>
        <Button icon={<PlusOutlined />} onClick={() => setAdding(true)}>
          {t('reminder.rules.add')}
        </Button>
        <Button type="primary" icon={<SaveOutlined />} loading={busy} disabled={!dirty} onClick={save}>
          {t('reminder.rules.save')}
        </Button>
        {dirty && <Typography.Text type="warning">{t('programme.editor.unsaved')}</Typography.Text>}
      </Space>
      {adding && (
        <CustomRuleModal
          doc={p.document}
          ruleKey={freeCustomKey(p, draft)}
          onAdd={(rule) => change({ ...draft, custom: [...draft.custom, rule] })}
          onClose={() => setAdding(false)}
        />
      )}
    </>
  );
}
