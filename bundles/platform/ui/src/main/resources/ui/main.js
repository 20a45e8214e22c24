// The Qinglian portal shell: login, layout (header, menu, content) and hash routing.
//
// Routes are `#/<route>`: the platform's pages (`dashboard`, `todos`, `notices`, `admin/units`,
// `admin/people`, `admin/users`, `admin/roles`, `admin/modules`, `admin/install`, `admin/audit`) and each module's
// pages `#/<moduleId>/<page>`, as its navigation entries in `GET /api/v1/portal/modules` name them.
//
// Module contract. For a module route the shell dynamically imports the module's `entryScript`
// (an ES module loaded after the platform's import map, so `lit`, `@shoelace-style/shoelace/`,
// `tabulator-tables`, `echarts` and `qinglian/…` are the portal's own instances) and calls its
// default export:
//
//     export default function render(route, container, portal) { … }
//
//   route      the route without `#/`, e.g. 'talks/records' (anything after the module id is the
//              module's own business: 'talks/records/42')
//   container  an empty element the module renders into (light DOM; portal.css and Tabulator's CSS
//              apply); the shell empties it when the route or the language changes
//   portal     { api, t, lang, me, navigate }
//              api      qinglian/api.js: request/get/post/put/del/upload/all, ApiError (JSON, the current
//                       Accept-Language, X-CSRF-Token on writes, If-Match via `version`)
//              t        t(key, ...args): the portal's message bundles ({0} placeholders); modules
//                       ship their own words through their own API or bundles
//              lang     'zh-CN' or 'en'
//              me       GET /api/v1/auth/me of the signed-in user
//              navigate navigate(route): go to another route, e.g. navigate('todos')
//
// The function may return a cleanup function (or a promise of one); the shell calls it before it
// empties the container. The shared helpers are importable as `qinglian/api.js`,
// `qinglian/i18n.js`, `qinglian/grid.js` (Tabulator), `qinglian/chart.js` (ECharts),
// `qinglian/ui.js` (toasts, confirmations, forms and their errors), `qinglian/files.js`
// (downloads, uploads, the route's query), `qinglian/module.js` (this function as `modulePages`,
// the base of a module's pages, pickers of units and people) and `qinglian/record.js` (a record's
// page: its transitions, fields and timeline). Everything must respect the portal's
// Content-Security-Policy: no inline scripts, no eval, no style attributes in HTML strings.
//
// When modules are installed or removed, `modulesChanged()` (or a `ql-modules-changed` event on
// window) makes the shell fetch `GET /api/v1/portal/modules` again, so the menu gains or loses the
// modules' entries at once.
import { LitElement, html } from 'lit';
import { classMap } from 'lit/directives/class-map.js';
import '@shoelace-style/shoelace/shoelace.js';
import { setBasePath } from '@shoelace-style/shoelace/utilities/base-path.js';
import { registerIconLibrary } from '@shoelace-style/shoelace/utilities/icon-library.js';
import { api, get, post, setCsrfToken } from './api.js';
import { currentLang, setLanguage, t } from './i18n.js';
import { LightElement, can, toast, toastError } from './ui.js';
import './pages/login.js';

setBasePath(import.meta.resolve('@shoelace-style/shoelace/'));
// Shoelace's own icons (chevrons, close, password eye…) are data: URLs that it fetches, which the
// CSP's connect-src 'self' refuses: serve the same SVGs from /ui/icons/system/ instead.
registerIconLibrary('system', { resolver: (name) => `/ui/icons/system/${encodeURIComponent(name)}.svg` });

/** The window event that makes the shell fetch `/portal/modules` again. */
export const MODULES_CHANGED = 'ql-modules-changed';

