import { ComingSoon } from '../../components/ComingSoon';
import { useNavigation } from '../../navigation';
import { sections } from '../../sections';

/** The Campaigns screen (being built: a placeholder until then). */
export function CampaignsScreen() {
  const { go } = useNavigation();
  const section = sections.find((candidate) => candidate.id === 'campaigns');
  return section ? <ComingSoon section={section} onBack={() => void go('contacts')} /> : null;
}
