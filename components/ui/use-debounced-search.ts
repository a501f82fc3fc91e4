"use client";
// Search as the user types: waits for a pause in typing before asking the server, and forgets results when the
// query is cleared. Shared by the officer pickers.
import { useEffect, useState, useTransition } from "react";

const SEARCH_DELAY_MS = 250;

export function useDebouncedSearch<T>(search: (query: string) => Promise<T[]>) {
  const [query, setQuery] = useState("");
  const [results, setResults] = useState<T[] | null>(null);
  const [pending, startTransition] = useTransition();

  const cleared = query.trim() === "";
  useEffect(() => {
    if (cleared) return;
    const timer = setTimeout(() => startTransition(async () => setResults(await search(query))), SEARCH_DELAY_MS);
    return () => clearTimeout(timer);
  }, [cleared, query, search]);

  return { query, setQuery, results: cleared ? null : results, pending };
}
