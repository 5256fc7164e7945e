import { useState } from 'react';
import { Select } from 'antd';

const CREATE = '\u0000create';

interface Option {
  readonly value: string;
  readonly label: string;
}

interface CreatableSelectProps {
  id?: string;
  value?: string;
  onChange?: (value: string) => void;
  options: readonly Option[];
  placeholder: string;
  /** The label of the "create …" entry for what was typed. */
  createLabel: (text: string) => string;
  /** Creates the record for the typed text and returns its id. */
  onCreate: (text: string) => Promise<string>;
  'aria-label'?: string;
}

/**
 * A searchable picker that can also create what is typed (a new account or person) without
 * leaving the form. What is typed is shown as text, never markup.
 */
export function CreatableSelect({
  id,
  value,
  onChange,
  options,
  placeholder,
  createLabel,
  onCreate,
  ...rest
}: CreatableSelectProps) {
  const [search, setSearch] = useState('');
  const [creating, setCreating] = useState(false);
  const typed = search.trim();
  const exists = options.some(
    (option) => option.label.toLocaleLowerCase() === typed.toLocaleLowerCase(),
  );
  const shown =
    typed && !exists ? [...options, { value: CREATE, label: createLabel(typed) }] : options;

  return (
    <Select
      id={id}
      aria-label={rest['aria-label']}
      showSearch={{
        searchValue: search,
        onSearch: setSearch,
        optionFilterProp: 'label',
        filterOption: (input, option) =>
          option?.value === CREATE ||
          String(option?.label ?? '')
            .toLocaleLowerCase()
            .includes(input.trim().toLocaleLowerCase()),
      }}
      loading={creating}
      value={value}
      placeholder={placeholder}
      options={shown.map((option) => ({ value: option.value, label: option.label }))}
      onChange={(next: string) => {
        if (next !== CREATE) {
          onChange?.(next);
          return;
        }
        setCreating(true);
        onCreate(typed)
          .then((createdId) => {
            setSearch('');
            onChange?.(createdId);
          })
          .catch(() => {
            // The failure was already shown; the typed text stays for another try.
          })
          .finally(() => setCreating(false));
      }}
    />
  );
}
