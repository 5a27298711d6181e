import { describe, expect, it } from 'vitest';
import { draftFromService, parseSelector, serviceFromDraft } from './serviceDraft';
import { defaultScenario } from '../model/scenarios/defaultScenario';
import { updateService } from '../model/edits';

describe('service draft', () => {
  const web = defaultScenario().services[0]!;

  it('round-trips a Service through the form unchanged', () => {
    expect(serviceFromDraft(web, draftFromService(web))).toEqual(web);
  });

  it('reads a named targetPort as a name and a numeric one as a number', () => {
    const draft = draftFromService(web);
    draft.ports[0]!.targetPort = 'http';
    expect(serviceFromDraft(web, draft).spec.ports[0]!.targetPort).toBe('http');
    draft.ports[0]!.targetPort = '9090';
    expect(serviceFromDraft(web, draft).spec.ports[0]!.targetPort).toBe(9090);
  });

  it('passes text that is not a number on as NaN, for validation to refuse', () => {
    const draft = draftFromService(web);
    draft.ports[0]!.nodePort = '30o80';
    expect(serviceFromDraft(web, draft).spec.ports[0]!.nodePort).toBeNaN();
  });

  it('parses selectors written as key=value pairs', () => {
    expect(parseSelector('app=web, tier = frontend\nzone=')).toEqual({ app: 'web', tier: 'frontend', zone: '' });
  });

  it('edits externalIPs and internalTrafficPolicy through the model, which refuses a bad address at its field path', () => {
    const cluster = defaultScenario();
    const ref = { namespace: 'default', name: 'web' };
    const draft = draftFromService(web);
    expect(draft.internalTrafficPolicy).toBe('Cluster');
    expect(draft.externalIPs).toBe('');
    draft.externalIPs = '192.0.2.10, 192.0.2.11';
    draft.internalTrafficPolicy = 'Local';
    const ok = updateService(cluster, ref, serviceFromDraft(web, draft));
    if (!ok.ok) throw new Error(JSON.stringify(ok.errors));
    const edited = ok.cluster.services.find((s) => s.metadata.name === 'web')!;
    expect(edited.spec.externalIPs).toEqual(['192.0.2.10', '192.0.2.11']);
    expect(edited.spec.internalTrafficPolicy).toBe('Local');
    expect(draftFromService(edited)).toMatchObject({ externalIPs: '192.0.2.10, 192.0.2.11', internalTrafficPolicy: 'Local' });

    draft.externalIPs = '192.0.2.300';
    const bad = updateService(cluster, ref, serviceFromDraft(web, draft));
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.errors.map((e) => e.field)).toEqual(['spec.externalIPs[0]']);
    // Cleared, the fields go back to no externalIPs and the API server's default policy.
    draft.externalIPs = '';
    draft.internalTrafficPolicy = '';
    const cleared = serviceFromDraft(web, draft);
    expect(cleared.spec.externalIPs).toBeUndefined();
    expect(cleared.spec.internalTrafficPolicy).toBeUndefined();
  });
});
