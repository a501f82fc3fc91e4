// An import that can never succeed as given (missing file or column, unreadable archive): reported to the user, the
// import stores nothing, and it is not retried.
import { PermanentJobError } from "@/lib/queue/job-errors";

export class ImportInputError extends PermanentJobError {
  constructor(message: string) {
    super(message);
    this.name = "ImportInputError";
  }
}
