package glossary

import (
	"bytes"
	"fmt"
	"reflect"
	"strings"
	"testing"
)

// checkSplit checks that reading data in pieces of any size (up to 3,
// cut wherever an entry tag allows), when parseTBXSplit accepts to, gives
// exactly what reading it whole gave (g, err), origins included.
func checkSplit(t *testing.T, data []byte, g *Glossary, err error) {
	t.Helper()
	data = bytes.TrimPrefix(data, []byte("\xEF\xBB\xBF"))
	for _, n := range []int{2, 3} {
		split, ok := parseTBXSplit(data, "f.tbx", n, 1)
		if !ok {
			continue
		}
		if err != nil {
			t.Fatalf("read in %d pieces without error; whole: %v", n, err)
		}
		if !reflect.DeepEqual(split, g) {
			t.Fatalf("read in %d pieces\n%s\nwhole\n%s", n, dumpGlossary(split), dumpGlossary(g))
		}
	}
}

// dumpGlossary shows every field of g, origins included.
func dumpGlossary(g *Glossary) string {
	var b strings.Builder
	for _, c := range g.Concepts {
		fmt.Fprintf(&b, "%+v\n", *c)
		for _, t := range c.Terms {
			fmt.Fprintf(&b, "  %+v\n", *t)
		}
	}
	return b.String()
}

func TestParseTBXSplit(t *testing.T) {
	entry := func(i int) string {
		return fmt.Sprintf("<termEntry id=\"c%d\">\n<descrip type=\"subjectField\">d</descrip>\n<langSet xml:lang=\"ru\"><tig><term>мир %d</term></tig></langSet>\n<langSet xml:lang=\"en\"><tig><term>peace &amp; %d</term><termNote type=\"termType\">fullForm</termNote></tig></langSet>\n</termEntry>\n", i, i, i)
	}
	body := func(from, to int) string {
		var b strings.Builder
		for i := from; i < to; i++ {
			b.WriteString(entry(i))
		}
		return b.String()
	}
	head := "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<!DOCTYPE martif SYSTEM \"TBXcoreStructV02.dtd\">\n<martif type=\"TBX\" xml:lang=\"en\"><martifHeader><!-- a comment --></martifHeader>\n<text><body>\n"
	tail := "</body></text></martif>\n"
	v3 := strings.NewReplacer("martif", "tbx", "termEntry", "conceptEntry", "langSet", "langSec", "tig", "termSec")
	tests := []struct {
		name string
		data string
		ok   bool // whether it may be read in pieces
	}{
		{"plain", head + body(0, 40) + tail, true},
		{"v3", v3.Replace(head + body(0, 40) + tail), true},
		{"self-closing entries", head + body(0, 20) + "<termEntry id=\"e\"/>\n" + body(20, 40) + tail, true},
		{"a comment in the body", head + body(0, 30) + "<!-- x -->" + body(30, 40) + tail, false},
		{"an entry tag in a comment", head + body(0, 10) + "<!--" + body(10, 30) + "-->" + body(30, 40) + tail, false},
		{"an entry tag in CDATA", head + body(0, 10) + "<note><![CDATA[" + body(10, 30) + "]]></note>" + body(30, 40) + tail, false},
		{"a processing instruction", head + body(0, 30) + "<?pi " + body(30, 31) + "?>" + body(31, 40) + tail, false},
		{"unclosed root", head + body(0, 40) + "</body></text>", false},
		{"one closing tag too many", head + body(0, 40) + "</body>" + tail, false},
		// Nested entries: the state between them is empty all the same.
		{"entries in an entry", head + "<termEntry>" + body(0, 40) + "</termEntry>" + tail, true},
		// The only place to cut is inside a concept: its state is not empty there.
		{"a cut inside a concept", head + "<termEntry id=\"a\"><langSet xml:lang=\"en\">" + strings.Repeat("<tig><term>x</term></tig>\n", 40) +
			"<termEntry id=\"b\"/>" + strings.Repeat("<note>n</note>\n", 40) + "</langSet></termEntry>" + tail, false},
		{"a mismatched closing tag", head + body(0, 40) + "</text></body></martif>", false},
		{"no root", body(0, 40), false},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			data := []byte(tc.data)
			whole, err := parseTBXWith(data, "f.tbx", true)
			if tc.ok && err != nil {
				t.Fatal(err)
			}
			for _, n := range []int{2, 3, 7} {
				_, ok := parseTBXSplit(data, "f.tbx", n, 1)
				if ok != tc.ok {
					t.Errorf("%d pieces: ok %v, want %v", n, ok, tc.ok)
				}
			}
			checkSplit(t, data, whole, err)
			if _, ok := parseTBXSplit(data, "f.tbx", 2, len(data)/2+1); ok {
				t.Error("read in pieces smaller than the least size")
			}
		})
	}
}
