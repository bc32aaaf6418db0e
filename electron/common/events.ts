import type { ExportProgress } from './export-model';

/**
 * What the host tells the renderer without being asked: the progress of long work. One-way and
 * informational; the renderer never trusts an event for anything but what to show.
 */
export type BriefingEvent = { type: 'export-progress'; progress: ExportProgress };

/** The IPC channel events travel on (main → renderer only). */
export const EVENT_CHANNEL = 'briefing:event';

/** `window.briefingEvents`: the one way to listen. Returns the function that stops listening. */
export interface BriefingEventSource {
  subscribe(listener: (event: BriefingEvent) => void): () => void;
}
