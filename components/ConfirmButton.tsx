import { useEffect, useId, useRef, useState } from 'preact/hooks';
import { useT } from './i18n';

export interface ConfirmButtonProps {
  /** The first button, e.g. "Reset to defaults". */
  label: string;
  /** What will happen, asked before it does. */
  question: string;
  /** The button that acts, e.g. "Yes, reset". */
  confirmLabel: string;
  onConfirm(): void;
}

/**
 * A destructive action that asks first, inline: `window.confirm` blocks the
 * page, cannot be styled or translated with the rest, and some browsers
 * suppress it in extension pages.
 */
export function ConfirmButton({ label, question, confirmLabel, onConfirm }: ConfirmButtonProps) {
  const t = useT();
  const id = useId();
  const [asking, setAsking] = useState(false);
  const firstRef = useRef<HTMLButtonElement>(null);
  const cancelRef = useRef<HTMLButtonElement>(null);
  const wasAsking = useRef(false);

  // Focus follows the step: to Cancel (the harmless choice) when asking, back to the first button after.
  useEffect(() => {
    if (asking) cancelRef.current?.focus();
    else if (wasAsking.current) firstRef.current?.focus();
    wasAsking.current = asking;
  }, [asking]);

  if (!asking) {
    return (
      <button type="button" ref={firstRef} onClick={() => setAsking(true)}>
        {label}
      </button>
    );
  }
  return (
    <div role="group" class="confirm" aria-labelledby={`${id}-question`}>
      <p id={`${id}-question`} class="confirm-question">
        {question}
      </p>
      <button
        type="button"
        class="danger"
        onClick={() => {
          onConfirm();
          setAsking(false);
        }}
      >
        {confirmLabel}
      </button>
      <button type="button" ref={cancelRef} onClick={() => setAsking(false)}>
        {t('cancel')}
      </button>
    </div>
  );
}
