// One problem of the ledger: its fields, measures, progress reports with their evidence, its
// timeline, the transitions the user may make now (the server's `allowedActions`), the progress
// report form with evidence upload, and adding or editing measures.
import { html } from 'lit';
import { keyed } from 'lit/directives/keyed.js';
import { post } from 'qinglian/api.js';
import { attachmentHref, formatSize, uploadFiles } from 'qinglian/files.js';
import { formatDate, formatDateTime, t } from 'qinglian/i18n.js';
import { loadUnits } from 'qinglian/module.js';
import { RecordPage, actionBar, backButton, fieldRow, timeline } from 'qinglian/record.js';
import { can, dialogButtons, fieldError, formAlert, formErrors, invalidClass, problemErrors, toast, toastError } from 'qinglian/ui.js';
import {
  ACTIONS,
  BASE,
  EVIDENCE_REQUIRED,
  NOTE_REQUIRED,
  PERM,
  actionLabel,
  dueClass,
  loadCategories,
  loadInspections,
  overdueBadge,
  severityTag,
  statusTag,
  timelineLabel,
} from './common.js';
import './measure-dialog.js';
import './problem-dialog.js';

const ACTION_VARIANT = {
  START: 'primary',
  REQUEST_CLOSURE: 'primary',
  REJECT: 'danger',
  CLOSE: 'success',
  LONG_TERM: 'neutral',
  RECHECK: 'default',
  REOPEN: 'warning',
};

const ACTION_ICON = {
  START: 'play-circle',
  REQUEST_CLOSURE: 'send-check',
  REJECT: 'arrow-counterclockwise',
  CLOSE: 'patch-check',
  LONG_TERM: 'infinity',
  RECHECK: 'binoculars',
  REOPEN: 'exclamation-octagon',
};

/** The colour of a timeline entry's dot: closing and rechecking succeed, rejecting and reopening do not, the rest is work. */
const TIMELINE_TONE = {
  CLOSE: 'success',
  RECHECK: 'success',
  REJECT: 'danger',
  REOPEN: 'danger',
  PROGRESS: 'quiet',
  MEASURE: 'quiet',
  EDIT: 'quiet',
};

/** The first `n` characters of a text, with an ellipsis when cut. */
function shorten(text, n) {
  const s = String(text || '');
  return s.length > n ? `${s.slice(0, n)}\u2026` : s;
}

class QlRectProblem extends RecordPage {
  static properties = {
    problemId: { attribute: false },
    files: { state: true },
    progressMeasure: { state: true },
    progressErrors: { state: true },
    progressBusy: { state: true },
    units: { state: true },
    categories: { state: true },
    inspections: { state: true },
  };

  constructor() {
    super();
    this.files = [];
    this.progressMeasure = '';
    this.formSeq = 0;
    this.units = [];
    this.categories = [];
    this.inspections = [];
  }

  get recordPath() {
    return `${BASE}/problems/${encodeURIComponent(this.problemId)}`;
  }

  get problem() {
    return this.detail && this.detail.problem;
  }

  // ---- transitions ----

  openTransition(action) {
    this.action = action;
    this.transitionErrors = null;
    const dialog = this.querySelector('sl-dialog[data-dialog="transition"]');
    const note = dialog.querySelector('[name="note"]');
    note.value = '';
    dialog.show();
  }

  get hasEvidence() {
    return ((this.detail && this.detail.progress) || []).some((p) => (p.attachments || []).length > 0);
  }

  async transition(e) {
    e?.preventDefault();
    const dialog = this.querySelector('sl-dialog[data-dialog="transition"]');
    const note = String(dialog.querySelector('[name="note"]').value || '').trim();
    const action = this.action;
    const errors = NOTE_REQUIRED.has(action) && !note ? formErrors({ note: t('rectification.transition.noteRequired') }) : null;
    const p = this.problem;
    await this.makeTransition(`${BASE}/problems/${encodeURIComponent(p.id)}/transitions`, { action, note: note || null }, errors, {
      version: p.version,
      done: t('rectification.transition.done', actionLabel(action)),
      stale: t('rectification.transition.stale'),
    });
  }

