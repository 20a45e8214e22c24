// Module installation (模块安装): the module features of the bundled repositories with their
// state on this node, a dry run (preview) of installing, removing or upgrading one, the change
// itself as a job followed live, KAR packs uploaded from the browser, and this node's recent jobs.
import { html } from 'lit';
import { get, post, upload } from '../api.js';
import { actionButton, cellGroup, createGrid, nodeFormatter, tag } from '../grid.js';
import { formatDateTime, t } from '../i18n.js';
import { modulesChanged } from '../main.js';
import { LightElement, problemErrors, toast, toastError } from '../ui.js';

const BASE = '/modules/features';
const POLL_MS = 500;
const ENDED = ['SUCCEEDED', 'FAILED'];
const FEATURE_STATES = { INSTALLED: 'success', NOT_INSTALLED: 'neutral', BUSY: 'warning' };
const JOB_STATES = { QUEUED: 'neutral', RUNNING: 'primary', SUCCEEDED: 'success', FAILED: 'danger' };
/** The preview's lists, in the order the dialog shows them. */
const PREVIEW_LISTS = ['install', 'update', 'uninstall', 'refresh'];

/** Whether `available` is a later version than `installed` ('1.2.0.SNAPSHOT' style, numbers compared as numbers). */
function newer(available, installed) {
  if (!available || !installed) {
    return false;
  }
  const parts = (v) => String(v).split(/[.-]/);
  const a = parts(available);
  const b = parts(installed);
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    const x = a[i] ?? '';
    const y = b[i] ?? '';
    if (x === y) {
      continue;
    }
    const nx = /^\d+$/.test(x) ? Number(x) : NaN;
    const ny = /^\d+$/.test(y) ? Number(y) : NaN;
    if (!Number.isNaN(nx) && !Number.isNaN(ny)) {
      return nx > ny;
    }
    // a qualifier (SNAPSHOT) comes before the release without one
    if (x === '') {
      return true;
    }
    if (y === '') {
      return false;
    }
    return x > y;
  }
  return false;
}

/** The actions a feature's state allows: install when absent, uninstall (and upgrade to a later version) when present. */
function allowedActions(feature) {
  if (!feature.installedVersion) {
    return ['install'];
  }
  return newer(feature.version, feature.installedVersion) ? ['upgrade', 'uninstall'] : ['uninstall'];
}

function actionLabel(action) {
  return t(`install.action.${String(action || '').toUpperCase()}`);
}

class QlAdminInstall extends LightElement {
  static properties = {
    preview: { state: true }, // { feature, action, plan: null while loading }
    confirming: { state: true },
    job: { state: true }, // the job followed live
    karFile: { state: true },
    karError: { state: true },
    uploading: { state: true },
  };

  constructor() {
    super();
    this.preview = null;
    this.job = null;
    this.karFile = null;
    this.karError = null;
    this.features = [];
  }

  disconnectedCallback() {
    super.disconnectedCallback();
    this.gone = true;
    clearTimeout(this.pollTimer);
    this.featuresGrid?.destroy();
    this.jobsGrid?.destroy();
  }

