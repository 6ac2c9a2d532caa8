export { type ExtractedPage, type ExtractOptions, extractHtml, MAX_HTML_CHARS } from './extract-html.ts';
export { normalizeDate } from './extract-metadata.ts';
