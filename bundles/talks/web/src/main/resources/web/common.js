// Shared pieces of the talk records' pages (关键少数谈话): the codes and their labels and tags, what
// each transition asks for, the roles of people in pickers, the year and unit filter of the plan
// and coverage pages and the module's stylesheet. Every word comes from the message bundles (keys
// `talks.*`); units and people, downloads, sizes and the route's query come from the platform's
// qinglian/module.js and qinglian/files.js.
import { html } from 'lit';
import { ensureStyles as ensureModuleStyles } from 'qinglian/files.js';
import { tag } from 'qinglian/grid.js';
import { labelOr as label, t } from 'qinglian/i18n.js';
import { unitFilter } from 'qinglian/module.js';
import { ownUnit, peopleOptions as personOptions } from 'qinglian/ui.js';

/** The module's REST base below /api/v1. */
export const BASE = '/talks';

export const KINDS = ['POLITICAL', 'PRE_APPOINTMENT', 'REMINDER', 'ADMONISHING', 'HEART_TO_HEART', 'INTEGRITY', 'INQUIRY'];
export const REASONS = ['ROUTINE', 'ANNUAL_PLAN', 'APPOINTMENT', 'PROBLEM_CLUE', 'FINDING', 'OVERDUE_RECTIFICATION'];
export const STATUSES = ['PLANNED', 'HELD', 'SENT', 'REPLIED', 'ASSESSED', 'FOLLOW_UP_PENDING', 'CLOSED', 'CANCELLED'];
export const SENSITIVITIES = ['ORDINARY', 'INTERNAL', 'SENSITIVE'];
export const ROLES = ['TOP_LEADER', 'LEADERSHIP_MEMBER', 'SECTION_HEAD', 'YOUNG_CADRE', 'INSPECTION_CADRE', 'OTHER'];
export const ASSESSMENTS = ['CREDIBLE', 'NOT_CREDIBLE', 'NEEDS_VERIFICATION'];
/** The transitions in the order their buttons stand. */
export const ACTIONS = ['HOLD', 'SEND', 'RECORD_REPLY', 'ASSESS', 'REQUIRE_FOLLOW_UP', 'COMPLETE_FOLLOW_UP', 'CLOSE', 'CANCEL'];
/** A record that can no longer change. */
export const FINAL = new Set(['CLOSED', 'CANCELLED']);

/**
 * The fields of each transition's form, as the server wants them: `type` is date, text (one line),
 * textarea or assessment (a choice); `max` is the server's length limit; `required` fields are
 * checked before sending; `today` fills a date with today; `notFuture` refuses a date after today;
 * `notBefore` names a date field it may not precede; `notPast` refuses a date before today.
 */
export const ACTION_FIELDS = {
  HOLD: [
    { name: 'heldOn', type: 'date', required: true, today: true, notFuture: true },
    { name: 'place', type: 'text', max: 200 },
    { name: 'summary', type: 'textarea', required: true, max: 4000 },
    { name: 'statement', type: 'textarea', max: 4000 },
  ],
  SEND: [
    { name: 'sentOn', type: 'date', required: true, today: true },
    { name: 'replyDeadline', type: 'date', required: true, notBefore: 'sentOn' },
  ],
  RECORD_REPLY: [
    { name: 'reply', type: 'textarea', required: true, max: 4000 },
    { name: 'repliedOn', type: 'date', today: true, notFuture: true },
  ],
  ASSESS: [
    { name: 'assessment', type: 'assessment', required: true },
    { name: 'note', type: 'textarea', max: 1000 },
  ],
  REQUIRE_FOLLOW_UP: [
    { name: 'followUp', type: 'textarea', required: true, max: 2000 },
    { name: 'followUpDeadline', type: 'date', required: true, notPast: true },
  ],
  COMPLETE_FOLLOW_UP: [{ name: 'followUpResult', type: 'textarea', required: true, max: 2000 }],
  CLOSE: [{ name: 'note', type: 'textarea', max: 1000 }],
  CANCEL: [{ name: 'note', type: 'textarea', required: true, max: 1000 }],
};

export const PERM = {
  read: 'talks:read',
  write: 'talks:write',
  export: 'talks:export',
};

const STATUS_VARIANT = {
  PLANNED: 'neutral',
  HELD: 'primary',
  SENT: 'primary',
  REPLIED: 'primary',
  ASSESSED: 'primary',
  FOLLOW_UP_PENDING: 'warning',
  CLOSED: 'success',
  CANCELLED: 'neutral',
};

const SENSITIVITY_VARIANT = { ORDINARY: 'neutral', INTERNAL: 'warning', SENSITIVE: 'danger' };

export const kindLabel = (c) => (c ? label(`talks.kind.${c}`, c) : '');
export const reasonLabel = (c) => (c ? label(`talks.reason.${c}`, c) : '');
export const statusLabel = (c) => (c ? label(`talks.status.${c}`, c) : '');
export const sensitivityLabel = (c) => (c ? label(`talks.sensitivity.${c}`, c) : '');
export const roleLabel = (c) => (c ? label(`talks.role.${c}`, c) : '');
export const assessmentLabel = (c) => (c ? label(`talks.assessment.${c}`, c) : '');
export const actionLabel = (c) => (c ? label(`talks.action.${c}`, c) : '');
export const timelineLabel = (c) => (c ? label(`talks.timeline.${c}`, actionLabel(c)) : '');

/** A status tag as a DOM node (for grid cells). */
export function statusNode(status) {
  return tag(statusLabel(status), STATUS_VARIANT[status] || 'neutral', { className: `ql-talks-status ql-talks-status-${status}`, data: { status } });
}

