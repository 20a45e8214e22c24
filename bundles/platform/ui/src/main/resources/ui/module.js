// What the modules' UIs share: the entry script's page router, the base of a module's pages and of
// its list pages, the signed-in user's pickers of units and people (asked only with the permissions
// they need, the roster cached per unit) and the unit filter of a list page's toolbar. Modules
// import it as `qinglian/module.js`.
import { html } from 'lit';
import { all } from './api.js';
import { followRouteFilters } from './files.js';
import { t } from './i18n.js';
import { LightElement, can, flattenUnits, toastError, unitOptions, unitTree } from './ui.js';

function message(container, text) {
  const div = document.createElement('div');
  div.className = 'ql-empty';
  div.dataset.state = 'message';
  div.textContent = text;
  container.replaceChildren(div);
}

/**
 * A module's entry script, the function the shell calls with the route, the container and the
 * portal object (see main.js): the page of a route `<module>/<page>[/<id>]`, a light-DOM element
 * of its own file loaded when first shown, which gets `portal`.
 *
 *   export default modulePages({
 *     ledger: { tag: 'ql-rect-ledger', load: () => import('./ledger.js') },
 *     problems: { tag: 'ql-rect-problem', load: () => import('./problem.js'), id: 'problemId' },
 *   }, { start: 'ledger', setup: ensureStyles });
 *
 * `start` is the page of the module's bare route; a page with `id` needs the route's id and gets
 * it (decoded) as that property; `setup(portal)` runs on every render (the module's stylesheet).
 * The pickers below get the signed-in user.
 */
export function modulePages(pages, { start, setup } = {}) {
  return async function render(route, container, portal) {
    if (setup) {
      setup(portal);
    }
    setUser(portal.me);
    const [, name = start, id] = String(route || '').split('/');
    const page = Object.prototype.hasOwnProperty.call(pages, name) ? pages[name] : null;
    if (!page || (page.id && !id)) {
      message(container, t('page.notFound'));
      return undefined;
    }
    await page.load();
    const el = document.createElement(page.tag);
    el.portal = portal;
    if (page.id) {
      el[page.id] = decodeURIComponent(id);
    }
    container.replaceChildren(el);
    return () => el.remove();
  };
}

/** A module's page: a light-DOM element whose `portal` the entry script sets (`me` is its signed-in user). */
export class ModulePage extends LightElement {
  get me() {
    return this.portal && this.portal.me;
  }
}

/**
 * A module's list page (a ledger, a register): a grid (`grid`, destroyed with the page) of what the
 * filters of its toolbar (`filters`) select. The page's route (its `static route`, e.g.
 * 'talks/register') presets them; while the page is shown a link to it with other filters (a
 * dashboard card's) sets them and reloads the grid, since the shell keeps the page; `formSeq` keys
 * the toolbar's form, which renders anew with them. A subclass reads the filters of its route
 * (`routeFilters()`, see files.js) and of its toolbar (`readFilters()`, see ui.js `toolbarFilters`).
 */
export class ListPage extends ModulePage {
  constructor() {
    super();
    this.filters = this.routeFilters();
    this.formSeq = 0;
  }

  connectedCallback() {
    super.connectedCallback();
    this.stopFollowing = followRouteFilters(
      this.constructor.route,
      () => this.routeFilters(),
      (next) => {
        this.filters = next;
        this.formSeq++;
        this.requestUpdate();
        this.grid?.reload();
      },
      this.filters,
    );
  }

  disconnectedCallback() {
    super.disconnectedCallback();
    this.stopFollowing();
    this.grid?.destroy();
  }

  /** Shows what the toolbar's filters select, from the first page. */
  search(e) {
    e?.preventDefault();
    this.filters = this.readFilters();
    this.grid.reload();
  }
}

// ---- the pickers of units and people -----------------------------------------------------------

let user = null;
const peopleCache = new Map();

const userKey = (me) => (me && me.user ? me.user.id || me.user.username : null);

/**
 * The signed-in user (`/auth/me`), set by `modulePages` on every render: the pickers ask the
 * platform's unit tree and roster only with the permissions they need, and a new user starts with
 * an empty roster cache.
 */
export function setUser(me) {
  if (userKey(me) !== userKey(user)) {
    peopleCache.clear();
  }
  user = me;
}

export const canPickUnits = () => can(user, 'platform:units-read');
export const canPickPeople = () => can(user, 'platform:people-read');

/**
 * The units in the user's scope, in tree order (`{id, name, depth…}`); none without
 * platform:units-read, and none when the call fails (a toast says why).
 */
export async function loadUnits() {
  try {
    return canPickUnits() ? flattenUnits(await unitTree()) : [];
  } catch (e) {
    toastError(e);
    return [];
  }
}

/**
 * The roster's people of a unit (for pickers), top leaders and leadership members first; none
 * without platform:people-read, and none when the call fails (a toast says why).
 */
export async function loadPeople(unitId) {
  if (!unitId || !canPickPeople()) {
    return [];
  }
  if (!peopleCache.has(unitId)) {
    const promise = all('/people', { unitId, sort: 'name' })
      .then((people) =>
        [...people].sort((a, b) => Number(!!b.topLeader) - Number(!!a.topLeader) || Number(!!b.leadershipMember) - Number(!!a.leadershipMember)),
      )
      .catch((e) => {
        peopleCache.delete(unitId);
        throw e;
      });
    peopleCache.set(unitId, promise);
  }
  try {
    return await peopleCache.get(unitId);
  } catch (e) {
    toastError(e);
    return [];
  }
}

/**
 * The unit filter of a list page's toolbar, for a user who may pick units (else nothing): the unit
 * (all when empty) and the switch that takes its subordinates in. `value` and `subordinates` preset
 * them; `onChange` runs when either changes; `label` and `subordinatesLabel` are their words.
 */
export function unitFilter(units, { label, subordinatesLabel, value = '', subordinates = true, onChange }) {
  if (!canPickUnits()) {
    return '';
  }
  return html`<sl-select name="unitId" data-field="unitId" label=${label} clearable hoist class="ql-wide"
      placeholder=${t('filter.all')} .value=${value} @sl-change=${onChange}>${unitOptions(units)}</sl-select>
    <sl-switch name="subordinates" data-field="subordinates" ?checked=${subordinates} @sl-change=${onChange}>${subordinatesLabel}</sl-switch>`;
}
