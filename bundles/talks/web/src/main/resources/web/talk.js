// One talk record: every field, the cadres talked to with their roles, who talked and who recorded,
// its sensitivity, what was said and required, the signed record's scans, its timeline; the
// transitions the user may make now (the server's `allowedActions`), each with a small form of
// the fields it needs; raising the follow-up requirement into the rectification ledger.
import { html } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { keyed } from 'lit/directives/keyed.js';
import { post } from 'qinglian/api.js';
import { attachmentHref, formatSize, uploadFiles } from 'qinglian/files.js';
import { formatDate, formatDateTime, labelOr, t } from 'qinglian/i18n.js';
import { loadUnits } from 'qinglian/module.js';
import { RecordPage, actionBar, backButton, fieldRow, timeline } from 'qinglian/record.js';
import { can, codeOptions, dialogButtons, fieldError, formAlert, formErrors, invalidClass, today, toast, toastError } from 'qinglian/ui.js';
import {
  ACTIONS,
  ACTION_FIELDS,
  ASSESSMENTS,
  BASE,
  FINAL,
  PERM,
  actionLabel,
  assessmentLabel,
  kindLabel,
  names,
  overdueBadges,
  proposedTag,
  reasonLabel,
  roleLabel,
  sensitivityTag,
  statusTag,
  timelineLabel,
} from './common.js';
import './talk-dialog.js';

const ACTION_VARIANT = {
  HOLD: 'primary',
  SEND: 'primary',
  RECORD_REPLY: 'primary',
  ASSESS: 'primary',
  REQUIRE_FOLLOW_UP: 'warning',
  COMPLETE_FOLLOW_UP: 'success',
  CLOSE: 'success',
  CANCEL: 'danger',
};

const ACTION_ICON = {
  HOLD: 'chat-square-text',
  SEND: 'envelope-paper',
  RECORD_REPLY: 'reply',
  ASSESS: 'clipboard-check',
  REQUIRE_FOLLOW_UP: 'exclamation-diamond',
  COMPLETE_FOLLOW_UP: 'check2-all',
  CLOSE: 'patch-check',
  CANCEL: 'x-circle',
};

/** The colour of a timeline entry's dot: closing and a completed follow-up succeed, a cancel and a required follow-up do not, the rest is work. */
const TIMELINE_TONE = {
  CLOSE: 'success',
  COMPLETE_FOLLOW_UP: 'success',
  CANCEL: 'danger',
  REQUIRE_FOLLOW_UP: 'danger',
  EDIT: 'quiet',
  ATTACH: 'quiet',
  FINDING: 'quiet',
};

const SEVERITIES = ['HIGH', 'MEDIUM', 'LOW'];

class QlTalksTalk extends RecordPage {
  static properties = {
    talkId: { attribute: false },
    uploading: { state: true },
    uploadError: { state: true },
    findingBusy: { state: true },
    units: { state: true },
  };

  constructor() {
    super();
    this.units = [];
    this.actionSeq = 0;
  }

  get recordPath() {
    return `${BASE}/talks/${encodeURIComponent(this.talkId)}`;
  }

  get talk() {
    return this.detail && this.detail.talk;
  }

  // ---- transitions ----

  async openTransition(action) {
    this.action = action;
    this.actionSeq++;
    this.transitionErrors = null;
    await this.updateComplete;
    this.querySelector('sl-dialog[data-dialog="transition"]').show();
  }

  readTransition() {
    const form = this.querySelector('form[data-form="transition"]');
    const action = this.action;
    const body = { action };
    const fields = {};
    for (const f of ACTION_FIELDS[action] || []) {
      const el = form.querySelector(`[name="${f.name}"]`);
      const raw = el ? el.value : '';
      const value = typeof raw === 'string' ? raw.trim() : raw;
      body[f.name] = value || null;
      if (f.required && !value) {
        fields[f.name] = t('validation.required');
      } else if (value && f.notFuture && value > today()) {
        fields[f.name] = t('validation.notFuture');
      } else if (value && f.notPast && value < today()) {
        fields[f.name] = t(`talks.transition.notPast.${f.name}`);
      } else if (value && f.notBefore && body[f.notBefore] && value < body[f.notBefore]) {
        fields[f.name] = t(`talks.transition.notBefore.${f.name}`);
      }
    }
    return { body, errors: formErrors(fields) };
  }

