export {
  FORMAT_NAMES,
  type Format,
  formatOfFileName,
  renderDocument,
  renderDocuments,
} from './formats.js';
export type { ExportFile, ExportOptions } from './shared.js';
