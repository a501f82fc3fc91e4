// Cursor paging for /api/v1: a page of rows after a cursor, and the cursor of its last row when more may follow. A
// cursor is the sort key of the last row returned, opaque to the caller (base64url JSON).
import { z } from "zod";
import { AppError } from "@/lib/kernel/app-error";

export const PageQuery = z.object({
  cursor: z.string().max(500).optional().meta({ description: "nextCursor of the previous page; absent for the first" }),
  limit: z.coerce.number().int().min(1).max(1000).default(100).meta({ description: "rows per page (1 to 1,000)" }),
});

export function encodeCursor(key: (string | number)[]): string {
  return Buffer.from(JSON.stringify(key)).toString("base64url");
}

export function decodeCursor<T extends z.ZodType>(cursor: string | undefined, shape: T): z.infer<T> | null {
  if (cursor === undefined) return null;
  try {
    return shape.parse(JSON.parse(Buffer.from(cursor, "base64url").toString("utf8")));
  } catch {
    throw new AppError("INVALID", "Not a cursor this endpoint gave");
  }
}

export function page<Row, Item>(
  rows: Row[],
  limit: number,
  toItem: (row: Row) => Item,
  keyOf: (row: Row) => (string | number)[],
): { data: Item[]; nextCursor: string | null } {
  return {
    data: rows.map(toItem),
    nextCursor: rows.length === limit ? encodeCursor(keyOf(rows[rows.length - 1]!)) : null,
  };
}

export const pageOf = <T extends z.ZodType>(item: T) =>
  z.object({
    data: z.array(item),
    nextCursor: z.string().nullable().meta({ description: "pass as cursor for the next page; null at the end" }),
  });
