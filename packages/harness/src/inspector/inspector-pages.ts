import { adminPath } from '../admin/admin-path.js'
import type { OperationCounts } from '../dispatch/operation-log.js'
import type { FaultRuleStatus } from '../features/faults/fault-rule.js'
import type { Namespace } from '../namespaces/namespace.js'
import type { SnapshotInfo } from '../snapshot/snapshot-store.js'
import {
  type AuthjsUserGroup,
  type AuthjsView,
  groupAuthjsItems,
  type PlainItem,
} from './authjs-view.js'
import { html, type SafeHtml } from './html.js'
import type { ItemPage, TableSummary } from './inspector-data.js'
import { inspectorPath } from './inspector-token.js'
import { describeTtl, formatDuration, ttlStatus } from './ttl-status.js'

/** Links of the inspector for one namespace. */
export const inspectorUrls = {
  namespace: (id: string) => `${inspectorPath}/namespaces/${encodeURIComponent(id)}`,
  items: (id: string, table: string, query: Record<string, string | undefined> = {}) => {
    const search = new URLSearchParams(
      Object.entries(query).filter((entry): entry is [string, string] => Boolean(entry[1])),
    ).toString()
    return `${inspectorUrls.namespace(id)}/tables/${encodeURIComponent(table)}${search ? `?${search}` : ''}`
  },
  authjs: (id: string, table: string) =>
    `${inspectorUrls.namespace(id)}/tables/${encodeURIComponent(table)}/authjs`,
}

/** The admin API base of a namespace, which the page's forms post to. */
function apiOf(namespace: Namespace): string {
  return namespace.accessKeyId === undefined
    ? adminPath
    : `${adminPath}/namespaces/${encodeURIComponent(namespace.id)}`
}

/** The frame of every page: title, namespace links, flash message, script. */
export function layout(
  title: string,
  current: Namespace | undefined,
  namespaces: readonly Namespace[],
  body: SafeHtml,
): string {
  return html`<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${title} · auth-dynamo inspector</title>
<link rel="stylesheet" href="${inspectorPath}/assets/inspector.css">
</head>
<body>
<header>
<h1><a href="${inspectorPath}">auth-dynamo inspector</a></h1>
<nav class="namespaces" aria-label="Namespaces">Namespace:
${namespaces.map(
  (namespace) =>
    html`<a href="${inspectorUrls.namespace(namespace.id)}" ${
      namespace === current ? html`aria-current="page"` : ''
    } data-namespace="${namespace.id}">${namespace.id}</a>`,
)}
</nav>
</header>
<div id="flash" role="status" hidden></div>
<main>
${body}
</main>
<script src="${inspectorPath}/assets/inspector.js"></script>
</body>
</html>
`.value
}

