// Units (单位管理): the unit tree, a unit's details (edit with If-Match), child units, delete, and
// its supervision relations (监督关系).
import { html } from 'lit';
import { keyed } from 'lit/directives/keyed.js';
import { del, get, post, put } from '../api.js';
import { actionButton, cellGroup, createGrid, nodeFormatter, tag } from '../grid.js';
import { formatDate, t } from '../i18n.js';
import {
  LightElement,
  blankToNull,
  can,
  confirmDialog,
  fieldError,
  flattenUnits,
  formAlert,
  formValues,
  invalidClass,
  invalidateUnits,
  problemErrors,
  requiredErrors,
  toast,
  toastError,
  today,
  unitOptions,
  unitTree,
} from '../ui.js';

export const UNIT_KINDS = ['COMMISSION', 'ORGAN_COMMITTEE', 'DISPATCHED_GROUP', 'SUPERVISED_BODY'];
export const UNIT_LEVELS = ['CITY', 'DISTRICT', 'TOWNSHIP'];
const UNIT_FIELDS = ['name', 'shortName', 'code', 'kind', 'level', 'parentId', 'sortOrder', 'externalId'];

/** The unit form's fields; `unit` gives the values, `units` the parent choices. */
function unitFields(unit, errors, units, { disabled = false, selfId = null } = {}) {
  const u = unit || {};
  return html`<div class="ql-form-grid">
    <sl-input name="name" ?disabled=${disabled} label=${t('units.name')} required .value=${u.name || ''} maxlength="100"
      help-text=${fieldError(errors, 'name')} class=${invalidClass(errors, 'name')}></sl-input>
    <sl-input name="shortName" ?disabled=${disabled} label=${t('units.shortName')} .value=${u.shortName || ''} maxlength="50"
      help-text=${fieldError(errors, 'shortName')} class=${invalidClass(errors, 'shortName')}></sl-input>
    <sl-select name="kind" ?disabled=${disabled} label=${t('units.kind')} required .value=${u.kind || ''} hoist
      help-text=${fieldError(errors, 'kind')} class=${invalidClass(errors, 'kind')}>
      ${UNIT_KINDS.map((k) => html`<sl-option value=${k}>${t(`unit.kind.${k}`)}</sl-option>`)}
    </sl-select>
    <sl-select name="level" ?disabled=${disabled} label=${t('units.level')} required .value=${u.level || ''} hoist
      help-text=${fieldError(errors, 'level')} class=${invalidClass(errors, 'level')}>
      ${UNIT_LEVELS.map((l) => html`<sl-option value=${l}>${t(`unit.level.${l}`)}</sl-option>`)}
    </sl-select>
    <sl-select name="parentId" ?disabled=${disabled} label=${t('units.parent')} .value=${u.parentId || ''} clearable hoist
      placeholder=${t('units.noParent')} help-text=${fieldError(errors, 'parentId')} class=${invalidClass(errors, 'parentId')}>
      ${unitOptions(units.filter((x) => x.id !== selfId))}
    </sl-select>
    <sl-input name="code" ?disabled=${disabled} label=${t('units.code')} .value=${u.code || ''} maxlength="32"
      help-text=${fieldError(errors, 'code')} class=${invalidClass(errors, 'code')}></sl-input>
    <sl-input name="sortOrder" ?disabled=${disabled} type="number" step="1" label=${t('units.sortOrder')} .value=${u.sortOrder ?? ''}
      help-text=${fieldError(errors, 'sortOrder')} class=${invalidClass(errors, 'sortOrder')}></sl-input>
    <sl-input name="externalId" ?disabled=${disabled} label=${t('units.externalId')} .value=${u.externalId || ''} maxlength="64"
      help-text=${fieldError(errors, 'externalId')} class=${invalidClass(errors, 'externalId')}></sl-input>
  </div>`;
}

