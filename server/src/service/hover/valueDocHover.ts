// The fallback for a value no specialised provider answers (a name, a project ID, a type…): the docs of
// the key it belongs to, so every value of the format has a hover.
import { docAt } from '../../schema/navigate';
import type { HoverProvider } from './context';
import { keyDocHover } from './keyHover';

export const valueDocHover: HoverProvider = ({ at }) => {
  if (at.kind !== 'value') return undefined;
  let path = at.path;
  while (path.length && typeof path[path.length - 1] === 'number') path = path.slice(0, -1);
  const keyDoc = path.length ? docAt(path) : undefined;
  return keyDoc ? { text: keyDocHover(keyDoc), span: at.span } : undefined;
};
