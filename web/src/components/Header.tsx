import { useState } from 'react';
import { useNotifications } from '../notifications';
import { useSession, useUser } from '../session';
import { Time } from './ui';

/** Org, user, role and entity; the role's pages; the live notification tray; log out. */
export function Header({
  pages,
  current,
  onNavigate,
}: {
  pages: readonly { id: string; title: string }[];
  current: string;
  onNavigate: (id: string) => void;
}) {
  const user = useUser();
  const { logout } = useSession();
  const { notices, connected } = useNotifications();
  const [open, setOpen] = useState(false);
  return (
    <header className="top">
      <div className="identity">
        <strong>{user.organization}</strong>
        <span data-testid="who">
          {user.name} · {user.role ?? 'admin'}
          {user.entity !== undefined ? ` · ${user.entity}` : ''}
        </span>
      </div>
      <nav aria-label="Pages">
        {pages.map((page) => (
          <button
            key={page.id}
            type="button"
            className={page.id === current ? 'tab active' : 'tab'}
            aria-current={page.id === current ? 'page' : undefined}
            onClick={() => {
              onNavigate(page.id);
            }}
          >
            {page.title}
          </button>
        ))}
      </nav>
      <div className="tray">
        <button
          type="button"
          aria-expanded={open}
          aria-controls="notification-tray"
          title={connected ? 'Live' : 'Reconnecting…'}
          onClick={() => {
            setOpen(!open);
          }}
        >
          Notifications{' '}
          <span className="badge" data-testid="notification-count">
            {notices.length}
          </span>
          <span className={connected ? 'dot live' : 'dot'} aria-hidden="true" />
        </button>
        <ol
          id="notification-tray"
          className={open ? 'tray-list open' : 'tray-list'}
          aria-label="Notifications"
        >
          {notices.length === 0 && <li className="muted">No notifications yet.</li>}
          {notices.map((notice) => (
            <li key={notice.key} data-event={notice.event}>
              <span>{notice.text}</span> <Time iso={notice.at} />
            </li>
          ))}
        </ol>
        <button
          type="button"
          onClick={() => {
            void logout();
          }}
        >
          Log out
        </button>
      </div>
    </header>
  );
}
