// Small shared pieces of the portal's pages: toasts, confirmations, forms and their errors, dialog
// buttons and the dialog that records or edits a record, permissions, options of codes, people and
// units, figures, loads. Modules may import it as `qinglian/ui.js`.
import { LitElement, html } from 'lit';
import { classMap } from 'lit/directives/class-map.js';
import { get, post, put } from './api.js';
import { t } from './i18n.js';

const ALERT_ICONS = { primary: 'info-circle', success: 'check2-circle', warning: 'exclamation-triangle', danger: 'x-octagon', neutral: 'info-circle' };

/** Shows a toast: variant is primary, success, warning, danger or neutral. */
export function toast(message, variant = 'primary', duration = 5000) {
  const alert = document.createElement('sl-alert');
  alert.variant = variant;
  alert.closable = true;
  alert.duration = duration;
  alert.dataset.toast = variant;
  const icon = document.createElement('sl-icon');
  icon.slot = 'icon';
  icon.name = ALERT_ICONS[variant] || ALERT_ICONS.primary;
  alert.append(icon, document.createTextNode(message));
  document.body.append(alert);
  return customElements.whenDefined('sl-alert').then(() => alert.toast());
}

/** A toast for a failed call: the problem's detail (or title). */
export function toastError(error) {
  // an ended session shows the login page with its own message
  if (error && (error.name === 'AbortError' || error.status === 401)) {
    return undefined;
  }
  const problem = error && error.problem;
  const text = (problem && (problem.detail || problem.title)) || (error && error.message) || t('error.unexpected');
  return toast(text, 'danger', 8000);
}

/** Asks for confirmation in a dialog; resolves to true or false. */
export function confirmDialog(message, { label = t('confirm.title'), confirmText = t('action.confirm'), variant = 'danger' } = {}) {
  return new Promise((resolve) => {
    const dialog = document.createElement('sl-dialog');
    dialog.label = label;
    dialog.dataset.dialog = 'confirm';
    const text = document.createElement('p');
    text.textContent = message;
    const cancel = document.createElement('sl-button');
    cancel.slot = 'footer';
    cancel.textContent = t('action.cancel');
    cancel.dataset.action = 'cancel';
    const ok = document.createElement('sl-button');
    ok.slot = 'footer';
    ok.variant = variant;
    ok.textContent = confirmText;
    ok.dataset.action = 'confirm';
    ok.classList.add('ql-footer-button');
    dialog.append(text, cancel, ok);
    let answer = false;
    cancel.addEventListener('click', () => dialog.hide());
    ok.addEventListener('click', () => {
      answer = true;
      dialog.hide();
    });
    dialog.addEventListener('sl-after-hide', (e) => {
      if (e.target === dialog) {
        dialog.remove();
        resolve(answer);
      }
    });
    document.body.append(dialog);
    customElements.whenDefined('sl-dialog').then(() => dialog.show());
  });
}

/** Whether /auth/me's permissions allow `permission` ('*' allows all). */
export function can(me, permission) {
  const granted = (me && me.permissions) || [];
  return !permission || granted.includes('*') || granted.includes(permission);
}

/**
 * Form errors as a page keeps them: `{ detail, fields: { name: message } }`. From browser checks
 * (`requiredErrors`) or from a failed call (`problemErrors`).
 */
export function problemErrors(error) {
  const problem = (error && error.problem) || {};
  return { detail: problem.detail || problem.title || (error && error.message) || t('error.unexpected'), fields: { ...((error && error.fieldErrors) || {}) } };
}

/** Browser-side checks: each name in `required` must have a non-blank value in `values`. */
export function requiredErrors(values, required) {
  const fields = {};
  for (const name of required) {
    const v = values[name];
    if (v === undefined || v === null || (typeof v === 'string' && v.trim() === '') || (Array.isArray(v) && v.length === 0)) {
      fields[name] = t('validation.required');
    }
  }
  return formErrors(fields);
}

/** The form errors of browser-side checks' field messages (`{ name: message }`), or null when there are none. */
export function formErrors(fields) {
  return Object.keys(fields).length ? { detail: t('validation.fixFields'), fields } : null;
}

/**
 * Sends a form the way the portal's dialogs do. With `errors` (the browser-side checks) it only
 * shows them; else, unless the host is busy already, it runs `send` with the host busy, and a
 * failure becomes the host's errors; a 412 (the record changed meanwhile) says `stale` (a text, or
 * a function that returns it, e.g. after reloading the record). Options name the host's
 * properties: `errors` ('errors') and `busy` ('busy'). Resolves to what `send` resolved to.
 */
