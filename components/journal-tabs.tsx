import { SectionNav } from './section-nav';

/** The two views of one's own talks: what was seen (the journal) and what is planned (the agenda). */
export function JournalTabs({ current }: { current: 'journal' | 'agenda' }) {
  return (
    <SectionNav
      label="Your talks"
      current={current}
      items={[
        { key: 'journal', href: '/journal', label: 'Journal' },
        { key: 'agenda', href: '/agenda', label: 'Agenda' },
      ]}
    />
  );
}
