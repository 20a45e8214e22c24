// The people roster (人员名册): filter by name, unit and flags; create, edit (with positions) and
// delete people; a person's timeline (履历), the entries the active modules contribute (talks held,
// …), newest first. Gender and rank come from the dictionaries.
import { html } from 'lit';
import { keyed } from 'lit/directives/keyed.js';
import { del, get, post, put } from '../api.js';
import { actionButton, cellGroup, createGrid, nodeFormatter } from '../grid.js';
import { formatDate, has, localized, t } from '../i18n.js';
import {
  LightElement,
  blankToNull,
  can,
  confirmDialog,
  dictionary,
  fieldError,
  flattenUnits,
  formAlert,
  invalidClass,
  problemErrors,
  requiredErrors,
  toast,
  toastError,
  unitOptions,
  today,
  unitTree,
} from '../ui.js';

const FLAGS = ['topLeader', 'leadershipMember', 'youngCadre', 'inspectionCadre'];
const PERSON_FIELDS = ['name', 'gender', 'birthDate', 'unitId', 'rank', 'externalId', ...FLAGS];

class QlAdminPeople extends LightElement {
  static properties = {
    units: { state: true },
    genders: { state: true },
    ranks: { state: true },
    editing: { state: true },
    positions: { state: true },
    errors: { state: true },
    busy: { state: true },
    timeline: { state: true },
  };

  constructor() {
    super();
    this.units = [];
    this.genders = [];
    this.ranks = [];
    this.filters = {};
    this.editing = null;
    this.positions = [];
    this.positionKey = 0;
    this.timeline = null; // { person, entries | null while loading }
  }

  get writable() {
    return can(this.me, 'platform:people-write');
  }

  connectedCallback() {
    super.connectedCallback();
    this.loadReferences();
  }

  disconnectedCallback() {
    super.disconnectedCallback();
    this.grid?.destroy();
  }

  async loadReferences() {
    const [tree, genders, ranks] = await Promise.all([
      unitTree().catch((e) => (toastError(e), [])),
      dictionary('gender').catch((e) => (toastError(e), [])),
      dictionary('rank').catch((e) => (toastError(e), [])),
    ]);
    this.units = flattenUnits(tree);
    this.unitNames = new Map(this.units.map((u) => [u.id, u.name]));
    this.genders = genders;
    this.ranks = ranks;
    this.genderNames = new Map(genders.map((g) => [g.code, localized(g, 'label')]));
    this.rankNames = new Map(ranks.map((r) => [r.code, localized(r, 'label')]));
    this.grid?.ready.then(() => this.grid.table.redraw(true));
  }

  firstUpdated() {
    const w = this.writable;
    const columns = [
      { title: t('people.name'), field: 'name', headerSort: true, minWidth: 120 },
      { title: t('people.gender'), field: 'gender', width: 80, formatter: (c) => (this.genderNames && this.genderNames.get(c.getValue())) || c.getValue() || '' },
      { title: t('people.birthDate'), field: 'birthDate', headerSort: true, width: 130, formatter: (c) => formatDate(c.getValue()) },
      { title: t('people.unit'), field: 'unitId', minWidth: 160, formatter: (c) => (this.unitNames && this.unitNames.get(c.getValue())) || '' },
      { title: t('people.rank'), field: 'rank', headerSort: true, width: 130, formatter: (c) => (this.rankNames && this.rankNames.get(c.getValue())) || c.getValue() || '' },
      {
        title: t('people.flags'),
        field: 'topLeader',
        minWidth: 160,
        formatter: (c) => {
          const row = c.getRow().getData();
          return FLAGS.filter((f) => row[f]).map((f) => t(`people.${f}`)).join(t('list.separator'));
        },
      },
      {
        title: t('grid.actions'),
        field: 'id',
        width: w ? 240 : 170,
        formatter: nodeFormatter((row) =>
          cellGroup(
            actionButton(w ? t('action.edit') : t('action.open'), () => this.openEdit(row), { action: 'edit-person' }),
            actionButton(t('people.timeline'), () => this.openTimeline(row), { action: 'person-timeline' }),
            w ? actionButton(t('action.delete'), () => this.remove(row), { variant: 'danger', action: 'delete-person' }) : null,
          ),
        ),
      },
    ];
    this.grid = createGrid(this.querySelector('[data-grid="people"]'), {
      path: '/people',
      params: () => this.filters,
      columns,
      initialSort: [{ column: 'name', dir: 'asc' }],
      rowFormatter: (row) => {
        row.getElement().dataset.personId = row.getData().id;
      },
    });
  }

