import { redirect } from 'next/navigation';

/** `/admin` is the admin area's address; its first tab is the people. */
export default function AdminHome() {
  redirect('/admin/users');
}
