export {
  FORMAT_NAMES,
  type Format,
  formatOfFileName,
  formatSuffixes,
  renderDocument,
  renderDocuments,
} from './formats.js';
export type { ExportFile, ExportOptions } from './shared.js';