export async function submitForm(host, errors, send, { errors: errorsProperty = 'errors', busy = 'busy', stale } = {}) {
  host[errorsProperty] = errors;
  if (errors || host[busy]) {
    return undefined;
  }
  host[busy] = true;
  try {
    return await send();
  } catch (error) {
    const shown = problemErrors(error);
    if (error && error.status === 412) {
      shown.detail = typeof stale === 'function' ? stale() : stale || t('error.stale');
    }
    host[errorsProperty] = shown;
    return undefined;
  } finally {
    host[busy] = false;
  }
}

/** The help text and class binding of a field with a possible error. */
export function fieldError(errors, name) {
  return (errors && errors.fields && errors.fields[name]) || '';
}

export function invalidClass(errors, name) {
  return classMap({ 'ql-invalid': !!fieldError(errors, name) });
}

/**
 * The form-level error text (the problem's detail) as an inline alert, or nothing. Field messages
 * of fields not in `shownFields` (the names the form shows next to a control) are listed here.
 */
export function formAlert(errors, shownFields = []) {
  if (!errors || !errors.detail) {
    return '';
  }
  const others = Object.entries(errors.fields || {}).filter(([name]) => !shownFields.includes(name));
  return html`<sl-alert variant="danger" open class="ql-form-alert" data-form-error>
    <sl-icon slot="icon" name="exclamation-triangle"></sl-icon>
    <div>${errors.detail}</div>
    ${others.map(([, message]) => html`<div>${message}</div>`)}
  </sl-alert>`;
}

/**
 * A dialog's footer buttons: Cancel, which closes the dialog, and the confirming button (`action`
 * its data-action, `label` its text, `icon` a prefix icon), which submits the dialog's form
 * `form[data-form="<form>"]` or, without `form`, runs `onConfirm`; it spins while `busy`.
 */
export function dialogButtons({ action, label, form, onConfirm, busy = false, variant = 'primary', icon }) {
  const confirm = (e) => {
    if (form) {
      e.currentTarget.closest('sl-dialog').querySelector(`form[data-form="${form}"]`).requestSubmit();
    } else {
      onConfirm(e);
    }
  };
  return html`<sl-button slot="footer" data-action="cancel" @click=${(e) => e.currentTarget.closest('sl-dialog').hide()}>${t('action.cancel')}</sl-button>
    <sl-button slot="footer" variant=${variant} data-action=${action} ?loading=${busy} @click=${confirm}>
      ${icon ? html`<sl-icon slot="prefix" name=${icon}></sl-icon>` : ''}${label}</sl-button>`;
}

/** Values of a Lit form's Shoelace controls (those with a name), read from the host elements. */
export function formValues(root) {
  const values = {};
  for (const el of root.querySelectorAll('[name]')) {
    if (el.closest('[data-ignore]')) {
      continue;
    }
    const tag = el.tagName.toLowerCase();
    if (tag === 'sl-checkbox' || tag === 'sl-switch') {
      values[el.name] = el.checked;
    } else if (tag.startsWith('sl-') || tag === 'input' || tag === 'select' || tag === 'textarea') {
      values[el.getAttribute('name')] = el.value;
    }
  }
  return values;
}

/**
 * The filters of a list page's toolbar form: the values of the controls `names` that are not
 * blank (trimmed), and each of `flags` whose switch or checkbox is on; the unit filter's
 * `subordinates` counts only with a unit (`unitId`).
 */
export function toolbarFilters(form, names, flags = []) {
  const filters = {};
  for (const name of names) {
    const el = form.querySelector(`[name="${name}"]`);
    const value = el && typeof el.value === 'string' ? el.value.trim() : el && el.value;
    if (value) {
      filters[name] = value;
    }
  }
  for (const flag of flags) {
    const el = form.querySelector(`[name="${flag}"]`);
    if (el && el.checked && (flag !== 'subordinates' || filters.unitId)) {
      filters[flag] = true;
    }
  }
  return filters;
}

/** Null for blank text, the trimmed text otherwise. */
export function blankToNull(value) {
  if (value === undefined || value === null) {
    return null;
  }
  const s = String(value).trim();
  return s === '' ? null : s;
}

