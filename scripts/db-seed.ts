/** `npm run db:seed`: create, migrate and (when empty) seed the database at DATABASE_PATH. */
import { prepareDataFolder } from './prepare';

await prepareDataFolder();
