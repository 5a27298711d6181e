import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { test, expect } from './fixtures';
import { openYaml, paste } from './pages/Yaml';

/**
 * `kubectl get endpointslices -A -o yaml` alone (no Services, no Pods) replaces the cluster: each
 * endpoint is drawn on the node its slice names (or outside any node), each Service the slices name
 * as a ghost with edges to its endpoints. A kind cluster: kube-dns, the API server's `kubernetes`
 * slice (the control plane's address, no node), two shop Services, and a hand-written slice for a
 * selector-less `external-db` Service pointing at a database outside the pod network.
 */
const MANAGED = (time: string) => `    managedFields:
    - apiVersion: discovery.k8s.io/v1
      fieldsType: FieldsV1
      fieldsV1:
        f:addressType: {}
        f:endpoints: {}
        f:metadata:
          f:labels:
            .: {}
            f:endpointslice.kubernetes.io/managed-by: {}
            f:kubernetes.io/service-name: {}
          f:ownerReferences:
            .: {}
        f:ports: {}
      manager: kube-controller-manager
      operation: Update
      time: "${time}"`;

const owner = (service: string, uid: string) => `    ownerReferences:
    - apiVersion: v1
      blockOwnerDeletion: true
      controller: true
      kind: Service
      name: ${service}
      uid: ${uid}`;

const endpoint = (ip: string, node: string, pod: string, ns: string, uid: string, c: { ready: boolean; serving: boolean; terminating: boolean }) => `  - addresses:
    - ${ip}
    conditions:
      ready: ${c.ready}
      serving: ${c.serving}
      terminating: ${c.terminating}
    nodeName: ${node}
    targetRef:
      kind: Pod
      name: ${pod}
      namespace: ${ns}
      uid: ${uid}`;
const READY = { ready: true, serving: true, terminating: false };

