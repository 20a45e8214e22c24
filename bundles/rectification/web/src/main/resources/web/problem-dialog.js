// The dialog that registers a problem (列单挂账) with its first measures, or edits a problem's
// fields. Fires `ql-rect-saved` with the saved ProblemDto.
import { html } from 'lit';
import { keyed } from 'lit/directives/keyed.js';
import { t } from 'qinglian/i18n.js';
import { loadPeople } from 'qinglian/module.js';
import { FormDialog, blankToNull, codeOptions, dialogButtons, fieldError, formAlert, formErrors, invalidClass, unitOptions } from 'qinglian/ui.js';
import { BASE, SEVERITIES, categoryOptions, emptyMeasure, inspectionOptions, peopleOptions, severityLabel } from './common.js';

const PROBLEM_FIELDS = ['inspectionId', 'description', 'category', 'severity', 'unitId', 'leaderId'];
const MEASURE_FIELDS = ['content', 'ownerId', 'ownerName', 'deadline', 'longTerm'];

export class QlRectProblemDialog extends FormDialog {
  static dialog = 'problem';
  static saved = { event: 'ql-rect-saved', name: 'problem' };
  static properties = {
    units: { attribute: false },
    categories: { attribute: false },
    inspections: { attribute: false },
    measures: { state: true },
    people: { state: true },
  };

  constructor() {
    super();
    this.units = [];
    this.categories = [];
    this.inspections = [];
    this.measures = [];
    this.people = [];
  }

  get collection() {
    return `${BASE}/problems`;
  }

  /** Opens for a new problem (`defaults`: unitId, inspectionId) or for `problem` to edit. */
  async open(problem, defaults = {}) {
    this.errors = null;
    this.openSeq++;
    this.editing = problem ? { ...problem } : { severity: 'MEDIUM', ...defaults };
    this.measures = problem ? [] : [emptyMeasure()];
    this.people = [];
    await this.loadPeopleOf(this.editing.unitId);
    await this.updateComplete;
    this.dialog.show();
  }

  async loadPeopleOf(unitId) {
    this.people = await loadPeople(unitId);
  }

  onUnitChange(e) {
    const unitId = e.target.value;
    this.loadPeopleOf(unitId);
  }

  addMeasure() {
    this.measures = [...this.measures, emptyMeasure()];
  }

  removeMeasure(key) {
    this.measures = this.measures.filter((m) => m.key !== key);
  }

  onLongTerm(key, checked) {
    this.measures = this.measures.map((m) => (m.key === key ? { ...m, longTerm: checked } : m));
  }

  readForm() {
    const form = this.querySelector('form[data-form="problem"]');
    const value = (name) => form.querySelector(`[data-problem-field] [name="${name}"]`)?.value ?? '';
    const body = {
      inspectionId: value('inspectionId') || null,
      description: String(value('description')).trim(),
      category: value('category') || null,
      severity: value('severity') || null,
      unitId: value('unitId') || null,
      leaderId: value('leaderId') || null,
      measures: [],
    };
    const fields = {};
    for (const name of ['description', 'category', 'severity', 'unitId']) {
      if (!body[name]) {
        fields[name] = t('validation.required');
      }
    }
    if (!this.editing.id) {
      [...form.querySelectorAll('[data-measure-row]')].forEach((row, i) => {
        const v = (name) => row.querySelector(`[name="${name}"]`);
        const longTerm = v('longTerm').checked;
        const ownerId = v('ownerId').value || null;
        const m = {
          content: String(v('content').value).trim(),
          ownerId,
          ownerName: ownerId ? null : blankToNull(v('ownerName').value),
          deadline: v('deadline').value || null,
          longTerm,
          milestones: [],
        };
        if (!m.content) {
          fields[`measures[${i}].content`] = t('validation.required');
        }
        if (!m.longTerm && !m.deadline) {
          fields[`measures[${i}].deadline`] = t('rectification.measure.deadlineRequired');
        }
        body.measures.push(m);
      });
    }
    return { body, errors: formErrors(fields) };
  }

