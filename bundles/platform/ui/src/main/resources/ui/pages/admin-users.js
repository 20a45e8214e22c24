// Users (用户管理): search by text and unit; create with roles, unit and an initial password; edit;
// disable, enable, unlock; reset the password.
import { html } from 'lit';
import { guard } from 'lit/directives/guard.js';
import { keyed } from 'lit/directives/keyed.js';
import { get, post, put } from '../api.js';
import { actionButton, cellGroup, createGrid, nodeFormatter, tag } from '../grid.js';
import { formatDateTime, localized, t } from '../i18n.js';
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
  unitOptions,
  unitTree,
} from '../ui.js';

const USER_FIELDS = ['username', 'displayName', 'unitId', 'personId', 'roles', 'password', 'confirmPassword'];

function passwordErrors(values) {
  let errors = requiredErrors(values, ['password', 'confirmPassword']);
  if (!errors && (values.password.length < 8 || values.password.length > 128)) {
    errors = { detail: t('validation.fixFields'), fields: { password: t('password.length') } };
  }
  if (!errors && values.password !== values.confirmPassword) {
    errors = { detail: t('validation.fixFields'), fields: { confirmPassword: t('password.mismatch') } };
  }
  return errors;
}

class QlAdminUsers extends LightElement {
  static properties = {
    units: { state: true },
    roles: { state: true },
    people: { state: true },
    editing: { state: true },
    errors: { state: true },
    resetting: { state: true },
    resetErrors: { state: true },
    busy: { state: true },
  };

  constructor() {
    super();
    this.units = [];
    this.roles = [];
    this.people = [];
    this.filters = {};
    this.editing = null;
    this.resetting = null;
  }

  get writable() {
    return can(this.me, 'platform:users-write');
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
    const [tree, roles] = await Promise.all([
      unitTree().catch((e) => (toastError(e), [])),
      can(this.me, 'platform:roles-read') ? get('/roles').catch((e) => (toastError(e), [])) : Promise.resolve([]),
    ]);
    this.units = flattenUnits(tree);
    this.unitNames = new Map(this.units.map((u) => [u.id, u.name]));
    this.roles = roles;
    this.roleNames = new Map(roles.map((r) => [r.code, localized(r)]));
    this.grid?.ready.then(() => this.grid.table.redraw(true));
  }

  firstUpdated() {
    const w = this.writable;
    this.grid = createGrid(this.querySelector('[data-grid="users"]'), {
      path: '/users',
      params: () => this.filters,
      initialSort: [{ column: 'username', dir: 'asc' }],
      columns: [
        { title: t('users.username'), field: 'username', headerSort: true, minWidth: 100 },
        { title: t('users.displayName'), field: 'displayName', headerSort: true, minWidth: 90 },
        { title: t('users.unit'), field: 'unitId', minWidth: 120, formatter: (c) => (c.getValue() ? (this.unitNames && this.unitNames.get(c.getValue())) || '' : t('header.wholeDeployment')) },
        {
          title: t('users.roles'),
          field: 'roles',
          minWidth: 110,
          formatter: (c) => (c.getValue() || []).map((code) => (this.roleNames && this.roleNames.get(code)) || code).join(t('list.separator')),
        },
        { title: t('users.state'), field: 'disabled', minWidth: 100, formatter: nodeFormatter((row) => this.stateTags(row)) },
        { title: t('users.lastLogin'), field: 'lastLoginAt', headerSort: true, minWidth: 150, formatter: (c) => formatDateTime(c.getValue()) },
        {
          title: t('grid.actions'),
          field: 'id',
          width: w ? 270 : 90,
          formatter: nodeFormatter((row) => this.actions(row)),
        },
      ],
    });
  }

  locked(row) {
    return row.lockedUntil && new Date(row.lockedUntil) > new Date();
  }

