/** Handlers for the profiles:* channels: thin calls into the profiles feature. */
import type { AppContext } from '../../app-context';
import type * as contract from '../../../shared/contract/profiles';
import type { HandlersFor } from '../handler-types';

/** Builds the profiles feature's handlers over the shared context. */
export function createProfilesHandlers(ctx: AppContext): HandlersFor<typeof contract.requests> {
  const p = ctx.profiles;
  return {
    'profiles:list': () => p.list(),
    'profiles:add': ({ input, test }) => p.add(input, test),
    'profiles:update': ({ id, test, ...patch }) => p.update(id, patch, test),
    'profiles:duplicate': ({ id, name }) => p.duplicate(id, name),
    'profiles:delete': ({ id }) => p.delete(id),
    'profiles:test': (input) => {
      if ('input' in input) return p.testInput(input.input);
      if ('patch' in input) return p.testPatch(input.id, input.patch);
      return p.testSaved(input.id, input.startPath);
    },
    'profiles:open': ({ id }) => p.open(id),
    'profiles:import-env': ({ save, name }) => p.importEnv(save, name),
    'profiles:import-file': ({ source }) => p.importFile(source),
    'profiles:import-access-code': ({ code, name }) => p.importAccessCode(code, name),
    'profiles:choose-token-file': () => p.chooseTokenFile(),
    'profiles:sandbox-start': () => p.startSandbox(),
    'profiles:session-status': ({ id }) => p.sessionStatus(id),
  };
}
