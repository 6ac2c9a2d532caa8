export { buildDigest, sourceNameOf } from './build-digest.ts';
export { type DigestExport, type ExportArticle, type ExportStory, toDigestExport } from './export-digest.ts';
export { cleanTitle, headlineFromSentence, pickHeadline } from './pick-headline.ts';
export { escapeMarkdown, renderDigestMarkdown, renderDigestText } from './render-text.ts';
export { cleanLeadSentence, isStatement, MAX_WHAT_CHARS, selectWhat, trimSentence } from './select-what.ts';
