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
  // The element whose start tag is on each line of `xml` (index 0 = line 1).
  lineNodes: XmlNode[];
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
  const write = (node: XmlNode) => {
    const name = prefixFor(namespaceOf(node, message)) + node.name;
    const attributes = Object.entries(node.attributes)
      .map(([key, value]) => ` ${key}="${escapeXml(value)}"`)
      .join("");
    const text = node.children.length && node.text.trim() === "" ? "" : escapeXml(node.text);
    lines.push(`<${name}${attributes}>${text}`);
    lineNodes.push(node);
    for (const child of node.children) write(child);
    lines[lines.length - 1] += `</${name}>`;
  };
  write(message.metaData);
  const declarations = [...prefixes].map(([ns, prefix]) => ` xmlns:${prefix}="${escapeXml(ns)}"`).join("");
  lines[0] = lines[0]!.replace(/^<([^\s>]+)/, `<$1${declarations}`);
  return { xml: lines.join("\n"), lineNodes };
}

export type MessageProblem = { line: number; path: string; reason: string };

// A validator's error line, placed on the element of the normalized message it names, with the original line.
export function problemAtLine(normalized: NormalizedMessage, line: number, reason: string): MessageProblem {
  const node = normalized.lineNodes[line - 1] ?? normalized.lineNodes[0]!;
  return { line: node.line, path: elementPath(node), reason };
}
