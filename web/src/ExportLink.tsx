import type { MouseEvent, ReactNode } from 'react';
import { api } from './api';

/**
 * A link to an export that downloads it in place: a refusal shows as a message through
 * `onError` rather than as a page of JSON. The address stays on the link for "save as".
 */
export function ExportLink({
  href,
  onError,
  children,
}: {
  href: string;
  onError: (message: string) => void;
  children: ReactNode;
}) {
  const download = (event: MouseEvent) => {
    event.preventDefault();
    api.download(href).catch((error: Error) => onError(error.message));
  };
  return (
    <a className="export" href={href} onClick={download}>
      {children}
    </a>
  );
}