/** The overview of a namespace: clock, tables, faults, operation log, snapshots. */
export function overviewPage(parts: {
  namespace: Namespace
  namespaces: readonly Namespace[]
  tables: readonly TableSummary[]
  faults: readonly FaultRuleStatus[]
  operations: Record<string, OperationCounts>
  snapshots: readonly SnapshotInfo[]
}): string {
  const { namespace } = parts
  const api = apiOf(namespace)
  const now = namespace.clock.now()
  const offset = namespace.clock.offsetMs()
  const body = html`
<section id="clock" aria-labelledby="clock-title">
<h2 id="clock-title">Clock</h2>
<p>Now: <time id="clock-now" datetime="${now.toISOString()}">${now.toISOString()}</time>
<span class="muted">(${namespace.clock.mode}${
    offset === 0
      ? ''
      : `, ${offset > 0 ? 'ahead of' : 'behind'} the machine by ${formatDuration(Math.abs(offset))}`
  })</span></p>
<form data-api="${api}/clock" data-kind="advance" data-done="Clock advanced">
<label>Advance by <input name="amount" type="number" min="0" step="any" value="1" required></label>
<select name="unit" aria-label="Unit"><option value="m">minutes</option><option value="h" selected>hours</option><option value="d">days</option><option value="s">seconds</option></select>
<button type="submit">Advance</button>
</form>
<form data-api="${api}/clock" data-kind="set" data-done="Clock set">
<label>Set to <input name="date" type="datetime-local" step="1" required></label>
<button type="submit">Set</button>
</form>
<form data-api="${api}/clock" data-kind="reset-clock" data-done="Clock back on real time"><button type="submit">Back to real time</button></form>
<form data-api="${api}/sweep" data-kind="table" data-done="Swept"><button type="submit">Sweep now</button></form>
</section>

<section id="tables" aria-labelledby="tables-title">
<h2 id="tables-title">Tables</h2>
${
  parts.tables.length === 0
    ? html`<p class="muted">No tables.</p>`
    : html`<table>
<thead><tr><th>Table</th><th>Items</th><th>Key</th><th>Indexes</th><th>TTL attribute</th><th>Index lag</th><th></th></tr></thead>
<tbody>
${parts.tables.map(
  (table) => html`<tr data-table="${table.name}">
<td><a href="${inspectorUrls.items(namespace.id, table.name)}">${table.name}</a></td>
<td>${table.itemCount}</td>
<td>${table.partitionKey}${table.sortKey ? ` / ${table.sortKey}` : ''}</td>
<td>${table.indexes.join(', ') || html`<span class="muted">none</span>`}</td>
<td>${table.ttlAttribute ?? html`<span class="muted">off</span>`}</td>
<td>${table.indexLagMs > 0 ? `${table.indexLagMs} ms` : html`<span class="muted">none</span>`}</td>
<td><a href="${inspectorUrls.authjs(namespace.id, table.name)}">Auth.js view</a>
<form data-api="${api}/truncate" data-kind="table" data-done="Truncated"><input type="hidden" name="tableName" value="${table.name}"><button type="submit">Truncate</button></form></td>
</tr>`,
)}
</tbody></table>`
}
</section>

<section id="faults" aria-labelledby="faults-title">
<h2 id="faults-title">Fault rules</h2>
${
  parts.faults.length === 0
    ? html`<p class="muted">No fault rules.</p>`
    : html`<table>
<thead><tr><th>Rule</th><th>Matches</th><th>Action</th><th>Fires</th><th>Matched / fired / left</th><th></th></tr></thead>
<tbody>
${parts.faults.map(
  (rule) => html`<tr data-fault="${rule.id}">
<td>${rule.id}${rule.description ? html`<br><span class="muted">${rule.description}</span>` : ''}</td>
<td>${describeMatch(rule)}</td>
<td><pre>${JSON.stringify(rule.action)}</pre></td>
<td>${rule.probability === undefined || rule.probability === 1 ? 'always' : `p = ${rule.probability}`}, seed ${rule.seed}</td>
<td>${rule.matched} / ${rule.fired} / ${rule.remaining ?? '∞'}</td>
<td><form data-api="${api}/faults/${encodeURIComponent(rule.id)}" data-method="DELETE" data-done="Rule removed"><button type="submit">Remove</button></form></td>
</tr>`,
)}
</tbody></table>
<form data-api="${api}/faults" data-method="DELETE" data-done="Rules cleared"><button type="submit">Remove every rule</button></form>`
}
</section>

<section id="operations" aria-labelledby="operations-title">
<h2 id="operations-title">Operations by principal</h2>
${
  Object.keys(parts.operations).length === 0
    ? html`<p class="muted">No client requests yet.</p>`
    : html`<table>
<thead><tr><th>Principal (access key)</th><th>Operations</th></tr></thead>
<tbody>
${Object.entries(parts.operations).map(
  ([principal, counts]) =>
    html`<tr data-principal="${principal}"><td>${principal}</td><td>${Object.entries(counts)
      .map(([operation, count]) => `${operation} ${count}`)
      .join(', ')}</td></tr>`,
)}
</tbody></table>`
}
</section>

<section id="snapshots" aria-labelledby="snapshots-title">
<h2 id="snapshots-title">Snapshots</h2>
${
  parts.snapshots.length === 0
    ? html`<p class="muted">No snapshots.</p>`
    : html`<ul>${parts.snapshots.map(
        (snapshot) =>
          html`<li>${snapshot.id}: ${snapshot.tables.join(', ')}, ${snapshot.items} items, ${snapshot.createdAt}
<form data-api="${api}/snapshots/${encodeURIComponent(snapshot.id)}/restore" data-done="Restored"><button type="submit">Restore</button></form></li>`,
      )}</ul>`
}
</section>`
  return layout(`Namespace ${namespace.id}`, namespace, parts.namespaces, body)
}

