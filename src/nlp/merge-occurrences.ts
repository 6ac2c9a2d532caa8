import type { EntityKind, Mention } from '../types.ts';
import type { Gazetteer, PlaceKind } from './gazetteer.ts';
import { foldName, groupPersonNames, nameWords } from './join-names.ts';
import { findKnownOrg } from './org-lookup.ts';
import { pickRole } from './pick-role.ts';

/** One sighting of an entity; `weight` 0 when the sentence only says who did not comment. */
export type Occurrence = {
  kind: EntityKind;
  name: string;
  role: string | null;
  country: string | null;
  order: number;
  weight: number;
};
export type Pending = {
  name: string;
  role: string | null;
  order: number;
  weight: number;
  person: boolean;
  /** Which kinds of place the word may be when it is no one's surname. */
  placeKinds: readonly PlaceKind[];
};
export const ALL_PLACES: readonly PlaceKind[] = ['country', 'region', 'city', 'area'];

/** Single words: a surname of someone named in full, else a place, else a person when tagged so. */
export function resolvePending(pending: Pending[], occurrences: Occurrence[], gaz: Gazetteer): void {
  const fullNames = occurrences.filter((o) => o.kind === 'person').map((o) => o.name);
  const surnames = new Set(fullNames.map((n) => nameWords(n).at(-1)!));
  for (const p of pending) {
    const key = nameWords(p.name).at(-1) ?? '';
    const base = { order: p.order, weight: p.weight, role: p.role, country: null };
    if (surnames.has(key)) {
      occurrences.push({ ...base, kind: 'person', name: p.name });
      continue;
    }
    const place = gaz.lookupPlace(p.name);
    if (place && !p.person && p.placeKinds.includes(place.kind)) {
      occurrences.push({ ...base, kind: 'place', name: place.name, role: null, country: place.country });
      continue;
    }
    const org = findKnownOrg(p.name);
    if (org) occurrences.push({ ...base, kind: 'org', name: org, role: null });
    else if (p.person) occurrences.push({ ...base, kind: 'person', name: p.name });
  }
}

export function toMentions(occurrences: Occurrence[]): Mention[] {
  const out: { mention: Mention; order: number }[] = [];
  const persons = occurrences.filter((o) => o.kind === 'person');
  for (const g of groupPersonNames(
    persons,
    (o) => o.name,
    (o) => o.weight,
    (o) => o.order,
  )) {
    const count = g.members.reduce((n, o) => n + o.weight, 0);
    if (count === 0) continue;
    const role = pickRole(g.members.map((o) => o.role));
    out.push({
      mention: { name: g.name, kind: 'person', role, country: null, count },
      order: Math.min(...g.members.map((o) => o.order)),
    });
  }
  for (const kind of ['org', 'place'] as const) {
    const byKey = new Map<string, Occurrence[]>();
    for (const o of occurrences.filter((x) => x.kind === kind)) {
      const k = foldName(o.name);
      const group = byKey.get(k);
      if (group) group.push(o);
      else byKey.set(k, [o]);
    }
    for (const group of byKey.values()) {
      const count = group.reduce((n, o) => n + o.weight, 0);
      if (count === 0) continue;
      const first = group[0]!;
      out.push({
        mention: {
          name: first.name,
          kind,
          role: pickRole(group.map((o) => o.role)),
          country: first.country,
          count,
        },
        order: Math.min(...group.map((o) => o.order)),
      });
    }
  }
  return out.sort((a, b) => a.order - b.order).map((x) => x.mention);
}
