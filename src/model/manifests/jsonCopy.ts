/**
 * A deep copy of a JSON value as the API server would store it (what JSON can say, nothing else),
 * or undefined when the value is not JSON: a cycle, a BigInt, or nesting too deep to walk. Used
 * for objects and fields the model keeps verbatim, so the caller's values are never shared with
 * the cluster and the YAML writer only ever meets plain JSON.
 */
export function jsonCopy<T>(value: T): T | undefined {
  try {
    const text = JSON.stringify(value);
    return text === undefined ? undefined : (JSON.parse(text) as T);
  } catch {
    return undefined;
  }
}
