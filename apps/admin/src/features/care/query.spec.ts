/// <reference types="jest" />
import { careFiltersOf, parseCareQuery } from './query';

const parse = (qs: string) => parseCareQuery(new URLSearchParams(qs));

describe('the care list query in the URL', () => {
  it('defaults to the newest first', () => {
    expect(parse('')).toEqual({ page: 1, pageSize: 20, sort: '-occurredOn' });
  });

  it('reads the filters and drops what the contract refuses', () => {
    expect(
      parse(
        'activityType=counselling&from=2026-09-01&to=2026-12-31&q=讲座&page=2&activityType2=x&measureKey=BAD KEY',
      ),
    ).toEqual({
      page: 2,
      pageSize: 20,
      sort: '-occurredOn',
      activityType: 'counselling',
      from: '2026-09-01',
      to: '2026-12-31',
      q: '讲座',
    });
    expect(parse('activityType=dancing&sort=title')).toEqual({ page: 1, pageSize: 20, sort: '-occurredOn' });
  });

  it('keeps only the filters', () => {
    expect(careFiltersOf({ page: 3, pageSize: 50, sort: 'occurredOn', orgId: 'x' })).toEqual({ orgId: 'x' });
  });
});