/** Reads and checks the unit form; returns `{ body, errors }`. */
function readUnit(root) {
  const v = formValues(root);
  let errors = requiredErrors(v, ['name', 'kind', 'level']);
  if (!errors && v.sortOrder !== '' && !/^-?\d+$/.test(String(v.sortOrder))) {
    errors = { detail: t('validation.fixFields'), fields: { sortOrder: t('validation.integer') } };
  }
  const body = {
    name: (v.name || '').trim(),
    shortName: blankToNull(v.shortName),
    code: blankToNull(v.code),
    kind: v.kind || null,
    level: v.level || null,
    parentId: v.parentId || null,
    sortOrder: v.sortOrder === '' || v.sortOrder === undefined ? null : Number(v.sortOrder),
    externalId: blankToNull(v.externalId),
  };
  return { body, errors };
}

class QlAdminUnits extends LightElement {
  static properties = {
    tree: { state: true },
    selectedId: { state: true },
    unit: { state: true },
    errors: { state: true },
    createErrors: { state: true },
    createParent: { state: true },
    supervisionErrors: { state: true },
    busy: { state: true },
    tab: { state: true },
  };

  constructor() {
    super();
    this.tree = null;
    this.units = [];
    this.tab = 'details';
  }

  get writable() {
    return can(this.me, 'platform:units-write');
  }

  connectedCallback() {
    super.connectedCallback();
    this.loadTree();
  }

  disconnectedCallback() {
    super.disconnectedCallback();
    this.grid?.destroy();
  }

  async loadTree() {
    try {
      invalidateUnits();
      this.tree = await unitTree();
      this.units = flattenUnits(this.tree);
      this.names = new Map(this.units.map((u) => [u.id, u.name]));
      if (this.selectedId && !this.names.has(this.selectedId)) {
        this.selectedId = null;
        this.unit = null;
      }
    } catch (e) {
      this.tree = [];
      toastError(e);
    }
  }

  async select(id) {
    this.selectedId = id;
    this.errors = null;
    try {
      this.unit = await get(`/units/${encodeURIComponent(id)}`);
      this.loadSupervisions();
    } catch (e) {
      toastError(e);
    }
  }

  onTreeSelect(e) {
    const item = e.detail.selection[0];
    if (item && item.dataset.unitId !== this.selectedId) {
      this.select(item.dataset.unitId);
    }
  }

  // ---- details ----

  async save(e) {
    e.preventDefault();
    const form = this.querySelector('form[data-form="unit"]');
    const { body, errors } = readUnit(form);
    this.errors = errors;
    if (errors) {
      return;
    }
    this.busy = true;
    try {
      this.unit = await put(`/units/${encodeURIComponent(this.unit.id)}`, { ...this.unit, ...body }, this.unit.version);
      toast(t('units.saved'), 'success');
      await this.loadTree();
    } catch (error) {
      this.errors = problemErrors(error);
      if (error.status === 412) {
        this.errors.detail = t('error.stale');
      }
    } finally {
      this.busy = false;
    }
  }

  async remove() {
    const unit = this.unit;
    if (!(await confirmDialog(t('units.confirmDelete', unit.name)))) {
      return;
    }
    try {
      await del(`/units/${encodeURIComponent(unit.id)}`, unit.version);
      toast(t('units.deleted', unit.name), 'success');
      this.selectedId = null;
      this.unit = null;
      await this.loadTree();
    } catch (e) {
      toastError(e);
    }
  }

  openCreate(parentId) {
    this.createParent = parentId || null;
    this.createErrors = null;
    const dialog = this.querySelector('sl-dialog[data-dialog="unit-create"]');
    dialog.querySelector('form').reset?.();
    for (const el of dialog.querySelectorAll('[name]')) {
      el.value = el.getAttribute('name') === 'parentId' ? this.createParent || '' : '';
    }
    dialog.show();
  }