  // ---- editing ----

  async loadEditReferences() {
    if (this.units.length) {
      return;
    }
    const [units, categories, inspections] = await Promise.all([
      loadUnits(),
      loadCategories().catch((e) => (toastError(e), [])),
      loadInspections().catch((e) => (toastError(e), [])),
    ]);
    this.units = units;
    this.categories = categories;
    this.inspections = inspections;
    await this.updateComplete;
  }

  async editProblem() {
    await this.loadEditReferences();
    this.querySelector('ql-rect-problem-dialog').open(this.problem);
  }

  onProblemSaved() {
    toast(t('rectification.problem.saved'), 'success');
    this.load();
  }

  openMeasure(measure) {
    this.querySelector('ql-rect-measure-dialog').open(measure || null);
  }

  onMeasureSaved(e) {
    toast(t(e.detail.created ? 'rectification.measure.added' : 'rectification.measure.saved'), 'success');
    this.load();
  }

  // ---- progress ----

  onFilesPicked(e) {
    this.files = [...(e.target.files || [])];
  }

  removeFile(index) {
    this.files = this.files.filter((_, i) => i !== index);
  }

  async report(e) {
    e?.preventDefault();
    const form = this.querySelector('form[data-form="progress"]');
    const text = String(form.querySelector('[name="text"]').value || '').trim();
    const measureId = form.querySelector('[name="measureId"]').value || null;
    const completesMeasure = !!measureId && form.querySelector('[name="completesMeasure"]').checked;
    if (!text) {
      this.progressErrors = formErrors({ text: t('validation.required') });
      return;
    }
    if (this.progressBusy) {
      return;
    }
    this.progressBusy = true;
    this.progressErrors = null;
    const p = this.problem;
    try {
      const progress = await post(`${BASE}/problems/${encodeURIComponent(p.id)}/progress`, { text, measureId, completesMeasure });
      const failed = await uploadFiles(`${BASE}/progress/${encodeURIComponent(progress.id)}/attachments`, this.files);
      if (failed.length) {
        this.progressErrors = { detail: t('rectification.progress.uploadFailed'), fields: Object.fromEntries(failed.map((f, i) => [`file${i}`, f])) };
      } else {
        toast(t('rectification.progress.reported'), 'success');
      }
      this.files = [];
      this.progressMeasure = '';
      this.formSeq++;
      await this.load();
    } catch (error) {
      this.progressErrors = problemErrors(error);
    } finally {
      this.progressBusy = false;
    }
  }

  // ---- rendering ----

  renderActions() {
    return actionBar({
      testid: 'rectification-actions',
      actions: ACTIONS,
      allowed: this.detail.allowedActions,
      label: actionLabel,
      variant: ACTION_VARIANT,
      icon: ACTION_ICON,
      outline: (a) => a === 'REJECT' || a === 'REOPEN',
      none: t('rectification.transition.none'),
      open: (a) => this.openTransition(a),
    });
  }

  renderFields() {
    const p = this.problem;
    const row = (key, value, field) => fieldRow(t(key), value, field);
    return html`<section class="ql-panel" data-section="fields">
      <div class="ql-rect-description" data-value="description">${p.description}</div>
      <dl class="ql-detail-list ql-detail-fields">
        ${row('rectification.problem.inspection', p.inspectionTitle, 'inspection')}
        ${row('rectification.problem.category', p.categoryLabel || p.category, 'category')}
        ${row('rectification.problem.severity', severityTag(p.severity), 'severity')}
        ${row('rectification.problem.unit', p.unitName, 'unit')}
        ${row('rectification.problem.leader', p.leaderName, 'leader')}
        ${row('rectification.problem.deadline', formatDate(p.deadline), 'deadline')}
        ${row('rectification.problem.measuresDone', t('rectification.problem.measuresDoneValue', p.doneMeasureCount ?? 0, p.measureCount ?? 0), 'measures')}
        ${p.sourceModule ? row('rectification.problem.sourceModule', p.sourceModule, 'sourceModule') : ''}
        ${row('rectification.problem.createdAt', formatDateTime(p.createdAt), 'createdAt')}
        ${row('rectification.problem.updatedAt', formatDateTime(p.updatedAt), 'updatedAt')}
        ${p.closedAt ? row('rectification.problem.closedAt', formatDateTime(p.closedAt), 'closedAt') : ''}
      </dl>
    </section>`;
  }

