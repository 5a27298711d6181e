/**
 * The value types a message parameter may take, and the check that ties each area's list of
 * parameter names (read at run time by the message-contract test) to its parameter types (read
 * by the compiler at every `msg` call).
 */

/** One parameter's value: text, a count or port, a yes/no, or a list. Never a "1"/"0" or a comma-joined string. */
export type ParamValue = string | number | boolean | readonly string[];

/** A key's parameters; absent ones are simply left out. */
export type ParamBag = { readonly [name: string]: ParamValue | undefined };

/** For a map of key → parameter type: key → the list of its parameter names. */
export type ParamNames<P> = { readonly [K in keyof P]: readonly (keyof P[K] & string)[] };

/** How one of several candidates was chosen (choose.ts). */
export type ChoiceMethod = 'pick' | 'seed' | 'affinity' | 'only';

/** A list of port/protocol pairs as the model words them ("80/TCP"). */
export type PortList = readonly string[];

/** A Service's ports as a PortList. */
export const portList = (ports: readonly { port: number; protocol: string }[]): PortList => ports.map((p) => `${p.port}/${p.protocol}`);
