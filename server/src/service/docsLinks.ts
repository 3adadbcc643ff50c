// Where each rule's documentation lives: its section of the README (the anchor is the rule name).
export const README_URL = 'https://github.com/sinchcp/sinchcp/blob/main/README.md';

export function ruleDocUrl(rule: string): string {
  return `${README_URL}#${rule}`;
}
