import { ListSupervisionVisitsQuery } from '@guanai/contracts';
import { filtersOf, urlListQuery, type FiltersOf } from '@/app/urlListQuery';

/** The list's filters, page and sort live in the URL (a filtered list can be bookmarked or sent on). */
const list = urlListQuery<ListSupervisionVisitsQuery>(ListSupervisionVisitsQuery, '/supervision');

export const useSupervisionQuery = list.useListQuery;

export type SupervisionFilters = FiltersOf<ListSupervisionVisitsQuery>;
export const supervisionFiltersOf: (q: ListSupervisionVisitsQuery) => SupervisionFilters = filtersOf;
