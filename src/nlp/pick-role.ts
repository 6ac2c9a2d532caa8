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

/** The most informative of several roles found for one name, or null. */
export function pickRole(roles: ReadonlyArray<string | null | undefined>): string | null {
  let best: string | null = null;
  let bestScore = 0;
  for (const r of roles) {
    if (!r) continue;
    const role = r.replace(/\s+/g, ' ').trim();
    if (HONORIFICS.test(role)) continue;
    const s = scoreRole(role) || (role.split(' ').length <= 4 ? 1 : 0);
    if (s > bestScore) {
      best = role;
      bestScore = s;
    }
  }
  return best;
}
