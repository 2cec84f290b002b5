import { SectionNav, sectionTabClass } from '../section-nav';

/** The authoring area's own navigation, under the site header. */
export function WriteNav({ current }: { current?: 'recaps' | 'conferences' | 'import' }) {
  return (
    <SectionNav
      label="Writing"
      current={current}
      items={[
        { key: 'recaps', href: '/write', label: 'Recaps' },
        { key: 'conferences', href: '/write/conferences', label: 'Conferences' },
        { key: 'import', href: '/write/import', label: 'Import from Jekyll', short: 'Import' },
      ]}
    >
      <li className="ml-auto">
        {/* A download (zip of Jekyll markdown), not a page: a plain link. */}
        <a href="/write/export" download className={sectionTabClass}>
          Export<span className="hidden sm:inline"> all (zip)</span>
        </a>
      </li>
    </SectionNav>
  );
}