const DUMP = `apiVersion: v1
items:
- addressType: IPv4
  apiVersion: discovery.k8s.io/v1
  endpoints:
  - addresses:
    - 172.18.0.3
    conditions:
      ready: true
  kind: EndpointSlice
  metadata:
    creationTimestamp: "2026-11-30T08:12:40Z"
    generation: 1
    labels:
      endpointslice.kubernetes.io/skip-mirror: "true"
      kubernetes.io/service-name: kubernetes
    managedFields:
    - apiVersion: discovery.k8s.io/v1
      fieldsType: FieldsV1
      fieldsV1:
        f:addressType: {}
        f:endpoints: {}
        f:metadata:
          f:labels:
            .: {}
            f:endpointslice.kubernetes.io/skip-mirror: {}
            f:kubernetes.io/service-name: {}
        f:ports: {}
      manager: kube-apiserver
      operation: Update
      time: "2026-11-30T08:12:40Z"
    name: kubernetes
    namespace: default
    resourceVersion: "207"
    uid: 2b7c1f0e-4a6d-4a4e-9e51-0c2f1b9d8a11
  ports:
  - name: https
    port: 6443
    protocol: TCP
- addressType: IPv4
  apiVersion: discovery.k8s.io/v1
  endpoints:
${endpoint('10.244.0.2', 'kind-control-plane', 'coredns-668d6bf9bc-4xk7p', 'kube-system', '5a0f3a2e-7d0b-4f0c-9a43-1b6e2c3d4e01', READY)}
${endpoint('10.244.0.4', 'kind-control-plane', 'coredns-668d6bf9bc-ttq9m', 'kube-system', '5a0f3a2e-7d0b-4f0c-9a43-1b6e2c3d4e02', READY)}
  kind: EndpointSlice
  metadata:
    annotations:
      endpoints.kubernetes.io/last-change-trigger-time: "2026-11-30T08:13:09Z"
    creationTimestamp: "2026-11-30T08:12:55Z"
    generateName: kube-dns-
    generation: 3
    labels:
      endpointslice.kubernetes.io/managed-by: endpointslice-controller.k8s.io
      k8s-app: kube-dns
      kubernetes.io/cluster-service: "true"
      kubernetes.io/name: CoreDNS
      kubernetes.io/service-name: kube-dns
${MANAGED('2026-11-30T08:13:09Z')}
    name: kube-dns-r8c2v
    namespace: kube-system
${owner('kube-dns', '8d1c2b3a-0f9e-4d8c-b7a6-95847362514a')}
    resourceVersion: "498"
    uid: 9e8d7c6b-5a49-4382-b1a0-f9e8d7c6b5a4
  ports:
  - name: dns-tcp
    port: 53
    protocol: TCP
  - name: dns
    port: 53
    protocol: UDP
  - name: metrics
    port: 9153
    protocol: TCP
- addressType: IPv4
  apiVersion: discovery.k8s.io/v1
  endpoints:
${endpoint('10.244.1.7', 'kind-worker', 'web-7c5ddbdf54-2qm8d', 'shop', '0b6f1a7c-1c1e-4d7e-8f3b-6a2f5e1d9c01', READY)}
${endpoint('10.244.2.5', 'kind-worker2', 'web-7c5ddbdf54-kv9hx', 'shop', '0b6f1a7c-1c1e-4d7e-8f3b-6a2f5e1d9c02', READY)}
${endpoint('10.244.2.9', 'kind-worker2', 'web-7c5ddbdf54-p4zr6', 'shop', '0b6f1a7c-1c1e-4d7e-8f3b-6a2f5e1d9c03', { ready: false, serving: true, terminating: true })}
  kind: EndpointSlice
  metadata:
    annotations:
      endpoints.kubernetes.io/last-change-trigger-time: "2026-12-01T17:40:02Z"
    creationTimestamp: "2026-11-30T09:02:17Z"
    generateName: web-
    generation: 9
    labels:
      app: web
      endpointslice.kubernetes.io/managed-by: endpointslice-controller.k8s.io
      kubernetes.io/service-name: web
      service.kubernetes.io/headless: ""
${MANAGED('2026-12-01T17:40:02Z')}
    name: web-6xw4t
    namespace: shop
${owner('web', 'c4a3b2d1-e0f9-4a8b-9c7d-6e5f4a3b2c1d')}
    resourceVersion: "188214"
    uid: 1f2e3d4c-5b6a-4798-8a9b-0c1d2e3f4a5b
  ports:
  - name: http
    port: 8080
    protocol: TCP
- addressType: IPv4
  apiVersion: discovery.k8s.io/v1
  endpoints:
${endpoint('10.244.1.12', 'kind-worker', 'cart-5f8d9c6b7-jx2lw', 'shop', '3c2b1a09-8f7e-4d6c-b5a4-938271605f01', READY)}
${endpoint('10.244.2.14', 'kind-worker2', 'cart-5f8d9c6b7-w7ndq', 'shop', '3c2b1a09-8f7e-4d6c-b5a4-938271605f02', { ready: false, serving: false, terminating: false })}
  kind: EndpointSlice
  metadata:
    annotations:
      endpoints.kubernetes.io/last-change-trigger-time: "2026-12-01T18:02:51Z"
    creationTimestamp: "2026-11-30T09:02:18Z"
    generateName: cart-
    generation: 4
    labels:
      app: cart
      endpointslice.kubernetes.io/managed-by: endpointslice-controller.k8s.io
      kubernetes.io/service-name: cart
${MANAGED('2026-12-01T18:02:51Z')}
    name: cart-9hbqs
    namespace: shop
${owner('cart', 'd5b4c3e2-f1a0-4b9c-8d7e-5f4a3b2c1d0e')}
    resourceVersion: "190377"
    uid: 2a3b4c5d-6e7f-4809-9a1b-2c3d4e5f6a7b
  ports:
  - name: http
    port: 9090
    protocol: TCP
- addressType: IPv4
  apiVersion: discovery.k8s.io/v1
  endpoints:
  - addresses:
    - 192.168.50.20
    conditions:
      ready: true
  kind: EndpointSlice
  metadata:
    annotations:
      kubectl.kubernetes.io/last-applied-configuration: |
        {"addressType":"IPv4","apiVersion":"discovery.k8s.io/v1","endpoints":[{"addresses":["192.168.50.20"],"conditions":{"ready":true}}],"kind":"EndpointSlice","metadata":{"annotations":{},"labels":{"endpointslice.kubernetes.io/managed-by":"cluster-admins","kubernetes.io/service-name":"external-db"},"name":"external-db-1","namespace":"shop"},"ports":[{"name":"postgres","port":5432,"protocol":"TCP"}]}
    creationTimestamp: "2026-11-30T09:05:44Z"
    generation: 1
    labels:
      endpointslice.kubernetes.io/managed-by: cluster-admins
      kubernetes.io/service-name: external-db
    managedFields:
    - apiVersion: discovery.k8s.io/v1
      fieldsType: FieldsV1
      fieldsV1:
        f:addressType: {}
        f:endpoints: {}
        f:metadata:
          f:annotations:
            .: {}
            f:kubectl.kubernetes.io/last-applied-configuration: {}
          f:labels:
            .: {}
            f:endpointslice.kubernetes.io/managed-by: {}
            f:kubernetes.io/service-name: {}
        f:ports: {}
      manager: kubectl-client-side-apply
      operation: Update
      time: "2026-11-30T09:05:44Z"
    name: external-db-1
    namespace: shop
    resourceVersion: "2710"
    uid: 7b6a5948-3726-4150-8f9e-0d1c2b3a4958
  ports:
  - name: postgres
    port: 5432
    protocol: TCP
kind: List
metadata:
  resourceVersion: ""
`;

