package check

import (
	"os"
	"path/filepath"
	"reflect"
	"testing"

	"tolmach/internal/lang"
)

// TestParseDocumentAsRead: a document parsed from bytes (an upload) is
// the document read from the file of the same name: text, markup
// blanked, language, encoding, suppressions and positions.
func TestParseDocumentAsRead(t *testing.T) {
	dir := t.TempDir()
	files := map[string][]byte{
		"a.ru.docx": makeDOCX(t, docxBody, 0),
		"a.ru.md":   []byte("# Заголовок\n\n<!-- tolmach:ignore term-missing -->\nШОС — это **организация**.\n"),
		"b.en.html": []byte("<p>The <b>SCO</b> met.</p><!-- tolmach:ignore-file untranslated -->"),
		"c.txt":     {0xcf, 0xf0, 0xe8, 0xe2, 0xe5, 0xf2, 0x2c, 0x20, 0xec, 0xe8, 0xf0, 0x21, 0x0d, 0x0a}, // Windows-1251, CRLF
		"d.en.txt":  []byte("\ufeffPlain text.\nSecond line.\n"),
	}
	root := repoRoot(t)
	for _, p := range []string{"check/testdata/eval/04-arms-control-en-ru-html/source.en.html", "check/testdata/eval/03-eaeu-decade-ru-en-md/source.ru.md"} {
		b, err := os.ReadFile(filepath.Join(root, p))
		if err != nil {
			t.Fatal(err)
		}
		files[filepath.Base(p)] = b
	}
	for name, data := range files {
		path := filepath.Join(dir, name)
		if err := os.WriteFile(path, data, 0o644); err != nil {
			t.Fatal(err)
		}
		read, err := ReadDocument(path, "", "")
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		parsed, err := ParseDocument(path, data, "", "")
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		if read.Raw != parsed.Raw || read.Text != parsed.Text || read.Lang != parsed.Lang || read.Encoding != parsed.Encoding ||
			read.Format != parsed.Format || !reflect.DeepEqual(read.ignores, parsed.ignores) || !reflect.DeepEqual(read.ignoreFile, parsed.ignoreFile) {
			t.Errorf("%s: parsed %+v\nread %+v", name, parsed, read)
			continue
		}
		for off := 0; off < len(read.Text); off += 7 {
			l1, c1 := read.Pos(off)
			l2, c2 := parsed.Pos(off)
			if l1 != l2 || c1 != c2 {
				t.Errorf("%s: offset %d at %d:%d parsed, %d:%d read", name, off, l2, c2, l1, c1)
				break
			}
		}
	}
	if d, _ := ParseDocument("c.txt", files["c.txt"], "", ""); d.Encoding != lang.Windows1251 || d.Text != "Привет, мир!\n" {
		t.Errorf("Windows-1251 upload: %q %q", d.Encoding, d.Text)
	}
}

func TestParseErrors(t *testing.T) {
	big := make([]byte, lang.MaxFileSize+1)
	for i := range big {
		big[i] = 'a'
		if i%80 == 79 {
			big[i] = '\n'
		}
	}
	for _, tc := range []struct {
		name string
		data []byte
	}{
		{"a.docx", []byte("not a zip")},
		{"a.xlf", []byte("<xliff/>")},
		{"a.txt", big},
		{"a.txt", []byte{0, 1, 2, 3, 0xff, 0xfe, 0}},
	} {
		if _, err := ParseDocument(tc.name, tc.data, "", ""); err == nil {
			t.Errorf("%s (%d bytes) accepted", tc.name, len(tc.data))
		}
	}
	if _, _, err := ParseBilingual("x.xlf", []byte("<xliff version=\"1.2\"><file><body></body></file></xliff>"), ""); err == nil {
		t.Error("an XLIFF without units accepted")
	}
	src, tgt, err := ParseBilingual("f.xlf", []byte(xliff12), "")
	if err != nil || src.Lang != lang.RU || tgt.Lang != lang.EN || len(src.units) == 0 {
		t.Errorf("XLIFF upload: %v", err)
	}
}
