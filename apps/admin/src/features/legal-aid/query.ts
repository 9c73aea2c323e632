import { ListLegalAidProvidersQuery } from '@guanai/contracts';
import { filtersOf, urlListQuery, type FiltersOf } from '@/app/urlListQuery';
import type { ProvidersQuery } from './api';

/** Where the roster page is mounted (the router's path); its filters and page live in the URL. */
export const ROSTER_PATH = '/legal-aid';

const list = urlListQuery<ProvidersQuery>(ListLegalAidProvidersQuery, ROSTER_PATH);

export const useRosterQuery = list.useListQuery;

export type RosterFilters = FiltersOf<ProvidersQuery>;
export const rosterFiltersOf: (query: ProvidersQuery) => RosterFilters = filtersOf;
