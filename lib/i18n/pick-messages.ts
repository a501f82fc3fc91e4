// The part of a message catalogue under some dotted paths ("contracts.errors", "disputes"), with its nesting kept,
// so useTranslations("contracts") still finds t("errors.x"). A path that names nothing is left out.
export type MessageTree = { [key: string]: string | MessageTree };

export function pickMessages(messages: MessageTree, paths: readonly string[]): MessageTree {
  const picked: MessageTree = {};
  for (const dotted of paths) {
    const keys = dotted.split(".");
    let source: string | MessageTree | undefined = messages;
    for (const key of keys) source = typeof source === "object" ? source[key] : undefined;
    if (source === undefined) continue;
    let target = picked;
    for (const key of keys.slice(0, -1)) {
      // A copy: a namespace picked whole before is the caller's own object.
      const next = target[key];
      target = target[key] = typeof next === "object" ? { ...next } : {};
    }
    target[keys.at(-1)!] = source;
  }
  return picked;
}