  firstUpdated() {
    this.featuresGrid = createGrid(this.querySelector('[data-grid="features"]'), {
      data: [],
      pagination: false,
      columns: [
        {
          title: t('install.feature'),
          field: 'name',
          minWidth: 160,
          widthGrow: 1.2,
          cssClass: 'ql-wrap',
          formatter: nodeFormatter((row) => {
            const name = document.createElement('strong');
            name.textContent = row.name;
            return name;
          }),
          tooltip: true,
        },
        { title: t('install.description'), field: 'description', minWidth: 140, widthGrow: 1.5, cssClass: 'ql-wrap', tooltip: true },
        {
          title: t('install.versions'),
          field: 'version',
          width: 180,
          cssClass: 'ql-wrap',
          formatter: nodeFormatter((row) => {
            const div = document.createElement('div');
            const available = document.createElement('div');
            available.textContent = t('install.available', row.version || '');
            const installed = document.createElement('div');
            installed.className = 'ql-muted';
            installed.textContent = row.installedVersion ? t('install.installedVersion', row.installedVersion) : t('install.notInstalledVersion');
            div.append(available, installed);
            return div;
          }),
        },
        {
          title: t('install.state'),
          field: 'state',
          width: 95,
          formatter: nodeFormatter((row) => {
            const badge = tag(t(`install.state.${row.state}`), FEATURE_STATES[row.state] || 'neutral');
            badge.dataset.featureState = row.state;
            return badge;
          }),
        },
        {
          title: t('install.needs'),
          field: 'needs',
          minWidth: 110,
          cssClass: 'ql-wrap',
          formatter: (c) => (c.getValue() || []).join(t('list.separator')),
          tooltip: (e, c) => (c.getValue() || []).join(t('list.separator')),
        },
        { title: t('install.bundles'), field: 'bundles', width: 75, hozAlign: 'right' },
        {
          title: t('install.desired'),
          field: 'desired',
          width: 95,
          formatter: nodeFormatter((row) => {
            const key = row.desired === true ? 'yes' : row.desired === false ? 'no' : 'unset';
            const badge = tag(t(`install.desired.${key}`), row.desired === true ? 'primary' : 'neutral');
            badge.dataset.desired = key;
            return badge;
          }),
        },
        {
          title: t('grid.actions'),
          field: 'name',
          width: 220,
          formatter: nodeFormatter((row) => this.actions(row)),
        },
      ],
    });
    this.jobsGrid = createGrid(this.querySelector('[data-grid="jobs"]'), {
      data: [],
      pageSize: 10,
      columns: [
        { title: t('install.feature'), field: 'feature', minWidth: 150, widthGrow: 1.2, tooltip: true },
        { title: t('install.action'), field: 'action', width: 80, formatter: (c) => actionLabel(c.getValue()) },
        {
          title: t('install.jobState'),
          field: 'state',
          width: 90,
          formatter: nodeFormatter((row) => tag(t(`install.jobState.${row.state}`), JOB_STATES[row.state] || 'neutral')),
        },
        { title: t('install.progress'), field: 'progress', width: 80, hozAlign: 'right', formatter: (c) => t('install.percent', c.getValue() ?? 0) },
        { title: t('install.requestedBy'), field: 'requestedBy', width: 115, tooltip: true },
        { title: t('install.startedAt'), field: 'startedAt', width: 170, formatter: (c) => formatDateTime(c.getValue()) },
        { title: t('install.finishedAt'), field: 'finishedAt', width: 170, formatter: (c) => formatDateTime(c.getValue()) },
        { title: t('install.error'), field: 'error', minWidth: 120, widthGrow: 1.5, tooltip: true },
      ],
    });
    this.loadFeatures();
    this.loadJobs(true);
  }

  /** The row's action buttons; a busy feature's are disabled. */
  actions(row) {
    const busy = row.state === 'BUSY';
    const buttons = allowedActions(row).map((action) => {
      const button = actionButton(t(`install.preview.${action}`), () => this.openPreview(row.name, action), {
        action: `preview-${action}`,
        variant: action === 'uninstall' ? 'default' : 'primary',
        icon: action === 'uninstall' ? 'trash' : action === 'upgrade' ? 'arrow-up-circle' : 'download',
      });
      button.outline = action !== 'uninstall';
      button.dataset.feature = row.name;
      button.disabled = busy;
      return button;
    });
    const group = cellGroup(...buttons);
    group.classList.add('ql-cell-actions-wrap');
    return group;
  }

  async loadFeatures() {
    try {
      this.features = (await get(BASE)) || [];
      await this.featuresGrid.setData(this.features);
    } catch (e) {
      toastError(e);
    }
  }

  /** This node's jobs; at the first load, a job still running is followed again (after a language switch). */
  async loadJobs(resume = false) {
    try {
      const jobs = (await get(`${BASE}/jobs`)) || [];
      await this.jobsGrid.setData(jobs);
      if (resume && !this.job) {
        const active = jobs.find((j) => !ENDED.includes(j.state));
        if (active) {
          this.follow(active, false);
        }
      }
    } catch (e) {
      toastError(e);
    }
  }

  // ---- preview and change ---------------------------------------------------------------------

