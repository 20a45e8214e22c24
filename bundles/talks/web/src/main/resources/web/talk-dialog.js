// The dialog that records a talk (a planned one, or one already held, 补录) or edits one: kind,
// reason, sensitivity, the owning unit, dates, the cadres talked to with their roles, who talks and
// who records, who else may know (知悉范围), and for a held talk what was said. Fires
// `ql-talks-saved` with the saved TalkDto.
import { html } from 'lit';
import { keyed } from 'lit/directives/keyed.js';
import { t } from 'qinglian/i18n.js';
import { canPickPeople, loadPeople } from 'qinglian/module.js';
import { FormDialog, blankToNull, codeOptions, dialogButtons, fieldError, formAlert, formErrors, invalidClass, today, unitOptions } from 'qinglian/ui.js';
import {
  BASE,
  KINDS,
  REASONS,
  ROLES,
  SENSITIVITIES,
  kindLabel,
  peopleOptions,
  reasonLabel,
  roleLabel,
  roleOf,
  sensitivityLabel,
} from './common.js';

const MAX_SUBJECTS = 50;
const FIELDS = ['kind', 'reason', 'sensitivity', 'unitId', 'plannedOn', 'heldOn', 'place', 'replyDeadline', 'subjects',
  'conductorIds', 'recorderId', 'handlerIds', 'summary', 'statement', 'followUp', 'followUpDeadline'];

let rowKey = 0;

/** A form's draft from a TalkDetailDto (editing) or from defaults (a new talk). */
function draftOf(detail, defaults) {
  if (!detail) {
    return { kind: 'POLITICAL', reason: 'ROUTINE', sensitivity: 'ORDINARY', subjects: [], conductorIds: [], handlerIds: [], ...defaults };
  }
  const talk = detail.talk;
  return {
    ...talk,
    summary: detail.summary,
    statement: detail.statement,
    followUp: detail.followUp,
    conductorIds: (talk.conductors || []).map((p) => p.personId),
    recorderId: talk.recorder ? talk.recorder.personId : '',
    handlerIds: (detail.handlers || []).map((p) => p.personId),
    known: [...(talk.conductors || []), ...(talk.recorder ? [talk.recorder] : []), ...(detail.handlers || [])],
  };
}

export class QlTalksDialog extends FormDialog {
  static dialog = 'talk';
  static saved = { event: 'ql-talks-saved', name: 'talk' };
  static properties = {
    units: { attribute: false },
    kind: { state: true },
    mode: { state: true },
    subjects: { state: true },
    people: { state: true },
    pickerUnit: { state: true },
    pickerPeople: { state: true },
  };

  constructor() {
    super();
    this.units = [];
    this.subjects = [];
    this.people = [];
    this.pickerPeople = [];
  }

  get collection() {
    return `${BASE}/talks`;
  }

  /** Opens for a new talk (`defaults`: unitId, kind, reason…) or for a TalkDetailDto to edit. */
  async open(detail, defaults = {}) {
    this.errors = null;
    this.openSeq++;
    const draft = draftOf(detail, defaults);
    this.editing = draft;
    this.kind = draft.kind;
    this.mode = draft.id ? (draft.status === 'PLANNED' || draft.kind === 'INQUIRY' ? 'plan' : 'held') : 'plan';
    this.subjects = (draft.subjects || []).map((s) => ({ ...s, key: ++rowKey }));
    this.pickerUnit = draft.unitId || '';
    await Promise.all([this.loadOwnPeople(draft.unitId), this.loadPicker(draft.unitId)]);
    await this.updateComplete;
    this.dialog.show();
  }

  async loadOwnPeople(unitId) {
    this.people = await loadPeople(unitId);
  }

  async loadPicker(unitId) {
    this.pickerUnit = unitId || '';
    this.pickerPeople = await loadPeople(unitId);
  }

  /** The owning unit's people, with the ones the talk already names (from other units) added. */
  get staffOptions() {
    const known = (this.editing && this.editing.known) || [];
    const ids = new Set(this.people.map((p) => p.id));
    const extra = known.filter((p) => p && p.personId && !ids.has(p.personId)).map((p) => ({ id: p.personId, name: p.name }));
    const seen = new Set();
    return [...this.people, ...extra].filter((p) => !seen.has(p.id) && seen.add(p.id));
  }

  onUnitChange(e) {
    const unitId = e.target.value;
    this.loadOwnPeople(unitId);
    if (!this.subjects.length) {
      this.loadPicker(unitId);
    }
  }

