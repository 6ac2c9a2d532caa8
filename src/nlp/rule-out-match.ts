/**
 * A quick "no" before compromise's matcher: a rule whose match starts with plain one-word steps
 * (a word, a tag, a word list, a noun/verb switch) cannot match a sentence with no run of terms
 * fitting those steps. Anything fancier (optional, negative, anchored at the end, alternatives of
 * several words) is left to compromise, as are sentences with contractions, where one step may
 * cover two terms.
 */

export type MatchTerm = {
  tags: Set<string>;
  text: string;
  normal: string;
  machine?: string | null;
  alias?: string[];
  switch?: string;
  root?: string;
  implicit?: string;
};
type Step = {
  tag?: string;
  word?: string;
  switch?: string;
  fastOr?: Set<string>;
  operator?: string;
  pos?: string;
  greedy?: boolean;
  start?: boolean;
};

/** Step fields that change no more than which terms a plain step matches. */
const PLAIN_FIELDS = new Set([
  'tag',
  'word',
  'switch',
  'fastOr',
  'operator',
  'pos',
  'greedy',
  'start',
  'group',
  'groupStart',
  'groupEnd',
]);

function isPlain(reg: Record<string, unknown>): boolean {
  for (const k in reg) if (!PLAIN_FIELDS.has(k)) return false;
  const step = reg as Step;
  if (step.operator !== undefined && (step.operator !== 'or' || step.fastOr === undefined)) return false;
  return (
    step.tag !== undefined ||
    step.word !== undefined ||
    step.switch !== undefined ||
    step.fastOr !== undefined
  );
}

/** The plain steps a match must take first, each on one term; a greedy one ends them. */
export type Lead = { steps: Step[]; anchored: boolean };

/** A rule's lead (from its parsed steps, `regs`), or null when its first step is not plain. */
export function leadOf(regs: readonly Record<string, unknown>[]): Lead | null {
  const steps: Step[] = [];
  for (const reg of regs) {
    if (!isPlain(reg)) break;
    const step = reg as Step;
    if (steps.length > 0 && step.start === true) break;
    steps.push(step);
    if (step.greedy === true) break;
  }
  return steps.length === 0 ? null : { steps, anchored: steps[0]!.start === true };
}

/** compromise's test of one term against one plain step. */
function fitsStep(t: MatchTerm, step: Step): boolean {
  if (step.word !== undefined)
    return (
      (t.machine != null && t.machine === step.word) ||
      (t.alias?.includes(step.word) ?? false) ||
      step.word === t.text ||
      step.word === t.normal
    );
  if (step.tag !== undefined) return t.tags.has(step.tag);
  if (step.switch !== undefined) return t.switch === step.switch;
  if (step.pos !== undefined && !t.tags.has(step.pos)) return false;
  const s = t.root || t.implicit || t.machine || t.normal;
  return step.fastOr!.has(s) || step.fastOr!.has(t.text);
}

/**
 * True when a rule with this lead surely matches nowhere in `terms`; false when it may.
 * `contracted`: some term of the sentence stands for part of a contraction.
 */
export function ruleOutMatch(terms: readonly MatchTerm[], lead: Lead, contracted: boolean): boolean {
  if (terms.length === 0) return false;
  const n = contracted ? 1 : lead.steps.length;
  const last = lead.anchored ? 0 : terms.length - 1;
  starts: for (let i = 0; i <= last; i++) {
    for (let k = 0; k < n; k++) {
      const t = terms[i + k];
      if (!t || !fitsStep(t, lead.steps[k]!)) continue starts;
    }
    return false;
  }
  return true;
}
