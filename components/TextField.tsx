interface TextFieldProps {
  id: string;
  label: string;
  value: string;
  placeholder?: string;
  hint: string;
  /** Shown next to the field, in place of the hint, until the input is valid. */
  error?: string;
  inputMode?: 'numeric' | 'text';
  /** A credential: not spell-checked, autocorrected or offered to autofill. */
  secret?: boolean;
  onInput: (value: string) => void;
}

/** A labelled text field with its hint, or its error next to it. */
export function TextField({
  id,
  label,
  value,
  placeholder,
  hint,
  error,
  inputMode,
  secret = false,
  onInput,
}: TextFieldProps) {
  const noteId = `${id}-${error ? 'error' : 'hint'}`;
  return (
    <div class="form-field">
      <label for={id}>{label}</label>
      <input
        id={id}
        value={value}
        placeholder={placeholder}
        inputMode={inputMode}
        {...(secret ? { autocomplete: 'off', spellcheck: false, autocapitalize: 'off' } : {})}
        aria-invalid={Boolean(error)}
        aria-describedby={noteId}
        onInput={(event) => onInput(event.currentTarget.value)}
      />
      <p id={noteId} class={error ? 'field-error' : 'muted hint'}>
        {error ?? hint}
      </p>
    </div>
  );
}
