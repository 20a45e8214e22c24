// Inspections (巡视巡察): the rounds of inspection in scope with their problem counts; register
// and edit one (title, source, inspecting unit, inspected units, dates, team).
import { html } from 'lit';
import { guard } from 'lit/directives/guard.js';
import { keyed } from 'lit/directives/keyed.js';
import { post, put } from 'qinglian/api.js';
import { actionButton, cellGroup, createGrid, linkText, nodeFormatter } from 'qinglian/grid.js';
import { formatDate, formatPercent, t } from 'qinglian/i18n.js';
import { ListPage, loadUnits } from 'qinglian/module.js';
import {
  blankToNull,
  can,
  codeOptions,
  dialogButtons,
  fieldError,
  formAlert,
  formErrors,
  invalidClass,
  ownUnit,
  submitForm,
  toast,
  toolbarFilters,
  unitOptions,
} from 'qinglian/ui.js';
import { BASE, PERM, SOURCES, sourceLabel } from './common.js';

const FIELDS = ['title', 'source', 'unitId', 'inspectedUnitIds', 'startDate', 'endDate', 'team'];

class QlRectInspections extends ListPage {
  static route = 'rectification/inspections';

  static properties = {
    units: { state: true },
    editing: { state: true },
    errors: { state: true },
    busy: { state: true },
  };

  constructor() {
    super();
    this.units = [];
    this.editing = null;
    this.openSeq = 0;
  }

  get writable() {
    return can(this.me, PERM.write);
  }

  connectedCallback() {
    super.connectedCallback();
    loadUnits().then((units) => (this.units = units));
  }

  firstUpdated() {
    const w = this.writable;
    const actions = w
      ? [
          {
            title: t('grid.actions'),
            field: 'id',
            width: 80,
            formatter: nodeFormatter((row) => cellGroup(actionButton(t('action.edit'), () => this.openEdit(row), { action: 'edit-inspection' }))),
          },
        ]
      : [];
    this.grid = createGrid(this.querySelector('[data-grid="inspections"]'), {
      path: `${BASE}/inspections`,
      params: () => this.filters,
      initialSort: [{ column: 'startDate', dir: 'desc' }],
      columnDefaults: { headerTooltip: true },
      columns: [
        {
          title: t('rectification.inspection.title'),
          field: 'title',
          headerSort: true,
          minWidth: 200,
          widthGrow: 2.5,
          tooltip: true,
          formatter: nodeFormatter((row) => linkText(row.title, () => this.showProblems(row))),
        },
        { title: t('rectification.inspection.source'), field: 'source', width: 110, formatter: (c) => sourceLabel(c.getValue()) },
        { title: t('rectification.inspection.unit'), field: 'unitName', minWidth: 110, widthGrow: 1.2, tooltip: true },
        {
          title: t('rectification.inspection.inspectedUnits'),
          field: 'inspectedUnitNames',
          minWidth: 140,
          widthGrow: 1.5,
          tooltip: (e, cell) => (cell.getValue() || []).join(t('list.separator')),
          formatter: (c) => (c.getValue() || []).join(t('list.separator')),
        },
        {
          title: t('rectification.inspection.period'),
          field: 'startDate',
          headerSort: true,
          width: 240,
          formatter: (c) => {
            const row = c.getRow().getData();
            return row.endDate ? t('rectification.inspection.periodValue', formatDate(row.startDate), formatDate(row.endDate)) : formatDate(row.startDate);
          },
        },
        {
          title: t('rectification.inspection.problemCount'),
          field: 'problemCount',
          width: 70,
          formatter: nodeFormatter((row) => linkText(String(row.problemCount ?? 0), () => this.showProblems(row))),
        },
        {
          title: t('rectification.inspection.closedCount'),
          field: 'closedCount',
          width: 100,
          hozAlign: 'right',
          formatter: (c) => {
            const row = c.getRow().getData();
            return row.problemCount ? t('rectification.inspection.closedValue', row.closedCount, formatPercent(row.closedCount / row.problemCount)) : String(row.closedCount ?? 0);
          },
        },
        ...actions,
      ],
      rowFormatter: (row) => {
        row.getElement().dataset.inspectionId = row.getData().id;
      },
    });
  }

  showProblems(row) {
    this.portal.navigate(`rectification/ledger?inspectionId=${encodeURIComponent(row.id)}`);
  }

  /** The route presets no filters. */
  routeFilters() {
    return {};
  }

  readFilters() {
    return toolbarFilters(this.querySelector('form[data-form="inspection-filter"]'), ['text']);
  }

  // ---- dialog ----

  async openEdit(row) {
    this.errors = null;
    this.openSeq++;
    this.editing = row
      ? { ...row, inspectedUnitIds: [...(row.inspectedUnitIds || [])] }
      : { source: 'CITY_INSPECTION', unitId: ownUnit(this.me, this.units), inspectedUnitIds: [] };
    await this.updateComplete;
    this.querySelector('sl-dialog[data-dialog="inspection"]').show();
  }

