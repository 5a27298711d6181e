/**
 * The model's public API: what a library user would import. The app never imports it (each of
 * its modules is imported directly, so the bundler can split them), and its first screen must not:
 * this barrel also pulls in the YAML library through parseManifests/toManifests. Two folders have
 * an entry point of their own besides (kubeproxy/index.ts, manifests/workloads/index.ts).
 */
export * from './cluster';
export { endpointsFor, findPort, selectorMatches } from './endpoints';
export type { Endpoint, EndpointAddress, EndpointsResult, ExclusionReason, PodExclusion, ServicePortEndpoints } from './endpoints';
export { validateService } from './validation/service';
export { formatFieldError, formatInvalid } from './validation/fieldError';
export type { FieldError, FieldErrorType } from './validation/fieldError';
export { clusterFromObjects } from './manifests/fromObjects';
export type { ManifestResult } from './manifests/fromObjects';
export type { ManifestIssue } from './manifests/issues';
export { toManifestObjects } from './manifests/toObjects';
export { parseManifests } from './manifests/parse';
export { toManifests } from './manifests/toManifests';
export { resolveDns } from './dns';
export type { DnsAnswer, DnsQuery, DnsRecord, DnsRecordType, DnsRcode } from './dns';
export { kubectl, runKubectl } from './kubectl/kubectl';
export { renderKubectl } from './kubectl/output';
export type { KubectlBlock, KubectlDocument, KubectlKind, KubectlMessage, KubectlRow, KubectlTable, KubectlRef } from './kubectl/output';
export { defaultService } from './defaults';
export { defaultScenario } from './scenarios/defaultScenario';
export { iptablesSave, nodeVerdict, kubeProxyRules, tracePacket, verdictFor, nftablesDump, nftListRuleset, nftablesRulesFor, nftNodeVerdict } from './kubeproxy';
export type { NodeVerdict, Packet, PacketTrace, EndpointChoice, RuleSet, Rule } from './kubeproxy';
export { trace } from './trace/trace';
export type { Trace, TraceRequest, TraceSource, TraceOptions, Hop, Rewrite, KubeProxyFilter, ReplySummary, Message, Reason, Address, PacketHeaders, Layer, DocsLayer, Outcome, ElementRef } from './trace/types';
export { TRACE_MESSAGES, type MessageKey } from './trace/messages';
export { serviceExposure } from './exposure';
export type { ServiceExposure, ExposedAddress, ExposureVia, Audience } from './exposure';
export { updateService, reschedulePod, updatePod, updateSettings, deleteObject, addObjects, dropTypeDependentFields } from './edits';
export type { EditResult, EditError, ObjectRef, DeletableRef } from './edits';
export { addFromTemplate } from './templates';
export { TEMPLATES, type Template } from './templateList';
export { elementId, refForElement } from './elementIds';
export { sourcesFor, destinationsFor, parseHostPort, defaultRequestFor, DESTINATION_GROUPS } from './requestOptions';
export type { SourceOption, SourceGroup, DestinationOption, DestinationGroup, MistakeKind } from './requestOptions';
