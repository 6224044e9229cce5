/**
 * 选举日 (election day): the day ages and eligibility are judged on. Saved in the workbook's settings as
 * YYYY-MM-DD whenever the clerk enters a valid date.
 */
import { useEffect, useState } from 'react';
import { Field, Input } from '@fluentui/react-components';
import { parseIsoDate } from '../../domain/common/calendar-date';
import { useStrings } from '../i18n';

export interface ElectionDateFieldProps {
  value: string | undefined;
  onChange: (isoDate: string) => void;
  disabled?: boolean;
}

export function ElectionDateField({ value, onChange, disabled }: ElectionDateFieldProps) {
  const strings = useStrings();
  const [text, setText] = useState(value ?? '');
  useEffect(() => setText(value ?? ''), [value]);
  const invalid = text !== '' && parseIsoDate(text) === null;
  return (
    <Field
      label={strings.electionDate}
      hint={strings.electionDateHint}
      validationState={invalid ? 'error' : 'none'}
      validationMessage={invalid ? strings.electionDateInvalid : undefined}
      required
    >
      <Input
        type="date"
        data-testid="election-date"
        value={text}
        disabled={disabled}
        placeholder="YYYY-MM-DD"
        onChange={(_, d) => {
          setText(d.value);
          if (parseIsoDate(d.value)) onChange(d.value);
        }}
      />
    </Field>
  );
}
