/**
 * Parses manifests off the main thread, with the model's own parseManifests, so a pasted
 * megabyte never freezes the page. One text per worker: cancelling terminates it.
 */
import { parseManifests } from '../../model/manifests/parse';

self.onmessage = (e: MessageEvent<string>) => {
  let reply: unknown;
  try {
    reply = { ok: true, result: parseManifests(e.data) };
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
