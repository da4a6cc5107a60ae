/**
 * The one error the pure core throws. `code` is stable (the server maps it to an HTTP status and a
 * translated message); `field` names the input that was wrong, as a path the client can show.
 */
export class DomainError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly field?: string,
    readonly params: Record<string, string | number> = {},
  ) {
    super(message);
    this.name = 'DomainError';
  }
}
