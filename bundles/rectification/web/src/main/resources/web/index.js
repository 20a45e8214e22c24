// The rectification module's UI (巡视巡察整改台账), imported by the portal shell for the routes
// `rectification/ledger`, `rectification/inspections`, `rectification/statistics` and
// `rectification/problems/<id>`. Each page is a light-DOM Lit element of its own file, loaded
// when first shown; the portal's CSS, Tabulator's and the module's stylesheet apply.
import { t } from 'qinglian/i18n.js';
import { ensureStyles, setUser } from './common.js';

const PAGES = {
  ledger: { tag: 'ql-rect-ledger', load: () => import('./ledger.js') },
  inspections: { tag: 'ql-rect-inspections', load: () => import('./inspections.js') },
  statistics: { tag: 'ql-rect-statistics', load: () => import('./statistics.js') },
  problems: { tag: 'ql-rect-problem', load: () => import('./problem.js') },
};

function message(container, text) {
  const div = document.createElement('div');
  div.className = 'ql-empty';
  div.dataset.state = 'message';
  div.textContent = text;
  container.replaceChildren(div);
}

export default async function render(route, container, portal) {
  ensureStyles();
  setUser(portal.me);
  // 'rectification/<page>[/<id>]'
  const [, pageName = 'ledger', id] = String(route || '').split('/');
  const page = PAGES[pageName];
  if (!page || (pageName === 'problems' && !id)) {
    message(container, t('page.notFound'));
    return undefined;
  }
  await page.load();
  const el = document.createElement(page.tag);
  el.portal = portal;
  if (id) {
    el.problemId = decodeURIComponent(id);
  }
  container.replaceChildren(el);
  return () => el.remove();
}
