import { alignUpload, type UploadedFile } from './align-upload.js';

/**
 * The entry point of the process that reads and aligns one upload: it takes the files from
 * its parent, sends back the documents (or the error), and ends.
 */
process.once('message', (files: UploadedFile[]) => {
  alignUpload(files).then(
    (result) => process.send?.({ result }, () => process.exit(0)),
    (error: Error) => process.send?.({ error: error.message }, () => process.exit(1)),
  );
});
