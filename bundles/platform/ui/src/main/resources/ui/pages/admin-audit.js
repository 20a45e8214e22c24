// The audit log (审计日志): the tamper-evident trail, filtered by actor, action and time; a
// verification of the whole chain.
import { html } from 'lit';
import { get } from '../api.js';
import { createGrid, nodeFormatter, tag } from '../grid.js';
import { formatDateTime, formatNumber, t } from '../i18n.js';
import { LightElement, can, fieldError, invalidClass, toast, toastError } from '../ui.js';

const OUTCOMES = { SUCCESS: 'success', DENIED: 'warning', FAILURE: 'danger' };

/** '2026-11-22T08:30' (local, from a datetime-local input) as an ISO instant. */
function instant(local) {
  if (!local) {
    return undefined;
  }
  const date = new Date(local);
  return Number.isNaN(date.getTime()) ? undefined : date.toISOString();
}

class QlAdminAudit extends LightElement {
  static properties = { verification: { state: true }, verifying: { state: true }, filterErrors: { state: true } };

  constructor() {
    super();
    this.filters = {};
  }

  disconnectedCallback() {
    super.disconnectedCallback();
    this.grid?.destroy();
  }

  firstUpdated() {
    this.grid = createGrid(this.querySelector('[data-grid="audit"]'), {
      path: '/audit',
      params: () => this.filters,
      initialSort: [{ column: 'sequence', dir: 'desc' }],
      columns: [
        { title: t('audit.sequence'), field: 'sequence', headerSort: true, width: 80, hozAlign: 'right' },
        { title: t('audit.occurredAt'), field: 'occurredAt', headerSort: true, width: 175, formatter: (c) => formatDateTime(c.getValue()) },
        { title: t('audit.actor'), field: 'actor', headerSort: true, minWidth: 90 },
        { title: t('audit.action'), field: 'action', headerSort: true, minWidth: 130 },
        { title: t('audit.record'), field: 'recordType', minWidth: 150, formatter: (c) => this.record(c.getRow().getData()), tooltip: (e, c) => this.record(c.getRow().getData()) },
        {
          title: t('audit.outcome'),
          field: 'outcome',
          width: 90,
          formatter: nodeFormatter((row) => tag(t(`audit.outcome.${row.outcome}`), OUTCOMES[row.outcome] || 'neutral')),
        },
        { title: t('audit.client'), field: 'clientAddress', minWidth: 110 },
        { title: t('audit.detail'), field: 'detail', minWidth: 140, widthGrow: 2, tooltip: true },
      ],
    });
  }

  record(row) {
    return [row.recordType, row.recordId].filter(Boolean).join(t('audit.recordSeparator'));
  }

  search(e) {
    e?.preventDefault();
    const form = this.querySelector('form[data-form="audit-filter"]');
    const value = (name) => form.querySelector(`[name="${name}"]`).value;
    const from = value('from');
    const to = value('to');
    if (from && to && to < from) {
      this.filterErrors = { fields: { to: t('validation.dateOrder') } };
      return;
    }
    this.filterErrors = null;
    this.filters = {
      actor: value('actor').trim() || undefined,
      action: value('action').trim() || undefined,
      recordId: value('recordId').trim() || undefined,
      from: instant(from),
      to: instant(to),
    };
    this.grid.reload();
  }

  resetFilters() {
    const form = this.querySelector('form[data-form="audit-filter"]');
    for (const el of form.querySelectorAll('[name]')) {
      el.value = '';
    }
    this.search();
  }

  async verify() {
    this.verifying = true;
    try {
      this.verification = await get('/audit/verify');
      toast(
        this.verification.valid ? t('audit.verifyValid', formatNumber(this.verification.checked)) : t('audit.verifyBroken', this.verification.firstBroken ?? ''),
        this.verification.valid ? 'success' : 'danger',
      );
    } catch (e) {
      toastError(e);
    } finally {
      this.verifying = false;
    }
  }

  renderVerification() {
    const v = this.verification;
    if (!v) {
      return '';
    }
    return html`<sl-alert open variant=${v.valid ? 'success' : 'danger'} class="ql-verify-result" data-verify=${v.valid ? 'valid' : 'broken'}>
      <sl-icon slot="icon" name=${v.valid ? 'shield-check' : 'exclamation-triangle'}></sl-icon>
      <strong>${v.valid ? t('audit.valid') : t('audit.broken')}</strong>
      <div>${t('audit.checked', formatNumber(v.checked))}</div>
      ${v.valid ? '' : html`<div>${t('audit.firstBroken', v.firstBroken ?? '')}</div>`}
    </sl-alert>`;
  }

  render() {
    const e = this.filterErrors;
    return html`<div class="ql-page" data-page="admin-audit">
      <div class="ql-page-header">
        <h2>${t('nav.audit')}</h2>
        ${can(this.me, 'platform:audit-verify')
          ? html`<sl-button variant="primary" data-action="verify-audit" ?loading=${this.verifying} @click=${this.verify}>
              <sl-icon slot="prefix" name="shield-check"></sl-icon>${t('audit.verify')}</sl-button>`
          : ''}
      </div>
      ${this.renderVerification()}
      <form class="ql-toolbar" data-form="audit-filter" novalidate @submit=${this.search}>
        <sl-input name="actor" label=${t('audit.actor')} clearable></sl-input>
        <sl-input name="action" label=${t('audit.action')} clearable placeholder=${t('audit.actionHint')}></sl-input>
        <sl-input name="recordId" label=${t('audit.recordId')} clearable></sl-input>
        <sl-input name="from" type="datetime-local" label=${t('audit.from')}></sl-input>
        <sl-input name="to" type="datetime-local" label=${t('audit.to')} help-text=${fieldError(e, 'to')} class=${invalidClass(e, 'to')}></sl-input>
        <div class="ql-toolbar-end">
          <sl-button type="submit" variant="primary" data-action="search"><sl-icon slot="prefix" name="search"></sl-icon>${t('action.search')}</sl-button>
          <sl-button data-action="reset" @click=${this.resetFilters}>${t('action.reset')}</sl-button>
        </div>
      </form>
      <div class="ql-grid" data-grid="audit"></div>
    </div>`;
  }
}
customElements.define('ql-admin-audit', QlAdminAudit);
