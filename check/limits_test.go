package check

import (
	"fmt"
	"os"
	"strings"
	"testing"

	"tolmach/internal/lang"
)

// TestCheckDOCXText: a DOCX paragraph over lang.MaxLineSize is refused
// with its paragraph number; one of exactly the limit is read.
func TestCheckDOCXText(t *testing.T) {
	exact := strings.Repeat("x", lang.MaxLineSize)
	if err := checkDOCXText("Мир.\n\n" + exact + "\n\nКонец.\n"); err != nil {
		t.Errorf("a paragraph of exactly MaxLineSize bytes: %v", err)
	}
	err := checkDOCXText("Мир.\n\nВойна.\n\n" + exact + "x\n\nКонец.\n")
	if want := "paragraph is 1,048,577 bytes; tolmach reads paragraphs up to 1 MiB"; err == nil || err.Error() != want {
		t.Errorf("got %v, want %s", err, want)
	}
	if err := lang.FileError("a.docx", err); err == nil || !strings.HasPrefix(err.Error(), "a.docx:3: ") {
		t.Errorf("got %v, want a.docx:3: …", err)
	}
}

// TestMinifiedMarkup: HTML and XLIFF written on one line longer than
// lang.MaxLineSize are read (their lines mean nothing), while a text
// article with such a line is refused.
func TestMinifiedMarkup(t *testing.T) {
	dir := t.TempDir()
	para := strings.Repeat("Россия и Китай. ", lang.MaxLineSize/len("Россия и Китай. ")+1)
	write := func(name, text string) string {
		path := dir + "/" + name
		if err := os.WriteFile(path, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
		return path
	}
	html := write("a.ru.html", "<html><body><p>"+para+"</p><p>"+para+"</p></body></html>")
	d, err := ReadDocument(html, "", lang.RU)
	if err != nil {
		t.Fatalf("minified HTML: %v", err)
	}
	if !strings.Contains(d.Text, "Россия и Китай.") {
		t.Errorf("minified HTML read as %.80q", d.Text)
	}
	var units strings.Builder
	for i := range 3 {
		fmt.Fprintf(&units, `<trans-unit id="%d"><source>%s</source><target>Russia and China.</target></trans-unit>`, i, strings.Repeat("Россия и Китай. ", 30000))
	}
	xlf := write("a.xlf", `<?xml version="1.0" encoding="UTF-8"?><xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2"><file source-language="ru" target-language="en" datatype="plaintext" original="a"><body>`+units.String()+`</body></file></xliff>`)
	if _, _, err := ReadBilingual(xlf, ""); err != nil {
		t.Errorf("minified XLIFF: %v", err)
	}
	txt := write("a.ru.txt", para)
	if _, err := ReadDocument(txt, "", lang.RU); err == nil || !strings.Contains(err.Error(), "a.ru.txt:1: line is") {
		t.Errorf("a text article with a line over the limit: got %v", err)
	}
}
