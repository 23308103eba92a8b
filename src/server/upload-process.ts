import { BitextError } from '../errors.js';
import { storeUpload, type UploadTask } from './align-upload.js';

/**
 * The entry point of the process that reads, aligns and stores one upload: it takes the
 * task from its parent, sends back the outcome (or the error), and ends.
 */
process.once('message', (task: UploadTask) => {
  storeUpload(task).then(
    (result) => process.send?.({ result }, () => process.exit(0)),
    (error: Error) =>
      process.send?.({ error: error.message, refused: error instanceof BitextError }, () => process.exit(1)),
  );
});
