import { findOutlet } from '../ingest/outlets.ts';
import { getGazetteer } from './gazetteer.ts';
import { foldName } from './join-names.ts';
import { KNOWN_ORGS } from './org-names.ts';

let orgIndex: Map<string, string> | null = null;

/** The usual name of a widely reported organisation from any of its names ("HTS", "Nato"), else null. */
export function findKnownOrg(name: string): string | null {
  if (!orgIndex) {
    orgIndex = new Map();
    for (const o of KNOWN_ORGS) {
      orgIndex.set(foldName(o.name), o.name);
      // Acronyms must match in capitals: "WHO" the organisation, not "who".
      for (const a of o.aliases)
        orgIndex.set(/^[A-Z0-9.]+$/.test(a) ? `#${a.replace(/\./g, '')}` : foldName(a), o.name);
    }
  }
  const upper = name.replace(/\./g, '');
  if (/^[A-Z0-9]+$/.test(upper)) return orgIndex.get(`#${upper}`) ?? null;
  return orgIndex.get(foldName(name)) ?? null;
}

/**
 * The canonical name of a news outlet or agency ("Reuters", "AP"), else null. A single word that
 * is also a place ("Fars", "Petra") counts as an outlet only when written in capitals or known so.
 */
export function findNewsOutlet(name: string): string | null {
  const hit = findOutlet(name);
  if (!hit) return null;
  if (!name.includes(' ') && !/^[A-Z0-9]+$/.test(name) && getGazetteer().lookupPlace(name)) return null;
  return hit.name;
}

export function isNewsOutlet(name: string): boolean {
  return findNewsOutlet(name) !== null;
}
