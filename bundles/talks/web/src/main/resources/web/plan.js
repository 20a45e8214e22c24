// The annual plan (年度谈话计划): the talks of a year by the month they are planned for, how many
// are planned and how many held, for a unit (with its subordinates); planning the year's political
// talks (政治谈话) of every top leader and leadership member of a unit's units at once.
import { html } from 'lit';
import { classMap } from 'lit/directives/class-map.js';
import { keyed } from 'lit/directives/keyed.js';
import { get, post } from 'qinglian/api.js';
import { currentLang, formatDate, formatNumber, t } from 'qinglian/i18n.js';
import { ModulePage, canPickUnits, loadUnits } from 'qinglian/module.js';
import { can, dialogButtons, fieldError, figure, formAlert, formErrors, invalidClass, latestLoader, submitForm, toast, unitOptions } from 'qinglian/ui.js';
import {
  BASE,
  PERM,
  defaultUnit,
  kindLabel,
  monthLabel,
  overdueBadges,
  readYearAndUnit,
  sensitivityTag,
  statusTag,
  yearAndUnitFilter,
} from './common.js';

/** The twelve months of the year with the server's figures (months it does not list have none), then any other. */
function yearMonths(year, months) {
  const byMonth = new Map((months || []).map((m) => [m.month, m]));
  const all = [];
  for (let i = 1; i <= 12; i++) {
    const month = `${year}-${String(i).padStart(2, '0')}`;
    all.push(byMonth.get(month) || { month, planned: 0, held: 0, talks: [] });
    byMonth.delete(month);
  }
  return [...all, ...byMonth.values()];
}

/** '2026-03' as the month's short name (3月, Mar). */
function shortMonth(month) {
  const m = /^(\d{4})-(\d{2})$/.exec(month || '');
  return m ? new Intl.DateTimeFormat(currentLang(), { month: 'short' }).format(new Date(Number(m[1]), Number(m[2]) - 1, 1)) : month || '';
}

class QlTalksPlan extends ModulePage {
  static properties = {
    units: { state: true },
    plan: { state: true },
    loading: { state: true },
    planErrors: { state: true },
    planBusy: { state: true },
  };

  constructor() {
    super();
    this.units = [];
    this.plan = null;
    this.year = new Date().getFullYear();
    this.filters = { subordinates: true };
    this.loader = latestLoader(this);
    this.dialogSeq = 0;
  }

  connectedCallback() {
    super.connectedCallback();
    loadUnits().then((units) => (this.units = units));
    this.load();
  }

  load() {
    const query = { unitId: this.filters.unitId, subordinates: this.filters.unitId && this.filters.subordinates ? true : undefined };
    return this.loader(() => get(`${BASE}/plans/${encodeURIComponent(this.year)}`, query), (plan) => (this.plan = plan));
  }

  onFilter() {
    const { year, unitId, subordinates } = readYearAndUnit(this.querySelector('form[data-form="plan-filter"]'));
    this.year = year;
    this.filters = { unitId, subordinates };
    this.load();
  }

  // ---- planning the political talks ----

  async openPolitical() {
    this.planErrors = null;
    this.dialogSeq++;
    this.requestUpdate();
    await this.updateComplete;
    this.querySelector('sl-dialog[data-dialog="plan-political"]').show();
  }

  async planPolitical(e) {
    e?.preventDefault();
    const dialog = this.querySelector('sl-dialog[data-dialog="plan-political"]');
    const unitId = dialog.querySelector('[name="unitId"]').value;
    const ownerUnitId = dialog.querySelector('[name="ownerUnitId"]').value || null;
    const subordinates = dialog.querySelector('[name="subordinates"]').checked;
    const plannedOn = dialog.querySelector('[name="plannedOn"]').value || null;
    const errors = !unitId
      ? formErrors({ unitId: t('validation.required') })
      : plannedOn && !plannedOn.startsWith(`${this.year}-`)
        ? formErrors({ plannedOn: t('talks.plan.political.dateInYear', this.year) })
        : null;
    await submitForm(
      this,
      errors,
      async () => {
        const result = await post(`${BASE}/plans/${encodeURIComponent(this.year)}/political`, { unitId, subordinates, ownerUnitId, plannedOn });
        dialog.hide();
        toast(t('talks.plan.political.done', result.created ?? 0, result.skipped ?? 0), result.created ? 'success' : 'primary');
        window.dispatchEvent(new CustomEvent('ql-summary-changed'));
        await this.load();
      },
      { errors: 'planErrors', busy: 'planBusy' },
    );
  }

