import { useTypedQuery } from '@/app/useTypedQuery';
import type { TeacherSummary } from '@guanai/contracts';
import { useTeachers, type TeachersQuery } from './api';

/**
 * Teachers in scope found by a name as it is typed: the server is asked 300 ms after typing stops,
 * for the first 20 by name (`filters` narrow it). `q` is what was asked; nothing while it is empty.
 */
export function useTeacherSearch(filters: TeachersQuery = {}) {
  const { typed, setTyped, q } = useTypedQuery();
  const found = useTeachers({ q, ...filters, pageSize: 20, page: 1, sort: 'name' }, q.length > 0);
  return { typed, setTyped, q, found };
}

/** A found teacher as a choice: name, school and masked ID number, to tell namesakes apart. */
export const teacherOption = (x: TeacherSummary) => ({
  value: x.id,
  label: `${x.name}（${x.orgName}，${x.idNumberMasked}）`,
});
