import { CreateUserRequest, ListUsersQuery } from '@guanai/contracts';
import { AppError } from './app-error';
import { ZodPipe } from './zod.pipe';

function problemOf(f: () => unknown): AppError {
  try {
    f();
  } catch (e) {
    if (e instanceof AppError) return e;
    throw e;
  }
  throw new Error('expected a validation error');
}

describe('ZodPipe: contracts as the API’s validation', () => {
  it('names every offending field by its path, in both languages, and each unknown field on its own', () => {
    const e = problemOf(() => new ZodPipe(CreateUserRequest, 'body').transform({ username: 'A!', role: 'king', extra: 1, more: 2 }));
    expect(e.code).toBe('VALIDATION_FAILED');
    const fields = e.options.fields!;
    expect(fields.map((f) => f.path).sort()).toEqual(
      ['body.displayName', 'body.extra', 'body.more', 'body.orgId', 'body.role', 'body.username'].sort(),
    );
    const username = fields.find((f) => f.path === 'body.username')!;
    expect(username.messages).toEqual({
      'zh-CN': expect.stringContaining('用户名'),
      en: expect.stringContaining('letters'),
    });
    expect(fields.find((f) => f.path === 'body.extra')).toMatchObject({ code: 'unknown_field' });
  });

  it('coerces and defaults query strings', () => {
    expect(new ZodPipe(ListUsersQuery, 'query').transform({ page: '2' })).toEqual({ page: 2, pageSize: 20, sort: 'username' });
  });

  it('treats an absent body as an empty object, so required fields are named', () => {
    const e = problemOf(() => new ZodPipe(CreateUserRequest, 'body').transform(undefined));
    expect(e.options.fields!.map((f) => f.path)).toContain('body.username');
  });
});
