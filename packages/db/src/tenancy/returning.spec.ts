import { returnedRows } from './returning';

describe('returnedRows', () => {
  it('unwraps TypeORM 1.x [rows, count] answers to UPDATE/DELETE … RETURNING', () => {
    expect(returnedRows([[{ id: 1 }], 1])).toEqual([{ id: 1 }]);
    expect(returnedRows([[], 0])).toEqual([]);
  });

  it('passes SELECT and INSERT rows through, even a two-row SELECT', () => {
    expect(returnedRows([{ id: 1 }, { id: 2 }])).toEqual([{ id: 1 }, { id: 2 }]);
  });
});
