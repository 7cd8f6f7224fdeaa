//! A small reader and writer for CSV files as spreadsheets and bookkeeping tools make them
//! (RFC 4180, plus the habits of Dutch Excel).
//!
//! # Reading
//!
//! - A UTF-8 byte order mark at the start is dropped: Excel writes one.
//! - The delimiter is found in the header, the first record that is not an empty line: the
//!   one of ";", tab and "," that occurs most often in it outside quotes. On a tie ";"
//!   wins, then tab, because a Dutch Excel saves with ";" and an English header rarely holds a
//!   semicolon by accident. A header without any of them is one column, read with ",".
//! - A first line "sep=;" (or "sep=," or "sep=" and a tab), which Excel understands as the
//!   delimiter, names the delimiter and is not part of the table.
//! - A field that starts with a double quote runs to the next lone double quote; inside it,
//!   two double quotes stand for one, and delimiters and line breaks are text. A quote in the
//!   middle of an unquoted field is text too, and text after a closing quote is added to the
//!   field: other tools write such files, and refusing them would help nobody.
//! - Records end at CRLF, LF or a lone CR (old Mac exports). Line breaks inside quoted fields
//!   are kept as they are.
//! - Empty lines are skipped; every `Row` still knows the physical line it starts on, counted
//!   from 1 including the empty lines, so an error message can point into the file.
//! - A trailing delimiter is forgiven: empty, unquoted fields at the end of the header are
//!   dropped, and so are empty, unquoted fields at the end of a row beyond the header's width.
//! - Rows with fewer or more fields than the header are kept as they are: whether that is a
//!   problem is for the importer to say, with the row's line.
//! - The only error is a quote that is never closed, because then everything after it is one
//!   field and no row can be trusted. The error names the line where that quote opened.
//!
//! Reading takes time linear in the length of the text and never panics.
//!
//! # Decoding
//!
//! [`decode`] turns a file's bytes into text: UTF-8 (with or without its byte order mark),
//! UTF-16 with a byte order mark, and otherwise Windows-1252, the code page Excel on a Dutch
//! Windows saves a "CSV (gescheiden door lijstscheidingsteken)" in. A file that is not valid
//! UTF-8 is read as Windows-1252 rather than with replacement characters, so "Café Müller"
//! arrives as written.
//!
//! # Writing
//!
//! `write` quotes a field only when it has to, ends every record with CRLF as RFC 4180 asks,
//! and does not add a byte order mark: `with_bom` adds one for files meant for Excel. What it
//! writes, `read` reads back field for field, and with the same delimiter when there are two
//! columns or more.

use std::fmt;
use std::iter::Peekable;
use std::str::Chars;

use crate::domain::model::Lang;
use crate::domain::text::t;

/// The byte order mark, as a character. At the start of a file it tells Excel that the file is
/// UTF-8; without it Excel reads the file in the Windows code page of its locale and shows "€"
/// and accented names as garbage.
pub const BOM: char = '\u{FEFF}';

/// The field delimiters this module reads and writes. Anything else would clash with quotes or
/// line breaks, so the type keeps it out.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Delimiter {
    /// What Excel uses in Dutch and other locales where the comma is the decimal separator.
    Semicolon,
    /// What Excel uses in English locales, and what RFC 4180 describes.
    Comma,
    Tab,
}

impl Delimiter {
    /// In the order that breaks a tie when detecting: see the module documentation.
    pub const ALL: [Delimiter; 3] = [Delimiter::Semicolon, Delimiter::Tab, Delimiter::Comma];

    pub fn as_char(self) -> char {
        match self {
            Delimiter::Semicolon => ';',
            Delimiter::Comma => ',',
            Delimiter::Tab => '\t',
        }
    }

    pub fn from_char(c: char) -> Option<Delimiter> {
        Delimiter::ALL.into_iter().find(|d| d.as_char() == c)
    }
}

/// A CSV file read into memory: the header's names and the records after it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Table {
    pub headers: Vec<String>,
    pub rows: Vec<Row>,
    pub delimiter: Delimiter,
}

/// One record after the header.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Row {
    /// The 1-based physical line where the record starts. A record with a quoted line break
    /// spans several lines; the next record's number counts them all.
    pub line: usize,
    pub fields: Vec<String>,
}