  onPickSubject(e) {
    const select = e.target;
    const person = this.pickerPeople.find((p) => p.id === select.value);
    select.value = '';
    if (!person || this.subjects.some((s) => s.personId === person.id)) {
      return;
    }
    if (this.subjects.length >= MAX_SUBJECTS) {
      this.errors = formErrors({ subjects: t('talks.talk.tooManySubjects', MAX_SUBJECTS) });
      return;
    }
    const unit = this.units.find((u) => u.id === this.pickerUnit);
    this.subjects = [
      ...this.subjects,
      { key: ++rowKey, personId: person.id, name: person.name, unitId: this.pickerUnit, unitName: unit ? unit.name : '', role: roleOf(person) },
    ];
  }

  removeSubject(key) {
    this.subjects = this.subjects.filter((s) => s.key !== key);
  }

  onRole(key, role) {
    this.subjects = this.subjects.map((s) => (s.key === key ? { ...s, role } : s));
  }

  readForm() {
    const form = this.querySelector('form[data-form="talk"]');
    const control = (name) => form.querySelector(`[data-talk-field] [name="${name}"]`);
    const value = (name) => {
      const el = control(name);
      return el ? el.value : undefined;
    };
    const list = (name) => {
      const v = value(name);
      return Array.isArray(v) ? v.filter(Boolean) : v ? String(v).split(' ').filter(Boolean) : [];
    };
    const held = this.mode === 'held' && this.kind !== 'INQUIRY';
    const editing = this.editing;
    const body = {
      kind: value('kind') || null,
      reason: value('reason') || null,
      sensitivity: value('sensitivity') || 'ORDINARY',
      unitId: value('unitId') || null,
      plannedOn: value('plannedOn') === undefined ? editing.plannedOn || null : value('plannedOn') || null,
      heldOn: held ? value('heldOn') || null : editing.id ? editing.heldOn || null : null,
      place: held ? blankToNull(value('place')) : editing.id ? editing.place || null : null,
      subjects: [...form.querySelectorAll('[data-subject-row]')].map((row) => ({
        personId: row.dataset.personId,
        role: row.querySelector('[name="role"]').value || null,
      })),
      conductorIds: list('conductorIds'),
      recorderId: value('recorderId') || null,
      handlerIds: list('handlerIds'),
      summary: held ? blankToNull(value('summary')) : editing.id ? editing.summary || null : null,
      statement: held ? blankToNull(value('statement')) : editing.id ? editing.statement || null : null,
      followUp: held ? blankToNull(value('followUp')) : editing.id ? editing.followUp || null : null,
      followUpDeadline: held ? value('followUpDeadline') || null : editing.id ? editing.followUpDeadline || null : null,
      replyDeadline: this.kind === 'INQUIRY' ? value('replyDeadline') || null : null,
    };
    const fields = {};
    for (const name of ['kind', 'reason', 'unitId']) {
      if (!body[name]) {
        fields[name] = t('validation.required');
      }
    }
    if (body.subjects.length === 0) {
      fields.subjects = t('talks.talk.subjectsRequired');
    }
    if (held && body.heldOn && body.heldOn > today()) {
      fields.heldOn = t('validation.notFuture');
    }
    return { body, errors: formErrors(fields) };
  }