  measureState(m) {
    if (m.done) {
      return html`<sl-tag size="small" variant="success" data-measure-state="done">${t('rectification.measure.done')}</sl-tag>
        ${m.completedAt ? html`<div class="ql-muted">${formatDate(m.completedAt)}</div>` : ''}`;
    }
    if (m.longTerm) {
      return html`<sl-tag size="small" variant="primary" data-measure-state="long-term">${t('rectification.measure.longTerm')}</sl-tag>`;
    }
    return html`<sl-tag size="small" variant="neutral" data-measure-state="open">${t('rectification.measure.open')}</sl-tag>`;
  }

  renderMeasures() {
    const measures = this.detail.measures || [];
    const writable = can(this.me, PERM.write) && this.problem.status !== 'CLOSED';
    return html`<section class="ql-panel" data-section="measures">
      <div class="ql-detail-title">
        <h3>${t('rectification.measures')}</h3>
        ${writable
          ? html`<sl-button size="small" data-action="add-measure" @click=${() => this.openMeasure(null)}>
              <sl-icon slot="prefix" name="plus-lg"></sl-icon>${t('rectification.measure.add')}</sl-button>`
          : ''}
      </div>
      ${measures.length === 0
        ? html`<div class="ql-empty" data-state="no-measures">${t('rectification.measure.none')}</div>`
        : html`<table class="ql-table ql-rect-measures" data-testid="rectification-measures">
            <thead>
              <tr>
                <th class="ql-rect-col-no">${t('rectification.measure.number')}</th>
                <th>${t('rectification.measure.content')}</th>
                <th>${t('rectification.measure.owner')}</th>
                <th>${t('rectification.measure.deadline')}</th>
                <th>${t('rectification.measure.state')}</th>
                ${writable ? html`<th>${t('grid.actions')}</th>` : ''}
              </tr>
            </thead>
            <tbody>
              ${measures.map(
                (m, i) => html`<tr data-measure-id=${m.id} class=${m.overdue ? 'ql-rect-row-overdue' : ''}>
                  <td class="ql-rect-col-no">${i + 1}</td>
                  <td>
                    <div class="ql-pre">${m.content}</div>
                    ${(m.milestones || []).length
                      ? html`<ul class="ql-rect-milestones">
                          ${m.milestones.map(
                            (s) => html`<li class=${s.done ? 'ql-rect-done' : ''}>
                              <sl-icon name=${s.done ? 'check-circle' : 'circle'}></sl-icon>
                              <span>${s.title}</span>${s.dueDate ? html`<span class="ql-muted">${formatDate(s.dueDate)}</span>` : ''}
                            </li>`,
                          )}
                        </ul>`
                      : ''}
                  </td>
                  <td>${m.ownerName || html`<span class="ql-muted">—</span>`}</td>
                  <td class="ql-nowrap">
                    ${m.longTerm && !m.deadline
                      ? html`<span class="ql-muted">${t('rectification.measure.longTerm')}</span>`
                      : html`<span class=${dueClass(m.overdue)}>${formatDate(m.deadline)}</span>`}
                    ${overdueBadge(m.overdue)}
                  </td>
                  <td>${this.measureState(m)}</td>
                  ${writable
                    ? html`<td><sl-button size="small" data-action="edit-measure" @click=${() => this.openMeasure(m)}>${t('action.edit')}</sl-button></td>`
                    : ''}
                </tr>`,
              )}
            </tbody>
          </table>`}
    </section>`;
  }

