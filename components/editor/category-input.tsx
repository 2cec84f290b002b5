'use client';

import { ChipInput } from '@/components/ui/chip-input';

/** A recap's categories: existing ones are suggested (and keep their spelling), at most 10. */
export function CategoryInput(props: { value: string[]; onChange: (names: string[]) => void; suggestions: string[]; errors?: string[] }) {
  return (
    <ChipInput
      label="Categories"
      noun="category"
      hint="Pick existing ones or type a new name and press Enter."
      placeholder={props.value.length ? 'Add another…' : 'e.g. Streaming'}
      max={10}
      maxLength={40}
      {...props}
    />
  );
}
