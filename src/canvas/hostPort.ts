/** `10.96.0.12:80`: how the canvas writes an address the model hands over as host and port. */
export const hostPort = (a: { host: string; port: number }): string => `${a.host}:${a.port}`;
