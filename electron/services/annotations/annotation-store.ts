import { readFile, rm } from 'node:fs/promises';
import { basename, dirname, join, relative } from 'node:path';
import type { Annotation, AnnotationSidecar, AnnotationTombstone } from '../../common/annotation-model';
import { KeyedSerialQueue } from '../../common/async/serial-queue';
import { writeFileAtomic } from '../fs/atomic-write';
import { mapLimit } from '../../common/async/map-limit';
import { matchRenames, type Orphan } from '../library/renames';
import { conflictBaseOf, findConflictCopies, isSidecarName } from './conflict-copies';
import { withFileLock } from './file-lock';
import { mergeSidecars } from './merge';
import { briefingIdOf, makeSidecarFolder, sidecarPath } from './paths';
import { saveFailed } from './save-error';
import { emptySidecar, fileStamp, parseSidecar, quarantine, readSidecar, serializeSidecar, SidecarReader, type SidecarRead } from './sidecar-file';
import { walkSidecars } from './sidecar-walk';

export interface AnnotationStoreOptions {
  /** The clock that stamps `modified` and tombstones (tests pass a fixed one). */
  now?: () => Date;
}

export interface BriefingAnnotationList {
  annotations: Annotation[];
  /** A sentence for the user when the sidecar (or a conflict copy) could not be read; null when all is well. */
  problem: string | null;
  /** True when changes to this briefing are held in memory because the last write failed. */
  pending: boolean;
}

export interface AllAnnotations {
  items: { briefingId: string; annotation: Annotation }[];
  problems: { briefingId: string; message: string }[];
}

/** Changes this window made that are not on disk yet: in flight, or held after a failed write. */
interface Unsaved {
  items: Map<string, Annotation>;
  deleted: Map<string, AnnotationTombstone>;
  fingerprint: string | null;
  failed: boolean;
}

interface ConflictCopy {
  path: string;
  stamp: string | null;
  page: AnnotationSidecar;
}

/**
 * The annotations of one library, kept as W3C Web Annotation sidecar files
 * (`<library>/.briefing/annotations/<briefing id>.json`). The files are the truth: every write
 * reads the file again under a lock, merges (by id and `modified`, tombstones winning over older
 * copies) with sync-tool conflict copies and this window's changes, then replaces the file
 * atomically. A file that cannot be parsed is moved aside untouched and reported. A write that
 * fails leaves the change in memory, visible in `list`, until `retryPending` or the next save
 * succeeds.
 */
export class AnnotationStore {
  private readonly now: () => Date;
  private readonly reader = new SidecarReader();
  private readonly unsaved = new Map<string, Unsaved>();
  /** Sidecars moved aside this session, by briefing id: told to the user on every listing. */
  private readonly problems = new Map<string, string>();
  /** Reads, merges and writes of one sidecar, one at a time per briefing. */
  private readonly queues = new KeyedSerialQueue();
  /**
   * Each annotations file as this store last wrote or listed it (its `fileStamp`, null for gone),
   * so that the watcher's report of our own writes is not taken for someone else's change.
   */
  private readonly seen = new Map<string, string | null>();

  constructor(
    private readonly libraryRoot: string,
    options: AnnotationStoreOptions = {},
  ) {
    this.now = options.now ?? (() => new Date());
  }

  /** The annotations of one briefing, including unsaved ones; merges and clears conflict copies it finds. */
  async list(briefingId: string): Promise<BriefingAnnotationList> {
    const path = sidecarPath(this.libraryRoot, briefingId);
    const problems: string[] = [];
    this.seen.set(path, await fileStamp(path));
    const current = await this.readOrMoveAside(briefingId, path, await this.reader.read(path, briefingId), problems);
    const copies = await this.readConflictCopies(briefingId, await findConflictCopies(path), problems);
    const merged = mergeSidecars(current ?? emptySidecar(briefingId, ''), [...copies.map((copy) => copy.page), ...this.unsavedPages(briefingId)]);
    if (copies.length > 0 && !this.unsaved.get(briefingId)?.failed) {
      // Fold the copies into the sidecar now, so they do not pile up; if that fails they stay.
      await this.flush(briefingId, true).catch(() => undefined);
    }
    const remembered = this.problems.get(briefingId);
    return {
      annotations: merged.items,
      problem: [remembered, ...problems].filter(Boolean).join(' ') || null,
      pending: this.unsaved.get(briefingId)?.failed ?? false,
    };
  }