  async openPreview(feature, action) {
    this.preview = { feature, action, plan: null };
    const dialog = this.querySelector('sl-dialog[data-dialog="preview"]');
    await this.updateComplete;
    dialog.show();
    try {
      const plan = await get(`${BASE}/${encodeURIComponent(feature)}/preview`, { action });
      if (this.preview && this.preview.feature === feature && this.preview.action === action) {
        this.preview = { feature, action, plan };
      }
    } catch (e) {
      toastError(e);
      dialog.hide();
      this.loadFeatures();
    }
  }

  closePreview() {
    this.querySelector('sl-dialog[data-dialog="preview"]')?.hide();
  }

  onPreviewHidden(e) {
    if (e.target === e.currentTarget) {
      this.preview = null;
    }
  }

  async confirmChange() {
    const { feature, action } = this.preview || {};
    if (!feature || this.confirming) {
      return;
    }
    this.confirming = true;
    try {
      const job = await post(`${BASE}/${encodeURIComponent(feature)}/${action}`);
      this.closePreview();
      this.follow(job, true);
    } catch (e) {
      toastError(e);
      this.loadFeatures();
    } finally {
      this.confirming = false;
    }
  }

  // ---- jobs -------------------------------------------------------------------------------

  /** Shows `job` and polls it every 500 ms until it ends. */
  follow(job, started) {
    clearTimeout(this.pollTimer);
    this.job = job;
    if (started) {
      this.loadFeatures();
      this.loadJobs();
    }
    if (ENDED.includes(job.state)) {
      this.ended(job);
      return;
    }
    const poll = async () => {
      if (this.gone) {
        return;
      }
      try {
        const now = await get(`${BASE}/jobs/${encodeURIComponent(job.id)}`);
        if (this.gone || !this.job || this.job.id !== job.id) {
          return;
        }
        this.job = now;
        if (ENDED.includes(now.state)) {
          this.ended(now);
          return;
        }
      } catch (e) {
        if (e.status === 401 || e.status === 404) {
          toastError(e);
          return;
        }
        // a passing network failure: try again on the next tick
      }
      this.pollTimer = setTimeout(poll, POLL_MS);
    };
    this.pollTimer = setTimeout(poll, POLL_MS);
  }

  ended(job) {
    if (job.state === 'SUCCEEDED') {
      toast(t('install.jobSucceeded', job.feature, actionLabel(job.action)), 'success');
    } else {
      toast(t('install.jobFailed', job.feature, actionLabel(job.action), job.error || t('error.unexpected')), 'danger', 10000);
    }
    this.loadFeatures();
    this.loadJobs();
    modulesChanged();
  }

  // ---- KAR packs ----------------------------------------------------------------------------

  onKarPicked(e) {
    this.karFile = (e.target.files && e.target.files[0]) || null;
    this.karError = null;
  }

  async uploadKar() {
    const file = this.karFile;
    if (!file || this.uploading) {
      return;
    }
    this.uploading = true;
    this.karError = null;
    try {
      const job = await upload(`${BASE}/kars`, file, { name: file.name });
      const input = this.querySelector('input[data-input="kar"]');
      if (input) {
        input.value = '';
      }
      this.karFile = null;
      this.follow(job, true);
    } catch (e) {
      if (e.status === 401 || e.name === 'AbortError') {
        return;
      }
      // the problem's detail, and the field's own message of a refused file name
      this.karError = problemErrors(e);
    } finally {
      this.uploading = false;
    }
  }

  // ---- rendering ----------------------------------------------------------------------------

  renderJob() {
    const job = this.job;
    if (!job) {
      return '';
    }
    const ended = ENDED.includes(job.state);
    return html`<div class="ql-panel ql-job" data-job=${job.id}>
      <div class="ql-detail-title">
        <h3>${t('install.jobTitle', job.feature, actionLabel(job.action))}</h3>
        <sl-tag size="small" variant=${JOB_STATES[job.state] || 'neutral'} data-job-state=${job.state}>${t(`install.jobState.${job.state}`)}</sl-tag>
        ${ended
          ? html`<sl-icon-button name="x-lg" label=${t('action.close')} data-action="close-job" @click=${() => (this.job = null)}></sl-icon-button>`
          : ''}
      </div>
      <div class="ql-job-progress">
        <progress max="100" .value=${job.progress ?? 0} data-job-progress aria-label=${t('install.progress')}></progress>
        <span class="ql-muted">${t('install.percent', job.progress ?? 0)}</span>
      </div>
      <ol class="ql-job-steps" data-job-steps>
        ${(job.steps || []).map((s) => html`<li data-step=${s}>${t(s)}</li>`)}
      </ol>
      ${job.error ? html`<div class="ql-job-error" data-job-error>${job.error}</div>` : ''}
    </div>`;
  }

