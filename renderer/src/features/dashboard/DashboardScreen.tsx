import { ComingSoon } from '../../components/ComingSoon';
import { useNavigation } from '../../navigation';
import { sections } from '../../sections';

/** The Dashboard screen (being built: a placeholder until then). */
export function DashboardScreen() {
  const { go } = useNavigation();
  const section = sections.find((candidate) => candidate.id === 'dashboard');
  return section ? <ComingSoon section={section} onBack={() => void go('contacts')} /> : null;
}
