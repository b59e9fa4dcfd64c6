import { headOf, withoutForbiddenCharacters, xmlText } from './xml-text';

/**
 * The fixed parts of a one-sheet .xlsx workbook (SpreadsheetML, ECMA-376),
 * as small templates: the package's content types and relationships, the
 * workbook naming its sheet, the styles its cells use, and the sheet's XML
 * around its rows. Inline strings (t="inlineStr") throughout, so there is no
 * shared-strings part: nothing has to hold every text until the end.
 */

const declaration = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';
const mainNamespace = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const relationshipNamespace = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const relationshipTypes = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const contentType = 'application/vnd.openxmlformats-officedocument.spreadsheetml';

export const sheetPartName = 'xl/worksheets/sheet1.xml';

/** The cellXfs index of each cell style in styles.xml below. */
export const cellStyle = { plain: 0, header: 1, date: 2, dateTime: 3 } as const;

const contentTypes =
  `${declaration}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
  '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
  '<Default Extension="xml" ContentType="application/xml"/>' +
  `<Override PartName="/xl/workbook.xml" ContentType="${contentType}.sheet.main+xml"/>` +
  `<Override PartName="/${sheetPartName}" ContentType="${contentType}.worksheet+xml"/>` +
  `<Override PartName="/xl/styles.xml" ContentType="${contentType}.styles+xml"/>` +
  '</Types>';

const packageRelationships =
  `${declaration}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
  `<Relationship Id="rId1" Type="${relationshipTypes}/officeDocument" Target="xl/workbook.xml"/>` +
  '</Relationships>';

const workbookRelationships =
  `${declaration}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
  `<Relationship Id="rId1" Type="${relationshipTypes}/worksheet" Target="worksheets/sheet1.xml"/>` +
  `<Relationship Id="rId2" Type="${relationshipTypes}/styles" Target="styles.xml"/>` +
  '</Relationships>';

// Custom number formats are numbered from 164; below are Excel's built-in ones.
const styles =
  `${declaration}<styleSheet xmlns="${mainNamespace}">` +
  '<numFmts count="2"><numFmt numFmtId="164" formatCode="yyyy-mm-dd"/><numFmt numFmtId="165" formatCode="yyyy-mm-dd hh:mm:ss"/></numFmts>' +
  '<fonts count="2">' +
  '<font><sz val="11"/><name val="Calibri"/><family val="2"/></font>' +
  '<font><b/><sz val="11"/><name val="Calibri"/><family val="2"/></font>' +
  '</fonts>' +
  '<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>' +
  '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>' +
  '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>' +
  '<cellXfs count="4">' +
  '<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>' +
  '<xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1"/>' +
  '<xf numFmtId="164" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>' +
  '<xf numFmtId="165" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>' +
  '</cellXfs>' +
  '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>' +
  '</styleSheet>';

const longestSheetName = 31;
const fallbackSheetName = 'Sheet1';

/**
 * A name Excel accepts for a sheet: none of : \ / ? * [ ], no apostrophe (or
 * space) at either end, at most 31 characters (a surrogate pair kept whole), not
 * blank and not "History" (Excel keeps that name for itself).
 */
export function excelSheetName(name: string): string {
  const fitting = headOf(withoutForbiddenCharacters(name).replace(/[:\\/?*[\]]/g, ' '), longestSheetName).replace(
    /^[\s']+|[\s']+$/g,
    '',
  );
  return fitting === '' || fitting.toLowerCase() === 'history' ? fallbackSheetName : fitting;
}

const workbook = (sheetName: string) =>
  `${declaration}<workbook xmlns="${mainNamespace}" xmlns:r="${relationshipNamespace}">` +
  '<bookViews><workbookView/></bookViews>' +
  `<sheets><sheet name="${xmlText(excelSheetName(sheetName))}" sheetId="1" r:id="rId1"/></sheets>` +
  '</workbook>';

/** Every part but the sheet, by its name in the package. */
export function fixedParts(sheetName: string): Array<{ name: string; xml: string }> {
  return [
    { name: '[Content_Types].xml', xml: contentTypes },
    { name: '_rels/.rels', xml: packageRelationships },
    { name: 'xl/workbook.xml', xml: workbook(sheetName) },
    { name: 'xl/_rels/workbook.xml.rels', xml: workbookRelationships },
    { name: 'xl/styles.xml', xml: styles },
  ];
}

/** The sheet's XML before its first row: row 1 frozen at the top, then each column's width (in characters). */
export function sheetStart(columnWidths: readonly number[]): string {
  const columns = columnWidths
    .map((width, at) => `<col min="${at + 1}" max="${at + 1}" width="${width}" customWidth="1"/>`)
    .join('');
  return (
    `${declaration}<worksheet xmlns="${mainNamespace}" xmlns:r="${relationshipNamespace}">` +
    '<sheetViews><sheetView tabSelected="1" workbookViewId="0">' +
    '<pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/><selection pane="bottomLeft" activeCell="A2" sqref="A2"/>' +
    '</sheetView></sheetViews>' +
    `<sheetFormatPr defaultRowHeight="15"/>${columns === '' ? '' : `<cols>${columns}</cols>`}<sheetData>`
  );
}

/** The sheet's XML after its last row. */
export const sheetEnd = '</sheetData></worksheet>';