/** A page of a table's items, with their TTL status. */
export function itemsPage(parts: {
  namespace: Namespace
  namespaces: readonly Namespace[]
  table: TableSummary
  page: ItemPage
  prefix: string
  start: string | undefined
}): string {
  const { namespace, table, page, prefix } = parts
  const nowMs = namespace.clock.now().getTime()
  const body = html`
<p><a href="${inspectorUrls.namespace(namespace.id)}">← ${namespace.id}</a> · <a href="${inspectorUrls.authjs(namespace.id, table.name)}">Auth.js view</a></p>
<section aria-labelledby="items-title">
<h2 id="items-title">${table.name}: items</h2>
<form method="get" action="${inspectorUrls.items(namespace.id, table.name)}">
<label>Key prefix <input name="prefix" value="${prefix}" placeholder="USER#"></label>
<button type="submit">Filter</button>
</form>
<p class="muted">${table.itemCount} items in the table${prefix ? html`; showing those whose ${table.partitionKey}${table.sortKey ? ` or ${table.sortKey}` : ''} starts with “${prefix}”` : ''}. Clock: ${new Date(nowMs).toISOString()}.</p>
${
  page.items.length === 0
    ? html`<p class="muted">No items${parts.start ? ' on this page' : ''}.</p>`
    : html`<table>
<thead><tr><th>${table.partitionKey}</th>${table.sortKey ? html`<th>${table.sortKey}</th>` : ''}<th>TTL</th><th>Item</th></tr></thead>
<tbody>
${page.items.map((item) => {
  const status = ttlStatus(item, table.ttlAttribute, nowMs)
  return html`<tr data-item-key="${String(item[table.partitionKey])}${table.sortKey ? `|${String(item[table.sortKey])}` : ''}" data-ttl-state="${status.state}">
<td>${String(item[table.partitionKey])}</td>${table.sortKey ? html`<td>${String(item[table.sortKey])}</td>` : ''}
<td class="ttl-${status.state}">${describeTtl(status)}</td>
<td><pre>${JSON.stringify(item, null, 1)}</pre></td>
</tr>`
})}
</tbody></table>`
}
<p>${parts.start ? html`<a href="${inspectorUrls.items(namespace.id, table.name, { prefix })}">First page</a> ` : ''}${
    page.next
      ? html`<a rel="next" href="${inspectorUrls.items(namespace.id, table.name, { prefix, start: page.next })}">Next page</a>`
      : ''
  }</p>
</section>`
  return layout(`${table.name} items`, namespace, parts.namespaces, body)
}

