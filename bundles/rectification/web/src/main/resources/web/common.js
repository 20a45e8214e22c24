// Shared pieces of the rectification ledger's pages (巡视巡察整改台账): the states and their tags,
// the reference lists (units in scope, categories, inspections, people of a unit) and the module's
// stylesheet (downloads, sizes and the route's query come from qinglian/files.js). Every word comes from the message bundles (keys `rectification.*`).
import { html } from 'lit';
import { classMap } from 'lit/directives/class-map.js';
import { all, get } from 'qinglian/api.js';
import { ensureStyles as ensureModuleStyles } from 'qinglian/files.js';
import { has, localized, t } from 'qinglian/i18n.js';
import { can, flattenUnits, unitTree } from 'qinglian/ui.js';

/** The module's REST base below /api/v1. */
export const BASE = '/rectification';

export const STATUSES = ['REGISTERED', 'IN_PROGRESS', 'CLOSURE_REQUESTED', 'CLOSED', 'LONG_TERM'];
export const SEVERITIES = ['HIGH', 'MEDIUM', 'LOW'];
export const SOURCES = ['CENTRAL_INSPECTION', 'CITY_INSPECTION', 'AUDIT', 'SPECIAL', 'WORK_STYLE', 'SELF_EXAMINATION', 'CHECKLIST_REVIEW'];
/** The transitions in the order their buttons stand. */
export const ACTIONS = ['START', 'REQUEST_CLOSURE', 'REJECT', 'CLOSE', 'LONG_TERM', 'RECHECK', 'REOPEN'];
/** Transitions that need a note (reason, verification note). */
export const NOTE_REQUIRED = new Set(['REJECT', 'CLOSE', 'LONG_TERM', 'RECHECK', 'REOPEN']);
/** Transitions that need evidence (an attachment on a progress report). */
export const EVIDENCE_REQUIRED = new Set(['REQUEST_CLOSURE', 'CLOSE']);

export const PERM = {
  read: 'rectification:read',
  write: 'rectification:write',
  report: 'rectification:report',
  close: 'rectification:close',
  export: 'rectification:export',
  import: 'rectification:import',
};

const STATUS_VARIANT = {
  REGISTERED: 'neutral',
  IN_PROGRESS: 'primary',
  CLOSURE_REQUESTED: 'warning',
  CLOSED: 'success',
  LONG_TERM: 'success',
};

const SEVERITY_VARIANT = { HIGH: 'danger', MEDIUM: 'warning', LOW: 'neutral' };

/** The label of a key, or `fallback` (the raw code) when the bundles do not know the key. */
export function label(key, fallback) {
  return has(key) ? t(key) : fallback ?? key;
}

export const statusLabel = (s) => (s ? label(`rectification.status.${s}`, s) : '');
export const severityLabel = (s) => (s ? label(`rectification.severity.${s}`, s) : '');
export const sourceLabel = (s) => (s ? label(`rectification.source.${s}`, s) : '');
export const actionLabel = (a) => (a ? label(`rectification.action.${a}`, a) : '');
export const timelineLabel = (a) => (a ? label(`rectification.timeline.${a}`, actionLabel(a)) : '');

/** A status tag as a DOM node (for grid cells). */
export function statusNode(status) {
  const el = document.createElement('sl-tag');
  el.size = 'small';
  el.variant = STATUS_VARIANT[status] || 'neutral';
  el.className = `ql-rect-status ql-rect-status-${status}`;
  el.dataset.status = status;
  el.textContent = statusLabel(status);
  return el;
}

/** A status tag as a Lit template. */
export function statusTag(status, size = 'small') {
  return html`<sl-tag size=${size} variant=${STATUS_VARIANT[status] || 'neutral'}
    class=${`ql-rect-status ql-rect-status-${status}`} data-status=${status}>${statusLabel(status)}</sl-tag>`;
}

export function severityTag(severity, size = 'small') {
  return severity
    ? html`<sl-tag size=${size} variant=${SEVERITY_VARIANT[severity] || 'neutral'} data-severity=${severity}>${severityLabel(severity)}</sl-tag>`
    : '';
}

export function severityNode(severity) {
  const el = document.createElement('sl-tag');
  el.size = 'small';
  el.variant = SEVERITY_VARIANT[severity] || 'neutral';
  el.dataset.severity = severity;
  el.textContent = severityLabel(severity);
  return el;
}

