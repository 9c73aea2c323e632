import { useMemo } from 'react';
import { Alert, Badge, Space, Switch, Tabs, Typography } from 'antd';
import { useI18n } from '@/app/i18n/I18nProvider';
import { TeacherFilterForm } from '@/features/teachers/TeacherFilterForm';
import { useFilterCount } from './api';
import { PastePane, SearchPane } from './ParticipantPanes';
import {
  buildSelection,
  filterBody,
  type ParticipantProblems,
  type ParticipantsValue,
  type PickerTab,
} from './participants';

/**
 * 参与教师: search and pick teachers; or "by filter", the teacher list's filters with how many match;
 * or ID numbers pasted from Excel, each line checked as it is pasted and the server's answer put back
 * on the line it concerns. The three add up.
 */
export function ParticipantsPicker({
  value,
  onChange,
  problems,
  tab,
  onTabChange,
}: {
  value: ParticipantsValue;
  onChange: (next: ParticipantsValue) => void;
  problems: ParticipantProblems;
  tab: PickerTab;
  onTabChange: (tab: PickerTab) => void;
}) {
  const { t } = useI18n();
  const built = useMemo(() => buildSelection(value), [value]);
  const count = useFilterCount(value.useFilter ? value.filter : null);
  const pastedValid = built.selection.idNumbers.length;

  const summary = built.empty
    ? t('care.pick.summaryNone')
    : t('care.pick.summary', {
        picked: value.picked.length,
        ids: pastedValid,
        filter: value.useFilter ? t('care.pick.summaryFilter', { n: count.data ?? '…' }) : '',
      });

  const badge = (n: number, danger = false) =>
    n > 0 ? (
      <Badge
        count={n}
        overflowCount={99999}
        color={danger ? 'red' : 'blue'}
        style={{ marginInlineStart: 6 }}
      />
    ) : null;
  const pasteProblems = built.invalid + problems.byEntry.size;

  return (
    <>
      <Tabs
        activeKey={tab}
        onChange={(k) => onTabChange(k as PickerTab)}
        items={[
          {
            key: 'search',
            label: (
              <span>
                {t('care.pick.tab.search')}
                {badge(value.picked.length, problems.byTeacher.size > 0)}
              </span>
            ),
            children: (
              <SearchPane
                picked={value.picked}
                problems={problems.byTeacher}
                onChange={(picked) => onChange({ ...value, picked })}
              />
            ),
          },
          {
            key: 'filter',
            label: (
              <span>
                {t('care.pick.tab.filter')}
                {value.useFilter && badge(count.data ?? 0)}
              </span>
            ),
            children: (
              <Space orientation="vertical" style={{ width: '100%' }}>
                <Space>
                  <Switch
                    checked={value.useFilter}
                    onChange={(useFilter) => onChange({ ...value, useFilter })}
                    aria-label={t('care.pick.useFilter')}
                  />
                  <Typography.Text>{t('care.pick.useFilter')}</Typography.Text>
                </Space>
                <Typography.Text type="secondary">{t('care.pick.useFilterHint')}</Typography.Text>
                {value.useFilter && (
                  <>
                    <TeacherFilterForm
                      value={value.filter}
                      onChange={(filter) => onChange({ ...value, filter })}
                    />
                    {Object.keys(filterBody(value.filter)).length === 0 && (
                      <Alert type="warning" showIcon title={t('care.pick.filterEmptyWarning')} />
                    )}
                    <Typography.Text strong role="status">
                      {count.isFetching
                        ? t('care.pick.filterCounting')
                        : t('care.pick.filterCount', { n: count.data ?? 0 })}
                    </Typography.Text>
                  </>
                )}
              </Space>
            ),
          },
          {
            key: 'paste',
            label: (
              <span>
                {t('care.pick.tab.paste')}
                {badge(pasteProblems || pastedValid, pasteProblems > 0)}
              </span>
            ),
            children: (
              <PastePane
                text={value.pasted}
                built={built}
                serverProblems={problems.byEntry}
                onChange={(pasted) => onChange({ ...value, pasted })}
              />
            ),
          },
        ]}
      />
      <Typography.Paragraph type="secondary" style={{ marginBottom: 0 }} aria-live="polite">
        {summary}
      </Typography.Paragraph>
    </>
  );
}