  renderProgress() {
    const progress = [...(this.detail.progress || [])].sort((a, b) => String(b.reportedAt).localeCompare(String(a.reportedAt)));
    const measures = this.detail.measures || [];
    const number = new Map(measures.map((m, i) => [m.id, i + 1]));
    return html`<section class="ql-panel" data-section="progress">
      <div class="ql-detail-title"><h3>${t('rectification.progress')}</h3></div>
      ${progress.length === 0
        ? html`<div class="ql-empty" data-state="no-progress">${t('rectification.progress.none')}</div>`
        : html`<ul class="ql-rect-progress" data-testid="rectification-progress">
            ${progress.map(
              (r) => html`<li data-progress-id=${r.id}>
                <div class="ql-rect-progress-head">
                  <strong>${r.reportedBy || ''}</strong>
                  <span class="ql-muted">${formatDateTime(r.reportedAt)}</span>
                  ${r.measureId
                    ? html`<sl-tag size="small" variant="neutral">${t('rectification.progress.forMeasure', number.get(r.measureId) ?? '?')}</sl-tag>`
                    : html`<sl-tag size="small" variant="neutral">${t('rectification.progress.overall')}</sl-tag>`}
                  ${r.completesMeasure ? html`<sl-tag size="small" variant="success">${t('rectification.progress.completes')}</sl-tag>` : ''}
                </div>
                <div class="ql-pre">${r.text}</div>
                ${(r.attachments || []).length
                  ? html`<ul class="ql-attachments">
                      ${r.attachments.map(
                        (a) => html`<li>
                          <sl-icon name="paperclip"></sl-icon>
                          <a href=${attachmentHref(a.id)} download=${a.filename} data-attachment-id=${a.id}>${a.filename}</a>
                          <span class="ql-muted">${formatSize(a.size)}</span>
                        </li>`,
                      )}
                    </ul>`
                  : ''}
              </li>`,
            )}
          </ul>`}
      ${can(this.me, PERM.report) && this.problem.status !== 'CLOSED' ? this.renderProgressForm(measures) : ''}
    </section>`;
  }

  renderProgressForm(measures) {
    const e = this.progressErrors;
    const open = measures.filter((m) => !m.done);
    return keyed(
      this.formSeq,
      html`<form novalidate class="ql-form ql-rect-progress-form" data-form="progress" @submit=${this.report}>
        <div class="ql-section-title"><span>${t('rectification.progress.new')}</span></div>
        ${formAlert(e, ['text', 'measureId', 'completesMeasure'])}
        <sl-textarea name="text" data-field="text" required rows="3" resize="auto" maxlength="4000" label=${t('rectification.progress.text')}
          help-text=${fieldError(e, 'text')} class=${invalidClass(e, 'text')}></sl-textarea>
        <div class="ql-form-grid">
          <sl-select name="measureId" data-field="measureId" clearable hoist label=${t('rectification.progress.measure')}
            placeholder=${t('rectification.progress.overall')} @sl-change=${(ev) => (this.progressMeasure = ev.target.value)}
            help-text=${fieldError(e, 'measureId')} class=${invalidClass(e, 'measureId')}>
            ${open.map(
              (m) => html`<sl-option value=${m.id}>${t('rectification.progress.measureOption', measures.indexOf(m) + 1, shorten(m.content, 40))}</sl-option>`,
            )}
          </sl-select>
          <sl-checkbox name="completesMeasure" data-field="completesMeasure" class="ql-rect-checkbox-field" ?disabled=${!this.progressMeasure}>
            ${t('rectification.progress.completesMeasure')}</sl-checkbox>
        </div>
        <div class="ql-file-row">
          <input type="file" multiple data-input="evidence" data-field="files" class="ql-visually-hidden" tabindex="-1"
            aria-label=${t('rectification.progress.files')} @change=${this.onFilesPicked} />
          <sl-button size="small" data-action="choose-evidence" @click=${() => this.querySelector('input[data-input="evidence"]').click()}>
            <sl-icon slot="prefix" name="paperclip"></sl-icon>${t('rectification.progress.chooseFiles')}</sl-button>
          ${this.files.length
            ? this.files.map(
                (f, i) => html`<sl-tag size="small" removable data-file=${f.name} @sl-remove=${() => this.removeFile(i)}>${f.name}</sl-tag>`,
              )
            : html`<span class="ql-muted">${t('rectification.progress.noFiles')}</span>`}
        </div>
        <div class="ql-muted">${t('rectification.progress.evidenceHint')}</div>
        <div class="ql-form-buttons">
          <sl-button type="submit" variant="primary" data-action="submit-progress" ?loading=${this.progressBusy}>
            <sl-icon slot="prefix" name="send"></sl-icon>${t('rectification.progress.submit')}</sl-button>
        </div>
      </form>`,
    );
  }

