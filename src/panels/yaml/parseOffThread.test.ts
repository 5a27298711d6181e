import { describe, expect, it } from 'vitest';
import { parseManifests } from '../../model/manifests/parse';
import { parseOffThread } from './parseOffThread';

const service = 'apiVersion: v1\nkind: Service\nmetadata:\n  name: web\n  namespace: default\nspec:\n  selector:\n    app: web\n  ports:\n  - port: 80\n';

describe('parseOffThread', () => {
  it('parses on the page where no worker can start, with the same result', async () => {
    // Vitest runs in Node, which has no Web Worker: the fallback path.
    const result = await parseOffThread(service, parseManifests).result;
    expect(result).toEqual(parseManifests(service));
  });

  it('answers "cancelled" once cancelled, and never the parse that follows', async () => {
    const job = parseOffThread(service, parseManifests);
    job.cancel();
    expect(await job.result).toBe('cancelled');
  });
});
