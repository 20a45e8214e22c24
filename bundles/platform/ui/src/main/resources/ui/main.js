import { LitElement, html } from 'lit';
import '@shoelace-style/shoelace/shoelace.js';

class QlApp extends LitElement {
  static properties = { text: { state: true } };
  async connectedCallback() {
    super.connectedCallback();
    const messages = await (await fetch('/ui/i18n/zh-CN.json')).json();
    this.text = messages['app.title'];
  }
  render() {
    return html`<sl-card><h1>${this.text}</h1><sl-button variant="primary">OK</sl-button></sl-card>`;
  }
}
customElements.define('ql-app', QlApp);
