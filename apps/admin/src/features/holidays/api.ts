import { useMutation, useQuery } from '@tanstack/react-query';
import type { HolidayYearInput, HolidayYearList, HolidayYearView } from '@guanai/contracts';
import { api } from '@/app/api/client';
import { queryClient } from '@/app/queryClient';

const KEY = ['holiday-years'] as const;

export const useHolidayYears = () =>
  useQuery({ queryKey: KEY, queryFn: () => api.get<HolidayYearList>('/holiday-years') });

/** Enters or replaces a year; the cases' deadlines move with it, so every case view is stale too. */
export const useSaveHolidayYear = () =>
  useMutation({
    mutationFn: ({ year, body }: { year: number; body: HolidayYearInput }) =>
      api.put<HolidayYearView>(`/holiday-years/${year}`, body),
    onSuccess: () => queryClient.invalidateQueries(),
  });

export const useRemoveHolidayYear = () =>
  useMutation({
    mutationFn: (year: number) => api.delete<void>(`/holiday-years/${year}`),
    onSuccess: () => queryClient.invalidateQueries(),
  });
