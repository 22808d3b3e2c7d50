// A real supabase-js client typed with the generated Database: must compile (tsc --noEmit).
import { createClient } from "@supabase/supabase-js";
import type { Database } from "../../src/types/database.types";

type Tables = Database["public"]["Tables"];

const supabase = createClient<Database>("http://127.0.0.1:54321", "public-anon-key");

export async function practiceScreen(): Promise<number | null> {
  // Typed select: the row type follows the column list.
  const { data: attempts, error } = await supabase
    .from("attempts")
    .select("id, score, created_at")
    .order("created_at", { ascending: false })
    .limit(10);
  if (error) throw error;
  const latest: { id: string; score: number | null; created_at: string } | undefined = attempts[0];

  // Insert with the generated Insert type.
  const filter: Tables["saved_filters"]["Insert"] = { name: "Speaking, level 2", criteria: { skill: "speaking", level: 2 } };
  await supabase.from("saved_filters").insert(filter);

  // RPC with its argument type; the result is the session id.
  const { data: sessionId } = await supabase.rpc("start_session", {});
  const started: string | null = sessionId;
  if (started) await supabase.rpc("finish_session", { target_session: started });

  return latest?.score ?? null;
}