  async create(e) {
    e.preventDefault();
    const dialog = this.querySelector('sl-dialog[data-dialog="unit-create"]');
    const { body, errors } = readUnit(dialog);
    this.createErrors = errors;
    if (errors) {
      return;
    }
    this.busy = true;
    try {
      const created = await post('/units', body);
      dialog.hide();
      toast(t('units.created', created.name), 'success');
      await this.loadTree();
      this.select(created.id);
    } catch (error) {
      this.createErrors = problemErrors(error);
    } finally {
      this.busy = false;
    }
  }

  // ---- supervision relations ----

  async loadSupervisions() {
    if (!this.unit) {
      return;
    }
    try {
      const rows = await get(`/units/${encodeURIComponent(this.unit.id)}/supervisions`);
      await this.updateComplete;
      if (!this.grid) {
        this.grid = createGrid(this.querySelector('[data-grid="supervisions"]'), { data: rows, columns: this.supervisionColumns(), pageSize: 10 });
      } else {
        this.grid.setData(rows);
      }
    } catch (e) {
      toastError(e);
    }
  }

  supervisionColumns() {
    const name = (id) => (this.names && this.names.get(id)) || id;
    const columns = [
      { title: t('supervisions.supervisor'), field: 'supervisorId', minWidth: 110, widthGrow: 2, formatter: (c) => name(c.getValue()) },
      { title: t('supervisions.supervised'), field: 'supervisedId', minWidth: 110, widthGrow: 2, formatter: (c) => name(c.getValue()) },
      { title: t('supervisions.validFrom'), field: 'validFrom', minWidth: 105, formatter: (c) => formatDate(c.getValue()) },
      { title: t('supervisions.validTo'), field: 'validTo', minWidth: 105, formatter: (c) => formatDate(c.getValue()) },
      {
        title: t('supervisions.state'),
        field: 'validTo',
        width: 80,
        formatter: nodeFormatter((row) =>
          row.validTo && row.validTo < today() ? tag(t('supervisions.ended'), 'neutral') : tag(t('supervisions.active'), 'success'),
        ),
      },
      { title: t('supervisions.note'), field: 'note', minWidth: 80, tooltip: true },
    ];
    if (this.writable) {
      columns.push({
        title: t('grid.actions'),
        field: 'id',
        width: 140,
        formatter: nodeFormatter((row) =>
          cellGroup(
            row.validTo ? null : actionButton(t('supervisions.end'), () => this.endSupervision(row), { action: 'end-supervision' }),
            actionButton(t('action.delete'), () => this.removeSupervision(row), { variant: 'danger', action: 'delete-supervision' }),
          ),
        ),
      });
    }
    return columns;
  }

  openSupervision() {
    this.supervisionErrors = null;
    const dialog = this.querySelector('sl-dialog[data-dialog="supervision-create"]');
    for (const el of dialog.querySelectorAll('[name]')) {
      el.value = el.getAttribute('name') === 'validFrom' ? today() : '';
    }
    dialog.show();
  }

  async createSupervision(e) {
    e.preventDefault();
    const dialog = this.querySelector('sl-dialog[data-dialog="supervision-create"]');
    const v = formValues(dialog);
    let errors = requiredErrors(v, ['supervisedId', 'validFrom']);
    if (!errors && v.validTo && v.validTo < v.validFrom) {
      errors = { detail: t('validation.fixFields'), fields: { validTo: t('validation.dateOrder') } };
    }
    this.supervisionErrors = errors;
    if (errors) {
      return;
    }
    try {
      await post('/supervisions', {
        supervisorId: this.unit.id,
        supervisedId: v.supervisedId,
        validFrom: v.validFrom,
        validTo: v.validTo || null,
        note: blankToNull(v.note),
      });
      dialog.hide();
      toast(t('supervisions.created'), 'success');
      this.loadSupervisions();
    } catch (error) {
      this.supervisionErrors = problemErrors(error);
    }
  }

