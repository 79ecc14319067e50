export interface Finding {
  tool: string;
  engine?: string;
  /** METHOD /path of the operation. */
  route: string;
  /** What was sent (a parameter, a field, an escaped string, a payload). */
  input: string;
  status?: number;
  detail: string;
}

export interface ToolResult {
  tool: string;
  engine: string;
  /** How many inputs the tool tried (requests, strings × fields, cases: each tool says which). */
  inputs: number;
  inputsLabel: string;
  findings: Finding[];
  /** Findings that match the documented false-positive list, with the reason. */
  accepted: Array<Finding & { reason: string }>;
  notes: string[];
  durationMs: number;
}

export interface Context {
  engine: string;
  fast: boolean;
  log: (line: string) => void;
  tmpDir: string;
}

/** Shows a string with every non-printable or unusual code unit escaped, for reports. */
export function escapeForReport(text: string, max = 80): string {
  let out = '';
  for (const ch of text) {
    const code = ch.codePointAt(0)!;
    if (
      code < 0x20 ||
      code === 0x7f ||
      (code >= 0x80 && code < 0xa0) ||
      (code >= 0x200b && code <= 0x206f) ||
      code === 0xfeff ||
      (code >= 0xd800 && code <= 0xdfff)
    ) {
      out += code > 0xffff ? `\\u{${code.toString(16)}}` : `\\u${code.toString(16).padStart(4, '0')}`;
    } else out += ch;
    if (out.length > max) return `${out.slice(0, max)}…`;
  }
  return out;
}
