// Checks the Grafana dashboard and the Prometheus alert rules without a Grafana or a Prometheus (.ci/run):
// the dashboard's shape, every rule's shape, every alert explained in docs/OPERATIONS.md, and every metric either
// file uses listed in that document's metrics table (each service's metrics test checks that its rows are exported).
// Uses deploy/k8s's pinned yaml package (npm ci there first).
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

const here = new URL('.', import.meta.url);
const YAML = createRequire(new URL('../k8s/package.json', here))('yaml');
const read = (path) => readFileSync(new URL(path, here), 'utf8');
const problems = [];
const fail = (what) => problems.push(what);

const operations = read('../../docs/OPERATIONS.md');
const section = (title) => {
  const start = operations.indexOf(title);
  if (start < 0) throw new Error(`docs/OPERATIONS.md has no "${title}"`);
  const next = operations.slice(start + title.length).search(/\n#{2,3} /);
  return next < 0 ? operations.slice(start) : operations.slice(start, start + title.length + next);
};
const firstCells = (text) => text.split('\n').filter((l) => l.startsWith('| `')).map((l) => l.split('|')[1]);
const documentedMetrics = new Set(firstCells(section('## Metrics (`/q/metrics`, Prometheus format)'))
  .flatMap((cell) => [...cell.matchAll(/`([a-z_:][a-z0-9_:]*)/g)].map((m) => m[1])));
const documentedAlerts = new Set(firstCells(section('### Alerts (`deploy/observability/alerts.yml`)'))
  .map((cell) => cell.match(/`([A-Za-z]+)`/)?.[1]).filter(Boolean));

// metric names in a PromQL expression: what is left once strings, label matchers, grouping clauses, durations,
// numbers, functions and keywords are taken out
const FUNCTIONS = new Set(['sum', 'min', 'max', 'avg', 'count', 'rate', 'irate', 'increase', 'deriv', 'delta',
  'histogram_quantile', 'abs', 'clamp_min', 'clamp_max', 'time', 'vector', 'absent', 'topk', 'bottomk']);
const KEYWORDS = new Set(['by', 'without', 'and', 'or', 'unless', 'on', 'ignoring', 'group_left', 'group_right', 'bool', 'offset']);
function metricsOf(expr) {
  const stripped = expr.replace(/"(?:[^"\\]|\\.)*"/g, '""').replace(/\{[^}]*\}/g, ' ')
    .replace(/\b(by|without|on|ignoring)\s*\([^)]*\)/g, ' ').replace(/\[[^\]]*\]/g, ' ');
  return [...stripped.matchAll(/[A-Za-z_:][A-Za-z0-9_:]*/g)].map((m) => m[0])
    .filter((t) => !FUNCTIONS.has(t) && !KEYWORDS.has(t) && !/^\d/.test(t));
}
const used = new Map(); // metric -> where
const use = (expr, where) => {
  const names = metricsOf(expr);
  if (names.length === 0) fail(`${where}: no metric in ${expr}`);
  names.forEach((n) => used.set(n, where));
};

// the dashboard
const dashboard = JSON.parse(read('grafana-dashboard.json'));
if (!dashboard.uid || !dashboard.title || !Number.isInteger(dashboard.schemaVersion)) fail('dashboard: uid, title and schemaVersion');
if (!Array.isArray(dashboard.panels) || dashboard.panels.length === 0) fail('dashboard: no panels');
const ids = new Set();
for (const panel of dashboard.panels ?? []) {
  const where = `dashboard panel "${panel.title}"`;
  if (!panel.title || !panel.type || !panel.gridPos) fail(`${where}: title, type and gridPos`);
  if (ids.has(panel.id)) fail(`${where}: id ${panel.id} repeated`);
  ids.add(panel.id);
  if (!Array.isArray(panel.targets) || panel.targets.length === 0) fail(`${where}: no targets`);
  for (const target of panel.targets ?? []) {
    if (!target.refId || typeof target.expr !== 'string') fail(`${where}: a target without refId or expr`);
    else use(target.expr, where);
  }
}

// the alert rules
const rules = YAML.parse(read('alerts.yml'));
const alerts = new Set();
for (const group of rules?.groups ?? fail('alerts.yml: no groups') ?? []) {
  if (!group.name || !Array.isArray(group.rules)) fail(`alerts.yml: group ${group.name} without name or rules`);
  for (const rule of group.rules ?? []) {
    const where = `alert ${rule.alert}`;
    if (!/^[A-Z][A-Za-z0-9]+$/.test(rule.alert ?? '')) fail(`${where}: a CamelCase name`);
    if (alerts.has(rule.alert)) fail(`${where}: defined twice`);
    alerts.add(rule.alert);
    if (typeof rule.expr !== 'string') fail(`${where}: no expr`); else use(rule.expr, where);
    if (rule.for !== undefined && !/^\d+[smhd]$/.test(rule.for)) fail(`${where}: for "${rule.for}"`);
    if (!['critical', 'warning', 'info'].includes(rule.labels?.severity)) fail(`${where}: severity critical, warning or info`);
    if (!rule.annotations?.summary || !rule.annotations?.description) fail(`${where}: summary and description`);
    if (!documentedAlerts.has(rule.alert)) fail(`${where}: not explained in docs/OPERATIONS.md (Alerts)`);
    const extra = Object.keys(rule).filter((k) => !['alert', 'expr', 'for', 'labels', 'annotations'].includes(k));
    if (extra.length) fail(`${where}: unknown keys ${extra}`);
  }
}
for (const documented of documentedAlerts) if (!alerts.has(documented)) fail(`docs/OPERATIONS.md explains ${documented}, alerts.yml has none`);
for (const [metric, where] of used) if (!documentedMetrics.has(metric)) fail(`${where}: ${metric} is not in the metrics table of docs/OPERATIONS.md`);

if (problems.length) {
  console.error(problems.map((p) => `observability: ${p}`).join('\n'));
  process.exit(1);
}
console.log(`observability: dashboard (${dashboard.panels.length} panels) and ${alerts.size} alert rules use ${used.size} documented metrics`);
