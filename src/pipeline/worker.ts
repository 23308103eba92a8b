import { runTask, type Task, type TaskOutcome } from './task.js';

/** The entry point of a worker thread of the batch pool: one task at a time. */
export default function work(task: Task): Promise<TaskOutcome> {
  return runTask(task);
}
