/**
 * The rows of an `UPDATE … RETURNING` or `DELETE … RETURNING` run through `EntityManager.query`:
 * TypeORM 1.x answers those with `[rows, affectedCount]`, while SELECT and INSERT give the rows.
 */
export function returnedRows<T = Record<string, unknown>>(result: unknown): T[] {
  if (Array.isArray(result) && result.length === 2 && Array.isArray(result[0]) && typeof result[1] === 'number')
    return result[0] as T[];
  return result as T[];
}
