// What a parsed XML file is (a declaration, notifications, or something else to skip with a note), and the message
// written out again for the schema validator: one element per line, namespaces declared once on the root, so that
// the line of each validation error names exactly one element of the original message.
import { childrenNamed, elementPath, type XmlNode } from "@/lib/wco/xml-tree";

export const WCO_NS = {
  metaData: "urn:wco:datamodel:WCO:DocumentMetaData-DMS:2",
  declaration: "urn:wco:datamodel:WCO:DEC-DMS:2",
  response: "urn:wco:datamodel:WCO:RES-DMS:2",
  // Date-times are wrapped in a DateTimeString element of each message's data-set namespace.
  declarationDataSet: "urn:wco:datamodel:WCO:Declaration_DS:DMS:2",
  responseDataSet: "urn:wco:datamodel:WCO:Response_DS:DMS:2",
} as const;

export type ClassifiedMessage =
  | { kind: "DEC"; metaData: XmlNode; declaration: XmlNode; note: string | null }
  | { kind: "RES"; metaData: XmlNode; responses: XmlNode[] }
  | { kind: "OTHER"; note: string };

function findDescendant(node: XmlNode, name: string): XmlNode | null {
  for (const child of node.children) {
    if (child.name === name) return child;
    const deeper = findDescendant(child, name);
    if (deeper) return deeper;
  }
  return null;
}

export function classifyMessage(root: XmlNode): ClassifiedMessage {
  let metaData = root;
  let note: string | null = null;
  // Declarations submitted through a national web service arrive inside its request envelope.
  if (root.name === "submitDeclarationRequest") {
    const inner = findDescendant(root, "MetaData");
    if (!inner) return { kind: "OTHER", note: "submitDeclarationRequest without a MetaData message" };
    metaData = inner;
    note = `unwrapped from ${root.name}`;
  }
  if (metaData.name !== "MetaData") {
    return { kind: "OTHER", note: `root element ${root.name}: not a WCO Data Model message` };
  }
  const responses = childrenNamed(metaData, "Response");
  if (responses.length) return { kind: "RES", metaData, responses };
  const [declaration] = childrenNamed(metaData, "Declaration");
  if (declaration) return { kind: "DEC", metaData, declaration, note };
  return { kind: "OTHER", note: "MetaData with neither a Declaration nor a Response" };
}

// Notifications are published without namespaces; the schemas define them in the DocumentMetaData namespace (the
// envelope) and the RES namespace (each Response and everything in it). A message without any namespace is read in
// those, the same for a declaration (DEC namespace below the envelope), so it is validated like a namespaced one.
function namespaceOf(node: XmlNode, message: ClassifiedMessage & { kind: "DEC" | "RES" }): string {
  if (message.metaData.ns !== "" || node.ns !== "") return node.ns;
  const inDeclaration = () => (node.name === "DateTimeString" ? WCO_NS.declarationDataSet : WCO_NS.declaration);
  for (let n: XmlNode | null = node; n && n !== message.metaData; n = n.parent) {
    // A response may carry, after its own Declaration, the full declaration it answers about (a DEC-DMS one).
    if (n.parent?.name === "Response" && n.name === "Declaration" && childrenNamed(n.parent, "Declaration")[0] !== n) {
      return inDeclaration();
    }
    if (n.parent === message.metaData) {
      if (n.name === "Response") return node.name === "DateTimeString" ? WCO_NS.responseDataSet : WCO_NS.response;
      if (n.name === "Declaration") return inDeclaration();
    }
  }
  return WCO_NS.metaData;
}

const TEXT_ESCAPES: Record<string, string> = {
  "&": "&amp;",
  "<": "&lt;",
  ">": "&gt;",
  '"': "&quot;",
  "\n": "&#10;",
  "\r": "&#13;",
  "\t": "&#9;",
};
const escapeXml = (s: string) => s.replace(/[&<>"\n\r\t]/g, (c) => TEXT_ESCAPES[c]!);

export type NormalizedMessage = {
  xml: string;
  // Where the element whose start tag is on each line of `xml` comes from (index 0 = line 1), in typed arrays
  // rather than the tree itself: a batch waiting for the validator then holds a few kilobytes per message, not its
  // tree, which is what kept the import's heap large (decision 033).
  origin: LineOrigin;
};

type LineOrigin = {
  // Element path of the first line's parent, "" when the first line is the document's root.
  above: string;
  names: string[];
  // The line of each element's parent (-1 for the first line), its 1-based place among its parent's children of
  // the same name (0 when it is the only one), and the line of its start tag in the file.
  parents: Int32Array;
  ordinals: Int32Array;
  fileLines: Int32Array;
};

export function normalizeMessage(message: ClassifiedMessage & { kind: "DEC" | "RES" }): NormalizedMessage {
  const prefixes = new Map<string, string>();
  const prefixFor = (ns: string) => {
    if (!ns) return "";
    if (!prefixes.has(ns)) prefixes.set(ns, `n${prefixes.size}`);
    return `${prefixes.get(ns)}:`;
  };
  const lines: string[] = [];
  const lineNodes: XmlNode[] = [];
  const parents: number[] = [];
  const write = (node: XmlNode, parent: number) => {
    const name = prefixFor(namespaceOf(node, message)) + node.name;
    const attributes = Object.entries(node.attributes)
      .map(([key, value]) => ` ${key}="${escapeXml(value)}"`)
      .join("");
    const text = node.children.length && node.text.trim() === "" ? "" : escapeXml(node.text);
    const line = lines.length;
    lines.push(`<${name}${attributes}>${text}`);
    lineNodes.push(node);
    parents.push(parent);
    for (const child of node.children) write(child, line);
    lines[lines.length - 1] += `</${name}>`;
  };
  write(message.metaData, -1);
  const declarations = [...prefixes].map(([ns, prefix]) => ` xmlns:${prefix}="${escapeXml(ns)}"`).join("");
  lines[0] = lines[0]!.replace(/^<([^\s>]+)/, `<$1${declarations}`);
  const ordinalOf = (node: XmlNode) => {
    const same = node.parent ? childrenNamed(node.parent, node.name) : [node];
    return same.length > 1 ? same.indexOf(node) + 1 : 0;
  };
  const root = message.metaData.parent;
  return {
    xml: lines.join("\n"),
    origin: {
      above: root ? elementPath(root) : "",
      names: lineNodes.map((node) => node.name),
      parents: Int32Array.from(parents),
      ordinals: Int32Array.from(lineNodes, ordinalOf),
      fileLines: Int32Array.from(lineNodes, (node) => node.line),
    },
  };
}

export type MessageProblem = { line: number; path: string; reason: string };

// A validator's error line, placed on the element of the normalized message it names, with the original line.
export function problemAtLine(normalized: NormalizedMessage, line: number, reason: string): MessageProblem {
  const { above, names, parents, ordinals, fileLines } = normalized.origin;
  const at = line >= 1 && line <= names.length ? line - 1 : 0;
  const steps: string[] = [];
  for (let i = at; i >= 0; i = parents[i]!) steps.push(ordinals[i] ? `${names[i]}[${ordinals[i]}]` : names[i]!);
  return { line: fileLines[at]!, path: `${above}/${steps.reverse().join("/")}`, reason };
}
