import type { ComponentChildren } from 'preact';
import { useId } from 'preact/hooks';

export interface LabelledSectionProps {
  /** The heading, which is also the landmark's accessible name. */
  title: string;
  /** `footer` for the popup's help links; a section otherwise. */
  as?: 'section' | 'footer';
  class: string;
  headingClass?: string;
  children?: ComponentChildren;
}

/**
 * A part of the popup or the options page under its own `<h2>`, named by that
 * heading (aria-labelledby), so a screen reader lists it by the title a
 * sighted person reads.
 */
export function LabelledSection({
  title,
  as: Tag = 'section',
  class: className,
  headingClass,
  children,
}: LabelledSectionProps) {
  const id = `${useId()}-title`;
  return (
    <Tag class={className} aria-labelledby={id}>
      <h2 id={id} class={headingClass}>
        {title}
      </h2>
      {children}
    </Tag>
  );
}
