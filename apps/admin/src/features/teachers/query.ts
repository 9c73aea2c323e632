import { useMemo } from 'react';
import { useSearchParams } from 'react-router';
import { ListTeachersQuery } from '@guanai/contracts';
import type { TeachersQuery } from './api';

let lastSearch = '';

/** The list as the person last saw it, for the record page's way back. */
export const lastListUrl = () => (lastSearch ? `/teachers?${lastSearch}` : '/teachers');

const DEFAULTS = { page: 1, pageSize: 20, sort: 'name' } as const;

/** The query a URL asks for; keys the contract refuses are dropped rather than failing the page. */
export function parseTeachersQuery(params: URLSearchParams): TeachersQuery {
  const known = new Set(Object.keys(ListTeachersQuery.shape));
  const raw = Object.fromEntries([...params].filter(([k]) => known.has(k)));
  const first = ListTeachersQuery.safeParse(raw);
  if (first.success) return first.data;
  const bad = new Set(first.error.issues.map((i) => String(i.path[0])));
  const second = ListTeachersQuery.safeParse(
    Object.fromEntries(Object.entries(raw).filter(([k]) => !bad.has(k))),
  );
  return second.success ? second.data : ListTeachersQuery.parse({});
}

function toParams(query: TeachersQuery): URLSearchParams {
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(query)) {
    if (v === undefined || v === null || v === '') continue;
    if (DEFAULTS[k as keyof typeof DEFAULTS] === v) continue;
    params.set(k, String(v));
  }
  return params;
}

/**
 * The list's filters, page and sort live in the URL: the back button from a record returns to the same
 * page, and a filtered list can be bookmarked or sent to a colleague.
 */
export function useTeachersQuery(): [TeachersQuery, (next: TeachersQuery) => void] {
  const [params, setParams] = useSearchParams();
  const key = params.toString();
  lastSearch = key;
  const query = useMemo(() => parseTeachersQuery(new URLSearchParams(key)), [key]);
  return [query, (next) => setParams(toParams(next))];
}

/** The filters only (what an export takes, and what the filter form shows). */
export type TeacherFilters = Omit<TeachersQuery, 'page' | 'pageSize' | 'sort'>;

export function filtersOf(query: TeachersQuery): TeacherFilters {
  const { page: _p, pageSize: _s, sort: _o, ...filters } = query;
  return filters;
}
