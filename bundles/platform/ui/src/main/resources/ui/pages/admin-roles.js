// Roles (角色权限): the roles with their scope and permissions; create, edit, delete. The permission
// choices are the platform's (as the roles hold them) and each installed module's (GET /modules).
import { html } from 'lit';
import { guard } from 'lit/directives/guard.js';
import { keyed } from 'lit/directives/keyed.js';
import { del, get, post, put } from '../api.js';
import { actionButton, cellGroup, createGrid, nodeFormatter, tag } from '../grid.js';
import { has, localized, t } from '../i18n.js';
import {
  LightElement,
  blankToNull,
  can,
  confirmDialog,
  fieldError,
  flattenUnits,
  formAlert,
  invalidClass,
  problemErrors,
  requiredErrors,
  toast,
  toastError,
  unitTree,
} from '../ui.js';

export const SCOPES = ['ALL', 'SUPERVISED', 'OWN_UNIT'];
const ROLE_FIELDS = ['code', 'nameZh', 'nameEn', 'scope', 'permissions'];

class QlAdminRoles extends LightElement {
  static properties = {
    editing: { state: true },
    errors: { state: true },
    busy: { state: true },
    permissionChoices: { state: true },
  };

  constructor() {
    super();
    this.roles = [];
    this.units = [];
    this.permissionChoices = [];
    this.moduleLabels = new Map();
  }

  get writable() {
    return can(this.me, 'platform:roles-write');
  }

  disconnectedCallback() {
    super.disconnectedCallback();
    this.grid?.destroy();
  }

  /** A permission's label: the module's label, the bundles' `perm.<module>.<action>`, or the string. */
  permissionLabel(permission) {
    if (permission === '*') {
      return t('perm.all');
    }
    if (this.moduleLabels.has(permission)) {
      return this.moduleLabels.get(permission);
    }
    const key = `perm.${permission.replace(':', '.')}`;
    return has(key) ? t(key) : permission;
  }

  async firstUpdated() {
    const w = this.writable;
    this.grid = createGrid(this.querySelector('[data-grid="roles"]'), {
      data: [],
      initialSort: [{ column: 'code', dir: 'asc' }],
      columns: [
        { title: t('roles.code'), field: 'code', headerSort: true, width: 150 },
        { title: t('roles.name'), field: 'nameZh', headerSort: true, minWidth: 140, formatter: (c) => localized(c.getRow().getData()) },
        { title: t('roles.scope'), field: 'scope', headerSort: true, width: 130, formatter: (c) => t(`scope.${c.getValue()}`) },
        {
          title: t('roles.permissions'),
          field: 'permissions',
          minWidth: 260,
          widthGrow: 3,
          formatter: (c) => {
            c.getElement().title = (c.getValue() || []).join('\n');
            return (c.getValue() || []).map((p) => this.permissionLabel(p)).join(t('list.separator'));
          },
        },
        {
          title: t('roles.unit'),
          field: 'unitId',
          minWidth: 120,
          formatter: (c) => (c.getValue() ? (this.unitNames && this.unitNames.get(c.getValue())) || '' : t('roles.anyUnit')),
        },
        {
          title: t('roles.kind'),
          field: 'builtIn',
          width: 100,
          formatter: nodeFormatter((row) => (row.builtIn ? tag(t('roles.builtIn'), 'neutral') : tag(t('roles.custom'), 'primary'))),
        },
        {
          title: t('grid.actions'),
          field: 'id',
          width: w ? 160 : 90,
          formatter: nodeFormatter((row) =>
            cellGroup(
              actionButton(w ? t('action.edit') : t('action.open'), () => this.openEdit(row), { action: 'edit-role' }),
              w && !row.builtIn ? actionButton(t('action.delete'), () => this.remove(row), { variant: 'danger', action: 'delete-role' }) : null,
            ),
          ),
        },
      ],
    });
    const [modules, tree] = await Promise.all([
      get('/modules').catch((e) => (toastError(e), [])),
      unitTree().catch((e) => (toastError(e), [])),
    ]);
    this.modules = modules || [];
    for (const m of this.modules) {
      for (const p of m.permissions || []) {
        this.moduleLabels.set(p.permission, t('roles.modulePermission', m.name, p.label));
      }
    }
    this.units = flattenUnits(tree);
    this.unitNames = new Map(this.units.map((u) => [u.id, u.name]));
    await this.load();
  }

  async load() {
    try {
      this.roles = await get('/roles');
      const platform = new Set();
      this.roles.forEach((r) => (r.permissions || []).forEach((p) => p !== '*' && platform.add(p)));
      const modulePermissions = this.modules.flatMap((m) => (m.permissions || []).map((p) => p.permission));
      modulePermissions.forEach((p) => platform.delete(p));
      this.permissionChoices = [
        ...[...platform].sort().map((p) => ({ value: p, group: 'platform' })),
        ...modulePermissions.map((p) => ({ value: p, group: 'module' })),
      ];
      this.grid.setData(this.roles);
    } catch (e) {
      toastError(e);
    }
  }

  async openEdit(row) {
    this.errors = null;
    this.editing = row ? { ...row } : { scope: 'SUPERVISED', permissions: [] };
    this.openSeq = (this.openSeq || 0) + 1;
    await this.updateComplete;
    this.querySelector('sl-dialog[data-dialog="role"]').show();
  }