  async transition(e) {
    e?.preventDefault();
    const { body, errors } = this.readTransition();
    const talk = this.talk;
    await this.makeTransition(`${BASE}/talks/${encodeURIComponent(talk.id)}/transitions`, body, errors, {
      version: talk.version,
      done: t('talks.transition.done', actionLabel(this.action)),
      stale: t('talks.transition.stale'),
    });
  }

  // ---- editing ----

  async edit() {
    if (!this.units.length) {
      this.units = await loadUnits();
      await this.updateComplete;
    }
    this.querySelector('ql-talks-dialog').open(this.detail);
  }

  onSaved() {
    toast(t('talks.talk.saved'), 'success');
    this.load();
  }

  // ---- the signed record ----

  async onFilesPicked(e) {
    const input = e.target;
    const files = [...(input.files || [])];
    input.value = '';
    if (!files.length) {
      return;
    }
    this.uploading = true;
    this.uploadError = null;
    const failed = await uploadFiles(`${BASE}/talks/${encodeURIComponent(this.talk.id)}/attachments`, files);
    this.uploading = false;
    if (failed.length) {
      this.uploadError = failed;
    } else {
      toast(t('talks.attachment.uploaded', files.length), 'success');
    }
    await this.load();
  }

  // ---- the ledger ----

  async openFinding() {
    await this.updateComplete;
    this.querySelector('sl-dialog[data-dialog="finding"]').show();
  }

  async raiseFinding() {
    const dialog = this.querySelector('sl-dialog[data-dialog="finding"]');
    const severity = dialog.querySelector('[name="severity"]').value || null;
    this.findingBusy = true;
    try {
      const result = await post(`${BASE}/talks/${encodeURIComponent(this.talk.id)}/finding`, { severity });
      dialog.hide();
      toast(t(result && result.created ? 'talks.finding.created' : 'talks.finding.existing'), 'success');
      await this.load();
    } catch (error) {
      toastError(error);
    } finally {
      this.findingBusy = false;
    }
  }

  // ---- rendering ----

  renderActions() {
    const talk = this.talk;
    return actionBar({
      testid: 'talks-actions',
      actions: ACTIONS,
      allowed: this.detail.allowedActions,
      label: actionLabel,
      variant: ACTION_VARIANT,
      icon: ACTION_ICON,
      outline: (a) => a === 'CANCEL',
      buttonTestid: (a) => `talks-transition-${a}`,
      none: t('talks.transition.none'),
      open: (a) => this.openTransition(a),
      end: html`${talk.findingRoute
        ? html`<a class="ql-talks-finding-link" href=${`#/${String(talk.findingRoute).replace(/^#?\/*/, '')}`} data-testid="talks-finding-link">
            <sl-icon name="journal-check"></sl-icon>${t('talks.finding.open')}</a>`
        : ''}
      ${this.detail.canRaiseFinding && can(this.me, PERM.write)
        ? html`<sl-button size="small" data-action="raise-finding" data-testid="talks-raise-finding" @click=${this.openFinding}>
            <sl-icon slot="prefix" name="box-arrow-in-right"></sl-icon>${t('talks.finding.raise')}</sl-button>`
        : ''}`,
    });
  }

