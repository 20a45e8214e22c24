// Small shared pieces of the portal's pages: toasts, confirmations, form errors, permissions,
// the unit tree. Modules may import it as `qinglian/ui.js`.
import { LitElement, html } from 'lit';
import { classMap } from 'lit/directives/class-map.js';
import { get } from './api.js';
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
  return Object.keys(fields).length ? { detail: t('validation.fixFields'), fields } : null;
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

/** `sl-option`s of units, indented by depth (for an `sl-select`). */
export function unitOptions(units) {
  return units.map(
    (u) => html`<sl-option value=${u.id} class=${`ql-depth-${Math.min(u.depth, 8)}`}>${u.name}</sl-option>`,
  );
}

export function unitNames(units) {
  return new Map(units.map((u) => [u.id, u.name]));
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
