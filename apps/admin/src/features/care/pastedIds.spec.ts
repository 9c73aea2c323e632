/// <reference types="jest" />
import {
  idNumberProblem,
  idNumbersToSend,
  parsePastedIds,
  serverProblemsByEntry,
  serverProblemsByTeacher,
} from './pastedIds';

// 11010519491231002X is the standard's own example; the others are built with the right check digit.
const GOOD = '11010519491231002X';
const GOOD2 = '430481196805120016';

describe('ID numbers pasted from Excel', () => {
  it('knows a good number, and names what is wrong with a bad one', () => {
    expect(idNumberProblem(GOOD)).toBeNull();
    expect(idNumberProblem(GOOD2)).toBeNull();
    expect(idNumberProblem('110105194912310021')).toBe('checksum');
    expect(idNumberProblem('1101051949123100')).toBe('format');
    expect(idNumberProblem('11010519490231002X')).toBe('birthDate');
  });

  it('reads one per line or per cell, skips blanks, upper-cases x, and numbers the lines as pasted', () => {
    const text = `${GOOD.toLowerCase()}\r\n\r\n 430481 196805120016 \n110105194912310021\tabc\n${GOOD}`;
    const entries = parsePastedIds(text);
    expect(entries).toEqual([
      { line: 1, idNumber: GOOD, problem: null },
      { line: 3, idNumber: GOOD2, problem: null },
      { line: 4, idNumber: '110105194912310021', problem: 'checksum' },
      { line: 4, idNumber: 'ABC', problem: 'format' },
      { line: 5, idNumber: GOOD, problem: 'duplicate', firstLine: 1 },
    ]);
    expect(idNumbersToSend(entries)).toEqual({ idNumbers: [GOOD, GOOD2], entryIndex: [0, 1] });
  });

  it("puts the server's answers back on the lines they concern", () => {
    const entries = parsePastedIds(`bad\n${GOOD}\n${GOOD2}`);
    const { entryIndex } = idNumbersToSend(entries);
    const problems = serverProblemsByEntry(
      [
        { path: 'body.participants.idNumbers.1', code: 'CARE_ID_NUMBER_NOT_FOUND', message: '查无此人' },
        { path: 'body.title', code: 'X', message: 'x' },
      ],
      entryIndex,
    );
    expect([...problems]).toEqual([[2, '查无此人']]);
    expect(entries[2]!.line).toBe(3);
    expect([
      ...serverProblemsByTeacher(
        [{ path: 'body.addParticipants.teacherIds.0', code: 'CARE_TEACHER_NOT_IN_SCOPE', message: 'no' }],
        ['t1'],
      ),
    ]).toEqual([['t1', 'no']]);
  });
});
