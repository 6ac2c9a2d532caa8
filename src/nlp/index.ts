export { extractMentions, type MentionSource } from './extract-mentions.ts';
export {
  createGazetteer,
  type Gazetteer,
  getGazetteer,
  lookupPlace,
  type Place,
  type PlaceKind,
} from './gazetteer.ts';
export { isSameFullName, isSurnameOf } from './join-names.ts';
export { findKnownOrg, findNewsOutlet } from './org-lookup.ts';
export { type SelectOptions, type StoryItem, selectWhere, selectWho } from './select-entities.ts';
export { splitSentences } from './split-sentences.ts';
