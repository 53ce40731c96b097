package glossary

import (
	"errors"
	"fmt"
	"strings"
	"testing"
)

// csvRows makes a CSV glossary of n rows with Cyrillic terms (so that
// byte and character columns differ) and, when bad, an unknown status on
// its last row.
func csvRows(n int, sep string, bad bool) string {
	var b strings.Builder
	b.WriteString(strings.Join([]string{"id", "ru", "ru_status", "en", "note"}, sep) + "\n")
	for i := 0; i < n; i++ {
		status := "preferred"
		if bad && i == n-1 {
			status = "favourite"
		}
		fmt.Fprintf(&b, "c%d%sмирное урегулирование %d%s%s%speaceful settlement %d%s\"a note, quoted\"\n", i, sep, i, sep, status, sep, i, sep)
	}
	return b.String()
}

// TestCSVPositionsLinear guards the CSV reader against the quadratic
// cost it once had: every cell's character column was reckoned by
// scanning the text from its start (44k rows took 21 s). Positions are
// now worked out for an error only, from a line index built once, so the
// bytes scanned for positions never exceed the text's length plus the
// erring line, whatever the number of rows.
func TestCSVPositionsLinear(t *testing.T) {
	for _, sep := range []string{",", ";", "\t"} {
		for _, n := range []int{100, 5000} {
			name := "g.csv"
			if sep == "\t" {
				name = "g.tsv"
			}
			clean := &textPos{text: csvRows(n, sep, false)}
			g, err := parseDelimitedAt(clean, name, []rune(sep)[0])
			if err != nil {
				t.Fatalf("sep %q, %d rows: %v", sep, n, err)
			}
			if len(g.Concepts) != n {
				t.Errorf("sep %q: %d concepts, want %d", sep, len(g.Concepts), n)
			}
			if clean.scanned != 0 {
				t.Errorf("sep %q, %d clean rows: %d bytes scanned for positions, want 0", sep, n, clean.scanned)
			}
			bad := &textPos{text: csvRows(n, sep, true)}
			_, err = parseDelimitedAt(bad, name, []rune(sep)[0])
			var pe *ParseError
			if !errors.As(err, &pe) || pe.Line != n+1 {
				t.Fatalf("sep %q, %d rows, bad status on the last: got %v, want an error at line %d", sep, n, err, n+1)
			}
			// id, ru: the status cell's character column.
			want := len([]rune(fmt.Sprintf("c%d%sмирное урегулирование %d%s", n-1, sep, n-1, sep))) + 1
			if pe.Col != want {
				t.Errorf("sep %q: error at column %d, want %d", sep, pe.Col, want)
			}
			lastLine := len(bad.text) - strings.LastIndex(bad.text[:len(bad.text)-1], "\n")
			if limit := len(bad.text) + lastLine; bad.scanned > limit {
				t.Errorf("sep %q, %d rows: %d bytes scanned for one error position, want at most %d", sep, n, bad.scanned, limit)
			}
		}
	}
}
