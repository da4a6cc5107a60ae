// autocannon ships no types (and @types/autocannon is not installed): the part the benches use.
declare module 'autocannon' {
  import type { EventEmitter } from 'node:events';
  namespace autocannon {
    interface RequestSpec {
      method?: string;
      path?: string;
      headers?: Record<string, string>;
      body?: string;
      setupRequest?: (request: RequestSpec) => RequestSpec;
    }
    interface Options {
      url: string;
      method?: string;
      headers?: Record<string, string>;
      body?: string;
      duration?: number;
      /** Stop after this many requests (instead of a duration). */
      amount?: number;
      connections?: number;
      /** Seconds a request may take before it counts as an error (10). */
      timeout?: number;
      requests?: RequestSpec[];
    }
    interface Result {
      errors: number;
      non2xx: number;
      requests: { average: number; total: number };
      latency: { p50: number; p99: number };
    }
    interface Instance extends EventEmitter {
      on(event: 'response', listener: (client: unknown, statusCode: number, resBytes: number, responseTime: number) => void): this;
    }
  }
  function autocannon(options: autocannon.Options): Promise<autocannon.Result>;
  function autocannon(options: autocannon.Options, done: (error: Error | null, result: autocannon.Result) => void): autocannon.Instance;
  export default autocannon;
}