  renderTimeline() {
    return timeline(this.detail.timeline, {
      title: t('rectification.timeline'),
      empty: t('rectification.timeline.none'),
      testid: 'rectification-timeline',
      label: timelineLabel,
      stateTag: (s) => statusTag(s),
      tone: (a) => TIMELINE_TONE[a],
    });
  }

  renderTransitionDialog() {
    const a = this.action;
    const e = this.transitionErrors;
    const required = a && NOTE_REQUIRED.has(a);
    return html`<sl-dialog data-dialog="transition" class="ql-dialog-medium" label=${a ? actionLabel(a) : ''}>
      <form novalidate class="ql-form" data-form="transition" @submit=${this.transition}>
        ${a ? html`<div>${t(`rectification.transition.hint.${a}`)}</div>` : ''}
        ${a && EVIDENCE_REQUIRED.has(a) && !this.hasEvidence
          ? html`<sl-alert variant="warning" open data-state="no-evidence">
              <sl-icon slot="icon" name="exclamation-triangle"></sl-icon>${t('rectification.transition.noEvidence')}</sl-alert>`
          : ''}
        ${formAlert(e, ['note'])}
        <sl-textarea name="note" data-field="note" rows="3" resize="auto" maxlength="2000" ?required=${required}
          label=${required ? t(`rectification.transition.note.${a}`) : t('rectification.transition.noteOptional')}
          help-text=${fieldError(e, 'note')} class=${invalidClass(e, 'note')}></sl-textarea>
        <button type="submit" hidden></button>
      </form>
      ${dialogButtons({
        action: 'confirm-transition',
        label: a ? actionLabel(a) : t('action.confirm'),
        variant: a === 'REJECT' ? 'danger' : 'primary',
        busy: this.transitionBusy,
        form: 'transition',
      })}
    </sl-dialog>`;
  }

  render() {
    const back = backButton('rectification/ledger', t('rectification.ledger.title'));
    const pending = this.renderPending({
      page: 'rectification-problem',
      route: 'rectification/problems',
      back,
      missing: t('rectification.problem.missing'),
    });
    if (pending) {
      return pending;
    }
    const p = this.problem;
    return html`<div class="ql-page" data-page="rectification-problem" data-route="rectification/problems" data-problem-id=${p.id}
      data-status=${p.status} data-version=${p.version}>
      <div>${back}</div>
      <div class="ql-page-header ql-detail-header">
        <h2>${t('rectification.problem.title', p.number)}</h2>
        <span class="ql-detail-header-tags">${statusTag(p.status, 'medium')}${overdueBadge(p.overdue)}</span>
        ${can(this.me, PERM.write) && p.status !== 'CLOSED'
          ? html`<sl-button size="small" data-action="edit-problem" @click=${this.editProblem}>
              <sl-icon slot="prefix" name="pencil"></sl-icon>${t('action.edit')}</sl-button>`
          : ''}
      </div>
      ${this.renderActions()}
      <div class="ql-detail">
        <div class="ql-detail-main">${this.renderFields()} ${this.renderMeasures()} ${this.renderProgress()}</div>
        <div class="ql-detail-side">${this.renderTimeline()}</div>
      </div>
      ${this.renderTransitionDialog()}
      <ql-rect-measure-dialog .problem=${p} @ql-rect-measure-saved=${this.onMeasureSaved}></ql-rect-measure-dialog>
      <ql-rect-problem-dialog .units=${this.units} .categories=${this.categories} .inspections=${this.inspections}
        @ql-rect-saved=${this.onProblemSaved}></ql-rect-problem-dialog>
    </div>`;
  }
}

if (!customElements.get('ql-rect-problem')) {
  customElements.define('ql-rect-problem', QlRectProblem);
}
