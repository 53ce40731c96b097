package tm

import (
	"bufio"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"strings"

	"tolmach/internal/lang"
)

// tableColumns maps the header of a TSV/CSV file to the unit fields its
// columns hold. Language columns are named by language tag (ru, en,
// en-GB; see [lang.IsColumnTag]); id, note and document are optional.
type tableColumns struct {
	langs    map[int]string
	id, note int
	document int
}

func parseTableHeader(name string, header []string) (tableColumns, error) {
	c := tableColumns{langs: map[int]string{}, id: -1, note: -1, document: -1}
	for i, h := range header {
		h = strings.TrimSpace(strings.TrimPrefix(h, "\uFEFF"))
		switch strings.ToLower(h) {
		case "id", "tuid":
			c.id = i
		case "note", "notes", "comment":
			c.note = i
		case "document", "source_document", "file":
			c.document = i
		default:
			// Any other column (pos, src, a comment…) is ignored.
			if lang.IsColumnTag(h) {
				c.langs[i] = NormLang(h)
			}
		}
	}
	if len(c.langs) < 2 {
		return c, fmt.Errorf("%s:1:1: %w: the header must name two language columns (ru and en), got %q", name, ErrMalformed, strings.Join(header, ","))
	}
	return c, nil
}

func (c tableColumns) unit(row []string) Unit {
	var u Unit
	for i := 0; i < len(row); i++ {
		if l, ok := c.langs[i]; ok && strings.TrimSpace(row[i]) != "" {
			u.Segments = append(u.Segments, Segment{Lang: l, Text: row[i]})
		}
	}
	if c.id >= 0 && c.id < len(row) {
		u.ID = row[c.id]
	}
	if c.note >= 0 && c.note < len(row) && row[c.note] != "" {
		u.Notes = []string{row[c.note]}
	}
	if c.document >= 0 && c.document < len(row) {
		u.Document = row[c.document]
	}
	return u
}

// readTable reads a TSV (comma '\t') or CSV file with a header row. TSV
// fields are taken literally (no quoting, as OmegaT and spreadsheets
// write them); CSV follows RFC 4180. Rows with fewer than two languages
// filled are skipped: a table row with one side empty is no unit.
func readTable(data, name string, comma rune, fn func(*Unit) error) error {
	if comma == '\t' {
		// The text is in memory already: lines are cut from it, so no
		// line is too long (a scanner's buffer limit would be).
		line := 0
		var cols tableColumns
		for rest := data; rest != ""; {
			var text string
			text, rest, _ = strings.Cut(rest, "\n")
			line++
			row := strings.Split(strings.TrimSuffix(text, "\r"), "\t")
			if line == 1 {
				var err error
				if cols, err = parseTableHeader(name, row); err != nil {
					return err
				}
				continue
			}
			if u := cols.unit(row); len(u.Segments) >= 2 {
				if err := checkUnit(&u, name, line); err != nil {
					return err
				}
				if err := fn(&u); err != nil {
					return err
				}
			}
		}
		if line == 0 {
			return fmt.Errorf("%s:1:1: %w: empty file, want a header row naming ru and en", name, ErrMalformed)
		}
		return nil
	}
	cr := csv.NewReader(strings.NewReader(data))
	cr.FieldsPerRecord = -1
	if semicolonHeader(data) {
		// Excel writes CSV with semicolons where the decimal mark is a
		// comma, as in a Russian locale: "ru;en;note".
		cr.Comma = ';'
	}
	header, err := cr.Read()
	if err == io.EOF {
		return fmt.Errorf("%s:1:1: %w: empty file, want a header row naming ru and en", name, ErrMalformed)
	}
	if err != nil {
		return csvError(name, err)
	}
	cols, err := parseTableHeader(name, header)
	if err != nil {
		return err
	}
	for {
		row, err := cr.Read()
		if err == io.EOF {
			return nil
		}
		if err != nil {
			return csvError(name, err)
		}
		if u := cols.unit(row); len(u.Segments) >= 2 {
			line, _ := cr.FieldPos(0)
			if err := checkUnit(&u, name, line); err != nil {
				return err
			}
			if err := fn(&u); err != nil {
				return err
			}
		}
	}
}

