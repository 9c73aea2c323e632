/// <reference types="jest" />
import { buildSelection, NO_PARTICIPANTS, participantProblems } from './participants';

const GOOD = '11010519491231002X';

describe('the participants of a care record, as the request names them', () => {
  it('sends picked ids, valid pasted numbers and the filter in the teacher list’s query form', () => {
    const built = buildSelection({
      picked: [{ id: 't1', name: '甲' }],
      useFilter: true,
      filter: { orgId: 's1', backbone: true, rural: false, ageMin: 50, q: undefined },
      pasted: `bad\n${GOOD}`,
    });
    expect(built.selection).toEqual({
      teacherIds: ['t1'],
      idNumbers: [GOOD],
      filter: { orgId: 's1', backbone: 'true', rural: 'false', ageMin: 50 },
    });
    expect(built.invalid).toBe(1);
    expect(built.entryIndex).toEqual([1]);
    expect(built.empty).toBe(false);
  });

  it('leaves the filter out unless it is switched on, and knows an empty selection', () => {
    const built = buildSelection({ ...NO_PARTICIPANTS, filter: { orgId: 's1' } });
    expect(built.selection).toEqual({ teacherIds: [], idNumbers: [] });
    expect(built.empty).toBe(true);
  });

  it('says which pane the server’s objections belong to', () => {
    const built = buildSelection({ ...NO_PARTICIPANTS, picked: [{ id: 't1', name: '甲' }], pasted: GOOD });
    const found = participantProblems(
      [{ path: 'body.participants.teacherIds.0', code: 'CARE_TEACHER_NOT_IN_SCOPE', message: '不在范围内' }],
      built,
    );
    expect(found.tab).toBe('search');
    expect([...found.byTeacher]).toEqual([['t1', '不在范围内']]);
    expect(
      participantProblems(
        [{ path: 'body.participants.idNumbers.0', code: 'CARE_ID_NUMBER_NOT_FOUND', message: '查无此人' }],
        built,
      ).tab,
    ).toBe('paste');
  });
});
