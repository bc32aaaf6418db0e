import { isMethodName, validateArgs, type BriefingApi } from '../../common/contract';
import { ApiError, type ApiResult } from '../../common/errors';
import { isPlainMessage } from '../../common/schema/fields';

/**
 * The single entry point from any host: checks the method name and its arguments against the
 * contract, calls the service, and turns every outcome into a JSON result. Unexpected errors are
 * logged with their stack here and cross the boundary as a plain sentence.
 */
export async function dispatch(
  api: BriefingApi,
  method: unknown,
  args: unknown,
  log: (message: string, error: unknown) => void = console.error,
): Promise<ApiResult<unknown>> {
  if (!isMethodName(method)) {
    // Only a string is named back: any other value (one whose toString throws, say) is not turned into text.
    const name = typeof method === 'string' ? ` called ${method.slice(0, 80)}` : ' by that name';
    return { ok: false, error: { code: 'unknown-method', message: `There is no operation${name}.` } };
  }
  const problem = validateArgs(method, args);
  if (problem) return { ok: false, error: { code: 'invalid-arguments', message: isPlainMessage(problem) ? problem : `${method}: ${problem}.` } };
  try {
    const call = api[method] as (...values: unknown[]) => Promise<unknown>;
    const value = await call.apply(api, args as unknown[]);
    return { ok: true, value: value ?? null };
  } catch (error) {
    if (error instanceof ApiError) return { ok: false, error: { code: error.code, message: error.message } };
    log(`briefing: ${method} failed`, error);
    return { ok: false, error: { code: 'internal', message: 'Something went wrong inside Briefing Reader; the details are in its log.' } };
  }
}
