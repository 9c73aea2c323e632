import { ListCasesQuery } from '@guanai/contracts';
import { filtersOf, urlListQuery, type FiltersOf } from '@/app/urlListQuery';
import type { CasesQuery } from './api';

/** Filters and page live in the URL: back from a case returns to the same list, a link can be shared. */
const list = urlListQuery<CasesQuery>(ListCasesQuery, '/cases');

export const parseCasesQuery = list.parse;
export const useCasesQuery = list.useListQuery;
/** The list as the person last saw it, for the case page's way back. */
export const lastCasesUrl = list.lastUrl;

export type CaseFilters = FiltersOf<CasesQuery>;
export const caseFiltersOf: (query: CasesQuery) => CaseFilters = filtersOf;
