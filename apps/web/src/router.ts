import { useEffect, useState } from 'preact/hooks';

/** A small History API router: links with data-link are handled here, everything else is normal. */
export function navigate(path: string): void {
  history.pushState(null, '', path);
  window.dispatchEvent(new Event('fineprint:navigate'));
  window.scrollTo(0, 0);
}

export function useLocation(): URL {
  const [url, setUrl] = useState(() => new URL(location.href));
  useEffect(() => {
    const update = () => setUrl(new URL(location.href));
    window.addEventListener('popstate', update);
    window.addEventListener('fineprint:navigate', update);
    return () => {
      window.removeEventListener('popstate', update);
      window.removeEventListener('fineprint:navigate', update);
    };
  }, []);
  return url;
}

export function interceptLinks(): void {
  document.addEventListener('click', (event) => {
    const anchor = (event.target as Element | null)?.closest?.('a[href]');
    if (
      !anchor ||
      event.defaultPrevented ||
      event.button !== 0 ||
      event.metaKey ||
      event.ctrlKey ||
      event.shiftKey
    )
      return;
    const href = anchor.getAttribute('href') ?? '';
    if (
      !href.startsWith('/') ||
      href.startsWith('/api/') ||
      href.startsWith('/feeds/') ||
      anchor.hasAttribute('download')
    )
      return;
    event.preventDefault();
    navigate(href);
  });
}

export type Route = { name: string; params: Record<string, string> };

export function match(pathname: string): Route {
  const routes: [RegExp, string, string[]][] = [
    [/^\/$/, 'home', []],
    [/^\/changes\/([^/]+)$/, 'change', ['id']],
    [/^\/documents\/([^/]+)\/compare$/, 'compare', ['id']],
    [/^\/documents\/([^/]+)$/, 'document', ['id']],
    [/^\/vendors\/([^/]+)$/, 'vendor', ['slug']],
    [/^\/subscribe$/, 'subscribe', []],
    [/^\/admin$/, 'admin', []],
  ];
  for (const [re, name, keys] of routes) {
    const m = re.exec(pathname);
    if (m)
      return {
        name,
        params: Object.fromEntries(keys.map((k, i) => [k, decodeURIComponent(m[i + 1] ?? '')])),
      };
  }
  return { name: 'not-found', params: {} };
}
