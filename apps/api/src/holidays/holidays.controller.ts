import { Controller, Param } from '@nestjs/common';
import { z } from 'zod';
import type { HolidayYearInput } from '@guanai/contracts';
import { BodyOf, Route } from '../common/route';
import { ZodPipe } from '../common/zod.pipe';
import { HolidaysService } from './holidays.service';

/** The years the calendar is asked about: deadlines of cases taken in this century. */
const YearParam = z.coerce.number().int().min(2000).max(2100);
const YearOf = () => Param('year', new ZodPipe(YearParam, 'params'));

@Controller()
export class HolidaysController {
  constructor(private readonly holidays: HolidaysService) {}

  @Route('listHolidayYears')
  list() {
    return this.holidays.list();
  }

  @Route('putHolidayYear')
  put(@YearOf() year: number, @BodyOf('putHolidayYear') body: HolidayYearInput) {
    return this.holidays.put(year, body);
  }

  @Route('deleteHolidayYear')
  remove(@YearOf() year: number) {
    return this.holidays.remove(year);
  }
}
