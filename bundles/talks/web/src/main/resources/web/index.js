// The talks module's UI (关键少数谈话), imported by the portal shell for the routes
// `talks/register`, `talks/plan`, `talks/coverage` and `talks/talks/<id>`. Each page is a light-DOM
// Lit element of its own file, loaded when first shown; the portal's CSS, Tabulator's and the
// module's stylesheet apply.
import { modulePages } from 'qinglian/module.js';
import { ensureStyles } from './common.js';

export default modulePages(
  {
    register: { tag: 'ql-talks-register', load: () => import('./register.js') },
    plan: { tag: 'ql-talks-plan', load: () => import('./plan.js') },
    coverage: { tag: 'ql-talks-coverage', load: () => import('./coverage.js') },
    talks: { tag: 'ql-talks-talk', load: () => import('./talk.js'), id: 'talkId' },
  },
  { start: 'register', setup: ensureStyles },
);
