/** A rule of the domain refused an input. `status` is the HTTP status the API answers with. */
export class DomainError extends Error {
  constructor(
    readonly code: 'illegal_transition' | 'unknown_report' | 'duplicate_report' | 'unknown_reference' | 'invalid',
    message: string,
    /** the input field the problem is about, as a dotted path */
    readonly path?: string,
    readonly status: number = code === 'unknown_report' ? 404 : code === 'illegal_transition' || code === 'duplicate_report' ? 409 : 400,
  ) {
    super(message);
    this.name = 'DomainError';
  }
}
