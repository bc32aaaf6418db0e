import type { Annotation } from './annotation-model';
import type { Language } from './model';

export interface BriefingAnnotations {
  annotations: Annotation[];
  /** Set when the sidecar file could not be read and was moved aside; says where it went. */
  problem: string | null;
  /** True when some annotations are kept in memory because the library could not be written. */
  pending: boolean;
}

/** One row of the notes view: an annotation with what is known of its briefing. */
export interface NoteItem {
  briefingId: string;
  title: string;
  source: string | null;
  date: string | null;
  language: Language;
  /** True when the briefing is no longer in the library; the note is still shown, with its quote. */
  missing: boolean;
  annotation: Annotation;
}

export interface LibraryNotes {
  items: NoteItem[];
  problems: { briefingId: string; message: string }[];
}
