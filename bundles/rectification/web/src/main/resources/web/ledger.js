// The ledger (整改台账): the problems in scope with their state, deadline and overdue flag,
// filtered by unit (with its subordinates), inspection, state, overdue, category and words;
// registering a problem with its measures, exporting the ledger as .xlsx, importing one.
import { html } from 'lit';
import { keyed } from 'lit/directives/keyed.js';
import { request } from 'qinglian/api.js';
import { XLSX, exportFile, routeFilters } from 'qinglian/files.js';
import { createGrid, linkText, nodeFormatter } from 'qinglian/grid.js';
import { formatDate, t } from 'qinglian/i18n.js';
import { ListPage, loadUnits, unitFilter } from 'qinglian/module.js';
import { can, codeOptions, dialogButtons, fieldError, formErrors, invalidClass, ownUnit, problemErrors, toast, toastError, toolbarFilters } from 'qinglian/ui.js';
import {
  BASE,
  PERM,
  STATUSES,
  categoryOptions,
  inspectionOptions,
  loadCategories,
  loadInspections,
  overdueNode,
  rowErrors,
  severityNode,
  statusLabel,
  statusNode,
} from './common.js';
import './problem-dialog.js';

const FILTERS = ['unitId', 'inspectionId', 'status', 'category', 'text'];
const FLAGS = ['subordinates', 'overdue'];

class QlRectLedger extends ListPage {
  static route = 'rectification/ledger';

  static properties = {
    units: { state: true },
    categories: { state: true },
    inspections: { state: true },
    importFile: { state: true },
    importErrors: { state: true },
    importBusy: { state: true },
    exporting: { state: true },
  };

  constructor() {
    super();
    this.units = [];
    this.categories = [];
    this.inspections = [];
    this.importFile = null;
    this.importErrors = null;
  }

  connectedCallback() {
    super.connectedCallback();
    this.loadReferences();
  }

  async loadReferences() {
    const [units, categories, inspections] = await Promise.all([
      loadUnits(),
      loadCategories().catch((e) => (toastError(e), [])),
      loadInspections().catch((e) => (toastError(e), [])),
    ]);
    this.units = units;
    this.categories = categories;
    this.inspections = inspections;
  }

  firstUpdated() {
    const columns = [
      {
        title: t('rectification.problem.number'),
        field: 'number',
        headerSort: true,
        width: 70,
        hozAlign: 'right',
        formatter: nodeFormatter((row) => linkText(String(row.number), () => this.open(row))),
      },
      { title: t('rectification.problem.category'), field: 'category', headerSort: true, width: 96, formatter: (c) => c.getRow().getData().categoryLabel || c.getValue() || '' },
      {
        title: t('rectification.problem.description'),
        field: 'description',
        minWidth: 200,
        widthGrow: 3,
        cssClass: 'ql-truncate',
        tooltip: true,
      },
      { title: t('rectification.problem.unit'), field: 'unitName', minWidth: 120, widthGrow: 1.3, tooltip: true },
      { title: t('rectification.problem.leader'), field: 'leaderName', width: 88 },
      { title: t('rectification.problem.severity'), field: 'severity', headerSort: true, width: 92, formatter: nodeFormatter((row) => (row.severity ? severityNode(row.severity) : '')) },
      { title: t('rectification.problem.status'), field: 'status', headerSort: true, width: 100, formatter: nodeFormatter((row) => statusNode(row.status)) },
      {
        title: t('rectification.problem.deadline'),
        field: 'deadline',
        headerSort: true,
        width: 124,
        // the latest deadline of the measures: an earlier one may be what is overdue (the badge)
        formatter: (c) => formatDate(c.getValue()),
      },
      { title: t('rectification.overdue'), field: 'overdue', width: 60, hozAlign: 'center', formatter: nodeFormatter((row) => (row.overdue ? overdueNode() : '')) },
      {
        title: t('rectification.problem.measuresDone'),
        field: 'measureCount',
        width: 76,
        hozAlign: 'center',
        formatter: (c) => {
          const row = c.getRow().getData();
          return t('rectification.problem.measuresDoneValue', row.doneMeasureCount ?? 0, row.measureCount ?? 0);
        },
      },
    ];
    this.grid = createGrid(this.querySelector('[data-grid="problems"]'), {
      path: `${BASE}/problems`,
      params: () => this.filters,
      columns,
      initialSort: [{ column: 'number', dir: 'desc' }],
      columnDefaults: { headerTooltip: true },
      rowFormatter: (row) => {
        row.getElement().dataset.problemId = row.getData().id;
      },
      onRowClick: (problem) => this.open(problem),
    });
  }

  open(problem) {
    this.portal.navigate(`rectification/problems/${problem.id}`);
  }

