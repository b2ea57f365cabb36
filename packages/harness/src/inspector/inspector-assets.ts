// The inspector's only script and stylesheet, served as files (the page's Content-Security-
// Policy allows nothing inline). The script turns forms marked `data-api` into JSON requests to
// the admin API, which is all the page needs of JavaScript; without it, the pages still read.

/** `inspector.js`. */
export const inspectorScript = `'use strict'
const units = { s: 1000, m: 60000, h: 3600000, d: 86400000 }
const flash = document.getElementById('flash')
const saved = sessionStorage.getItem('auth-dynamo-flash')
if (saved && flash) {
  flash.textContent = saved
  flash.hidden = false
  sessionStorage.removeItem('auth-dynamo-flash')
}
function bodyOf(form) {
  const data = new FormData(form)
  switch (form.dataset.kind) {
    case 'advance':
      return { advanceMs: Math.round(Number(data.get('amount')) * units[String(data.get('unit'))]) }
    case 'set':
      return { set: new Date(String(data.get('date'))).toISOString() }
    case 'reset-clock':
      return { reset: true }
    case 'table':
      return data.get('tableName') ? { tableName: String(data.get('tableName')) } : {}
    default:
      return undefined
  }
}
document.addEventListener('submit', async (event) => {
  const form = event.target
  if (!(form instanceof HTMLFormElement) || !form.dataset.api) return
  event.preventDefault()
  let body
  try {
    body = bodyOf(form)
  } catch (error) {
    flash.textContent = String(error)
    flash.hidden = false
    return
  }
  const response = await fetch(form.dataset.api, {
    method: form.dataset.method || 'POST',
    headers: { 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  })
  const text = await response.text()
  let message = form.dataset.done || 'Done'
  try {
    const json = JSON.parse(text)
    if (!response.ok) message = json.error ? json.error.message : text
    else if (typeof json.deleted === 'number') message = message + ': ' + json.deleted + ' deleted'
    else if (json.now) message = message + ': ' + json.now
  } catch {
    if (!response.ok) message = text || String(response.status)
  }
  if (!response.ok) {
    flash.textContent = message
    flash.hidden = false
    flash.classList.add('error')
    return
  }
  sessionStorage.setItem('auth-dynamo-flash', message)
  location.reload()
})
`

/** `inspector.css`. */
export const inspectorStyles = `:root { color-scheme: light dark; font: 14px/1.4 system-ui, sans-serif; }
body { margin: 0; }
header { display: flex; flex-wrap: wrap; gap: .5rem 1.5rem; align-items: baseline; padding: .75rem 1rem; border-bottom: 1px solid #8884; }
header h1 { font-size: 1.1rem; margin: 0; }
nav.namespaces a { margin-right: .75rem; }
nav.namespaces a[aria-current] { font-weight: bold; text-decoration: none; }
main { padding: 0 1rem 2rem; }
section { margin: 1.25rem 0; }
h2 { font-size: 1rem; margin: 0 0 .5rem; }
table { border-collapse: collapse; width: 100%; }
th, td { text-align: left; vertical-align: top; padding: .3rem .5rem; border-bottom: 1px solid #8883; }
th { font-weight: 600; }
pre { margin: 0; white-space: pre-wrap; word-break: break-all; font-size: 12px; }
form { display: inline-flex; gap: .35rem; align-items: center; margin: 0 .75rem .35rem 0; }
input[type=number] { width: 6rem; }
.ttl-live { color: #2a7d2a; }
.ttl-expired { color: #b3261e; font-weight: 600; }
.muted { color: #888; }
#flash { padding: .5rem 1rem; background: #2a7d2a22; }
#flash.error { background: #b3261e22; }
.user { border: 1px solid #8884; border-radius: 6px; padding: .5rem .75rem; margin: .75rem 0; }
.user h3 { font-size: .95rem; margin: 0 0 .35rem; }
`
