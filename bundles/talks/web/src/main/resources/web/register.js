// The talk register (谈话台账): the talks in scope with their kind, the cadres talked to, the date,
// the state and the follow-up deadline, filtered by kind, state, reason, sensitivity, unit (with
// its subordinates), year, words and overdue follow-ups; recording a talk, exporting the register
// as .xlsx.
import { html } from 'lit';
import { keyed } from 'lit/directives/keyed.js';
import { exportFile, routeFilters } from 'qinglian/files.js';
import { createGrid, linkText, nodeFormatter } from 'qinglian/grid.js';
import { formatDate, t } from 'qinglian/i18n.js';
import { ListPage, loadUnits, unitFilter } from 'qinglian/module.js';
import { can, codeOptions, toast, toolbarFilters } from 'qinglian/ui.js';
import {
  BASE,
  KINDS,
  PERM,
  REASONS,
  SENSITIVITIES,
  STATUSES,
  defaultUnit,
  kindLabel,
  overdueNode,
  reasonLabel,
  sensitivityLabel,
  sensitivityNode,
  statusLabel,
  statusNode,
  yearOptions,
} from './common.js';
import './talk-dialog.js';

const FILTERS = ['kind', 'status', 'reason', 'sensitivity', 'unitId', 'year', 'text'];
const FLAGS = ['subordinates', 'followUpOverdue'];

/** The date a row shows: when it was held, else when it is planned (marked so). */
function dateCell(row) {
  const span = document.createElement('span');
  if (row.heldOn) {
    span.textContent = formatDate(row.heldOn);
  } else if (row.plannedOn) {
    span.textContent = t('talks.register.plannedDate', formatDate(row.plannedOn));
    span.className = 'ql-muted';
  }
  return span;
}

class QlTalksRegister extends ListPage {
  static route = 'talks/register';

  static properties = {
    units: { state: true },
    exporting: { state: true },
  };

  constructor() {
    super();
    this.units = [];
  }

  connectedCallback() {
    super.connectedCallback();
    loadUnits().then((units) => (this.units = units));
  }

  firstUpdated() {
    const columns = [
      {
        title: t('talks.talk.number'),
        field: 'number',
        headerSort: true,
        width: 96,
        formatter: nodeFormatter((row) => linkText(String(row.number ?? ''), () => this.open(row))),
      },
      { title: t('talks.talk.kind'), field: 'kind', headerSort: true, minWidth: 96, widthGrow: 1, cssClass: 'ql-truncate', tooltip: true, formatter: (c) => kindLabel(c.getValue()) },
      {
        title: t('talks.talk.subjects'),
        field: 'subjectNames',
        minWidth: 110,
        widthGrow: 1.5,
        cssClass: 'ql-truncate',
        tooltip: true,
      },
      { title: t('talks.talk.unit'), field: 'unitName', minWidth: 120, widthGrow: 1.3, cssClass: 'ql-truncate', tooltip: true },
      { title: t('talks.talk.reason'), field: 'reason', minWidth: 90, widthGrow: 0.9, cssClass: 'ql-truncate', tooltip: true, formatter: (c) => reasonLabel(c.getValue()) },
      { title: t('talks.register.date'), field: 'heldOn', headerSort: true, width: 150, formatter: nodeFormatter(dateCell) },
      { title: t('talks.talk.status'), field: 'status', headerSort: true, width: 124, formatter: nodeFormatter((row) => statusNode(row.status)) },
      { title: t('talks.talk.sensitivity'), field: 'sensitivity', width: 80, hozAlign: 'center', formatter: nodeFormatter((row) => sensitivityNode(row.sensitivity)) },
      {
        title: t('talks.talk.followUpDeadline'),
        field: 'followUpDeadline',
        headerSort: true,
        width: 176,
        formatter: nodeFormatter((row) => {
          const span = document.createElement('span');
          span.className = 'ql-talks-deadline';
          const date = row.followUpDeadline || row.replyDeadline;
          if (date) {
            span.append(document.createTextNode(formatDate(date)));
          }
          const badge = overdueNode(row);
          if (badge) {
            span.append(badge);
          }
          return span;
        }),
      },
    ];
    this.grid = createGrid(this.querySelector('[data-grid="talks"]'), {
      path: `${BASE}/talks`,
      params: () => this.filters,
      columns,
      initialSort: [{ column: 'number', dir: 'desc' }],
      columnDefaults: { headerTooltip: true },
      rowFormatter: (row) => {
        const data = row.getData();
        const el = row.getElement();
        el.dataset.talkId = data.id;
        el.dataset.status = data.status;
      },
      onRowClick: (talk) => this.open(talk),
    });
  }

  open(talk) {
    this.portal.navigate(`talks/talks/${talk.id}`);
  }

  // ---- filters ----

  /** The filters a route's query may preset: `#/talks/register?status=PLANNED&followUpOverdue=true` (or a person's `personId`). */
  routeFilters() {
    return routeFilters([...FILTERS, 'personId'], FLAGS);
  }

