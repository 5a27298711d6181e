import { describe, expect, it } from 'vitest';
import { RangeAllocator, nodePortAllocator, parsePortRange, podCIDRAllocator, safeEncode, serviceIPAllocator } from './addressing';
import { intToIp, ipToInt } from './ip';

describe('allocators', () => {
  it('parses the node-port range like net.ParsePortRange', () => {
    expect(parsePortRange('30000-32767')).toEqual({ base: 30000, size: 2768 });
    expect(parsePortRange('30000+100')).toEqual({ base: 30000, size: 101 });
    expect(parsePortRange('32767-30000')).toBeUndefined();
  });

  it('reserves the kubernetes and DNS Service addresses and allocates from the upper band', () => {
    const ips = serviceIPAllocator('10.96.0.0/12', '10.96.0.10')!;
    expect(ips.allocate(ipToInt('10.96.0.1'))).toBe('allocated');
    expect(ips.allocate(ipToInt('10.96.0.10'))).toBe('allocated');
    expect(ips.allocate(ipToInt('10.112.0.1'))).toBe('not-in-range');
    const ip = ips.allocateNext('default/web')!;
    expect(ip).toBeGreaterThanOrEqual(ipToInt('10.96.1.1'));
    expect(intToIp(ip)).toBe(intToIp(serviceIPAllocator('10.96.0.0/12', '10.96.0.10')!.allocateNext('default/web')!));
  });

  it('gives nodePorts from the dynamic band and never the same one twice', () => {
    const ports = nodePortAllocator('30000-30020')!;
    const got = Array.from({ length: 21 }, (_, i) => ports.allocateNext(`s${i}`));
    expect(new Set(got).size).toBe(21);
    expect(ports.allocateNext('more')).toBeUndefined();
  });

  it('hands out /24 pod CIDRs in order, skipping reserved ones', () => {
    const cidrs = podCIDRAllocator('10.244.0.0/16')!;
    cidrs.reserve('10.244.1.0/24');
    expect([cidrs.next(), cidrs.next()]).toEqual(['10.244.0.0/24', '10.244.2.0/24']);
  });

  it('spells hashes like rand.SafeEncodeString', () => {
    expect(safeEncode('0123456789')).toBe('456789bcdf');
    expect(new RangeAllocator(10, 2, 0).allocateLowest()).toBe(10);
  });
});

describe('first-load weight', () => {
  it('keeps the yaml library out of the default scenario import graph', () => {
    // Every model source, as text, keyed by path relative to this folder ("./scenarios/x.ts").
    const sources = import.meta.glob<string>(['./**/*.ts', '!./**/*.test.ts'], { query: '?raw', import: 'default', eager: true });
    const normalize = (path: string): string => {
      const out: string[] = [];
      for (const part of path.split('/')) {
        if (part === '..') out.pop();
        else if (part !== '.') out.push(part);
      }
      return `./${out.join('/')}`;
    };
    const seen = new Set<string>();
    const visit = (file: string): void => {
      if (seen.has(file)) return;
      seen.add(file);
      const source = sources[file];
      expect(source, file).toBeDefined();
      for (const m of source!.matchAll(/^import[^'"]*['"]([^'"]+)['"]/gm)) {
        const spec = m[1]!;
        expect(spec, `${file} imports ${spec}`).not.toBe('yaml');
        if (spec.startsWith('.')) visit(normalize(`${file.slice(0, file.lastIndexOf('/'))}/${spec}.ts`));
      }
    };
    visit('./scenarios/defaultScenario.ts');
    expect(seen.size).toBeGreaterThan(5);
  });
});
