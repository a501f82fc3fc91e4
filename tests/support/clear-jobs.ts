// The integration files share one database and one queue. A file that starts from an empty queue must also forget
// the unfinished jobs earlier files left in the database (follow-up jobs of their imports, with no worker running):
// PostgreSQL owns the jobs' state, and a worker's reconcile pass would otherwise queue them all again.
import { pool } from "@/lib/pg";
import { getQueue } from "@/lib/queue/enqueue";

export async function clearQueuedJobs(): Promise<void> {
  await getQueue().obliterate({ force: true });
  await pool.query(`
    DELETE FROM job_runs WHERE status IN ('QUEUED', 'RUNNING');
    UPDATE analysis_runs SET status = 'FAILED', error = 'cleared by a test', finished_at = now()
     WHERE status IN ('QUEUED', 'RUNNING');
    UPDATE import_batches SET status = 'FAILED', error = 'cleared by a test', finished_at = now()
     WHERE status IN ('QUEUED', 'RUNNING')`);
}
