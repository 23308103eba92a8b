import { alignFolderTask, type BatchResult, type FolderTask } from './align-sents.js';

/** The entry point of a worker thread of `align-sents DIR --jobs N`: one file pair at a time. */
export default function work(task: FolderTask): Promise<BatchResult> {
  return alignFolderTask(task);
}
