package tm

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"tolmach/internal/lang"
)

// TestTMXLimits: a TMX segment over lang.MaxSegmentLen characters, or a
// run of text between tags over lang.MaxLineSize bytes, is refused with
// the file and the line; a segment of exactly the limit is read.
func TestTMXLimits(t *testing.T) {
	tmx := func(seg string) string {
		return "<?xml version=\"1.0\"?>\n<tmx version=\"1.4\">\n<header srclang=\"ru\"/>\n<body>\n<tu>\n<tuv xml:lang=\"ru\"><seg>мир</seg></tuv>\n<tuv xml:lang=\"en\"><seg>peace</seg></tuv>\n</tu>\n<tu>\n" +
			"<tuv xml:lang=\"ru\">\n<seg>" + seg + "</seg></tuv>\n<tuv xml:lang=\"en\"><seg>war</seg></tuv>\n</tu>\n</body>\n</tmx>\n"
	}
	exact := strings.Repeat("я", lang.MaxSegmentLen)
	for _, tc := range []struct{ name, data, want string }{
		{"ok.tmx", tmx(exact), ""},
		{"seg.tmx", tmx(exact + "я"), "seg.tmx:11: segment is 65,537 characters; tolmach reads segments up to 65,536 characters (a segment is a sentence or a paragraph)"},
		{"inline.tmx", tmx(strings.Repeat("я<ph>x</ph>", lang.MaxSegmentLen*2)), "inline.tmx:11: segment is more than 65,536 characters; tolmach reads segments up to 65,536 characters (a segment is a sentence or a paragraph)"},
		// A run of text over lang.MaxLineSize is cut off by the reader;
		// the segment it makes is over the limit either way.
		{"run.tmx", tmx(strings.Repeat("w", 3<<20)), "run.tmx:11: segment is more than 65,536 characters; tolmach reads segments up to 65,536 characters (a segment is a sentence or a paragraph)"},
		{"note.tmx", strings.Replace(tmx("x"), "<tu>", "<tu><note>"+strings.Repeat("n", 3<<20)+"</note>", 1), "note.tmx:5: XML text is more than 1,048,576 bytes; tolmach reads text between two tags up to 1 MiB (is this an XML file?)"},
	} {
		readWithin(t, tc.name, TMX, tc.data, tc.want)
	}
}

// readWithin reads data as format f: with want "", it must give two
// units; otherwise fail with exactly want, an error wrapping
// lang.ErrTooLarge.
func readWithin(t *testing.T, name string, f Format, data, want string) {
	t.Helper()
	n := 0
	err := Read(strings.NewReader(data), name, f, func(u *Unit) error { n++; return nil })
	if want == "" {
		if err != nil || n != 2 {
			t.Errorf("%s: %d units, %v", name, n, err)
		}
		return
	}
	if err == nil || err.Error() != want || !errors.Is(err, lang.ErrTooLarge) {
		t.Errorf("%s: got %v\nwant %s", name, err, want)
	}
}

// TestImportNoRuEn: an input without a single ru–en unit is refused,
// naming the languages it holds; one with some ru–en units imports those
// and counts the rest as skipped.
func TestImportNoRuEn(t *testing.T) {
	dir := t.TempDir()
	defr := filepath.Join(dir, "x.tsv")
	os.WriteFile(defr, []byte("de\tfr\nHaus\tmaison\nFrieden\tpaix\n"), 0o666)
	into := filepath.Join(dir, "tm.tmx")
	_, err := Import(into, []string{defr}, Options{CacheDir: filepath.Join(dir, "cache")})
	if want := defr + ": no ru–en units among 2; languages found: de, fr"; err == nil || err.Error() != want {
		t.Errorf("got %v\nwant %s", err, want)
	}
	if _, err := os.Stat(into); !os.IsNotExist(err) {
		t.Errorf("the TM was created: %v", err)
	}
	mixed := filepath.Join(dir, "mixed.tsv")
	os.WriteFile(mixed, []byte("ru\ten\tde\nмир\tpeace\tFrieden\n\tpeace\tFrieden\nдом\t\tHaus\n"), 0o666)
	res, err := Import(into, []string{mixed}, Options{CacheDir: filepath.Join(dir, "cache")})
	if err != nil || res.Added != 1 || res.Skipped != 2 {
		t.Errorf("mixed: %+v, %v; want 1 added, 2 skipped", res, err)
	}
}
