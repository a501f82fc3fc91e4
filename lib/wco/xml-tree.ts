// A WCO message read into a small tree with saxes, a streaming parser: a message is a few kilobytes, so one tree at
// a time keeps memory flat however many files a folder holds, while the mapping can look at siblings and the
// validator's errors can be placed on the element they concern. Comments, processing instructions and the DTD are
// dropped; text keeps every character (whitespace included) so that validation sees what the sender wrote.
import { SaxesParser, type SaxesTagNS } from "saxes";

export type XmlNode = {
  // Local name and namespace URI ("" when the element has none).
  name: string;
  ns: string;
  attributes: Record<string, string>;
  text: string;
  children: XmlNode[];
  parent: XmlNode | null;
  // Where the start tag is in the file (1-based).
  line: number;
};

export class XmlSyntaxError extends Error {
  constructor(
    readonly line: number,
    readonly reason: string,
  ) {
    super(`line ${line}: ${reason}`);
  }
}

export async function parseXmlTree(
  chunks: AsyncIterable<Buffer | string> | Iterable<Buffer | string>,
): Promise<XmlNode> {
  const parser = new SaxesParser({ xmlns: true, position: true });
  let root: XmlNode | null = null;
  let current: XmlNode | null = null;
  let failure: XmlSyntaxError | null = null;
  parser.on("error", (error) => {
    // saxes prefixes its message with "line:column: ".
    failure ??= new XmlSyntaxError(parser.line, error.message.replace(/^[^:]*:\d+:\d+: /, ""));
  });
  parser.on("opentag", (tag: SaxesTagNS) => {
    const attributes: Record<string, string> = {};
    for (const attribute of Object.values(tag.attributes)) {
      // Namespaced attributes (xsi:schemaLocation and the like) only point at schema files: the validator is
      // given the schemas itself. The data model's own attributes (currencyID, unitCode…) have no namespace.
      if (attribute.uri !== "" || attribute.name === "xmlns") continue;
      attributes[attribute.local] = attribute.value;
    }
    const node: XmlNode = {
      name: tag.local,
      ns: tag.uri ?? "",
      attributes,
      text: "",
      children: [],
      parent: current,
      line: parser.line,
    };
    if (current) current.children.push(node);
    else root = node;
    current = node;
  });
  parser.on("text", (text) => {
    if (current) current.text += text;
  });
  parser.on("cdata", (text) => {
    if (current) current.text += text;
  });
  parser.on("closetag", () => {
    current = current?.parent ?? null;
  });

  const decoder = new TextDecoder("utf-8", { fatal: true });
  let first = true;
  try {
    for await (const chunk of chunks) {
      let text = typeof chunk === "string" ? chunk : decoder.decode(chunk, { stream: true });
      if (first) {
        text = text.replace(/^\uFEFF/, "");
        first = false;
      }
      parser.write(text);
      if (failure) throw failure;
    }
    parser.write(decoder.decode()).close();
  } catch (error) {
    if (error instanceof XmlSyntaxError) throw error;
    if (error instanceof TypeError) throw new XmlSyntaxError(parser.line, "not valid UTF-8");
    throw failure ?? new XmlSyntaxError(parser.line, (error as Error).message);
  }
  if (failure) throw failure;
  if (!root) throw new XmlSyntaxError(parser.line, "no root element");
  return root;
}

// Children by local name, whatever their namespace: the samples send notifications without namespaces and
// declarations with them, and the mapping reads both the same way.
export function childrenNamed(node: XmlNode | null | undefined, name: string): XmlNode[] {
  return node ? node.children.filter((c) => c.name === name) : [];
}

export function childNamed(node: XmlNode | null | undefined, name: string): XmlNode | null {
  return node?.children.find((c) => c.name === name) ?? null;
}

// The node at a relative path of local names ("GoodsShipment/Importer/ID"), taking the first match at each step.
export function nodeAt(node: XmlNode | null | undefined, path: string): XmlNode | null {
  let current: XmlNode | null = node ?? null;
  for (const step of path.split("/")) current = childNamed(current, step);
  return current;
}

// Trimmed text at a path, or null when the element is absent or empty.
export function textAt(node: XmlNode | null | undefined, path: string): string | null {
  const value = nodeAt(node, path)?.text.trim();
  return value ? value : null;
}

// The element's place in its message, as the rejection report gives it: local names from the root, with the
// position among same-named siblings wherever there are several ("GovernmentAgencyGoodsItem[2]").
export function elementPath(node: XmlNode): string {
  const steps: string[] = [];
  for (let n: XmlNode | null = node; n; n = n.parent) {
    const same = n.parent ? childrenNamed(n.parent, n.name) : [n];
    steps.push(same.length > 1 ? `${n.name}[${same.indexOf(n) + 1}]` : n.name);
  }
  return "/" + steps.reverse().join("/");
}
