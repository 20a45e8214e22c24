// One talk record: every field, the cadres talked to with their roles, who talked and who recorded,
// its sensitivity, what was said and required, the signed record's scans, its timeline; the
// transitions the user may make now (the server's `allowedActions`), each with a small form of
// the fields it needs; raising the follow-up requirement into the rectification ledger.
import { html } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { keyed } from 'lit/directives/keyed.js';
import { getOrNull, post, request } from 'qinglian/api.js';
import { attachmentHref, formatSize } from 'qinglian/files.js';
import { formatDate, formatDateTime, t } from 'qinglian/i18n.js';
import { LightElement, can, fieldError, formAlert, invalidClass, problemErrors, today, toast, toastError } from 'qinglian/ui.js';
import {
  ACTIONS,
  ACTION_FIELDS,
  ASSESSMENTS,
  BASE,
  FINAL,
  PERM,
  actionLabel,
  assessmentLabel,
  codeOptions,
  kindLabel,
  label,
  loadUnits,
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

const SEVERITIES = ['HIGH', 'MEDIUM', 'LOW'];

class QlTalksTalk extends LightElement {
  static properties = {
    talkId: { attribute: false },
    detail: { state: true },
    missing: { state: true },
    action: { state: true },
    transitionErrors: { state: true },
    transitionBusy: { state: true },
    uploading: { state: true },
    uploadError: { state: true },
    findingBusy: { state: true },
    units: { state: true },
  };

  constructor() {
    super();
    this.detail = null;
    this.missing = false;
    this.units = [];
    this.actionSeq = 0;
  }

  get me() {
    return this.portal && this.portal.me;
  }

  get talk() {
    return this.detail && this.detail.talk;
  }

  connectedCallback() {
    super.connectedCallback();
    this.load();
  }

  async load() {
    try {
      const detail = await getOrNull(`${BASE}/talks/${encodeURIComponent(this.talkId)}`);
      this.missing = !detail;
      this.detail = detail;
    } catch (e) {
      toastError(e);
      this.missing = true;
    }
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
    return { body, errors: Object.keys(fields).length ? { detail: t('validation.fixFields'), fields } : null };
  }

  async transition(e) {
    e?.preventDefault();
    const { body, errors } = this.readTransition();
    this.transitionErrors = errors;
    if (errors || this.transitionBusy) {
      return;
    }
    this.transitionBusy = true;
    const action = this.action;
    try {
      const talk = this.talk;
      this.detail = await request(`${BASE}/talks/${encodeURIComponent(talk.id)}/transitions`, {
        method: 'POST',
        body,
        version: talk.version,
      });
      this.querySelector('sl-dialog[data-dialog="transition"]').hide();
      toast(t('talks.transition.done', actionLabel(action)), 'success');
      window.dispatchEvent(new CustomEvent('ql-summary-changed'));
    } catch (error) {
      this.transitionErrors = problemErrors(error);
      if (error.status === 412) {
        this.transitionErrors.detail = t('talks.transition.stale');
        this.load();
      }
    } finally {
      this.transitionBusy = false;
    }
  }

  // ---- editing ----

  async edit() {
    if (!this.units.length) {
      this.units = await loadUnits().catch((e) => (toastError(e), []));
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
    const failed = [];
    for (const file of files) {
      try {
        await request(`${BASE}/talks/${encodeURIComponent(this.talk.id)}/attachments`, {
          method: 'POST',
          raw: file,
          contentType: file.type || 'application/octet-stream',
          params: { filename: file.name },
        });
      } catch (error) {
        failed.push(`${file.name}: ${(error.problem && (error.problem.detail || error.problem.title)) || error.message}`);
      }
    }
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
    const allowed = new Set(this.detail.allowedActions || []);
    const actions = ACTIONS.filter((a) => allowed.has(a));
    const talk = this.talk;
    return html`<div class="ql-talks-actions" data-testid="talks-actions" data-actions=${actions.join(' ')}>
      ${actions.map(
        (a) => html`<sl-button size="small" variant=${ACTION_VARIANT[a]} ?outline=${a === 'CANCEL'} data-action=${a}
          data-testid=${`talks-transition-${a}`} @click=${() => this.openTransition(a)}>
          <sl-icon slot="prefix" name=${ACTION_ICON[a]}></sl-icon>${actionLabel(a)}</sl-button>`,
      )}
      ${actions.length === 0 ? html`<span class="ql-muted" data-state="no-actions">${t('talks.transition.none')}</span>` : ''}
      <span class="ql-talks-actions-end">
        ${talk.findingRoute
          ? html`<a class="ql-talks-finding-link" href=${`#/${String(talk.findingRoute).replace(/^#?\/*/, '')}`} data-testid="talks-finding-link">
              <sl-icon name="journal-check"></sl-icon>${t('talks.finding.open')}</a>`
          : ''}
        ${this.detail.canRaiseFinding && can(this.me, PERM.write)
          ? html`<sl-button size="small" data-action="raise-finding" data-testid="talks-raise-finding" @click=${this.openFinding}>
              <sl-icon slot="prefix" name="box-arrow-in-right"></sl-icon>${t('talks.finding.raise')}</sl-button>`
          : ''}
      </span>
    </div>`;
  }

  renderFields() {
    const d = this.detail;
    const p = this.talk;
    const inquiry = p.kind === 'INQUIRY';
    const empty = html`<span class="ql-muted">—</span>`;
    const row = (key, value, field) => html`<dt>${t(key)}</dt><dd data-value=${field}>${value || empty}</dd>`;
    return html`<section class="ql-panel" data-section="fields">
      <dl class="ql-detail-list ql-talks-fields">
        ${row('talks.talk.kind', kindLabel(p.kind), 'kind')}
        ${row('talks.talk.reason', reasonLabel(p.reason), 'reason')}
        ${row('talks.talk.unit', p.unitName, 'unit')}
        ${row('talks.talk.year', p.year ? t('talks.year', p.year) : '', 'year')}
        ${row('talks.talk.plannedOn', formatDate(p.plannedOn), 'plannedOn')}
        ${inquiry
          ? html`${row('talks.talk.sentOn', formatDate(d.sentOn), 'sentOn')}
              ${row('talks.talk.replyDeadline', p.replyDeadline ? html`<span class=${p.replyOverdue ? 'ql-talks-overdue' : ''}>${formatDate(p.replyDeadline)}</span>` : '', 'replyDeadline')}
              ${row('talks.talk.repliedOn', formatDate(d.repliedOn), 'repliedOn')}
              ${row('talks.talk.assessment', d.assessment ? html`<sl-tag size="small" variant=${d.assessment === 'CREDIBLE' ? 'danger' : d.assessment === 'NOT_CREDIBLE' ? 'success' : 'warning'}
                  data-assessment=${d.assessment}>${assessmentLabel(d.assessment)}</sl-tag>` : '', 'assessment')}`
          : html`${row('talks.talk.heldOn', formatDate(p.heldOn), 'heldOn')} ${row('talks.talk.place', p.place, 'place')}`}
        ${row('talks.talk.conductors', names(p.conductors), 'conductors')}
        ${row('talks.talk.recorder', p.recorder ? p.recorder.name : '', 'recorder')}
        ${row('talks.talk.handlers', names(d.handlers), 'handlers')}
        ${row('talks.talk.sensitivity', sensitivityTag(p.sensitivity, { always: true }), 'sensitivity')}
        ${row('talks.talk.followUpDeadline', p.followUpDeadline ? html`<span class=${p.followUpOverdue ? 'ql-talks-overdue' : ''}>${formatDate(p.followUpDeadline)}</span>` : '', 'followUpDeadline')}
        ${d.followUpDoneAt ? row('talks.talk.followUpDoneAt', formatDateTime(d.followUpDoneAt), 'followUpDoneAt') : ''}
        ${p.sourceModule || p.sourceRoute
          ? row(
              'talks.talk.source',
              html`${p.sourceModule ? label(`talks.sourceModule.${p.sourceModule}`, p.sourceModule) : ''}
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
      <table class="ql-talks-table" data-testid="talks-subjects">
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
            ${texts.map(([name, key, value]) => html`<dt>${t(key)}</dt><dd class="ql-talks-pre" data-value=${name}>${value}</dd>`)}
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
          ? html`<div class="ql-talks-file-row">
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
        : html`<ul class="ql-talks-attachments" data-testid="talks-attachments">
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
    const entries = [...(this.detail.timeline || [])].sort((a, b) => String(a.at).localeCompare(String(b.at)));
    return html`<section class="ql-panel" data-section="timeline">
      <div class="ql-detail-title"><h3>${t('talks.timeline')}</h3></div>
      ${entries.length === 0
        ? html`<div class="ql-empty">${t('talks.timeline.none')}</div>`
        : html`<ol class="ql-talks-timeline" data-testid="talks-timeline">
            ${entries.map(
              (e) => html`<li data-timeline-action=${e.action} class=${`ql-talks-tl-${String(e.action).toLowerCase()}`}>
                <div class="ql-talks-tl-head">
                  <strong>${timelineLabel(e.action)}</strong>
                  <span class="ql-muted">${formatDateTime(e.at)}</span>
                </div>
                <div class="ql-talks-tl-meta">
                  <span>${e.actor || ''}</span>
                  ${e.from || e.to
                    ? html`<span class="ql-talks-tl-states">
                        ${statusTag(e.from)}${e.from && e.to ? html`<sl-icon name="arrow-right"></sl-icon>` : ''}${statusTag(e.to)}
                      </span>`
                    : ''}
                </div>
                ${e.note ? html`<div class="ql-talks-tl-note">${e.note}</div>` : ''}
              </li>`,
            )}
          </ol>`}
    </section>`;
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
      <sl-button slot="footer" data-action="cancel" @click=${() => this.querySelector('sl-dialog[data-dialog="transition"]').hide()}>${t('action.cancel')}</sl-button>
      <sl-button slot="footer" variant=${a === 'CANCEL' ? 'danger' : 'primary'} data-action="confirm-transition" ?loading=${this.transitionBusy}
        @click=${() => this.querySelector('form[data-form="transition"]').requestSubmit()}>${a ? actionLabel(a) : t('action.confirm')}</sl-button>
    </sl-dialog>`;
  }

  renderFindingDialog() {
    return html`<sl-dialog data-dialog="finding" class="ql-dialog-medium" label=${t('talks.finding.raise')}>
      <div class="ql-form">
        <div>${t('talks.finding.hint')}</div>
        ${this.detail.followUp ? html`<div class="ql-talks-tl-note">${this.detail.followUp}</div>` : ''}
        <sl-select name="severity" data-field="severity" hoist clearable label=${t('talks.finding.severity')} value="MEDIUM">
          ${SEVERITIES.map((s) => html`<sl-option value=${s}>${t(`talks.finding.severity.${s}`)}</sl-option>`)}</sl-select>
      </div>
      <sl-button slot="footer" data-action="cancel" @click=${() => this.querySelector('sl-dialog[data-dialog="finding"]').hide()}>${t('action.cancel')}</sl-button>
      <sl-button slot="footer" variant="primary" data-action="confirm-finding" ?loading=${this.findingBusy} @click=${this.raiseFinding}>
        ${t('talks.finding.raise')}</sl-button>
    </sl-dialog>`;
  }

  render() {
    const back = html`<sl-button variant="text" data-action="back" href="#/talks/register">
      <sl-icon slot="prefix" name="arrow-left"></sl-icon>${t('talks.register.title')}</sl-button>`;
    if (this.missing) {
      return html`<div class="ql-page" data-page="talks-talk" data-route="talks/talks">
        <div>${back}</div>
        <div class="ql-panel ql-empty" data-state="missing">${t('talks.talk.missing')}</div>
      </div>`;
    }
    if (!this.detail) {
      return html`<div class="ql-page" data-page="talks-talk" data-route="talks/talks"><div class="ql-empty"><sl-spinner></sl-spinner></div></div>`;
    }
    const p = this.talk;
    return html`<div class="ql-page" data-page="talks-talk" data-route="talks/talks" data-talk-id=${p.id} data-status=${p.status}
      data-version=${p.version}>
      <div>${back}</div>
      <div class="ql-page-header ql-talks-header">
        <h2>${t('talks.talk.title', kindLabel(p.kind), p.number ?? '')}</h2>
        <span class="ql-talks-header-tags">
          ${statusTag(p.status, 'medium')} ${sensitivityTag(p.sensitivity, { size: 'medium' })} ${proposedTag(p)} ${overdueBadges(p)}
        </span>
        ${can(this.me, PERM.write) && !FINAL.has(p.status)
          ? html`<sl-button size="small" data-action="edit-talk" @click=${this.edit}>
              <sl-icon slot="prefix" name="pencil"></sl-icon>${t('action.edit')}</sl-button>`
          : ''}
      </div>
      ${can(this.me, PERM.write) ? this.renderActions() : ''}
      <div class="ql-talks-detail">
        <div class="ql-talks-detail-main">${this.renderFields()} ${this.renderSubjects()} ${this.renderTexts()} ${this.renderAttachments()}</div>
        <div class="ql-talks-detail-side">${this.renderTimeline()}</div>
      </div>
      ${this.renderTransitionDialog()} ${this.detail.canRaiseFinding ? this.renderFindingDialog() : ''}
      <ql-talks-dialog .units=${this.units} @ql-talks-saved=${this.onSaved}></ql-talks-dialog>
    </div>`;
  }
}

if (!customElements.get('ql-talks-talk')) {
  customElements.define('ql-talks-talk', QlTalksTalk);
}
