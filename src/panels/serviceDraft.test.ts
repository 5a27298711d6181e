import { describe, expect, it } from 'vitest';
import { draftFromService, parseSelector, serviceFromDraft } from './serviceDraft';
import { defaultScenario } from '../model/scenarios/defaultScenario';

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
});
