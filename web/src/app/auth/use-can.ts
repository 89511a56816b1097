import { useSession } from '../../features/auth/hooks';
import { can, type Need } from './access';

// Whether the signed-in user holds this need (false while signed out).
export const useCan = (need: Need): boolean => can(useSession().data, need);
