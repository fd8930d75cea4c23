/** Saves text as a file through the browser's download (a blob link: no `downloads` permission). */
export function saveTextFile(text: string, fileName: string, type = 'text/csv;charset=utf-8'): void {
  // A byte-order mark, so that spreadsheets read the UTF-8 (names with accents) as UTF-8.
  const url = URL.createObjectURL(new Blob(['\uFEFF', text], { type }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
