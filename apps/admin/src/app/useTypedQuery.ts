import { useEffect, useState } from 'react';

/**
 * What a search box asks the server for: the text as typed, and the trimmed query it settles on 300 ms
 * after typing stops (one request per pause, not per keystroke).
 */
export function useTypedQuery() {
  const [typed, setTyped] = useState('');
  const [q, setQ] = useState('');
  useEffect(() => {
    const timer = setTimeout(() => setQ(typed.trim()), 300);
    return () => clearTimeout(timer);
  }, [typed]);
  return { typed, setTyped, q };
}
