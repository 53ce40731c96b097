package tm

import (
	"strings"
	"testing"

	"tolmach/internal/lang"
)

// TestReadTableLongLine: a TSV or CSV row too long to be a unit is
// refused with the file and the line (once it failed with
// "bufio.Scanner: token too long" and no file name); a segment of
// exactly lang.MaxSegmentLen characters is read.
func TestReadTableLongLine(t *testing.T) {
	ok := strings.Repeat("я", lang.MaxSegmentLen)
	long := strings.Repeat("мир ", (2<<20)/len("мир "))
	for _, tc := range []struct {
		name, data, want string
	}{
		{"ok.tsv", "ru\ten\n" + ok + "\tpeace\nвойна\twar\r\n", ""},
		{"ok.csv", "ru,en\n\"" + ok + "\",peace\nвойна,war\r\n", ""},
		{"long.tsv", "ru\ten\nмир\tpeace\n" + long + "\tpeace\n", "long.tsv:3: line is more than 1,048,576 bytes; tolmach reads lines up to 1 MiB (is this a text file?)"},
		{"seg.tsv", "ru\ten\nмир\tpeace\n" + ok + "я\tpeace\n", "seg.tsv:3: segment is 65,537 characters; tolmach reads segments up to 65,536 characters (a segment is a sentence or a paragraph)"},
		// A quoted CSV cell may span lines: the segment limit still holds.
		{"seg.csv", "ru,en\nмир,peace\n\"" + strings.Repeat("я\n", lang.MaxSegmentLen/2+1) + "\",peace\n", "seg.csv:3: segment is 65,538 characters; tolmach reads segments up to 65,536 characters (a segment is a sentence or a paragraph)"},
	} {
		f := TSV
		if strings.HasSuffix(tc.name, ".csv") {
			f = CSV
		}
		readWithin(t, tc.name, f, tc.data, tc.want)
	}
}
