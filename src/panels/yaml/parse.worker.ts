/**
 * Applies manifests off the main thread, with the model's own applyManifests, so a pasted
 * megabyte never freezes the page. One request per worker: cancelling terminates it.
 */
import { applyManifests } from '../../model/manifests/merge';
import type { ApplyRequest } from './parseOffThread';

self.onmessage = (e: MessageEvent<ApplyRequest>) => {
  let reply: unknown;
  try {
    reply = { ok: true, result: applyManifests(e.data.cluster, e.data.text, e.data.mode) };
  } catch {
    reply = { ok: false };
  }
  try {
    self.postMessage(reply);
  } catch {
    // A result that cannot be copied to the page: the page parses it itself.
    self.postMessage({ ok: false });
  }
};
