import { useMemo } from 'react';
import { useSearchParams } from 'react-router';
import { ListCareRecordsQuery } from '@guanai/contracts';
import type { CareQuery } from './api';

let lastSearch = '';

/** The list as the person last saw it, for a record page's way back. */
export const lastCareListUrl = () => (lastSearch ? `/care?${lastSearch}` : '/care');

const DEFAULTS = { page: 1, pageSize: 20, sort: '-occurredOn' } as const;

/** The query a URL asks for; keys the contract refuses are dropped rather than failing the page. */
export function parseCareQuery(params: URLSearchParams): CareQuery {
  const known = new Set(Object.keys(ListCareRecordsQuery.shape));
  const raw = Object.fromEntries([...params].filter(([k]) => known.has(k)));
  const first = ListCareRecordsQuery.safeParse(raw);
  if (first.success) return first.data;
  const bad = new Set(first.error.issues.map((i) => String(i.path[0])));
  const second = ListCareRecordsQuery.safeParse(
    Object.fromEntries(Object.entries(raw).filter(([k]) => !bad.has(k))),
  );
  return second.success ? second.data : ListCareRecordsQuery.parse({});
}

function toParams(query: CareQuery): URLSearchParams {
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(query)) {
    if (v === undefined || v === null || v === '') continue;
    if (DEFAULTS[k as keyof typeof DEFAULTS] === v) continue;
    params.set(k, String(v));
  }
  return params;
}

/** Filters, page and sort live in the URL, like the teacher list: back returns to the same page. */
export function useCareQuery(): [CareQuery, (next: CareQuery) => void] {
  const [params, setParams] = useSearchParams();
  const key = params.toString();
  lastSearch = key;
  const query = useMemo(() => parseCareQuery(new URLSearchParams(key)), [key]);
  return [query, (next) => setParams(toParams(next))];
}

export type CareFilters = Omit<CareQuery, 'page' | 'pageSize' | 'sort'>;

export function careFiltersOf(query: CareQuery): CareFilters {
  const { page: _p, pageSize: _s, sort: _o, ...filters } = query;
  return filters;
}
