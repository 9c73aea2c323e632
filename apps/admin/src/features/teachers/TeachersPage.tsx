import { useMemo, useState } from 'react';
import { App, Button, Card, Space, Table, type TableProps } from 'antd';
import { DownloadOutlined, PlusOutlined, UploadOutlined } from '@ant-design/icons';
import { useNavigate } from 'react-router';
import type { TeacherSummary } from '@guanai/contracts';
import { errorMessage } from '@/app/api/problem';
import { useI18n } from '@/app/i18n/I18nProvider';
import { useCan } from '@/app/session';
import { exportTeachers, useTeachers } from './api';
import { ColumnChooser, sortFor, tableColumns, useShownColumns } from './columns';
import { filtersOf, useTeachersQuery } from './query';
import { TeacherFilterForm } from './TeacherFilterForm';
import { TeacherFormDrawer } from './TeacherFormDrawer';

export function TeachersPage() {
  const { t } = useI18n();
  const can = useCan();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const [query, setQuery] = useTeachersQuery();
  const [shown, setShown] = useShownColumns();
  const [creating, setCreating] = useState(false);
  const [exporting, setExporting] = useState(false);
  const teachers = useTeachers(query);
  const filters = useMemo(() => filtersOf(query), [query]);
  const columns = useMemo(() => tableColumns(t, shown, query.sort), [t, shown, query.sort]);

  const onChange: TableProps<TeacherSummary>['onChange'] = (pagination, _filters, sorter) => {
    const s = Array.isArray(sorter) ? sorter[0] : sorter;
    const sort = sortFor(s?.columnKey, s?.order);
    const pageSize = pagination.pageSize ?? 20;
    const resetPage = sort !== (query.sort ?? 'name') || pageSize !== (query.pageSize ?? 20);
    setQuery({ ...query, sort, pageSize, page: resetPage ? 1 : (pagination.current ?? 1) });
  };

  const onExport = async () => {
    setExporting(true);
    try {
      await exportTeachers(query);
    } catch (err) {
      message.error(errorMessage(err));
    } finally {
      setExporting(false);
    }
  };

  return (
    <Card title={t('teachers.title')}>
      <TeacherFilterForm
        value={filters}
        onChange={(f) => setQuery({ ...f, sort: query.sort, pageSize: query.pageSize, page: 1 })}
      />
      <div className="page-toolbar">
        <Space wrap>
          {can('teacher.write') && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
              {t('teachers.create')}
            </Button>
          )}
          {can('teacher.import') && (
            <Button icon={<UploadOutlined />} onClick={() => navigate('/teachers/import')}>
              {t('teachers.import')}
            </Button>
          )}
          <Button icon={<DownloadOutlined />} loading={exporting} onClick={onExport}>
            {exporting ? t('teachers.exporting') : t('teachers.export')}
          </Button>
        </Space>
        <ColumnChooser t={t} shown={shown} onChange={setShown} />
      </div>
      <Table<TeacherSummary>
        rowKey="id"
        size="small"
        columns={columns}
        dataSource={teachers.data?.items}
        loading={teachers.isFetching}
        onChange={onChange}
        locale={{ emptyText: teachers.isError ? errorMessage(teachers.error) : t('teachers.empty') }}
        pagination={{
          current: query.page ?? 1,
          pageSize: query.pageSize ?? 20,
          total: teachers.data?.total ?? 0,
          showSizeChanger: true,
          pageSizeOptions: [20, 50, 100, 200],
          showTotal: (total) => t('common.total', { total }),
        }}
        scroll={{ x: 'max-content' }}
      />
      {creating && <TeacherFormDrawer onClose={() => setCreating(false)} />}
    </Card>
  );
}
