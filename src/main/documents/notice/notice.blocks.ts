import type { Block } from '../minutes/minutes.model';
import type { MinutesModel } from '../minutes/minutes.model';

/**
 * The notice of a meeting (domain.md §5.3: date, time, place, format and agenda, sent some working days
 * ahead) drawn from the same model as the minutes, so names, dates and the agenda are spelled identically.
 */
export function noticeBlocks(m: MinutesModel, noticeWorkingDays: number): Block[] {
  const blocks: Block[] = [
    { t: 'p', runs: [{ text: m.organisation.toLocaleUpperCase('uk'), bold: true }], align: 'center' },
    { t: 'p', runs: [{ text: `Членам ${m.heading.replace(/^засідання\s+/u, '')}` }], align: 'left', rightHalf: true, gap: true },
    { t: 'p', runs: [{ text: 'ПОВІДОМЛЕННЯ', bold: true }], align: 'center', gap: true },
    { t: 'p', runs: [{ text: `про засідання № ${m.number.replace(/^№\s*/u, '')}`, bold: true }], align: 'center' },
    {
      t: 'p',
      runs: [{ text: `Повідомляємо, що ${m.date} о ${m.time} відбудеться ${m.heading}.` }],
      align: 'justify',
      indent: true,
      gap: true,
    },
    { t: 'p', runs: [{ text: 'Місце проведення: ', bold: true }, { text: m.address || '—' }], align: 'justify', indent: true },
    { t: 'p', runs: [{ text: 'Форма проведення: ', bold: true }, { text: m.format }], align: 'justify', indent: true },
    { t: 'p', runs: [{ text: 'ПОРЯДОК ДЕННИЙ:', bold: true }], align: 'center', gap: true, keepNext: true },
  ];
  for (const item of m.items) {
    blocks.push({ t: 'p', runs: [{ text: `${item.number}. ${item.title}` }], align: 'justify', indent: true, smallGap: true });
    if (item.rapporteur) blocks.push({ t: 'p', runs: [{ text: `Доповідач — ${item.rapporteur}.` }], align: 'justify', indent: true });
  }
  blocks.push({
    t: 'p',
    runs: [
      {
        text:
          `Просимо взяти участь у засіданні особисто${m.format.includes('відео') ? ' або в режимі відеоконференції' : ''}, а матеріали до питань порядку денного ` +
          `надіслати секретареві ради не пізніше ніж за ${noticeWorkingDays} робочих днів до засідання. Про неможливість участі повідомте секретаря заздалегідь.`,
      },
    ],
    align: 'justify',
    indent: true,
    gap: true,
  });
  const signer = m.secretary;
  blocks.push({ t: 'signatures', rows: [{ label: signer?.label ?? 'Секретар', position: signer?.position ?? '', name: signer?.signatureName ?? '' }] });
  return blocks;
}
