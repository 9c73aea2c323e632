import dayjs from 'dayjs';

export const formatTime = (iso: string | null, empty = '—') =>
  iso ? dayjs(iso).format('YYYY-MM-DD HH:mm') : empty;
