/**
 * A bundle's verdict in Ukrainian, for the command line and the log, until the recipient's screens carry these
 * sentences in i18n. The record is total over the refusal codes, so a new code does not compile without its words.
 */
import type { BundleRefusal, BundleVerdict } from './verify-bundle';

const WORDS: Record<BundleRefusal, string> = {
  empty_name: 'в архіві є файл без назви',
  absolute_path: 'в архіві є абсолютний шлях',
  drive_letter: 'в архіві є шлях із літерою диска',
  unc_path: 'в архіві є мережевий шлях (UNC)',
  backslash: 'в архіві є шлях зі зворотною скісною рискою',
  dot_segment: 'в архіві є шлях із «..» або «.» (спроба вийти за межі теки)',
  empty_segment: 'в архіві є тека або шлях із порожньою частиною',
  colon: 'в архіві є назва з двокрапкою (альтернативний потік Windows)',
  reserved_name: 'в архіві є зарезервована назва Windows (CON, NUL, COM1…)',
  trailing_dot_space: 'в архіві є назва, що закінчується крапкою чи пробілом',
  control_char: 'в архіві є назва з керівними або невидимими символами',
  forbidden_char: 'в архіві є назва із забороненими символами',
  not_nfc: 'в архіві є назва не в нормалізованій формі Unicode (NFC)',
  name_too_long: 'в архіві є надто довга назва',
  not_zip: 'файл не є архівом ZIP',
  trailing_data: 'після кінця архіву дописано зайві байти',
  truncated: 'архів обрізаний або пошкоджений',
  multi_disk: 'багатотомні архіви не приймаються',
  zip64: 'архіви ZIP64 (понад 4 ГБ або 65 535 файлів) не приймаються',
  too_many_entries: 'в архіві забагато файлів',
  entry_count_mismatch: 'кількість файлів у записі кінця архіву суперечлива',
  bad_central_header: 'центральний каталог архіву пошкоджений',
  encrypted: 'архів зашифрований',
  unsupported_flags: 'архів записано у непідтримуваний спосіб',
  unsupported_method: 'архів стиснуто непідтримуваним методом',
  bad_name_encoding: 'назва файлу в архіві не в кодуванні UTF-8',
  duplicate_name: 'в архіві двічі той самий файл',
  name_collision: 'в архіві є назви, що збігаються без урахування регістру',
  not_allowed: 'в архіві є файл, якого не може бути в пакеті',
  symlink: 'в архіві є символьне посилання',
  special_file: 'в архіві є тека або спеціальний файл',
  entry_too_large: 'файл в архіві завеликий',
  total_too_large: 'вміст архіву завеликий',
  ratio: 'файл в архіві стиснуто підозріло сильно (можлива zip-бомба)',
  local_mismatch: 'заголовки файлу в архіві суперечать центральному каталогу',
  overlap: 'файли в архіві перекриваються (можлива zip-бомба)',
  unaccounted_bytes: 'в архіві є приховані байти поза файлами',
  size_mismatch: 'розмір файлу в архіві не збігається із заявленим',
  corrupt_data: 'стиснені дані в архіві пошкоджені',
  crc_mismatch: 'контрольна сума CRC файлу в архіві не збігається',
  nested_archive: 'у пакеті вкладено інший архів',
  missing_signature: 'у пакеті немає підпису (tagmanifest-sha512.txt.minisig)',
  missing_tag_manifest: 'у пакеті немає tagmanifest-sha512.txt',
  malformed_signature: 'файл підпису пошкоджений',
  signature_algorithm: 'підпис зроблено непідтримуваним алгоритмом',
  unknown_key: 'пакет підписано ключем, якого немає серед довірених',
  bad_signature: 'підпис не відповідає вмісту пакета: пакет змінено після підписання',
  bad_global_signature: 'довірений коментар підпису змінено',
  malformed_comment: 'довірений коментар підпису не є коментарем пакета «Злагоди»',
  comment_key_mismatch: 'довірений коментар називає інший ключ, ніж той, що підписав',
  key_not_valid_then: 'ключ не був чинний на дату формування пакета',
  malformed_tag_manifest: 'tagmanifest-sha512.txt пошкоджений',
  tag_manifest_incomplete: 'tagmanifest-sha512.txt охоплює не всі службові файли',
  missing_tag_file: 'бракує службового файлу пакета',
  tag_hash_mismatch: 'службовий файл пакета змінено (хеш не збігається)',
  bad_bagit_declaration: 'bagit.txt не відповідає BagIt 1.0',
  malformed_manifest: 'manifest-sha512.txt пошкоджений',
  missing_payload_file: 'бракує файлу даних, названого в маніфесті',
  payload_hash_mismatch: 'файл даних змінено (хеш не збігається з маніфестом)',
  unlisted_file: 'у пакеті є файл даних, якого немає в маніфесті',
  malformed_bag_info: 'bag-info.txt пошкоджений',
  missing_bag_info_field: 'у bag-info.txt бракує обовʼязкового поля',
  payload_oxum_mismatch: 'Payload-Oxum у bag-info.txt не відповідає даним',
  comment_mismatch: 'bag-info.txt суперечить підписаному коментарю',
};

/** Every code a bundle can be refused with (the record above is total over them). */
export const REFUSAL_CODES = Object.keys(WORDS) as BundleRefusal[];

export function refusalWords(reason: BundleRefusal): string {
  return WORDS[reason];
}

/** One line: what was verified, or the first reason it was refused (with the code and the detail, for support). */
export function describeVerdict(verdict: BundleVerdict): string {
  if (verdict.ok) {
    const h = verdict.header;
    return `Пакет дійсний: область ${h.oblast}, період ${h.period}, профіль ${h.profile}, сформовано ${h.generatedAt}, ключ ${verdict.keyId}, файлів даних — ${verdict.files.size}.`;
  }
  return `Пакет недійсний: ${refusalWords(verdict.reason)} [${verdict.reason}: ${verdict.detail}].`;
}