  /**
   * Creates or replaces (by id) one annotation and writes the sidecar. `modified` is set now and
   * `target.source` to `briefingId`. `fingerprint` is the briefing's current fingerprint, recorded
   * on the page so a renamed briefing can find its sidecar (default: the annotation's own).
   * Rejects with an ApiError a person can read when the write fails; the annotation is then kept
   * in memory and written by `retryPending` or the next successful save.
   */
  async save(briefingId: string, annotation: Annotation, fingerprint?: string): Promise<void> {
    sidecarPath(this.libraryRoot, briefingId);
    const saved: Annotation = { ...annotation, modified: this.now().toISOString(), target: { ...annotation.target, source: briefingId } };
    const unsaved = this.unsavedFor(briefingId);
    unsaved.items.set(saved.id, saved);
    unsaved.deleted.delete(saved.id);
    unsaved.fingerprint = fingerprint ?? saved.target['briefing:fingerprint'] ?? unsaved.fingerprint;
    await this.write(briefingId, 'annotation');
  }

  /** Deletes one annotation, leaving a tombstone so a sync copy cannot bring it back. */
  async remove(briefingId: string, annotationId: string): Promise<void> {
    sidecarPath(this.libraryRoot, briefingId);
    const unsaved = this.unsavedFor(briefingId);
    unsaved.items.delete(annotationId);
    unsaved.deleted.set(annotationId, { id: annotationId, deleted: this.now().toISOString() });
    await this.write(briefingId, 'deletion');
  }

  /**
   * Every annotation in the library with its briefing id, for the notes view, plus a problem per
   * sidecar that could not be read. Conflict copies and unsaved changes are merged in; nothing is
   * written except moving damaged sidecars aside.
   */
  async listAll(): Promise<AllAnnotations> {
    const groups = await walkSidecars(this.libraryRoot);
    const found = new Map<string, { annotations: Annotation[]; problems: string[] }>();
    await mapLimit(groups, 32, async (group) => {
      const problems: string[] = [];
      const read: SidecarRead = group.exists ? await this.reader.read(group.path, group.briefingId) : { state: 'missing' };
      const current = await this.readOrMoveAside(group.briefingId, group.path, read, problems);
      const copies = await this.readConflictCopies(group.briefingId, group.conflicts, problems);
      const others = [...copies.map((copy) => copy.page), ...this.unsavedPages(group.briefingId)];
      const annotations = others.length > 0 ? mergeSidecars(current ?? emptySidecar(group.briefingId, ''), others).items : (current?.items ?? []);
      found.set(group.briefingId, { annotations, problems });
    });
    for (const briefingId of this.unsaved.keys()) {
      if (!found.has(briefingId))
        found.set(briefingId, { annotations: mergeSidecars(emptySidecar(briefingId, ''), this.unsavedPages(briefingId)).items, problems: [] });
    }
    for (const briefingId of this.problems.keys()) if (!found.has(briefingId)) found.set(briefingId, { annotations: [], problems: [] });
    const result: AllAnnotations = { items: [], problems: [] };
    for (const briefingId of [...found.keys()].sort()) {
      const { annotations, problems } = found.get(briefingId)!;
      for (const annotation of annotations) result.items.push({ briefingId, annotation });
      const remembered = this.problems.get(briefingId);
      for (const message of [remembered, ...problems]) if (message) result.problems.push({ briefingId, message });
    }
    return result;
  }

  /**
   * Finds sidecars whose briefing is no longer listed and moves each to the listed briefing
   * without annotations that has its text (a rename or move; `matchRenames`), rewriting
   * `briefing:source` and each target's `source`. `departed` holds the fingerprints the library
   * last listed for ids now gone, which are newer than a sidecar's when the text was edited after
   * the notes were last saved. Returns the moves made.
   */
  async reconcile(
    briefings: readonly { id: string; fingerprint: string }[],
    departed: ReadonlyMap<string, string> = new Map(),
  ): Promise<{ from: string; to: string }[]> {
    const groups = (await walkSidecars(this.libraryRoot)).filter((group) => group.exists);
    const listed = new Set(briefings.map((briefing) => briefing.id));
    const annotated = new Set([...groups.map((group) => group.briefingId), ...this.unsaved.keys()]);
    const orphans: Orphan[] = [];
    const stored = new Map<string, string>();
    for (const group of groups) {
      if (listed.has(group.briefingId)) continue;
      const read = await this.reader.read(group.path, group.briefingId);
      const fingerprint = read.state === 'ok' ? read.page['briefing:fingerprint'] : '';
      stored.set(group.briefingId, fingerprint);
      orphans.push({ id: group.briefingId, fingerprints: [fingerprint, departed.get(group.briefingId)] });
    }
    const candidates = briefings.filter((briefing) => !annotated.has(briefing.id));
    const fingerprints = new Map(candidates.map((briefing) => [briefing.id, briefing.fingerprint]));
    const moves: { from: string; to: string }[] = [];
    for (const { from, to } of matchRenames(orphans, candidates)) {
      // The notes keep the fingerprint they were saved against, so the reader knows to re-anchor them.
      if (await this.move(from, to, stored.get(from) || fingerprints.get(to)!)) moves.push({ from, to });
    }
    return moves;
  }

