import { render } from 'preact';

import { html } from './html';
import { AdminPage } from './pages/admin.page';
import { ChangePage } from './pages/change.page';
import { ComparePage } from './pages/compare.page';
import { DocumentPage } from './pages/document.page';
import { HomePage } from './pages/home.page';
import { SubscribePage } from './pages/subscribe.page';
import { VendorPage } from './pages/vendor.page';
import { interceptLinks, match, useLocation } from './router';

function Page({ url }: { url: URL }) {
  const route = match(url.pathname);
  const p = route.params;
  switch (route.name) {
    case 'home':
      return html`<${HomePage} url=${url} />`;
    case 'change':
      return html`<${ChangePage} id=${p['id'] ?? ''} />`;
    case 'document':
      return html`<${DocumentPage} id=${p['id'] ?? ''} />`;
    case 'compare':
      return html`<${ComparePage} id=${p['id'] ?? ''} url=${url} />`;
    case 'vendor':
      return html`<${VendorPage} slug=${p['slug'] ?? ''} />`;
    case 'subscribe':
      return html`<${SubscribePage} />`;
    case 'admin':
      return html`<${AdminPage} />`;
    default:
      return html`<h1>Not found</h1>
        <p>There is no page at this address. <a href="/">Recent changes</a></p>`;
  }
}

function App() {
  const url = useLocation();
  return html` <header class="top">
      <a class="brand" href="/">Fineprint</a>
      <nav aria-label="Main">
        <ul>
          <li><a href="/">Changes</a></li>
          <li><a href="/subscribe">Subscribe</a></li>
          <li><a href="/api/docs">API</a></li>
          <li><a href="/admin">Admin</a></li>
        </ul>
      </nav>
    </header>
    <main id="main" tabindex="-1"><${Page} url=${url} /></main>`;
}

interceptLinks();
const root = document.getElementById('app');
if (root) {
  root.textContent = '';
  render(html`<${App} />`, root);
}
