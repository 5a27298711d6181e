import { describe, expect, it } from 'vitest';
import { cluster } from '../testing/clusterBuilder';
import { rfc1123z } from './describeWorkload';
import { kubectl } from './kubectl';

const c = cluster().node('n1', { internalIP: '10.0.1.11', podCIDR: '10.244.1.0/24' })
  .pod('web-1', { app: 'web' }, { node: 'n1', ready: true })
  .pod('web-2', { app: 'web' }, { node: 'n1', ready: true, terminating: true })
  .pod('queued', { app: 'web' }, { phase: 'Pending' })
  .object({ apiVersion: 'v1', kind: 'Node', metadata: { name: 'cp', labels: { 'node-role.kubernetes.io/control-plane': '' } }, spec: { unschedulable: true }, status: { addresses: [{ type: 'InternalIP', address: '10.0.1.5' }] } })
  .build();

describe('kubectl describe pod (describePod top section)', () => {
  it('prints Node as name/hostIP, Status, IP and IPs, then names what it leaves out', () => {
    expect(kubectl(c, 'describe pod web-1')).toBe(`Name:         web-1
Namespace:    default
Node:         n1/10.0.1.11
Labels:       app=web
Annotations:  <none>
Status:       Running
IP:           10.244.1.2
IPs:
  IP:  10.244.1.2
(real kubectl also prints Priority, Service Account, Start Time, Controlled By, Containers, Conditions, Volumes, QoS Class, Node-Selectors, Tolerations and Events, which this explainer does not show)
`);
  });

  it('reads Terminating (lasts …) while a deleted pod runs, and <none> for an unscheduled one', () => {
    expect(kubectl(c, 'describe po web-2')).toContain('Status:       Terminating (lasts 60s)\n');
    expect(kubectl(c, 'describe po web-2')).toContain('Termination Grace Period, Controlled By');
    const pending = kubectl(c, 'describe pods queued');
    expect(pending).toContain('Node:         <none>\n');
    expect(pending).toContain('Status:       Pending\nIP:           \nIPs:          <none>\n');
  });

  it('answers NotFound and empty namespaces as kubectl does', () => {
    expect(kubectl(c, 'describe pod nope')).toBe('Error from server (NotFound): pods "nope" not found\n');
    expect(kubectl(c, 'describe pods -n monitoring')).toBe('No resources found in monitoring namespace.\n');
    expect(kubectl(c, 'describe pods').split('\n\nName:')).toHaveLength(3);
  });
});

describe('kubectl describe node (describeNode top section)', () => {
  it('prints Roles, CreationTimestamp in RFC1123Z, Taints, Unschedulable and Addresses', () => {
    expect(kubectl(c, 'describe node cp -n ignored')).toBe(`Name:               cp
Roles:              control-plane
Labels:             node-role.kubernetes.io/control-plane=
Annotations:        <none>
CreationTimestamp:  Tue, 20 May 2025 08:00:00 +0000
Taints:             <none>
Unschedulable:      true
Addresses:
  InternalIP:  10.0.1.5
  Hostname:    cp
(real kubectl also prints Lease, Conditions, Capacity, Allocatable, System Info, PodCIDR, PodCIDRs, Non-terminated Pods, Allocated resources and Events, which this explainer does not show)
`);
    expect(kubectl(c, 'describe no nope')).toBe('Error from server (NotFound): nodes "nope" not found\n');
  });

  it('formats timestamps as Go time.RFC1123Z', () => {
    expect(rfc1123z('2025-06-06T10:30:00Z')).toBe('Fri, 06 Jun 2025 10:30:00 +0000');
    expect(rfc1123z(undefined)).toBe('Mon, 01 Jan 0001 00:00:00 +0000');
  });

  it('still refuses kinds it does not describe, in plain words', () => {
    expect(kubectl(c, 'describe ingress x')).toBe('error: this explainer describes services, pods, nodes, statefulsets, daemonsets and replicasets only; try "kubectl get ingress"\n');
  });
});
