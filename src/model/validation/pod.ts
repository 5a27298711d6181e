/**
 * ValidatePodSpec (pkg/apis/core/validation/validation.go) for what the model reads: containers,
 * their ports (validateContainerPorts), nodeName, hostname and subdomain. The pod's IP is status,
 * which the API server leaves to the kubelet; the model checks it as the pod network would hand it
 * out (see podNetwork.ts).
 */
import type { Container, PodTemplateSpec } from '../cluster';
import { duplicate, invalid, notSupported, required, type FieldError } from './fieldError';
import { isDNS1123Label, isDNS1123Subdomain, isValidPortName, isValidPortNum } from './names';
import { validatePlacement } from './placement';

const PROTOCOLS = ['SCTP', 'TCP', 'UDP'] as const;

/** validateContainerPorts: names IANA_SVC_NAMEs unique in the container, ports 1–65535, a known protocol. */
function validateContainerPorts(container: Container, path: string): FieldError[] {
  const errs: FieldError[] = [];
  const names = new Set<string>();
  (container.ports ?? []).forEach((port, i) => {
    const at = `${path}[${i}]`;
    if (port.name) {
      const msgs = isValidPortName(port.name);
      if (msgs.length) errs.push(...msgs.map((m) => invalid(`${at}.name`, port.name, m)));
      else if (names.has(port.name)) errs.push(duplicate(`${at}.name`, port.name));
      else names.add(port.name);
    }
    if (port.containerPort === 0) errs.push(required(`${at}.containerPort`));
    else errs.push(...isValidPortNum(port.containerPort).map((m) => invalid(`${at}.containerPort`, port.containerPort, m)));
    if (!port.protocol) errs.push(required(`${at}.protocol`));
    else if (!(PROTOCOLS as readonly string[]).includes(port.protocol)) errs.push(notSupported(`${at}.protocol`, port.protocol, PROTOCOLS));
  });
  return errs;
}

/** validateContainers: at least one, each named with a unique DNS-1123 label, valid ports. */
export function validateContainers(containers: readonly Container[], path: string): FieldError[] {
  if (containers.length === 0) return [required(path)];
  const errs: FieldError[] = [];
  const names = new Set<string>();
  containers.forEach((c, i) => {
    const at = `${path}[${i}]`;
    if (!c.name) errs.push(required(`${at}.name`));
    else {
      const msgs = isDNS1123Label(c.name);
      if (msgs.length) errs.push(...msgs.map((m) => invalid(`${at}.name`, c.name, m)));
      else if (names.has(c.name)) errs.push(duplicate(`${at}.name`, c.name));
      else names.add(c.name);
    }
    errs.push(...validateContainerPorts(c, `${at}.ports`));
  });
  return errs;
}

/** The spec fields of a Pod (or of a pod template at `path`). */
export function validatePodSpec(pod: { spec: PodTemplateSpec & { nodeName?: string } }, path = 'spec'): FieldError[] {
  const errs = validateContainers(pod.spec.containers, `${path}.containers`);
  const { nodeName, hostname, subdomain } = pod.spec;
  // ValidateNodeName is NameIsDNSSubdomain.
  if (nodeName) errs.push(...isDNS1123Subdomain(nodeName).map((m) => invalid(`${path}.nodeName`, nodeName, m)));
  if (hostname) errs.push(...isDNS1123Label(hostname).map((m) => invalid(`${path}.hostname`, hostname, m)));
  if (subdomain) errs.push(...isDNS1123Label(subdomain).map((m) => invalid(`${path}.subdomain`, subdomain, m)));
  errs.push(...validatePlacement(pod.spec, path));
  return errs;
}
