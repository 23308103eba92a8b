export { FORMAT_NAMES, type Format, renderDocument } from './formats.js';
export type { ExportFile, ExportOptions } from './shared.js';
