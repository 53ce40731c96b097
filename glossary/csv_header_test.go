package glossary

import (
	"strings"
	"testing"
)

// TestCSVHeaderColumns: a header cell is a language column only when it
// is a real language tag; other cells of two or three letters (pos, src,
// def, tgt, num), however well-formed as codes, are columns tolmach
// ignores, and their cells never become terms.
func TestCSVHeaderColumns(t *testing.T) {
	tests := []struct {
		name, data string
		want       string // the terms of each concept, "lang:text" joined by spaces, concepts by " | "
	}{
		{"pos-src-def.csv", "pos,ru,en,src,def\nn,мир,peace,UN,the absence of war\n", "ru:мир en:peace"},
		{"tgt-num.tsv", "num\tru\ten\ttgt\n1\tмир\tpeace\tx\n2\tвойна\twar\ty\n", "ru:мир en:peace | ru:война en:war"},
		{"semicolons.csv", "ru;en;pos;var\nмир;peace;n;мира\n", "ru:мир en:peace"},
		{"status-of-pos.csv", "ru,en,pos_status\nмир,peace,preferred\n", "ru:мир en:peace"},
		{"subtags.csv", "ru,en,zh-CN,pt_BR,sr-Latn\nмир,peace,和平,paz,mir\n", "ru:мир en:peace pt-BR:paz sr-Latn:mir zh-CN:和平"},
		{"case.csv", "RU,En,DE,Ru_Status\nмир,peace,Frieden,preferred\n", "ru:мир en:peace de:Frieden"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			format, err := DetectFormat(tt.name, []byte(tt.data))
			if err != nil {
				t.Fatal(err)
			}
			g, err := Parse([]byte(tt.data), tt.name, format)
			if err != nil {
				t.Fatal(err)
			}
			var cs []string
			for _, c := range g.Concepts {
				var ts []string
				for _, tm := range c.Terms {
					ts = append(ts, tm.Lang+":"+tm.Text)
				}
				cs = append(cs, strings.Join(ts, " "))
			}
			if got := strings.Join(cs, " | "); got != tt.want {
				t.Errorf("terms = %q, want %q", got, tt.want)
			}
		})
	}
}

// TestCSVHeaderWithoutLanguages: a header of column names none of which
// is a language is refused at line 1, whatever its cells look like.
func TestCSVHeaderWithoutLanguages(t *testing.T) {
	for _, data := range []string{
		"src,tgt\nмир,peace\n",
		"src\ttgt\nмир\tpeace\n",
		"pos,def,num\nn,мир,1\n",
	} {
		name := "g.csv"
		if strings.Contains(data, "\t") {
			name = "g.tsv"
		}
		format, err := DetectFormat(name, []byte(data))
		if err == nil {
			_, err = Parse([]byte(data), name, format)
		}
		if err == nil || !strings.Contains(err.Error(), name+":1") {
			t.Errorf("%q: err = %v, want an error at %s:1", data, err, name)
		}
	}
}