  renderFields() {
    const d = this.detail;
    const p = this.talk;
    const inquiry = p.kind === 'INQUIRY';
    const row = (key, value, field) => fieldRow(t(key), value, field);
    return html`<section class="ql-panel" data-section="fields">
      <dl class="ql-detail-list ql-detail-fields">
        ${row('talks.talk.kind', kindLabel(p.kind), 'kind')}
        ${row('talks.talk.reason', reasonLabel(p.reason), 'reason')}
        ${row('talks.talk.unit', p.unitName, 'unit')}
        ${row('talks.talk.year', p.year ? t('talks.year', p.year) : '', 'year')}
        ${row('talks.talk.plannedOn', formatDate(p.plannedOn), 'plannedOn')}
        ${inquiry
          ? html`${row('talks.talk.sentOn', formatDate(d.sentOn), 'sentOn')}
              ${row('talks.talk.replyDeadline', p.replyDeadline ? html`<span class=${p.replyOverdue ? 'ql-overdue' : ''}>${formatDate(p.replyDeadline)}</span>` : '', 'replyDeadline')}
              ${row('talks.talk.repliedOn', formatDate(d.repliedOn), 'repliedOn')}
              ${row('talks.talk.assessment', d.assessment ? html`<sl-tag size="small" variant=${d.assessment === 'CREDIBLE' ? 'danger' : d.assessment === 'NOT_CREDIBLE' ? 'success' : 'warning'}
                  data-assessment=${d.assessment}>${assessmentLabel(d.assessment)}</sl-tag>` : '', 'assessment')}`
          : html`${row('talks.talk.heldOn', formatDate(p.heldOn), 'heldOn')} ${row('talks.talk.place', p.place, 'place')}`}
        ${row('talks.talk.conductors', names(p.conductors), 'conductors')}
        ${row('talks.talk.recorder', p.recorder ? p.recorder.name : '', 'recorder')}
        ${row('talks.talk.handlers', names(d.handlers), 'handlers')}
        ${row('talks.talk.sensitivity', sensitivityTag(p.sensitivity, { always: true }), 'sensitivity')}
        ${row('talks.talk.followUpDeadline', p.followUpDeadline ? html`<span class=${p.followUpOverdue ? 'ql-overdue' : ''}>${formatDate(p.followUpDeadline)}</span>` : '', 'followUpDeadline')}
        ${d.followUpDoneAt ? row('talks.talk.followUpDoneAt', formatDateTime(d.followUpDoneAt), 'followUpDoneAt') : ''}
        ${p.sourceModule || p.sourceRoute
          ? row(
              'talks.talk.source',
              html`${p.sourceModule ? labelOr(`talks.sourceModule.${p.sourceModule}`, p.sourceModule) : ''}
              ${p.sourceRoute
                ? html`<a class="ql-link" data-action="open-source" href=${`#/${String(p.sourceRoute).replace(/^#?\/*/, '')}`}>${t('talks.talk.sourceOpen')}</a>`
                : ''}`,
              'source',
            )
          : ''}
        ${row('talks.talk.createdAt', formatDateTime(p.createdAt), 'createdAt')}
        ${row('talks.talk.updatedAt', formatDateTime(p.updatedAt), 'updatedAt')}
      </dl>
    </section>`;
  }

  renderSubjects() {
    const subjects = this.talk.subjects || [];
    return html`<section class="ql-panel" data-section="subjects">
      <div class="ql-detail-title"><h3>${t('talks.talk.subjects')}</h3></div>
      <table class="ql-table ql-talks-table" data-testid="talks-subjects">
        <thead><tr><th>${t('talks.subject.name')}</th><th>${t('talks.subject.unit')}</th><th>${t('talks.subject.role')}</th></tr></thead>
        <tbody>
          ${subjects.map(
            (s) => html`<tr data-person-id=${s.personId} data-role=${s.role || ''}>
              <td>${s.name}</td><td>${s.unitName || ''}</td>
              <td>${s.role ? html`<sl-tag size="small" variant=${s.role === 'TOP_LEADER' ? 'primary' : 'neutral'}>${roleLabel(s.role)}</sl-tag>` : ''}</td>
            </tr>`,
          )}
        </tbody>
      </table>
    </section>`;
  }

  renderTexts() {
    const d = this.detail;
    const inquiry = this.talk.kind === 'INQUIRY';
    const texts = [
      ['summary', inquiry ? 'talks.talk.inquiryContent' : 'talks.talk.summary', d.summary],
      ['statement', 'talks.talk.statement', d.statement],
      ['reply', 'talks.talk.reply', d.reply],
      ['assessmentNote', 'talks.talk.assessmentNote', d.assessmentNote],
      ['followUp', 'talks.talk.followUp', d.followUp],
      ['followUpResult', 'talks.talk.followUpResult', d.followUpResult],
    ].filter(([, , value]) => value);
    return html`<section class="ql-panel" data-section="content">
      <div class="ql-detail-title"><h3>${t('talks.talk.content')}</h3></div>
      ${texts.length === 0
        ? html`<div class="ql-empty" data-state="no-content">${t(this.talk.status === 'PLANNED' ? 'talks.talk.notHeldYet' : 'talks.talk.noContent')}</div>`
        : html`<dl class="ql-talks-texts">
            ${texts.map(([name, key, value]) => html`<dt>${t(key)}</dt><dd class="ql-pre" data-value=${name}>${value}</dd>`)}
          </dl>`}
    </section>`;
  }

