/** Error codes that cross the API boundary. The renderer may branch on them; people read `message`. */
export type ErrorCode = 'invalid-arguments' | 'unknown-method' | 'not-found' | 'unreadable' | 'library-unavailable' | 'refused' | 'unwritable' | 'internal';

export interface ApiErrorData {
  code: ErrorCode;
  message: string;
}

export type ApiResult<T> = { ok: true; value: T } | { ok: false; error: ApiErrorData };

/** A failure meant for the user: services throw it, dispatch turns it into `{ ok: false }`. */
export class ApiError extends Error {
  readonly code: ErrorCode;
  constructor(code: ErrorCode, message: string) {
    super(message);
    this.name = 'ApiError';
    this.code = code;
  }
}