  renderPoliticalDialog() {
    const e = this.planErrors;
    const unitId = this.filters.unitId || defaultUnit(this.me, this.units);
    return html`<sl-dialog data-dialog="plan-political" class="ql-dialog-medium" label=${t('talks.plan.political.title', this.year)}>
      ${keyed(
        this.dialogSeq,
        html`<form novalidate class="ql-form" data-form="plan-political" @submit=${this.planPolitical}>
          <div>${t('talks.plan.political.hint', this.year)}</div>
          ${formAlert(e, ['unitId', 'subordinates', 'ownerUnitId', 'plannedOn'])}
          <sl-select name="unitId" data-field="unitId" required hoist label=${t('talks.plan.political.unit')} .value=${unitId}
            help-text=${fieldError(e, 'unitId') || t('talks.plan.political.unitHint')} class=${invalidClass(e, 'unitId')}>${unitOptions(this.units)}</sl-select>
          <sl-switch name="subordinates" data-field="subordinates" checked>${t('talks.filter.subordinates')}</sl-switch>
          <sl-select name="ownerUnitId" data-field="ownerUnitId" hoist clearable label=${t('talks.plan.political.owner')}
            .value=${defaultUnit(this.me, this.units)} help-text=${fieldError(e, 'ownerUnitId') || t('talks.plan.political.ownerHint')}
            class=${invalidClass(e, 'ownerUnitId')}>${unitOptions(this.units)}</sl-select>
          <sl-input name="plannedOn" data-field="plannedOn" type="date" label=${t('talks.plan.political.plannedOn')}
            min=${`${this.year}-01-01`} max=${`${this.year}-12-31`}
            help-text=${fieldError(e, 'plannedOn') || t('talks.plan.political.plannedOnHint')} class=${invalidClass(e, 'plannedOn')}></sl-input>
          <button type="submit" hidden></button>
        </form>`,
      )}
      ${dialogButtons({ action: 'confirm-plan-political', label: t('talks.plan.political.submit'), busy: this.planBusy, form: 'plan-political' })}
    </sl-dialog>`;
  }

  // ---- rendering ----

  figure(name, value, level) {
    return figure(name, formatNumber(value ?? 0), t(`talks.plan.${name}`), level);
  }

