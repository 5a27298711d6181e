/**
 * The link decoder (with lz-string), loaded on demand by an embed that opens a state (`#s=…`, the
 * `state` option or a `load` command): the default diagram needs none of it.
 */
export { decodeSnapshot } from './snapshotCodec';