  stateTags(row) {
    const span = document.createElement('span');
    span.className = 'ql-cell-actions';
    if (row.disabled) {
      span.append(tag(t('users.disabled'), 'neutral'));
    } else if (this.locked(row)) {
      span.append(tag(t('users.locked'), 'danger'));
    } else {
      span.append(tag(t('users.active'), 'success'));
    }
    if (row.mustChangePassword) {
      span.append(tag(t('users.mustChange'), 'warning'));
    }
    return span;
  }

  actions(row) {
    if (!this.writable) {
      return actionButton(t('action.open'), () => this.openEdit(row), { action: 'edit-user' });
    }
    return cellGroup(
      actionButton(t('action.edit'), () => this.openEdit(row), { action: 'edit-user' }),
      row.disabled
        ? actionButton(t('users.enable'), () => this.command(row, 'enable'), { action: 'enable-user' })
        : actionButton(t('users.disable'), () => this.command(row, 'disable'), { action: 'disable-user', variant: 'warning' }),
      this.locked(row) ? actionButton(t('users.unlock'), () => this.command(row, 'unlock'), { action: 'unlock-user' }) : null,
      actionButton(t('users.resetPassword'), () => this.openReset(row), { action: 'reset-password' }),
    );
  }

  async command(row, command) {
    if (command === 'disable' && !(await confirmDialog(t('users.confirmDisable', row.username), { variant: 'warning' }))) {
      return;
    }
    try {
      await post(`/users/${encodeURIComponent(row.id)}/${command}`);
      toast(t(`users.${command}Done`, row.username), 'success');
      this.grid.refresh();
    } catch (e) {
      toastError(e);
    }
  }

  search(e) {
    e?.preventDefault();
    const form = this.querySelector('form[data-form="users-filter"]');
    this.filters = {
      q: form.querySelector('[name="q"]').value.trim() || undefined,
      unitId: form.querySelector('[name="unitId"]').value || undefined,
    };
    this.grid.reload();
  }

  // ---- create / edit ----

  async openEdit(row) {
    this.errors = null;
    try {
      this.editing = row ? await get(`/users/${encodeURIComponent(row.id)}`) : { roles: [] };
      this.openSeq = (this.openSeq || 0) + 1;
      await this.loadPeople(this.editing.unitId);
      await this.updateComplete;
      this.querySelector('sl-dialog[data-dialog="user"]').show();
    } catch (e) {
      toastError(e);
    }
  }

  async loadPeople(unitId) {
    if (!unitId || !can(this.me, 'platform:people-read')) {
      this.people = [];
      return;
    }
    try {
      const page = await get('/people', { unitId, size: 200, sort: 'name' });
      this.people = page.items;
    } catch (e) {
      this.people = [];
      toastError(e);
    }
  }

  onUnitChange(e) {
    this.loadPeople(e.target.value);
    const person = this.querySelector('form[data-form="user"] [name="personId"]');
    if (person) {
      person.value = '';
    }
  }

  async save(e) {
    e?.preventDefault();
    const form = this.querySelector('form[data-form="user"]');
    const value = (name) => form.querySelector(`[name="${name}"]`)?.value;
    const creating = !this.editing.id;
    const values = {
      username: value('username') || '',
      displayName: value('displayName') || '',
      unitId: value('unitId') || '',
      personId: value('personId') || '',
      roles: value('roles') || [],
      password: value('password') || '',
      confirmPassword: value('confirmPassword') || '',
    };
    let errors = requiredErrors(values, creating ? ['username', 'roles'] : ['roles']);
    if (!errors && creating) {
      errors = passwordErrors(values);
    }
    this.errors = errors;
    if (errors) {
      return;
    }
    const body = {
      ...(creating ? {} : this.editing),
      username: creating ? values.username.trim() : this.editing.username,
      displayName: blankToNull(values.displayName),
      unitId: values.unitId || null,
      personId: values.personId || null,
      roles: values.roles,
    };
    if (creating) {
      body.password = values.password;
    } else {
      delete body.password;
    }
    this.busy = true;
    try {
      const saved = creating ? await post('/users', body) : await put(`/users/${encodeURIComponent(body.id)}`, body, body.version);
      this.querySelector('sl-dialog[data-dialog="user"]').hide();
      toast(t(creating ? 'users.created' : 'users.saved', saved.username), 'success');
      creating ? this.grid.reload() : this.grid.refresh();
    } catch (error) {
      this.errors = problemErrors(error);
      if (error.status === 412) {
        this.errors.detail = t('error.stale');
      }
    } finally {
      this.busy = false;
    }
  }

