import { ListCareRecordsQuery } from '@guanai/contracts';
import { filtersOf, urlListQuery, type FiltersOf } from '@/app/urlListQuery';
import type { CareQuery } from './api';

/** Filters, page and sort live in the URL, like the teacher list: back returns to the same page. */
const list = urlListQuery<CareQuery>(ListCareRecordsQuery, '/care');

export const parseCareQuery = list.parse;
export const useCareQuery = list.useListQuery;
/** The list as the person last saw it, for a record page's way back. */
export const lastCareListUrl = list.lastUrl;

export type CareFilters = FiltersOf<CareQuery>;
export const careFiltersOf: (query: CareQuery) => CareFilters = filtersOf;
