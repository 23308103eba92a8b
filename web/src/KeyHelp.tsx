import { useEffect, useRef } from 'react';

/** Every key of the review, in words. */
export const REVIEW_KEYS: readonly [string, string][] = [
  ['j / k', 'next / previous pair'],
  ['n / p', 'next / previous pair in the filter'],
  ['c', 'confirm, and go to the next pair in the filter'],
  ['C', 'confirm every pair from the top down to this one'],
  ['x', 'take back a confirmation'],
  ['m', 'merge with the next pair'],
  ['s', 'split after the first sentence of each side'],
  ['b', 'split at a sentence boundary you choose (← → English, ↑ ↓ Chinese, Enter)'],
  ['[ ]', 'move the first English sentence to the previous pair / the last to the next'],
  ['{ }', 'the same for Chinese'],
  ['e', 'correct the text of the pair’s sentences'],
  ['a', 'align again around the confirmed pairs'],
  ['u / r', 'undo / redo'],
  ['?', 'show or hide this list'],
];

/** The `?` overlay: a modal dialog listing the keys, closed by Escape or its button. */
export function KeyHelp({ onClose }: { onClose: () => void }) {
  const close = useRef<HTMLButtonElement>(null);
  useEffect(() => close.current?.focus(), []);
  return (
    <div className="overlay">
      <div
        role="dialog"
        aria-modal="true"
        aria-labelledby="key-help-title"
        className="key-help"
        onKeyDown={(event) => (event.key === 'Escape' || event.key === '?') && onClose()}
      >
        <h2 id="key-help-title">Keys</h2>
        <dl>
          {REVIEW_KEYS.map(([keys, action]) => (
            <div key={keys}>
              <dt>
                <kbd>{keys}</kbd>
              </dt>
              <dd>{action}</dd>
            </div>
          ))}
        </dl>
        <button ref={close} type="button" onClick={onClose}>
          Close
        </button>
      </div>
    </div>
  );
}
