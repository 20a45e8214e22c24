// The login page and the change-password form (forced after the first login, or from the user menu).
import { html } from 'lit';
import { post, setCsrfToken } from '../api.js';
import { t } from '../i18n.js';
import { LightElement, fieldError, formAlert, invalidClass, problemErrors, requiredErrors } from '../ui.js';

/** Fires `ql-signed-in` with `{ csrfToken, mustChangePassword }`. */
class QlLogin extends LightElement {
  static properties = { errors: { state: true }, busy: { state: true }, notice: {} };

  async submit(event) {
    event.preventDefault();
    const form = event.target;
    const values = {
      username: form.querySelector('[name="username"]').value,
      password: form.querySelector('[name="password"]').value,
    };
    this.errors = requiredErrors(values, ['username', 'password']);
    if (this.errors) {
      return;
    }
    this.busy = true;
    try {
      const answer = await post('/auth/login', { username: values.username.trim(), password: values.password }, { auth: false });
      setCsrfToken(answer.csrfToken);
      this.dispatchEvent(new CustomEvent('ql-signed-in', { detail: answer, bubbles: true, composed: true }));
    } catch (e) {
      this.errors = problemErrors(e);
      const password = form.querySelector('[name="password"]');
      password.value = '';
      password.focus();
    } finally {
      this.busy = false;
    }
  }

  render() {
    const e = this.errors;
    return html`<div class="ql-login-page">
      <sl-card class="ql-login-card">
        <div slot="header" class="ql-login-header">
          <img src="/ui/favicon.svg" alt="" class="ql-login-logo" />
          <div>
            <h1>${t('app.title')}</h1>
            <div class="ql-muted">${t('login.subtitle')}</div>
          </div>
        </div>
        <form novalidate @submit=${this.submit} class="ql-form" data-form="login">
          ${this.notice && !e ? html`<sl-alert variant="primary" open data-login-notice>
                <sl-icon slot="icon" name="info-circle"></sl-icon>${this.notice}</sl-alert>` : ''}
          ${formAlert(e, ['username', 'password'])}
          <sl-input name="username" autocomplete="username" autofocus label=${t('login.username')}
            help-text=${fieldError(e, 'username')} class=${invalidClass(e, 'username')}></sl-input>
          <sl-input name="password" type="password" autocomplete="current-password" password-toggle label=${t('login.password')}
            help-text=${fieldError(e, 'password')} class=${invalidClass(e, 'password')}></sl-input>
          <sl-button type="submit" variant="primary" data-action="login" ?loading=${this.busy}>${t('login.submit')}</sl-button>
        </form>
        <div slot="footer" class="ql-login-footer">
          <ql-lang-switch></ql-lang-switch>
        </div>
      </sl-card>
    </div>`;
  }
}
customElements.define('ql-login', QlLogin);

/**
 * Old, new and confirmed password; posts /auth/password and fires `ql-password-changed`.
 * `forced` shows it as the page after a first login (with a sign-out button).
 */
class QlPasswordForm extends LightElement {
  static properties = { errors: { state: true }, busy: { state: true }, forced: { type: Boolean } };

  reset() {
    this.errors = null;
    for (const el of this.querySelectorAll('sl-input')) {
      el.value = '';
    }
  }

  async submit(event) {
    event.preventDefault();
    const form = this.querySelector('form');
    const values = {};
    for (const name of ['oldPassword', 'newPassword', 'confirmPassword']) {
      values[name] = form.querySelector(`[name="${name}"]`).value;
    }
    let errors = requiredErrors(values, ['oldPassword', 'newPassword', 'confirmPassword']);
    if (!errors && (values.newPassword.length < 8 || values.newPassword.length > 128)) {
      errors = { detail: t('validation.fixFields'), fields: { newPassword: t('password.length') } };
    }
    if (!errors && values.newPassword !== values.confirmPassword) {
      errors = { detail: t('validation.fixFields'), fields: { confirmPassword: t('password.mismatch') } };
    }
    this.errors = errors;
    if (errors) {
      return;
    }
    this.busy = true;
    try {
      await post('/auth/password', { oldPassword: values.oldPassword, newPassword: values.newPassword });
      this.reset();
      this.dispatchEvent(new CustomEvent('ql-password-changed', { bubbles: true, composed: true }));
    } catch (e) {
      this.errors = problemErrors(e);
    } finally {
      this.busy = false;
    }
  }

  render() {
    const e = this.errors;
    const shown = ['oldPassword', 'newPassword', 'confirmPassword'];
    return html`<form novalidate @submit=${this.submit} class="ql-form" data-form="change-password">
      ${this.forced ? html`<sl-alert variant="warning" open><sl-icon slot="icon" name="shield-lock"></sl-icon>${t('password.forcedHint')}</sl-alert>` : ''}
      ${formAlert(e, shown)}
      <sl-input name="oldPassword" type="password" autocomplete="current-password" password-toggle label=${t('password.old')}
        help-text=${fieldError(e, 'oldPassword')} class=${invalidClass(e, 'oldPassword')}></sl-input>
      <sl-input name="newPassword" type="password" autocomplete="new-password" password-toggle label=${t('password.new')}
        help-text=${fieldError(e, 'newPassword') || t('password.rule')} class=${invalidClass(e, 'newPassword')}></sl-input>
      <sl-input name="confirmPassword" type="password" autocomplete="new-password" password-toggle label=${t('password.confirm')}
        help-text=${fieldError(e, 'confirmPassword')} class=${invalidClass(e, 'confirmPassword')}></sl-input>
      <div class="ql-form-buttons">
        ${this.forced ? html`<sl-button data-action="logout" @click=${() => this.dispatchEvent(new CustomEvent('ql-logout', { bubbles: true }))}>${t('user.logout')}</sl-button>` : ''}
        <sl-button type="submit" variant="primary" data-action="change-password" ?loading=${this.busy}>${t('password.submit')}</sl-button>
      </div>
    </form>`;
  }
}
customElements.define('ql-password-form', QlPasswordForm);

/** The forced change after a first login, as a page. */
class QlForcedPassword extends LightElement {
  render() {
    return html`<div class="ql-login-page">
      <sl-card class="ql-login-card">
        <div slot="header" class="ql-login-header">
          <img src="/ui/favicon.svg" alt="" class="ql-login-logo" />
          <div>
            <h1>${t('password.title')}</h1>
            <div class="ql-muted">${t('app.title')}</div>
          </div>
        </div>
        <ql-password-form forced></ql-password-form>
        <div slot="footer" class="ql-login-footer"><ql-lang-switch></ql-lang-switch></div>
      </sl-card>
    </div>`;
  }
}
customElements.define('ql-forced-password', QlForcedPassword);
