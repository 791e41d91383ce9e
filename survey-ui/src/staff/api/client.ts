/**
 * Calls to the staff API: JSON in and out, the session cookie sent by the browser, the CSRF token
 * echoed on every write, and the reader's language asked for so refusals come worded for them.
 */
import type { Language } from '../../../../analysis/questionnaire/issue-messages.ts';
import type { FileProblemView } from '../../../../contract/problems.ts';
import type { ImportProblem } from './types.ts';

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly issues: Array<{ path: string; message: string }> = [],
    readonly problems: ImportProblem[] = [],
  ) {
    super(message);
  }
}

export interface ApiClient {
  get<T>(path: string): Promise<T>;
  send<T>(method: 'POST' | 'PUT' | 'PATCH' | 'DELETE', path: string, body?: unknown): Promise<T>;
  upload<T>(path: string, file: Blob, contentType: string): Promise<T>;
}

/** A refusal's body, if the reply was JSON at all (a proxy's error page is not). */
type Problem = Partial<FileProblemView>;

async function parse<T>(response: Response, onUnauthorised: () => void): Promise<T> {
  if (response.status === 204) return null as T;
  const body = (await response.json().catch(() => null)) as (T & Problem) | null;
  if (response.ok) return body as T;
  if (response.status === 401) onUnauthorised();
  throw new ApiError(response.status, body?.code ?? 'http_error', body?.message ?? `HTTP ${response.status}`, body?.issues ?? [], body?.problems ?? []);
}

export function apiClient(options: { csrfToken: () => string | undefined; language: () => Language; onUnauthorised: () => void }): ApiClient {
  const headers = (extra: Record<string, string> = {}) => {
    const token = options.csrfToken();
    return { 'accept-language': options.language(), ...(token ? { 'x-csrf-token': token } : {}), ...extra };
  };
  const call = async <T>(path: string, init: RequestInit): Promise<T> => {
    let response: Response;
    try {
      response = await fetch(`/api${path}`, { credentials: 'same-origin', ...init });
    } catch {
      throw new ApiError(0, 'network', '');
    }
    return parse<T>(response, options.onUnauthorised);
  };
  return {
    get: (path) => call(path, { headers: headers() }),
    send: (method, path, body) =>
      call(path, {
        method,
        headers: headers(body === undefined ? {} : { 'content-type': 'application/json' }),
        body: body === undefined ? undefined : JSON.stringify(body),
      }),
    upload: (path, file, contentType) => call(path, { method: 'POST', headers: headers({ 'content-type': contentType }), body: file }),
  };
}