  // ---- reset password ----

  async openReset(row) {
    this.resetting = row;
    this.resetErrors = null;
    this.resetSeq = (this.resetSeq || 0) + 1;
    await this.updateComplete;
    this.querySelector('sl-dialog[data-dialog="reset-password"]').show();
  }

  async reset(e) {
    e?.preventDefault();
    const form = this.querySelector('form[data-form="reset-password"]');
    const values = {
      password: form.querySelector('[name="password"]').value,
      confirmPassword: form.querySelector('[name="confirmPassword"]').value,
    };
    this.resetErrors = passwordErrors(values);
    if (this.resetErrors) {
      return;
    }
    try {
      await post(`/users/${encodeURIComponent(this.resetting.id)}/password`, { password: values.password });
      this.querySelector('sl-dialog[data-dialog="reset-password"]').hide();
      toast(t('users.passwordReset', this.resetting.username), 'success');
      this.grid.refresh();
    } catch (error) {
      this.resetErrors = problemErrors(error);
    }
  }

  // ---- rendering ----

  renderUserDialog() {
    const u = this.editing;
    const e = this.errors;
    const creating = u && !u.id;
    const disabled = !this.writable;
    const roleOptions = [...this.roles];
    for (const code of (u && u.roles) || []) {
      if (!roleOptions.some((r) => r.code === code)) {
        roleOptions.push({ code, nameZh: code, nameEn: code });
      }
    }
    return html`<sl-dialog data-dialog="user" class="ql-dialog-medium" label=${creating ? t('users.create') : t('users.edit')}>
      ${u
        ? keyed(
            this.openSeq,
            html`<form novalidate class="ql-form" data-form="user" @submit=${this.save}>
              ${formAlert(e, USER_FIELDS)}
              <div class="ql-form-grid">
                <sl-input name="username" label=${t('users.username')} required .value=${u.username || ''} ?disabled=${!creating}
                  maxlength="64" autocomplete="off" help-text=${fieldError(e, 'username')} class=${invalidClass(e, 'username')}></sl-input>
                <sl-input name="displayName" label=${t('users.displayName')} .value=${u.displayName || ''} ?disabled=${disabled}
                  maxlength="100" help-text=${fieldError(e, 'displayName')} class=${invalidClass(e, 'displayName')}></sl-input>
                <sl-select name="unitId" label=${t('users.unit')} .value=${u.unitId || ''} clearable hoist ?disabled=${disabled}
                  placeholder=${t('header.wholeDeployment')} @sl-change=${this.onUnitChange}
                  help-text=${fieldError(e, 'unitId')} class=${invalidClass(e, 'unitId')}>${unitOptions(this.units)}</sl-select>
                <sl-select name="personId" label=${t('users.person')} .value=${u.personId || ''} clearable hoist ?disabled=${disabled}
                  placeholder=${t('users.noPerson')} help-text=${fieldError(e, 'personId')} class=${invalidClass(e, 'personId')}>
                  ${this.people.map((p) => html`<sl-option value=${p.id}>${p.name}</sl-option>`)}
                </sl-select>
                <sl-select name="roles" label=${t('users.roles')} required multiple clearable hoist max-options-visible="4"
                  .value=${guard([this.openSeq], () => u.roles || [])} ?disabled=${disabled} class=${`ql-span-2 ${e && e.fields && e.fields.roles ? 'ql-invalid' : ''}`}
                  help-text=${fieldError(e, 'roles')}>
                  ${roleOptions.map((r) => html`<sl-option value=${r.code}>${localized(r)}</sl-option>`)}
                </sl-select>
                ${creating
                  ? html`<sl-input name="password" type="password" label=${t('users.initialPassword')} required password-toggle autocomplete="new-password"
                        help-text=${fieldError(e, 'password') || t('users.initialPasswordHint')} class=${invalidClass(e, 'password')}></sl-input>
                      <sl-input name="confirmPassword" type="password" label=${t('password.confirm')} required password-toggle autocomplete="new-password"
                        help-text=${fieldError(e, 'confirmPassword')} class=${invalidClass(e, 'confirmPassword')}></sl-input>`
                  : ''}
              </div>
              <button type="submit" hidden></button>
            </form>`,
          )
        : ''}
      <sl-button slot="footer" @click=${() => this.querySelector('sl-dialog[data-dialog="user"]').hide()}>${disabled ? t('action.close') : t('action.cancel')}</sl-button>
      ${disabled
        ? ''
        : html`<sl-button slot="footer" variant="primary" data-action="save-user" ?loading=${this.busy}
            @click=${() => this.querySelector('form[data-form="user"]').requestSubmit()}>${creating ? t('action.create') : t('action.save')}</sl-button>`}
    </sl-dialog>`;
  }

