package align

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"tolmach/internal/lang"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata")

// TestGoldenSamples aligns the sample article pairs of data/samples (each
// with deliberate omissions and additions) and compares the pairs, their
// lines and kinds with testdata/*.golden; -update rewrites them.
func TestGoldenSamples(t *testing.T) {
	tests := []struct {
		name     string
		src, tgt string
		sl, tl   lang.Lang
	}{
		{"sco-eurasia", "sco-eurasia.ru.txt", "sco-eurasia.en.txt", lang.RU, lang.EN},
		{"russia-china", "russia-china.en.txt", "russia-china.ru.txt", lang.EN, lang.RU},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := filepath.Join("..", "..", "data", "samples")
			src, err := os.ReadFile(filepath.Join(dir, tt.src))
			if err != nil {
				t.Skip(err)
			}
			tgt, err := os.ReadFile(filepath.Join(dir, tt.tgt))
			if err != nil {
				t.Skip(err)
			}
			a, err := AlignTexts(string(src), string(tgt), tt.sl, tt.tl, Options{})
			if err != nil {
				t.Fatal(err)
			}
			var b strings.Builder
			for _, p := range a.Pairs {
				fmt.Fprintf(&b, "%s %v:%v low=%v\n", p.Kind(), lines(a.SourceSentences(p)), lines(a.TargetSentences(p)), p.Low)
			}
			golden := filepath.Join("testdata", tt.name+".golden")
			if *update {
				if err := os.WriteFile(golden, []byte(b.String()), 0o644); err != nil {
					t.Fatal(err)
				}
			}
			want, err := os.ReadFile(golden)
			if err != nil {
				t.Fatal(err)
			}
			if b.String() != string(want) {
				t.Errorf("alignment of %s differs from %s:\n%s", tt.name, golden, b.String())
			}
		})
	}
}

func lines(ss []Sentence) []int {
	out := make([]int, len(ss))
	for k, s := range ss {
		out[k] = s.Line
	}
	return out
}
