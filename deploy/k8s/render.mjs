// Renders the Kubernetes manifests of the suite (deploy/k8s/manifests) from services.json, and checks them.
//
//   npm ci && node render.mjs            write manifests/*.yaml
//   node render.mjs --check              render in memory; fail if an object breaks the Kubernetes API schema
//                                        (kubernetes-models, generated from the API's OpenAPI definitions), if a
//                                        ConfigMap holds something secret, if a container's memory limit leaves
//                                        too little beside its heap, or if the files on disk differ from the render
//
// One template for the four services, so their probes, limits and disruption budgets cannot drift apart.
import { readFileSync, writeFileSync, mkdirSync, readdirSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import YAML from "yaml";
import { Namespace } from "kubernetes-models/v1/Namespace";
import { ConfigMap } from "kubernetes-models/v1/ConfigMap";
import { Secret } from "kubernetes-models/v1/Secret";
import { Service } from "kubernetes-models/v1/Service";
import { PersistentVolumeClaim } from "kubernetes-models/v1/PersistentVolumeClaim";
import { Deployment } from "kubernetes-models/apps/v1/Deployment";
import { HorizontalPodAutoscaler } from "kubernetes-models/autoscaling/v2/HorizontalPodAutoscaler";
import { PodDisruptionBudget } from "kubernetes-models/policy/v1/PodDisruptionBudget";

const here = dirname(fileURLToPath(import.meta.url));
const out = join(here, "manifests");
const suite = JSON.parse(readFileSync(join(here, "services.json"), "utf8"));
const ns = suite.namespace;
const SECRET_NAME = "crm-secrets";
// Keys that only a Secret may hold (the PII keys, the database password, the JWT key).
const SECRET_KEY = /(PASSWORD|SECRET|TOKEN|CREDENTIAL|_KEY$|PEM$)/i;

function labels(name) {
  return { "app.kubernetes.io/name": name, "app.kubernetes.io/part-of": "bank-crm" };
}

function common() {
  return [
    new Namespace({ metadata: { name: ns, labels: { "app.kubernetes.io/part-of": "bank-crm" } } }),
    new ConfigMap({
      metadata: { name: "crm-common", namespace: ns, labels: { "app.kubernetes.io/part-of": "bank-crm" } },
      data: {
        QUARKUS_PROFILE: "prod",
        KAFKA_BOOTSTRAP_SERVERS: suite.kafkaBootstrapServers,
        MP_JWT_VERIFY_ISSUER: suite.jwtIssuer,
        MP_JWT_VERIFY_PUBLICKEY_LOCATION: "/etc/crm/jwt/public.pem",
        CRM_IMPORTS_SPOOL_DIR: "/var/lib/crm/spool",
      },
    }),
  ];
}

// Not applied as it is: the example shows the keys the services read; docs/OPERATIONS.md tells how to create it.
function secretExample() {
  return new Secret({
    metadata: { name: SECRET_NAME, namespace: ns, labels: { "app.kubernetes.io/part-of": "bank-crm" } },
    type: "Opaque",
    stringData: {
      ...Object.fromEntries(suite.services.map((s) => [`${s.database}-db-password`, `<password of the database user ${s.database}>`])),
      CRM_PII_ENCRYPTION_KEY: "<32 random bytes, base64>",
      CRM_PII_HASH_KEY: "<32 random bytes, base64>",
      "jwt-public.pem": "<PEM public key of the token issuer>",
    },
  });
}

function javaOptions() {
  const jvm = suite.jvm;
  return `-Xms${jvm.heap} -Xmx${jvm.heap} ${jvm.options} -Djava.util.logging.manager=org.jboss.logmanager.LogManager -Dquarkus.http.host=0.0.0.0`;
}

function service(s) {
  const name = s.name;
  const meta = { name, namespace: ns, labels: labels(name) };
  const selector = { matchLabels: { "app.kubernetes.io/name": name } };
  const probe = (path, period, failures) => ({
    httpGet: { path, port: "http" }, periodSeconds: period, timeoutSeconds: 3, failureThreshold: failures,
  });
  const env = [{ name: "JAVA_OPTS", value: javaOptions() }];
  const volumes = [{ name: "jwt", secret: { secretName: SECRET_NAME, items: [{ key: "jwt-public.pem", path: "public.pem" }] } }];
  const mounts = [{ name: "jwt", mountPath: "/etc/crm/jwt", readOnly: true }];
  const objects = [
    new ConfigMap({
      metadata: { name: `${name}-config`, namespace: ns, labels: labels(name) },
      data: {
        QUARKUS_DATASOURCE_JDBC_URL: `jdbc:postgresql://${suite.postgresHost}:5432/${s.database}`,
        QUARKUS_DATASOURCE_USERNAME: s.database,
        ...(s.env ?? {}),
      },
    }),
  ];
  if (s.spool) {
    // Uploaded files wait here until a job applies them; any replica may claim the job, so the volume is shared.
    objects.push(new PersistentVolumeClaim({
      metadata: { name: `${name}-spool`, namespace: ns, labels: labels(name) },
      spec: { accessModes: ["ReadWriteMany"], resources: { requests: { storage: "10Gi" } } },
    }));
    volumes.push({ name: "spool", persistentVolumeClaim: { claimName: `${name}-spool` } });
    mounts.push({ name: "spool", mountPath: "/var/lib/crm/spool" });
  }
  objects.push(
    new Deployment({
      metadata: meta,
      spec: {
        replicas: s.replicas,
        selector,
        strategy: { type: "RollingUpdate", rollingUpdate: { maxUnavailable: 0, maxSurge: 1 } },
        template: {
          metadata: { labels: labels(name) },
          spec: {
            securityContext: { runAsNonRoot: true, runAsUser: 185, runAsGroup: 185, fsGroup: 185 },
            terminationGracePeriodSeconds: 30,
            containers: [{
              name,
              image: `${suite.imageRegistry}/${name}:${suite.imageTag}`,
              ports: [{ name: "http", containerPort: s.port }],
              envFrom: [{ configMapRef: { name: "crm-common" } }, { configMapRef: { name: `${name}-config` } }],
              env: [
                ...env,
                { name: "QUARKUS_DATASOURCE_PASSWORD", valueFrom: { secretKeyRef: { name: SECRET_NAME, key: `${s.database}-db-password` } } },
                { name: "CRM_PII_ENCRYPTION_KEY", valueFrom: { secretKeyRef: { name: SECRET_NAME, key: "CRM_PII_ENCRYPTION_KEY" } } },
                { name: "CRM_PII_HASH_KEY", valueFrom: { secretKeyRef: { name: SECRET_NAME, key: "CRM_PII_HASH_KEY" } } },
              ],
              resources: {
                requests: { cpu: suite.jvm.cpuRequest, memory: suite.jvm.memoryRequest },
                limits: { cpu: suite.jvm.cpuLimit, memory: suite.jvm.memoryLimit },
              },
              startupProbe: probe("/q/health/started", 2, 60),
              readinessProbe: probe("/q/health/ready", 5, 3),
              livenessProbe: probe("/q/health/live", 10, 3),
              securityContext: { allowPrivilegeEscalation: false, readOnlyRootFilesystem: false, capabilities: { drop: ["ALL"] } },
              volumeMounts: mounts,
            }],
            volumes,
          },
        },
      },
    }),
    new Service({
      metadata: meta,
      spec: { selector: { "app.kubernetes.io/name": name }, ports: [{ name: "http", port: s.port, targetPort: "http" }] },
    }),
    new HorizontalPodAutoscaler({
      metadata: meta,
      spec: {
        scaleTargetRef: { apiVersion: "apps/v1", kind: "Deployment", name },
        minReplicas: s.replicas,
        maxReplicas: s.maxReplicas,
        metrics: [{ type: "Resource", resource: { name: "cpu", target: { type: "Utilization", averageUtilization: 70 } } }],
      },
    }),
    new PodDisruptionBudget({ metadata: meta, spec: { minAvailable: 1, selector } }),
  );
  return objects;
}

function mebibytes(quantity) {
  const m = /^(\d+)(Mi|Gi|m)$/.exec(quantity);
  if (!m) throw new Error(`cannot read the quantity ${quantity}`);
  const n = Number(m[1]);
  return m[2] === "Gi" ? n * 1024 : n;
}

function check(files) {
  const problems = [];
  for (const [file, objects] of Object.entries(files)) {
    for (const o of objects) {
      const where = `${file}: ${o.kind} ${o.metadata?.name}`;
      try { o.validate(); } catch (e) { problems.push(`${where}: ${e.message}`); }
      if (o.kind === "ConfigMap") {
        for (const key of Object.keys(o.data ?? {})) {
          if (SECRET_KEY.test(key)) problems.push(`${where}: ${key} belongs in a Secret, not a ConfigMap`);
        }
      }
    }
  }
  // Heap plus the bounded native parts must fit the limit with room for threads and the GC.
  const jvm = suite.jvm;
  const native = [...jvm.options.matchAll(/-XX:(?:MaxMetaspaceSize|ReservedCodeCacheSize|MaxDirectMemorySize)=(\d+)m/g)]
    .reduce((sum, m) => sum + Number(m[1]), 0);
  const needed = mebibytes(jvm.heap) + native;
  if (needed > mebibytes(jvm.memoryLimit)) {
    problems.push(`jvm: heap ${jvm.heap} + native ${native}m exceeds the memory limit ${jvm.memoryLimit}`);
  }
  return problems;
}

function render() {
  const files = { "00-namespace.yaml": common(), "secret.example.yaml": [secretExample()] };
  for (const s of suite.services) files[`${s.name}.yaml`] = service(s);
  const text = {};
  for (const [file, objects] of Object.entries(files)) {
    text[file] = "# Generated by deploy/k8s/render.mjs from services.json: edit those, then run `node render.mjs`.\n"
      + objects.map((o) => YAML.stringify(o.toJSON(), { lineWidth: 0 })).join("---\n");
  }
  return { files, text };
}

const { files, text } = render();
const problems = check(files);
if (process.argv.includes("--check")) {
  mkdirSync(out, { recursive: true });
  const onDisk = readdirSync(out).filter((f) => f.endsWith(".yaml"));
  for (const f of new Set([...onDisk, ...Object.keys(text)])) {
    let current = null;
    try { current = readFileSync(join(out, f), "utf8"); } catch { /* missing */ }
    if (current !== text[f]) problems.push(`manifests/${f} is not what services.json renders: run node deploy/k8s/render.mjs`);
  }
} else {
  mkdirSync(out, { recursive: true });
  for (const [f, t] of Object.entries(text)) writeFileSync(join(out, f), t);
}
if (problems.length) {
  for (const p of problems) console.error(`k8s: ${p}`);
  process.exit(1);
}
console.log(`k8s: ${Object.values(files).flat().length} objects in ${Object.keys(files).length} files valid`);
