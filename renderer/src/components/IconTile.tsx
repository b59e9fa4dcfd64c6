import { Icon, type IconName } from './Icon';
import './IconTile.css';

/** The large rounded icon that heads an empty or not-yet-built screen; `muted` when it reports nothing found rather than invites. */
export function IconTile({ icon, muted = false }: { icon: IconName; muted?: boolean }) {
  return (
    <div className={muted ? 'icon-tile icon-tile--muted' : 'icon-tile'}>
      <Icon name={icon} size={28} />
    </div>
  );
}
