package glossary

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"
	"tolmach/internal/shareddata"
)

// addSeeds adds the files matching the patterns (under testdata and the
// shared third-party data, when present) to the corpus of f.
func addSeeds(f *testing.F, patterns ...string) {
	dirs := []string{"testdata"}
	if d := findSharedData(); d != "" {
		dirs = append(dirs, d)
	}
	for _, dir := range dirs {
		for _, p := range patterns {
			files, _ := filepath.Glob(filepath.Join(dir, p))
			for _, file := range files {
				if data, err := os.ReadFile(file); err == nil && len(data) < 64<<10 {
					f.Add(data)
				}
			}
		}
	}
}

// findSharedData is sharedData for fuzz targets, which cannot skip.
func findSharedData() string { return shareddata.Find() }

// roundTrip checks that what was read writes in format f and reads back
// to the same glossary.
func roundTrip(t *testing.T, g *Glossary, f Format) {
	t.Helper()
	var b bytes.Buffer
	if err := Write(&b, Merge(g), f); err != nil {
		return // e.g. a language code the native format cannot hold
	}
	g2, err := Parse(b.Bytes(), "rt", f)
	if err != nil {
		t.Fatalf("cannot read back what was written as %s: %v\n%s", f, err, b.String())
	}
	if a, b := canon(t, Merge(g)), canon(t, g2); a != b {
		t.Fatalf("round trip through %s changed the glossary:\n%s\n---\n%s", f, a, b)
	}
}

func FuzzNative(f *testing.F) {
	addSeeds(f, "*.glossary")
	f.Add([]byte("[a]\nen: x \\| y \\\\ | case\n  note: n\n    more\n"))
	f.Add([]byte("[a]\ndomain: d\n  # hash\nru: мир | preferred fullForm exact\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		g, err := Parse(data, "f.glossary", Native)
		if err != nil {
			return
		}
		roundTrip(t, g, Native)
	})
}

func FuzzTBX(f *testing.F) {
	addSeeds(f, "*.tbx", "tm_formats_okapi/tbx/*.tbx", "tm_formats_weblate/*.tbx", "tm_formats_omegat/glossaries/*.tbx")
	f.Add([]byte(`<martif><text><body><termEntry id="A b"><langSet xml:lang="ru"><tig><term>мир</term><termNote type="administrativeStatus">preferredTerm-admn-sts</termNote></tig></langSet></termEntry></body></text></martif>`))
	f.Add([]byte(`<tbx><text><body><conceptEntry><langSec xml:lang="en"><termSec><term>x<hi>y</hi></term><basic:termType>acronym</basic:termType></termSec></langSec></conceptEntry></body></text></tbx>`))
	f.Add([]byte(`<martif><text><body><termEntry id="1"><descrip type="Definition">d</descrip><langSet xml:lang="zh_cn"><tig><term>Moнал</term></tig></langSet></termEntry><termEntry id="1"><langSet xml:lang="EN-gb"><descrip type="DEFINITION">e</descrip><tig><term>x</term></tig></langSet></termEntry></body></text></martif>`))
	f.Add([]byte("<\x00?\x00x\x00m\x00l\x00 \x00?\x00>\x00<\x00m\x00a\x00r\x00t\x00i\x00f\x00/\x00>\x00"))
	f.Fuzz(func(t *testing.T, data []byte) {
		g, err := Parse(data, "f.tbx", TBX)
		// The fast tokenizer must never accept what encoding/xml rejects,
		// nor read anything differently.
		std, stdErr := parseTBXWith(data, "f.tbx", false)
		switch {
		case (err == nil) != (stdErr == nil):
			t.Fatalf("fast path: %v; encoding/xml: %v", err, stdErr)
		case err == nil && canon(t, g) != canon(t, std):
			t.Fatalf("fast path read\n%s\nencoding/xml read\n%s", canon(t, g), canon(t, std))
		case err != nil && err.Error() != stdErr.Error():
			t.Fatalf("errors differ: %v / %v", err, stdErr)
		}
		checkSplit(t, data, g, err)
		if err != nil {
			return
		}
		roundTrip(t, g, TBX)
		roundTrip(t, g, TBX3)
	})
}

func FuzzCSV(f *testing.F) {
	addSeeds(f, "*.csv", "*.tsv", "tm_formats_omegat/glossaries/*.csv", "tm_formats_omegat/glossaries/*.tab")
	f.Add([]byte("id,ru,en,en_status,en_type,en_flags,note\na,мир,peace,preferred,phrase,case,\"x, \"\"y\"\"\"\na,,calm,,,,\n"))
	f.Add([]byte("мир\tpeace\tcomment\n# c\nвойна\twar\n"))
	f.Add([]byte("term\tterm_var\tterm_var_approved\texplanation\nМонал\tмонала\tда\tгород\t1\n"))
	f.Add([]byte("Source\tTarget\nмир\tpeace\n"))
	f.Add([]byte("peace\tpaix\nwar\tguerre\n"))
	f.Add([]byte("pos,ru,en,src,def,pt_BR,sr-Latn\nn,мир,peace,UN,x,paz,mir\n"))
	f.Add([]byte("src\ttgt\nмир\tpeace\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		for _, name := range []string{"f.csv", "f.tsv"} {
			format, err := DetectFormat(name, data)
			if err != nil {
				continue
			}
			g, err := Parse(data, name, format)
			if err != nil {
				continue
			}
			roundTrip(t, g, CSV)
			roundTrip(t, g, TSV)
		}
	})
}
