import { useMemo } from 'react';
import { useSearchParams } from 'react-router';

/** What a list's query schema (a zod object from the contracts) offers here. */
interface QuerySchema<Q> {
  shape: object;
  parse(value: unknown): Q;
  safeParse(
    value: unknown,
  ): { success: true; data: Q } | { success: false; error: { issues: { path: PropertyKey[] }[] } };
}

/** Paging and sorting: what a list's query has besides its filters. */
interface Paged {
  page?: number;
  pageSize?: number;
  sort?: string;
}

export type FiltersOf<Q extends Paged> = Omit<Q, 'page' | 'pageSize' | 'sort'>;

/** The filters only (what an export takes, and what a filter form shows). */
export function filtersOf<Q extends Paged>(query: Q): FiltersOf<Q> {
  const { page: _p, pageSize: _s, sort: _o, ...filters } = query;
  return filters;
}

/**
 * A list whose filters, page and sort live in the URL: the back button from a record returns to the
 * same page, and a filtered list can be bookmarked or sent to a colleague. `path` is the list's route.
 */
export function urlListQuery<Q extends Paged>(schema: QuerySchema<Q>, path: string) {
  let lastSearch = '';
  // What the contract fills in by itself stays out of the URL.
  const defaults = schema.parse({}) as Record<string, unknown>;

  /** The query a URL asks for; keys the contract refuses are dropped rather than failing the page. */
  function parse(params: URLSearchParams): Q {
    const known = new Set(Object.keys(schema.shape));
    const raw = Object.fromEntries([...params].filter(([k]) => known.has(k)));
    const first = schema.safeParse(raw);
    if (first.success) return first.data;
    const bad = new Set(first.error.issues.map((i) => String(i.path[0])));
    const second = schema.safeParse(Object.fromEntries(Object.entries(raw).filter(([k]) => !bad.has(k))));
    return second.success ? second.data : schema.parse({});
  }

  function toParams(query: Q): URLSearchParams {
    const params = new URLSearchParams();
    for (const [k, v] of Object.entries(query)) {
      if (v === undefined || v === null || v === '' || defaults[k] === v) continue;
      params.set(k, String(v));
    }
    return params;
  }

  function useListQuery(): [Q, (next: Q) => void] {
    const [params, setParams] = useSearchParams();
    const key = params.toString();
    lastSearch = key;
    const query = useMemo(() => parse(new URLSearchParams(key)), [key]);
    return [query, (next) => setParams(toParams(next))];
  }

  /** The list as the person last saw it, for a record page's way back. */
  const lastUrl = () => (lastSearch ? `${path}?${lastSearch}` : path);

  return { parse, useListQuery, lastUrl };
}
