// A record's page in a module (a problem of the ledger, a talk): the record loaded by its id, the
// way back to its list, the bar of the transitions the server allows now, the rows of its field
// list and its timeline. Modules import it as `qinglian/record.js`; the classes it renders are
// portal.css's `ql-detail-*` and `ql-timeline*`.
import { html } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { getOrNull, request } from './api.js';
import { formatDateTime } from './i18n.js';
import { ModulePage } from './module.js';
import { submitForm, toast, toastError } from './ui.js';

/**
 * A record's page: its `recordPath` (below /api/v1) is loaded on connect and by `load()` into
 * `detail`, null until then; `missing` when the server does not answer it (out of the user's
 * scope, or gone) or the call failed (a toast says why). Its transition dialog
 * (`sl-dialog[data-dialog="transition"]`) makes the transition `action` with `makeTransition`.
 */
export class RecordPage extends ModulePage {
  static properties = {
    detail: { state: true },
    missing: { state: true },
    action: { state: true },
    transitionErrors: { state: true },
    transitionBusy: { state: true },
  };

  constructor() {
    super();
    this.detail = null;
    this.missing = false;
  }

  connectedCallback() {
    super.connectedCallback();
    this.load();
  }

  async load() {
    try {
      const detail = await getOrNull(this.recordPath);
      this.missing = !detail;
      this.detail = detail;
    } catch (e) {
      toastError(e);
      this.missing = true;
    }
  }

  /**
   * Makes a transition: POSTs `body` (the action and the fields it asks for) to `path` with the
   * record's `version` and shows the answer (the record's detail again); the transition dialog
   * closes, a toast says `done`, and the shell hears that its summaries (badges, cards) changed.
   * `errors` of the browser-side checks are shown instead; a failure is the dialog's
   * `transitionErrors`, a 412 (changed meanwhile) says `stale` and loads the record again.
   */
  makeTransition(path, body, errors, { version, done, stale }) {
    return submitForm(
      this,
      errors,
      async () => {
        this.detail = await request(path, { method: 'POST', body, version });
        this.querySelector('sl-dialog[data-dialog="transition"]').hide();
        toast(done, 'success');
        window.dispatchEvent(new CustomEvent('ql-summary-changed'));
      },
      {
        errors: 'transitionErrors',
        busy: 'transitionBusy',
        stale: () => {
          this.load();
          return stale;
        },
      },
    );
  }

  /**
   * What the page shows until its record is there, or null once it is: the way `back` and the
   * `missing` text when it is missing, a spinner while it loads. `page` and `route` are the page's
   * data-page and data-route.
   */
  renderPending({ page, route, back, missing }) {
    if (this.missing) {
      return html`<div class="ql-page" data-page=${page} data-route=${route}>
        <div>${back}</div>
        <div class="ql-panel ql-empty" data-state="missing">${missing}</div>
      </div>`;
    }
    if (!this.detail) {
      return html`<div class="ql-page" data-page=${page} data-route=${route}><div class="ql-empty"><sl-spinner></sl-spinner></div></div>`;
    }
    return null;
  }
}

/** The way back from a record to its list (`route`, e.g. 'talks/register'), named `label`. */
export function backButton(route, label) {
  return html`<sl-button variant="text" data-action="back" href=${`#/${route}`}>
    <sl-icon slot="prefix" name="arrow-left"></sl-icon>${label}</sl-button>`;
}

/**
 * The bar of a record's transitions: a button for each of `actions` (in that order) that the
 * server allows now (`allowed`, its `allowedActions`), which runs `open(action)`, or the `none`
 * text; `end` (if given) stands at the bar's end. A button shows `label(a)` with the icon `icon[a]` in the
 * variant `variant[a]`, outlined when `outline(a)`, marked `data-testid=buttonTestid(a)` if given.
 */
export function actionBar({ testid, actions, allowed, label, variant, icon, outline = () => false, buttonTestid, none, open, end }) {
  const permitted = new Set(allowed || []);
  const shown = actions.filter((a) => permitted.has(a));
  return html`<div class="ql-detail-actions" data-testid=${testid} data-actions=${shown.join(' ')}>
    ${shown.map(
      (a) => html`<sl-button size="small" variant=${variant[a]} ?outline=${outline(a)} data-action=${a}
        data-testid=${ifDefined(buttonTestid ? buttonTestid(a) : undefined)} @click=${() => open(a)}>
        <sl-icon slot="prefix" name=${icon[a]}></sl-icon>${label(a)}</sl-button>`,
    )}
    ${shown.length === 0 ? html`<span class="ql-muted" data-state="no-actions">${none}</span>` : ''}
    ${end === undefined ? '' : html`<span class="ql-detail-actions-end">${end}</span>`}
  </div>`;
}

/** A row of a record's field list (`dl.ql-detail-list`): its `label`, its value (a dash when empty) marked `data-value=<name>`. */
export function fieldRow(label, value, name) {
  return html`<dt>${label}</dt><dd data-value=${name}>${value || html`<span class="ql-muted">—</span>`}</dd>`;
}

/**
 * A record's timeline panel: its entries (`{action, at, actor, from, to, note}`) oldest first, each
 * with its `label(action)`, when and by whom, the state it left and the one it entered
 * (`stateTag(state)`) and its note; `tone(action)` (success, danger or quiet) colours its dot.
 * `title` and `empty` are the panel's words, `testid` marks the list.
 */
export function timeline(entries, { title, empty, testid, label, stateTag, tone = () => '' }) {
  const sorted = [...(entries || [])].sort((a, b) => String(a.at).localeCompare(String(b.at)));
  return html`<section class="ql-panel" data-section="timeline">
    <div class="ql-detail-title"><h3>${title}</h3></div>
    ${sorted.length === 0
      ? html`<div class="ql-empty">${empty}</div>`
      : html`<ol class="ql-timeline" data-testid=${testid}>
          ${sorted.map((e) => {
            const dot = tone(e.action);
            return html`<li data-timeline-action=${e.action} class=${dot ? `ql-timeline-${dot}` : ''}>
              <div class="ql-timeline-head">
                <strong>${label(e.action)}</strong>
                <span class="ql-muted">${formatDateTime(e.at)}</span>
              </div>
              <div class="ql-timeline-meta">
                <span>${e.actor || ''}</span>
                ${e.from || e.to
                  ? html`<span class="ql-timeline-states">
                      ${e.from ? stateTag(e.from) : ''}${e.from && e.to ? html`<sl-icon name="arrow-right"></sl-icon>` : ''}${e.to ? stateTag(e.to) : ''}
                    </span>`
                  : ''}
              </div>
              ${e.note ? html`<div class="ql-note">${e.note}</div>` : ''}
            </li>`;
          })}
        </ol>`}
  </section>`;
}
