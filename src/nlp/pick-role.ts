import { ROLE_NOUNS } from './find-roles.ts';

const MAX_ROLE_CHARS = 100;
/** A courtesy title alone says nothing about what someone does. */
const HONORIFICS = /^(?:mr|mrs|ms|miss|mx|dr|sir|dame|lady|lord|madam)\.?$/i;

/** How much a role says: role nouns and words, with very long phrases worth less. */
function scoreRole(role: string): number {
  const words = role.split(/\s+/);
  const nouns = words.filter((w) => ROLE_NOUNS.has(w.toLowerCase().replace(/[^\p{L}-]/gu, ''))).length;
  if (nouns === 0) return 0;
  return nouns * 3 + Math.min(words.length, 10) - (role.length > MAX_ROLE_CHARS ? 10 : 0);
}

const ABBREVIATED_TITLES: Readonly<Record<string, string>> = {
  Gov: 'Governor',
  Sen: 'Senator',
  Rep: 'Representative',
  Gen: 'General',
  Lt: 'Lieutenant',
  Col: 'Colonel',
  Sgt: 'Sergeant',
  Capt: 'Captain',
  Cmdr: 'Commander',
  Adm: 'Admiral',
  Maj: 'Major',
  Prof: 'Professor',
  Supt: 'Superintendent',
  Insp: 'Inspector',
  Det: 'Detective',
  Pres: 'President',
  Rev: 'Reverend',
};
const ABBREVIATION = new RegExp(`\\b(${Object.keys(ABBREVIATED_TITLES).join('|')})\\.?(?=\\s|$)`, 'g');

/** "South Dakota Gov." → "South Dakota Governor". */
function expandTitles(role: string): string {
  return role.replace(ABBREVIATION, (_, t: string) => ABBREVIATED_TITLES[t] ?? t);
}

/** The most informative of several roles found for one name, or null. */
export function pickRole(roles: ReadonlyArray<string | null | undefined>): string | null {
  let best: string | null = null;
  let bestScore = 0;
  for (const r of roles) {
    if (!r) continue;
    const role = expandTitles(r.replace(/\s+/g, ' ').trim());
    if (HONORIFICS.test(role)) continue;
    const s = scoreRole(role) || (role.split(' ').length <= 4 ? 1 : 0);
    if (s > bestScore) {
      best = role;
      bestScore = s;
    }
  }
  return best;
}