  search(e) {
    e?.preventDefault();
    const form = this.querySelector('form[data-form="people-filter"]');
    const name = form.querySelector('[name="name"]').value.trim();
    const unitId = form.querySelector('[name="unitId"]').value;
    this.filters = { name: name || undefined, unitId: unitId || undefined };
    for (const f of FLAGS) {
      if (form.querySelector(`[name="${f}"]`).checked) {
        this.filters[f] = true;
      }
    }
    this.grid.reload();
  }

  resetFilters() {
    const form = this.querySelector('form[data-form="people-filter"]');
    form.querySelector('[name="name"]').value = '';
    form.querySelector('[name="unitId"]').value = '';
    for (const f of FLAGS) {
      form.querySelector(`[name="${f}"]`).checked = false;
    }
    this.search();
  }

  // ---- dialog ----

  async openEdit(row) {
    this.errors = null;
    try {
      const person = row ? await get(`/people/${encodeURIComponent(row.id)}`) : { positions: [] };
      this.openSeq = (this.openSeq || 0) + 1;
      this.editing = person;
      this.positions = (person.positions || []).map((p) => ({ ...p, key: ++this.positionKey }));
      await this.updateComplete;
      this.querySelector('sl-dialog[data-dialog="person"]').show();
    } catch (e) {
      toastError(e);
    }
  }

  addPosition() {
    this.positions = [...this.positions, { key: ++this.positionKey, title: '', unitId: '', startDate: '', endDate: '' }];
  }

  removePosition(key) {
    this.positions = this.positions.filter((p) => p.key !== key);
  }

  readForm() {
    const dialog = this.querySelector('sl-dialog[data-dialog="person"]');
    const value = (name) => dialog.querySelector(`[data-person] [name="${name}"]`).value;
    const values = {
      name: value('name'),
      gender: value('gender'),
      birthDate: value('birthDate'),
      unitId: value('unitId'),
      rank: value('rank'),
      externalId: value('externalId'),
    };
    for (const f of FLAGS) {
      values[f] = dialog.querySelector(`[data-person] [name="${f}"]`).checked;
    }
    const positions = [...dialog.querySelectorAll('[data-position]')].map((row) => ({
      title: row.querySelector('[name="title"]').value.trim(),
      unitId: row.querySelector('[name="positionUnitId"]').value || null,
      startDate: row.querySelector('[name="startDate"]').value || null,
      endDate: row.querySelector('[name="endDate"]').value || null,
    }));
    let errors = requiredErrors(values, ['name', 'unitId']);
    if (values.birthDate && values.birthDate > today()) {
      errors = errors || { detail: t('validation.fixFields'), fields: {} };
      errors.fields.birthDate = t('validation.notFuture');
    }
    positions.forEach((p, i) => {
      for (const f of ['title', 'startDate']) {
        if (!p[f]) {
          errors = errors || { detail: t('validation.fixFields'), fields: {} };
          errors.fields[`positions[${i}].${f}`] = t('validation.required');
        }
      }
      if (p.startDate && p.endDate && p.endDate < p.startDate) {
        errors = errors || { detail: t('validation.fixFields'), fields: {} };
        errors.fields[`positions[${i}].endDate`] = t('validation.dateOrder');
      }
    });
    const body = {
      ...(this.editing || {}),
      name: values.name.trim(),
      gender: values.gender || null,
      birthDate: values.birthDate || null,
      unitId: values.unitId || null,
      rank: values.rank || null,
      externalId: blankToNull(values.externalId),
      positions,
    };
    FLAGS.forEach((f) => (body[f] = values[f]));
    return { body, errors };
  }

