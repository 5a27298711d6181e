import { compressToEncodedURIComponent, decompressFromEncodedURIComponent } from 'lz-string';
import { clusterFromObjects } from '../model/manifests/fromObjects';
import type { TraceRequest, TraceSource } from '../model/trace/types';
import type { XY } from '../store/layoutSlice';
import { SNAPSHOT_VERSION, type RestoredState, type Snapshot } from './snapshot';

/** Longest encoded state read from a link or storage (~ a few hundred objects' worth). */
export const MAX_ENCODED_CHARS = 400_000;
/** Longest JSON a state may expand to: a small payload must not unpack into a huge one. */
export const MAX_JSON_CHARS = 4_000_000;
const MAX_POSITIONS = 20_000;
/** Most objects a state may list, and most pods its workloads may ask for in all (checked before the model expands them). */
export const MAX_OBJECTS = 20_000;
export const MAX_REPLICAS_TOTAL = 20_000;

/** Whether the replicas the workloads ask for stay within reach; values that are not counts are left to the model's validation. */
function replicasWithinReach(manifests: Record<string, unknown>[]): boolean {
  let total = 0;
  for (const m of manifests) {
    const replicas = isRecord(m.spec) ? m.spec.replicas : undefined;
    if (typeof replicas === 'number' && Number.isFinite(replicas) && replicas > 0) total += replicas;
    if (total > MAX_REPLICAS_TOTAL) return false;
  }
  return true;
}

export type DecodeResult = { ok: true; state: RestoredState } | { ok: false; reason: DecodeFailure };
export type DecodeFailure = 'empty' | 'too-large' | 'corrupt' | 'newer-version' | 'invalid-cluster';

/** Compressed, URL-safe text of a snapshot (lz-string's URI-component alphabet). */
export function encodeSnapshot(snapshot: Snapshot): string {
  return compressToEncodedURIComponent(JSON.stringify(snapshot));
}