  /** The toolbar's filters; a person the route named stays. */
  readFilters() {
    const f = toolbarFilters(this.querySelector('form[data-form="talks-filter"]'), FILTERS, FLAGS);
    if (this.filters.personId) {
      f.personId = this.filters.personId;
    }
    return f;
  }

  resetFilters() {
    this.filters = {};
    this.formSeq++;
    this.requestUpdate();
    this.updateComplete.then(() => this.grid.reload());
  }

  // ---- record ----

  openCreate() {
    const defaults = { unitId: this.filters.unitId || defaultUnit(this.me, this.units) };
    if (this.filters.kind) {
      defaults.kind = this.filters.kind;
    }
    this.querySelector('ql-talks-dialog').open(null, defaults);
  }

  onSaved(e) {
    const talk = e.detail.talk;
    toast(t('talks.talk.created', talk.number ?? ''), 'success');
    this.grid.reload();
  }

  // ---- export ----

  exportRegister() {
    return exportFile(this, `${BASE}/talks.xlsx`, { ...this.filters }, t('talks.register.fileName'));
  }

  render() {
    const me = this.me;
    const f = this.filters;
    return html`<div class="ql-page" data-page="talks-register" data-route="talks/register">
      <div class="ql-page-header">
        <h2>${t('talks.register.title')}</h2>
        ${can(me, PERM.write)
          ? html`<sl-button variant="primary" data-action="create-talk" data-testid="talks-create" @click=${this.openCreate}>
              <sl-icon slot="prefix" name="plus-lg"></sl-icon>${t('talks.talk.create')}</sl-button>`
          : ''}
        ${can(me, PERM.export)
          ? html`<sl-button data-action="export-talks" data-testid="talks-export" ?loading=${this.exporting} @click=${this.exportRegister}>
              <sl-icon slot="prefix" name="file-earmark-spreadsheet"></sl-icon>${t('talks.register.export')}</sl-button>`
          : ''}
      </div>
      ${keyed(
        this.formSeq,
        html`<form class="ql-toolbar" data-form="talks-filter" novalidate @submit=${this.search}>
          ${unitFilter(this.units, {
            label: t('talks.filter.unit'),
            subordinatesLabel: t('talks.filter.subordinates'),
            value: f.unitId || '',
            subordinates: f.unitId ? !!f.subordinates : true,
            onChange: () => this.search(),
          })}
          <sl-select name="year" data-field="year" label=${t('talks.filter.year')} clearable hoist class="ql-talks-narrow"
            placeholder=${t('filter.all')} .value=${f.year || ''} @sl-change=${() => this.search()}>${yearOptions()}</sl-select>
          <sl-select name="kind" data-field="kind" label=${t('talks.filter.kind')} clearable hoist placeholder=${t('filter.all')}
            .value=${f.kind || ''} @sl-change=${() => this.search()}>${codeOptions(KINDS, kindLabel)}</sl-select>
          <sl-select name="status" data-field="status" label=${t('talks.filter.status')} clearable hoist placeholder=${t('filter.all')}
            .value=${f.status || ''} @sl-change=${() => this.search()}>${codeOptions(STATUSES, statusLabel)}</sl-select>
          <sl-select name="reason" data-field="reason" label=${t('talks.filter.reason')} clearable hoist placeholder=${t('filter.all')}
            .value=${f.reason || ''} @sl-change=${() => this.search()}>${codeOptions(REASONS, reasonLabel)}</sl-select>
          <sl-select name="sensitivity" data-field="sensitivity" label=${t('talks.filter.sensitivity')} clearable hoist class="ql-talks-narrow"
            placeholder=${t('filter.all')} .value=${f.sensitivity || ''} @sl-change=${() => this.search()}>
            ${codeOptions(SENSITIVITIES, sensitivityLabel)}</sl-select>
          <sl-input name="text" data-field="text" label=${t('talks.filter.text')} clearable .value=${f.text || ''}
            placeholder=${t('talks.filter.textHint')}></sl-input>
          <sl-checkbox name="followUpOverdue" data-field="followUpOverdue" ?checked=${!!f.followUpOverdue}
            @sl-change=${() => this.search()}>${t('talks.filter.followUpOverdue')}</sl-checkbox>
          <div class="ql-toolbar-end">
            <sl-button type="submit" variant="primary" data-action="search"><sl-icon slot="prefix" name="search"></sl-icon>${t('action.search')}</sl-button>
            <sl-button data-action="reset" @click=${this.resetFilters}>${t('action.reset')}</sl-button>
          </div>
        </form>`,
      )}
      <div class="ql-grid" data-grid="talks" data-testid="talks-register"></div>
      <ql-talks-dialog .units=${this.units} @ql-talks-saved=${this.onSaved}></ql-talks-dialog>
    </div>`;
  }
}

if (!customElements.get('ql-talks-register')) {
  customElements.define('ql-talks-register', QlTalksRegister);
}
