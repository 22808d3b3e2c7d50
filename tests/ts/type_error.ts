// Deliberately wrong: must FAIL to compile, proving the generated types are enforced.
import { createClient } from "@supabase/supabase-js";
import type { Database } from "../../src/types/database.types";

const supabase = createClient<Database>("http://127.0.0.1:54321", "public-anon-key");

export async function wrongArgument(): Promise<void> {
  // finish_session takes target_session: string (a uuid), not a number.
  await supabase.rpc("finish_session", { target_session: 42 });
}
