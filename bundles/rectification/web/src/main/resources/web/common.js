// Shared pieces of the rectification ledger's pages (巡视巡察整改台账): the states and their tags,
// the reference lists (categories, inspections), the flags of people in pickers and the module's
// stylesheet (units and people, downloads, sizes and the route's query come from the platform's
// qinglian/module.js and qinglian/files.js). Every word comes from the message bundles (keys
// `rectification.*`).
import { html } from 'lit';
import { classMap } from 'lit/directives/class-map.js';
import { all, get } from 'qinglian/api.js';
import { ensureStyles as ensureModuleStyles } from 'qinglian/files.js';
import { tag } from 'qinglian/grid.js';
import { labelOr as label, localized, t } from 'qinglian/i18n.js';
import { peopleOptions as personOptions } from 'qinglian/ui.js';

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

export const statusLabel = (s) => (s ? label(`rectification.status.${s}`, s) : '');
export const severityLabel = (s) => (s ? label(`rectification.severity.${s}`, s) : '');
export const sourceLabel = (s) => (s ? label(`rectification.source.${s}`, s) : '');
export const actionLabel = (a) => (a ? label(`rectification.action.${a}`, a) : '');
export const timelineLabel = (a) => (a ? label(`rectification.timeline.${a}`, actionLabel(a)) : '');

/** A status tag as a DOM node (for grid cells). */
export function statusNode(status) {
  return tag(statusLabel(status), STATUS_VARIANT[status] || 'neutral', { className: `ql-rect-status ql-rect-status-${status}`, data: { status } });
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
  return tag(severityLabel(severity), SEVERITY_VARIANT[severity] || 'neutral', { data: { severity } });
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
  return classMap({ 'ql-overdue': !!overdue });
}

// ---- reference lists --------------------------------------------------------------------------

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

/** `sl-option`s of people (for leader and owner pickers), top leaders and leadership members marked. */
export function peopleOptions(people) {
  return personOptions(people, (p) =>
    p.topLeader ? t('rectification.person.topLeader') : p.leadershipMember ? t('rectification.person.leadershipMember') : '',
  );
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
