import type { TablePaginationConfig } from 'antd';
import type { Translate } from './i18n/lang';

export type Page = { page: number; pageSize: number };

/** The page a URL asks for: from 1, 20 a page unless it says, at most 200 (what the API takes). */
export function pageFromUrl(params: URLSearchParams): Page {
  return {
    page: Math.max(1, Number(params.get('page')) || 1),
    pageSize: Math.min(200, Math.max(1, Number(params.get('pageSize')) || 20)),
  };
}

/**
 * A server-paged table's `onChange` and `pagination` (spread them on the Table): the page shown, the
 * total, a size changer; another page size starts again from the first page.
 */
export function serverPaging(t: Translate, page: Page, total: number, onPage: (next: Page) => void) {
  return {
    onChange: (p: TablePaginationConfig) =>
      onPage({ page: p.pageSize !== page.pageSize ? 1 : (p.current ?? 1), pageSize: p.pageSize ?? 20 }),
    pagination: {
      current: page.page,
      pageSize: page.pageSize,
      total,
      showSizeChanger: true,
      showTotal: (n: number) => t('common.total', { total: n }),
    },
  };
}
