/// <reference types="jest" />
import { filtersOf, parseTeachersQuery } from './query';

const parse = (qs: string) => parseTeachersQuery(new URLSearchParams(qs));

describe('the teacher list query in the URL', () => {
  it('defaults to the first page by name', () => {
    expect(parse('')).toEqual({ page: 1, pageSize: 20, sort: 'name' });
  });

  it('reads filters with their types: numbers, booleans, upper-cased ID numbers', () => {
    expect(parse('ageMin=30&ageMax=50&rural=true&backbone=false&idNumber=11010519491231002x&page=3')).toEqual(
      {
        page: 3,
        pageSize: 20,
        sort: 'name',
        ageMin: 30,
        ageMax: 50,
        rural: true,
        backbone: false,
        idNumber: '11010519491231002X',
      },
    );
  });

  it('drops what the contract refuses and keeps the rest', () => {
    expect(parse('sex=other&title=senior&sort=salary&foo=1')).toEqual({
      page: 1,
      pageSize: 20,
      sort: 'name',
      title: 'senior',
    });
  });

  it('separates the filters from paging and sorting (what an export takes)', () => {
    expect(filtersOf(parse('q=李&status=active&page=2&sort=-birthDate'))).toEqual({
      q: '李',
      status: 'active',
    });
  });
});