  async save(e) {
    e?.preventDefault();
    const form = this.querySelector('form[data-form="role"]');
    const value = (name) => form.querySelector(`[name="${name}"]`).value;
    const values = {
      code: value('code') || '',
      nameZh: value('nameZh') || '',
      nameEn: value('nameEn') || '',
      scope: value('scope') || '',
      permissions: value('permissions') || [],
    };
    const creating = !this.editing.id;
    let errors = requiredErrors(values, ['code', 'nameZh', 'scope', 'permissions']);
    if (!errors && creating && !/^[A-Za-z0-9][A-Za-z0-9._-]*$/.test(values.code.trim())) {
      errors = { detail: t('validation.fixFields'), fields: { code: t('roles.codeRule') } };
    }
    this.errors = errors;
    if (errors) {
      return;
    }
    const body = {
      ...this.editing,
      code: values.code.trim(),
      nameZh: values.nameZh.trim(),
      nameEn: blankToNull(values.nameEn),
      scope: values.scope,
      permissions: values.permissions,
    };
    this.busy = true;
    try {
      const saved = creating ? await post('/roles', body) : await put(`/roles/${encodeURIComponent(body.id)}`, body, body.version);
      this.querySelector('sl-dialog[data-dialog="role"]').hide();
      toast(t(creating ? 'roles.created' : 'roles.saved', localized(saved)), 'success');
      await this.load();
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
    if (!(await confirmDialog(t('roles.confirmDelete', localized(row))))) {
      return;
    }
    try {
      await del(`/roles/${encodeURIComponent(row.id)}`, row.version);
      toast(t('roles.deleted', localized(row)), 'success');
      await this.load();
    } catch (e) {
      toastError(e);
    }
  }

  renderDialog() {
    const r = this.editing;
    const e = this.errors;
    const creating = r && !r.id;
    const disabled = !this.writable;
    const choices = [...this.permissionChoices];
    for (const p of (r && r.permissions) || []) {
      if (!choices.some((c) => c.value === p)) {
        choices.unshift({ value: p, group: 'platform' });
      }
    }
    const group = (name) => choices.filter((c) => c.group === name);
    return html`<sl-dialog data-dialog="role" class="ql-dialog-medium" label=${creating ? t('roles.create') : disabled ? localized(r || {}) : t('roles.edit')}>
      ${r
        ? keyed(
            this.openSeq,
            html`<form novalidate class="ql-form" data-form="role" @submit=${this.save}>
              ${formAlert(e, ROLE_FIELDS)}
              <div class="ql-form-grid">
                <sl-input name="code" label=${t('roles.code')} required .value=${r.code || ''} ?disabled=${!creating} maxlength="64"
                  help-text=${fieldError(e, 'code') || (creating ? t('roles.codeRule') : '')} class=${invalidClass(e, 'code')}></sl-input>
                <sl-select name="scope" label=${t('roles.scope')} required .value=${r.scope || ''} hoist ?disabled=${disabled}
                  help-text=${fieldError(e, 'scope')} class=${invalidClass(e, 'scope')}>
                  ${SCOPES.map((s) => html`<sl-option value=${s}>${t(`scope.${s}`)}</sl-option>`)}
                </sl-select>
                <sl-input name="nameZh" label=${t('roles.nameZh')} required .value=${r.nameZh || ''} ?disabled=${disabled} maxlength="50"
                  help-text=${fieldError(e, 'nameZh')} class=${invalidClass(e, 'nameZh')}></sl-input>
                <sl-input name="nameEn" label=${t('roles.nameEn')} .value=${r.nameEn || ''} ?disabled=${disabled} maxlength="100"
                  help-text=${fieldError(e, 'nameEn')} class=${invalidClass(e, 'nameEn')}></sl-input>
                <sl-select name="permissions" label=${t('roles.permissions')} required multiple clearable hoist max-options-visible="6"
                  .value=${guard([this.openSeq], () => r.permissions || [])} ?disabled=${disabled}
                  class=${`ql-span-2 ${e && e.fields && e.fields.permissions ? 'ql-invalid' : ''}`} help-text=${fieldError(e, 'permissions')}>
                  <small>${t('roles.platformPermissions')}</small>
                  ${group('platform').map((c) => html`<sl-option value=${c.value}>${this.permissionLabel(c.value)}</sl-option>`)}
                  ${group('module').length
                    ? html`<sl-divider></sl-divider><small>${t('roles.modulePermissions')}</small>
                        ${group('module').map((c) => html`<sl-option value=${c.value}>${this.permissionLabel(c.value)}</sl-option>`)}`
                    : ''}
                </sl-select>
              </div>
              <button type="submit" hidden></button>
            </form>`,
          )
        : ''}
      <sl-button slot="footer" @click=${() => this.querySelector('sl-dialog[data-dialog="role"]').hide()}>${disabled ? t('action.close') : t('action.cancel')}</sl-button>
      ${disabled
        ? ''
        : html`<sl-button slot="footer" variant="primary" data-action="save-role" ?loading=${this.busy}
            @click=${() => this.querySelector('form[data-form="role"]').requestSubmit()}>${creating ? t('action.create') : t('action.save')}</sl-button>`}
    </sl-dialog>`;
  }

  render() {
    return html`<div class="ql-page" data-page="admin-roles">
      <div class="ql-page-header">
        <h2>${t('nav.roles')}</h2>
        ${this.writable
          ? html`<sl-button variant="primary" data-action="create-role" @click=${() => this.openEdit(null)}>
              <sl-icon slot="prefix" name="plus-lg"></sl-icon>${t('roles.create')}</sl-button>`
          : ''}
      </div>
      <div class="ql-grid" data-grid="roles"></div>
      ${this.renderDialog()}
    </div>`;
  }
}
customElements.define('ql-admin-roles', QlAdminRoles);