/** A status tag as a Lit template. */
export function statusTag(status, size = 'small') {
  return status
    ? html`<sl-tag size=${size} variant=${STATUS_VARIANT[status] || 'neutral'} class=${`ql-talks-status ql-talks-status-${status}`}
        data-status=${status}>${statusLabel(status)}</sl-tag>`
    : '';
}

/** The sensitivity tag; ordinary records show none unless `always`. */
export function sensitivityTag(sensitivity, { size = 'small', always = false } = {}) {
  if (!sensitivity || (sensitivity === 'ORDINARY' && !always)) {
    return '';
  }
  return html`<sl-tag size=${size} variant=${SENSITIVITY_VARIANT[sensitivity] || 'neutral'} class="ql-talks-sensitivity"
    data-sensitivity=${sensitivity}><sl-icon name=${sensitivity === 'SENSITIVE' ? 'lock' : 'shield'}></sl-icon>${sensitivityLabel(sensitivity)}</sl-tag>`;
}

export function sensitivityNode(sensitivity) {
  if (!sensitivity || sensitivity === 'ORDINARY') {
    return '';
  }
  return tag(sensitivityLabel(sensitivity), SENSITIVITY_VARIANT[sensitivity] || 'neutral', { className: 'ql-talks-sensitivity', data: { sensitivity } });
}

/** The red badge of a passed deadline: the follow-up's (整改逾期) or the inquiry reply's (回复逾期). */
export function overdueNode(talk) {
  const which = talk.followUpOverdue ? 'followUp' : talk.replyOverdue ? 'reply' : null;
  if (!which) {
    return '';
  }
  const el = document.createElement('sl-badge');
  el.variant = 'danger';
  el.pill = true;
  el.dataset.overdue = which;
  el.textContent = t(which === 'followUp' ? 'talks.overdue.followUp' : 'talks.overdue.reply');
  return el;
}

export function overdueBadges(talk) {
  return html`${talk.followUpOverdue ? html`<sl-badge variant="danger" pill data-overdue="followUp">${t('talks.overdue.followUp')}</sl-badge>` : ''}
  ${talk.replyOverdue ? html`<sl-badge variant="danger" pill data-overdue="reply">${t('talks.overdue.reply')}</sl-badge>` : ''}`;
}

/** The tag of a talk the rectification escalation proposed (not held yet). */
export function proposedTag(talk) {
  return talk && talk.proposed
    ? html`<sl-tag size="small" variant="warning" data-proposed="true">${t('talks.talk.proposed')}</sl-tag>`
    : '';
}

/** The names of the people of a list, in the list's separator ("张三、李四"). */
export function names(people) {
  return (people || [])
    .filter(Boolean)
    .map((p) => p.name)
    .join(t('list.separator'));
}

/** The role a person's roster flags suggest (the server's default too). */
export function roleOf(person) {
  if (!person) {
    return 'OTHER';
  }
  if (person.topLeader) {
    return 'TOP_LEADER';
  }
  if (person.leadershipMember) {
    return 'LEADERSHIP_MEMBER';
  }
  if (person.inspectionCadre) {
    return 'INSPECTION_CADRE';
  }
  if (person.youngCadre) {
    return 'YOUNG_CADRE';
  }
  return 'OTHER';
}

/** The years a page offers: from five years back to next year, newest first. */
export function years(around = new Date().getFullYear()) {
  const list = [];
  for (let y = around + 1; y >= around - 5; y--) {
    list.push(y);
  }
  return list;
}

export function yearOptions(list = years()) {
  return list.map((y) => html`<sl-option value=${String(y)}>${t('talks.year', y)}</sl-option>`);
}

/** '2026-03' as the month's name in the current language. */
export function monthLabel(month) {
  const m = /^(\d{4})-(\d{2})$/.exec(month || '');
  return m ? t('talks.month', m[1], Number(m[2])) : month || t('talks.plan.noMonth');
}

// ---- pickers and filters ----------------------------------------------------------------------

/** The user's own unit when it is among `units`, else the first unit, else nothing. */
export function defaultUnit(me, units) {
  return ownUnit(me, units, units.length ? units[0].id : '');
}

/** `sl-option`s of people, the role their flags suggest beside the name. */
export function peopleOptions(people) {
  return personOptions(people, (p) => {
    const role = roleOf(p);
    return role !== 'OTHER' ? roleLabel(role) : '';
  });
}

/**
 * The toolbar of the plan and coverage pages: the year (`year`) and the unit with its subordinates;
 * `onChange` runs when one changes. See `readYearAndUnit`.
 */
export function yearAndUnitFilter(units, { year, unitLabel, loading, onChange }) {
  return html`<sl-select name="year" data-field="year" label=${t('talks.filter.year')} hoist class="ql-talks-narrow" value=${String(year)}
      @sl-change=${onChange}>${yearOptions()}</sl-select>
    ${unitFilter(units, { label: unitLabel, subordinatesLabel: t('talks.filter.subordinates'), onChange })}
    ${loading ? html`<sl-spinner class="ql-toolbar-spinner"></sl-spinner>` : ''}`;
}

/** What `yearAndUnitFilter` asks for: `{ year, unitId, subordinates }` (this year and all units by default). */
export function readYearAndUnit(form) {
  return {
    year: Number(form.querySelector('[name="year"]').value) || new Date().getFullYear(),
    unitId: form.querySelector('[name="unitId"]')?.value || undefined,
    subordinates: form.querySelector('[name="subordinates"]')?.checked ?? true,
  };
}

/** Loads the module's stylesheet once. */
export function ensureStyles() {
  ensureModuleStyles('talks', new URL('./talks.css', import.meta.url));
}
