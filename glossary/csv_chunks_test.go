package glossary

import (
	"fmt"
	"reflect"
	"strings"
	"testing"
)

// inChunks makes every table of more than a few bytes read in chunks,
// workers at once, until the test ends.
func inChunks(t testing.TB, workers int) {
	min0, w0 := minChunk, chunkWorkers
	minChunk, chunkWorkers = 16, func() int { return workers }
	t.Cleanup(func() { minChunk, chunkWorkers = min0, w0 })
}

// parseSerial parses data record by record, as a single CPU would.
func parseSerial(data []byte, name string, f Format) (*Glossary, error) {
	w0 := chunkWorkers
	chunkWorkers = func() int { return 1 }
	defer func() { chunkWorkers = w0 }()
	return Parse(data, name, f)
}

// chunkTable is a CSV table whose records span chunks in every way the
// reader must join: quoted fields holding newlines, commas and doubled
// quotes, one concept's records far apart (fields and terms merged
// into the first), blank records, a third language and concept fields.
func chunkTable(rows int) string {
	var b strings.Builder
	b.WriteString("id,ru,ru_status,en,en_flags,en_note,fr,domain,definition,note\n")
	for i := range rows {
		switch i % 7 {
		case 0:
			fmt.Fprintf(&b, "c%d,мир %d,preferred,peace %d,case,\"a note,\nover \"\"two\"\" lines\",paix,politics,,\n", i, i, i)
		case 1:
			fmt.Fprintf(&b, ",война %d,,war %d,,,,,\"a definition\n\nwith a blank line\",\n", i, i)
		case 2:
			// The concept of the first record again: a field it lacks, a
			// term it holds (dropped) and one it does not.
			fmt.Fprintf(&b, "c0,мир 0,,calm %d,,,,,,later note %d\n", i, i)
		case 3:
			b.WriteString(",,,,,,,,,\n\n")
		case 4:
			fmt.Fprintf(&b, "\"c%d\",\"договор\n%d\",,treaty,exact,,,law,,\n", i, i)
		case 5:
			fmt.Fprintf(&b, "c%d,санкции,deprecated,sanctions,,,,,,\n", i-3)
		default:
			fmt.Fprintf(&b, "x%d,\"\"\"кавычки\"\" %d\",,\"\"\"quotes\"\"\",,,,,,\n", i, i)
		}
	}
	return b.String()
}

// repeatedIDs is a table of rows records whose ids come round every
// period records, each time with another term: read in chunks, a concept
// first met in any chunk but the last takes terms from the chunks after.
func repeatedIDs(rows, period int) string {
	var b strings.Builder
	b.WriteString("id,ru,en\n")
	for i := range rows {
		fmt.Fprintf(&b, "k%d,мир %d,peace %d\n", i%period, i, i)
	}
	return b.String()
}

// TestCSVChunksReadAsWhole reads tables in chunks side by side and
// record by record, and wants the same glossary, origins included.
func TestCSVChunksReadAsWhole(t *testing.T) {
	cases := []struct {
		name, text string
		chunked    bool // read in chunks, not again whole
	}{
		{"g.csv", chunkTable(60), true},
		{"g.csv", strings.ReplaceAll(chunkTable(60), ",", ";"), true},
		{"g.csv", strings.ReplaceAll(chunkTable(60), "\n", "\r\n"), true},
		{"g.tsv", "ru\ten\ten_note\n" + strings.Repeat("мир\tpeace\tn\nвойна\twar\t\n\n", 30), true},
		{"g.csv", repeatedIDs(90, 30), true},
		// Under lazy quotes a quote may be text: not split.
		{"g.tsv", "ru\ten\n" + strings.Repeat("мир\t\"peace\n\tx\"\n", 30), false},
	}
	for _, workers := range []int{2, 3, 8} {
		for _, tc := range cases {
			t.Run(fmt.Sprintf("%s/%d", tc.name, workers), func(t *testing.T) {
				f, err := DetectFormat(tc.name, []byte(tc.text))
				if err != nil {
					t.Fatal(err)
				}
				want, err := parseSerial([]byte(tc.text), tc.name, f)
				if err != nil {
					t.Fatal(err)
				}
				inChunks(t, workers)
				before := chunkReads.Load()
				got, err := Parse([]byte(tc.text), tc.name, f)
				if err != nil {
					t.Fatal(err)
				}
				if chunked := chunkReads.Load() > before; chunked != tc.chunked {
					t.Errorf("read in chunks: %v, want %v", chunked, tc.chunked)
				}
				if !reflect.DeepEqual(got, want) {
					t.Errorf("in chunks:\n%s\nwhole:\n%s", canon(t, got), canon(t, want))
				}
				if len(want.Concepts) < 30 {
					t.Errorf("%d concepts: the table did not read as meant", len(want.Concepts))
				}
			})
		}
	}
}