  readForm() {
    const form = this.querySelector('form[data-form="inspection"]');
    const v = (name) => form.querySelector(`[name="${name}"]`).value;
    const inspected = v('inspectedUnitIds');
    const body = {
      title: String(v('title') || '').trim(),
      source: v('source') || null,
      unitId: v('unitId') || null,
      inspectedUnitIds: Array.isArray(inspected) ? inspected : inspected ? [inspected] : [],
      startDate: v('startDate') || null,
      endDate: v('endDate') || null,
      team: blankToNull(v('team')),
    };
    const fields = {};
    for (const name of ['title', 'source', 'unitId', 'startDate']) {
      if (!body[name]) {
        fields[name] = t('validation.required');
      }
    }
    if (body.inspectedUnitIds.length === 0) {
      fields.inspectedUnitIds = t('validation.required');
    }
    if (body.startDate && body.endDate && body.endDate < body.startDate) {
      fields.endDate = t('validation.dateOrder');
    }
    return { body, errors: formErrors(fields) };
  }

  async save(e) {
    e?.preventDefault();
    const { body, errors } = this.readForm();
    await submitForm(this, errors, async () => {
      const existing = this.editing && this.editing.id;
      const saved = existing
        ? await put(`${BASE}/inspections/${encodeURIComponent(existing)}`, body, this.editing.version)
        : await post(`${BASE}/inspections`, body);
      this.querySelector('sl-dialog[data-dialog="inspection"]').hide();
      toast(t(existing ? 'rectification.inspection.saved' : 'rectification.inspection.created', saved.title), 'success');
      existing ? this.grid.refresh() : this.grid.reload();
    });
  }

  renderDialog() {
    const i = this.editing;
    const e = this.errors;
    return html`<sl-dialog data-dialog="inspection" class="ql-dialog-medium"
      label=${i && i.id ? t('rectification.inspection.edit') : t('rectification.inspection.register')}>
      ${i
        ? keyed(
            this.openSeq,
            html`<form novalidate class="ql-form" data-form="inspection" @submit=${this.save}>
              ${formAlert(e, FIELDS)}
              <sl-input name="title" data-field="title" required maxlength="200" label=${t('rectification.inspection.title')}
                placeholder=${t('rectification.inspection.titleHint')} .value=${i.title || ''}
                help-text=${fieldError(e, 'title')} class=${invalidClass(e, 'title')}></sl-input>
              <div class="ql-form-grid">
                <sl-select name="source" data-field="source" required hoist label=${t('rectification.inspection.source')} .value=${i.source || ''}
                  help-text=${fieldError(e, 'source')} class=${invalidClass(e, 'source')}>${codeOptions(SOURCES, sourceLabel)}</sl-select>
                <sl-select name="unitId" data-field="unitId" required hoist label=${t('rectification.inspection.unit')} .value=${i.unitId || ''}
                  help-text=${fieldError(e, 'unitId')} class=${invalidClass(e, 'unitId')}>${unitOptions(this.units)}</sl-select>
                <!-- an array is a new value to Lit on every render: set it once per opening, or each render clears the user's choice -->
                <sl-select name="inspectedUnitIds" data-field="inspectedUnitIds" required multiple clearable hoist max-options-visible="4"
                  class=${`ql-span-2 ${fieldError(e, 'inspectedUnitIds') ? 'ql-invalid' : ''}`}
                  label=${t('rectification.inspection.inspectedUnits')} .value=${guard([this.openSeq], () => i.inspectedUnitIds)}
                  help-text=${fieldError(e, 'inspectedUnitIds')}>${unitOptions(this.units)}</sl-select>
                <sl-input name="startDate" data-field="startDate" type="date" required label=${t('rectification.inspection.startDate')}
                  .value=${i.startDate || ''} help-text=${fieldError(e, 'startDate')} class=${invalidClass(e, 'startDate')}></sl-input>
                <sl-input name="endDate" data-field="endDate" type="date" label=${t('rectification.inspection.endDate')}
                  .value=${i.endDate || ''} help-text=${fieldError(e, 'endDate')} class=${invalidClass(e, 'endDate')}></sl-input>
              </div>
              <sl-textarea name="team" data-field="team" rows="3" resize="auto" maxlength="2000" label=${t('rectification.inspection.team')}
                placeholder=${t('rectification.inspection.teamHint')} .value=${i.team || ''}
                help-text=${fieldError(e, 'team')} class=${invalidClass(e, 'team')}></sl-textarea>
              <button type="submit" hidden></button>
            </form>`,
          )
        : ''}
      ${dialogButtons({ action: 'save-inspection', label: t('action.save'), busy: this.busy, form: 'inspection' })}
    </sl-dialog>`;
  }

  render() {
    return html`<div class="ql-page" data-page="rectification-inspections" data-route="rectification/inspections">
      <div class="ql-page-header">
        <h2>${t('rectification.inspections.title')}</h2>
        ${this.writable
          ? html`<sl-button variant="primary" data-action="register-inspection" @click=${() => this.openEdit(null)}>
              <sl-icon slot="prefix" name="plus-lg"></sl-icon>${t('rectification.inspection.register')}</sl-button>`
          : ''}
      </div>
      <form class="ql-toolbar" data-form="inspection-filter" novalidate @submit=${this.search}>
        <sl-input name="text" data-field="text" label=${t('rectification.inspection.search')} clearable class="ql-rect-search"
          @sl-clear=${() => setTimeout(() => this.search())}></sl-input>
        <div class="ql-toolbar-end">
          <sl-button type="submit" variant="primary" data-action="search"><sl-icon slot="prefix" name="search"></sl-icon>${t('action.search')}</sl-button>
        </div>
      </form>
      <div class="ql-grid" data-grid="inspections" data-testid="rectification-inspections"></div>
      ${this.renderDialog()}
    </div>`;
  }
}

if (!customElements.get('ql-rect-inspections')) {
  customElements.define('ql-rect-inspections', QlRectInspections);
}
