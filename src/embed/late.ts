/**
 * Everything an embed loads after its first paint, as one module so that it arrives as one chunk
 * (see lateParts.ts): the trace engine, the hop explanation, the postMessage bridge and the link
 * encoder for "Open in Service Explainer".
 */
export { trace } from '../model/trace/trace';
export { HopDetails } from '../panels/HopDetails';
export { startBridge } from './bridge';
export { encodeSnapshot } from './snapshotCodec';
export { snapshotOf } from './snapshot';