  async save(e) {
    e?.preventDefault();
    const { body, errors } = this.readForm();
    this.errors = errors;
    if (errors) {
      return;
    }
    this.busy = true;
    try {
      const existing = this.editing && this.editing.id;
      const saved = existing ? await put(`/people/${encodeURIComponent(body.id)}`, body, body.version) : await post('/people', body);
      this.querySelector('sl-dialog[data-dialog="person"]').hide();
      toast(t(existing ? 'people.saved' : 'people.created', saved.name), 'success');
      existing ? this.grid.refresh() : this.grid.reload();
    } catch (error) {
      this.errors = problemErrors(error);
      if (error.status === 412) {
        this.errors.detail = t('error.stale');
      }
    } finally {
      this.busy = false;
    }
  }

  async remove(row) {
    if (!(await confirmDialog(t('people.confirmDelete', row.name)))) {
      return;
    }
    try {
      await del(`/people/${encodeURIComponent(row.id)}`, row.version);
      toast(t('people.deleted', row.name), 'success');
      this.grid.refresh();
    } catch (e) {
      toastError(e);
    }
  }

  // ---- timeline ----

  async openTimeline(person) {
    const seq = (this.timelineSeq = (this.timelineSeq || 0) + 1);
    this.timeline = { person, entries: null };
    await this.updateComplete;
    this.querySelector('sl-dialog[data-dialog="timeline"]').show();
    try {
      const entries = await get(`/people/${encodeURIComponent(person.id)}/timeline`);
      if (seq === this.timelineSeq) {
        // newest first, as the server answers; entries of one day keep the server's order
        const sorted = (entries || []).map((e, i) => ({ ...e, i })).sort((a, b) => String(b.date || '').localeCompare(String(a.date || '')) || a.i - b.i);
        this.timeline = { person, entries: sorted };
      }
    } catch (e) {
      if (seq === this.timelineSeq) {
        this.timeline = { person, entries: [] };
      }
      toastError(e);
    }
  }

  moduleName(id) {
    const module = (this.modules || []).find((m) => m.id === id);
    return module ? module.name : id || '';
  }

  openRoute(route) {
    this.querySelector('sl-dialog[data-dialog="timeline"]').hide();
    location.hash = `#/${String(route).replace(/^#?\/*/, '')}`;
  }

  renderTimelineEntry(e) {
    const sensitivity = e.sensitivity && e.sensitivity !== 'ORDINARY' && has(`people.sensitivity.${e.sensitivity}`)
      ? html`<sl-tag size="small" variant=${e.sensitivity === 'SENSITIVE' ? 'danger' : 'warning'} data-sensitivity=${e.sensitivity}>
          ${t(`people.sensitivity.${e.sensitivity}`)}</sl-tag>`
      : '';
    return html`<li class="ql-person-timeline-entry" data-timeline-module=${e.module || ''} data-timeline-route=${e.route || ''}>
      <div class="ql-person-timeline-date">${formatDate(e.date)}</div>
      <div class="ql-person-timeline-body">
        <div class="ql-person-timeline-head">
          ${e.route
            ? html`<a href=${`#/${String(e.route).replace(/^#?\/*/, '')}`} class="ql-link" data-action="open-timeline-route"
                @click=${(ev) => (ev.preventDefault(), this.openRoute(e.route))}>${e.title}</a>`
            : html`<strong>${e.title}</strong>`}
          ${e.module ? html`<sl-tag size="small" variant="neutral">${this.moduleName(e.module)}</sl-tag>` : ''}
          ${sensitivity}
        </div>
        ${e.detail ? html`<div class="ql-muted">${e.detail}</div>` : ''}
      </div>
    </li>`;
  }