  renderMeasures(errors) {
    const err = (i, f) => fieldError(errors, `measures[${i}].${f}`);
    const cls = (i, f) => invalidClass(errors, `measures[${i}].${f}`);
    return html`<div class="ql-section-title">
        <span>${t('rectification.measures')}</span>
        <sl-button size="small" data-action="add-measure-row" @click=${this.addMeasure}>
          <sl-icon slot="prefix" name="plus-lg"></sl-icon>${t('rectification.measure.addRow')}</sl-button>
      </div>
      <div class="ql-rect-measure-rows" data-testid="rectification-measure-rows">
        ${this.measures.length === 0 ? html`<div class="ql-muted">${t('rectification.measure.noneYet')}</div>` : ''}
        ${this.measures.map((m, i) =>
          keyed(
            m.key,
            html`<div class="ql-rect-measure-row" data-measure-row=${i}>
              <sl-textarea name="content" data-field="content" size="small" rows="2" resize="auto" maxlength="2000" required
                label=${t('rectification.measure.content')} .value=${m.content}
                help-text=${err(i, 'content')} class=${cls(i, 'content')}></sl-textarea>
              <div class="ql-rect-measure-meta">
                <sl-select name="ownerId" data-field="ownerId" size="small" clearable hoist label=${t('rectification.measure.owner')}
                  placeholder=${t('rectification.measure.ownerPick')} .value=${m.ownerId || ''}
                  help-text=${err(i, 'ownerId')} class=${cls(i, 'ownerId')}>${peopleOptions(this.people)}</sl-select>
                <sl-input name="ownerName" data-field="ownerName" size="small" maxlength="50" label=${t('rectification.measure.ownerName')}
                  placeholder=${t('rectification.measure.ownerNameHint')} .value=${m.ownerName || ''}
                  help-text=${err(i, 'ownerName')} class=${cls(i, 'ownerName')}></sl-input>
                <sl-input name="deadline" data-field="deadline" type="date" size="small" label=${t('rectification.measure.deadline')}
                  ?required=${!m.longTerm} ?disabled=${m.longTerm} .value=${m.deadline || ''}
                  help-text=${err(i, 'deadline')} class=${cls(i, 'deadline')}></sl-input>
                <sl-checkbox name="longTerm" data-field="longTerm" size="small" ?checked=${m.longTerm}
                  @sl-change=${(e) => this.onLongTerm(m.key, e.target.checked)}>${t('rectification.measure.longTerm')}</sl-checkbox>
                <sl-icon-button name="trash" label=${t('action.remove')} data-action="remove-measure-row"
                  @click=${() => this.removeMeasure(m.key)}></sl-icon-button>
              </div>
            </div>`,
          ),
        )}
      </div>`;
  }

  render() {
    const p = this.editing;
    const e = this.errors;
    const shown = [...PROBLEM_FIELDS, ...this.measures.flatMap((_, i) => MEASURE_FIELDS.map((f) => `measures[${i}].${f}`))];
    return html`<sl-dialog data-dialog="problem" class="ql-dialog-wide"
      label=${p && p.id ? t('rectification.problem.edit') : t('rectification.problem.register')}>
      ${p
        ? keyed(
            this.openSeq,
            html`<form novalidate class="ql-form" data-form="problem" @submit=${this.save}>
              ${formAlert(e, shown)}
              <div class="ql-form-grid" data-problem-field>
                <sl-select name="unitId" data-field="unitId" required hoist label=${t('rectification.problem.unit')} .value=${p.unitId || ''}
                  @sl-change=${this.onUnitChange} help-text=${fieldError(e, 'unitId')} class=${invalidClass(e, 'unitId')}>
                  ${unitOptions(this.units)}</sl-select>
                <sl-select name="leaderId" data-field="leaderId" clearable hoist label=${t('rectification.problem.leader')} .value=${p.leaderId || ''}
                  placeholder=${this.people.length ? t('rectification.problem.leaderPick') : t('rectification.problem.leaderNone')}
                  help-text=${fieldError(e, 'leaderId')} class=${invalidClass(e, 'leaderId')}>${peopleOptions(this.people)}</sl-select>
                <sl-select name="category" data-field="category" required hoist label=${t('rectification.problem.category')} .value=${p.category || ''}
                  help-text=${fieldError(e, 'category')} class=${invalidClass(e, 'category')}>${categoryOptions(this.categories)}</sl-select>
                <sl-select name="severity" data-field="severity" required hoist label=${t('rectification.problem.severity')} .value=${p.severity || ''}
                  help-text=${fieldError(e, 'severity')} class=${invalidClass(e, 'severity')}>${codeOptions(SEVERITIES, severityLabel)}</sl-select>
                <sl-select name="inspectionId" data-field="inspectionId" clearable hoist class=${`ql-span-2 ${fieldError(e, 'inspectionId') ? 'ql-invalid' : ''}`}
                  label=${t('rectification.problem.inspection')} placeholder=${t('rectification.problem.noInspection')} .value=${p.inspectionId || ''}
                  help-text=${fieldError(e, 'inspectionId')}>${inspectionOptions(this.inspections)}</sl-select>
                <sl-textarea name="description" data-field="description" required rows="4" resize="auto" maxlength="4000"
                  class=${`ql-span-2 ${fieldError(e, 'description') ? 'ql-invalid' : ''}`}
                  label=${t('rectification.problem.description')} .value=${p.description || ''}
                  help-text=${fieldError(e, 'description')}></sl-textarea>
              </div>
              ${p.id ? '' : this.renderMeasures(e)}
              <button type="submit" hidden></button>
            </form>`,
          )
        : ''}
      ${dialogButtons({ action: 'save-problem', label: t('action.save'), busy: this.busy, form: 'problem' })}
    </sl-dialog>`;
  }
}

if (!customElements.get('ql-rect-problem-dialog')) {
  customElements.define('ql-rect-problem-dialog', QlRectProblemDialog);
}
