import type { BriefingApi, MethodName, RawBriefingApi } from '../../../electron/common/contract';
import { METHOD_NAMES } from '../../../electron/common/contract';
import { ApiError } from '../../../electron/common/errors';
import type { BriefingEvent, BriefingEventSource } from '../../../electron/common/events';

declare global {
  interface Window {
    briefing: RawBriefingApi;
    briefingEvents: BriefingEventSource;
  }
}

/**
 * The host API with result envelopes unwrapped: each method resolves with its value or rejects
 * with an ApiError whose message is written for the person using the app. Arguments must be
 * plain data (pass `$state.snapshot(...)`, never a proxy).
 */
export const api: BriefingApi = Object.fromEntries(
  METHOD_NAMES.map((method: MethodName) => [
    method,
    async (...args: unknown[]) => {
      const call = window.briefing[method] as (...values: unknown[]) => ReturnType<RawBriefingApi[MethodName]>;
      const result = await call(...args);
      if (!result.ok) throw new ApiError(result.error.code, result.error.message);
      return result.value;
    },
  ]),
) as unknown as BriefingApi;

/** Listens to what the host reports unasked (progress of long work); returns the way to stop. */
export function onHostEvent(listener: (event: BriefingEvent) => void): () => void {
  return window.briefingEvents.subscribe(listener);
}

/** The message to show for any caught error. */
export function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
