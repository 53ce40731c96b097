package check

import (
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