  async endSupervision(row) {
    if (!(await confirmDialog(t('supervisions.confirmEnd'), { variant: 'primary' }))) {
      return;
    }
    try {
      const end = today() < row.validFrom ? row.validFrom : today();
      await put(`/supervisions/${encodeURIComponent(row.id)}`, { ...row, validTo: end }, row.version);
      toast(t('supervisions.endedToast'), 'success');
      this.loadSupervisions();
    } catch (e) {
      toastError(e);
    }
  }

  async removeSupervision(row) {
    if (!(await confirmDialog(t('supervisions.confirmDelete')))) {
      return;
    }
    try {
      await del(`/supervisions/${encodeURIComponent(row.id)}`, row.version);
      toast(t('supervisions.deleted'), 'success');
      this.loadSupervisions();
    } catch (e) {
      toastError(e);
    }
  }

  onTab(e) {
    this.tab = e.detail.name;
    if (this.tab === 'supervisions') {
      this.grid?.redraw();
    }
  }

  // ---- rendering ----

  renderTreeItems(nodes, depth = 0) {
    return (nodes || []).map(
      (n) => html`<sl-tree-item data-unit-id=${n.id} ?selected=${n.id === this.selectedId} ?expanded=${depth < 1}>
        ${n.name}<span class="ql-tree-kind">${t(`unit.kind.${n.kind}`)}</span>
        ${this.renderTreeItems(n.children, depth + 1)}
      </sl-tree-item>`,
    );
  }

  renderDetail() {
    const u = this.unit;
    if (!u) {
      return html`<div class="ql-panel ql-empty" data-state="no-unit">${this.tree && this.tree.length === 0 ? t('units.none') : t('units.pick')}</div>`;
    }
    const w = this.writable;
    return html`<div class="ql-panel" data-unit=${u.id}>
      <div class="ql-detail-title">
        <h3>${u.name}</h3>
        ${w
          ? html`<sl-button size="small" data-action="add-child-unit" @click=${() => this.openCreate(u.id)}>
                <sl-icon slot="prefix" name="plus-lg"></sl-icon>${t('units.addChild')}</sl-button>
              <sl-button size="small" variant="danger" outline data-action="delete-unit" @click=${this.remove}>
                <sl-icon slot="prefix" name="trash"></sl-icon>${t('action.delete')}</sl-button>`
          : ''}
      </div>
      <sl-tab-group @sl-tab-show=${this.onTab}>
        <sl-tab slot="nav" panel="details" data-tab="details">${t('units.details')}</sl-tab>
        <sl-tab slot="nav" panel="supervisions" data-tab="supervisions">${t('units.supervisions')}</sl-tab>
        <sl-tab-panel name="details">
          <form novalidate class="ql-form" data-form="unit" @submit=${this.save}>
            ${formAlert(this.errors, UNIT_FIELDS)}
            ${keyed(`${u.id}/${u.version}`, unitFields(u, this.errors, this.units, { selfId: u.id, disabled: !w }))}
            ${w
              ? html`<div class="ql-form-buttons">
                  <sl-button type="submit" variant="primary" data-action="save-unit" ?loading=${this.busy}>${t('action.save')}</sl-button>
                </div>`
              : ''}
          </form>
        </sl-tab-panel>
        <sl-tab-panel name="supervisions">
          <div class="ql-page">
            ${w
              ? html`<div><sl-button size="small" variant="primary" data-action="add-supervision" @click=${this.openSupervision}>
                  <sl-icon slot="prefix" name="plus-lg"></sl-icon>${t('supervisions.add')}</sl-button></div>`
              : ''}
            <div class="ql-grid" data-grid="supervisions"></div>
          </div>
        </sl-tab-panel>
      </sl-tab-group>
    </div>`;
  }

