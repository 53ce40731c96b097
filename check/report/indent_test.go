package report

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"testing"
)

// indentCases are JSON values with every construct the indenter steps
// through: empty and nested containers, escapes (a quote, a backslash
// before a quote), brackets and commas inside strings, Cyrillic,
// numbers and literals.
var indentCases = []string{
	`{}`, `[]`, `""`, `0`, `null`, `true`,
	`{"a":[]}`, `{"a":{},"b":[{}],"c":[[]]}`,
	`[1,-2.5e+10,true,false,null,"x"]`,
	`{"q":"say \"hi\", {ok}: [1,2]","bs":"C:\\path\\","u":"\u003c\u2028 «ёлочки»"}`,
	`{"a":{"b":{"c":[1,{"d":"e"}]}},"f":"\\\""}`,
}

// TestIndentJSON: indentJSON indents as json.Indent does, on the table
// and on every JSON and SARIF golden report.
func TestIndentJSON(t *testing.T) {
	inputs := append([]string(nil), indentCases...)
	for _, pat := range []string{"*.json", "*.sarif"} {
		files, _ := filepath.Glob(filepath.Join("testdata", pat))
		for _, f := range files {
			data, err := os.ReadFile(f)
			if err != nil {
				t.Fatal(err)
			}
			inputs = append(inputs, string(data))
		}
	}
	for _, in := range inputs {
		var compact bytes.Buffer
		if err := json.Compact(&compact, []byte(in)); err != nil {
			t.Fatalf("%.60q: %v", in, err)
		}
		var want bytes.Buffer
		json.Indent(&want, compact.Bytes(), "", "  ")
		if got := indentJSON(nil, compact.Bytes(), "  "); string(got) != want.String() {
			t.Errorf("%.60q:\ngot  %s\nwant %s", in, got, want.Bytes())
		}
	}
}

// FuzzIndentJSON: on any valid JSON, indentJSON agrees with json.Indent.
func FuzzIndentJSON(f *testing.F) {
	for _, c := range indentCases {
		f.Add([]byte(c))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		var compact bytes.Buffer
		if json.Compact(&compact, data) != nil {
			return
		}
		var want bytes.Buffer
		json.Indent(&want, compact.Bytes(), "", "  ")
		if got := indentJSON(nil, compact.Bytes(), "  "); string(got) != want.String() {
			t.Errorf("%q:\ngot  %s\nwant %s", data, got, want.Bytes())
		}
	})
}
