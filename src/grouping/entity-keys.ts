import countries from 'i18n-iso-countries';
import { getGazetteer } from '../nlp/gazetteer.ts';
import type { EntityKind, Mention } from '../types.ts';
import { foldText } from './text-terms.ts';

export type EntityFeature = {
  /** Index key: "e:" + folded name, or "n:" + a person's surname. */
  key: string;
  name: string;
  kind: EntityKind;
  /** A country: present in every story of a region's affairs, so it weighs little. */
  background: boolean;
  /** Named in the title or lead. */
  inLead: boolean;
  weight: number;
};

export function foldName(name: string): string {
  return foldText(name)
    .replace(/^the\s+/, '')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/** "Ahmad al-Dalati" → "dalati": meets "Ahmed al-Dalati" and a bare "Dalati". */
export function surnameOf(name: string): string | null {
  const parts = foldName(name).split(' ');
  const last = parts[parts.length - 1]!.replace(/^(?:al|el|ad|as|ash|ar|an)(?=\p{L}{3})/u, '');
  return last.length >= 3 ? last : null;
}

/** A country or a world region ("Syria", "the Middle East"): the backdrop of many stories, not one event's. */
export function isBackgroundName(name: string, country: string | null = null): boolean {
  if (country && foldName(country) === foldName(name)) return true;
  const gazetteer = getGazetteer();
  if (gazetteer.lookupPlace(name)?.kind === 'country' || gazetteer.isBroadArea(name)) return true;
  return countries.getAlpha2Code(name, 'en') !== undefined;
}

const KIND_WEIGHT: Record<EntityKind, number> = { person: 1, org: 0.7, place: 0.8 };
const BACKGROUND_WEIGHT = 0.25;

/** Index features of an article's mentions; `lead` is the title and lead text, to mark lead names. */
export function extractEntityFeatures(mentions: Mention[], lead: string): EntityFeature[] {
  const foldedLead = ` ${foldName(lead)} `;
  const byKey = new Map<string, EntityFeature>();
  const add = (key: string, m: Mention, scale: number, inLead: boolean) => {
    const background = m.kind !== 'person' && isBackgroundName(m.name, m.country);
    const weight =
      (1 + Math.log(Math.max(1, m.count))) *
      KIND_WEIGHT[m.kind] *
      (background ? BACKGROUND_WEIGHT : 1) *
      (inLead ? 1.5 : 1) *
      scale;
    const prev = byKey.get(key);
    if (prev) {
      prev.weight = Math.max(prev.weight, weight);
      prev.inLead ||= inLead;
      return;
    }
    byKey.set(key, { key, name: m.name, kind: m.kind, background, inLead, weight });
  };
  for (const m of mentions) {
    const folded = foldName(m.name);
    if (folded.length < 2) continue;
    const surname = m.kind === 'person' ? surnameOf(m.name) : null;
    const inLead =
      foldedLead.includes(` ${folded} `) || (surname !== null && foldedLead.includes(` ${surname} `));
    add(`e:${folded}`, m, 1, inLead);
    if (surname) add(`n:${surname}`, m, 0.5, inLead);
  }
  return [...byKey.values()];
}
