// The dialog that adds a measure (整改措施) to a problem or edits one, with its milestones.
// Fires `ql-rect-measure-saved` with the saved MeasureDto.
import { html } from 'lit';
import { keyed } from 'lit/directives/keyed.js';
import { post, put } from 'qinglian/api.js';
import { t } from 'qinglian/i18n.js';
import { loadPeople } from 'qinglian/module.js';
import { FormDialog, blankToNull, dialogButtons, fieldError, formAlert, formErrors, invalidClass } from 'qinglian/ui.js';
import { BASE, nextKey, peopleOptions } from './common.js';

const FIELDS = ['content', 'ownerId', 'ownerName', 'deadline', 'longTerm', 'milestones'];

export class QlRectMeasureDialog extends FormDialog {
  static dialog = 'measure';
  static saved = { event: 'ql-rect-measure-saved', name: 'measure' };
  static properties = {
    problem: { attribute: false },
    longTerm: { state: true },
    milestones: { state: true },
    people: { state: true },
  };

  constructor() {
    super();
    this.milestones = [];
    this.people = [];
  }

  /** A measure is changed where it is, added to its problem. */
  send(body, m) {
    return m.id
      ? put(`${BASE}/measures/${encodeURIComponent(m.id)}`, body, m.version)
      : post(`${BASE}/problems/${encodeURIComponent(this.problem.id)}/measures`, body);
  }

  async open(measure) {
    this.errors = null;
    this.openSeq++;
    this.editing = measure ? { ...measure } : { content: '', longTerm: false };
    this.longTerm = !!this.editing.longTerm;
    this.milestones = (this.editing.milestones || []).map((m) => ({ ...m, key: nextKey() }));
    this.people = await loadPeople(this.problem && this.problem.unitId);
    await this.updateComplete;
    this.dialog.show();
  }

  addMilestone() {
    this.milestones = [...this.milestones, { key: nextKey(), title: '', dueDate: '', done: false }];
  }

  removeMilestone(key) {
    this.milestones = this.milestones.filter((m) => m.key !== key);
  }

  readForm() {
    const form = this.querySelector('form[data-form="measure"]');
    const v = (name) => form.querySelector(`[data-measure-field] [name="${name}"]`);
    const ownerId = v('ownerId').value || null;
    const body = {
      content: String(v('content').value || '').trim(),
      ownerId,
      ownerName: ownerId ? null : blankToNull(v('ownerName').value),
      deadline: v('deadline').value || null,
      longTerm: v('longTerm').checked,
      milestones: [...form.querySelectorAll('[data-milestone]')].map((row) => ({
        title: String(row.querySelector('[name="title"]').value || '').trim(),
        dueDate: row.querySelector('[name="dueDate"]').value || null,
        done: row.querySelector('[name="done"]').checked,
      })),
    };
    const fields = {};
    if (!body.content) {
      fields.content = t('validation.required');
    }
    if (!body.longTerm && !body.deadline) {
      fields.deadline = t('rectification.measure.deadlineRequired');
    }
    body.milestones.forEach((m, i) => {
      if (!m.title) {
        fields[`milestones[${i}].title`] = t('validation.required');
      }
    });
    return { body, errors: formErrors(fields) };
  }

  renderMilestones(e) {
    const err = (i, f) => fieldError(e, `milestones[${i}].${f}`);
    return html`<div class="ql-section-title">
        <span>${t('rectification.milestones')}</span>
        <sl-button size="small" data-action="add-milestone" @click=${this.addMilestone}>
          <sl-icon slot="prefix" name="plus-lg"></sl-icon>${t('rectification.milestone.add')}</sl-button>
      </div>
      <div class="ql-positions">
        ${this.milestones.length === 0 ? html`<div class="ql-muted">${t('rectification.milestone.none')}</div>` : ''}
        ${this.milestones.map((m, i) =>
          keyed(
            m.key,
            html`<div class="ql-rect-milestone-row" data-milestone=${i}>
              <sl-input name="title" data-field="milestoneTitle" size="small" maxlength="200" label=${t('rectification.milestone.title')}
                .value=${m.title || ''} help-text=${err(i, 'title')} class=${invalidClass(e, `milestones[${i}].title`)}></sl-input>
              <sl-input name="dueDate" data-field="milestoneDueDate" type="date" size="small" label=${t('rectification.milestone.dueDate')}
                .value=${m.dueDate || ''} help-text=${err(i, 'dueDate')} class=${invalidClass(e, `milestones[${i}].dueDate`)}></sl-input>
              <sl-checkbox name="done" data-field="milestoneDone" size="small" ?checked=${!!m.done}>${t('rectification.milestone.done')}</sl-checkbox>
              <sl-icon-button name="trash" label=${t('action.remove')} data-action="remove-milestone"
                @click=${() => this.removeMilestone(m.key)}></sl-icon-button>
            </div>`,
          ),
        )}
      </div>`;
  }

  render() {
    const m = this.editing;
    const e = this.errors;
    const shown = [...FIELDS, ...this.milestones.flatMap((_, i) => [`milestones[${i}].title`, `milestones[${i}].dueDate`])];
    return html`<sl-dialog data-dialog="measure" class="ql-dialog-medium"
      label=${m && m.id ? t('rectification.measure.edit') : t('rectification.measure.add')}>
      ${m
        ? keyed(
            this.openSeq,
            html`<form novalidate class="ql-form" data-form="measure" @submit=${this.save}>
              ${formAlert(e, shown)}
              <div class="ql-form-grid" data-measure-field>
                <sl-textarea name="content" data-field="content" class=${`ql-span-2 ${fieldError(e, 'content') ? 'ql-invalid' : ''}`} required
                  rows="3" resize="auto" maxlength="2000" label=${t('rectification.measure.content')} .value=${m.content || ''}
                  help-text=${fieldError(e, 'content')}></sl-textarea>
                <sl-select name="ownerId" data-field="ownerId" clearable hoist label=${t('rectification.measure.owner')}
                  placeholder=${t('rectification.measure.ownerPick')} .value=${m.ownerId || ''}
                  help-text=${fieldError(e, 'ownerId')} class=${invalidClass(e, 'ownerId')}>${peopleOptions(this.people)}</sl-select>
                <sl-input name="ownerName" data-field="ownerName" maxlength="50" label=${t('rectification.measure.ownerName')}
                  placeholder=${t('rectification.measure.ownerNameHint')} .value=${m.ownerId ? '' : m.ownerName || ''}
                  help-text=${fieldError(e, 'ownerName')} class=${invalidClass(e, 'ownerName')}></sl-input>
                <sl-input name="deadline" data-field="deadline" type="date" label=${t('rectification.measure.deadline')}
                  ?required=${!this.longTerm} ?disabled=${this.longTerm} .value=${m.deadline || ''}
                  help-text=${fieldError(e, 'deadline')} class=${invalidClass(e, 'deadline')}></sl-input>
                <sl-checkbox name="longTerm" data-field="longTerm" class="ql-rect-checkbox-field" ?checked=${!!m.longTerm}
                  @sl-change=${(ev) => (this.longTerm = ev.target.checked)}>${t('rectification.measure.longTerm')}</sl-checkbox>
              </div>
              ${this.renderMilestones(e)}
              <button type="submit" hidden></button>
            </form>`,
          )
        : ''}
      ${dialogButtons({ action: 'save-measure', label: t('action.save'), busy: this.busy, form: 'measure' })}
    </sl-dialog>`;
  }
}

if (!customElements.get('ql-rect-measure-dialog')) {
  customElements.define('ql-rect-measure-dialog', QlRectMeasureDialog);
}
