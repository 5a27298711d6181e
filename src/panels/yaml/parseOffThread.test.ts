import { describe, expect, it } from 'vitest';
import { applyManifests } from '../../model/manifests/merge';
import { defaultScenario } from '../../model/scenarios/defaultScenario';
import { parseOffThread, type ApplyRequest } from './parseOffThread';

const service = 'apiVersion: v1\nkind: Service\nmetadata:\n  name: api\n  namespace: default\nspec:\n  selector:\n    app: api\n  ports:\n  - port: 80\n';
const onPage = (r: ApplyRequest) => applyManifests(r.cluster, r.text, r.mode);

describe('parseOffThread', () => {
  it('applies on the page where no worker can start, with the same result', async () => {
    // Vitest runs in Node, which has no Web Worker: the fallback path.
    const request: ApplyRequest = { text: service, cluster: defaultScenario(), mode: 'merge' };
    const result = await parseOffThread(request, onPage).result;
    expect(result).toEqual(onPage(request));
  });

  it('answers "cancelled" once cancelled, and never the parse that follows', async () => {
    const job = parseOffThread({ text: service, cluster: defaultScenario(), mode: 'replace' }, onPage);
    job.cancel();
    expect(await job.result).toBe('cancelled');
  });
});