/** The platform's pages: route → element, the module that defines it, the permission it needs. */
const PAGES = {
  dashboard: { tag: 'ql-dashboard', load: () => import('./pages/dashboard.js') },
  todos: { tag: 'ql-todos', load: () => import('./pages/todos.js') },
  notices: { tag: 'ql-notices', load: () => import('./pages/notices.js') },
  'admin/units': { tag: 'ql-admin-units', permission: 'platform:units-read', load: () => import('./pages/admin-units.js') },
  'admin/people': { tag: 'ql-admin-people', permission: 'platform:people-read', load: () => import('./pages/admin-people.js') },
  'admin/users': { tag: 'ql-admin-users', permission: 'platform:users-read', load: () => import('./pages/admin-users.js') },
  'admin/roles': { tag: 'ql-admin-roles', permission: 'platform:roles-read', load: () => import('./pages/admin-roles.js') },
  'admin/modules': { tag: 'ql-admin-modules', permission: 'platform:modules-activate', load: () => import('./pages/admin-modules.js') },
  'admin/install': { tag: 'ql-admin-install', permission: 'platform:modules-install', load: () => import('./pages/admin-install.js') },
  'admin/audit': { tag: 'ql-admin-audit', permission: 'platform:audit-read', load: () => import('./pages/admin-audit.js') },
};

const MAIN_MENU = [
  { route: 'dashboard', label: 'nav.dashboard', icon: 'house-door' },
  { route: 'todos', label: 'nav.todos', icon: 'check2-square', badge: 'openTodos' },
  { route: 'notices', label: 'nav.notices', icon: 'bell', badge: 'unreadNotices' },
];

const ADMIN_MENU = [
  { route: 'admin/units', label: 'nav.units', icon: 'diagram-3' },
  { route: 'admin/people', label: 'nav.people', icon: 'person-badge' },
  { route: 'admin/users', label: 'nav.users', icon: 'people' },
  { route: 'admin/roles', label: 'nav.roles', icon: 'shield-lock' },
  { route: 'admin/modules', label: 'nav.modules', icon: 'puzzle' },
  { route: 'admin/install', label: 'nav.install', icon: 'box-seam' },
  { route: 'admin/audit', label: 'nav.audit', icon: 'journal-text' },
];

