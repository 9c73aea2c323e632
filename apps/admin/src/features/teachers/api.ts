import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type {
  AddFamilyLinkRequest,
  CreateTeacherRequest,
  ListTeachersQuery,
  Page,
  SensitiveField,
  Teacher,
  TeacherImport,
  TeacherSummary,
  UpdateTeacherRequest,
} from '@guanai/contracts';
import { api, download } from '@/app/api/client';
import { ApiError } from '@/app/api/problem';
import { queryClient } from '@/app/queryClient';

/** The list's query as the SPA holds it: booleans as booleans, everything optional. */
export type TeachersQuery = Partial<ListTeachersQuery>;
export type TeacherSort = ListTeachersQuery['sort'];

export const TEACHERS_KEY = ['teachers'] as const;

export function useTeachers(query: TeachersQuery, enabled = true) {
  return useQuery({
    queryKey: [...TEACHERS_KEY, 'list', query],
    queryFn: () => api.get<Page<TeacherSummary>>('/teachers', query),
    placeholderData: keepPreviousData,
    enabled,
  });
}

export function useTeacher(id: string) {
  return useQuery({
    queryKey: [...TEACHERS_KEY, 'one', id],
    queryFn: () => api.get<Teacher>(`/teachers/${id}`),
  });
}

/** A saved record replaces the cached one at once; lists reload. */
function changed(teacher: Teacher): Teacher {
  queryClient.setQueryData([...TEACHERS_KEY, 'one', teacher.id], teacher);
  void queryClient.invalidateQueries({ queryKey: [...TEACHERS_KEY, 'list'] });
  return teacher;
}

export const createTeacher = (body: CreateTeacherRequest) =>
  api.post<Teacher>('/teachers', body).then(changed);
export const updateTeacher = (teacher: Teacher, body: Omit<UpdateTeacherRequest, 'version'>) =>
  api.patch<Teacher>(`/teachers/${teacher.id}`, { ...body, version: teacher.version }).then(changed);
export const transferTeacher = (teacher: Teacher, orgId: string, on: string) =>
  api
    .post<Teacher>(`/teachers/${teacher.id}/transfer`, { version: teacher.version, orgId, on })
    .then(changed);
export const retireTeacher = (teacher: Teacher, on: string) =>
  api.post<Teacher>(`/teachers/${teacher.id}/retire`, { version: teacher.version, on }).then(changed);
export const addFamilyLink = (teacher: Teacher, body: AddFamilyLinkRequest) =>
  api.post<Teacher>(`/teachers/${teacher.id}/family`, body).then(changed);

export const revealField = (id: string, field: SensitiveField, reason: string) =>
  api.post<{ field: SensitiveField; value: string | null }>(`/teachers/${id}/reveal`, { field, reason });

/** The filtered list as .xlsx, masked like the table; every matching row, not just the page shown. */
export function exportTeachers(query: TeachersQuery): Promise<void> {
  const { page: _page, pageSize: _pageSize, ...filters } = query;
  return download('/teachers/export.xlsx', '教师档案.xlsx', filters);
}

/** Another officer saved first: the record carries a newer version than the one edited. */
export function isStale(err: unknown): boolean {
  return err instanceof ApiError && (err.code === 'STALE_VERSION' || err.status === 409);
}

export function reloadTeacher(id: string) {
  return queryClient.invalidateQueries({ queryKey: [...TEACHERS_KEY, 'one', id] });
}

// Imports

export const IMPORTS_KEY = ['teacher-imports'] as const;
const RUNNING = new Set<TeacherImport['status']>(['queued', 'running']);

/** One import; polled every second while it runs. */
export function useTeacherImport(id: string | null) {
  return useQuery({
    queryKey: [...IMPORTS_KEY, id],
    queryFn: async () => {
      const imp = await api.get<TeacherImport>(`/teacher-imports/${id}`);
      // The rows are in: lists show them.
      if (imp.status === 'done') void queryClient.invalidateQueries({ queryKey: [...TEACHERS_KEY, 'list'] });
      return imp;
    },
    enabled: id !== null,
    staleTime: 0,
    refetchInterval: (q) => (q.state.data && RUNNING.has(q.state.data.status) ? 1000 : false),
  });
}

const stored = (imp: TeacherImport) => {
  queryClient.setQueryData([...IMPORTS_KEY, imp.id], imp);
  return imp;
};

export const uploadTeacherImport = (file: File) =>
  api.upload<TeacherImport>('/teacher-imports', file).then(stored);
export const mapTeacherImport = (id: string, columns: TeacherImport['columns']) =>
  api.put<TeacherImport>(`/teacher-imports/${id}/mapping`, { columns }).then(stored);
export const startTeacherImport = (id: string) =>
  api.post<TeacherImport>(`/teacher-imports/${id}/start`).then((imp) => {
    void queryClient.invalidateQueries({ queryKey: [...TEACHERS_KEY, 'list'] });
    return stored(imp);
  });
export const downloadTemplate = () => download('/teacher-imports/template.xlsx', '教师导入模板.xlsx');
export const downloadRejects = (id: string) =>
  download(`/teacher-imports/${id}/rejects.xlsx`, '未通过的行.xlsx');
