// The rectification module's UI (巡视巡察整改台账), imported by the portal shell for the routes
// `rectification/ledger`, `rectification/inspections`, `rectification/statistics` and
// `rectification/problems/<id>`. Each page is a light-DOM Lit element of its own file, loaded
// when first shown; the portal's CSS, Tabulator's and the module's stylesheet apply.
import { modulePages } from 'qinglian/module.js';
import { ensureStyles } from './common.js';

export default modulePages(
  {
    ledger: { tag: 'ql-rect-ledger', load: () => import('./ledger.js') },
    inspections: { tag: 'ql-rect-inspections', load: () => import('./inspections.js') },
    statistics: { tag: 'ql-rect-statistics', load: () => import('./statistics.js') },
    problems: { tag: 'ql-rect-problem', load: () => import('./problem.js'), id: 'problemId' },
  },
  { start: 'ledger', setup: ensureStyles },
);
