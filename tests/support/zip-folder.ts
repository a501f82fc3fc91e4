// Zips a fixture folder (flat) into a temp file, the way an admin would upload it.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import yazl from "yazl";

export async function zipFolder(dir: string, name = "upload.zip"): Promise<string> {
  const out = path.join(await fs.promises.mkdtemp(path.join(os.tmpdir(), "pmc-zip-")), name);
  const zip = new yazl.ZipFile();
  for (const file of (await fs.promises.readdir(dir)).sort()) {
    const full = path.join(dir, file);
    if ((await fs.promises.stat(full)).isFile()) zip.addFile(full, `export/${file}`);
  }
  zip.end();
  await new Promise<void>((resolve, reject) =>
    zip.outputStream.pipe(fs.createWriteStream(out)).on("close", resolve).on("error", reject),
  );
  return out;
}
