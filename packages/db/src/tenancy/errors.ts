/** True for PostgreSQL's unique_violation (23505) on the named constraint, however TypeORM wraps it. */
export function isUniqueViolation(e: unknown, constraint: string): boolean {
  const err = e as { code?: string; constraint?: string; driverError?: { code?: string; constraint?: string } };
  const code = err?.code ?? err?.driverError?.code;
  const name = err?.constraint ?? err?.driverError?.constraint;
  return code === '23505' && name === constraint;
}

/** The pool found no free connection in time: the server is overloaded, not the request wrong. */
export function isPoolTimeout(e: unknown): boolean {
  return e instanceof Error && /timeout exceeded when trying to connect/i.test(e.message);
}