  // ---- filters ----

  /** The filters a route's query may preset: `#/rectification/ledger?inspectionId=…&overdue=true`. */
  routeFilters() {
    return routeFilters(FILTERS, FLAGS);
  }

  readFilters() {
    return toolbarFilters(this.querySelector('form[data-form="ledger-filter"]'), FILTERS, FLAGS);
  }

  resetFilters() {
    const form = this.querySelector('form[data-form="ledger-filter"]');
    for (const el of form.querySelectorAll('[name="unitId"], [name="inspectionId"], [name="status"], [name="category"], [name="text"]')) {
      el.value = '';
    }
    const subordinates = form.querySelector('[name="subordinates"]');
    if (subordinates) {
      subordinates.checked = true;
    }
    form.querySelector('[name="overdue"]').checked = false;
    this.search();
  }

  // ---- register ----

  openRegister() {
    const defaults = {};
    const unitId = this.filters.unitId || ownUnit(this.me, this.units);
    if (unitId) {
      defaults.unitId = unitId;
    }
    if (this.filters.inspectionId) {
      defaults.inspectionId = this.filters.inspectionId;
    }
    this.querySelector('ql-rect-problem-dialog').open(null, defaults);
  }

  onSaved(e) {
    const p = e.detail.problem;
    toast(t('rectification.problem.registered', p.number), 'success');
    this.grid.reload();
  }

  // ---- export ----

  exportLedger() {
    return exportFile(this, `${BASE}/ledger.xlsx`, { ...this.filters }, t('rectification.ledger.fileName'));
  }

  // ---- import ----

  openImport() {
    this.importErrors = null;
    this.importFile = null;
    const dialog = this.querySelector('sl-dialog[data-dialog="import"]');
    dialog.querySelector('[name="inspectionId"]').value = this.filters.inspectionId || '';
    dialog.querySelector('input[data-input="ledger-file"]').value = '';
    dialog.show();
  }

  onFilePicked(e) {
    this.importFile = (e.target.files && e.target.files[0]) || null;
    this.importErrors = null;
  }

  async importLedger() {
    const dialog = this.querySelector('sl-dialog[data-dialog="import"]');
    const inspectionId = dialog.querySelector('[name="inspectionId"]').value;
    const fields = {};
    if (!inspectionId) {
      fields.inspectionId = t('validation.required');
    }
    if (!this.importFile) {
      fields.file = t('rectification.import.fileRequired');
    }
    if (Object.keys(fields).length) {
      this.importErrors = { ...formErrors(fields), rows: [] };
      return;
    }
    this.importBusy = true;
    this.importErrors = null;
    try {
      const result = await request(`${BASE}/ledger/import`, {
        method: 'POST',
        raw: this.importFile,
        contentType: this.importFile.type || XLSX,
        params: { inspectionId },
      });
      dialog.hide();
      toast(t('rectification.import.done', result.problems, result.measures), 'success');
      this.grid.reload();
    } catch (e) {
      if (e.status === 401) {
        return;
      }
      const errors = problemErrors(e);
      errors.rows = rowErrors(e.problem);
      // the rows' messages are listed; the dialog's own fields keep theirs
      errors.fields = Object.fromEntries(Object.entries(errors.fields).filter(([k]) => k === 'inspectionId' || k === 'file'));
      this.importErrors = errors;
    } finally {
      this.importBusy = false;
    }
  }

  renderImportDialog() {
    const e = this.importErrors;
    const rows = (e && e.rows) || [];
    return html`<sl-dialog data-dialog="import" class="ql-dialog-medium" label=${t('rectification.import.title')}>
      <div class="ql-form" data-form="import">
        <div class="ql-muted">${t('rectification.import.hint')}</div>
        ${e
          ? html`<sl-alert variant="danger" open class="ql-form-alert" data-form-error>
              <sl-icon slot="icon" name="exclamation-triangle"></sl-icon>
              <div>${e.detail}</div>
              ${rows.length
                ? html`<ul class="ql-rect-row-errors" data-testid="rectification-import-errors">
                    ${rows.map(
                      (r) => html`<li data-row=${r.row ?? ''}>${r.row !== null
                          ? t('rectification.import.rowError', r.row, r.column, r.message)
                          : r.column
                            ? t('rectification.import.fieldError', r.column, r.message)
                            : r.message}</li>`,
                    )}
                  </ul>`
                : ''}
            </sl-alert>`
          : ''}
        <sl-select name="inspectionId" data-field="inspectionId" required hoist label=${t('rectification.import.inspection')}
          help-text=${fieldError(e, 'inspectionId') || t('rectification.import.inspectionHint')} class=${invalidClass(e, 'inspectionId')}>
          ${inspectionOptions(this.inspections)}</sl-select>
        <div class="ql-file-row">
          <input type="file" accept=".xlsx,${XLSX}" data-input="ledger-file" data-field="file" class="ql-visually-hidden" tabindex="-1"
            aria-label=${t('rectification.import.file')} @change=${this.onFilePicked} />
          <sl-button data-action="choose-ledger-file" @click=${() => this.querySelector('input[data-input="ledger-file"]').click()}>
            <sl-icon slot="prefix" name="folder2-open"></sl-icon>${t('rectification.import.choose')}</sl-button>
          <span class=${this.importFile ? '' : 'ql-muted'} data-file-name>${this.importFile ? this.importFile.name : t('rectification.import.none')}</span>
        </div>
        ${fieldError(e, 'file') ? html`<div class="ql-field-error">${fieldError(e, 'file')}</div>` : ''}
      </div>
      ${dialogButtons({
        action: 'import-ledger-submit',
        label: t('rectification.import.submit'),
        icon: 'upload',
        busy: this.importBusy,
        onConfirm: () => this.importLedger(),
      })}
    </sl-dialog>`;
  }