/** The Auth.js view of a table: users with their accounts, sessions and authenticators. */
export function authjsPage(parts: {
  namespace: Namespace
  namespaces: readonly Namespace[]
  table: TableSummary
  items: PlainItem[]
  complete: boolean
}): string {
  const { namespace, table } = parts
  const nowMs = namespace.clock.now().getTime()
  const view: AuthjsView = groupAuthjsItems(parts.items, table.partitionKey, table.sortKey ?? '')
  const ttlCell = (item: PlainItem) => {
    const status = ttlStatus(item, table.ttlAttribute, nowMs)
    return html`<td class="ttl-${status.state}" data-ttl-state="${status.state}">${describeTtl(status) || html`<span class="muted">no expiry</span>`}</td>`
  }
  const sortKeyOf = (item: PlainItem) => String(item[table.sortKey ?? ''] ?? '')
  const userCard = (
    group: AuthjsUserGroup,
  ) => html`<article class="user" data-user="${group.userId}">
<h3>User ${group.userId}${
    group.user
      ? html` · ${String(group.user.email ?? '')}${group.user.name ? ` · ${String(group.user.name)}` : ''}`
      : html` <span class="ttl-expired">(no user item: related items remain)</span>`
  }</h3>
${group.accounts.length > 0 ? html`<h4>Accounts</h4><table><tbody>${group.accounts.map((account) => html`<tr data-account="${sortKeyOf(account)}"><td>${String(account.provider ?? '')}</td><td>${String(account.providerAccountId ?? '')}</td><td>${String(account.type ?? '')}</td></tr>`)}</tbody></table>` : ''}
${group.sessions.length > 0 ? html`<h4>Sessions</h4><table><tbody>${group.sessions.map((session) => html`<tr data-session="${sortKeyOf(session).slice('SESSION#'.length)}"><td>${sortKeyOf(session).slice('SESSION#'.length)}</td><td>expires ${expiresText(session, table.ttlAttribute)}</td>${ttlCell(session)}</tr>`)}</tbody></table>` : ''}
${group.authenticators.length > 0 ? html`<h4>Authenticators</h4><table><tbody>${group.authenticators.map((authenticator) => html`<tr data-authenticator="${sortKeyOf(authenticator).slice('AUTHENTICATOR#'.length)}"><td>${sortKeyOf(authenticator).slice('AUTHENTICATOR#'.length)}</td><td>counter ${String(authenticator.counter ?? '')}</td><td>${String(authenticator.transports ?? '')}</td></tr>`)}</tbody></table>` : ''}
${group.other.length > 0 ? html`<h4>Other items</h4>${group.other.map((item) => html`<pre>${JSON.stringify(item)}</pre>`)}` : ''}
</article>`
  const body = html`
<p><a href="${inspectorUrls.namespace(namespace.id)}">← ${namespace.id}</a> · <a href="${inspectorUrls.items(namespace.id, table.name)}">All items</a></p>
<section aria-labelledby="authjs-title">
<h2 id="authjs-title">${table.name}: Auth.js view</h2>
<p class="muted">Clock: ${new Date(nowMs).toISOString()}.${parts.complete ? '' : ` Only the first ${parts.items.length} items are shown.`}</p>
<h3>Users (${view.users.filter((group) => group.user).length})</h3>
${view.users.length === 0 ? html`<p class="muted">No users.</p>` : view.users.map(userCard)}
<h3>Verification tokens (${view.verificationTokens.length})</h3>
${
  view.verificationTokens.length === 0
    ? html`<p class="muted">None.</p>`
    : html`<table><tbody>${view.verificationTokens.map(
        (token) =>
          html`<tr data-verification-token="${String(token[table.partitionKey])}|${sortKeyOf(token)}"><td>${String(token[table.partitionKey]).slice('VT#'.length)}</td><td>expires ${expiresText(token, table.ttlAttribute)}</td>${ttlCell(token)}</tr>`,
      )}</tbody></table>`
}
${view.other.length > 0 ? html`<h3>Items outside the Auth.js layout (${view.other.length})</h3>${view.other.map((item) => html`<pre>${JSON.stringify(item)}</pre>`)}` : ''}
</section>`
  return layout(`${table.name} Auth.js view`, namespace, parts.namespaces, body)
}

/** A page saying what was not found. */
export function notFoundPage(message: string, namespaces: readonly Namespace[]): string {
  return layout('Not found', undefined, namespaces, html`<h2>Not found</h2><p>${message}</p>`)
}

function expiresText(item: PlainItem, attribute: string | undefined): string {
  const value = attribute === undefined ? undefined : item[attribute]
  if (typeof value === 'number') return new Date(value * 1000).toISOString()
  return value === undefined ? '—' : String(value)
}

function describeMatch(rule: FaultRuleStatus): string {
  const parts = [
    rule.operations ? `operations ${rule.operations.join(', ')}` : '',
    rule.tables ? `tables ${rule.tables.join(', ')}` : '',
    rule.keyPrefix !== undefined ? `key prefix ${rule.keyPrefix}` : '',
    rule.principal !== undefined ? `principal ${rule.principal}` : '',
  ].filter(Boolean)
  return parts.length > 0 ? parts.join('; ') : 'every request'
}
