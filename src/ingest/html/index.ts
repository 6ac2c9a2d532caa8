export {
  type ExtractedPage,
  type ExtractOptions,
  extractHtml,
  MAX_DEPTH,
  MAX_ELEMENTS,
  MAX_HTML_CHARS,
} from './extract-html.ts';
export { normalizeDate } from './extract-metadata.ts';
