/**
 * The only host globals the model may use beyond ES2023, for `tsconfig.model.json` (no DOM lib,
 * no Node types). Each is a global with these semantics in every browser the build targets, in
 * workers, and in Node ≥ 17 (the project needs Node 20): `structuredClone` (HTML standard) deep
 * copies the plain data the model holds; `TextEncoder` / `TextDecoder` (WHATWG Encoding) give
 * Go's byte view of UTF-8 strings (kubectl's byte limits, kube-proxy's chain-name hashes). All
 * three are pure functions of their input, so the model stays deterministic. Anything else
 * (clocks, storage, the page) is handed in, not reached for: a new use fails to compile here.
 *
 * The app's config (`tsconfig.app.json`) excludes this file: there the DOM lib declares the same.
 */
declare function structuredClone<T>(value: T): T;

interface TextEncoder {
  encode(input?: string): Uint8Array;
}
declare const TextEncoder: { prototype: TextEncoder; new (): TextEncoder };

interface TextDecoder {
  decode(input?: Uint8Array): string;
}
declare const TextDecoder: { prototype: TextDecoder; new (): TextDecoder };
