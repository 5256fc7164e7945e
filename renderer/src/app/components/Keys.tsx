import { theme } from 'antd';
import type { KeyChord, KeyboardOs } from '@renderer/app/shortcuts';
import { chordLabel } from '@renderer/app/shortcuts';

/** A key chord drawn as keycaps, in the notation of the user's OS. */
export function Keys({ chord, os }: { chord: KeyChord; os: KeyboardOs }) {
  const parts = chordLabel(chord, os);
  return <KeyCaps parts={parts} />;
}

export function KeyCaps({ parts }: { parts: readonly string[] }) {
  const { token } = theme.useToken();
  return (
    <span
      aria-label={parts.join('+')}
      style={{ display: 'inline-flex', gap: 4, alignItems: 'center', whiteSpace: 'nowrap' }}
    >
      {parts.map((part, index) => (
        <kbd
          // Parts of one chord never repeat, but arrows listed side by side may.
          key={`${part}-${index}`}
          aria-hidden
          style={{
            fontFamily: token.fontFamilyCode,
            fontSize: token.fontSizeSM,
            lineHeight: '18px',
            minWidth: 20,
            padding: '0 5px',
            textAlign: 'center',
            borderRadius: 4,
            border: `1px solid ${token.colorBorder}`,
            borderBottomWidth: 2,
            background: token.colorFillQuaternary,
            color: token.colorTextSecondary,
          }}
        >
          {part}
        </kbd>
      ))}
    </span>
  );
}