  renderTimeline() {
    const tl = this.timeline;
    const entries = tl && tl.entries;
    return html`<sl-dialog data-dialog="timeline" class="ql-dialog-medium" label=${tl ? t('people.timelineOf', tl.person.name) : t('people.timeline')}>
      ${!tl
        ? ''
        : entries === null
          ? html`<div class="ql-empty"><sl-spinner></sl-spinner></div>`
          : entries.length === 0
            ? html`<div class="ql-empty" data-state="no-timeline">${t('people.timelineEmpty')}</div>`
            : html`<ol class="ql-person-timeline" data-testid="person-timeline">${entries.map((e) => this.renderTimelineEntry(e))}</ol>`}
      <sl-button slot="footer" data-action="close-timeline" @click=${() => this.querySelector('sl-dialog[data-dialog="timeline"]').hide()}>
        ${t('action.close')}</sl-button>
    </sl-dialog>`;
  }

  renderPositions(errors, disabled) {
    const err = (i, f) => fieldError(errors, `positions[${i}].${f}`);
    return html`<div class="ql-section-title">
        <span>${t('people.positions')}</span>
        ${disabled
          ? ''
          : html`<sl-button size="small" data-action="add-position" @click=${this.addPosition}>
              <sl-icon slot="prefix" name="plus-lg"></sl-icon>${t('people.addPosition')}</sl-button>`}
      </div>
      <div class="ql-positions">
        ${this.positions.length === 0 ? html`<div class="ql-muted">${t('people.noPositions')}</div>` : ''}
        ${this.positions.map((p, i) =>
          keyed(
            p.key,
            html`<div class="ql-position-row" data-position=${i}>
              <sl-input name="title" size="small" maxlength="100" label=${t('people.positionTitle')} .value=${p.title || ''} ?disabled=${disabled}
                help-text=${err(i, 'title')} class=${invalidClass(errors, `positions[${i}].title`)}></sl-input>
              <sl-select name="positionUnitId" size="small" label=${t('people.positionUnit')} .value=${p.unitId || ''} clearable hoist ?disabled=${disabled}
                help-text=${err(i, 'unitId')} class=${invalidClass(errors, `positions[${i}].unitId`)}>${unitOptions(this.units)}</sl-select>
              <sl-input name="startDate" type="date" size="small" required label=${t('people.startDate')} .value=${p.startDate || ''} ?disabled=${disabled}
                help-text=${err(i, 'startDate')} class=${invalidClass(errors, `positions[${i}].startDate`)}></sl-input>
              <sl-input name="endDate" type="date" size="small" label=${t('people.endDate')} .value=${p.endDate || ''} ?disabled=${disabled}
                help-text=${err(i, 'endDate')} class=${invalidClass(errors, `positions[${i}].endDate`)}></sl-input>
              ${disabled
                ? ''
                : html`<sl-icon-button name="trash" label=${t('action.remove')} data-action="remove-position" @click=${() => this.removePosition(p.key)}></sl-icon-button>`}
            </div>`,
          ),
        )}
      </div>`;
  }