  renderAttachments() {
    const attachments = this.detail.attachments || [];
    const writable = can(this.me, PERM.write) && this.talk.status !== 'CANCELLED';
    return html`<section class="ql-panel" data-section="attachments">
      <div class="ql-detail-title">
        <h3>${t('talks.attachments')}</h3>
        ${writable
          ? html`<div class="ql-file-row">
              <input type="file" multiple accept=".pdf,.jpg,.jpeg,.png,.tif,.tiff,.ofd,application/pdf,image/*" data-input="talk-attachment"
                data-testid="talks-attachment-input" class="ql-visually-hidden" tabindex="-1" aria-label=${t('talks.attachment.choose')}
                @change=${this.onFilesPicked} />
              <sl-button size="small" data-action="choose-attachment" ?loading=${this.uploading}
                @click=${() => this.querySelector('input[data-input="talk-attachment"]').click()}>
                <sl-icon slot="prefix" name="paperclip"></sl-icon>${t('talks.attachment.choose')}</sl-button>
            </div>`
          : ''}
      </div>
      ${this.uploadError
        ? html`<sl-alert variant="danger" open class="ql-form-alert" data-form-error>
            <sl-icon slot="icon" name="exclamation-triangle"></sl-icon>
            <div>${t('talks.attachment.failed')}</div>
            ${this.uploadError.map((m) => html`<div>${m}</div>`)}
          </sl-alert>`
        : ''}
      ${attachments.length === 0
        ? html`<div class="ql-empty" data-state="no-attachments">${t('talks.attachment.none')}</div>`
        : html`<ul class="ql-attachments ql-talks-attachments" data-testid="talks-attachments">
            ${attachments.map(
              (a) => html`<li>
                <sl-icon name=${String(a.contentType || '').includes('pdf') ? 'file-earmark-pdf' : 'file-earmark'}></sl-icon>
                <a href=${attachmentHref(a.id)} download=${a.filename} data-attachment-id=${a.id}>${a.filename}</a>
                <span class="ql-muted">${formatSize(a.size)}</span>
                <span class="ql-muted">${formatDateTime(a.createdAt)}</span>
              </li>`,
            )}
          </ul>`}
      ${writable ? html`<div class="ql-muted">${t('talks.attachment.hint')}</div>` : ''}
    </section>`;
  }

  renderTimeline() {
    return timeline(this.detail.timeline, {
      title: t('talks.timeline'),
      empty: t('talks.timeline.none'),
      testid: 'talks-timeline',
      label: timelineLabel,
      stateTag: (s) => statusTag(s),
      tone: (a) => TIMELINE_TONE[a],
    });
  }

  renderActionField(f, e) {
    const common = {
      help: fieldError(e, f.name),
      cls: invalidClass(e, f.name),
      label: t(`talks.transition.field.${f.name}`),
    };
    switch (f.type) {
      case 'date':
        return html`<sl-input name=${f.name} data-field=${f.name} type="date" ?required=${!!f.required} label=${common.label}
          .value=${f.today ? today() : ''} max=${ifDefined(f.notFuture ? today() : undefined)} min=${ifDefined(f.notPast ? today() : undefined)} help-text=${common.help} class=${common.cls}></sl-input>`;
      case 'text':
        return html`<sl-input name=${f.name} data-field=${f.name} maxlength=${f.max || 200} ?required=${!!f.required} label=${common.label}
          help-text=${common.help} class=${common.cls}></sl-input>`;
      case 'assessment':
        return html`<sl-select name=${f.name} data-field=${f.name} hoist ?required=${!!f.required} label=${common.label}
          help-text=${common.help} class=${common.cls}>${codeOptions(ASSESSMENTS, assessmentLabel)}</sl-select>`;
      default:
        return html`<sl-textarea name=${f.name} data-field=${f.name} rows="3" resize="auto" maxlength=${f.max || 1000} ?required=${!!f.required}
          label=${f.name === 'note' ? t(`talks.transition.note.${this.action}`) : common.label}
          help-text=${common.help} class=${common.cls}></sl-textarea>`;
    }
  }

