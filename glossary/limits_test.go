package glossary

import (
	"errors"
	"strconv"
	"strings"
	"testing"

	"tolmach/internal/lang"
)

// TestTermLimit: a term over lang.MaxTermLen characters is refused by
// every reader at its line; a term of exactly the limit is read. A note
// may be longer, up to lang.MaxLineSize bytes.
func TestTermLimit(t *testing.T) {
	exact := strings.Repeat("я", lang.MaxTermLen)
	long := exact + "я"
	note := strings.Repeat("n", 100_000)
	tbx2 := func(term string) string {
		return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<martif type=\"TBX\" xml:lang=\"en\"><text><body>\n<termEntry id=\"a\">\n<note>" + note + "</note>\n<langSet xml:lang=\"ru\">\n<tig><term>" + term + "</term></tig></langSet>\n<langSet xml:lang=\"en\"><tig><term>peace</term></tig></langSet></termEntry>\n</body></text></martif>\n"
	}
	tbx3 := func(term string) string {
		return "<?xml version=\"1.0\"?>\n<tbx type=\"TBX-Basic\" style=\"dca\" xml:lang=\"en\" xmlns=\"urn:iso:std:iso:30042:ed-2\"><text><body>\n<conceptEntry id=\"a\">\n<langSec xml:lang=\"ru\">\n<termSec><term>" + term + "</term></termSec></langSec>\n<langSec xml:lang=\"en\"><termSec>\n<term>peace</term></termSec></langSec></conceptEntry>\n</body></text></tbx>\n"
	}
	cases := []struct {
		name   string
		format Format
		data   func(term string) string
		line   int
	}{
		{"x.glossary", Native, func(s string) string { return "[a]\nnote: " + note + "\nru: " + s + "\nen: peace\n" }, 3},
		{"x.csv", CSV, func(s string) string { return "ru,en,note\nмир,peace," + note + "\n" + s + ",war,\n" }, 3},
		{"x.tsv", OmegaT, func(s string) string { return "мир\tpeace\n" + s + "\twar\n" }, 2},
		{"x.tbx", TBX, tbx2, 6},
		{"x3.tbx", TBX, tbx3, 5},
	}
	for _, tc := range cases {
		if _, err := Parse([]byte(tc.data(exact)), tc.name, tc.format); err != nil {
			t.Errorf("%s: a term of exactly %d characters: %v", tc.name, lang.MaxTermLen, err)
		}
		want := tc.name + ":" + strconv.Itoa(tc.line) + ": term is 1,001 characters; tolmach reads glossary terms up to 1,000 characters (a term is a word or a phrase; put explanations in a note)"
		_, err := Parse([]byte(tc.data(long)), tc.name, tc.format)
		if err == nil || err.Error() != want || !errors.Is(err, lang.ErrTooLarge) {
			t.Errorf("%s: got %v\nwant %s", tc.name, err, want)
		}
		if tc.format == TBX { // the encoding/xml path says the same
			if err := checkLimits(mustParseTBX(t, tc.data(long), tc.name)); err == nil || err.Error() != want {
				t.Errorf("%s (encoding/xml): got %v\nwant %s", tc.name, err, want)
			}
		}
	}
}

func mustParseTBX(t *testing.T, data, name string) *Glossary {
	g, err := parseTBXWith([]byte(data), name, false)
	if err != nil {
		t.Fatal(err)
	}
	return g
}

// TestTBXLongText: an element's text over lang.MaxLineSize bytes is
// refused at its line by both TBX readers, before it is held whole.
func TestTBXLongText(t *testing.T) {
	big := strings.Repeat("w", lang.MaxLineSize+1)
	data := "<?xml version=\"1.0\"?>\n<martif type=\"TBX\"><text><body>\n<termEntry id=\"a\">\n<langSet xml:lang=\"ru\"><tig><term>мир</term></tig></langSet>\n<langSet xml:lang=\"en\"><tig><term>" + big + "</term></tig></langSet></termEntry>\n</body></text></martif>\n"
	for _, fast := range []bool{true, false} {
		_, err := parseTBXWith([]byte(data), "big.tbx", fast)
		if err == nil || !strings.HasPrefix(err.Error(), "big.tbx:5") || !errors.Is(err, lang.ErrTooLarge) {
			t.Errorf("fast=%v: got %v", fast, err)
		}
	}
}