  renderResetDialog() {
    const e = this.resetErrors;
    return html`<sl-dialog data-dialog="reset-password" class="ql-dialog-narrow"
      label=${this.resetting ? t('users.resetPasswordOf', this.resetting.username) : t('users.resetPassword')}>
      ${keyed(
        this.resetSeq || 0,
        html`<form novalidate class="ql-form" data-form="reset-password" @submit=${this.reset}>
          ${formAlert(e, ['password', 'confirmPassword'])}
          <sl-input name="password" type="password" label=${t('password.new')} required password-toggle autocomplete="new-password"
            help-text=${fieldError(e, 'password') || t('users.resetHint')} class=${invalidClass(e, 'password')}></sl-input>
          <sl-input name="confirmPassword" type="password" label=${t('password.confirm')} required password-toggle autocomplete="new-password"
            help-text=${fieldError(e, 'confirmPassword')} class=${invalidClass(e, 'confirmPassword')}></sl-input>
          <button type="submit" hidden></button>
        </form>`,
      )}
      <sl-button slot="footer" @click=${() => this.querySelector('sl-dialog[data-dialog="reset-password"]').hide()}>${t('action.cancel')}</sl-button>
      <sl-button slot="footer" variant="primary" data-action="confirm-reset-password"
        @click=${() => this.querySelector('form[data-form="reset-password"]').requestSubmit()}>${t('users.resetPassword')}</sl-button>
    </sl-dialog>`;
  }

  render() {
    return html`<div class="ql-page" data-page="admin-users">
      <div class="ql-page-header">
        <h2>${t('nav.users')}</h2>
        ${this.writable
          ? html`<sl-button variant="primary" data-action="create-user" @click=${() => this.openEdit(null)}>
              <sl-icon slot="prefix" name="plus-lg"></sl-icon>${t('users.create')}</sl-button>`
          : ''}
      </div>
      <form class="ql-toolbar" data-form="users-filter" novalidate @submit=${this.search}>
        <sl-input name="q" label=${t('users.search')} clearable></sl-input>
        <sl-select name="unitId" label=${t('users.unit')} clearable hoist class="ql-wide" placeholder=${t('filter.all')}>${unitOptions(this.units)}</sl-select>
        <div class="ql-toolbar-end">
          <sl-button type="submit" variant="primary" data-action="search"><sl-icon slot="prefix" name="search"></sl-icon>${t('action.search')}</sl-button>
        </div>
      </form>
      <div class="ql-grid" data-grid="users"></div>
      ${this.renderUserDialog()} ${this.renderResetDialog()}
    </div>`;
  }
}
customElements.define('ql-admin-users', QlAdminUsers);
