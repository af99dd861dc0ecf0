// The error a user can fix; its own module so that every part of the runtime can raise it.

/** Raised for anything the user can fix; the runner turns it into an `error` result with the line. */
export class ExperimentError extends Error {
  override name = 'ExperimentError';
}