/** Today as an ISO calendar date in local time. */
export function today() {
  const d = new Date();
  const pad = (n) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

// ---- the unit tree, shared by the pages that pick units -------------------------------------

let treePromise = null;

/** `GET /units/tree`, cached until `invalidateUnits()`. */
export function unitTree() {
  if (!treePromise) {
    treePromise = get('/units/tree').catch((e) => {
      treePromise = null;
      throw e;
    });
  }
  return treePromise;
}

export function invalidateUnits() {
  treePromise = null;
}

/** The tree in display order as `[{id, name, kind, level, depth, parentId}]`. */
export function flattenUnits(tree, depth = 0, parentId = null, out = []) {
  for (const node of tree || []) {
    out.push({ id: node.id, name: node.name, kind: node.kind, level: node.level, depth, parentId });
    flattenUnits(node.children, depth + 1, node.id, out);
  }
  return out;
}

/** `sl-option`s of a plain code list, each with its label (`labelOf(code)`). */
export function codeOptions(codes, labelOf) {
  return codes.map((c) => html`<sl-option value=${c}>${labelOf(c)}</sl-option>`);
}

/** `sl-option`s of people (roster entries), each with the flag `flagOf(person)` says (a role), if any, beside the name. */
export function peopleOptions(people, flagOf = () => '') {
  return people.map((p) => {
    const flag = flagOf(p);
    return html`<sl-option value=${p.id}>${p.name}${flag ? html`<span class="ql-person-flag">${flag}</span>` : ''}</sl-option>`;
  });
}

/** `sl-option`s of units, indented by depth (for an `sl-select`). */
export function unitOptions(units) {
  return units.map(
    (u) => html`<sl-option value=${u.id} class=${`ql-depth-${Math.min(u.depth, 8)}`}>${u.name}</sl-option>`,
  );
}

export function unitNames(units) {
  return new Map(units.map((u) => [u.id, u.name]));
}

/** The user's own unit when it is among `units`, else `fallback` (nothing by default). */
export function ownUnit(me, units, fallback = '') {
  return me && me.unit && units.some((u) => u.id === me.unit.id) ? me.unit.id : fallback;
}

/** Dictionary items (`GET /dictionaries/{code}/items`) as a code → label map and a list. */
export async function dictionary(code) {
  const items = await get(`/dictionaries/${encodeURIComponent(code)}/items`);
  return items.filter((i) => i.active !== false).sort((a, b) => (a.sortOrder ?? 0) - (b.sortOrder ?? 0));
}

/** A Lit element that renders into its own light DOM, so the page's CSS (portal.css, Tabulator's) applies and tests find its parts with plain selectors. */
export class LightElement extends LitElement {
  createRenderRoot() {
    return this;
  }
}

/**
 * The dialog element that records a new record or edits one. `editing` is the record (with `id`
 * and `version` once it exists), `errors` and `busy` its form's state (see submitForm); `openSeq`
 * keys the form, so that each opening renders it anew. `save()` sends what `readForm()` reads
 * (`{ body, errors }`) with `send(body, editing)`: by default a PUT of `<collection>/<id>` with the
 * record's version, or a POST to `collection` for a new one. Then the dialog closes and the element
 * fires its `static saved.event` with `{ [saved.name]: saved record, created }`. A subclass names
 * its sl-dialog (`static dialog`, its data-dialog).
 */
export class FormDialog extends LightElement {
  static properties = {
    editing: { state: true },
    errors: { state: true },
    busy: { state: true },
  };

  constructor() {
    super();
    this.editing = null;
    this.openSeq = 0;
  }

  get dialog() {
    return this.querySelector(`sl-dialog[data-dialog="${this.constructor.dialog}"]`);
  }

  send(body, editing) {
    return editing.id ? put(`${this.collection}/${encodeURIComponent(editing.id)}`, body, editing.version) : post(this.collection, body);
  }

  async save(e) {
    e?.preventDefault();
    const { body, errors } = this.readForm();
    await submitForm(this, errors, async () => {
      const editing = this.editing;
      const saved = await this.send(body, editing);
      this.dialog.hide();
      const { event, name } = this.constructor.saved;
      this.dispatchEvent(new CustomEvent(event, { detail: { [name]: saved, created: !editing.id }, bubbles: true, composed: true }));
    });
  }
}

// ---- pages' figures and loads ------------------------------------------------------------------

/** One figure of a figures panel: `value` (formatted), its `label`, its level (success, warning, danger) colouring it. */
export function figure(name, value, label, level) {
  return html`<div class="ql-figure" data-figure=${name}>
    <span class=${classMap({ 'ql-figure-value': true, [level || 'neutral']: !!level })}>${value}</span>
    <span class="ql-figure-label">${label}</span>
  </div>`;
}

/**
 * A loader whose answers count only while no newer load has started (filters change faster than
 * answers come): `const load = latestLoader(this); load(() => get(…), (answer) => (this.stats = answer));`.
 * `host[flag]` ('loading') is true while the newest load runs; a failure is a toast.
 */
export function latestLoader(host, flag = 'loading') {
  let seq = 0;
  return async (fetch, apply) => {
    const mine = ++seq;
    host[flag] = true;
    try {
      const answer = await fetch();
      if (mine === seq) {
        apply(answer);
      }
    } catch (e) {
      toastError(e);
    } finally {
      if (mine === seq) {
        host[flag] = false;
      }
    }
  };
}
