import { SectionNav } from './section-nav';
import { SiteAddressWarning } from './site-address-warning';

/** The admin area's own navigation, under the site header, and what an admin must know about the setup. */
export function AdminNav({ current, openReports }: { current: 'users' | 'comments'; openReports?: number }) {
  return (
    <>
      <SectionNav
        label="Admin"
        current={current}
        items={[
          { key: 'users', href: '/admin/users', label: 'Users' },
          { key: 'comments', href: '/admin/comments', label: 'Reported comments', short: 'Reports', count: openReports },
        ]}
      />
      <SiteAddressWarning />
    </>
  );
}