  renderSubjects(e) {
    const err = (i, f) => fieldError(e, `subjects[${i}].${f}`) || (f === 'personId' ? fieldError(e, `subjects[${i}]`) : '');
    return html`<div class="ql-section-title"><span>${t('talks.talk.subjects')}</span></div>
      <div class="ql-talks-picker" data-talk-picker>
        ${canPickPeople()
          ? html`<sl-select name="subjectUnitId" data-field="subjectUnitId" size="small" hoist label=${t('talks.talk.subjectUnit')}
                .value=${this.pickerUnit || ''} @sl-change=${(ev) => this.loadPicker(ev.target.value)}>${unitOptions(this.units)}</sl-select>
              <sl-select name="subjectPerson" data-field="subjectPerson" size="small" hoist clearable label=${t('talks.talk.subjectPick')}
                placeholder=${this.pickerPeople.length ? t('talks.talk.subjectPickHint') : t('talks.talk.noPeople')}
                @sl-change=${this.onPickSubject}>${peopleOptions(this.pickerPeople.filter((p) => !this.subjects.some((s) => s.personId === p.id)))}</sl-select>`
          : html`<div class="ql-muted">${t('talks.talk.noPeoplePermission')}</div>`}
      </div>
      ${fieldError(e, 'subjects') ? html`<div class="ql-field-error" data-error="subjects">${fieldError(e, 'subjects')}</div>` : ''}
      ${this.subjects.length === 0
        ? html`<div class="ql-muted" data-state="no-subjects">${t('talks.talk.noSubjects')}</div>`
        : html`<table class="ql-table ql-talks-table" data-testid="talks-dialog-subjects">
            <thead><tr><th>${t('talks.subject.name')}</th><th>${t('talks.subject.unit')}</th><th>${t('talks.subject.role')}</th><th></th></tr></thead>
            <tbody>
              ${this.subjects.map((s, i) =>
                keyed(
                  s.key,
                  html`<tr data-subject-row=${i} data-person-id=${s.personId}>
                    <td>${s.name}${err(i, 'personId') ? html`<div class="ql-field-error">${err(i, 'personId')}</div>` : ''}</td>
                    <td>${s.unitName || ''}</td>
                    <td>
                      <sl-select name="role" data-field="role" size="small" hoist .value=${s.role || 'OTHER'}
                        help-text=${err(i, 'role')} class=${invalidClass(e, `subjects[${i}].role`)}
                        @sl-change=${(ev) => this.onRole(s.key, ev.target.value)}>${codeOptions(ROLES, roleLabel)}</sl-select>
                    </td>
                    <td><sl-icon-button name="trash" label=${t('action.remove')} data-action="remove-subject"
                      @click=${() => this.removeSubject(s.key)}></sl-icon-button></td>
                  </tr>`,
                ),
              )}
            </tbody>
          </table>`}`;
  }

