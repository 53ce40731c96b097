package check

import (
	"strings"
	"testing"
	"unicode"
)

// segmentTextTests are segments with the white space reports collapse.
var segmentTextTests = []struct{ name, in, want string }{
	{"empty", "", ""},
	{"single spaces", "Мир и война.", "Мир и война."},
	{"leading and trailing", "  a b\t", "a b"},
	{"runs", "a  \n\tb\u00a0\u2003c", "a b c"},
	{"only spaces", " \n ", ""},
	{"invalid UTF-8", "a\xff  b", "a\xff b"},
}

func TestSegmentText(t *testing.T) {
	for _, tt := range segmentTextTests {
		t.Run(tt.name, func(t *testing.T) {
			if got := segmentText(tt.in); got != tt.want {
				t.Errorf("segmentText(%q) = %q, want %q", tt.in, got, tt.want)
			}
		})
	}
}

// FuzzSegmentText holds segmentText to its definition: the fields of
// the text joined by single spaces.
func FuzzSegmentText(f *testing.F) {
	for _, tt := range segmentTextTests {
		f.Add(tt.in)
	}
	f.Fuzz(func(t *testing.T, s string) {
		want := strings.Join(strings.FieldsFunc(s, unicode.IsSpace), " ")
		if got := segmentText(s); got != want {
			t.Errorf("segmentText(%q) = %q, want %q", s, got, want)
		}
	})
}
