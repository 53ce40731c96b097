package tm

import (
	"strings"
	"testing"
)

// TestTableHeaderColumns: in a TM table a header cell is a language
// column only when it is a real language tag (lang.IsColumnTag); other
// short names (src, tgt, pos, num) are ignored columns, so their cells
// never become segments, and a header with fewer than two languages is
// refused at line 1.
func TestTableHeaderColumns(t *testing.T) {
	tests := []struct {
		name    string
		format  Format
		data    string
		want    string // segments of each unit, "lang:text" joined by spaces, units by " | "
		wantErr string
	}{
		{"extra.tsv", TSV, "num\tru\ten\tsrc\tpos\n1\tМир\tPeace\tUN\tn\n", "ru:Мир en:Peace", ""},
		{"extra.csv", CSV, "ru,en,tgt,def\nМир,Peace,x,y\nВойна,War,,\n", "ru:Мир en:Peace | ru:Война en:War", ""},
		{"semicolons.csv", CSV, "ru;en;src\nМир;Peace;UN\n", "ru:Мир en:Peace", ""},
		{"subtags.tsv", TSV, "ru-RU\ten_GB\tzh-CN\nМир\tPeace\t和平\n", "ru-RU:Мир en-GB:Peace zh-CN:和平", ""},
		{"srctgt.tsv", TSV, "src\ttgt\nМир\tPeace\n", "", "srctgt.tsv:1:1"},
		{"srctgt.csv", CSV, "src,tgt,num\nМир,Peace,1\n", "", "srctgt.csv:1:1"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var us []string
			err := Read(strings.NewReader(tt.data), tt.name, tt.format, func(u *Unit) error {
				var ss []string
				for _, s := range u.Segments {
					ss = append(ss, s.Lang+":"+s.Text)
				}
				us = append(us, strings.Join(ss, " "))
				return nil
			})
			if tt.wantErr != "" {
				if err == nil || !strings.Contains(err.Error(), tt.wantErr) {
					t.Fatalf("err = %v, want one at %s", err, tt.wantErr)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if got := strings.Join(us, " | "); got != tt.want {
				t.Errorf("units = %q, want %q", got, tt.want)
			}
		})
	}
}
