import { ListTeachersQuery } from '@guanai/contracts';
import { filtersOf as filtersOfQuery, urlListQuery, type FiltersOf } from '@/app/urlListQuery';
import type { TeachersQuery } from './api';

/** The teacher list's filters, page and sort live in the URL (bookmarkable, and back returns to it). */
const list = urlListQuery<TeachersQuery>(ListTeachersQuery, '/teachers');

export const parseTeachersQuery = list.parse;
export const useTeachersQuery = list.useListQuery;
/** The list as the person last saw it, for the record page's way back. */
export const lastListUrl = list.lastUrl;

/** The filters only (what an export takes, and what the filter form shows). */
export type TeacherFilters = FiltersOf<TeachersQuery>;
export const filtersOf: (query: TeachersQuery) => TeacherFilters = filtersOfQuery;
