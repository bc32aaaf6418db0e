/** Something kept per briefing (notes, a reading state) whose briefing is no longer listed. */
export interface Orphan {
  id: string;
  /**
   * Fingerprints its briefing's text had: the one stored with it, and the one the library last
   * listed for its id (they differ when the text was edited after the thing was last saved).
   */
  fingerprints: readonly (string | undefined)[];
}

/**
 * Which listed briefing each orphan now is, by the rule notes and reading states share: the same
 * text under a new name is the same briefing, renamed or moved. A match must be unambiguous:
 * exactly one orphan and exactly one listed briefing (`candidates`, those with nothing of their
 * own yet) with that fingerprint; each candidate is taken once. Anything else is left alone.
 */
export function matchRenames(orphans: readonly Orphan[], candidates: readonly { id: string; fingerprint: string }[]): { from: string; to: string }[] {
  const group = <T>(pairs: [string, T][]) => {
    const groups = new Map<string, T[]>();
    for (const [key, value] of pairs) groups.set(key, [...(groups.get(key) ?? []), value]);
    return groups;
  };
  const keysOf = (orphan: Orphan) => [...new Set(orphan.fingerprints.filter((fingerprint): fingerprint is string => !!fingerprint))];
  const orphansBy = group(orphans.flatMap((orphan) => keysOf(orphan).map((key): [string, string] => [key, orphan.id])));
  const targetsBy = group(candidates.filter((candidate) => candidate.fingerprint).map((candidate): [string, string] => [candidate.fingerprint, candidate.id]));
  const taken = new Set<string>();
  const moves: { from: string; to: string }[] = [];
  for (const orphan of orphans) {
    for (const key of keysOf(orphan)) {
      const targets = targetsBy.get(key) ?? [];
      if (targets.length !== 1 || orphansBy.get(key)!.length !== 1 || taken.has(targets[0])) continue;
      taken.add(targets[0]);
      moves.push({ from: orphan.id, to: targets[0] });
      break;
    }
  }
  return moves;
}