// semicolonHeader reports whether a CSV table's first line names its
// columns with semicolons and not commas: "ru;en" but not "ru,en".
func semicolonHeader(data string) bool {
	first, _, _ := strings.Cut(data, "\n")
	if strings.ContainsRune(first, ',') || !strings.ContainsRune(first, ';') {
		return false
	}
	n := 0
	for _, h := range strings.Split(strings.TrimSuffix(first, "\r"), ";") {
		if lang.IsColumnTag(strings.TrimPrefix(h, "\uFEFF")) {
			n++
		}
	}
	return n >= 2
}

// checkUnit refuses a table row whose segment is over lang.MaxSegmentLen
// characters or whose note is over lang.MaxLineSize bytes (a CSV cell
// may span lines), naming the file and the row's first line.
func checkUnit(u *Unit, name string, line int) error {
	for _, s := range u.Segments {
		if err := lang.CheckSegment(s.Text); err != nil {
			return fmt.Errorf("%s:%d: %w", name, line, err)
		}
	}
	for _, n := range u.Notes {
		if err := lang.CheckField("note", n); err != nil {
			return fmt.Errorf("%s:%d: %w", name, line, err)
		}
	}
	return nil
}

func csvError(name string, err error) error {
	var pe *csv.ParseError
	if errors.As(err, &pe) {
		return fmt.Errorf("%s:%d:%d: %w: %v", name, pe.Line, pe.Column, ErrMalformed, pe.Err)
	}
	return fmt.Errorf("%s: %w", name, err)
}

// decodeTable turns the bytes of a table into text with lang.Decode, so
// tables saved as UTF-16 or Windows-1251 read like UTF-8 ones.
func decodeTable(data []byte, name string) (string, error) {
	text, _, err := lang.Decode(data, "")
	if err != nil {
		return "", lang.FileError(name, err)
	}
	return text, nil
}

// TableWriter writes units as TSV or CSV with a header row: one column
// per language asked for, then id. TSV has no quoting, so tabs and line
// breaks inside a segment are written as spaces.
type TableWriter struct {
	langs []string
	tsv   *bufio.Writer
	csv   *csv.Writer
}

// NewTableWriter returns a writer of a TSV (comma '\t') or CSV (',')
// table with columns langs… and id; it writes the header at once.
func NewTableWriter(w io.Writer, comma rune, langs []string) (*TableWriter, error) {
	tw := &TableWriter{langs: langs}
	header := append(append([]string{}, langs...), "id")
	if comma == '\t' {
		tw.tsv = bufio.NewWriterSize(w, 256<<10)
		_, err := tw.tsv.WriteString(strings.Join(header, "\t") + "\n")
		return tw, err
	}
	tw.csv = csv.NewWriter(w)
	return tw, tw.csv.Write(header)
}

var tsvSpace = strings.NewReplacer("\t", " ", "\r\n", " ", "\n", " ", "\r", " ")

// Write writes one row; a unit without a segment in one of the languages
// gets an empty cell there.
func (tw *TableWriter) Write(u *Unit) error {
	row := make([]string, 0, len(tw.langs)+1)
	for _, l := range tw.langs {
		s, _ := u.Segment(l)
		row = append(row, s.Text)
	}
	row = append(row, u.ID)
	if tw.tsv != nil {
		for i := range row {
			row[i] = tsvSpace.Replace(row[i])
		}
		_, err := tw.tsv.WriteString(strings.Join(row, "\t") + "\n")
		return err
	}
	return tw.csv.Write(row)
}

// Close flushes the table; it does not close the underlying writer.
func (tw *TableWriter) Close() error {
	if tw.tsv != nil {
		return tw.tsv.Flush()
	}
	tw.csv.Flush()
	return tw.csv.Error()
}

func newCSVWriter(w io.Writer) *csv.Writer { return csv.NewWriter(w) }
