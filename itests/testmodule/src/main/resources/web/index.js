// The test module's UI: renders its one route with the portal's shared Lit instance and API helper.
import { html, render } from 'lit';

const TEXT = {
  'zh-CN': { title: '测试事项', code: '编号', count: '数量' },
  en: { title: 'Test items', code: 'Code', count: 'Count' },
};

export default async function show(route, container, portal) {
  const t = TEXT[portal.lang] || TEXT['zh-CN'];
  const items = await portal.api.get('/api/v1/testmod/items');
  render(html`<section data-module="testmod">
      <h2>${t.title}</h2>
      <table data-testid="testmod-items">
        <thead><tr><th>${t.code}</th><th>${t.count}</th></tr></thead>
        <tbody>${items.map((i) => html`<tr><td>${i.code}</td><td>${i.count}</td></tr>`)}</tbody>
      </table>
    </section>`, container);
}
