import { useId } from 'preact/hooks';

export interface RadioGroupProps<T extends string> {
  legend: string;
  /** A label for every value, in the order shown: a value added to T without one fails to compile. */
  labels: Record<T, string>;
  value: T;
  onChange(value: T): void;
}

/** One choice out of a few, as native radios in a fieldset: arrow keys and the group's name come free. */
export function RadioGroup<T extends string>({
  legend,
  labels,
  value,
  onChange,
}: RadioGroupProps<T>) {
  const name = useId();
  return (
    <fieldset>
      <legend>{legend}</legend>
      {(Object.entries(labels) as [T, string][]).map(([choice, label]) => (
        <label key={choice} class="radio">
          <input
            type="radio"
            name={name}
            value={choice}
            checked={value === choice}
            onChange={() => onChange(choice)}
          />
          {label}
        </label>
      ))}
    </fieldset>
  );
}