  /**
   * The briefings whose notes someone else changed, from the annotations files the watcher saw
   * change: a file exactly as this store last wrote or listed it is this store's own doing. A
   * sidecar moved aside as damaged is never counted as our own, so its briefing is told.
   */
  async changedElsewhere(paths: readonly string[]): Promise<string[]> {
    const ids = new Set<string>();
    for (const path of paths) {
      const name = basename(path);
      const base = isSidecarName(name) ? name : conflictBaseOf(name);
      if (!base) continue;
      if (this.seen.has(path) && this.seen.get(path) === (await fileStamp(path))) continue;
      ids.add(briefingIdOf(this.libraryRoot, join(dirname(path), base)));
    }
    return [...ids].sort();
  }

  /** Writes every change held after a failed write. Resolves to how many were saved; never rejects. */
  async retryPending(): Promise<number> {
    let saved = 0;
    for (const briefingId of [...this.unsaved.keys()]) {
      saved += await this.flush(briefingId, false).catch(() => 0);
    }
    return saved;
  }

  private async write(briefingId: string, what: 'annotation' | 'deletion'): Promise<void> {
    try {
      await this.flush(briefingId, false);
    } catch (error) {
      throw saveFailed(error, what);
    }
    // The library is writable again: what earlier writes could not save goes now.
    if ([...this.unsaved.values()].some((unsaved) => unsaved.failed)) await this.retryPending();
  }

  /**
   * Read, merge, write for one sidecar, one at a time per briefing in this process and under a
   * lock file across processes. Writes the changes queued so far (so many saves at once share one
   * write) and, with `consolidate`, conflict copies even when there are no changes. Resolves to
   * the number of changes written.
   */
  private flush(briefingId: string, consolidate: boolean): Promise<number> {
    return this.queues.run(briefingId, async () => {
      const unsaved = this.unsaved.get(briefingId);
      if (!unsaved && !consolidate) return 0;
      const items = new Map(unsaved?.items);
      const deleted = new Map(unsaved?.deleted);
      const path = sidecarPath(this.libraryRoot, briefingId);
      try {
        await makeSidecarFolder(this.libraryRoot, path);
        await withFileLock(path, async () => {
          const before = await fileStamp(path);
          const read = await readSidecar(path, briefingId);
          if (read.state === 'unreadable') throw read.error;
          const current = await this.readOrMoveAside(briefingId, path, read, [], true);
          const copies = await this.readConflictCopies(briefingId, await findConflictCopies(path), []);
          if (items.size + deleted.size === 0 && copies.length === 0) return;
          // The window has not seen what this write merges in (another program's edit, or a
          // conflict copy found while saving): the write must then be reported, not taken as ours.
          const mergesUnseen = (this.seen.has(path) && this.seen.get(path) !== before) || (copies.length > 0 && !consolidate);
          const changes = { ...emptySidecar(briefingId, ''), items: [...items.values()], 'briefing:deleted': [...deleted.values()] };
          const merged = mergeSidecars(current ?? emptySidecar(briefingId, ''), [...copies.map((copy) => copy.page), changes]);
          merged['briefing:source'] = briefingId;
          merged['briefing:fingerprint'] = unsaved?.fingerprint || current?.['briefing:fingerprint'] || '';
          await writeFileAtomic(path, serializeSidecar(merged));
          this.reader.forget(path);
          if (mergesUnseen) this.seen.delete(path);
          else this.seen.set(path, await fileStamp(path));
          // Only now that the merge is safely on disk; a copy the sync tool changed meanwhile stays for next time.
          for (const copy of copies) {
            if ((await fileStamp(copy.path)) !== copy.stamp) continue;
            await rm(copy.path, { force: true });
            this.seen.set(copy.path, null);
          }
        });
      } catch (error) {
        if (unsaved) unsaved.failed = true;
        throw error;
      }
      if (unsaved) {
        // Keep what changed again while this write was running.
        for (const [id, item] of items) if (unsaved.items.get(id) === item) unsaved.items.delete(id);
        for (const [id, tombstone] of deleted) if (unsaved.deleted.get(id) === tombstone) unsaved.deleted.delete(id);
        unsaved.failed = false;
        if (unsaved.items.size + unsaved.deleted.size === 0 && this.unsaved.get(briefingId) === unsaved) this.unsaved.delete(briefingId);
      }
      return items.size + deleted.size;
    });
  }