  render() {
    const me = this.me;
    const f = this.filters;
    return html`<div class="ql-page" data-page="rectification-ledger" data-route="rectification/ledger">
      <div class="ql-page-header">
        <h2>${t('rectification.ledger.title')}</h2>
        ${can(me, PERM.write)
          ? html`<sl-button variant="primary" data-action="register-problem" @click=${this.openRegister}>
              <sl-icon slot="prefix" name="plus-lg"></sl-icon>${t('rectification.problem.register')}</sl-button>`
          : ''}
        ${can(me, PERM.export)
          ? html`<sl-button data-action="export-ledger" ?loading=${this.exporting} @click=${this.exportLedger}>
              <sl-icon slot="prefix" name="file-earmark-spreadsheet"></sl-icon>${t('rectification.ledger.export')}</sl-button>`
          : ''}
        ${can(me, PERM.import)
          ? html`<sl-button data-action="import-ledger" @click=${this.openImport}>
              <sl-icon slot="prefix" name="upload"></sl-icon>${t('rectification.ledger.import')}</sl-button>`
          : ''}
      </div>
      ${keyed(this.formSeq, html`<form class="ql-toolbar" data-form="ledger-filter" novalidate @submit=${this.search}>
        ${unitFilter(this.units, {
          label: t('rectification.filter.unit'),
          subordinatesLabel: t('rectification.filter.subordinates'),
          value: f.unitId || '',
          subordinates: f.unitId ? !!f.subordinates : true,
          onChange: () => this.search(),
        })}
        <sl-select name="inspectionId" data-field="inspectionId" label=${t('rectification.filter.inspection')} clearable hoist class="ql-wide"
          placeholder=${t('filter.all')} .value=${f.inspectionId || ''} @sl-change=${() => this.search()}>${inspectionOptions(this.inspections)}</sl-select>
        <sl-select name="status" data-field="status" label=${t('rectification.filter.status')} clearable hoist placeholder=${t('filter.all')}
          .value=${f.status || ''} @sl-change=${() => this.search()}>${codeOptions(STATUSES, statusLabel)}</sl-select>
        <sl-select name="category" data-field="category" label=${t('rectification.filter.category')} clearable hoist placeholder=${t('filter.all')}
          .value=${f.category || ''} @sl-change=${() => this.search()}>${categoryOptions(this.categories)}</sl-select>
        <sl-input name="text" data-field="text" label=${t('rectification.filter.text')} clearable .value=${f.text || ''}
          placeholder=${t('rectification.filter.textHint')}></sl-input>
        <sl-checkbox name="overdue" data-field="overdue" ?checked=${!!f.overdue} @sl-change=${() => this.search()}>${t('rectification.filter.overdueOnly')}</sl-checkbox>
        <div class="ql-toolbar-end">
          <sl-button type="submit" variant="primary" data-action="search"><sl-icon slot="prefix" name="search"></sl-icon>${t('action.search')}</sl-button>
          <sl-button data-action="reset" @click=${this.resetFilters}>${t('action.reset')}</sl-button>
        </div>
      </form>`)}
      <div class="ql-grid" data-grid="problems" data-testid="rectification-problems"></div>
      <ql-rect-problem-dialog .units=${this.units} .categories=${this.categories} .inspections=${this.inspections}
        @ql-rect-saved=${this.onSaved}></ql-rect-problem-dialog>
      ${this.renderImportDialog()}
    </div>`;
  }
}

if (!customElements.get('ql-rect-ledger')) {
  customElements.define('ql-rect-ledger', QlRectLedger);
}
