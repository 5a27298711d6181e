/**
 * The iframe embed's postMessage protocol. Every message is an object `{ ns: 'service-explainer',
 * type, … }`. Commands are accepted only from the parent window and only in these shapes;
 * anything else is ignored without a word.
 */
export const NAMESPACE = 'service-explainer';

export type EmbedCommand =
  | { type: 'load'; scenario?: string; state?: string }
  | { type: 'play' }
  | { type: 'pause' }
  | { type: 'step'; by?: 1 | -1 }
  | { type: 'goTo'; step: number };

export type EmbedEvent =
  | { type: 'ready'; hops: number }
  | { type: 'hop'; index: number; step: number; layer: string; from: string; to: string; src: string; dst: string }
  | { type: 'outcome'; outcome: string; reason?: string }
  | { type: 'resize'; height: number };

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** The command a message carries, or undefined when it is not one of ours, well formed. */
export function readCommand(data: unknown): EmbedCommand | undefined {
  if (!isRecord(data) || data.ns !== NAMESPACE) return undefined;
  switch (data.type) {
    case 'play':
    case 'pause':
      return { type: data.type };
    case 'step':
      // Absent means one step forward; anything but exactly 1 or -1 (2, 'x', NaN, Infinity) is not a step.
      if (!('by' in data) || data.by === undefined || data.by === 1) return { type: 'step', by: 1 };
      return data.by === -1 ? { type: 'step', by: -1 } : undefined;
    case 'goTo':
      return Number.isInteger(data.step) && (data.step as number) >= 0 && (data.step as number) < 10_000 ? { type: 'goTo', step: data.step as number } : undefined;
    case 'load': {
      const scenario = typeof data.scenario === 'string' && /^[a-z0-9-]{1,64}$/.test(data.scenario) ? data.scenario : undefined;
      const state = typeof data.state === 'string' && data.state.length <= 400_000 ? data.state : undefined;
      if (!scenario && !state) return undefined;
      return { type: 'load', ...(scenario ? { scenario } : {}), ...(state ? { state } : {}) };
    }
    default:
      return undefined;
  }
}

export function eventMessage(event: EmbedEvent): EmbedEvent & { ns: typeof NAMESPACE } {
  return { ns: NAMESPACE, ...event };
}
