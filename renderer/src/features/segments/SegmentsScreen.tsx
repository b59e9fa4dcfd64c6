import { ComingSoon } from '../../components/ComingSoon';
import { useNavigation } from '../../navigation';
import { sections } from '../../sections';

/** The Segments screen (being built: a placeholder until then). */
export function SegmentsScreen() {
  const { go } = useNavigation();
  const section = sections.find((candidate) => candidate.id === 'segments');
  return section ? <ComingSoon section={section} onBack={() => void go('contacts')} /> : null;
}
