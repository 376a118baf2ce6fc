export interface SwitchProps {
  label: string;
  checked: boolean;
  disabled?: boolean;
  onChange(checked: boolean): void;
}

/**
 * An on/off setting: a native checkbox with role="switch", drawn as a switch
 * by switch.css, so it keeps the checkbox's keyboard and screen reader
 * behaviour. Its label wraps it, so the whole line is the target.
 */
export function Switch({ label, checked, disabled, onChange }: SwitchProps) {
  return (
    <label class="switch">
      <input
        type="checkbox"
        role="switch"
        checked={checked}
        disabled={disabled}
        onChange={(e) => onChange(e.currentTarget.checked)}
      />
      {label}
    </label>
  );
}
