import type { QuoteLine, QuoteSection } from '@shared/domain/quote';

/**
 * Edits of a quote's sections and lines as pure functions returning new sections (the stored
 * quote is replaced whole, in one write). Unknown ids leave the sections as they are.
 */

export function addSection(
  sections: readonly QuoteSection[],
  section: QuoteSection,
): QuoteSection[] {
  return [...sections, section];
}

export function renameSection(
  sections: readonly QuoteSection[],
  sectionId: string,
  name: string,
): QuoteSection[] {
  return sections.map((section) => (section.id === sectionId ? { ...section, name } : section));
}

export function removeSection(
  sections: readonly QuoteSection[],
  sectionId: string,
): QuoteSection[] {
  return sections.filter((section) => section.id !== sectionId);
}

export function addLines(
  sections: readonly QuoteSection[],
  sectionId: string,
  lines: readonly QuoteLine[],
): QuoteSection[] {
  return sections.map((section) =>
    section.id === sectionId ? { ...section, lines: [...section.lines, ...lines] } : section,
  );
}

export function updateLine(
  sections: readonly QuoteSection[],
  lineId: string,
  patch: Partial<Omit<QuoteLine, 'id'>>,
): QuoteSection[] {
  return sections.map((section) =>
    section.lines.some((line) => line.id === lineId)
      ? {
          ...section,
          lines: section.lines.map((line) => (line.id === lineId ? { ...line, ...patch } : line)),
        }
      : section,
  );
}

export function removeLine(sections: readonly QuoteSection[], lineId: string): QuoteSection[] {
  return sections.map((section) =>
    section.lines.some((line) => line.id === lineId)
      ? { ...section, lines: section.lines.filter((line) => line.id !== lineId) }
      : section,
  );
}

/** Moves a line up (−1) or down (+1) within its section; at an end it stays. */
export function moveLine(
  sections: readonly QuoteSection[],
  lineId: string,
  offset: -1 | 1,
): QuoteSection[] {
  return sections.map((section) => {
    const index = section.lines.findIndex((line) => line.id === lineId);
    const target = index + offset;
    if (index < 0 || target < 0 || target >= section.lines.length) return section;
    const lines = [...section.lines];
    const [moved] = lines.splice(index, 1);
    if (moved !== undefined) lines.splice(target, 0, moved);
    return { ...section, lines };
  });
}
