import { Input } from 'antd';

interface BlurSaveTextProps {
  /** The stored text. */
  value: string;
  onSave: (next: string) => void;
  ariaLabel: string;
  placeholder?: string;
  maxLength: number;
  multiline?: boolean;
}

/**
 * A text field that saves when the user leaves it (or presses Enter on one line), not on every
 * keystroke, so the trail records one change per edit. It is keyed by the stored text: when that
 * changes (a save landed, another window wrote) the field shows it; a failed save leaves what was
 * typed in place.
 */
export function BlurSaveText({
  value,
  onSave,
  ariaLabel,
  placeholder,
  maxLength,
  multiline = false,
}: BlurSaveTextProps) {
  const save = (next: string) => {
    if (next !== value) onSave(next);
  };
  if (multiline) {
    return (
      <Input.TextArea
        key={value}
        defaultValue={value}
        aria-label={ariaLabel}
        placeholder={placeholder}
        maxLength={maxLength}
        autoSize={{ minRows: 1, maxRows: 8 }}
        onBlur={(event) => save(event.target.value)}
      />
    );
  }
  return (
    <Input
      key={value}
      defaultValue={value}
      aria-label={ariaLabel}
      placeholder={placeholder}
      maxLength={maxLength}
      onBlur={(event) => save(event.target.value)}
      onPressEnter={(event) => event.currentTarget.blur()}
    />
  );
}