  renderTransitionDialog() {
    const a = this.action;
    const e = this.transitionErrors;
    const fields = (a && ACTION_FIELDS[a]) || [];
    return html`<sl-dialog data-dialog="transition" data-testid="talks-transition-dialog" class="ql-dialog-medium" label=${a ? actionLabel(a) : ''}>
      ${a
        ? keyed(
            this.actionSeq,
            html`<form novalidate class="ql-form" data-form="transition" data-transition=${a} @submit=${this.transition}>
              <div>${t(`talks.transition.hint.${a}`)}</div>
              ${formAlert(e, fields.map((f) => f.name))}
              ${fields.map((f) => this.renderActionField(f, e))}
              <button type="submit" hidden></button>
            </form>`,
          )
        : ''}
      ${dialogButtons({
        action: 'confirm-transition',
        label: a ? actionLabel(a) : t('action.confirm'),
        variant: a === 'CANCEL' ? 'danger' : 'primary',
        busy: this.transitionBusy,
        form: 'transition',
      })}
    </sl-dialog>`;
  }

  renderFindingDialog() {
    return html`<sl-dialog data-dialog="finding" class="ql-dialog-medium" label=${t('talks.finding.raise')}>
      <div class="ql-form">
        <div>${t('talks.finding.hint')}</div>
        ${this.detail.followUp ? html`<div class="ql-note">${this.detail.followUp}</div>` : ''}
        <sl-select name="severity" data-field="severity" hoist clearable label=${t('talks.finding.severity')} value="MEDIUM">
          ${SEVERITIES.map((s) => html`<sl-option value=${s}>${t(`talks.finding.severity.${s}`)}</sl-option>`)}</sl-select>
      </div>
      ${dialogButtons({ action: 'confirm-finding', label: t('talks.finding.raise'), busy: this.findingBusy, onConfirm: () => this.raiseFinding() })}
    </sl-dialog>`;
  }

  render() {
    const back = backButton('talks/register', t('talks.register.title'));
    const pending = this.renderPending({ page: 'talks-talk', route: 'talks/talks', back, missing: t('talks.talk.missing') });
    if (pending) {
      return pending;
    }
    const p = this.talk;
    return html`<div class="ql-page" data-page="talks-talk" data-route="talks/talks" data-talk-id=${p.id} data-status=${p.status}
      data-version=${p.version}>
      <div>${back}</div>
      <div class="ql-page-header ql-detail-header">
        <h2>${t('talks.talk.title', kindLabel(p.kind), p.number ?? '')}</h2>
        <span class="ql-detail-header-tags">
          ${statusTag(p.status, 'medium')} ${sensitivityTag(p.sensitivity, { size: 'medium' })} ${proposedTag(p)} ${overdueBadges(p)}
        </span>
        ${can(this.me, PERM.write) && !FINAL.has(p.status)
          ? html`<sl-button size="small" data-action="edit-talk" @click=${this.edit}>
              <sl-icon slot="prefix" name="pencil"></sl-icon>${t('action.edit')}</sl-button>`
          : ''}
      </div>
      ${can(this.me, PERM.write) ? this.renderActions() : ''}
      <div class="ql-detail">
        <div class="ql-detail-main">${this.renderFields()} ${this.renderSubjects()} ${this.renderTexts()} ${this.renderAttachments()}</div>
        <div class="ql-detail-side">${this.renderTimeline()}</div>
      </div>
      ${this.renderTransitionDialog()} ${this.detail.canRaiseFinding ? this.renderFindingDialog() : ''}
      <ql-talks-dialog .units=${this.units} @ql-talks-saved=${this.onSaved}></ql-talks-dialog>
    </div>`;
  }
}

if (!customElements.get('ql-talks-talk')) {
  customElements.define('ql-talks-talk', QlTalksTalk);
}