/// Why a text could not be read as a table.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum CsvError {
    /// Nothing but empty lines: there is not even a header.
    Empty,
    /// A header and nothing under it: a template, or an export of an empty list.
    NoRows,
    /// A double quote opened a field on this line and was never closed.
    UnterminatedQuote { line: usize },
    /// The file is a spreadsheet workbook (Excel, Numbers, LibreOffice), not CSV text.
    Workbook,
    /// The file is not text at all (a PDF, an image, a program).
    NotText,
}

impl CsvError {
    /// One or two sentences telling the user what is wrong with the file and what to do.
    pub fn message(&self, lang: Lang) -> String {
        match self {
            CsvError::Empty => lang
                .pick(
                    "Dit bestand is leeg. Kies een CSV-bestand met een kopregel en ten minste één factuur.",
                    "This file is empty. Choose a CSV file with a header line and at least one invoice.",
                )
                .to_owned(),
            CsvError::NoRows => lang
                .pick(
                    "Dit bestand heeft alleen een kopregel, zonder facturen eronder. Kies het bestand met je \
                     facturen.",
                    "This file has only a header line, with no invoices under it. Choose the file with your \
                     invoices.",
                )
                .to_owned(),
            CsvError::UnterminatedQuote { line } => t!(
                lang,
                "Op regel {line} begint een veld met een aanhalingsteken (\") dat nergens wordt afgesloten. \
                 Sla het bestand opnieuw op als CSV vanuit je spreadsheet, of zet het ontbrekende \
                 aanhalingsteken terug.",
                "On line {line} a field opens with a double quote (\") that is never closed. Save the file \
                 as CSV again from your spreadsheet, or put the missing quote back."
            ),
            CsvError::Workbook => lang
                .pick(
                    "Dit is een spreadsheetbestand (zoals .xlsx), geen CSV. Open het in je spreadsheet en kies \
                     Opslaan als, CSV; kies dan dat bestand.",
                    "This is a spreadsheet workbook (such as .xlsx), not CSV. Open it in your spreadsheet and \
                     choose Save as, CSV; then choose that file.",
                )
                .to_owned(),
            CsvError::NotText => lang
                .pick(
                    "Dit bestand bevat geen tekst, dus het is geen CSV-bestand. Kies een CSV-export van je facturen.",
                    "This file holds no text, so it is not a CSV file. Choose a CSV export of your invoices.",
                )
                .to_owned(),
        }
    }
}

impl fmt::Display for CsvError {
    /// The English message, for logs and developer tools; the interface uses `message`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message(Lang::En))
    }
}

impl std::error::Error for CsvError {}

/// A field as the reader found it. Whether it was quoted matters only for the trailing
/// delimiter rule: a quoted empty field was written on purpose.
struct RawField {
    text: String,
    quoted: bool,
}

struct Record {
    line: usize,
    fields: Vec<RawField>,
}

/// Splits text into records with a given delimiter.
struct Reader<'a> {
    chars: Peekable<Chars<'a>>,
    delimiter: char,
    /// The physical line the next character is on.
    line: usize,
}

