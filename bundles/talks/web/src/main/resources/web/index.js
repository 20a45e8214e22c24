// The talks module's UI (关键少数谈话), imported by the portal shell for the routes
// `talks/register`, `talks/plan`, `talks/coverage` and `talks/talks/<id>`. Each page is a light-DOM
// Lit element of its own file, loaded when first shown; the portal's CSS, Tabulator's and the
// module's stylesheet apply.
import { t } from 'qinglian/i18n.js';
import { ensureStyles, setUser } from './common.js';

const PAGES = {
  register: { tag: 'ql-talks-register', load: () => import('./register.js') },
  plan: { tag: 'ql-talks-plan', load: () => import('./plan.js') },
  coverage: { tag: 'ql-talks-coverage', load: () => import('./coverage.js') },
  talks: { tag: 'ql-talks-talk', load: () => import('./talk.js') },
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
  // 'talks/<page>[/<id>]'
  const [, pageName = 'register', id] = String(route || '').split('/');
  const page = PAGES[pageName];
  if (!page || (pageName === 'talks' && !id)) {
    message(container, t('page.notFound'));
    return undefined;
  }
  await page.load();
  const el = document.createElement(page.tag);
  el.portal = portal;
  if (id) {
    el.talkId = decodeURIComponent(id);
  }
  container.replaceChildren(el);
  return () => el.remove();
}
