import { SectionNav } from './section-nav';

/** The admin area's own navigation, under the site header. */
export function AdminNav({ current, openReports }: { current: 'users' | 'comments'; openReports?: number }) {
  return (
    <SectionNav
      label="Admin"
      current={current}
      items={[
        { key: 'users', href: '/admin/users', label: 'Users' },
        { key: 'comments', href: '/admin/comments', label: 'Reported comments', short: 'Reports', count: openReports },
      ]}
    />
  );
}