/** A route from anything that names one: '#/x/y', '/x/y', 'x/y'. */
export function normalizeRoute(route) {
  return String(route || '')
    .replace(/^#/, '')
    .replace(/^\/+/, '')
    .trim();
}

/** Tells the shell that modules were installed or removed: it fetches the menu's modules again. */
export function modulesChanged() {
  window.dispatchEvent(new CustomEvent(MODULES_CHANGED));
}

export function navigate(route) {
  const target = `#/${normalizeRoute(route)}`;
  if (location.hash !== target) {
    location.hash = target;
  }
}

function currentRoute() {
  return normalizeRoute(decodeURIComponent(location.hash)).split('?')[0] || 'dashboard';
}

/** 中文 / English. */
class QlLangSwitch extends LightElement {
  render() {
    const lang = currentLang();
    const choose = (l) => window.dispatchEvent(new CustomEvent('ql-set-lang', { detail: { lang: l } }));
    return html`<sl-button-group label=${t('lang.label')} class="ql-lang-switch">
      <sl-button size="small" data-action="lang-zh-CN" variant=${lang === 'zh-CN' ? 'primary' : 'default'}
        @click=${() => choose('zh-CN')}>${t('lang.zh-CN')}</sl-button>
      <sl-button size="small" data-action="lang-en" variant=${lang === 'en' ? 'primary' : 'default'}
        @click=${() => choose('en')}>${t('lang.en')}</sl-button>
    </sl-button-group>`;
  }
}
customElements.define('ql-lang-switch', QlLangSwitch);

class QlApp extends LitElement {
  static properties = {
    phase: { state: true }, // loading | login | password | app | failed
    me: { state: true },
    modules: { state: true },
    summary: { state: true },
    route: { state: true },
    lang: { state: true },
    loginNotice: { state: true },
  };

  createRenderRoot() {
    return this;
  }

  constructor() {
    super();
    this.phase = 'loading';
    this.modules = [];
    this.summary = { openTodos: 0, unreadNotices: 0 };
    this.route = currentRoute();
    this.mounted = null; // { key, cleanup }
    this.mountSeq = 0;
  }

  connectedCallback() {
    super.connectedCallback();
    this.onHash = () => {
      this.route = currentRoute();
    };
    this.onUnauthorized = () => {
      if (this.phase === 'app' || this.phase === 'password') {
        this.unmountPage();
        this.me = null;
        this.loginNotice = t('login.sessionExpired');
        this.phase = 'login';
      }
    };
    this.onPasswordRequired = () => {
      if (this.phase === 'app') {
        this.unmountPage();
        this.phase = 'password';
      }
    };
    this.onSetLang = (e) => this.switchLanguage(e.detail.lang);
    this.onSummaryChanged = () => this.loadSummary();
    this.onModulesChanged = () => {
      if (this.phase === 'app') {
        this.loadModules();
      }
    };
    window.addEventListener('hashchange', this.onHash);
    window.addEventListener('ql-unauthorized', this.onUnauthorized);
    window.addEventListener('ql-password-change-required', this.onPasswordRequired);
    window.addEventListener('ql-set-lang', this.onSetLang);
    window.addEventListener('ql-summary-changed', this.onSummaryChanged);
    window.addEventListener(MODULES_CHANGED, this.onModulesChanged);
    this.start();
  }

  disconnectedCallback() {
    super.disconnectedCallback();
    window.removeEventListener('hashchange', this.onHash);
    window.removeEventListener('ql-unauthorized', this.onUnauthorized);
    window.removeEventListener('ql-password-change-required', this.onPasswordRequired);
    window.removeEventListener('ql-set-lang', this.onSetLang);
    window.removeEventListener('ql-summary-changed', this.onSummaryChanged);
    window.removeEventListener(MODULES_CHANGED, this.onModulesChanged);
    clearInterval(this.summaryTimer);
  }

  async start() {
    try {
      this.lang = await setLanguage();
      const session = await get('/auth/session', null, { auth: false });
      if (!session.signedIn) {
        this.phase = 'login';
      } else if (session.mustChangePassword) {
        const me = await get('/auth/me');
        setCsrfToken(me.csrfToken);
        this.phase = 'password';
      } else {
        await this.enter();
      }
    } catch (e) {
      this.failure = e;
      this.phase = 'failed';
    }
  }

  /** Loads what the layout needs and shows it. */
  async enter() {
    const me = await get('/auth/me');
    setCsrfToken(me.csrfToken);
    this.me = me;
    await Promise.all([this.loadModules(), this.loadSummary()]);
    this.loginNotice = null;
    this.phase = 'app';
    clearInterval(this.summaryTimer);
    this.summaryTimer = setInterval(() => this.loadSummary(), 120000);
  }

  async loadModules() {
    try {
      const modules = await get('/portal/modules');
      this.modules = [...(modules || [])].sort((a, b) => (a.order ?? 0) - (b.order ?? 0));
    } catch (e) {
      this.modules = [];
      if (e.status !== 401) {
        toastError(e);
      }
    }
  }

  async loadSummary() {
    if (!this.me && this.phase !== 'loading') {
      return;
    }
    try {
      this.summary = (await get('/portal/summary')) || { openTodos: 0, unreadNotices: 0 };
    } catch (e) {
      // the badges keep their last figures; a lost session is handled by the 401 event
    }
  }

  async switchLanguage(lang) {
    if (lang === currentLang()) {
      return;
    }
    try {
      this.lang = await setLanguage(lang);
      if (this.phase === 'app') {
        this.unmountPage();
        await Promise.all([this.loadModules(), get('/auth/me').then((me) => (this.me = me))]);
      }
      this.requestUpdate();
      // every light-DOM component that shows words renders again
      for (const el of this.querySelectorAll('ql-lang-switch, ql-login, ql-password-form, ql-forced-password')) {
        el.requestUpdate();
      }
      this.mounted = null;
      this.updateComplete.then(() => this.mountPage());
    } catch (e) {
      toastError(e);
    }
  }

  async onSignedIn(e) {
    if (e.detail.mustChangePassword) {
      this.phase = 'password';
      return;
    }
    try {
      await this.enter();
    } catch (error) {
      toastError(error);
    }
  }

  async onPasswordChanged() {
    toast(t('password.changed'), 'success');
    if (this.phase === 'password') {
      try {
        await this.enter();
      } catch (error) {
        toastError(error);
      }
    } else {
      this.querySelector('sl-dialog[data-dialog="change-password"]')?.hide();
    }
  }

  async logout() {
    try {
      await post('/auth/logout');
    } catch (e) {
      // already signed out: the login page is what the user wants anyway
    }
    setCsrfToken(null);
    clearInterval(this.summaryTimer);
    this.unmountPage();
    this.me = null;
    this.modules = [];
    this.loginNotice = t('logout.done');
    this.phase = 'login';
  }

  onUserMenu(e) {
    const action = e.detail.item.dataset.action;
    if (action === 'logout') {
      this.logout();
    } else if (action === 'change-password') {
      const dialog = this.querySelector('sl-dialog[data-dialog="change-password"]');
      dialog.querySelector('ql-password-form').reset();
      dialog.show();
    }
  }

  // ---- pages ------------------------------------------------------------------------------

  updated() {
    if (this.phase === 'app') {
      this.mountPage();
    }
  }

  unmountPage() {
    if (this.mounted && this.mounted.cleanup) {
      try {
        this.mounted.cleanup();
      } catch (e) {
        console.warn(e);
      }
    }
    this.mounted = null;
    const content = this.querySelector('#ql-content');
    if (content) {
      content.replaceChildren();
    }
  }

  async mountPage() {
    const content = this.querySelector('#ql-content');
    const key = `${currentLang()}|${this.route}`;
    if (!content || (this.mounted && this.mounted.key === key)) {
      return;
    }
    this.unmountPage();
    const seq = ++this.mountSeq;
    this.mounted = { key, cleanup: null };
    const route = this.route;
    const stale = () => seq !== this.mountSeq;
    const message = (text) => {
      const p = document.createElement('div');
      p.className = 'ql-empty';
      p.dataset.state = 'message';
      p.textContent = text;
      content.replaceChildren(p);
    };
    const page = PAGES[route];
    if (page) {
      if (!can(this.me, page.permission)) {
        message(t('page.forbidden'));
        return;
      }
      try {
        await page.load();
      } catch (e) {
        console.warn(e);
        message(t('page.loadFailed'));
        return;
      }
      if (stale()) {
        return;
      }
      const el = document.createElement(page.tag);
      el.me = this.me;
      el.modules = this.modules;
      el.route = route;
      el.portal = this.portal();
      content.replaceChildren(el);
      return;
    }
    const moduleId = route.split('/')[0];
    const module = this.modules.find((m) => m.id === moduleId);
    if (!module || !module.entryScript) {
      message(t('page.notFound'));
      return;
    }
    const container = document.createElement('div');
    container.className = 'ql-module-page';
    container.dataset.module = module.id;
    content.replaceChildren(container);
    try {
      const entry = await import(module.entryScript);
      if (stale()) {
        return;
      }
      const cleanup = await entry.default(route, container, this.portal());
      if (stale()) {
        if (typeof cleanup === 'function') {
          cleanup();
        }
        return;
      }
      this.mounted.cleanup = typeof cleanup === 'function' ? cleanup : null;
    } catch (e) {
      console.warn(e);
      if (!stale()) {
        message(t('page.moduleFailed', module.name));
      }
    }
  }

  portal() {
    return { api, t, lang: currentLang(), me: this.me, navigate };
  }

  // ---- rendering ----------------------------------------------------------------------------

  menuItem(item, label, badge) {
    const active = this.route === item.route || this.route.startsWith(`${item.route}/`);
    return html`<a href=${`#/${item.route}`} data-route=${item.route} class=${classMap({ 'ql-nav-item': true, active })}
      aria-current=${active ? 'page' : 'false'}>
      <sl-icon name=${item.icon || 'app'}></sl-icon><span class="ql-nav-label">${label}</span>
      ${badge ? html`<sl-badge pill variant="danger">${badge}</sl-badge>` : ''}
    </a>`;
  }

  renderMenu() {
    const admin = ADMIN_MENU.filter((item) => can(this.me, PAGES[item.route].permission));
    return html`<nav class="ql-nav" aria-label=${t('nav.label')}>
      <div class="ql-nav-group">
        ${MAIN_MENU.map((item) => this.menuItem(item, t(item.label), item.badge ? this.summary[item.badge] : 0))}
      </div>
      ${this.modules
        .filter((m) => (m.navigation || []).length > 0)
        .map(
          (m) => html`<div class="ql-nav-group" data-module=${m.id}>
            <div class="ql-nav-heading"><sl-icon name=${m.icon || 'grid-3x3-gap'}></sl-icon>${m.name}</div>
            ${m.navigation.map((n) => this.menuItem({ route: normalizeRoute(n.route), icon: n.icon }, n.label))}
          </div>`,
        )}
      ${admin.length
        ? html`<div class="ql-nav-group" data-group="admin">
            <div class="ql-nav-heading"><sl-icon name="gear"></sl-icon>${t('nav.admin')}</div>
            ${admin.map((item) => this.menuItem(item, t(item.label)))}
          </div>`
        : ''}
    </nav>`;
  }

  renderHeader() {
    const me = this.me;
    const unitName = me.unit ? me.unit.name : t('header.wholeDeployment');
    return html`<header class="ql-header">
      <a class="ql-brand" href="#/dashboard" data-route-home>
        <img src="/ui/favicon.svg" alt="" /><span>${t('app.title')}</span>
      </a>
      <div class="ql-header-unit" data-unit>
        <sl-icon name="building"></sl-icon><span title=${t('header.unit')}>${unitName}</span>
      </div>
      <div class="ql-header-spacer"></div>
      <sl-tooltip content=${t('header.todos')}>
        <sl-button variant="text" size="medium" class="ql-header-badge" data-action="open-todos" href="#/todos">
          <sl-icon name="check2-square" label=${t('header.todos')}></sl-icon>
          <sl-badge pill variant=${this.summary.openTodos ? 'danger' : 'neutral'} data-count="todos">${this.summary.openTodos ?? 0}</sl-badge>
        </sl-button>
      </sl-tooltip>
      <sl-tooltip content=${t('header.notices')}>
        <sl-button variant="text" size="medium" class="ql-header-badge" data-action="open-notices" href="#/notices">
          <sl-icon name="bell" label=${t('header.notices')}></sl-icon>
          <sl-badge pill variant=${this.summary.unreadNotices ? 'danger' : 'neutral'} data-count="notices">${this.summary.unreadNotices ?? 0}</sl-badge>
        </sl-button>
      </sl-tooltip>
      <ql-lang-switch></ql-lang-switch>
      <sl-dropdown placement="bottom-end" class="ql-user-menu">
        <sl-button slot="trigger" caret data-action="user-menu">
          <sl-icon slot="prefix" name="person-circle"></sl-icon>${me.user.username}
        </sl-button>
        <sl-menu @sl-select=${this.onUserMenu}>
          <sl-menu-item data-action="change-password"><sl-icon slot="prefix" name="key"></sl-icon>${t('user.changePassword')}</sl-menu-item>
          <sl-divider></sl-divider>
          <sl-menu-item data-action="logout"><sl-icon slot="prefix" name="box-arrow-right"></sl-icon>${t('user.logout')}</sl-menu-item>
        </sl-menu>
      </sl-dropdown>
    </header>`;
  }

  render() {
    switch (this.phase) {
      case 'loading':
        return html`<div class="ql-splash"><sl-spinner></sl-spinner></div>`;
      case 'failed':
        return html`<div class="ql-splash"><sl-alert variant="danger" open>
          <sl-icon slot="icon" name="x-octagon"></sl-icon>${t('app.startFailed')}
          ${this.failure && this.failure.problem ? html`<div>${this.failure.problem.detail || this.failure.problem.title}</div>` : ''}
        </sl-alert></div>`;
      case 'login':
        return html`<ql-login .notice=${this.loginNotice} @ql-signed-in=${this.onSignedIn}></ql-login>`;
      case 'password':
        return html`<ql-forced-password @ql-password-changed=${this.onPasswordChanged} @ql-logout=${this.logout}></ql-forced-password>`;
      default:
        return html`<div class="ql-layout">
          ${this.renderHeader()}
          <div class="ql-body">
            <aside class="ql-sidebar">${this.renderMenu()}</aside>
            <main id="ql-content" class="ql-content"></main>
          </div>
          <sl-dialog label=${t('password.title')} data-dialog="change-password" class="ql-dialog-narrow">
            <ql-password-form @ql-password-changed=${this.onPasswordChanged}></ql-password-form>
          </sl-dialog>
        </div>`;
    }
  }
}
customElements.define('ql-app', QlApp);