  renderMonth(m) {
    const talks = m.talks || [];
    return html`<section class="ql-panel ql-talks-month" data-month=${m.month || ''} id=${`month-${m.month}`}>
      <div class="ql-detail-title">
        <h3>${monthLabel(m.month)}</h3>
        <span class="ql-muted" data-month-counts>${t('talks.plan.monthCounts', m.planned ?? 0, m.held ?? 0)}</span>
      </div>
      ${talks.length === 0
        ? html`<div class="ql-muted">${t('talks.plan.monthEmpty')}</div>`
        : html`<table class="ql-table ql-talks-table ql-talks-plan-table">
            <thead>
              <tr>
                <th>${t('talks.talk.number')}</th><th>${t('talks.talk.kind')}</th><th>${t('talks.talk.subjects')}</th>
                <th>${t('talks.talk.unit')}</th><th>${t('talks.talk.plannedOn')}</th><th>${t('talks.talk.heldOn')}</th><th>${t('talks.talk.status')}</th>
              </tr>
            </thead>
            <tbody>
              ${talks.map(
                (talk) => html`<tr data-talk-id=${talk.id} data-status=${talk.status}>
                  <td><a class="ql-link" href=${`#/talks/talks/${encodeURIComponent(talk.id)}`}>${talk.number ?? ''}</a></td>
                  <td>${kindLabel(talk.kind)}</td>
                  <td>${talk.subjectNames || ''}</td>
                  <td>${talk.unitName || ''}</td>
                  <td class="ql-nowrap">${formatDate(talk.plannedOn)}</td>
                  <td class="ql-nowrap">${formatDate(talk.heldOn)}</td>
                  <td class="ql-nowrap">${statusTag(talk.status)} ${sensitivityTag(talk.sensitivity)} ${overdueBadges(talk)}</td>
                </tr>`,
              )}
            </tbody>
          </table>`}
    </section>`;
  }

  /** The year's months at a glance: talks still planned and held in each, a link to its section. */
  renderMonthStrip(months) {
    return html`<nav class="ql-talks-month-strip" data-testid="talks-plan-months" aria-label=${t('talks.plan.months')}>
      ${months.map((m) => {
        const count = (m.talks || []).length;
        return html`<a href=${`#month-${m.month}`} class=${classMap({ 'ql-talks-month-cell': true, empty: count === 0 })}
          title=${t('talks.plan.monthTitle', monthLabel(m.month), t('talks.plan.monthCounts', m.planned ?? 0, m.held ?? 0))}
          data-month-cell=${m.month || ''} @click=${(e) => this.scrollToMonth(e, m.month)}>
          <span class="ql-talks-month-name">${shortMonth(m.month)}</span>
          <span class="ql-talks-month-figures">${t('talks.plan.monthShort', m.planned ?? 0, m.held ?? 0)}</span>
        </a>`;
      })}
    </nav>`;
  }

  scrollToMonth(e, month) {
    e.preventDefault();
    this.querySelector(`section[data-month="${CSS.escape(month || '')}"]`)?.scrollIntoView({ behavior: 'smooth', block: 'start' });
  }

  render() {
    const p = this.plan;
    const months = p ? yearMonths(p.year ?? this.year, p.months) : [];
    const busy = months.filter((m) => (m.talks || []).length > 0);
    return html`<div class="ql-page" data-page="talks-plan" data-route="talks/plan">
      <div class="ql-page-header">
        <h2>${t('talks.plan.title')}</h2>
        ${can(this.me, PERM.write) && canPickUnits()
          ? html`<sl-button variant="primary" data-action="plan-political" data-testid="talks-plan-political" @click=${this.openPolitical}>
              <sl-icon slot="prefix" name="calendar-plus"></sl-icon>${t('talks.plan.political.button')}</sl-button>`
          : ''}
      </div>
      <form class="ql-toolbar" data-form="plan-filter" novalidate @submit=${(e) => (e.preventDefault(), this.onFilter())}>
        ${yearAndUnitFilter(this.units, { year: this.year, unitLabel: t('talks.filter.unit'), loading: this.loading, onChange: () => this.onFilter() })}
      </form>
      ${p
        ? html`<div class="ql-panel ql-figures ql-figures-panel" data-testid="talks-plan-figures">
              ${this.figure('planned', p.planned)} ${this.figure('held', p.held, p.held ? 'success' : null)}
              ${this.figure('cancelled', p.cancelled)}
            </div>
            ${busy.length ? this.renderMonthStrip(months) : ''}
            <div class="ql-talks-months" data-testid="talks-plan" data-year=${p.year ?? this.year}>
              ${busy.length === 0 ? html`<div class="ql-panel ql-empty" data-state="no-talks">${t('talks.plan.empty', this.year)}</div>` : busy.map((m) => this.renderMonth(m))}
            </div>`
        : html`<div class="ql-empty"><sl-spinner></sl-spinner></div>`}
      ${this.renderPoliticalDialog()}
    </div>`;
  }
}

if (!customElements.get('ql-talks-plan')) {
  customElements.define('ql-talks-plan', QlTalksPlan);
}