  renderDialog() {
    const p = this.editing;
    const e = this.errors;
    const disabled = !this.writable;
    const shown = [...PERSON_FIELDS, ...this.positions.flatMap((_, i) => ['title', 'unitId', 'startDate', 'endDate'].map((f) => `positions[${i}].${f}`))];
    return html`<sl-dialog data-dialog="person" class="ql-dialog-wide" label=${p && p.id ? (disabled ? p.name : t('people.edit')) : t('people.create')}>
      ${p
        ? keyed(
            this.openSeq,
            html`<form novalidate class="ql-form" data-form="person" data-person @submit=${this.save}>
              ${formAlert(e, shown)}
              <div class="ql-form-grid">
                <sl-input name="name" label=${t('people.name')} required .value=${p.name || ''} maxlength="50" ?disabled=${disabled}
                  help-text=${fieldError(e, 'name')} class=${invalidClass(e, 'name')}></sl-input>
                <sl-select name="unitId" label=${t('people.unit')} required .value=${p.unitId || ''} hoist ?disabled=${disabled}
                  help-text=${fieldError(e, 'unitId')} class=${invalidClass(e, 'unitId')}>${unitOptions(this.units)}</sl-select>
                <sl-select name="gender" label=${t('people.gender')} .value=${p.gender || ''} clearable hoist ?disabled=${disabled}
                  help-text=${fieldError(e, 'gender')} class=${invalidClass(e, 'gender')}>
                  ${this.genders.map((g) => html`<sl-option value=${g.code}>${localized(g, 'label')}</sl-option>`)}
                </sl-select>
                <sl-input name="birthDate" type="date" label=${t('people.birthDate')} .value=${p.birthDate || ''} ?disabled=${disabled}
                  help-text=${fieldError(e, 'birthDate')} class=${invalidClass(e, 'birthDate')}></sl-input>
                <sl-select name="rank" label=${t('people.rank')} .value=${p.rank || ''} clearable hoist ?disabled=${disabled}
                  help-text=${fieldError(e, 'rank')} class=${invalidClass(e, 'rank')}>
                  ${this.ranks.map((r) => html`<sl-option value=${r.code}>${localized(r, 'label')}</sl-option>`)}
                </sl-select>
                <sl-input name="externalId" label=${t('people.externalId')} .value=${p.externalId || ''} maxlength="64" ?disabled=${disabled}
                  help-text=${fieldError(e, 'externalId')} class=${invalidClass(e, 'externalId')}></sl-input>
                <div class="ql-checks ql-span-2">
                  ${FLAGS.map(
                    (f) => html`<sl-checkbox name=${f} ?checked=${!!p[f]} ?disabled=${disabled}>${t(`people.${f}`)}</sl-checkbox>`,
                  )}
                </div>
              </div>
              ${this.renderPositions(e, disabled)}
              <button type="submit" hidden></button>
            </form>`,
          )
        : ''}
      <sl-button slot="footer" @click=${() => this.querySelector('sl-dialog[data-dialog="person"]').hide()}>${disabled ? t('action.close') : t('action.cancel')}</sl-button>
      ${disabled
        ? ''
        : html`<sl-button slot="footer" variant="primary" data-action="save-person" ?loading=${this.busy}
            @click=${() => this.querySelector('form[data-form="person"]').requestSubmit()}>${t('action.save')}</sl-button>`}
    </sl-dialog>`;
  }

  render() {
    return html`<div class="ql-page" data-page="admin-people">
      <div class="ql-page-header">
        <h2>${t('nav.people')}</h2>
        ${this.writable
          ? html`<sl-button variant="primary" data-action="create-person" @click=${() => this.openEdit(null)}>
              <sl-icon slot="prefix" name="plus-lg"></sl-icon>${t('people.create')}</sl-button>`
          : ''}
      </div>
      <form class="ql-toolbar" data-form="people-filter" novalidate @submit=${this.search}>
        <sl-input name="name" label=${t('people.name')} clearable></sl-input>
        <sl-select name="unitId" label=${t('people.unit')} clearable hoist class="ql-wide" placeholder=${t('filter.all')}>${unitOptions(this.units)}</sl-select>
        <div class="ql-checks">
          ${FLAGS.map((f) => html`<sl-checkbox name=${f} @sl-change=${() => this.search()}>${t(`people.${f}`)}</sl-checkbox>`)}
        </div>
        <div class="ql-toolbar-end">
          <sl-button type="submit" variant="primary" data-action="search"><sl-icon slot="prefix" name="search"></sl-icon>${t('action.search')}</sl-button>
          <sl-button data-action="reset" @click=${this.resetFilters}>${t('action.reset')}</sl-button>
        </div>
      </form>
      <div class="ql-grid" data-grid="people" data-testid="people-grid"></div>
      ${this.renderDialog()} ${this.renderTimeline()}
    </div>`;
  }
}
customElements.define('ql-admin-people', QlAdminPeople);