  /** Moves one sidecar (and its conflict copies, merged) to a new briefing id. False if the target appeared meanwhile. */
  private async move(from: string, to: string, fingerprint: string): Promise<boolean> {
    const fromPath = sidecarPath(this.libraryRoot, from);
    const toPath = sidecarPath(this.libraryRoot, to);
    // Locks are always taken in id order so two moves cannot wait on each other.
    const [first, second] = from < to ? [from, to] : [to, from];
    const lockPath = (id: string) => (id === from ? fromPath : toPath);
    return this.queues.run(first, () =>
      this.queues.run(second, async () => {
        await makeSidecarFolder(this.libraryRoot, toPath);
        return withFileLock(lockPath(first), () =>
          withFileLock(lockPath(second), async () => {
            if ((await readSidecar(toPath, to)).state !== 'missing') return false;
            const read = await readSidecar(fromPath, from);
            if (read.state !== 'ok') return false;
            const copies = await this.readConflictCopies(from, await findConflictCopies(fromPath), []);
            const merged = mergeSidecars(
              read.page,
              copies.map((copy) => copy.page),
            );
            const moved: AnnotationSidecar = {
              ...merged,
              'briefing:source': to,
              'briefing:fingerprint': fingerprint,
              items: merged.items.map((item) => ({ ...item, target: { ...item.target, source: to } })),
            };
            await writeFileAtomic(toPath, serializeSidecar(moved));
            await rm(fromPath, { force: true });
            for (const copy of copies) await rm(copy.path, { force: true });
            this.seen.set(toPath, await fileStamp(toPath));
            for (const gone of [fromPath, ...copies.map((copy) => copy.path)]) this.seen.set(gone, null);
            this.reader.forget(fromPath);
            const problem = this.problems.get(from);
            if (problem) this.problems.set(to, problem);
            this.problems.delete(from);
            return true;
          }),
        );
      }),
    );
  }

  /** The page on disk, or null if there is none; a damaged one is moved aside and a problem recorded. */
  private async readOrMoveAside(briefingId: string, path: string, read: SidecarRead, problems: string[], forWrite = false): Promise<AnnotationSidecar | null> {
    switch (read.state) {
      case 'ok':
        return read.page;
      case 'missing':
        return null;
      case 'unreadable':
        problems.push(`The annotations of “${briefingId}” could not be read (${read.error.code ?? read.error.message}); the file was left as it is.`);
        return null;
      case 'corrupt': {
        this.reader.forget(path);
        this.seen.delete(path);
        let target: string | null;
        try {
          target = await quarantine(path, this.now());
        } catch (error) {
          problems.push(`The annotations file of “${briefingId}” cannot be read: ${read.reason}. It could not be moved aside either, so it is left untouched.`);
          // Not moved, so it must not be written over.
          if (forWrite) throw error;
          return null;
        }
        if (target) {
          this.problems.set(
            briefingId,
            `The annotations file of “${briefingId}” could not be read: ${read.reason}. It was moved aside unchanged to ${relative(this.libraryRoot, target)}; ` +
              'new annotations of this briefing start a new file. Open the moved file to recover its notes.',
          );
        }
        return null;
      }
    }
  }

  /** Conflict copies that parse; a damaged one is reported and left where it is for the user. */
  private async readConflictCopies(briefingId: string, paths: readonly string[], problems: string[]): Promise<ConflictCopy[]> {
    const copies: ConflictCopy[] = [];
    for (const path of paths) {
      const stamp = await fileStamp(path);
      const text = await readFile(path, 'utf8').catch(() => null);
      if (text === null) continue;
      const page = parseSidecar(text, briefingId);
      if (typeof page === 'string')
        problems.push(
          `A sync tool's conflicting copy of the annotations of “${briefingId}” (${relative(this.libraryRoot, path)}) could not be read: ${page}. It was left as it is.`,
        );
      else copies.push({ path, stamp, page });
    }
    return copies;
  }

  private unsavedFor(briefingId: string): Unsaved {
    let unsaved = this.unsaved.get(briefingId);
    if (!unsaved) this.unsaved.set(briefingId, (unsaved = { items: new Map(), deleted: new Map(), fingerprint: null, failed: false }));
    return unsaved;
  }

  private unsavedPages(briefingId: string): AnnotationSidecar[] {
    const unsaved = this.unsaved.get(briefingId);
    if (!unsaved) return [];
    return [{ ...emptySidecar(briefingId, ''), items: [...unsaved.items.values()], 'briefing:deleted': [...unsaved.deleted.values()] }];
  }
}
