import { currentLocale } from '../i18n/i18n';

/** A problem+json answer (its `detail` is already in the request's language), or no answer at all. */
export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly errors: { path: string; message: string }[];

  constructor(status: number, body: Record<string, unknown>) {
    super(typeof body.detail === 'string' ? body.detail : `HTTP ${status}`);
    this.name = 'ApiError';
    this.status = status;
    this.code = typeof body.code === 'string' ? body.code : 'HTTP_ERROR';
    this.errors = Array.isArray(body.errors) ? (body.errors as { path: string; message: string }[]) : [];
  }
}

/** The request never got an answer (offline, DNS, a dropped connection in a lift shaft). */
export class NetworkError extends Error {
  constructor(cause: unknown) {
    super(cause instanceof Error ? cause.message : String(cause));
    this.name = 'NetworkError';
  }
}

let onUnauthenticated: (() => void) | null = null;
export function setUnauthenticatedHandler(handler: () => void): void {
  onUnauthenticated = handler;
}

interface Options {
  method?: 'GET' | 'POST' | 'PATCH' | 'PUT';
  /** JSON body, or a Blob sent raw with its own type (photos). */
  body?: unknown;
  /** Slow networks: give up after this long and let the outbox retry. */
  timeoutMs?: number;
}

export async function api<T>(path: string, options: Options = {}): Promise<T> {
  const headers: Record<string, string> = { Accept: 'application/json', 'Accept-Language': currentLocale() };
  let body: BodyInit | undefined;
  if (options.body instanceof Blob) {
    body = options.body;
    headers['Content-Type'] = options.body.type || 'image/jpeg';
  } else if (options.body !== undefined) {
    body = JSON.stringify(options.body);
    headers['Content-Type'] = 'application/json';
  }
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), options.timeoutMs ?? 30_000);
  let response: Response;
  try {
    response = await fetch(path, { method: options.method ?? (body ? 'POST' : 'GET'), headers, body, credentials: 'same-origin', signal: controller.signal });
  } catch (error) {
    throw new NetworkError(error);
  } finally {
    clearTimeout(timer);
  }
  const isJson = (response.headers.get('content-type') ?? '').includes('json');
  const payload: unknown = isJson ? await response.json().catch(() => ({})) : await response.text().catch(() => '');
  if (!response.ok) {
    const error = new ApiError(response.status, payload && typeof payload === 'object' ? (payload as Record<string, unknown>) : { detail: String(payload) });
    if (response.status === 401 && !path.endsWith('/auth/login')) onUnauthenticated?.();
    throw error;
  }
  return payload as T;
}

/** 4xx answers are final (the same request will fail again), except these, which pass with time. */
export function isFinalError(error: unknown): error is ApiError {
  return error instanceof ApiError && error.status >= 400 && error.status < 500 && ![401, 408, 425, 429].includes(error.status);
}
