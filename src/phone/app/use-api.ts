import { useCallback, useEffect, useRef, useState } from 'react';
import { onSent } from '../outbox/outbox';
import { api, NetworkError } from './phone-api';

const cachePrefix = 'shuangkong.m.get:';
const memory = new Map<string, unknown>();

function readCache<T>(path: string): T | undefined {
  if (memory.has(path)) return memory.get(path) as T;
  try {
    const text = localStorage.getItem(cachePrefix + path);
    return text ? (JSON.parse(text) as T) : undefined;
  } catch {
    return undefined;
  }
}

function writeCache(path: string, data: unknown): void {
  memory.set(path, data);
  try {
    localStorage.setItem(cachePrefix + path, JSON.stringify(data));
  } catch {
    /* quota: the memory copy still serves this visit */
  }
}

export function clearApiCache(): void {
  memory.clear();
  try {
    for (const key of Object.keys(localStorage)) if (key.startsWith(cachePrefix)) localStorage.removeItem(key);
  } catch {
    /* nothing cached */
  }
}

export interface ApiState<T> {
  data: T | undefined;
  error: unknown;
  isLoading: boolean;
  /** The data shown is the last copy kept on the phone (the network did not answer). */
  isStale: boolean;
  reload: () => void;
}

/**
 * GET with a copy kept on the phone: the last answer shows at once (no blank page on a slow
 * connection) and stays usable offline; the fresh answer replaces it when it comes.
 */
export function useApi<T>(path: string | null): ApiState<T> {
  const [state, setState] = useState<{ data: T | undefined; error: unknown; isLoading: boolean; isStale: boolean }>(() => ({
    data: path ? readCache<T>(path) : undefined,
    error: null,
    isLoading: Boolean(path),
    isStale: false,
  }));
  const [tick, setTick] = useState(0);
  const current = useRef(path);
  current.current = path;

  useEffect(() => {
    if (!path) return;
    let isActive = true;
    setState((s) => ({ ...s, data: s.data ?? readCache<T>(path), isLoading: true, error: null }));
    api<T>(path).then(
      (data) => {
        writeCache(path, data);
        if (isActive) setState({ data, error: null, isLoading: false, isStale: false });
      },
      (error: unknown) => {
        if (!isActive) return;
        const cached = readCache<T>(path);
        setState({ data: cached, error, isLoading: false, isStale: error instanceof NetworkError && cached !== undefined });
      },
    );
    return () => {
      isActive = false;
    };
  }, [path, tick]);

  const reload = useCallback(() => setTick((n) => n + 1), []);
  // Fresh data when the connection returns and after the outbox delivered (a task turns done).
  useEffect(() => {
    window.addEventListener('online', reload);
    const stop = onSent(reload);
    return () => {
      window.removeEventListener('online', reload);
      stop();
    };
  }, [reload]);
  return { ...state, reload };
}
