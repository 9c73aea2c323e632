import { z } from 'zod';
import { r, type RouteContract } from './route-contract';
import { Version } from './common';
import { IsoDate } from './teachers';

// The statutory holiday calendar (放假调休安排) the dispute deadlines count on (issue 6). The years the
// State Council had published when a release was cut ship with the code; a platform admin enters each
// new year's notice when it is published (each autumn) and may correct a built-in one. An entered year
// replaces the built-in one of the same year; removing it brings the built-in one (or weekends only) back.

export const HolidayYearInput = z.strictObject({
  /** The notice, with its document number (文号). */
  source: z.string().trim().min(1).max(300),
  /** Every day off (放假), the weekend days inside a holiday span included. */
  offDays: z.array(IsoDate).min(1).max(60),
  /** Make-up working days (调休上班): Saturdays or Sundays that are working days. */
  workdays: z.array(IsoDate).max(30),
  /** The entered year's version when replacing it; absent when entering a year for the first time. */
  version: Version.optional(),
});
export type HolidayYearInput = z.infer<typeof HolidayYearInput>;

export const HolidayYearView = z.object({
  year: z.number().int(),
  source: z.string(),
  offDays: z.array(IsoDate),
  workdays: z.array(IsoDate),
  /** builtin: shipped with the code; entered: a platform admin's (it replaces a built-in year). */
  origin: z.enum(['builtin', 'entered']),
  /** The entered year replaces a built-in one. */
  replacesBuiltin: z.boolean(),
  updatedAt: z.string().nullable(),
  updatedBy: z.string().nullable(),
  version: Version.nullable(),
});
export type HolidayYearView = z.infer<typeof HolidayYearView>;

export const HolidayYearList = z.object({ items: z.array(HolidayYearView) });
export type HolidayYearList = z.infer<typeof HolidayYearList>;

export const HOLIDAY_ROUTES = {
  listHolidayYears: r({
    method: 'get',
    path: '/v1/holiday-years',
    summary: 'The holiday arrangements the deadlines count on (built-in and entered years)',
    tag: 'holidays',
    access: 'self',
    response: HolidayYearList,
  }),
  putHolidayYear: r({
    method: 'put',
    path: '/v1/holiday-years/:year',
    summary: "Enter or replace a year's arrangement (every case's deadlines are recounted)",
    tag: 'holidays',
    access: 'holiday.manage',
    body: HolidayYearInput,
    response: HolidayYearView,
  }),
  deleteHolidayYear: r({
    method: 'delete',
    path: '/v1/holiday-years/:year',
    summary: 'Remove an entered year (the built-in one, or weekends only, applies again)',
    tag: 'holidays',
    access: 'holiday.manage',
    status: 204,
  }),
} satisfies Record<string, RouteContract>;