/** The red overdue badge (逾期) as a DOM node. */
export function overdueNode() {
  const el = document.createElement('sl-badge');
  el.variant = 'danger';
  el.pill = true;
  el.dataset.overdue = 'true';
  el.textContent = t('rectification.overdue');
  return el;
}

export function overdueBadge(overdue) {
  return overdue ? html`<sl-badge variant="danger" pill data-overdue="true">${t('rectification.overdue')}</sl-badge>` : '';
}

/** Classes of a date that is past due. */
export function dueClass(overdue) {
  return classMap({ 'ql-rect-overdue': !!overdue });
}

// ---- reference lists --------------------------------------------------------------------------

let user = null;
const peopleCache = new Map();

/**
 * The signed-in user (`/auth/me`), set by the entry script on every render: the pickers ask the
 * platform's unit tree and roster only with the permissions they need, and a new user starts
 * with an empty roster cache.
 */
export function setUser(me) {
  const id = me && me.user ? me.user.id || me.user.username : null;
  const before = user && user.user ? user.user.id || user.user.username : null;
  if (id !== before) {
    peopleCache.clear();
  }
  user = me;
}

export const canPickUnits = () => can(user, 'platform:units-read');
export const canPickPeople = () => can(user, 'platform:people-read');

/** The units in the user's scope, in tree order (`{id, name, depth…}`); none without platform:units-read. */
export async function loadUnits() {
  return canPickUnits() ? flattenUnits(await unitTree()) : [];
}

/**
 * The seven areas (the rectification-category dictionary) as `[{code, label}]`, from the module's
 * own endpoint: the platform's dictionary API needs a platform permission ledger users lack.
 */
export async function loadCategories() {
  const items = await get(`${BASE}/categories`);
  return (items || [])
    .filter((i) => i.active !== false)
    .sort((a, b) => (a.sortOrder ?? 0) - (b.sortOrder ?? 0))
    .map((i) => ({ code: i.code, label: localized(i, 'label') }));
}

/** Every inspection in scope, newest first. */
export function loadInspections() {
  return all(`${BASE}/inspections`, { sort: '-startDate' });
}

/** The roster's people of a unit (for leader and owner pickers), top leaders first; none without platform:people-read. */
export function loadPeople(unitId) {
  if (!unitId || !canPickPeople()) {
    return Promise.resolve([]);
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
  return peopleCache.get(unitId);
}

/** `sl-option`s of people, leaders marked. */
export function peopleOptions(people) {
  return people.map(
    (p) => html`<sl-option value=${p.id}>${p.name}${p.topLeader
        ? html`<span class="ql-rect-person-flag">${t('rectification.person.topLeader')}</span>`
        : p.leadershipMember
          ? html`<span class="ql-rect-person-flag">${t('rectification.person.leadershipMember')}</span>`
          : ''}</sl-option>`,
  );
}

/** Options of a plain code list with labels. */
export function codeOptions(codes, labelOf) {
  return codes.map((c) => html`<sl-option value=${c}>${labelOf(c)}</sl-option>`);
}

export function categoryOptions(categories) {
  return categories.map((c) => html`<sl-option value=${c.code}>${c.label}</sl-option>`);
}

export function inspectionOptions(inspections) {
  return inspections.map((i) => html`<sl-option value=${i.id}>${i.title}</sl-option>`);
}

/** Loads the module's stylesheet once. */
export function ensureStyles() {
  ensureModuleStyles('rectification', new URL('./rectification.css', import.meta.url));
}

/** Messages of fields of the form `rows[7].deadline` (an import's rows) as readable lines. */
export function rowErrors(problem) {
  return ((problem && problem.errors) || []).map((e) => {
    const m = /^rows\[(\d+)\]\.?(.*)$/.exec(e.field || '');
    if (!m) {
      return { row: null, column: e.field ? label(`rectification.import.column.${e.field}`, e.field) : '', message: e.message };
    }
    return { row: Number(m[1]), column: m[2] ? label(`rectification.import.column.${m[2]}`, m[2]) : '', message: e.message };
  });
}

/** An empty measure row of a form. */
let measureKey = 0;
export function emptyMeasure() {
  return { key: ++measureKey, content: '', ownerId: '', ownerName: '', deadline: '', longTerm: false, milestones: [] };
}

export function nextKey() {
  return ++measureKey;
}
