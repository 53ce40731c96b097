package tm

import (
	"strings"
	"testing"
)

// TestReadTableLongLine: a TSV row longer than any scanner buffer
// (65 MB, past the 64 MB bufio limit the reader once had) is read as a
// unit, not refused with "bufio.Scanner: token too long" and no file name.
func TestReadTableLongLine(t *testing.T) {
	long := strings.Repeat("мир ", 65<<20/len("мир "))
	data := "ru\ten\n" + long + "\tpeace\nвойна\twar\r\n"
	var got []Unit
	if err := readTable(data, "long.tsv", '\t', func(u *Unit) error { got = append(got, *u); return nil }); err != nil {
		t.Fatal(err)
	}
	if len(got) != 2 || got[0].Segments[0].Text != long || got[1].Segments[1].Text != "war" {
		t.Fatalf("read %d units", len(got))
	}
}
