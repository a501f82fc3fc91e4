// An import that can never succeed as given (missing file, unreadable archive): reported to the user, not retried.
export class ImportInputError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "ImportInputError";
  }
}
