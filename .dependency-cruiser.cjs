/**
 * The pipeline's layers point one way: a stage imports only from stages before it and from the
 * shared foundation (model, text, errors, io). `npm run deps` checks it; `npm test` runs it.
 */
const stage = (name) => `^src/${name}(/|\\.ts$)`;
const FOUNDATION = ['model', 'text', 'errors', 'quantile', 'io', 'types'];

/** Each folder and the folders it must never import from. */
const FORBIDDEN = {
  foundation: [
    'ingest',
    'structure',
    'segment',
    'align',
    'pairs',
    'pipeline',
    'export',
    'store',
    'queue',
    'server',
    'cli',
    'eval',
    'read',
  ],
  ingest: ['structure', 'segment', 'align', 'pairs', 'pipeline', 'export', 'store', 'queue', 'server', 'cli'],
  structure: ['segment', 'align', 'pairs', 'pipeline', 'export', 'store', 'queue', 'server', 'cli'],
  segment: ['align', 'pairs', 'pipeline', 'export', 'store', 'queue', 'server', 'cli'],
  align: ['ingest', 'structure', 'segment', 'pairs', 'pipeline', 'export', 'store', 'queue', 'server', 'cli'],
  pairs: ['pipeline', 'export', 'store', 'queue', 'server', 'cli'],
  export: ['pipeline', 'store', 'queue', 'server', 'cli'],
  store: ['export', 'pipeline', 'queue', 'server', 'cli'],
  pipeline: ['queue', 'server', 'cli'],
  queue: ['server', 'cli'],
  server: ['cli'],
  eval: ['pipeline', 'store', 'queue', 'server', 'cli'],
};

const fromPattern = (name) =>
  name === 'foundation' ? `^src/(${FOUNDATION.join('|')})(/|\\.ts$)` : stage(name);

module.exports = {
  forbidden: [
    {
      name: 'no-circular',
      severity: 'error',
      comment: 'An import cycle ties modules that should each be understood on their own.',
      from: {},
      to: { circular: true },
    },
    ...Object.entries(FORBIDDEN).map(([from, targets]) => ({
      name: `layers-${from}`,
      severity: 'error',
      comment: `${from} comes before ${targets.join(', ')} in the pipeline and must not import them.`,
      from: { path: fromPattern(from) },
      to: { path: `^src/(${targets.join('|')})(/|\\.ts$)` },
    })),
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
  },
};