impl<'a> Reader<'a> {
    fn new(text: &'a str, delimiter: char, line: usize) -> Reader<'a> {
        Reader {
            chars: text.chars().peekable(),
            delimiter,
            line,
        }
    }

    /// Consumes a line break whose first character was `c`, counting CRLF as one.
    fn line_break(&mut self, c: char) {
        if c == '\r' && self.chars.peek() == Some(&'\n') {
            self.chars.next();
        }
        self.line = self.line.saturating_add(1);
    }

    /// Reads the rest of a quoted field after its opening quote, appending to `text`.
    fn quoted(&mut self, text: &mut String) -> Result<(), CsvError> {
        let opened_on = self.line;
        loop {
            match self.chars.next() {
                None => return Err(CsvError::UnterminatedQuote { line: opened_on }),
                Some('"') => {
                    if self.chars.peek() == Some(&'"') {
                        self.chars.next();
                        text.push('"');
                    } else {
                        return Ok(());
                    }
                }
                Some(c @ ('\r' | '\n')) => {
                    text.push(c);
                    if c == '\r' && self.chars.peek() == Some(&'\n') {
                        self.chars.next();
                        text.push('\n');
                    }
                    self.line = self.line.saturating_add(1);
                }
                Some(c) => text.push(c),
            }
        }
    }

    /// The next record, skipping empty lines; `None` at the end of the text.
    fn next_record(&mut self) -> Option<Result<Record, CsvError>> {
        loop {
            let line = self.line;
            let mut fields = Vec::new();
            let mut field = RawField {
                text: String::new(),
                quoted: false,
            };
            let mut started = false;
            loop {
                let Some(c) = self.chars.next() else {
                    if !started {
                        return None;
                    }
                    break;
                };
                match c {
                    '\r' | '\n' => {
                        self.line_break(c);
                        break;
                    }
                    '"' if field.text.is_empty() && !field.quoted => {
                        started = true;
                        field.quoted = true;
                        if let Err(e) = self.quoted(&mut field.text) {
                            return Some(Err(e));
                        }
                    }
                    c if c == self.delimiter => {
                        started = true;
                        let done = std::mem::replace(
                            &mut field,
                            RawField {
                                text: String::new(),
                                quoted: false,
                            },
                        );
                        fields.push(done);
                    }
                    c => {
                        started = true;
                        field.text.push(c);
                    }
                }
            }
            if started {
                fields.push(field);
                return Some(Ok(Record { line, fields }));
            }
        }
    }
}

/// Finds an Excel "sep=X" line at the start and returns its delimiter and the text after it.
fn sep_line(text: &str) -> Option<(Delimiter, &str)> {
    let rest = text.strip_prefix("sep=").or_else(|| text.strip_prefix("SEP="))?;
    let mut chars = rest.chars();
    let delimiter = Delimiter::from_char(chars.next()?)?;
    let after = chars.as_str();
    let after = after
        .strip_prefix("\r\n")
        .or_else(|| after.strip_prefix('\n'))
        .or_else(|| after.strip_prefix('\r'))
        .or_else(|| after.is_empty().then_some(after))?;
    Some((delimiter, after))
}

/// Finds the delimiter of the header; see the module documentation. Quotes are followed the
/// same way whatever the delimiter turns out to be: a quote opens a quoted field at the start
/// of the line or right after any of the three candidates. Reading the header once per
/// candidate instead would let a candidate that cuts a quoted field in the wrong place win.
fn detect_delimiter(text: &str) -> Delimiter {
    let mut counts = [0usize; 3];
    let mut chars = text.chars().peekable();
    let mut at_field_start = true;
    let mut in_quotes = false;
    let mut started = false;
    while let Some(c) = chars.next() {
        if in_quotes {
            if c == '"' {
                if chars.peek() == Some(&'"') {
                    chars.next();
                } else {
                    in_quotes = false;
                }
            }
            continue;
        }
        match c {
            '\r' | '\n' if started => break,
            '\r' | '\n' => {}
            '"' if at_field_start => {
                started = true;
                in_quotes = true;
                at_field_start = false;
            }
            c => {
                started = true;
                at_field_start = false;
                if let Some(i) = Delimiter::ALL.iter().position(|d| d.as_char() == c) {
                    if let Some(count) = counts.get_mut(i) {
                        *count += 1;
                    }
                    at_field_start = true;
                }
            }
        }
    }
    let mut best = (Delimiter::Comma, 0);
    for (d, count) in Delimiter::ALL.into_iter().zip(counts) {
        if count > best.1 {
            best = (d, count);
        }
    }
    best.0
}

/// Drops empty, unquoted fields from the end while more than `keep` fields remain.
fn drop_trailing_empty(fields: &mut Vec<RawField>, keep: usize) {
    while fields.len() > keep && fields.last().is_some_and(|f| !f.quoted && f.text.is_empty()) {
        fields.pop();
    }
}

fn texts(fields: Vec<RawField>) -> Vec<String> {
    fields.into_iter().map(|f| f.text).collect()
}

/// Reads a file picked for import: its bytes as text (see [`decode`]), then the table, which
/// must have a line under its header. A header alone reads as a table, the export of an empty
/// list, but there is nothing in it to import.
pub fn read_for_import(bytes: &[u8]) -> Result<Table, CsvError> {
    let table = read(&decode(bytes)?)?;
    if table.rows.is_empty() {
        Err(CsvError::NoRows)
    } else {
        Ok(table)
    }
}

/// Reads a CSV text; see the module documentation for the rules.
pub fn read(text: &str) -> Result<Table, CsvError> {
    let text = text.strip_prefix(BOM).unwrap_or(text);
    let (delimiter, text, first_line) = match sep_line(text) {
        Some((delimiter, rest)) => (delimiter, rest, 2),
        None => (detect_delimiter(text), text, 1),
    };
    let mut reader = Reader::new(text, delimiter.as_char(), first_line);
    let mut header = reader.next_record().ok_or(CsvError::Empty)??;
    drop_trailing_empty(&mut header.fields, 1);
    let headers = texts(header.fields);
    let mut rows = Vec::new();
    while let Some(record) = reader.next_record() {
        let mut record = record?;
        drop_trailing_empty(&mut record.fields, headers.len());
        rows.push(Row {
            line: record.line,
            fields: texts(record.fields),
        });
    }
    Ok(Table {
        headers,
        rows,
        delimiter,
    })
}

/// Whether a field must be quoted to read back as itself, given the characters that would
/// split it. An empty last field must be quoted too, or it would be taken for a trailing
/// delimiter (or, alone, for an empty line).
fn needs_quotes(field: &str, last: bool, splitters: &[char]) -> bool {
    field.contains(['"', '\r', '\n']) || field.contains(splitters) || (last && field.is_empty())
}

/// The header is quoted more eagerly than the rows, because `read` finds the delimiter in it:
/// a field holding any of the three delimiters is quoted, so only the real one is left outside
/// quotes, and a leading byte order mark or "sep=" is quoted so it is not taken for the file's
/// own marker. In the rows only the delimiter in use splits a field, except in a one-column
/// table: its header has no delimiter, so `read` falls back to the comma.
fn write_record<S: AsRef<str>>(out: &mut String, fields: &[S], delimiter: Delimiter, header: bool, width: usize) {
    let all = [';', ',', '\t'];
    let own = [delimiter.as_char(), ','];
    let splitters: &[char] = match (header, width) {
        (true, _) => &all,
        (false, 0 | 1) => &own,
        (false, _) => own.get(..1).unwrap_or(&own),
    };
    let count = fields.len();
    for (i, field) in fields.iter().enumerate() {
        let field = field.as_ref();
        if i > 0 {
            out.push(delimiter.as_char());
        }
        let marker = header
            && i == 0
            && (field.starts_with(BOM) || field.get(..4).is_some_and(|s| s.eq_ignore_ascii_case("sep=")));
        if marker || needs_quotes(field, i + 1 == count, splitters) {
            out.push('"');
            out.push_str(&field.replace('"', "\"\""));
            out.push('"');
        } else {
            out.push_str(field);
        }
    }
    out.push_str("\r\n");
}

/// Writes a header and rows as CSV with CRLF line ends, quoting fields only where needed.
/// `read` gives back exactly these headers and rows, provided every row has the header's
/// width (a row of zero fields cannot be told from an empty line, which is skipped). The text
/// has no byte order mark; pass it through `with_bom` for a file that Excel must open.
pub fn write(headers: &[&str], rows: impl Iterator<Item = Vec<String>>, delimiter: Delimiter) -> String {
    let mut out = String::new();
    write_record(&mut out, headers, delimiter, true, headers.len());
    for row in rows {
        write_record(&mut out, &row, delimiter, false, headers.len());
    }
    out
}

/// Puts a byte order mark in front of a CSV text, so that Excel opens it as UTF-8 (see
/// `BOM`). `read` drops the mark again.
pub fn with_bom(csv: &str) -> String {
    let mut out = String::with_capacity(csv.len() + BOM.len_utf8());
    out.push(BOM);
    out.push_str(csv);
    out
}

/// Windows-1252 for the bytes 0x80 to 0x9F, where it differs from Latin-1; the five bytes it
/// leaves undefined are read as the control characters Latin-1 has there.
const CP1252_HIGH: [char; 32] = [
    '€', '\u{81}', '‚', 'ƒ', '„', '…', '†', '‡', 'ˆ', '‰', 'Š', '‹', 'Œ', '\u{8D}', 'Ž', '\u{8F}', '\u{90}', '‘', '’',
    '“', '”', '•', '–', '—', '˜', '™', 'š', '›', 'œ', '\u{9D}', 'ž', 'Ÿ',
];

/// A file's bytes as text: see "Decoding" in the module documentation. Every byte sequence is
/// some Windows-1252 text, so only files that are plainly not text are refused: a workbook (a
/// ZIP or an old Office file, by their first bytes) or anything else holding a zero byte, which
/// text other than UTF-16 never does.
pub fn decode(bytes: &[u8]) -> Result<String, CsvError> {
    const ZIP: &[u8] = b"PK\x03\x04";
    const OLE: &[u8] = &[0xD0, 0xCF, 0x11, 0xE0];
    if bytes.starts_with(ZIP) || bytes.starts_with(OLE) {
        return Err(CsvError::Workbook);
    }
    if let Some(rest) = bytes.strip_prefix(&[0xEF, 0xBB, 0xBF]) {
        return Ok(String::from_utf8_lossy(rest).into_owned());
    }
    let utf16 = |rest: &[u8], unit: fn([u8; 2]) -> u16| {
        let units: Vec<u16> = rest.chunks_exact(2).map(|pair| unit([pair[0], pair[1]])).collect();
        String::from_utf16_lossy(&units)
    };
    if let Some(rest) = bytes.strip_prefix(&[0xFF, 0xFE]) {
        return Ok(utf16(rest, u16::from_le_bytes));
    }
    if let Some(rest) = bytes.strip_prefix(&[0xFE, 0xFF]) {
        return Ok(utf16(rest, u16::from_be_bytes));
    }
    if bytes.contains(&0) {
        return Err(CsvError::NotText);
    }
    Ok(match std::str::from_utf8(bytes) {
        Ok(text) => text.to_owned(),
        Err(_) => bytes
            .iter()
            .map(|&b| match b {
                0x80..=0x9F => CP1252_HIGH[usize::from(b - 0x80)],
                _ => char::from(b),
            })
            .collect(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn files_decode_from_every_encoding_excel_writes() {
        let text = "Klant;Bedrag\nCafé Müller;€ 12,50\n";
        let utf16 = |big: bool| {
            let mut bytes = if big { vec![0xFE, 0xFF] } else { vec![0xFF, 0xFE] };
            for unit in text.encode_utf16() {
                bytes.extend(if big { unit.to_be_bytes() } else { unit.to_le_bytes() });
            }
            bytes
        };
        let cp1252: Vec<u8> = b"Klant;Bedrag\nCaf\xE9 M\xFCller;\x80 12,50\n".to_vec();
        let cases: [(&str, Vec<u8>); 5] = [
            ("UTF-8", text.as_bytes().to_vec()),
            (
                "UTF-8 with a byte order mark",
                [&[0xEF, 0xBB, 0xBF], text.as_bytes()].concat(),
            ),
            ("UTF-16 little-endian", utf16(false)),
            ("UTF-16 big-endian", utf16(true)),
            ("Windows-1252", cp1252),
        ];
        for (name, bytes) in cases {
            assert_eq!(decode(&bytes), Ok(text.to_owned()), "{name}");
        }
        // The quotes and dashes Word and Excel put in text, and bytes Windows-1252 leaves open.
        assert_eq!(
            decode(b"\x93ja\x94 \x96 \x85 \x81"),
            Ok("\u{201C}ja\u{201D} \u{2013} \u{2026} \u{81}".to_owned())
        );
        // Files that are plainly not CSV text are refused with the reason.
        let refused: [(&str, &[u8], CsvError); 3] = [
            (
                "an .xlsx workbook (a ZIP)",
                b"PK\x03\x04\x14\x00\x06\x00",
                CsvError::Workbook,
            ),
            (
                "an old .xls workbook",
                &[0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1],
                CsvError::Workbook,
            ),
            ("a PNG image", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", CsvError::NotText),
        ];
        for (name, bytes, error) in refused {
            assert_eq!(decode(bytes), Err(error), "{name}");
        }
    }

    /// A table as a compact value for comparing: headers, then (line, fields) per row.
    type Shape = (Vec<&'static str>, Vec<(usize, Vec<&'static str>)>, Delimiter);

    type OwnedShape = (Vec<String>, Vec<(usize, Vec<String>)>, Delimiter);

    fn shape(table: &Table) -> OwnedShape {
        (
            table.headers.clone(),
            table.rows.iter().map(|r| (r.line, r.fields.clone())).collect(),
            table.delimiter,
        )
    }

    fn owned(s: &Shape) -> OwnedShape {
        let strings = |v: &Vec<&str>| v.iter().map(|s| s.to_string()).collect::<Vec<_>>();
        (strings(&s.0), s.1.iter().map(|(l, f)| (*l, strings(f))).collect(), s.2)
    }

    #[test]
    #[rustfmt::skip]
    fn reads_what_tools_export() {
        use Delimiter::*;
        // (what the case shows, the text, the table expected)
        let cases: Vec<(&str, &str, Shape)> = vec![
            ("plain comma", "a,b\n1,2\n", (vec!["a", "b"], vec![(2, vec!["1", "2"])], Comma)),
            ("semicolon", "a;b\n1,5;2\n", (vec!["a", "b"], vec![(2, vec!["1,5", "2"])], Semicolon)),
            ("tab", "a\tb\n1\t2", (vec!["a", "b"], vec![(2, vec!["1", "2"])], Tab)),
            ("bom", "\u{FEFF}a;b\r\n1;2\r\n", (vec!["a", "b"], vec![(2, vec!["1", "2"])], Semicolon)),
            ("crlf", "a,b\r\n1,2\r\n3,4", (vec!["a", "b"], vec![(2, vec!["1", "2"]), (3, vec!["3", "4"])], Comma)),
            ("lone cr", "a,b\r1,2\r3,4\r", (vec!["a", "b"], vec![(2, vec!["1", "2"]), (3, vec!["3", "4"])], Comma)),
            ("empty lines keep the count", "\n\na;b\n\n1;2\r\n\r\n\r\n3;4\n\n",
             (vec!["a", "b"], vec![(5, vec!["1", "2"]), (8, vec!["3", "4"])], Semicolon)),
            ("quoted delimiter and doubled quote", "a;b\n\"x;y\";\"say \"\"hi\"\"\"\n",
             (vec!["a", "b"], vec![(2, vec!["x;y", "say \"hi\""])], Semicolon)),
            ("quoted line breaks of every kind", "a;b\n\"one\ntwo\";\"three\r\nfour\"\n\"five\rsix\";x\n7;8\n",
             (vec!["a", "b"],
              vec![(2, vec!["one\ntwo", "three\r\nfour"]), (5, vec!["five\rsix", "x"]), (7, vec!["7", "8"])],
              Semicolon)),
            ("trailing delimiter everywhere", "a;b;\n1;2;\n3;4\n",
             (vec!["a", "b"], vec![(2, vec!["1", "2"]), (3, vec!["3", "4"])], Semicolon)),
            ("a quoted empty last field is data", "a;b\n1;\"\"\n1;\n",
             (vec!["a", "b"], vec![(2, vec!["1", ""]), (3, vec!["1", ""])], Semicolon)),
            ("too few and too many fields are kept", "a;b;c\n1;2\n1;2;3;4\n",
             (vec!["a", "b", "c"], vec![(2, vec!["1", "2"]), (3, vec!["1", "2", "3", "4"])], Semicolon)),
            ("a delimiter inside a quoted header does not count", "\"a;b\",c\n1,2\n",
             (vec!["a;b", "c"], vec![(2, vec!["1", "2"])], Comma)),
            ("a tie goes to the semicolon", "a;b,c\n1;2,3\n", (vec!["a", "b,c"], vec![(2, vec!["1", "2,3"])], Semicolon)),
            ("one column", "Naam\nPiet\n", (vec!["Naam"], vec![(2, vec!["Piet"])], Comma)),
            ("excel sep line", "sep=;\r\na,b;c\r\n1;2\r\n", (vec!["a,b", "c"], vec![(3, vec!["1", "2"])], Semicolon)),
            ("header only", "a;b\r\n", (vec!["a", "b"], vec![], Semicolon)),
            ("stray quotes are text", "a,b\n12\" screen,\"x\"y\n", (vec!["a", "b"], vec![(2, vec!["12\" screen", "xy"])], Comma)),
            ("spaces are kept", "a, b\n 1 , 2\n", (vec!["a", " b"], vec![(2, vec![" 1 ", " 2"])], Comma)),
            ("a line of spaces is a row", "a;b\n  \n", (vec!["a", "b"], vec![(2, vec!["  "])], Semicolon)),
        ];
        for (name, input, expected) in cases {
            assert_eq!(read(input).map(|t| shape(&t)), Ok(owned(&expected)), "{name}");
        }
    }

    #[test]
    fn an_import_needs_a_line_under_the_header() {
        let cases: [(&str, &[u8], Result<usize, CsvError>); 4] = [
            (
                "a header alone",
                b"Factuurnummer;Klant;Bedrag\r\n",
                Err(CsvError::NoRows),
            ),
            (
                "a header and empty lines",
                b"sep=,\nnumber,customer\n\n\r\n",
                Err(CsvError::NoRows),
            ),
            ("nothing at all", b"", Err(CsvError::Empty)),
            ("one invoice", b"Factuurnummer;Klant\r\n1;Jansen\r\n", Ok(1)),
        ];
        for (label, bytes, expected) in cases {
            assert_eq!(read_for_import(bytes).map(|t| t.rows.len()), expected, "{label}");
        }
        for lang in Lang::ALL {
            assert!(CsvError::NoRows
                .message(lang)
                .contains(lang.pick("kopregel", "header line")));
        }
    }

    /// Every message of `CsvError` in both languages, word for word, so a rewrite of `message`
    /// cannot change what the user reads without this test saying so.
    #[test]
    fn error_messages_in_both_languages() {
        let cases = [
            (
                CsvError::Empty,
                "Dit bestand is leeg. Kies een CSV-bestand met een kopregel en ten minste één factuur.",
                "This file is empty. Choose a CSV file with a header line and at least one invoice.",
            ),
            (
                CsvError::NoRows,
                "Dit bestand heeft alleen een kopregel, zonder facturen eronder. Kies het bestand met je facturen.",
                "This file has only a header line, with no invoices under it. Choose the file with your invoices.",
            ),
            (
                CsvError::UnterminatedQuote { line: 7 },
                "Op regel 7 begint een veld met een aanhalingsteken (\") dat nergens wordt afgesloten. Sla het \
                 bestand opnieuw op als CSV vanuit je spreadsheet, of zet het ontbrekende aanhalingsteken terug.",
                "On line 7 a field opens with a double quote (\") that is never closed. Save the file as CSV again \
                 from your spreadsheet, or put the missing quote back.",
            ),
            (
                CsvError::Workbook,
                "Dit is een spreadsheetbestand (zoals .xlsx), geen CSV. Open het in je spreadsheet en kies Opslaan \
                 als, CSV; kies dan dat bestand.",
                "This is a spreadsheet workbook (such as .xlsx), not CSV. Open it in your spreadsheet and choose \
                 Save as, CSV; then choose that file.",
            ),
            (
                CsvError::NotText,
                "Dit bestand bevat geen tekst, dus het is geen CSV-bestand. Kies een CSV-export van je facturen.",
                "This file holds no text, so it is not a CSV file. Choose a CSV export of your invoices.",
            ),
        ];
        for (error, nl, en) in cases {
            assert_eq!(error.message(Lang::Nl), nl, "{error:?}");
            assert_eq!(error.message(Lang::En), en, "{error:?}");
        }
    }

    #[test]
    fn refuses_what_cannot_be_trusted() {
        let cases = [
            ("", CsvError::Empty),
            ("\u{FEFF}", CsvError::Empty),
            ("\n\r\n\r\n", CsvError::Empty),
            ("sep=;\n", CsvError::Empty),
            ("\"a;b\n1;2\n", CsvError::UnterminatedQuote { line: 1 }),
            ("a;b\n1;2\n3;\"four\nfive\n", CsvError::UnterminatedQuote { line: 3 }),
            ("a;b\n\"x\ny\";\"z\n", CsvError::UnterminatedQuote { line: 3 }),
        ];
        for (input, expected) in cases {
            assert_eq!(read(input), Err(expected), "{input:?}");
        }
    }

    #[test]
    #[rustfmt::skip]
    fn writes_quotes_only_where_needed() {
        // (header, row, delimiter, text expected)
        let cases: Vec<(Vec<&str>, Vec<&str>, Delimiter, &str)> = vec![
            (vec!["h1", "h2"], vec!["plain", "1,5"], Delimiter::Semicolon, "h1;h2\r\nplain;1,5\r\n"),
            (vec!["h1", "h2"], vec!["a;b", "1,5"], Delimiter::Comma, "h1,h2\r\na;b,\"1,5\"\r\n"),
            (vec!["h1", "h2"], vec!["a;b", "say \"hi\""], Delimiter::Semicolon, "h1;h2\r\n\"a;b\";\"say \"\"hi\"\"\"\r\n"),
            (vec!["h1", "h2"], vec!["two\nlines", "x"], Delimiter::Comma, "h1,h2\r\n\"two\nlines\",x\r\n"),
            (vec!["h1", "h2"], vec!["x", ""], Delimiter::Comma, "h1,h2\r\nx,\"\"\r\n"),
            (vec!["h1", "h2"], vec!["", "x"], Delimiter::Tab, "h1\th2\r\n\tx\r\n"),
            (vec!["h1", "h2"], vec!["sep=", "\u{FEFF}"], Delimiter::Comma, "h1,h2\r\nsep=,\u{FEFF}\r\n"),
            (vec!["sep=;", "a,b"], vec!["1", "2"], Delimiter::Semicolon, "\"sep=;\";\"a,b\"\r\n1;2\r\n"),
            (vec!["\u{FEFF}x"], vec!["1,5"], Delimiter::Semicolon, "\"\u{FEFF}x\"\r\n\"1,5\"\r\n"),
            (vec!["h"], vec![""], Delimiter::Comma, "h\r\n\"\"\r\n"),
        ];
        for (header, row, delimiter, expected) in cases {
            let row: Vec<String> = row.iter().map(|s| s.to_string()).collect();
            assert_eq!(write(&header, std::iter::once(row), delimiter), expected, "{header:?}");
        }
    }

    #[test]
    fn a_bom_for_excel_is_read_back() {
        let text = with_bom(&write(
            &["Klant"],
            std::iter::once(vec!["Café".to_owned()]),
            Delimiter::Semicolon,
        ));
        assert!(text.starts_with(BOM));
        let table = read(&text).map(|t| shape(&t));
        assert_eq!(
            table,
            Ok(owned(&(vec!["Klant"], vec![(2, vec!["Café"])], Delimiter::Comma)))
        );
    }

    #[test]
    fn a_quoted_header_cannot_mislead_the_delimiter_detection() {
        // Found by the round-trip property: read per candidate, the comma cut the quoted
        // "sep=," header in the wrong place and won with three fields.
        let headers = ["", "sep=,"];
        let rows = vec![vec![",\t".to_owned(), String::new()]];
        let table = read(&write(&headers, rows.clone().into_iter(), Delimiter::Semicolon));
        let expected = Table {
            headers: headers.map(str::to_owned).to_vec(),
            rows: vec![Row {
                line: 2,
                fields: rows.concat(),
            }],
            delimiter: Delimiter::Semicolon,
        };
        assert_eq!(table, Ok(expected));
    }

    /// Fields full of the characters that need quoting.
    fn nasty_field() -> impl Strategy<Value = String> {
        prop_oneof![
            any::<String>(),
            "[a\";,\t\r\n \u{FEFF}é€]{0,8}",
            Just("sep=,".to_owned()),
            Just(String::new()),
        ]
    }

    fn any_delimiter() -> impl Strategy<Value = Delimiter> {
        prop_oneof![Just(Delimiter::Semicolon), Just(Delimiter::Comma), Just(Delimiter::Tab)]
    }

    fn any_table() -> impl Strategy<Value = (Vec<String>, Vec<Vec<String>>)> {
        (1usize..5).prop_flat_map(|width| {
            (
                prop::collection::vec(nasty_field(), width),
                prop::collection::vec(prop::collection::vec(nasty_field(), width), 0..6),
            )
        })
    }

    proptest! {
        #[test]
        fn what_is_written_reads_back((headers, rows) in any_table(), delimiter in any_delimiter()) {
            let header_refs: Vec<&str> = headers.iter().map(String::as_str).collect();
            let text = write(&header_refs, rows.clone().into_iter(), delimiter);
            let table = read(&text);
            prop_assert!(table.is_ok(), "{:?}", table);
            let table = table.unwrap_or_else(|_| unreachable!());
            prop_assert_eq!(&table.headers, &headers);
            let fields: Vec<Vec<String>> = table.rows.iter().map(|r| r.fields.clone()).collect();
            prop_assert_eq!(fields, rows);
            if headers.len() > 1 {
                prop_assert_eq!(table.delimiter, delimiter);
            }
            // Every row starts on the line after the previous record's last line.
            let mut line = 1 + headers.iter().map(|h| h.matches('\n').count()
                + h.matches('\r').count() - h.matches("\r\n").count()).sum::<usize>();
            for row in &table.rows {
                line += 1;
                prop_assert_eq!(row.line, line);
                line += row.fields.iter().map(|f| f.matches('\n').count()
                    + f.matches('\r').count() - f.matches("\r\n").count()).sum::<usize>();
            }
        }

        #[test]
        fn reading_never_panics(text in any::<String>()) {
            let _ = read(&text);
        }

        #[test]
        fn reading_csv_like_text_never_panics(text in "[a\";,\t\r\n \u{FEFF}]{0,40}") {
            if let Ok(table) = read(&text) {
                prop_assert!(table.rows.windows(2).all(|w| w[0].line < w[1].line));
            }
        }
    }
}