// TestCSVChunksErrors puts an error far into a table read in chunks: the
// message names the file, line and column that reading it whole names.
func TestCSVChunksErrors(t *testing.T) {
	head := chunkTable(40)
	line := strings.Count(head, "\n") + 1 // the line of the bad record
	cases := []struct {
		name, bad, want string
	}{
		{"status", "e1,мир,preferrred,peace,,,,,,\n", fmt.Sprintf("g.csv:%d:8: unknown status", line)},
		{"flag", "e1,мир,,peace,loud,,,,,\n", fmt.Sprintf("g.csv:%d:15: unknown flag \"loud\"", line)},
		{"id", "E 1,мир,,peace,,,,,,\n", fmt.Sprintf("g.csv:%d:1: invalid concept id \"E 1\"", line)},
		{"attributes", "e1,,preferred,peace,,,,,,\n", fmt.Sprintf("g.csv:%d:1: ru attributes given without a ru term", line)},
		{"bare quote", "e1,ми\"р,,peace,,,,,,\n", fmt.Sprintf("g.csv:%d:6: bare \" in non-quoted-field", line)},
		{"extraneous quote", "e1,\"мир\"x,,peace,,,,,,\n", fmt.Sprintf("g.csv:%d:8: extraneous or missing \" in quoted-field", line)},
		// An open quoted field runs to the end of the file, whatever
		// the chunk it starts in.
		{"open quote", "e1,\"мир,,peace,,,,,,\n" + chunkTable(20), "extraneous or missing \" in quoted-field"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			text := []byte(head + tc.bad + chunkTable(40))
			_, want := parseSerial(text, "g.csv", CSV)
			if want == nil || !strings.Contains(want.Error(), tc.want) {
				t.Fatalf("read whole: %v, want %q", want, tc.want)
			}
			for _, workers := range []int{2, 4} {
				inChunks(t, workers)
				g, err := Parse(text, "g.csv", CSV)
				if err == nil || err.Error() != want.Error() {
					t.Errorf("%d workers: %v (%d concepts), want %v", workers, err, len(g.Concepts), want)
				}
			}
		})
	}
}

// FuzzCSVChunks reads any table in chunks and whole: the same glossary
// or the same error.
func FuzzCSVChunks(f *testing.F) {
	f.Add([]byte(chunkTable(12)), uint8(3))
	f.Add([]byte("ru,en\n\"a\nb\",c\nd,\"e\"\"\"\n"), uint8(2))
	f.Add([]byte("ru;en\n\"a;b\";c\nd;\"e\n"), uint8(4))
	f.Add([]byte("ru\ten\na\tb\nc\td\n"), uint8(2))
	f.Fuzz(func(t *testing.T, data []byte, workers uint8) {
		for _, name := range []string{"f.csv", "f.tsv"} {
			want, wantErr := parseSerial(data, name, CSV)
			if name == "f.tsv" {
				want, wantErr = parseSerial(data, name, TSV)
			}
			inChunks(t, int(workers%8)+2)
			got, err := Parse(data, name, CSV)
			if name == "f.tsv" {
				got, err = Parse(data, name, TSV)
			}
			switch {
			case (err == nil) != (wantErr == nil):
				t.Fatalf("%s: in chunks %v, whole %v", name, err, wantErr)
			case err != nil && err.Error() != wantErr.Error():
				t.Fatalf("%s: in chunks %v, whole %v", name, err, wantErr)
			case err == nil && !reflect.DeepEqual(got, want):
				t.Fatalf("%s: in chunks\n%s\nwhole\n%s", name, canon(t, got), canon(t, want))
			}
		}
	})
}