  renderPreview() {
    const p = this.preview;
    if (!p) {
      return '';
    }
    if (!p.plan) {
      return html`<div class="ql-empty"><sl-spinner></sl-spinner></div>`;
    }
    return html`<p>${t(`install.question.${p.action}`, p.feature)}</p>
      ${PREVIEW_LISTS.map((list) => {
        const items = p.plan[list] || [];
        return html`<div class="ql-preview-section" data-preview=${list}>
          <div class="ql-section-title"><span>${t(`install.list.${list}`)}</span><sl-badge variant="neutral" pill>${items.length}</sl-badge></div>
          ${items.length
            ? html`<ul class="ql-preview-list">${items.map((b) => html`<li>${b}</li>`)}</ul>`
            : html`<div class="ql-muted" data-preview-empty>${t(`install.list.${list}Empty`)}</div>`}
        </div>`;
      })}`;
  }

  render() {
    const p = this.preview;
    return html`<div class="ql-page" data-page="admin-install">
      <div class="ql-page-header">
        <h2>${t('nav.install')}</h2>
        <sl-button data-action="refresh" @click=${() => (this.loadFeatures(), this.loadJobs())}>
          <sl-icon slot="prefix" name="arrow-clockwise"></sl-icon>${t('install.refresh')}</sl-button>
      </div>
      ${this.renderJob()}
      <div class="ql-grid" data-grid="features"></div>
      <div class="ql-panel ql-kar" data-section="kar">
        <div class="ql-detail-title"><h3>${t('install.kar')}</h3></div>
        <div class="ql-muted">${t('install.karHint')}</div>
        <div class="ql-kar-row">
          <input type="file" accept=".kar" data-input="kar" class="ql-visually-hidden" tabindex="-1" aria-label=${t('install.karFile')}
            @change=${this.onKarPicked} />
          <sl-button data-action="choose-kar" @click=${() => this.querySelector('input[data-input="kar"]').click()}>
            <sl-icon slot="prefix" name="folder2-open"></sl-icon>${t('install.karChoose')}</sl-button>
          <span class=${this.karFile ? '' : 'ql-muted'} data-kar-name>${this.karFile ? this.karFile.name : t('install.karNone')}</span>
          <sl-button variant="primary" data-action="upload-kar" ?disabled=${!this.karFile} ?loading=${this.uploading} @click=${this.uploadKar}>
            <sl-icon slot="prefix" name="upload"></sl-icon>${t('install.karUpload')}</sl-button>
        </div>
        ${this.karError
          ? html`<sl-alert variant="danger" open class="ql-form-alert" data-kar-error>
              <sl-icon slot="icon" name="exclamation-triangle"></sl-icon>
              <div>${this.karError.detail}</div>
              ${Object.values(this.karError.fields).map((message) => html`<div>${message}</div>`)}
            </sl-alert>`
          : ''}
      </div>
      <h3 class="ql-section-heading">${t('install.jobs')}</h3>
      <div class="ql-grid" data-grid="jobs"></div>
      <sl-dialog label=${t('install.previewTitle')} data-dialog="preview" class="ql-dialog-medium" @sl-after-hide=${this.onPreviewHidden}>
        ${this.renderPreview()}
        <sl-button slot="footer" data-action="cancel" @click=${this.closePreview}>${t('action.cancel')}</sl-button>
        <sl-button slot="footer" class="ql-footer-button" data-action="confirm-change"
          variant=${p && p.action === 'uninstall' ? 'danger' : 'primary'} ?disabled=${!p || !p.plan} ?loading=${this.confirming}
          @click=${this.confirmChange}>${p ? t(`install.confirm.${p.action}`) : t('action.confirm')}</sl-button>
      </sl-dialog>
    </div>`;
  }
}
customElements.define('ql-admin-install', QlAdminInstall);