  render() {
    const w = this.writable;
    return html`<div class="ql-page" data-page="admin-units">
      <div class="ql-page-header">
        <h2>${t('nav.units')}</h2>
        ${w
          ? html`<sl-button variant="primary" data-action="add-root-unit" @click=${() => this.openCreate(null)}>
              <sl-icon slot="prefix" name="plus-lg"></sl-icon>${t('units.addRoot')}</sl-button>`
          : ''}
      </div>
      <div class="ql-split">
        <div class="ql-panel ql-tree-panel">
          ${this.tree === null
            ? html`<sl-spinner></sl-spinner>`
            : this.tree.length === 0
              ? html`<div class="ql-empty">${t('units.none')}</div>`
              : html`<sl-tree selection="single" data-tree="units" @sl-selection-change=${this.onTreeSelect}>${this.renderTreeItems(this.tree)}</sl-tree>`}
        </div>
        ${this.renderDetail()}
      </div>
      <sl-dialog data-dialog="unit-create" class="ql-dialog-medium" label=${this.createParent ? t('units.addChild') : t('units.addRoot')}>
        <form novalidate class="ql-form" data-form="unit-create" @submit=${this.create}>
          ${formAlert(this.createErrors, UNIT_FIELDS)}
          ${unitFields({ parentId: this.createParent }, this.createErrors, this.units)}
          <button type="submit" hidden></button>
        </form>
        <sl-button slot="footer" @click=${() => this.querySelector('sl-dialog[data-dialog="unit-create"]').hide()}>${t('action.cancel')}</sl-button>
        <sl-button slot="footer" variant="primary" data-action="create-unit" ?loading=${this.busy}
          @click=${() => this.querySelector('form[data-form="unit-create"]').requestSubmit()}>${t('action.create')}</sl-button>
      </sl-dialog>
      <sl-dialog data-dialog="supervision-create" class="ql-dialog-medium" label=${t('supervisions.add')}>
        <form novalidate class="ql-form" data-form="supervision" @submit=${this.createSupervision}>
          ${formAlert(this.supervisionErrors, ['supervisedId', 'validFrom', 'validTo', 'note'])}
          <sl-input label=${t('supervisions.supervisor')} .value=${this.unit ? this.unit.name : ''} readonly data-ignore></sl-input>
          <sl-select name="supervisedId" label=${t('supervisions.supervised')} required hoist
            help-text=${fieldError(this.supervisionErrors, 'supervisedId')} class=${invalidClass(this.supervisionErrors, 'supervisedId')}>
            ${unitOptions(this.units.filter((x) => !this.unit || x.id !== this.unit.id))}
          </sl-select>
          <div class="ql-form-grid">
            <sl-input name="validFrom" type="date" label=${t('supervisions.validFrom')} required
              help-text=${fieldError(this.supervisionErrors, 'validFrom')} class=${invalidClass(this.supervisionErrors, 'validFrom')}></sl-input>
            <sl-input name="validTo" type="date" label=${t('supervisions.validTo')}
              help-text=${fieldError(this.supervisionErrors, 'validTo')} class=${invalidClass(this.supervisionErrors, 'validTo')}></sl-input>
          </div>
          <sl-textarea name="note" label=${t('supervisions.note')} rows="2" maxlength="200"
            help-text=${fieldError(this.supervisionErrors, 'note')} class=${invalidClass(this.supervisionErrors, 'note')}></sl-textarea>
          <button type="submit" hidden></button>
        </form>
        <sl-button slot="footer" @click=${() => this.querySelector('sl-dialog[data-dialog="supervision-create"]').hide()}>${t('action.cancel')}</sl-button>
        <sl-button slot="footer" variant="primary" data-action="create-supervision"
          @click=${() => this.querySelector('form[data-form="supervision"]').requestSubmit()}>${t('action.create')}</sl-button>
      </sl-dialog>
    </div>`;
  }

  updated(changed) {
    // a new detail panel (after none was shown) brings a new grid element: the grid goes with the old one
    const element = this.querySelector('[data-grid="supervisions"]');
    if (changed.has('unit') && this.grid && (!element || !element.classList.contains('tabulator'))) {
      this.grid.destroy();
      this.grid = null;
      if (element) {
        this.loadSupervisions();
      }
    }
  }
}
customElements.define('ql-admin-units', QlAdminUnits);