/** Keys that could reach an object's prototype are dropped while parsing, whatever the payload says. */
const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);
function safeParse(json: string): unknown {
  return JSON.parse(json, (key, value: unknown) => (FORBIDDEN_KEYS.has(key) ? undefined : value));
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const isName = (v: unknown): v is string => typeof v === 'string' && v.length > 0 && v.length <= 253 && /^[a-z0-9]([-a-z0-9.]*[a-z0-9])?$/i.test(v);
const isPort = (v: unknown): v is number => Number.isInteger(v) && (v as number) >= 1 && (v as number) <= 65535;

function readSource(v: unknown): TraceSource | undefined {
  if (!isRecord(v)) return undefined;
  switch (v.kind) {
    case 'client': return isName(v.name) ? { kind: 'client', name: v.name } : undefined;
    case 'node': return isName(v.name) ? { kind: 'node', name: v.name } : undefined;
    case 'pod': return isName(v.name) && isName(v.namespace) ? { kind: 'pod', namespace: v.namespace, name: v.name } : undefined;
    case 'host': {
      if (typeof v.ip !== 'string' || !/^\d{1,3}(\.\d{1,3}){3}$/.test(v.ip)) return undefined;
      const location = v.location === 'lan' || v.location === 'internet' ? v.location : undefined;
      return { kind: 'host', ip: v.ip, ...(location ? { location } : {}) };
    }
    default: return undefined;
  }
}

/** A request as the trace takes it, or undefined when any part of it is not what it should be. */
export function readRequest(v: unknown): TraceRequest | undefined {
  if (!isRecord(v) || !isRecord(v.to)) return undefined;
  const from = readSource(v.from);
  const { host, port, protocol, path, httpHost } = v.to;
  if (!from || typeof host !== 'string' || host.length === 0 || host.length > 260 || /[\s<>"'`]/.test(host) || !isPort(port)) return undefined;
  const to: TraceRequest['to'] = { host, port };
  if (protocol === 'TCP' || protocol === 'UDP' || protocol === 'SCTP') to.protocol = protocol;
  if (typeof path === 'string' && path.startsWith('/') && path.length <= 2048 && !/[\s<>"'`]/.test(path)) to.path = path;
  if (typeof httpHost === 'string' && isName(httpHost)) to.httpHost = httpHost;
  return { from, to };
}

function readPositions(v: unknown): Record<string, XY> {
  const out: Record<string, XY> = {};
  if (!isRecord(v)) return out;
  for (const [id, p] of Object.entries(v).slice(0, MAX_POSITIONS)) {
    if (id.length > 300 || !isRecord(p)) continue;
    const { x, y } = p;
    if (typeof x === 'number' && typeof y === 'number' && Number.isFinite(x) && Number.isFinite(y) && Math.abs(x) < 1e6 && Math.abs(y) < 1e6) out[id] = { x, y };
  }
  return out;
}

/**
 * Reads a snapshot back from its encoded text. Never throws and never runs anything it reads: the
 * cluster is rebuilt through the model's own validation, every other field is checked, and anything
 * doubtful fails with a reason the UI can explain.
 */
export function decodeSnapshot(encoded: string): DecodeResult {
  if (!encoded) return { ok: false, reason: 'empty' };
  if (encoded.length > MAX_ENCODED_CHARS) return { ok: false, reason: 'too-large' };
  let json: string | null;
  try {
    json = decompressFromEncodedURIComponent(encoded);
  } catch {
    return { ok: false, reason: 'corrupt' };
  }
  if (!json) return { ok: false, reason: 'corrupt' };
  if (json.length > MAX_JSON_CHARS) return { ok: false, reason: 'too-large' };
  let raw: unknown;
  try {
    raw = safeParse(json);
  } catch {
    return { ok: false, reason: 'corrupt' };
  }
  const migrated = migrate(raw);
  if (!migrated.ok) return migrated;
  const snap = migrated.snapshot;
  if (!Array.isArray(snap.manifests) || !snap.manifests.every(isRecord)) return { ok: false, reason: 'corrupt' };
  // Bounded work before the model builds anything: a short link must not expand into a cluster
  // that freezes the page (or, in an embed, the page around it).
  if (snap.manifests.length > MAX_OBJECTS || !replicasWithinReach(snap.manifests)) return { ok: false, reason: 'too-large' };
  let built: ReturnType<typeof clusterFromObjects>;
  try {
    built = clusterFromObjects(snap.manifests);
  } catch {
    // The model answers with errors, not exceptions; should one escape, the state is refused, not fatal.
    return { ok: false, reason: 'invalid-cluster' };
  }
  const { cluster, errors } = built;
  const clientsOk = cluster.settings.clients.every((c) => isName(c.name));
  if (errors.length > 0 || !clientsOk) return { ok: false, reason: 'invalid-cluster' };
  const request = snap.request === null ? null : readRequest(snap.request) ?? null;
  const step = Number.isInteger(snap.step) && (snap.step as number) >= 0 ? Math.min(snap.step as number, 10_000) : 0;
  const seed = Number.isInteger(snap.seed) ? (snap.seed as number) : 0;
  const lens = snap.lens === 'wire' ? 'wire' : 'layers';
  return { ok: true, state: { cluster, positions: readPositions(snap.positions), request, seed, step, lens } };
}

type Loose = { [K in keyof Snapshot]?: unknown };

/**
 * Brings an older snapshot up to the current version. Version 1 is the first; each future version
 * adds one step here (v1 → v2 …), so old links and saves keep opening.
 */
function migrate(raw: unknown): { ok: true; snapshot: Loose } | { ok: false; reason: DecodeFailure } {
  if (!isRecord(raw) || !Number.isInteger(raw.v)) return { ok: false, reason: 'corrupt' };
  const version = raw.v as number;
  if (version > SNAPSHOT_VERSION) return { ok: false, reason: 'newer-version' };
  if (version < 1) return { ok: false, reason: 'corrupt' };
  return { ok: true, snapshot: raw as Loose };
}

/** What to tell a person about a failure, in plain words. */
export const DECODE_FAILURE_TEXT: Record<DecodeFailure, string> = {
  empty: 'The link holds no diagram.',
  'too-large': 'The link is larger than the explainer will read.',
  corrupt: 'The link is damaged (perhaps cut short when it was copied).',
  'newer-version': 'The link was made by a newer version of Service Explainer.',
  'invalid-cluster': 'The link describes a cluster the API server would refuse.',
};
