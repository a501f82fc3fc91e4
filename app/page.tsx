// "/" sends each user to the first area of their role.
import { redirect } from "next/navigation";
import { requireUser } from "@/lib/auth/guards";
import { homePathForUser } from "@/lib/auth/areas";

export default async function Home() {
  redirect(homePathForUser(await requireUser()));
}