  render() {
    const d = this.editing;
    const e = this.errors;
    const inquiry = this.kind === 'INQUIRY';
    const held = this.mode === 'held' && !inquiry;
    const shown = [...FIELDS, ...this.subjects.flatMap((_, i) => [`subjects[${i}]`, `subjects[${i}].personId`, `subjects[${i}].role`])];
    const staff = this.staffOptions;
    const field = (name) => ({ help: fieldError(e, name), cls: invalidClass(e, name) });
    return html`<sl-dialog data-dialog="talk" class="ql-dialog-wide" label=${d && d.id ? t('talks.talk.edit') : t('talks.talk.create')}>
      ${d
        ? keyed(
            this.openSeq,
            html`<form novalidate class="ql-form" data-form="talk" @submit=${this.save}>
              ${formAlert(e, shown)}
              <div class="ql-form-grid" data-talk-field>
                <sl-select name="kind" data-field="kind" required hoist label=${t('talks.talk.kind')} .value=${d.kind || ''}
                  @sl-change=${(ev) => (this.kind = ev.target.value)} help-text=${field('kind').help} class=${field('kind').cls}>
                  ${codeOptions(KINDS, kindLabel)}</sl-select>
                <sl-select name="reason" data-field="reason" required hoist label=${t('talks.talk.reason')} .value=${d.reason || ''}
                  help-text=${field('reason').help} class=${field('reason').cls}>${codeOptions(REASONS, reasonLabel)}</sl-select>
                <sl-select name="unitId" data-field="unitId" required hoist label=${t('talks.talk.unit')} .value=${d.unitId || ''}
                  @sl-change=${this.onUnitChange} help-text=${field('unitId').help || t('talks.talk.unitHint')} class=${field('unitId').cls}>
                  ${unitOptions(this.units)}</sl-select>
                <sl-select name="sensitivity" data-field="sensitivity" hoist label=${t('talks.talk.sensitivity')} .value=${d.sensitivity || 'ORDINARY'}
                  help-text=${field('sensitivity').help || t('talks.talk.sensitivityHint')} class=${field('sensitivity').cls}>
                  ${codeOptions(SENSITIVITIES, sensitivityLabel)}</sl-select>
                ${d.id || inquiry
                  ? ''
                  : html`<sl-radio-group name="mode" data-field="mode" class="ql-span-2" label=${t('talks.talk.mode')} .value=${this.mode}
                      @sl-change=${(ev) => (this.mode = ev.target.value)}>
                      <sl-radio-button value="plan" data-action="mode-plan">${t('talks.talk.modePlan')}</sl-radio-button>
                      <sl-radio-button value="held" data-action="mode-held">${t('talks.talk.modeHeld')}</sl-radio-button>
                    </sl-radio-group>`}
                <sl-input name="plannedOn" data-field="plannedOn" type="date" ?required=${!held && !d.id} label=${t('talks.talk.plannedOn')}
                  .value=${d.plannedOn || ''} help-text=${field('plannedOn').help} class=${field('plannedOn').cls}></sl-input>
                ${inquiry
                  ? html`<sl-input name="replyDeadline" data-field="replyDeadline" type="date" label=${t('talks.talk.replyDeadline')}
                      .value=${d.replyDeadline || ''} help-text=${field('replyDeadline').help || t('talks.talk.replyDeadlineHint')}
                      class=${field('replyDeadline').cls}></sl-input>`
                  : ''}
                ${held
                  ? html`<sl-input name="heldOn" data-field="heldOn" type="date" required max=${today()} label=${t('talks.talk.heldOn')}
                        .value=${d.heldOn || ''} help-text=${field('heldOn').help} class=${field('heldOn').cls}></sl-input>
                      <sl-input name="place" data-field="place" maxlength="200" label=${t('talks.talk.place')} .value=${d.place || ''}
                        help-text=${field('place').help} class=${field('place').cls}></sl-input>`
                  : ''}
              </div>
              ${this.renderSubjects(e)}
              <div class="ql-section-title"><span>${t('talks.talk.people')}</span></div>
              <div class="ql-form-grid" data-talk-field>
                <sl-select name="conductorIds" data-field="conductorIds" multiple clearable hoist max-options-visible="4"
                  label=${t('talks.talk.conductors')} placeholder=${staff.length ? t('talks.talk.staffPick') : t('talks.talk.noPeople')}
                  .value=${d.conductorIds || []} help-text=${field('conductorIds').help} class=${field('conductorIds').cls}>
                  ${peopleOptions(staff)}</sl-select>
                <sl-select name="recorderId" data-field="recorderId" clearable hoist label=${t('talks.talk.recorder')}
                  placeholder=${staff.length ? t('talks.talk.staffPick') : t('talks.talk.noPeople')}
                  .value=${d.recorderId || ''} help-text=${field('recorderId').help} class=${field('recorderId').cls}>
                  ${peopleOptions(staff)}</sl-select>
                <sl-select name="handlerIds" data-field="handlerIds" multiple clearable hoist max-options-visible="4" class=${`ql-span-2 ${fieldError(e, 'handlerIds') ? 'ql-invalid' : ''}`}
                  label=${t('talks.talk.handlers')} placeholder=${staff.length ? t('talks.talk.staffPick') : t('talks.talk.noPeople')}
                  .value=${d.handlerIds || []} help-text=${field('handlerIds').help || t('talks.talk.handlersHint')}>
                  ${peopleOptions(staff)}</sl-select>
              </div>
              ${held
                ? html`<div class="ql-section-title"><span>${t('talks.talk.content')}</span></div>
                    <div class="ql-form-grid" data-talk-field>
                      <sl-textarea name="summary" data-field="summary" required rows="4" resize="auto" maxlength="4000" class=${`ql-span-2 ${fieldError(e, 'summary') ? 'ql-invalid' : ''}`}
                        label=${t('talks.talk.summary')} .value=${d.summary || ''} help-text=${fieldError(e, 'summary')}></sl-textarea>
                      <sl-textarea name="statement" data-field="statement" rows="3" resize="auto" maxlength="4000" class=${`ql-span-2 ${fieldError(e, 'statement') ? 'ql-invalid' : ''}`}
                        label=${t('talks.talk.statement')} .value=${d.statement || ''} help-text=${fieldError(e, 'statement')}></sl-textarea>
                      <sl-textarea name="followUp" data-field="followUp" rows="2" resize="auto" maxlength="2000"
                        label=${t('talks.talk.followUp')} .value=${d.followUp || ''} help-text=${field('followUp').help || t('talks.talk.followUpHint')}
                        class=${field('followUp').cls}></sl-textarea>
                      <sl-input name="followUpDeadline" data-field="followUpDeadline" type="date" label=${t('talks.talk.followUpDeadline')}
                        .value=${d.followUpDeadline || ''} help-text=${field('followUpDeadline').help} class=${field('followUpDeadline').cls}></sl-input>
                    </div>`
                : ''}
              <button type="submit" hidden></button>
            </form>`,
          )
        : ''}
      ${dialogButtons({ action: 'save-talk', label: t('action.save'), busy: this.busy, form: 'talk' })}
    </sl-dialog>`;
  }
}

if (!customElements.get('ql-talks-dialog')) {
  customElements.define('ql-talks-dialog', QlTalksDialog);
}