const edge = (page: Page, source: string, target: string) => page.locator(`.react-flow__edge[data-id="${source}->${target}"]`);

for (const scheme of ['light', 'dark'] as const) {
  test(`kubectl get endpointslices -A -o yaml alone draws its endpoints on their nodes and its Services as ghosts (${scheme})`, async ({ page, canvas }) => {
    test.setTimeout(120_000);
    await page.emulateMedia({ colorScheme: scheme });
    await canvas.open();
    const panel = await openYaml(page);
    await paste(page, DUMP);
    await panel.getByRole('button', { name: 'Replace the whole cluster' }).click();
    await expect(canvas.element('node:kind-worker')).toBeVisible();

    await test.step('endpoint cards sit inside the node their slice names', async () => {
      const web = canvas.element('endpoint:shop/web/10.244.1.7');
      await expect(web).toHaveAttribute('aria-label', 'Endpoint 10.244.1.7 of web, ready (ready: yes, serving: yes, terminating: no), pod web-7c5ddbdf54-2qm8d');
      const node = await canvas.box('node:kind-worker');
      const card = await canvas.box('endpoint:shop/web/10.244.1.7');
      expect(card.x).toBeGreaterThanOrEqual(node.x);
      expect(card.y + card.height).toBeLessThanOrEqual(node.y + node.height + 1);
      await expect(canvas.element('node:kind-worker')).not.toContainText('no pods scheduled here');
      await expect(canvas.element('endpoint:shop/web/10.244.2.9')).toHaveAttribute('aria-label', /terminating \(ready: no, serving: yes, terminating: yes\)/);
      await expect(canvas.element('endpoint:shop/cart/10.244.2.14')).toHaveAttribute('aria-label', /not ready \(ready: no, serving: no, terminating: no\)/);
    });

    await test.step('a Service the cluster holds (the cluster DNS add-on) sends to the endpoints its slices list', async () => {
      // The first request looks up a name, so the kube-system fold is open (pinned) while it plays.
      await expect(canvas.element('endpoint:kube-system/kube-dns/10.244.0.4')).toBeVisible();
      await expect(canvas.element('slices:kube-system/kube-dns')).toHaveCount(0);
      await expect(edge(page, 'svc:kube-system/kube-dns', 'endpoint:kube-system/kube-dns/10.244.0.4')).toHaveAttribute('aria-label', 'kube-dns sends to 10.244.0.4 at 10.244.0.4:53/TCP, 10.244.0.4:53/UDP, 10.244.0.4:9153/TCP');
    });

    await test.step('the external database and the API server sit outside any node', async () => {
      const off = await canvas.box('offnode');
      for (const id of ['endpoint:shop/external-db/192.168.50.20', 'endpoint:default/kubernetes/172.18.0.3']) {
        const card = await canvas.box(id);
        expect(card.x).toBeGreaterThanOrEqual(off.x);
        expect(card.y + card.height).toBeLessThanOrEqual(off.y + off.height + 1);
      }
      await expect(canvas.element('offnode')).toHaveAttribute('aria-label', 'Outside any node: 2 endpoints no node holds');
    });

    await test.step('each Service only its slices name is a ghost, with edges to its endpoints', async () => {
      const ghost = canvas.element('slices:shop/external-db');
      await expect(ghost.locator('[data-ghost]')).toBeVisible();
      await expect(ghost).toHaveAttribute('aria-label', 'Service external-db, not in the manifests: only its EndpointSlices are');
      await expect(edge(page, 'slices:shop/external-db', 'endpoint:shop/external-db/192.168.50.20')).toHaveAttribute('aria-label', 'external-db sends to 192.168.50.20 at 192.168.50.20:5432/TCP');
      await expect(edge(page, 'slices:shop/web', 'endpoint:shop/web/10.244.2.9')).toHaveAttribute('aria-label', /terminating: no new traffic/);
      await expect(edge(page, 'slices:shop/cart', 'endpoint:shop/cart/10.244.2.14')).toHaveAttribute('aria-label', /not ready: no traffic/);
      await expect(page.locator('.react-flow__edge[data-id^="slices:"]')).toHaveCount(7);
    });

    await test.step('arrow keys reach the endpoint cards', async () => {
      // Down from the node through its stack (the DNS add-on's pods may come first) to its endpoints.
      await canvas.element('node:kind-worker').focus();
      const visited: string[] = [];
      for (let i = 0; i < 5 && !visited.includes('endpoint:shop/cart/10.244.1.12'); i++) {
        await page.keyboard.press('ArrowDown');
        visited.push(await page.evaluate(() => (document.activeElement as HTMLElement | null)?.dataset.id ?? ''));
      }
      expect(visited).toContain('endpoint:shop/web/10.244.1.7');
      expect(visited).toContain('endpoint:shop/cart/10.244.1.12');
      await expect(page.locator('.react-flow').getByRole('status')).toContainText('Endpoint 10.244.1.12 of cart');
    });

    await page.screenshot({ path: `test-results/slices-${scheme}.png` });

    await test.step('with details shown (zoomed in) the cards say it in words', async () => {
      await canvas.element('slices:shop/external-db').focus();
      await page.keyboard.press('Enter');
      // Zoom in around the ghost, where the cards show their details.
      const ghost = await canvas.box('slices:shop/external-db');
      await page.mouse.move(ghost.x + ghost.width / 2, ghost.y + ghost.height);
      for (let i = 0; i < 3; i++) await page.mouse.wheel(0, -200);
      await expect(canvas.element('slices:shop/external-db').getByTestId('slices-only')).toBeVisible();
      await expect(canvas.element('endpoint:shop/external-db/192.168.50.20')).toContainText('postgres 5432/TCP');
      await page.screenshot({ path: `test-results/slices-${scheme}-near.png` });
    });

    // The canvas only: the YAML panel's list of import warnings (one per node the dump names) is a
    // scrolling <ul> without a tab stop (axe: scrollable-region-focusable), a panel finding of its own.
    const result = await new AxeBuilder({ page }).include('.react-flow').withTags(['wcag2a', 'wcag2aa']).analyze();
    const serious = result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .flatMap((v) => v.nodes.map((n) => `${v.impact} ${v.id}: ${n.target.map(String).join(' ')}`));
    expect(serious).toEqual([]);
  });
}
