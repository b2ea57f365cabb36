import { html, type SafeHtml } from './html.js'

/**
 * The page shell shared by every page.
 *
 * @param title - the document title and the page's heading
 * @param body - the page's content
 * @param scripts - module scripts to load (same-origin paths)
 */
export function layout(title: string, body: SafeHtml, scripts: readonly string[] = []): string {
  return html`<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <title>${title} · auth-dynamo example</title>
    <style>
      body { font: 16px/1.5 system-ui, sans-serif; max-width: 40rem; margin: 2rem auto; padding: 0 1rem; }
      form { margin: 1rem 0; }
      [role='alert'] { color: #b00020; }
    </style>
  </head>
  <body>
    <nav><a href="/">Home</a> · <a href="/protected">Protected page</a></nav>
    <main>
      <h1>${title}</h1>
      ${body}
    </main>
    ${scripts.map((src) => html`<script type="module" src="${src}"></script>`)}
  </body>
</html>
`.value
}
